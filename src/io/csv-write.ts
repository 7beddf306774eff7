/**
 * Analysis results → CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese Excel reads
 * it as UTF-8), CRLF line ends, RFC 4180 quoting, one row per parcel.
 *
 * Columns: every input field of the schema (in schema order), then the properties outside the
 * schema (first-seen order), then every computed field. Headers in Chinese (`lang: "zh"`: label
 * plus unit, e.g. `投资强度(万元/亩)`) or English (`Investment intensity (10k yuan/mu)`).
 *
 * Cells: numbers unformatted at full precision (no thousands separators, never rounded); lists
 * joined with `;`; booleans `是`/`否` in Chinese and `true`/`false` in English; null and missing
 * empty; codes (statuses, classes) as codes. Any text cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with an apostrophe so spreadsheet software cannot run it
 * as a formula; numbers are not text, so a negative number stays a number.
 */
import { COMPUTED_FIELDS, type FieldInfo, INPUT_FIELDS, UNIT_TEXT } from "../domain/fields";
import type { AnalysedParcel, AnalysisResult } from "../domain/types";

export type CsvLang = "zh" | "en";

export interface WriteCsvOptions {
  lang: CsvLang;
}

/** Column header for a schema field: label plus unit (unless the label already names it). */
export function csvHeader(f: FieldInfo, lang: CsvLang): string {
  const label = lang === "zh" ? f.zh : f.en;
  const unit = UNIT_TEXT[f.unit];
  if (!unit || label.includes("(")) return label;
  return lang === "zh" ? `${label}(${unit.zh})` : `${label} (${unit.en})`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell: formula-neutralised, then quoted when it holds `"`, `,`, CR or LF (RFC 4180). */
export function csvText(s: string): string {
  const t = FORMULA_START.test(s) ? `'${s}` : s;
  return NEEDS_QUOTES.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** One cell for any value. */
export function csvCell(v: unknown, lang: CsvLang): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "true" : "false";
  if (typeof v === "string") return csvText(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"))
    return csvText(v.join(";"));
  return csvText(JSON.stringify(v) ?? "");
}

/** Rows per chunk of `csvChunks`. */
const ROWS_PER_CHUNK = 1000;

/**
 * The CSV text in pieces whose concatenation is exactly `writeCsv(result, opts)`, for writing a
 * large result without holding the whole text.
 */
export function* csvChunks(result: AnalysisResult, opts: WriteCsvOptions): Generator<string> {
  const { lang } = opts;
  const extraKeys: string[] = [];
  const seen = new Set<string>();
  for (const p of result.parcels) {
    for (const k in p.extra) {
      if (!seen.has(k)) {
        seen.add(k);
        extraKeys.push(k);
      }
    }
  }
  const header = [
    ...INPUT_FIELDS.map((f) => csvText(csvHeader(f, lang))),
    ...extraKeys.map(csvText),
    ...COMPUTED_FIELDS.map((f) => csvText(csvHeader(f, lang))),
  ].join(",");
  yield `\uFEFF${header}\r\n`;
  const lines: string[] = [];
  const parcels = result.parcels;
  for (let i = 0; i < parcels.length; i += ROWS_PER_CHUNK) {
    lines.length = 0;
    const end = Math.min(parcels.length, i + ROWS_PER_CHUNK);
    for (let k = i; k < end; k++) lines.push(row(parcels[k] as AnalysedParcel, extraKeys, lang));
    yield `${lines.join("\r\n")}\r\n`;
  }
}

/**
 * Serialise an analysis result as CSV text (starting with the byte-order mark U+FEFF).
 *
 * @example writeCsv(result, { lang: "zh" }) // "\uFEFF宗地编号,地块名称,…\r\nHTK-001,…\r\n"
 */
export function writeCsv(result: AnalysisResult, opts: WriteCsvOptions): string {
  return [...csvChunks(result, opts)].join("");
}

function row(p: AnalysedParcel, extraKeys: string[], lang: CsvLang): string {
  const input = p.input as unknown as Record<string, unknown>;
  const computed = p.computed as unknown as Record<string, unknown>;
  const cells: string[] = [];
  for (const f of INPUT_FIELDS) cells.push(csvCell(input[f.key], lang));
  for (const k of extraKeys) cells.push(csvCell(p.extra[k], lang));
  for (const f of COMPUTED_FIELDS) cells.push(csvCell(computed[f.key], lang));
  return cells.join(",");
}
