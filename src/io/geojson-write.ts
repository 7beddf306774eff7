/**
 * Analysis results → RFC 7946 GeoJSON (lon/lat, CGCS2000 ≈ WGS 84).
 *
 * Each feature carries the parcel's input properties under their schema names (typed: numbers
 * as numbers, dates as ISO text), then the properties outside the schema unchanged (`extra`),
 * then every computed property of parcel-schema.md under its schema name (`null` where it could
 * not be computed), then `areaBasis` (where the area was measured, e.g. `EPSG:4546 planar`; `null`
 * when unknown). The collection carries `asOf` and the standards' `name` and `edition`, and
 * for a synthetic dataset a `jiyue` member saying so (`{"synthetic": true, "notice": "…"}`).
 *
 * Coordinates are lon/lat (RFC 7946) rounded to 8 decimals (≈ 1 mm), or with `outCrs` in the
 * data's own projected CRS rounded to 3 decimals (1 mm) under a legacy (GeoJSON 2008) `crs`
 * member naming it — not RFC 7946, said by the callers. The geometry is rounded once per parcel;
 * re-reading gives the same areas to 0.01 m².
 *
 * Numbers of schema properties (inputs and computed) are written at the precision of their unit,
 * exactly as the CSV writes them (`exportNumber` of `csv-write.ts`: m² to 0.01, 亩 to 0.0001,
 * 万元 to 0.01, ratios as fractions to 0.0001 — the CSV's percent to 0.01), so the file is smaller
 * and diffs are readable; the analysis itself works on unrounded values (domain.md §1). Properties
 * outside the schema (`extra`) are written as read, as in the CSV.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { COMPUTED_FIELDS, type FieldInfo, INPUT_FIELDS } from "../domain/fields";
import type { AnalysedParcel, AnalysisResult } from "../domain/types";
import { exportNumber } from "./csv-write";
import { type OutCoords, outCoords, outGeometry } from "./out-coords";

const COMPUTED_KEYS = COMPUTED_FIELDS.map((f) => f.key);

const isNumeric = (f: FieldInfo) => f.kind === "number" || f.kind === "integer";
/** The numeric schema fields of the inputs and of the computed properties. */
const NUMERIC_INPUTS = INPUT_FIELDS.filter(isNumeric);
const NUMERIC_COMPUTED = COMPUTED_FIELDS.filter(isNumeric);

/**
 * `obj` with its numbers of the `fields` at unit precision (`exportNumber`): `obj` itself when
 * none changes, else a shallow copy (same key order) — never modified in place.
 */
function atUnitPrecision<T extends object>(obj: T, fields: readonly FieldInfo[]): T {
  const o = obj as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const f of fields) {
    const v = o[f.key];
    if (typeof v !== "number") continue;
    const r = exportNumber(f, v);
    if (r === v || (Number.isNaN(r) && Number.isNaN(v))) continue;
    copy ??= { ...o };
    copy[f.key] = r;
  }
  return (copy ?? obj) as T;
}

export interface WriteGeoJsonOptions {
  /** Indentation for humans (default none: compact, for size and speed). */
  indent?: number;
  /**
   * The dataset is synthetic (sample data): a top-level member `"jiyue": {"synthetic": true,
   * "notice": "…"}` says so, so a sample report cannot pass as real. Notice text in the user's language.
   */
  synthetic?: { notice: string };
  /**
   * The fields the user edited, per parcel id (issue 7): written as each feature's
   * `editedFields` (a list of schema keys, `[]` when none). Absent: no such property.
   */
  editedFields?: ReadonlyMap<string, readonly string[]>;
  /**
   * Coordinates in this CRS (the source CRS, e.g. `EPSG:4546`) instead of lon/lat: metres to 3
   * decimals, and a legacy `crs` member. Absent or `EPSG:4326`: RFC 7946 lon/lat.
   */
  outCrs?: string;
}

type WriterOpts = Pick<WriteGeoJsonOptions, "synthetic" | "editedFields" | "outCrs">;

/** The legacy (GeoJSON 2008) named-CRS member for a non-lon/lat output, else undefined. */
function crsMember(oc: OutCoords): { type: "name"; properties: { name: string } } | undefined {
  if (oc.crs === "EPSG:4326") return undefined;
  const m = /^EPSG:(\d+)$/.exec(oc.crs);
  return { type: "name", properties: { name: m ? `urn:ogc:def:crs:EPSG::${m[1]}` : oc.crs } };
}

