/**
 * The CJK font of printed pages: Noto Sans SC (SIL Open Font License 1.1), the simplified-Chinese
 * cut that `@fontsource/noto-sans-sc` ships as WOFF (1.5 MB; Latin, digits and CJK punctuation
 * included). The same file serves the browser (fetched only when exporting) and the CLI (read from
 * node_modules). It is unwrapped here from WOFF to a plain sfnt first — fontkit would inflate it
 * with a pure-JS inflater, 30–100× slower than the platform's — then fontkit subsets it into each
 * PDF, so a PDF carries only the glyphs it uses.
 */

/** The package path of the font file (relative to node_modules). */
export const FONT_MODULE_PATH =
  "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff";

const u32 = (b: Uint8Array, o: number) =>
  ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;

/**
 * A WOFF 1.0 file as the TrueType/OpenType font it wraps (W3C WOFF 1.0 §4–5); any other input is
 * returned unchanged. `inflate` is zlib (RFC 1950) decompression: node's `inflateSync`, or
 * `DecompressionStream("deflate")` in the browser.
 */
export async function woffToSfnt(
  woff: Uint8Array,
  inflate: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): Promise<Uint8Array> {
  if (woff.length < 44 || u32(woff, 0) !== 0x774f4646) return woff; // "wOFF"
  const flavor = u32(woff, 4);
  const numTables = u16(woff, 12);
  const tables: Array<{ tag: number; checksum: number; data: Uint8Array }> = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + 20 * i;
    const tag = u32(woff, e);
    const offset = u32(woff, e + 4);
    const compLength = u32(woff, e + 8);
    const origLength = u32(woff, e + 12);
    const checksum = u32(woff, e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? await inflate(raw) : raw;
    if (data.length !== origLength)
      throw new Error(`WOFF table ${i}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  searchRange *= 16;
  const headerLen = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerLen);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, flavor);
  dv.setUint16(4, numTables);
  dv.setUint16(6, searchRange);
  dv.setUint16(8, entrySelector);
  dv.setUint16(10, numTables * 16 - searchRange);
  let offset = headerLen;
  tables.forEach((t, i) => {
    const e = 12 + 16 * i;
    dv.setUint32(e, t.tag);
    dv.setUint32(e + 4, t.checksum);
    dv.setUint32(e + 8, offset);
    dv.setUint32(e + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
