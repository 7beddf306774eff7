/**
 * Reading the cells of one worksheet of an Excel workbook (`.xlsx`, Office Open XML): the zip
 * (fflate), the workbook's sheet list and date system, shared and inline strings, numbers,
 * booleans, error cells, dates (number cells with a date format → ISO text), merged ranges.
 *
 * Loaded lazily (`await import("./xlsx")` in `table.ts`), so the browser only fetches it and
 * fflate when a workbook is opened. Never throws: a damaged workbook gives a fatal problem.
 */
import { unzipSync } from "fflate";
import type { Problem } from "../types";
import { scanXml, xmlEvents } from "./xml";

/** One row of cells as read: `cells[c]` is column c (0-based), undefined when empty. */
export interface GridRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: unknown[];
}

export interface SheetGrid {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The sheet read. */
  sheet?: string;
  rows: GridRow[];
  /** Merged ranges, 0-based inclusive. */
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>;
  problems: Problem[];
}

/** Limits against zip bombs and absurd sheets (Excel's own: 1,048,576 rows × 16,384 columns). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A cell reference (`B12`, `$B$12`) → 0-based row and column; as `/^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/`. */
function parseRef(ref: string | undefined): { r: number; c: number } | undefined {
  if (!ref) return undefined;
  const n = ref.length;
  let i = ref.charCodeAt(0) === 0x24 ? 1 : 0;
  let c = 0;
  const l0 = i;
  for (; i < n; i++) {
    const u = ref.charCodeAt(i) & ~0x20;
    if (u < 65 || u > 90) break;
    c = c * 26 + (u - 64);
  }
  if (i === l0 || i - l0 > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  let r = 0;
  const d0 = i;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    r = r * 10 + d;
  }
  if (i === d0 || i - d0 > 7) return undefined;
  c -= 1;
  r -= 1;
  if (c >= MAX_COLS || r < 0 || r >= MAX_ROWS) return undefined;
  return { r, c };
}

/**
 * Built-in number formats that show a day (ECMA-376 §18.8.30, plus the CJK ones); time-only
 * formats (h:mm, mm:ss, 时分) are not: their cells stay numbers (fractions of a day).
 */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/**
 * Whether a custom number format code shows a day (`yyyy/m/d`, `yyyy"年"m"月"d"日"`,
 * `yyyy/m/d h:mm`); a time-only code (`h:mm`, `[h]:mm:ss`) does not.
 */
export function isDateFormatCode(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\[([hms]+)\]/gi, "$1") // elapsed time [h]:mm is a time
    .replace(/\[[^\]]*\]/g, "") // colours, locales, conditions
    .replace(/General/gi, "");
  // only the first section (positive numbers) decides
  const first = s.split(";")[0] ?? "";
  if (/[#0?]/.test(first.replace(/\.0+/g, ""))) return false;
  // y or d is a day; m alone is a month unless it sits with h or s (minutes)
  return /[yd]/i.test(first) || (/m/i.test(first) && !/[hs]/i.test(first));
}

const DAY_MS = 86_400_000;
/** 1899-12-30 and 1904-01-01, in ms since the Unix epoch (UTC). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An Excel serial day → ISO date (the time of day, if any, dropped: Excel has no time zone, so
 * the day is unambiguous). In the 1900 system Excel counts the day 1900-02-29 that never was
 * (serial 60, a Lotus 1-2-3 bug it kept): serials before it are one day earlier than a plain
 * count gives, and 60 itself is returned as `1900-02-29`, which the date parser reports as a day
 * that does not exist. Serials below 1 in the 1900 system (`1900-01-00`) are not days.
 * @example excelSerialToIso(45473, false) // "2024-06-30"
 */
export function excelSerialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return undefined; // ≤ 9999-12-31
  let day = Math.floor(serial);
  if (!date1904 && day === 0) return undefined;
  if (!date1904 && day === 60) return "1900-02-29";
  if (!date1904 && day < 60) day += 1;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + day * DAY_MS).toISOString().slice(0, 10);
}

/** OOXML's `_xHHHH_` escapes in strings (a CR is written `_x000D_`). */
function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

const utf8 = new TextDecoder("utf-8");

type Entries = Record<string, Uint8Array>;

function text(entries: Entries, path: string): string | undefined {
  const b = entries[path];
  return b ? utf8.decode(b) : undefined;
}

/** `xl/worksheets/../x.xml` style resolution of a relationship target against its part's folder. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter((p) => p !== "");
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Shared strings: each `<si>`'s text (rich runs joined, phonetic guides `<rPh>` left out). */
function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  // one string per cell of text: read like the worksheet, without an object per event
  scanXml(xml, {
    open(e) {
      if (e.name === "si") {
        inSi = !e.selfClosing;
        cur = "";
        if (e.selfClosing) out.push("");
      } else if (e.name === "rPh" && !e.selfClosing) phonetic++;
      else if (e.name === "t" && inSi && !e.selfClosing) inT = true;
    },
    close(name) {
      if (name === "si" && inSi) {
        out.push(unescapeOoxml(cur));
        inSi = false;
      } else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "t") inT = false;
    },
    text(t) {
      if (inT && phonetic === 0) cur += t;
    },
  });
  return out;
}

