/**
 * An import as one byte string: the user's files plus the choices made in the import dialog
 * (encoding, CRS, field mapping, join key). It is the dataset's source: fingerprinted, kept for
 * undo/redo and reloads (`StoredDataset.content`), and read again to the same parcels.
 *
 * Layout: the magic `JIYUE-IMPORT-1\n`, a 4-byte little-endian header length, the header (UTF-8
 * JSON: file names and sizes, options, join), then the files' bytes one after another.
 */
import type { ImportOptions, InputFile } from "./readers/types";

const MAGIC = new TextEncoder().encode("JIYUE-IMPORT-1\n");

export interface ImportJoin {
  /** Name of the sheet among `files` that is joined (not read as features). */
  file: string;
  tableField: string;
  featureField: string;
}

export interface ImportSource {
  files: InputFile[];
  options: ImportOptions;
  join?: ImportJoin;
}

interface Header {
  files: { name: string; size: number }[];
  options: ImportOptions;
  join?: ImportJoin;
}

/** Does this content start like a bundle? */
export function isImportBundle(bytes: Uint8Array | string): bytes is Uint8Array {
  return (
    typeof bytes !== "string" && bytes.length > MAGIC.length + 4 && MAGIC.every((b, i) => bytes[i] === b)
  );
}

/** One byte string of the files and choices (the same input gives the same bytes). */
export function encodeImportBundle(src: ImportSource): Uint8Array {
  const header: Header = {
    files: src.files.map((f) => ({ name: f.name, size: f.bytes.length })),
    options: src.options,
    ...(src.join ? { join: src.join } : {}),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const total = MAGIC.length + 4 + head.length + src.files.reduce((n, f) => n + f.bytes.length, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(MAGIC.length, head.length, true);
  out.set(head, MAGIC.length + 4);
  let at = MAGIC.length + 4 + head.length;
  for (const f of src.files) {
    out.set(f.bytes, at);
    at += f.bytes.length;
  }
  return out;
}

/** The files and choices of a bundle; null when the bytes are not a (complete) bundle. */
export function decodeImportBundle(bytes: Uint8Array): ImportSource | null {
  if (!isImportBundle(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = view.getUint32(MAGIC.length, true);
  let at = MAGIC.length + 4;
  if (at + len > bytes.length) return null;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + len))) as Header;
  } catch {
    return null;
  }
  if (!header || !Array.isArray(header.files) || typeof header.options !== "object") return null;
  at += len;
  const files: InputFile[] = [];
  for (const f of header.files) {
    if (typeof f?.name !== "string" || !Number.isInteger(f.size) || f.size < 0 || at + f.size > bytes.length)
      return null;
    files.push({ name: f.name, bytes: bytes.subarray(at, at + f.size) });
    at += f.size;
  }
  return { files, options: header.options ?? {}, ...(header.join ? { join: header.join } : {}) };
}
