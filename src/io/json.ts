/** JSON parsing that reports where a file is broken instead of throwing. */

export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; params: Record<string, string | number | null> };

/**
 * Parse JSON text; on failure give the parser's message and the 1-based line and column, always
 * (the engine's message names a position for some errors only: where it does not, the position
 * is found by scanning the text).
 *
 * @example parseJson('{"a": }') // {ok:false, params:{message:"…", position:6, line:1, column:7}}
 */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, params: jsonErrorParams(err, text) };
  }
}

function jsonErrorParams(err: unknown, text: string): Record<string, string | number | null> {
  const msg = err instanceof Error ? err.message : String(err);
  const scanned = syntaxErrorAt(text);
  const m = /position (\d+)/.exec(msg);
  const pos = scanned >= 0 ? scanned : m ? Number(m[1]) : text.length;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { message: msg, position: pos, line, column: pos - lineStart + 1 };
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * The offset (UTF-16 index) of the first character where `text` stops being JSON (RFC 8259),
 * `text.length` when it ends too early, or -1 when it is valid. Iterative: any nesting depth.
 */
export function syntaxErrorAt(text: string): number {
  const n = text.length;
  let i = 0;
  /** Open containers: `[` or `{`. */
  const stack: number[] = [];
  /** What comes next: a value, an object key (or `}` right after `{`), or what follows a value. */
  let expect: "value" | "key" | "after" = "value";
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** A string starting at i (a quote); returns false with i at the offending character. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(text.charCodeAt(i + k))) {
              i += k;
              return false;
            }
          }
          i += 6;
          continue;
        }
        if ('"\\/bfnrt'.indexOf(text[i + 1] ?? "x") < 0) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      i++;
    }
    return false; // unterminated: i = n
  };
  const digits = (): boolean => {
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    return i > start;
  };
  const number = (): boolean => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (!digits()) return false;
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!digits()) return false;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      if (!digits()) return false;
    }
    return true;
  };
  for (;;) {
    ws();
    if (expect === "after") {
      if (stack.length === 0) return i < n ? i : -1;
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      const top = stack[stack.length - 1];
      if (c === 0x2c) {
        i++;
        expect = top === 0x7b ? "key" : "value";
      } else if ((top === 0x5b && c === 0x5d) || (top === 0x7b && c === 0x7d)) {
        i++;
        stack.pop();
      } else return i;
      continue;
    }
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (expect === "key") {
      if (c !== 0x22 || !string()) return i;
      ws();
      if (text.charCodeAt(i) !== 0x3a) return i;
      i++;
      expect = "value";
      continue;
    }
    // a value
    if (c === 0x7b || c === 0x5b) {
      i++;
      ws();
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (text.charCodeAt(i) === close) {
        i++;
        expect = "after";
      } else {
        stack.push(c);
        expect = c === 0x7b ? "key" : "value";
      }
      continue;
    }
    if (c === 0x22) {
      if (!string()) return i;
    } else if (c === 0x2d || isDigit(c)) {
      if (!number()) return i;
    } else {
      const word = text.startsWith("true", i)
        ? 4
        : text.startsWith("false", i)
          ? 5
          : text.startsWith("null", i)
            ? 4
            : 0;
      if (word === 0) return i;
      i += word;
    }
    expect = "after";
  }
}
