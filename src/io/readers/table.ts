/**
 * Spreadsheets officials keep beside the cadastre: CSV (UTF-8 with or without BOM, or GBK as
 * Chinese Excel and WPS save it; comma, tab or semicolon separated) and Excel workbooks (`.xlsx`).
 *
 * `readTable` gives the header row as field names and one record per data row (a table to join,
 * `src/io/join.ts`); `readTableFeatures` turns rows into raw features for the preparer, with the
 * geometry from a WKT column (`POLYGON`/`MULTIPOLYGON`, EWKT `SRID=4546;` declaring the CRS) or an
 * X/Y column pair (points: located records, not parcel boundaries — see below).
 *
 * What is read, and how:
 * - the header row is the first non-blank row; lone title cells above the header
 *   (`建始县工业园区企业亩均效益表`, `单位：万元`) are skipped and said, and so is the header's row; a
 *   merged header cell names every column it covers; a two-row grouped header (`2023年` merged over
 *   `产值 | 税收 | 投资额`) gives one name per column (`2023年产值`, or `投资额` alone when only that
 *   is a schema field); an empty header is named by its column letter (`C列`); a repeated header
 *   gets ` (2)`;
 * - blank rows (also Excel's formatted-but-empty trailing rows) are dropped; a blank cell is
 *   absent from its record (it never overrides a value in a join);
 * - CSV cells: Excel's `="0012"` keeps `0012`; the leading tab or apostrophe this tool's own CSV
 *   export puts before codes and formula-like text is removed; values stay text (the preparer
 *   parses numbers, `1,200`, `850万元`);
 * - XLSX cells: numbers stay numbers, booleans booleans, error cells (`#N/A`) are empty and
 *   counted, a number formatted as a date is an ISO date (`2024-06-30`; 1900 and 1904 systems).
 * Never throws.
 */
import type { Geometry } from "geojson";
import { fieldOfName } from "../mapping";
import type { Problem } from "../types";
import { looksLikeWkt, parseWkt } from "../wkt";
import { decodeImportText } from "./text";
import type {
  DeclaredCrs,
  EncodingChoice,
  ImportOptions,
  InputFile,
  RawFeature,
  RawFeatureSet,
} from "./types";

export interface Table {
  file: string;
  /** The worksheet read (XLSX). */
  sheet?: string;
  /** Column names in order (made unique and non-empty). */
  fields: string[];
  /** One record per data row; blank cells are absent. */
  rows: Record<string, unknown>[];
  /** 1-based row (CSV: line) number of each record in the file, for messages. */
  rowNumbers?: number[];
  /** The rows the field names came from (1-based; two rows for a grouped header). */
  headerRows?: { first: number; last: number };
}

export interface TableRead {
  table?: Table;
  problems: Problem[];
  /** CSV only: the text encoding used and how it was chosen. */
  encoding?: EncodingChoice;
  /** XLSX only: the workbook's sheet names, in order. */
  sheets?: string[];
}

export type TableKind = "csv" | "xlsx";

/** Options of the table readers: the import options, plus which worksheet (default: the first). */
export type TableOptions = ImportOptions & { sheet?: string };

/** A cell as the readers produce it: one row of a sheet. */
interface GridRow {
  row: number;
  cells: unknown[];
}

/** `csv`/`xlsx` from the name, else from the bytes (a zip is a workbook, `.xls` is named apart). */
export function tableKind(file: InputFile): TableKind | "xls" | undefined {
  const name = file.name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(name)) return "csv";
  if (/\.(xlsx|xlsm)$/.test(name)) return "xlsx";
  if (/\.(xls|et)$/.test(name)) return "xls";
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 && /\.(xlsx|xlsm)$/.test(name))
    return "xlsx";
  return undefined;
}

const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Read a CSV or XLSX file as a table.
 * @example await readTable({ name: "figures.csv", bytes }, {}) // → { table: { fields: ["宗地编号", …], rows: [...] }, problems: [] }
 */
