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
 * Coordinates are written at full precision as read (lon/lat input) or as projected back by
 * proj4 (projected input): no rounding, so writing and re-reading gives the same areas.
 * Stored values are never rounded (domain.md §1).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { COMPUTED_FIELDS } from "../domain/fields";
import type { AnalysedParcel, AnalysisResult } from "../domain/types";

const COMPUTED_KEYS = COMPUTED_FIELDS.map((f) => f.key);

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
  const out: Record<string, unknown> = { ...p.input, ...p.extra };
  const computed = p.computed as unknown as Record<string, unknown>;
  for (const k of COMPUTED_KEYS) out[k] = computed[k] ?? null;
  out.areaBasis = p.areaBasis ?? null;
  if (editedFields) out.editedFields = [...(editedFields.get(p.input.id) ?? [])];
  return out;
}

/** Members of a JSON object text without its braces (`""` for `{}`). */
const members = (json: string) => json.slice(1, -1);

/**
 * One feature as compact JSON: the same text as `JSON.stringify` of the feature built with
 * `exportProperties` (tested), spliced from the JSON of the parcel's own objects so that no export
 * object is built per parcel. Requires `computed` to hold exactly the computed keys in schema
 * order (what `analyzeParcels` builds; checked by the caller).
 */
function featureJson(p: AnalysedParcel, editedFields?: ReadonlyMap<string, readonly string[]>): string {
  let props = members(JSON.stringify(p.input));
  const extra = members(JSON.stringify(p.extra));
  if (extra !== "") props = props === "" ? extra : `${props},${extra}`;
  const computed = members(JSON.stringify(p.computed));
  if (computed !== "") props = props === "" ? computed : `${props},${computed}`;
  const basis = `"areaBasis":${JSON.stringify(p.areaBasis ?? null)}`;
  props = props === "" ? basis : `${props},${basis}`;
  if (editedFields) {
    const edited = `"editedFields":${JSON.stringify(editedFields.get(p.input.id) ?? [])}`;
    props = props === "" ? edited : `${props},${edited}`;
  }
  return `{"type":"Feature","id":${JSON.stringify(p.input.id)},"geometry":${JSON.stringify(p.geometry)},"properties":{${props}}}`;
}

/** Does this computed object have exactly the schema's computed keys, in order? */
function computedInSchemaOrder(c: object): boolean {
  const keys = Object.keys(c);
  return keys.length === COMPUTED_KEYS.length && keys.every((k, i) => k === COMPUTED_KEYS[i]);
}

/** The result as a FeatureCollection object (what `writeGeoJson` serialises). */
export function toFeatureCollection(
  result: AnalysisResult,
  opts: Pick<WriteGeoJsonOptions, "synthetic" | "editedFields"> = {},
): FeatureCollection<Polygon | MultiPolygon> & {
  asOf: string;
  standards: { name: string; edition: string };
  jiyue?: JiyueMember;
} {
  const features: Feature<Polygon | MultiPolygon>[] = new Array(result.parcels.length);
  for (let i = 0; i < result.parcels.length; i++) {
    const p = result.parcels[i] as AnalysedParcel;
    features[i] = {
      type: "Feature",
      id: p.input.id,
      geometry: p.geometry,
      properties: exportProperties(p, opts.editedFields),
    };
  }
  return {
    type: "FeatureCollection",
    asOf: result.asOf,
    standards: { name: result.standardsName, edition: result.standardsEdition },
    ...(opts.synthetic ? { jiyue: { synthetic: true as const, notice: opts.synthetic.notice } } : {}),
    features,
  };
}

/** Features per chunk of `geoJsonChunks` (≈ 0.5–1 MB of text). */
const FEATURES_PER_CHUNK = 500;

/**
 * The GeoJSON text in pieces whose concatenation is exactly `writeGeoJson(result)`: for writing
 * a large result to a file, a pipe or a `Blob` without ever holding the whole text (100,000
 * parcels are ≈ 150 M characters). Compact JSON; each feature spliced from `JSON.stringify` of
 * the parcel's own objects.
 *
 * @example for (const chunk of geoJsonChunks(result)) stream.write(chunk);
 */
export function* geoJsonChunks(
  result: AnalysisResult,
  opts: Pick<WriteGeoJsonOptions, "synthetic" | "editedFields"> = {},
): Generator<string> {
  const standards = JSON.stringify({ name: result.standardsName, edition: result.standardsEdition });
  const jiyue = opts.synthetic
    ? `"jiyue":${JSON.stringify({ synthetic: true, notice: opts.synthetic.notice })},`
    : "";
  const head = `{"type":"FeatureCollection","asOf":${JSON.stringify(result.asOf)},"standards":${standards},${jiyue}"features":[`;
  const parcels = result.parcels;
  const first = parcels[0];
  if (first && !computedInSchemaOrder(first.computed)) {
    // Not built by analyzeParcels: take the general (slower) path.
    yield JSON.stringify(toFeatureCollection(result, opts));
    return;
  }
  yield head;
  const batch: string[] = [];
  for (let i = 0; i < parcels.length; i += FEATURES_PER_CHUNK) {
    batch.length = 0;
    const end = Math.min(parcels.length, i + FEATURES_PER_CHUNK);
    for (let k = i; k < end; k++) batch.push(featureJson(parcels[k] as AnalysedParcel, opts.editedFields));
    yield (i === 0 ? "" : ",") + batch.join(",");
  }
  yield "]}";
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
