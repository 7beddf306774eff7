/**
 * GBK encoding for tests: the project's encoder (`src/io/gbk.ts`), throwing on a character GBK
 * lacks so a fixture can never hold a silent `?`.
 */
import { encodeGbk as encode } from "../../../src/io/gbk";

export function encodeGbk(text: string): Uint8Array {
  const r = encode(text);
  if (r.unencodable > 0) throw new Error(`not encodable in GBK: ${text}`);
  return r.bytes;
}