export async function readTable(file: InputFile, opts: TableOptions): Promise<TableRead> {
  const kind = tableKind(file);
  const fail = (code: string, params?: Problem["params"]): TableRead => ({
    problems: [{ severity: "error", code, fatal: true, file: file.name, ...(params ? { params } : {}) }],
  });
  if (file.bytes.length === 0) return fail("empty-file");
  if (kind === "xls" || (kind === "xlsx" && isOle(file.bytes))) return fail("xls-not-supported");
  if (kind === "xlsx" || (kind !== "csv" && isZip(file.bytes))) {
    if (!isZip(file.bytes)) return fail("xlsx-damaged");
    try {
      const { readXlsxGrid } = await import("./xlsx");
      const grid = readXlsxGrid(file.bytes, file.name, opts.sheet);
      if (grid.problems.some((p) => p.fatal)) return { problems: grid.problems, sheets: grid.sheets };
      const built = tableFromGrid(grid.rows, grid.merges, file.name, grid.sheet);
      return {
        ...(built.table ? { table: built.table } : {}),
        problems: [...grid.problems, ...built.problems],
        sheets: grid.sheets,
      };
    } catch {
      // a bug or a hostile file the reader did not foresee: a sentence, never a stack trace
      return fail("xlsx-damaged");
    }
  }
  const decoded = decodeImportText(file.bytes, file.name, opts);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const parsed = parseCsv(decoded.text);
  const problems = [...decoded.problems];
  if (parsed.unclosedQuoteLine !== undefined) {
    problems.push({
      severity: "warning",
      code: "csv-unclosed-quote",
      file: file.name,
      params: { line: parsed.unclosedQuoteLine },
    });
  }
  const built = tableFromGrid(parsed.rows, [], file.name, undefined);
  problems.push(...built.problems);
  return {
    ...(built.table ? { table: built.table } : {}),
    problems,
    ...(decoded.encoding ? { encoding: decoded.encoding } : {}),
  };
}

/**
 * RFC 4180 CSV with the separator guessed from the first line (comma, tab or semicolon, the most
 * frequent outside quotes; comma on a tie). Quoted fields may hold separators, `""` and line
 * breaks; CRLF, LF and CR end records.
 */
export function parseCsv(text: string): { rows: GridRow[]; delimiter: string; unclosedQuoteLine?: number } {
  const delimiter = guessDelimiter(text);
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cur = "";
  let inQuotes = false;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  const n = text.length;
  const endCell = () => {
    cells.push(cur);
    cur = "";
    quoted = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ row: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cur += ch;
      }
      continue;
    }
    if (ch === '"' && cur.trim() === "" && !quoted) {
      // a quote opening a field (spaces before it are dropped); Excel's ="…" is handled per cell
      cur = "";
      inQuotes = true;
      quoted = true;
      quoteLine = line;
    } else if (ch === '"' && cur === "=" && !quoted) {
      cur += ch; // ="0012" unquoted: keep as written, unwrapped in cleanCsvCell
      inQuotes = false;
      const close = text.indexOf('"', i + 1);
      if (close >= 0) {
        cur += text.slice(i + 1, close + 1);
        i = close;
      }
    } else if (ch === delimiter) endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cur += ch;
  }
  if (cur !== "" || cells.length > 0 || quoted) endRow();
  return { rows, delimiter, ...(inQuotes ? { unclosedQuoteLine: quoteLine } : {}) };
}

function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, "\t": 0, ";": 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] as number) + 1;
  }
  let best = ",";
  for (const d of ["\t", ";"]) if ((counts[d] as number) > (counts[best] as number)) best = d;
  return best;
}

