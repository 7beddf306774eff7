/**
 * Analysis results → CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese Excel reads
 * it as UTF-8), CRLF line ends, RFC 4180 quoting, one row per parcel.
 *
 * Columns: (for a synthetic dataset, first a column saying so in every row), every input field of
 * the schema (in schema order), then the properties outside the schema (first-seen order), then
 * every computed field (with the area basis, 面积计算基准 / Area basis, after the area in 亩), then (when the caller gives them) the fields the user edited. Headers in
 * Chinese (`lang: "zh"`: label plus unit, e.g. `投资强度(万元/亩)`, ratios `建筑系数(%)`) or
 * English (`Investment intensity (10k yuan/mu)`); two headers that would read the same get
 * ` (2)`, ` (3)` … so every column can be told apart.
 *
 * Cells are written for a person reading them in a spreadsheet, in the CSV's language:
 * - coded values as their labels: zones `黄土坎片区`, statuses `已供`, `闲置满一年`, classes `D 类`,
 *   clusters; lists (failed standards, reallocation reasons) as labels joined with `；` (en `; `);
 * - land use as its name and code, `城镇住宅用地 0701` (text, so Excel keeps the leading zero);
 * - numbers rounded to the precision of their unit (`UNIT_DECIMALS` of the field catalogue,
 *   e.g. m² to 0.01, 亩 to 0.0001, 万元 to 0.01), no thousands separators; ratios as percent;
 * - booleans `是`/`否`, `yes`/`no`; null and missing empty; dates ISO (`2024-06-30`).
 * Properties outside the schema are written as read: numbers unrounded, objects and arrays of
 * objects as one cell of JSON text (never spread over columns), arrays of plain values joined
 * with `;`.
 *
 * Spreadsheet safety. Any text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with an apostrophe so spreadsheet software cannot run it as a formula — also
 * text that merely looks like a negative number (`"-7.25"`): numbers are not text, so a negative
 * number stays a number. A text cell Excel would turn into a different number — digits with a
 * leading zero (`0123`, an industry code `06`), 12 or more digits (a 12-digit 行政区划代码, an
 * all-digit 18-character 统一社会信用代码 would show as 4.2E+11 and lose digits past the 15th), or
 * digits with an exponent (`0503E000`) — is written with a leading tab character, which Excel
 * and WPS keep as text when they open the file (the tab is invisible in the cell; it is kept in the
 * cell's content). Digits cannot form a formula, so this tab is safe. A `="…"` formula wrapper is
 * not used: it is a formula.
 */
import {
  COMPUTED_FIELDS,
  efficiencyScaleText,
  exportDecimals,
  type FieldInfo,
  fieldInfo,
  INPUT_FIELDS,
  UNIT_TEXT,
} from "../domain/fields";
import { landUseName } from "../domain/landuse";
import type { AnalysedParcel, AnalysisResult, EfficiencyClass, ReallocationReason } from "../domain/types";
import { roundTo } from "../domain/units";
import {
  AREA_BASIS_LABEL,
  areaBasisText,
  CONSTRUCTION_STATUS_LABELS,
  efficiencyClassShort,
  IDLE_STATUS_LABELS,
  INDUSTRY_CLUSTER_LABELS,
  LAND_STATUS_LABELS,
  reallocationReasonLabels,
} from "../domain/vocabulary";
import { parkZoneName } from "../domain/zones";

export type CsvLang = "zh" | "en";

export interface WriteCsvOptions {
  lang: CsvLang;
  /**
   * The dataset is synthetic (sample data): a first column with this header holds `cell` in every
   * row, so the mark survives sorting, filtering and rows copied elsewhere. Texts in `lang`.
   */
  synthetic?: { column: string; cell: string };
  /**
   * The fields the user edited, per parcel id (issue 7): a last column with this header lists
   * them by their labels. Absent: no column.
   */
  editedFields?: { column: string; byId: ReadonlyMap<string, readonly string[]> };
}