/** Per cell style index (`s`): whether it is a date format. */
function dateStyles(xml: string | undefined): Array<{ date: boolean }> {
  const styles: Array<{ date: boolean }> = [];
  if (xml === undefined) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  for (const e of xmlEvents(xml)) {
    if (e.kind === "open") {
      if (e.name === "numFmt") custom.set(Number(e.attrs.numFmtId), e.attrs.formatCode ?? "");
      else if (e.name === "cellXfs" && !e.selfClosing) inCellXfs = true;
      else if (e.name === "xf" && inCellXfs) {
        const id = Number(e.attrs.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined) styles.push({ date: isDateFormatCode(code) });
        else styles.push({ date: BUILTIN_DATE_FORMATS.has(id) });
      }
    } else if (e.kind === "close" && e.name === "cellXfs") inCellXfs = false;
  }
  return styles;
}

function fatal(file: string, code: string, params?: Problem["params"]): SheetGrid {
  return {
    sheets: [],
    rows: [],
    merges: [],
    problems: [{ severity: "error", code, fatal: true, file, ...(params ? { params } : {}) }],
  };
}

/**
 * The cells of a workbook's sheet: `sheetName`, else the first sheet.
 * @example readXlsxGrid(bytes, "figures.xlsx").rows[0].cells // ["宗地编号", "投资额(万元)"]
 */
export function readXlsxGrid(bytes: Uint8Array, file: string, sheetName?: string): SheetGrid {
  let entries: Entries;
  try {
    let total = 0;
    let tooBig = false;
    entries = unzipSync(bytes, {
      filter: (f) => {
        const wanted =
          /^(xl\/|_rels\/|\[Content_Types\])/i.test(f.name) && !/\.(bin|png|jpe?g|emf|wmf)$/i.test(f.name);
        if (!wanted) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) tooBig = true;
        return !tooBig;
      },
    });
    if (tooBig) return fatal(file, "xlsx-too-large", { limitMb: MAX_TOTAL_BYTES / 1024 / 1024 });
  } catch {
    return fatal(file, "xlsx-damaged");
  }
  // paths compared case-insensitively (some writers use `xl/SharedStrings.xml`)
  const lower: Entries = {};
  for (const [k, v] of Object.entries(entries)) lower[k.toLowerCase()] = v;

  // the workbook part, from the package relationships (usually xl/workbook.xml)
  let workbookPath = "xl/workbook.xml";
  const rootRels = text(lower, "_rels/.rels");
  if (rootRels) {
    for (const e of xmlEvents(rootRels)) {
      if (e.kind === "open" && e.name === "Relationship" && /officeDocument$/.test(e.attrs.Type ?? "")) {
        workbookPath = resolveTarget("", e.attrs.Target ?? "").toLowerCase();
      }
    }
  }
  const workbook = text(lower, workbookPath);
  if (workbook === undefined) return fatal(file, "xlsx-damaged");
  const wbDir = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relsPath = `${wbDir ? `${wbDir}/` : ""}_rels/${workbookPath.slice(wbDir ? wbDir.length + 1 : 0)}.rels`;

  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  for (const e of xmlEvents(workbook)) {
    if (e.kind !== "open") continue;
    if (e.name === "sheet")
      sheets.push({ name: e.attrs.name ?? "", rid: e.attrs["r:id"] ?? e.attrs.id ?? "" });
    else if (e.name === "workbookPr") {
      const v = (e.attrs.date1904 ?? "").toLowerCase();
      date1904 = v === "1" || v === "true";
    }
  }
  const targets = new Map<string, string>();
  let sharedPath = `${wbDir}/sharedstrings.xml`;
  let stylesPath = `${wbDir}/styles.xml`;
  const rels = text(lower, relsPath);
  if (rels) {
    for (const e of xmlEvents(rels)) {
      if (e.kind !== "open" || e.name !== "Relationship") continue;
      const target = resolveTarget(wbDir, e.attrs.Target ?? "").toLowerCase();
      const type = e.attrs.Type ?? "";
      if (/\/sharedStrings$/.test(type)) sharedPath = target;
      else if (/\/styles$/.test(type)) stylesPath = target;
      targets.set(e.attrs.Id ?? "", target);
    }
  }
  const names = sheets.map((s) => s.name);
  if (sheets.length === 0) return { ...fatal(file, "xlsx-no-sheets"), sheets: names };
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) {
    return {
      ...fatal(file, "xlsx-sheet-not-found", { sheet: sheetName ?? "", sheets: names.join("、") }),
      sheets: names,
    };
  }
  const sheetPath = targets.get(chosen.rid) ?? `${wbDir}/worksheets/sheet${sheets.indexOf(chosen) + 1}.xml`;
  const sheetXml = text(lower, sheetPath);
  if (sheetXml === undefined) {
    return { ...fatal(file, "xlsx-sheet-missing", { sheet: chosen.name }), sheets: names };
  }
  const strings = sharedStrings(text(lower, sharedPath));
  const styles = dateStyles(text(lower, stylesPath));
  const problems: Problem[] = [];
  const rows = readCells(sheetXml, strings, styles, date1904, file, chosen.name, problems);
  return { sheets: names, sheet: chosen.name, rows: rows.rows, merges: rows.merges, problems };
}