/** A CSV cell as its author meant it: `="0012"` → `0012`; our export's tab / apostrophe prefixes removed. */
function cleanCsvCell(raw: string): string {
  let s = raw;
  const m = /^\s*="(.*)"\s*$/s.exec(s);
  if (m) s = (m[1] as string).replace(/""/g, '"');
  if (s.startsWith("\t")) s = s.slice(1);
  else if (/^'[=+\-@\t\r]/.test(s)) s = s.slice(1);
  return s.trim();
}

function cleanCell(v: unknown, csv: boolean): unknown {
  if (typeof v === "string") {
    const s = csv ? cleanCsvCell(v) : v.trim();
    return s === "" ? undefined : s;
  }
  return v;
}

/** Column letters (0 → A, 26 → AA). */
function letters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Name for a column without a header: its letter, as Excel shows it (`C列`). */
const columnName = (index: number) => `${letters(index)}列`;

/**
 * Header and records from a sheet's rows. `merges` are 0-based inclusive ranges (XLSX).
 */
export function tableFromGrid(
  grid: GridRow[],
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>,
  file: string,
  sheet: string | undefined,
): { table?: Table; problems: Problem[] } {
  const csv = sheet === undefined;
  const problems: Problem[] = [];
  const where = { file, ...(sheet !== undefined ? { params: { sheet } } : {}) };
  const clean = grid.map((r) => ({ row: r.row, cells: r.cells.map((c) => cleanCell(c, csv)) }));
  const nonEmpty = (r: { cells: unknown[] }) => r.cells.filter((c) => c !== undefined).length;
  let h = clean.findIndex((r) => nonEmpty(r) > 0);
  if (h < 0) return { problems: [{ severity: "error", code: "table-empty", fatal: true, ...where }] };
  // lone title cells above the header row (a merged title across the sheet, a 单位 note …)
  for (let skipped = 0; skipped < MAX_TITLE_ROWS; skipped++) {
    const next = clean.slice(h + 1).find((r) => nonEmpty(r) > 0);
    const below = clean.slice(h + 1, h + 1 + MAX_TITLE_ROWS).some((r) => nonEmpty(r) >= 2);
    if (nonEmpty(clean[h] as GridRow) !== 1 || !next || !below) break;
    const title = (clean[h] as GridRow).cells.find((c) => c !== undefined);
    problems.push({
      severity: "info",
      code: "table-title-skipped",
      file,
      params: { row: (clean[h] as GridRow).row, title: String(title) },
    });
    h = clean.indexOf(next);
  }
  const header = clean[h] as GridRow;
  const headerCells = [...header.cells];
  // merged header cells name every column they cover; a header merged downwards spans rows
  let lastHeaderRow = header.row;
  for (const m of merges) {
    if (m.r0 !== header.row - 1) continue;
    const v = headerCells[m.c0];
    for (let c = m.c0 + 1; c <= m.c1 && c < 16384; c++) if (headerCells[c] === undefined) headerCells[c] = v;
    lastHeaderRow = Math.max(lastHeaderRow, m.r1 + 1);
  }
  // a grouped header of two rows ("2023年" over "产值 | 税收 | 投资额"): one name per column
  const lower = clean[h + 1];
  const grouped = lower && lower.row === header.row + 1 ? groupedHeader(header, lower, merges) : undefined;
  if (grouped) {
    for (let c = 0; c < grouped.length; c++) headerCells[c] = grouped[c];
    lastHeaderRow = Math.max(lastHeaderRow, (lower as GridRow).row);
    problems.push({
      severity: "info",
      code: "table-header-two-rows",
      file,
      params: {
        rows: `${header.row}–${(lower as GridRow).row}`,
        example: grouped.find((n, c) => n !== undefined && n !== header.cells[c]) ?? "",
      },
    });
  } else if (header.row !== 1) {
    problems.push({ severity: "info", code: "table-header-row", file, params: { row: header.row } });
  }
  const fields: string[] = [];
  const seen = new Map<string, number>();
  const addField = (c: number, raw: unknown, rowNo: number): string => {
    let name = raw === undefined ? "" : String(raw).replace(/\s+/g, " ").trim();
    if (name === "") {
      name = columnName(c);
      problems.push({
        severity: "info",
        code: "table-header-empty",
        file,
        params: { column: letters(c), name, row: rowNo },
      });
    }
    const base = name;
    let k = seen.get(base) ?? 0;
    if (k > 0) {
      do {
        k++;
        name = `${base} (${k})`;
      } while (seen.has(name));
      problems.push({
        severity: "warning",
        code: "table-header-duplicate",
        file,
        field: base,
        params: { column: letters(c), name },
      });
    }
    seen.set(base, Math.max(k, 1));
    seen.set(name, 1);
    fields[c] = name;
    return name;
  };
  // trailing empty header cells are not columns unless data is under them (checked per row below)
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1] === undefined) width--;
  for (let c = 0; c < width; c++) addField(c, headerCells[c], header.row);

  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  for (let i = h + 1; i < clean.length; i++) {
    const r = clean[i] as GridRow;
    if (r.row <= lastHeaderRow) continue;
    if (nonEmpty(r) === 0) continue;
    const rec: Record<string, unknown> = Object.create(null);
    for (let c = 0; c < r.cells.length; c++) {
      const v = r.cells[c];
      if (v === undefined) continue;
      if (fields[c] === undefined) {
        // data under no header: its own column, named
        for (let k = 0; k <= c; k++) if (fields[k] === undefined) addField(k, undefined, header.row);
      }
      rec[fields[c] as string] = v;
    }
    rows.push(rec);
    rowNumbers.push(r.row);
  }
  const table: Table = {
    file,
    ...(sheet !== undefined ? { sheet } : {}),
    fields: fields.map((f, i) => f ?? columnName(i)),
    rows,
    rowNumbers,
    headerRows: { first: header.row, last: grouped ? (lower as GridRow).row : header.row },
  };
  return { table, problems };
}

