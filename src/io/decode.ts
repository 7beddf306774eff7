/**
 * Bytes → text for files officials hand us: UTF-8 (with or without a byte-order mark) or, when
 * the bytes are not valid UTF-8, GBK (what Chinese Windows software writes by default).
 * Never throws: returns the text or a fatal `not-text` problem.
 */
import type { Problem } from "./types";

export interface DecodeResult {
  text?: string;
  /** `utf-8` or `gbk` when decoded. */
  encoding?: "utf-8" | "gbk";
  problems: Problem[];
}

/** Share of implausible characters (U+FFFD, private use, controls) above which a GBK decode is rejected. */
const MAX_REPLACEMENT_SHARE = 0.001;

/**
 * Decode a file's bytes. A string is taken as already decoded (a leading BOM is stripped).
 *
 * - valid UTF-8 → text, BOM stripped, no problem;
 * - otherwise GBK when it decodes plausibly (no NUL bytes, almost no replacement characters)
 *   → text plus an `info` problem `decoded-gbk`;
 * - otherwise a fatal `not-text` problem (e.g. a shapefile or a spreadsheet given by mistake).
 *
 * @example decodeText(new Uint8Array([0xd6, 0xd0])) // → { text: "中", encoding: "gbk", problems: [decoded-gbk] }
 */
export function decodeText(input: string | Uint8Array, file?: string): DecodeResult {
  if (typeof input === "string") {
    return { text: stripBom(input), encoding: "utf-8", problems: [] };
  }
  const where = file === undefined ? {} : { file };
  if (hasNul(input)) {
    return { problems: [{ severity: "error", code: "not-text", fatal: true, ...where }] };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(input);
    return { text, encoding: "utf-8", problems: [] };
  } catch {
    // not UTF-8: try GBK below
  }
  let text: string;
  try {
    text = new TextDecoder("gbk").decode(input);
  } catch {
    return { problems: [{ severity: "error", code: "not-text", fatal: true, ...where }] };
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // replacement characters, private-use code points (what GBK decoders give for 0xFF…) and
    // control characters other than tab/newline do not occur in a real GBK text file
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  if (bad > Math.max(0, text.length * MAX_REPLACEMENT_SHARE)) {
    return { problems: [{ severity: "error", code: "not-text", fatal: true, ...where }] };
  }
  return {
    text,
    encoding: "gbk",
    problems: [{ severity: "info", code: "decoded-gbk", ...where }],
  };
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** NUL bytes in the first 64 KiB mean a binary file (UTF-16 text included, which we don't accept). */
function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