function readCells(
  xml: string,
  strings: string[],
  styles: Array<{ date: boolean }>,
  date1904: boolean,
  file: string,
  sheet: string,
  problems: Problem[],
): { rows: GridRow[]; merges: SheetGrid["merges"] } {
  const rows: GridRow[] = [];
  const merges: SheetGrid["merges"] = [];
  let row: GridRow | undefined;
  let nextRow = 0;
  let nextCol = 0;
  // current cell
  let cell: { c: number; t: string; s: number } | undefined;
  let v: string | undefined;
  let inline = "";
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  const errors = new Map<string, number>();
  // a sheet's dates repeat (a supply date per parcel): each day's ISO text is made once
  const days = new Map<number, string | undefined>();
  const dayOf = (n: number) => {
    const key = Math.floor(n);
    if (!days.has(key)) days.set(key, excelSerialToIso(key, date1904));
    return days.get(key);
  };

  const finishCell = () => {
    if (!cell || !row) return;
    let value: unknown;
    const { t, s } = cell;
    if (t === "inlineStr") value = unescapeOoxml(inline);
    else if (v !== undefined) {
      if (t === "s") {
        const idx = Number(v);
        value = Number.isInteger(idx) && idx >= 0 && idx < strings.length ? strings[idx] : undefined;
      } else if (t === "str") value = unescapeOoxml(v);
      else if (t === "b") value = v.trim() === "1" || v.trim().toLowerCase() === "true";
      else if (t === "e") {
        const key = v.trim();
        errors.set(key, (errors.get(key) ?? 0) + 1);
        value = undefined;
      } else if (t === "d") value = v.trim().slice(0, 10);
      else {
        const n = Number(v);
        if (v.trim() === "" || !Number.isFinite(n)) value = v === "" ? undefined : v;
        else {
          const style = styles[s];
          // a date cell is its day, also when it shows a time (Excel has no time zone, so the
          // day is unambiguous; the properties are days)
          value = style?.date ? (dayOf(n) ?? n) : n;
        }
      }
    }
    if (value !== undefined && !(typeof value === "string" && value === "")) row.cells[cell.c] = value;
    cell = undefined;
  };

  scanXml(xml, {
    open(e) {
      switch (e.name) {
        case "row": {
          const r = Number(e.attr("r"));
          const index = Number.isInteger(r) && r >= 1 && r <= MAX_ROWS ? r - 1 : nextRow;
          if (index >= MAX_ROWS) break;
          row = { row: index + 1, cells: [] };
          rows.push(row);
          nextRow = index + 1;
          nextCol = 0;
          if (e.selfClosing) row = undefined;
          break;
        }
        case "c": {
          if (!row) break;
          const ref = parseRef(e.attr("r"));
          const c = ref ? ref.c : nextCol;
          if (c >= MAX_COLS) break;
          nextCol = c + 1;
          cell = { c, t: e.attr("t") ?? "n", s: Number(e.attr("s") ?? 0) };
          v = undefined;
          inline = "";
          if (e.selfClosing) finishCell();
          break;
        }
        case "v":
          if (cell && !e.selfClosing) {
            inV = true;
            v = "";
          }
          break;
        case "is":
          if (cell && !e.selfClosing) inIs = true;
          break;
        case "rPh":
          if (!e.selfClosing) phonetic++;
          break;
        case "t":
          if (inIs && !e.selfClosing) inT = true;
          break;
        case "mergeCell": {
          const [a, b] = (e.attr("ref") ?? "").split(":");
          const p = parseRef(a);
          const q = parseRef(b ?? a);
          if (p && q) merges.push({ r0: p.r, c0: p.c, r1: q.r, c1: q.c });
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case "v":
          inV = false;
          break;
        case "t":
          inT = false;
          break;
        case "is":
          inIs = false;
          break;
        case "rPh":
          phonetic = Math.max(0, phonetic - 1);
          break;
        case "c":
          finishCell();
          break;
        case "row":
          finishCell();
          row = undefined;
          break;
      }
    },
    text(t) {
      if (inV) v = (v ?? "") + t;
      else if (inT && phonetic === 0) inline += t;
    },
  });
  for (const [err, count] of errors) {
    problems.push({
      severity: "warning",
      code: "xlsx-error-cells",
      file,
      params: { sheet, error: err, count },
    });
  }
  return { rows, merges };
}
