/**
 * An attribute join: enterprise figures from a sheet (`readTable`) onto raw features by a key.
 *
 * Keys are compared normalised: full-width characters to half-width (`ＨＴＫ－０１２` = `HTK-012`),
 * every white space removed (spaces, tabs, line breaks, no-break and ideographic spaces: `HTK 012`
 * = `HTK012`), upper-case (`htk-012` = `HTK-012`), and a whole number written as a number its
 * decimal text (`12` = `12.0`). Leading zeros are kept (`0012` ≠ `12`: a code, not a number).
 *
 * Nothing is joined silently: a key found in two or more table rows joins none of them (named,
 * with its rows); a key held by two or more features gets no row (named, with its features); rows
 * and features that find no partner are listed. A table field that maps to a property the feature
 * already has (the same name, or the same schema property through the alias matching, e.g. `投资额`
 * onto `fixedInvestment`) replaces it, and is listed as an override; a blank table cell leaves the
 * feature's value as it is.
 */
import { fieldOfName } from "./mapping";
import { toHalfWidth } from "./numbers";
import { inputFieldOfName } from "./properties";
import type { Table } from "./readers/table";
import type { RawFeatureSet } from "./readers/types";
import type { Problem } from "./types";

export interface JoinReport {
  tableField: string;
  /** The feature property the key was read from (may be an alias of the one asked for). */
  featureField: string;
  /** Features that received a row. */
  matched: number;
  /** Table rows whose key no feature has (1-based sheet row numbers), or whose key is blank. */
  unmatchedRows: Array<{ row: number; key: string }>;
  /** Features (0-based index) whose key is in no row, or blank. */
  unmatchedFeatures: Array<{ index: number; key: string }>;
  /** Keys in two or more table rows: none of those rows is joined. */
  duplicateTableKeys: Array<{ key: string; rows: number[] }>;
  /** Keys held by two or more features: none of those features is joined. */
  duplicateFeatureKeys: Array<{ key: string; features: number[] }>;
  /** Table fields that replaced a feature property, with how many features had a value replaced. */
  overrides: Array<{ tableField: string; featureField: string; count: number }>;
  /** Table fields added to the features (no such property before). */
  added: string[];
  /** Fatal when the key is missing on either side; warnings naming rows, features and keys. */
  problems: Problem[];
}

/**
 * A join key as compared (see the module comment); "" for a blank key.
 * @example normalizeKey(" ｈｔｋ－０１２ ") // "HTK-012"
 */
export function normalizeKey(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v !== "string") return "";
  return toHalfWidth(v)
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "")
    .toUpperCase();
}

/** The feature property holding the key: the exact name, else one mapping to the same schema property. */
function resolveFeatureField(raw: RawFeatureSet, wanted: string): string | undefined {
  const names =
    raw.fields.length > 0 ? raw.fields : [...new Set(raw.features.flatMap((f) => Object.keys(f.properties)))];
  if (names.includes(wanted)) return wanted;
  const key = inputFieldOfName(wanted)?.key;
  if (key === undefined) {
    const lower = wanted.trim().toLowerCase();
    return names.find((n) => n.trim().toLowerCase() === lower);
  }
  return names.find((n) => inputFieldOfName(n)?.key === key);
}

function resolveTableField(table: Table, wanted: string): string | undefined {
  if (table.fields.includes(wanted)) return wanted;
  const lower = wanted.trim().toLowerCase();
  const exact = table.fields.find((n) => n.trim().toLowerCase() === lower);
  if (exact) return exact;
  const key = inputFieldOfName(wanted)?.key;
  return key === undefined ? undefined : table.fields.find((n) => inputFieldOfName(n)?.key === key);
}

/** How a property name is compared with another: its schema key when it has one, else itself. */
const slotOf = (name: string) => {
  const k = fieldOfName(name)?.info.key;
  return k !== undefined ? `key:${k}` : `name:${name}`;
};

/**
 * Join `table` onto `raw` by `key` (the table column and the feature property; each resolved by
 * exact name, then case-insensitively, then through the alias matching).
 * @example joinTable(parcels, figures, { tableField: "宗地编号", featureField: "宗地编号" })
 */
