/**
 * A GBK (cp936) text encoder: the inverse of `TextDecoder("gbk")` over its two-byte range
 * 0x81–0xFE × 0x40–0xFE (built once, on first use, ≈ 22,000 characters). ASCII passes through.
 * Used for Shapefile `.dbf` text, which the bureau's GIS reads as GBK.
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

/**
 * Encode text as GBK. A character GBK lacks (an emoji, a rare CJK extension character) becomes
 * `?` and is counted in `unencodable`, so callers can say so.
 *
 * @example encodeGbk("宗地").bytes // Uint8Array [0xd7, 0xda, 0xb5, 0xd8]
 */
export function encodeGbk(text: string): { bytes: Uint8Array; unencodable: number } {
  table ??= buildTable();
  const out: number[] = [];
  let unencodable = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const code = table.get(ch);
    if (code === undefined) {
      unencodable++;
      out.push(0x3f);
    } else out.push(code >> 8, code & 0xff);
  }
  return { bytes: Uint8Array.from(out), unencodable };
}
