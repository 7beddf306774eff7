/**
 * A text file's bytes (GeoJSON, CSV) → text, in the encoding the user chose in the import
 * dialog's preview (`ImportOptions.encoding`) or else the one detected (`src/io/decode.ts`), with
 * how sure that guess is: a file whose non-ASCII bytes are few and valid UTF-8 may be GBK that
 * happens to be valid UTF-8, so the user is shown the Chinese samples and may switch.
 */
import { decodeText, scanUtf8 } from "../decode";
import type { Problem } from "../types";
import type { EncodingChoice, ImportOptions } from "./types";

/** UTF-8 characters needed before a UTF-8 reading is certain (a short text may read as GBK too). */
const CERTAIN_UTF8_CHARS = 8;

const BOM = [0xef, 0xbb, 0xbf];
const startsWithBom = (bytes: Uint8Array) => BOM.every((b, i) => bytes[i] === b);

/**
 * Decode `bytes` as the user chose, else as detected.
 * @returns the text (undefined when it is not text: a fatal `not-text` problem), the encoding used
 *   and how it was chosen
 * @example decodeImportText(gbkBytes, "企业.csv", { encoding: "gbk" }).encoding // { used: "gbk", how: "option", certain: true }
 */
export function decodeImportText(
  bytes: Uint8Array,
  file: string,
  opts: ImportOptions,
): { text?: string; encoding?: EncodingChoice; problems: Problem[] } {
  if (opts.encoding) {
    // A UTF-8 byte-order mark is not text in either reading.
    const body = startsWithBom(bytes) ? bytes.subarray(3) : bytes;
    const text = new TextDecoder(opts.encoding === "gbk" ? "gbk" : "utf-8").decode(body);
    return { text, encoding: { used: opts.encoding, how: "option", certain: true }, problems: [] };
  }
  const d = decodeText(bytes, file === "" ? undefined : file);
  if (d.text === undefined) return { problems: d.problems };
  const used = d.encoding ?? "utf-8";
  // Read without a broken byte (no problem raised): the text answers it, and stops early.
  const certain =
    used === "gbk" || (d.problems.length === 0 ? decodedUtf8Certain(bytes, d.text) : utf8Certain(bytes));
  return { text: d.text, encoding: { used, how: "detected", certain }, problems: d.problems };
}

/**
 * Is a UTF-8 reading of these bytes certain? Without multi-byte text both readings agree; with a
 * little it may be GBK that happens to be valid UTF-8; with a broken byte it is a guess.
 */
export function utf8Certain(bytes: Uint8Array): boolean {
  const scan = scanUtf8(bytes);
  return scan.invalid === 0 && (scan.valid === 0 || scan.valid >= CERTAIN_UTF8_CHARS);
}

/**
 * `utf8Certain` of bytes that decoded as UTF-8 without error, from their `text`: it counts the
 * multi-byte characters (a leading byte-order mark is one, as `scanUtf8` counts it) only until it
 * has enough, where the byte scan read all 100 MB of a province file again (0.5 s, issue 13).
 */
export function decodedUtf8Certain(bytes: Uint8Array, text: string): boolean {
  let valid = startsWithBom(bytes) ? 1 : 0;
  // As many characters as bytes after the mark: all ASCII.
  if (text.length === bytes.length - 3 * valid) return valid === 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair is one character
    if (++valid >= CERTAIN_UTF8_CHARS) return true;
  }
  return valid === 0;
}
