/**
 * Analysis results → RFC 7946 GeoJSON (lon/lat, CGCS2000 ≈ WGS 84).
 *
 * Each feature carries the parcel's input properties under their schema names (typed: numbers
 * as numbers, dates as ISO text), then the properties outside the schema unchanged (`extra`),
 * then every computed property of parcel-schema.md under its schema name (`null` where it could
 * not be computed). The collection carries `asOf` and the standards' `name` and `edition`.
 *
 * Coordinates are written at full precision as read (lon/lat input) or as projected back by
 * proj4 (projected input): no rounding, so writing and re-reading gives the same areas.
 * Stored values are never rounded (domain.md §1).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { COMPUTED_FIELDS, INPUT_FIELDS } from "../domain/fields";
import type { AnalysedParcel, AnalysisResult } from "../domain/types";

const INPUT_KEYS = INPUT_FIELDS.map((f) => f.key);
const COMPUTED_KEYS = COMPUTED_FIELDS.map((f) => f.key);

export interface WriteGeoJsonOptions {
  /** Indentation for humans (default none: compact, for size and speed). */
  indent?: number;
}

/** The properties of one analysed parcel as exported: inputs, extra, computed (in that order). */
export function exportProperties(p: AnalysedParcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const input = p.input as unknown as Record<string, unknown>;
  for (const k of INPUT_KEYS) {
    const v = input[k];
    if (v !== undefined) out[k] = v;
  }
  for (const k in p.extra) out[k] = p.extra[k];
  const computed = p.computed as unknown as Record<string, unknown>;
  for (const k of COMPUTED_KEYS) out[k] = computed[k] ?? null;
  return out;
}

/** The result as a FeatureCollection object (what `writeGeoJson` serialises). */
export function toFeatureCollection(result: AnalysisResult): FeatureCollection<Polygon | MultiPolygon> & {
  asOf: string;
  standards: { name: string; edition: string };
} {
  const features: Feature<Polygon | MultiPolygon>[] = new Array(result.parcels.length);
  for (let i = 0; i < result.parcels.length; i++) {
    const p = result.parcels[i] as AnalysedParcel;
    features[i] = { type: "Feature", id: p.input.id, geometry: p.geometry, properties: exportProperties(p) };
  }
  return {
    type: "FeatureCollection",
    asOf: result.asOf,
    standards: { name: result.standardsName, edition: result.standardsEdition },
    features,
  };
}

/**
 * Serialise an analysis result as RFC 7946 GeoJSON text.
 *
 * @example writeGeoJson(analyzeParcels(parcels, options)) // '{"type":"FeatureCollection","asOf":"2026-06-30",…}'
 */
export function writeGeoJson(result: AnalysisResult, opts: WriteGeoJsonOptions = {}): string {
  return JSON.stringify(toFeatureCollection(result), null, opts.indent);
}