export function joinTable(
  raw: RawFeatureSet,
  table: Table,
  key: { tableField: string; featureField: string },
): { raw: RawFeatureSet; report: JoinReport } {
  const report: JoinReport = {
    tableField: key.tableField,
    featureField: key.featureField,
    matched: 0,
    unmatchedRows: [],
    unmatchedFeatures: [],
    duplicateTableKeys: [],
    duplicateFeatureKeys: [],
    overrides: [],
    added: [],
    problems: [],
  };
  const tableField = resolveTableField(table, key.tableField);
  if (tableField === undefined) {
    report.problems.push({
      severity: "error",
      code: "join-key-missing-table",
      fatal: true,
      file: table.file,
      field: key.tableField,
      params: { fields: table.fields.slice(0, 20).join("、") },
    });
    return { raw, report };
  }
  const featureField = resolveFeatureField(raw, key.featureField);
  if (featureField === undefined) {
    report.problems.push({
      severity: "error",
      code: "join-key-missing-features",
      fatal: true,
      file: raw.file,
      field: key.featureField,
      params: { fields: raw.fields.slice(0, 20).join("、") },
    });
    return { raw, report };
  }
  report.tableField = tableField;
  report.featureField = featureField;
  const rowNo = (i: number) => table.rowNumbers?.[i] ?? i + 2;

  // table side: key → row indices
  const byKey = new Map<string, number[]>();
  table.rows.forEach((row, i) => {
    const k = normalizeKey(row[tableField]);
    if (k === "") {
      report.unmatchedRows.push({ row: rowNo(i), key: "" });
      return;
    }
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  // feature side: key → feature indices
  const featuresByKey = new Map<string, number[]>();
  raw.features.forEach((f, i) => {
    const k = normalizeKey(f.properties[featureField]);
    if (k === "") return;
    const list = featuresByKey.get(k);
    if (list) list.push(i);
    else featuresByKey.set(k, [i]);
  });
  for (const [k, rows] of byKey) {
    if (rows.length > 1) report.duplicateTableKeys.push({ key: k, rows: rows.map(rowNo) });
    if (!featuresByKey.has(k)) for (const i of rows) report.unmatchedRows.push({ row: rowNo(i), key: k });
  }
  for (const [k, feats] of featuresByKey)
    if (feats.length > 1) report.duplicateFeatureKeys.push({ key: k, features: feats });
  report.unmatchedRows.sort((a, b) => a.row - b.row);

  // the table's other fields, and the feature property each one lands on
  const joined = table.fields.filter((f) => f !== tableField);
  const featureSlots = new Map<string, string>();
  for (const n of raw.fields) if (!featureSlots.has(slotOf(n))) featureSlots.set(slotOf(n), n);
  const overrideCount = new Map<string, number>();
  const features = raw.features.map((f, i) => {
    const k = normalizeKey(f.properties[featureField]);
    const rows = k === "" ? undefined : byKey.get(k);
    const dupFeature = (featuresByKey.get(k)?.length ?? 0) > 1;
    if (rows?.length !== 1 || dupFeature) {
      if (!rows) report.unmatchedFeatures.push({ index: i, key: k });
      return f;
    }
    report.matched++;
    const row = table.rows[rows[0] as number] as Record<string, unknown>;
    const properties: Record<string, unknown> = { ...f.properties };
    for (const tf of joined) {
      const v = row[tf];
      if (v === undefined) continue;
      // the feature's own property for the same thing (same name, or same schema property)
      const target = Object.hasOwn(properties, tf)
        ? tf
        : Object.keys(properties).find((n) => slotOf(n) === slotOf(tf));
      if (target !== undefined) {
        if (properties[target] !== undefined && properties[target] !== null && properties[target] !== "") {
          overrideCount.set(`${tf}\u0000${target}`, (overrideCount.get(`${tf}\u0000${target}`) ?? 0) + 1);
        }
        delete properties[target];
      }
      if (tf === "__proto__") {
        Object.defineProperty(properties, tf, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else properties[tf] = v;
    }
    return { ...f, properties };
  });
  for (const [k, count] of overrideCount) {
    const [tf, ff] = k.split("\u0000") as [string, string];
    report.overrides.push({ tableField: tf, featureField: ff, count });
  }
  const fields = [...raw.fields];
  for (const tf of joined) {
    if (!fields.includes(tf) && !featureSlots.has(slotOf(tf))) {
      fields.push(tf);
      report.added.push(tf);
    } else if (!fields.includes(tf)) fields.push(tf);
  }

  // problems: each named, one line each
  const P = report.problems;
  for (const d of report.duplicateTableKeys) {
    P.push({
      severity: "warning",
      code: "join-duplicate-table-key",
      file: table.file,
      field: tableField,
      params: { key: d.key, rows: d.rows.join("、") },
    });
  }
  for (const d of report.duplicateFeatureKeys) {
    P.push({
      severity: "warning",
      code: "join-duplicate-feature-key",
      file: raw.file,
      field: featureField,
      params: { key: d.key, features: d.features.map((i) => i + 1).join("、") },
    });
  }
  for (const u of report.unmatchedRows) {
    P.push({
      severity: "warning",
      code: u.key === "" ? "join-row-no-key" : "join-unmatched-row",
      file: table.file,
      field: tableField,
      params: { row: u.row, key: u.key },
    });
  }
  for (const u of report.unmatchedFeatures) {
    P.push({
      severity: "warning",
      code: u.key === "" ? "join-feature-no-key" : "join-unmatched-feature",
      file: raw.file,
      featureIndex: u.index,
      field: featureField,
      params: { key: u.key, table: table.file },
    });
  }
  for (const o of report.overrides) {
    P.push({
      severity: "info",
      code: "join-override",
      file: table.file,
      field: o.tableField,
      params: { target: o.featureField, count: o.count },
    });
  }
  P.push({
    severity: "info",
    code: "join-summary",
    file: table.file,
    params: {
      matched: report.matched,
      features: raw.features.length,
      rows: table.rows.length,
      unmatchedRows: report.unmatchedRows.length,
      unmatchedFeatures: report.unmatchedFeatures.length,
      duplicates: report.duplicateTableKeys.length + report.duplicateFeatureKeys.length,
    },
  });
  // the preparer reports a reader's feature problems with their feature, in feature order
  const problems = [...raw.problems, ...P]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.featureIndex ?? -1) - (b.p.featureIndex ?? -1) || a.i - b.i)
    .map((x) => x.p);
  return { raw: { ...raw, features, fields, problems }, report };
}
