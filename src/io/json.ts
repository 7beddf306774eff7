/** JSON parsing that reports where a file is broken instead of throwing. */

export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; params: Record<string, string | number | null> };

/**
 * Parse JSON text; on failure give the parser's message and the 1-based line and column.
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
  const m = /position (\d+)/.exec(msg);
  if (!m) return { message: msg, position: null, line: null, column: null };
  const pos = Number(m[1]);
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