/** Title rows skipped above a header at most (a title, a subtitle, a 单位 or 日期 note …). */
const MAX_TITLE_ROWS = 5;

const text = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = String(v).replace(/\s+/g, " ").trim();
  return s === "" ? undefined : s;
};

/**
 * The names of a two-row header, or undefined when `lower` is not a second header row. A second
 * header row holds only text, each cell under a group — an upper cell merged across (XLSX) or
 * followed by blank cells (CSV) — or under an empty upper cell; under the other upper cells it is
 * blank (merged down). A grouped column is named by its group and its own name joined
 * (`2023年产值`), or by its own name alone when that alone is a field of the schema and the joined
 * name is not (`投资额`), and it occurs once in the row.
 */
function groupedHeader(
  upper: GridRow,
  lower: GridRow,
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>,
): (string | undefined)[] | undefined {
  const up = upper.cells.map(text);
  const low = lower.cells.map(text);
  const width = Math.max(up.length, low.length);
  if (lower.cells.some((c) => c !== undefined && typeof c !== "string")) return undefined;
  if (low.some((c) => c !== undefined && /^[-+]?[\d.,]+%?$/.test(c))) return undefined;
  // the group each column belongs to (the column of the group's name)
  const group: (number | undefined)[] = new Array(width).fill(undefined);
  for (const m of merges)
    if (m.r0 === upper.row - 1 && m.r1 === m.r0 && m.c1 > m.c0)
      for (let c = m.c0; c <= m.c1 && c < width; c++) group[c] = m.c0;
  for (let c = 0; c < width; c++) {
    if (up[c] !== undefined || low[c] === undefined || group[c] !== undefined) continue;
    let g = c - 1;
    while (g >= 0 && up[g] === undefined && group[g] === undefined) g--;
    const start = g >= 0 ? (group[g] ?? g) : -1;
    if (start >= 0 && low[start] !== undefined) for (let k = start; k <= c; k++) group[k] = start;
  }
  if (!group.some((g, c) => g !== undefined && g !== c)) return undefined;
  for (let c = 0; c < width; c++)
    if (low[c] !== undefined && group[c] === undefined && up[c] !== undefined) return undefined;
  const count = new Map<string, number>();
  for (const l of low) if (l !== undefined) count.set(l, (count.get(l) ?? 0) + 1);
  const names: (string | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    const g = group[c];
    const l = low[c];
    if (g === undefined) names.push(up[c] ?? l);
    else if (l === undefined) names.push(up[g]);
    else {
      const joined = `${up[g] ?? ""}${l}`;
      const alone = count.get(l) === 1 && fieldOfName(l) !== undefined && fieldOfName(joined) === undefined;
      names.push(alone ? l : joined);
    }
  }
  return names;
}

/** Column names taken as a WKT geometry (compared lower-case). */
const WKT_NAMES = new Set([
  "wkt",
  "geometry",
  "geom",
  "the_geom",
  "shape",
  "wkt_geom",
  "geometry_wkt",
  "几何",
  "图形",
  "空间信息",
  "边界",
]);
/** X/Y column pairs (compared lower-case), in order of preference. */
const XY_NAMES: Array<[string, string]> = [
  ["x", "y"],
  ["lon", "lat"],
  ["lng", "lat"],
  ["longitude", "latitude"],
  ["经度", "纬度"],
  ["x坐标", "y坐标"],
  ["横坐标", "纵坐标"],
  ["东坐标", "北坐标"],
];

