/**
 * One import, from the user's files and choices to prepared parcels, in phases (read, join,
 * prepare) with a checkpoint between them (where the worker reports progress and notices a
 * cancel), and the preview the import dialog shows: files recognised, fields with sample
 * values, encoding and CRS found, problems, and what the user must still decide.
 */
import { fieldInfo } from "../domain/fields";
import type { ImportSource } from "./import-bundle";
import { type JoinReport, joinTable } from "./join";
import { type FieldMapping, mappingSignature, suggestMapping } from "./mapping";
import { prepareParcels } from "./prepare";
import { classifyFile, readInputFiles } from "./readers/index";
import { chooseLayers, type LayerChoice } from "./readers/layers";
import { readTable, type Table } from "./readers/table";
import type { DeclaredCrs, EncodingChoice, ImportFormat, RawFeatureSet } from "./readers/types";
import type { CrsDetection, ParcelImport, Problem } from "./types";

export type ImportPhase = "read" | "join" | "prepare";
export type ImportNeed = "crs" | "encoding" | "mapping";

/** Progress of an import preview (sent by the worker between phases). */
export interface ImportProgress {
  phase: ImportPhase;
  /** Phases done, of `total`. */
  done: number;
  total: number;
}

/** Sample values shown per field (text, as read). */
export const SAMPLE_COUNT = 4;
const SAMPLE_CHARS = 40;

export interface FieldPreview {
  name: string;
  samples: string[];
}

export interface TablePreview {
  file: string;
  fields: FieldPreview[];
  rowCount: number;
  /** The rows the field names came from (a title above, a two-row header). */
  headerRows?: { first: number; last: number };
}

/** A prepared parcel as the dialog shows it (a few only: the parcels stay in the worker). */
export interface ParcelSample {
  id: string;
  areaM2: number;
  /** The parcel's schema properties as prepared (after the mapping and its unit conversion). */
  input: Record<string, string | number | boolean>;
}

/** What the import dialog shows; small (no geometry), so it crosses from the worker cheaply. */
export interface ImportPreviewSummary {
  files: { name: string; size: number; kind: string }[];
  sets: { file: string; format: ImportFormat; featureCount: number }[];
  fields: FieldPreview[];
  tables: TablePreview[];
  suggested: FieldMapping;
  signature: string;
  encoding?: EncodingChoice;
  /** The layers of a zip holding several Shapefiles, the one read marked `chosen`. */
  layers?: LayerChoice[];
  declaredCrs?: DeclaredCrs;
  crs?: CrsDetection;
  join?: JoinReport;
  /** The result without its parcels. */
  result: Omit<ParcelImport, "parcels"> & { parcelCount: number };
  parcelSamples: ParcelSample[];
  needs: ImportNeed[];
}

export interface ImportOutcome {
  summary: ImportPreviewSummary;
  result: ParcelImport;
}

const text = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return s.length > SAMPLE_CHARS ? `${s.slice(0, SAMPLE_CHARS)}…` : s;
};

/** Up to `SAMPLE_COUNT` distinct non-empty values per field. */
export function fieldSamples(fields: string[], rows: Record<string, unknown>[]): FieldPreview[] {
  return fields.map((name) => {
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.size >= SAMPLE_COUNT) break;
      const v = text(r[name]);
      if (v.trim() !== "") seen.add(v);
    }
    return { name, samples: [...seen] };
  });
}

/** The feature sets of several files as one (fields in first-seen order). */
function mergeSets(sets: RawFeatureSet[]): RawFeatureSet | undefined {
  if (sets.length <= 1) return sets[0];
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const s of sets)
    for (const f of s.fields)
      if (!seen.has(f)) {
        seen.add(f);
        fields.push(f);
      }
  const first = sets[0] as RawFeatureSet;
  return {
    ...first,
    file: sets.map((s) => s.file).join(" + "),
    features: sets.flatMap((s) => s.features),
    fields,
    problems: sets.flatMap((s) => s.problems),
  };
}

/** What the user must still decide for this result to be trustworthy. */
export function importNeeds(
  raw: RawFeatureSet | undefined,
  result: ParcelImport,
  mapping: FieldMapping | undefined,
  suggested: FieldMapping,
): ImportNeed[] {
  const needs: ImportNeed[] = [];
  const crsProblem = result.problems.some(
    (p) => p.code === "crs-assumed" || (p.code === "unknown-crs" && p.params?.how !== "analysis"),
  );
  if (crsProblem) needs.push("crs");
  if (raw?.encoding && !raw.encoding.certain) needs.push("encoding");
  const rules = { ...suggested.fields, ...(mapping?.fields ?? {}) };
  const hasId = Object.values(rules).some((r) => r.property === "id");
  const unknown = (raw?.fields ?? []).some((f) => !rules[f] && !fieldInfo(f));
  if (raw && raw.features.length > 0 && (!hasId || unknown)) needs.push("mapping");
  return needs;
}