/** Column header for a schema field: label plus unit (unless the label already names it); ratios in %. */
export function csvHeader(f: FieldInfo, lang: CsvLang): string {
  const label = lang === "zh" ? f.zh : f.en;
  if (label.includes("(")) return label;
  const unit = f.unit === "ratio" ? { zh: "%", en: "%" } : UNIT_TEXT[f.unit];
  if (!unit) return label;
  return lang === "zh" ? `${label}(${unit.zh})` : `${label} (${unit.en})`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** Text Excel would read as a number that is not the text: leading zero, ≥ 12 digits, an exponent. */
const EXCEL_NUMBER_TRAP = /^(?:0\d+|\d{12,}|\d+(?:\.\d+)?[eE][+-]?\d+)$/;

/**
 * A text cell: digit strings Excel would change are tab-prefixed (kept as text), other text is
 * formula-neutralised, then quoted when it holds `"`, `,`, CR or LF (RFC 4180).
 */
export function csvText(s: string): string {
  return quote(neutralise(s));
}

/** Tab before a digit string Excel would change, apostrophe before a formula character. */
function neutralise(s: string): string {
  if (EXCEL_NUMBER_TRAP.test(s)) return `\t${s}`;
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** RFC 4180: quoted when the text holds `"`, `,`, CR or LF. */
function quote(t: string): string {
  return NEEDS_QUOTES.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** A number rounded to `decimals`, as plain digits (no exponent for ordinary values, no `-0`). */
export function csvNumber(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return "";
  return String(roundTo(v, decimals));
}

/**
 * A schema field's number at the precision of its unit, in its stored unit — the value the CSV
 * writes (`exportDecimals`), so the GeoJSON and the CSV of one analysis agree. Ratios are stored as
 * fractions and the CSV writes them in percent: the fraction is the CSV's percent figure moved
 * two places (decimal text, so `12.35` % is exactly `0.1235`, not `0.12350000000000001`).
 * Non-finite values are returned unchanged (JSON writes them as `null`).
 *
 * @example exportNumber(fieldInfo("areaMu")!, 14.260694999999998) // 14.2607
 * @example exportNumber(fieldInfo("buildingCoverage")!, 0.123456) // 0.1235
 */
export function exportNumber(f: FieldInfo, v: number): number {
  if (!Number.isFinite(v)) return v;
  const d = exportDecimals(f);
  if (f.unit !== "ratio") return roundTo(v, d);
  // The percent is k / 10^d for an integer k. Below 10^15 (15 digits) its text is exactly that
  // decimal, so the text moved two places is k / 10^(d+2), which one division of exact integers
  // gives correctly rounded — the same double as parsing the text, without making it (tested).
  const k = Math.round(v * 100 * (POW10[d] as number));
  if (k === 0) return 0;
  if (d <= 6 && Math.abs(k) < 1e15) return k / (POW10[d + 2] as number);
  const percent = roundTo(v * 100, d);
  const back = Number(`${percent}e-2`);
  return Number.isFinite(back) ? back : percent / 100;
}

/** 10^0 … 10^8, exact. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** One cell for any value outside the schema (written as read: numbers unrounded). */
export function csvCell(v: unknown, lang: CsvLang): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  if (typeof v === "string") return csvText(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"))
    return csvText(v.join(";"));
  return csvText(JSON.stringify(v) ?? "");
}

const listSep = (lang: CsvLang) => (lang === "zh" ? "；" : "; ");
const labelIn = (table: Record<string, { zh: string; en: string }>, code: string, lang: CsvLang) =>
  Object.hasOwn(table, code) ? (table[code] as { zh: string; en: string })[lang] : code;

/** The text a schema field's value is written as (before CSV quoting), `""` when empty. */
function fieldText(f: FieldInfo, v: unknown, lang: CsvLang): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") {
    if (f.kind !== "number" && f.kind !== "integer") return csvCell(v, lang);
    return csvNumber(f.unit === "ratio" ? v * 100 : v, exportDecimals(f));
  }
  if (typeof v === "boolean") return csvCell(v, lang);
  if (Array.isArray(v)) {
    const items = v.map(String);
    if (f.key === "standardsFailed")
      return csvText(items.map((k) => fieldInfo(k)?.[lang] ?? k).join(listSep(lang)));
    if (f.key === "reallocationReasons")
      // The tags of the detail and the candidate list, word for word (a government-caused idle
      // parcel: 闲置满一年；政府原因，可协商处置 — never a fee or recovery that does not apply).
      return csvText(reallocationReasonLabels(items as ReallocationReason[], lang).join(listSep(lang)));
    return csvCell(v, lang);
  }
  if (typeof v !== "string") return csvCell(v, lang);
  switch (f.key) {
    case "zone":
      return csvText(parkZoneName(v, lang) ?? v);
    case "landUse":
      return csvText(`${landUseName(v, lang)} ${v}`);
    case "landStatus":
      return csvText(labelIn(LAND_STATUS_LABELS, v, lang));
    case "constructionStatus":
      return csvText(labelIn(CONSTRUCTION_STATUS_LABELS, v, lang));
    case "industryCluster":
      return csvText(labelIn(INDUSTRY_CLUSTER_LABELS, v, lang));
    case "idleStatus":
      return csvText(labelIn(IDLE_STATUS_LABELS, v, lang));
    case "efficiencyClass":
      return /^[ABCD]$/.test(v) ? csvText(efficiencyClassShort(v as EfficiencyClass)[lang]) : csvText(v);
    default:
      return csvText(v);
  }
}

/** Headers made distinct: a repeat of an earlier header gets ` (2)`, ` (3)` … */
export function distinctHeaders(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((h) => {
    let out = h;
    for (let n = 2; used.has(out); n++) out = `${h} (${n})`;
    used.add(out);
    return out;
  });
}

/** The area basis column (面积计算基准) comes right after this computed area column. */
const AREA_AFTER = "areaMu";

/** Rows per chunk of `csvChunks`. */
const ROWS_PER_CHUNK = 1000;

/** The properties outside the schema of these parcels, in first-seen order (the CSV's extra columns). */
export function csvExtraKeys(parcels: Iterable<Pick<AnalysedParcel, "extra">>): string[] {
  const keys = new CsvExtraKeys();
  for (const p of parcels) keys.add(p.extra);
  return keys.keys;
}

/** `csvExtraKeys` gathered one parcel at a time (the streaming `analyze` sees each parcel once). */
export class CsvExtraKeys {
  readonly keys: string[] = [];
  private readonly seen = new Set<string>();
  add(extra: Record<string, unknown>): void {
    for (const k of Object.keys(extra)) {
      if (!this.seen.has(k)) {
        this.seen.add(k);
        this.keys.push(k);
      }
    }
  }
}

/**
 * The CSV text one row at a time, for a writer that never holds the parcels: `header()`, then
 * `row(p)` (with its CRLF) for each parcel. The columns need what only all parcels tell — the
 * extra properties (`csvExtraKeys`) and the score's scale (`efficiencyScale`) — so they are given
 * up front. The concatenation is exactly `writeCsv` (tested): `csvChunks` is built on it.
 */
export class CsvWriter {
  constructor(
    private readonly opts: WriteCsvOptions,
    private readonly extraKeys: readonly string[],
    private readonly efficiencyScale: number | undefined,
  ) {}

  /** The byte-order mark and the header line. */
  header(): string {
    const { lang } = this.opts;
    const opts = this.opts;
    // Distinct as the spreadsheet shows them: after neutralising (`=x` and `'=x` both read `'=x`).
    const header = distinctHeaders(
      [
        ...(opts.synthetic ? [opts.synthetic.column] : []),
        ...INPUT_FIELDS.map((f) => csvHeader(f, lang)),
        ...this.extraKeys,
        ...COMPUTED_FIELDS.flatMap((f) => {
          const h = csvHeader(f, lang);
          if (f.key === AREA_AFTER) return [h, AREA_BASIS_LABEL[lang]];
          // The score's scale, e.g. 亩均效益得分(100 = 各项指标均达到基准值).
          if (f.key !== "efficiencyScore" || this.efficiencyScale === undefined) return [h];
          const scale = efficiencyScaleText(this.efficiencyScale, lang);
          return [lang === "zh" ? `${h}(${scale})` : `${h} (${scale})`];
        }),
        ...(opts.editedFields ? [opts.editedFields.column] : []),
      ].map(neutralise),
    )
      .map(quote)
      .join(",");
    return `\uFEFF${header}\r\n`;
  }

  /** One parcel's row with its CRLF. */
  row(p: AnalysedParcel): string {
    return `${row(p, this.extraKeys, this.opts)}\r\n`;
  }
}

/**
 * The CSV text in pieces whose concatenation is exactly `writeCsv(result, opts)`, for writing a
 * large result without holding the whole text.
 */
export function* csvChunks(result: AnalysisResult, opts: WriteCsvOptions): Generator<string> {
  const w = new CsvWriter(opts, csvExtraKeys(result.parcels), result.efficiencyScale);
  yield w.header();
  const lines: string[] = [];
  const parcels = result.parcels;
  for (let i = 0; i < parcels.length; i += ROWS_PER_CHUNK) {
    lines.length = 0;
    const end = Math.min(parcels.length, i + ROWS_PER_CHUNK);
    for (let k = i; k < end; k++) lines.push(w.row(parcels[k] as AnalysedParcel));
    yield lines.join("");
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

function row(p: AnalysedParcel, extraKeys: readonly string[], opts: WriteCsvOptions): string {
  const { lang } = opts;
  const input = p.input as unknown as Record<string, unknown>;
  const computed = p.computed as unknown as Record<string, unknown>;
  const cells: string[] = [];
  if (opts.synthetic) cells.push(csvText(opts.synthetic.cell));
  for (const f of INPUT_FIELDS) cells.push(fieldText(f, input[f.key], lang));
  for (const k of extraKeys) cells.push(csvCell(Object.hasOwn(p.extra, k) ? p.extra[k] : undefined, lang));
  for (const f of COMPUTED_FIELDS) {
    cells.push(fieldText(f, computed[f.key], lang));
    if (f.key === AREA_AFTER) cells.push(p.areaBasis ? csvText(areaBasisText(p.areaBasis, lang)) : "");
  }
  if (opts.editedFields) {
    const edited = opts.editedFields.byId.get(p.input.id) ?? [];
    cells.push(csvText(edited.map((k) => fieldInfo(k)?.[lang] ?? k).join(listSep(lang))));
  }
  return cells.join(",");
}

/** A cell of `writeTableCsv`: text, a number with its decimals, or empty. */
export type TableCell = string | { n: number; decimals: number } | null;

/**
 * A plain table as CSV, the same way as the parcel CSV: byte-order mark, CRLF, distinct
 * neutralised headers, numbers rounded to their decimals, text formula-safe; with `synthetic`,
 * a first column marking every row (e.g. the scenario comparison).
 */
export function writeTableCsv(
  header: readonly string[],
  rows: readonly (readonly TableCell[])[],
  opts: { synthetic?: { column: string; cell: string } } = {},
): string {
  const head = distinctHeaders(
    [...(opts.synthetic ? [opts.synthetic.column] : []), ...header].map(neutralise),
  )
    .map(quote)
    .join(",");
  const cell = (c: TableCell) =>
    c === null ? "" : typeof c === "string" ? csvText(c) : csvNumber(c.n, c.decimals);
  const lines = rows.map((r) =>
    [...(opts.synthetic ? [csvText(opts.synthetic.cell)] : []), ...r.map(cell)].join(","),
  );
  return `\uFEFF${[head, ...lines].join("\r\n")}\r\n`;
}
