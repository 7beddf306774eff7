/**
 * A tiny GBK encoder for tests (there is no iconv here): it inverts `TextDecoder("gbk")` over the
 * two-byte range 0x81–0xFE × 0x40–0xFE. ASCII passes through. Test helper only.
 */
let table: Map<string, number> | undefined;

function buildTable(): Map<string, number> {
  const dec = new TextDecoder("gbk");
  const m = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      pair[0] = hi;
      pair[1] = lo;
      const ch = dec.decode(pair);
      if (ch.length === 1 && ch !== "\ufffd" && !m.has(ch)) m.set(ch, (hi << 8) | lo);
    }
  }
  return m;
}

export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const code = table.get(ch);
    if (code === undefined) throw new Error(`not encodable in GBK: ${ch}`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