/**
 * Run the import of `src` in phases, awaiting `checkpoint` between them (it may throw to cancel).
 * The sheet named by `src.join` is joined to the features; other sheets, when there are features
 * from a GeoJSON or Shapefile, are offered as join tables; alone, a sheet is read as features.
 */
export async function runImportPipeline(
  src: ImportSource,
  analysisCrs: string,
  checkpoint: (phase: ImportPhase) => Promise<void> = async () => {},
): Promise<ImportOutcome> {
  const opts = src.options;
  const kinds = src.files.map((f) => ({ f, k: classifyFile(f).kind }));
  const isSheet = (k: string) => k === "csv" || k === "xlsx";
  const hasGeometryFiles = kinds.some(({ k }) => !isSheet(k) && k !== "unsupported");
  const sheetFiles = hasGeometryFiles ? kinds.filter(({ k }) => isSheet(k)).map(({ f }) => f) : [];
  const featureFiles = src.files.filter((f) => !sheetFiles.includes(f));

  await checkpoint("read");
  const readAll = await readInputFiles(featureFiles, opts);
  // A zip holding several Shapefiles: one layer (the user's choice, else the largest polygon layer).
  const chosen = chooseLayers(readAll.sets, opts.layer);
  const read = { sets: chosen.sets, problems: [...readAll.problems, ...chosen.problems] };
  const tables: Table[] = [];
  const problems: Problem[] = [...read.problems];
  for (const f of sheetFiles) {
    const t = await readTable(f, opts);
    problems.push(...t.problems);
    if (t.table) tables.push(t.table);
  }
  let raw = mergeSets(read.sets.filter((s) => s.features.length > 0)) ?? read.sets[0];
  for (const s of read.sets) if (s !== raw && s.features.length === 0) problems.push(...s.problems);

  await checkpoint("join");
  let join: JoinReport | undefined;
  if (raw && src.join) {
    const table = tables.find((t) => t.file === src.join?.file);
    if (table) {
      const j = joinTable(raw, table, {
        tableField: src.join.tableField,
        featureField: src.join.featureField,
      });
      raw = j.raw;
      join = j.report;
    }
  }

  await checkpoint("prepare");
  const suggested = suggestMapping(
    raw?.fields ?? [],
    (raw?.features ?? []).slice(0, 50).map((f) => f.properties),
  );
  const result: ParcelImport = raw
    ? prepareParcels(raw, { ...opts, analysisCrs: opts.analysisCrs ?? analysisCrs })
    : { parcels: [], problems: [], ok: false, featureCount: 0 };
  result.problems = [
    ...problems,
    ...(raw && raw.features.length === 0 ? raw.problems : []),
    ...result.problems,
  ];
  if (!result.ok && !result.problems.some((p) => p.fatal))
    result.problems.push({
      severity: "error",
      code: "no-parcels",
      fatal: true,
      params: { features: 0, reasons: "" },
    });

  const { parcels, ...rest } = result;
  const summary: ImportPreviewSummary = {
    files: kinds.map(({ f, k }) => ({ name: f.name, size: f.bytes.length, kind: k })),
    sets: read.sets.map((s) => ({ file: s.file, format: s.format, featureCount: s.features.length })),
    ...(chosen.layers.length > 0 ? { layers: chosen.layers } : {}),
    fields: fieldSamples(
      raw?.fields ?? [],
      (raw?.features ?? []).slice(0, 200).map((f) => f.properties),
    ),
    tables: tables.map((t) => ({
      file: t.file,
      fields: fieldSamples(t.fields, t.rows.slice(0, 200)),
      rowCount: t.rows.length,
      ...(t.headerRows ? { headerRows: t.headerRows } : {}),
    })),
    suggested,
    signature: mappingSignature(raw?.fields ?? []),
    ...(raw?.encoding ? { encoding: raw.encoding } : {}),
    ...(raw?.crs ? { declaredCrs: raw.crs } : {}),
    ...(result.crs ? { crs: result.crs } : {}),
    ...(join ? { join } : {}),
    result: { ...rest, parcelCount: parcels.length },
    parcelSamples: parcels.slice(0, 5).map((p) => ({
      id: p.input.id,
      areaM2: p.areaM2,
      input: Object.fromEntries(
        Object.entries(p.input).filter(
          (e): e is [string, string | number | boolean] =>
            typeof e[1] === "string" || typeof e[1] === "number" || typeof e[1] === "boolean",
        ),
      ),
    })),
    needs: importNeeds(raw, result, opts.mapping, suggested),
  };
  return { summary, result };
}