/** The top-level `jiyue` member of a synthetic dataset's export. */
export interface JiyueMember {
  synthetic: true;
  notice: string;
}

/**
 * The properties of one analysed parcel as exported: inputs (in the order read, `id` first),
 * extra, then every computed property (in that order).
 */
export function exportProperties(
  p: AnalysedParcel,
  editedFields?: ReadonlyMap<string, readonly string[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...atUnitPrecision(p.input, NUMERIC_INPUTS), ...p.extra };
  const computed = atUnitPrecision(p.computed, NUMERIC_COMPUTED) as unknown as Record<string, unknown>;
  for (const k of COMPUTED_KEYS) out[k] = computed[k] ?? null;
  out.areaBasis = p.areaBasis ?? null;
  if (editedFields) out.editedFields = [...(editedFields.get(p.input.id) ?? [])];
  return out;
}

/**
 * One feature as compact JSON, in pieces appended to `out`: their concatenation is the same text
 * as `JSON.stringify` of the feature built with `exportProperties` (tested), spliced from the JSON
 * of the parcel's own objects so that no export object is built per parcel. Kept as pieces, a
 * writer can encode each to bytes as it is (most are Latin-1 text; joined, one Chinese name makes
 * the whole feature two-byte text). Requires `computed` to hold exactly the computed keys in
 * schema order (what `analyzeParcels` builds; checked by the caller).
 */
function featureParts(
  p: AnalysedParcel,
  oc: OutCoords,
  editedFields: ReadonlyMap<string, readonly string[]> | undefined,
  out: string[],
): void {
  out.push(
    `{"type":"Feature","id":${JSON.stringify(p.input.id)},"geometry":${JSON.stringify(outGeometry(p.geometry, oc))},"properties":{`,
  );
  // members of each object without its braces, a comma between those that are not empty
  let any = false;
  const add = (json: string) => {
    if (json.length <= 2) return; // "{}"
    out.push(any ? "," : "", json.slice(1, -1));
    any = true;
  };
  add(JSON.stringify(atUnitPrecision(p.input, NUMERIC_INPUTS)));
  if (!isEmpty(p.extra)) add(JSON.stringify(p.extra));
  add(JSON.stringify(atUnitPrecision(p.computed, NUMERIC_COMPUTED)));
  out.push(`${any ? "," : ""}"areaBasis":${JSON.stringify(p.areaBasis ?? null)}`);
  if (editedFields) out.push(`,"editedFields":${JSON.stringify(editedFields.get(p.input.id) ?? [])}`);
  out.push("}}");
}

/** Has `o` no own enumerable property (`JSON.stringify` would write `{}`)? */
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Does this computed object have exactly the schema's computed keys, in order? */
function computedInSchemaOrder(c: object): boolean {
  const keys = Object.keys(c);
  return keys.length === COMPUTED_KEYS.length && keys.every((k, i) => k === COMPUTED_KEYS[i]);
}

/** The result as a FeatureCollection object (what `writeGeoJson` serialises). */
export function toFeatureCollection(
  result: AnalysisResult,
  opts: WriterOpts = {},
): FeatureCollection<Polygon | MultiPolygon> & {
  crs?: { type: "name"; properties: { name: string } };
  asOf: string;
  standards: { name: string; edition: string };
  jiyue?: JiyueMember;
} {
  const oc = outCoords(opts.outCrs);
  const crs = crsMember(oc);
  const features: Feature<Polygon | MultiPolygon>[] = new Array(result.parcels.length);
  for (let i = 0; i < result.parcels.length; i++) {
    features[i] = exportFeature(result.parcels[i] as AnalysedParcel, oc, opts.editedFields);
  }
  return {
    type: "FeatureCollection",
    ...(crs ? { crs } : {}),
    asOf: result.asOf,
    standards: { name: result.standardsName, edition: result.standardsEdition },
    ...(opts.synthetic ? { jiyue: { synthetic: true as const, notice: opts.synthetic.notice } } : {}),
    features,
  };
}

/** Features per chunk of `geoJsonChunks` (≈ 0.5–1 MB of text). */
const FEATURES_PER_CHUNK = 500;

/** What the collection's head says about the analysis (an `AnalysisResult` has it). */
export interface GeoJsonMeta {
  asOf: string;
  standardsName: string;
  standardsEdition: string;
}

