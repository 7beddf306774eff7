/**
 * Unzipping the files officials send (a zipped Shapefile, usually), with `fflate`.
 *
 * Entry names: a name whose UTF-8 flag (general-purpose bit 11) is unset is in the archiver's
 * local code page — GBK on Chinese Windows (WinRAR, 7-Zip, Explorer) — and is decoded as UTF-8
 * when its bytes are valid UTF-8, else as GBK. Zip bombs are refused from the central
 * directory's declared sizes before anything is inflated (total size, compression ratio, entry
 * count), and inflating never writes past an entry's declared size. Never throws: a malformed
 * archive is one fatal problem naming the file.
 */
import { unzipSync } from "fflate";
import type { InputFile } from "./readers/types";
import type { Problem } from "./types";

/** Most bytes all entries may inflate to together (1 GiB: a 200,000-parcel Shapefile is far less). */
export const MAX_UNZIPPED_BYTES = 1 << 30;
/** Highest compression ratio accepted for an entry larger than `RATIO_FLOOR` (blank DBF padding gives ~100–300; deflate cannot exceed ~1030). */
export const MAX_RATIO = 500;
const RATIO_FLOOR = 1 << 20;
/** Most entries read from one archive. */
const MAX_ENTRIES = 10_000;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A zip entry name as fflate gives it: when the UTF-8 flag is unset fflate decodes each byte as
 * one Latin-1 character, so the bytes are recovered and decoded as UTF-8 or GBK.
 */
function decodeName(name: string): { name: string; gbk: boolean } {
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0xff) return { name, gbk: false }; // decoded as UTF-8 already (the flag was set)
    if (c > 0x7f) ascii = false;
  }
  if (ascii) return { name, gbk: false };
  const bytes = new Uint8Array(name.length);
  for (let i = 0; i < name.length; i++) bytes[i] = name.charCodeAt(i);
  try {
    return { name: utf8.decode(bytes), gbk: false };
  } catch {
    return { name: new TextDecoder("gbk").decode(bytes), gbk: true };
  }
}

/** Entries that are not data: folders, macOS resource forks. */
function isJunk(name: string): boolean {
  return (
    name.endsWith("/") ||
    name.startsWith("__MACOSX/") ||
    /(^|\/)\._/.test(name) ||
    /(^|\/)\.DS_Store$/.test(name)
  );
}

/**
 * The files inside a zip archive.
 *
 * @param bytes the archive
 * @param file its name as the user gave it, for messages
 * @returns the entries (names decoded, folders and macOS `__MACOSX` entries left out) and
 *   problems: fatal `bad-zip`, `zip-too-large` or `zip-bomb`; info `zip-names-gbk`
 * @example unzip(bytes, "宗地.zip").files.map((f) => f.name) // ["宗地.shp", "宗地.dbf", …]
 */
export function unzip(bytes: Uint8Array, file: string): { files: InputFile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const fatal = (code: string, params?: Problem["params"]) => ({
    files: [],
    problems: [
      ...problems,
      { severity: "error" as const, code, fatal: true, file, ...(params ? { params } : {}) },
    ],
  });
  let total = 0;
  let count = 0;
  let refused: { code: string; params: Problem["params"] } | undefined;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (entry) => {
        if (refused || isJunk(entry.name)) return false;
        count++;
        total += entry.originalSize;
        const shown = decodeName(entry.name).name;
        if (count > MAX_ENTRIES)
          refused = { code: "zip-too-many-entries", params: { entries: count, limit: MAX_ENTRIES } };
        else if (total > MAX_UNZIPPED_BYTES)
          refused = {
            code: "zip-too-large",
            params: { mb: Math.round(total / 2 ** 20), limitMb: MAX_UNZIPPED_BYTES / 2 ** 20 },
          };
        else if (entry.originalSize > RATIO_FLOOR && entry.originalSize > MAX_RATIO * Math.max(1, entry.size))
          refused = {
            code: "zip-bomb",
            params: {
              entry: shown,
              ratio: Math.round(entry.originalSize / Math.max(1, entry.size)),
              limit: MAX_RATIO,
            },
          };
        else if (entry.compression !== 0 && entry.compression !== 8)
          refused = {
            code: "bad-zip",
            params: { reason: "method", entry: shown, method: entry.compression },
          };
        return !refused;
      },
    });
  } catch {
    // fflate's messages ("invalid zip data", "unexpected EOF") are not the user's language
    return fatal("bad-zip", { reason: "corrupt" });
  }
  if (refused) return fatal(refused.code, refused.params);
  const files: InputFile[] = [];
  const gbkNames: string[] = [];
  for (const [name, data] of Object.entries(raw)) {
    const d = decodeName(name);
    if (d.gbk) gbkNames.push(d.name);
    files.push({ name: d.name, bytes: data });
  }
  if (gbkNames.length > 0)
    problems.push({ severity: "info", code: "zip-names-gbk", file, params: { example: gbkNames[0] ?? "" } });
  if (files.length === 0) return fatal("zip-empty");
  return { files, problems };
}
