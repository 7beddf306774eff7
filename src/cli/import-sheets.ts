/**
 * `analyze`'s sheet options: `--mapping m.json` (a saved field mapping), `--join figures.xlsx`
 * with `--key 宗地编号` (or `--key 表列=宗地字段` when the parcels name the key differently), and
 * CSV/XLSX parcel files (a WKT column) as input. Reads through the import contract: raw features
 * (GeoJSON or sheet) → join → the shared preparer, which applies the mapping.
 */
import { joinTable } from "../io/join";
import { type FieldMapping, fieldOfName, parseMapping } from "../io/mapping";
import { prepareParcels } from "../io/prepare";
import { inputFieldOfName } from "../io/properties";
import { readGeoJsonRaw } from "../io/readers/geojson";
import { readTable, readTableFeatures, tableKind } from "../io/readers/table";
import type { ImportOptions, RawFeatureSet } from "../io/readers/types";
import type { ParcelImport, Problem } from "../io/types";

/** The key when `--join` is given without `--key`: the parcel id column (宗地编号, ZDDM, id …) on both sides. */
const DEFAULT_KEY = "宗地编号";

/** Whether `analyze` reads this input as a sheet (CSV/XLSX by name). */
export function isSheetInput(path: string, bytes: Uint8Array): boolean {
  const k = tableKind({ name: path, bytes });
  return k === "csv" || k === "xlsx" || k === "xls";
}

/**
 * `--key` as table column and parcel field: `宗地编号` (the same on both sides) or `编号=宗地编号`.
 * @example parseKeyOption("企业编号=ZDDM") // { tableField: "企业编号", featureField: "ZDDM" }
 */
export function parseKeyOption(
  value: string | undefined,
): { tableField: string; featureField: string } | undefined {
  const v = (value ?? DEFAULT_KEY).trim();
  const eq = v.indexOf("=");
  const tableField = (eq < 0 ? v : v.slice(0, eq)).trim();
  const featureField = (eq < 0 ? v : v.slice(eq + 1)).trim();
  return tableField === "" || featureField === "" ? undefined : { tableField, featureField };
}

export interface SheetImportArgs {
  input: string;
  bytes: Uint8Array;
  analysisCrs: string;
  crs?: string;
  mappingPath?: string;
  joinPath?: string;
  key?: string;
  /** The parcels' raw features when the input is not GeoJSON or a sheet (a Shapefile). */
  readRaw?: () => RawFeatureSet;
  readBytes: (path: string) => { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };
}

/** The import, or the one problem that makes the input unusable (the caller prints it and exits 2). */
export async function importWithSheets(
  a: SheetImportArgs,
): Promise<{ imported: ParcelImport } | { fatal: Problem }> {
  const opts: ImportOptions = {};
  if (a.crs !== undefined) opts.crs = a.crs;
  if (a.key !== undefined && a.joinPath === undefined) {
    return { fatal: { severity: "error", code: "key-without-join", fatal: true, params: { raw: a.key } } };
  }
  if (a.mappingPath !== undefined) {
    const m = a.readBytes(a.mappingPath);
    if (!m.ok) return { fatal: m.problem };
    const parsed = parseMapping(m.bytes, a.mappingPath);
    const bad = parsed.problems.find((p) => p.severity === "error");
    if (bad || !parsed.mapping)
      return { fatal: bad ?? { severity: "error", code: "mapping-not-mapping", file: a.mappingPath } };
    opts.mapping = parsed.mapping;
  }
  const file = { name: a.input, bytes: a.bytes };
  let raw: RawFeatureSet = a.readRaw
    ? a.readRaw()
    : isSheetInput(a.input, a.bytes)
      ? await readTableFeatures(file, opts)
      : readGeoJsonRaw(file, opts);
  const rawFatal = raw.problems.find((p) => p.fatal);
  if (rawFatal) return { fatal: rawFatal };
  if (a.joinPath !== undefined) {
    const key = parseKeyOption(a.key);
    if (!key)
      return {
        fatal: { severity: "error", code: "bad-key-option", fatal: true, params: { raw: a.key ?? "" } },
      };
    const t = a.readBytes(a.joinPath);
    if (!t.ok) return { fatal: t.problem };
    const read = await readTable({ name: a.joinPath, bytes: t.bytes }, opts);
    const tableFatal = read.problems.find((p) => p.fatal);
    if (tableFatal || !read.table)
      return { fatal: tableFatal ?? { severity: "error", code: "table-empty", file: a.joinPath } };
    const joined = joinTable(raw, read.table, key);
    const joinFatal = joined.report.problems.find((p) => p.fatal);
    if (joinFatal) return { fatal: joinFatal };
    // the table's own notes (encoding, headers) before the join's
    raw = { ...joined.raw, problems: [...raw.problems, ...read.problems, ...joined.report.problems] };
  }
  // Headers that state their unit (`投资额(万元)`, `宗地面积(亩)`) are read as they say, unless
  // --mapping says otherwise; each is named on stderr.
  const fromHeaders = headerMapping(raw.fields, opts.mapping);
  if (fromHeaders.problems.length > 0) {
    raw = { ...raw, problems: [...raw.problems, ...fromHeaders.problems] };
    opts.mapping = fromHeaders.mapping;
  }
  return { imported: prepareParcels(raw, { ...opts, analysisCrs: a.analysisCrs }) };
}

/**
 * The user's mapping plus a rule for each field whose name is an alias followed by a unit
 * (`投资额(万元)` → fixedInvestment in 万元), which the alias matching alone would not recognise.
 */
export function headerMapping(
  fields: string[],
  mapping: FieldMapping | undefined,
): { mapping: FieldMapping; problems: Problem[] } {
  const out: FieldMapping = { version: 1, fields: { ...(mapping?.fields ?? {}) } };
  const problems: Problem[] = [];
  const taken = new Set(Object.values(out.fields).map((r) => r.property));
  for (const f of fields) {
    if (Object.hasOwn(out.fields, f) || inputFieldOfName(f)) continue;
    const found = fieldOfName(f);
    if (!found?.unit || taken.has(found.info.key)) continue;
    taken.add(found.info.key);
    out.fields[f] = { property: found.info.key, unit: found.unit };
    problems.push({
      severity: "info",
      code: "mapping-from-header",
      field: f,
      params: { property: found.info.key, unit: found.unit },
    });
  }
  return { mapping: out, problems };
}