function findGeometryColumns(table: Table): { wkt?: string; x?: string; y?: string } {
  const lower = new Map(table.fields.map((f) => [f.trim().toLowerCase(), f]));
  for (const f of table.fields) if (WKT_NAMES.has(f.trim().toLowerCase())) return { wkt: f };
  // a column whose first value is WKT, whatever its name
  for (const f of table.fields) {
    const first = table.rows.find((r) => r[f] !== undefined)?.[f];
    if (typeof first === "string" && looksLikeWkt(first)) return { wkt: f };
  }
  for (const [xn, yn] of XY_NAMES) {
    const x = lower.get(xn);
    const y = lower.get(yn);
    if (x && y) return { x, y };
  }
  return {};
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.trim().replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Rows of a CSV/XLSX as raw features. Geometry: a WKT column (POLYGON, MULTIPOLYGON; EWKT
 * `SRID=n;` declares `EPSG:n`), else an X/Y pair of columns (a Point per row), else none.
 *
 * An X/Y row is a located record, not a parcel: a point has no boundary, so no area can be
 * measured and nothing honest can be drawn; making a square of the area field's size would invent
 * a boundary. Such a sheet (and one with no geometry at all) is a table to join to a parcel layer
 * by its key — a fatal `table-points-not-parcels` / `table-no-geometry` says so. Rows of a WKT
 * sheet whose cell is empty or not WKT get a null geometry (named; the preparer sets them aside).
 */
export async function readTableFeatures(file: InputFile, opts: TableOptions): Promise<RawFeatureSet> {
  const read = await readTable(file, opts);
  const format = tableKind(file) === "xlsx" || isZip(file.bytes) ? "xlsx" : "csv";
  const base: RawFeatureSet = {
    file: file.name,
    format,
    features: [],
    fields: read.table?.fields ?? [],
    ...(read.encoding ? { encoding: read.encoding } : {}),
    problems: [...read.problems],
  };
  const table = read.table;
  if (!table) return base;
  const geo = findGeometryColumns(table);
  const geomFields = new Set([geo.wkt, geo.x, geo.y].filter((x): x is string => x !== undefined));
  base.fields = table.fields.filter((f) => !geomFields.has(f));
  let crs: DeclaredCrs | undefined;
  let polygons = 0;
  let points = 0;
  const features: RawFeature[] = table.rows.map((row, index) => {
    const properties: Record<string, unknown> = {};
    for (const f of table.fields) if (!geomFields.has(f) && row[f] !== undefined) properties[f] = row[f];
    const rowNo = table.rowNumbers?.[index] ?? index + 2;
    let geometry: Geometry | null = null;
    const problem = (code: string, field: string, params: Problem["params"] = {}) =>
      base.problems.push({
        severity: "warning",
        code,
        file: file.name,
        featureIndex: index,
        field,
        params: { row: rowNo, ...params },
      });
    if (geo.wkt !== undefined) {
      const v = row[geo.wkt];
      if (typeof v === "string") {
        const w = parseWkt(v);
        if (w.geometry) {
          if (w.srid && w.srid !== "EPSG:0") {
            if (!crs) crs = { spec: w.srid, how: "crs-member" };
            else if (crs.spec !== w.srid) {
              problem("wkt-srid-differs", geo.wkt, { srid: w.srid, first: crs.spec });
              return { geometry: null, properties };
            }
          }
          geometry = w.geometry;
        } else
          problem(w.error ?? "wkt-syntax", geo.wkt, {
            raw: v.length > 60 ? `${v.slice(0, 57)}…` : v,
            type: w.type ?? "",
          });
      } else if (v !== undefined) problem("wkt-syntax", geo.wkt, { raw: String(v), type: "" });
    } else if (geo.x !== undefined && geo.y !== undefined) {
      const x = toNumber(row[geo.x]);
      const y = toNumber(row[geo.y]);
      if (x !== undefined && y !== undefined) geometry = { type: "Point", coordinates: [x, y] };
    }
    if (geometry?.type === "Point") points++;
    else if (geometry) polygons++;
    return { geometry, properties };
  });
  base.features = features;
  if (crs) base.crs = crs;
  if (polygons === 0) {
    const code = points > 0 ? "table-points-not-parcels" : "table-no-geometry";
    base.problems.push({
      severity: "error",
      code,
      fatal: true,
      file: file.name,
      params: { rows: table.rows.length, ...(geo.x ? { x: geo.x, y: geo.y ?? "" } : {}) },
    });
  }
  return base;
}