/**
 * The GeoJSON text one feature at a time, for a writer that never holds the parcels (the CLI's
 * streaming `analyze`): `head()`, then `feature(p)` for each parcel in order (with the comma
 * before all but the first), then `tail()`. The concatenation is exactly `writeGeoJson` of the
 * same parcels (tested): `geoJsonChunks` is built on it.
 *
 * @example const w = new GeoJsonWriter(result); out.write(w.head()); for (const p of ps) out.write(w.feature(p)); out.write(w.tail());
 */
export class GeoJsonWriter {
  private readonly oc: OutCoords;
  private readonly opts: WriterOpts;
  private readonly meta: GeoJsonMeta;
  private first = true;

  constructor(meta: GeoJsonMeta, opts: WriterOpts = {}) {
    this.meta = meta;
    this.opts = opts;
    this.oc = outCoords(opts.outCrs);
  }

  /** `{"type":"FeatureCollection",…,"features":[` */
  head(): string {
    const { meta, opts } = this;
    const crs = crsMember(this.oc);
    const standards = JSON.stringify({ name: meta.standardsName, edition: meta.standardsEdition });
    const jiyue = opts.synthetic
      ? `"jiyue":${JSON.stringify({ synthetic: true, notice: opts.synthetic.notice })},`
      : "";
    const crsText = crs ? `"crs":${JSON.stringify(crs)},` : "";
    return `{"type":"FeatureCollection",${crsText}"asOf":${JSON.stringify(meta.asOf)},"standards":${standards},${jiyue}"features":[`;
  }

  /** One feature's JSON, after a comma unless it is the first. */
  feature(p: AnalysedParcel): string {
    const parts: string[] = [];
    this.featureInto(p, parts);
    return parts.join("");
  }

  /** `feature(p)` as pieces appended to `out` (their concatenation is the same text). */
  featureInto(p: AnalysedParcel, out: string[]): void {
    if (this.first) this.first = false;
    else out.push(",");
    if (computedInSchemaOrder(p.computed)) featureParts(p, this.oc, this.opts.editedFields, out);
    else out.push(JSON.stringify(exportFeature(p, this.oc, this.opts.editedFields)));
  }

  /** `]}` */
  tail(): string {
    return "]}";
  }
}

function exportFeature(
  p: AnalysedParcel,
  oc: OutCoords,
  editedFields?: ReadonlyMap<string, readonly string[]>,
): Feature<Polygon | MultiPolygon> {
  return {
    type: "Feature",
    id: p.input.id,
    geometry: outGeometry(p.geometry, oc),
    properties: exportProperties(p, editedFields),
  };
}

/**
 * The GeoJSON text in pieces whose concatenation is exactly `writeGeoJson(result)`: for writing
 * a large result to a file, a pipe or a `Blob` without ever holding the whole text (100,000
 * parcels are ≈ 150 M characters). Compact JSON; each feature spliced from `JSON.stringify` of
 * the parcel's own objects.
 *
 * @example for (const chunk of geoJsonChunks(result)) stream.write(chunk);
 */
export function* geoJsonChunks(result: AnalysisResult, opts: WriterOpts = {}): Generator<string> {
  const parcels = result.parcels;
  const first = parcels[0];
  if (first && !computedInSchemaOrder(first.computed)) {
    // Not built by analyzeParcels: take the general (slower) path.
    yield JSON.stringify(toFeatureCollection(result, opts));
    return;
  }
  const w = new GeoJsonWriter(result, opts);
  yield w.head();
  const batch: string[] = [];
  for (let i = 0; i < parcels.length; i += FEATURES_PER_CHUNK) {
    batch.length = 0;
    const end = Math.min(parcels.length, i + FEATURES_PER_CHUNK);
    for (let k = i; k < end; k++) batch.push(w.feature(parcels[k] as AnalysedParcel));
    yield batch.join("");
  }
  yield w.tail();
}

/**
 * Serialise an analysis result as RFC 7946 GeoJSON text (compact, or indented with `indent`).
 * For large results prefer `geoJsonChunks`.
 *
 * @example writeGeoJson(analyzeParcels(parcels, options)) // '{"type":"FeatureCollection","asOf":"2026-06-30",…}'
 */
export function writeGeoJson(result: AnalysisResult, opts: WriteGeoJsonOptions = {}): string {
  if (opts.indent) return JSON.stringify(toFeatureCollection(result, opts), null, opts.indent);
  return [...geoJsonChunks(result, opts)].join("");
}
