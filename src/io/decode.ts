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
    // not UTF-8: UTF-8 with a few broken bytes, or GBK (below)
  }
  const scan = scanUtf8(input);
  if (scan.valid > 0 && scan.invalid * UTF8_ERROR_RATIO <= scan.valid) {
    // Real UTF-8 text (it has multi-byte characters) with a stray byte or two: read it as UTF-8
    // and say where, rather than misread all of it as GBK or refuse it as "not text".
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(input);
    const params = { offset: scan.firstOffset, line: scan.firstLine, count: scan.invalid };
    return {
      text,
      encoding: "utf-8",
      problems: [{ severity: "warning", code: "invalid-utf8", ...where, params }],
    };
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

/**
 * A file with at least this many valid multi-byte characters per broken run is UTF-8 with a few
 * bad bytes. GBK Chinese text gives about 0.1–0.3 (a GBK byte pair forms valid UTF-8 ~8% of the
 * time); UTF-8 text with one damaged character gives as many as it has characters.
 */
const UTF8_ERROR_RATIO = 4;

/**
 * Valid multi-byte UTF-8 characters and runs of broken bytes in `bytes` (a damaged lead byte and
 * the continuation bytes it orphans are one run), and where the first run starts (0-based byte
 * offset, 1-based line). GBK text has far more broken sequences than valid
 * ones (its byte pairs seldom happen to form UTF-8); UTF-8 text has none or a stray few.
 */
export function scanUtf8(bytes: Uint8Array): {
  valid: number;
  invalid: number;
  firstOffset: number;
  firstLine: number;
} {
  let valid = 0;
  let invalid = 0;
  let firstOffset = -1;
  let line = 1;
  let firstLine = 0;
  let runEnd = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let k = 1;
    if (len > 0) {
      for (; k < len && i + k < n; k++) {
        const c = bytes[i + k] as number;
        if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) break;
      }
    }
    if (len > 0 && k === len) {
      valid++;
      i += len;
      continue;
    }
    if (i !== runEnd) invalid++;
    if (firstOffset < 0) {
      firstOffset = i;
      firstLine = line;
    }
    i += Math.max(1, len > 0 ? k : 1); // the maximal broken subpart, as decoders replace it
    runEnd = i;
  }
  return { valid, invalid, firstOffset, firstLine };
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** NUL bytes in the first 64 KiB mean a binary file (UTF-16 text included, which we don't accept). */
export function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
