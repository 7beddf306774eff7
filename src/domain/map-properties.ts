/**
 * The flat feature properties the map styles read, from an analysed parcel: the id, zone,
 * statuses, every numeric indicator, the derived `landUseGroup` (default colouring) and `flag`
 * (flag overlay). Pure, so the analysis worker can write the map's GeoJSON itself (issue 13: the
 * parcels are tiled off the main thread and not shipped through the page twice) and the page's
 * map and print use the same rule.
 */
import { NUMERIC_INDICATORS } from "./fields";
import { parcelFlag } from "./flags";
import { landUseGroup } from "./landuse";
import type { AnalysedParcel } from "./types";

export type MapFeatureProperties = Record<string, string | number | boolean | null>;

/**
 * Flat map properties of one analysed parcel: what the styles read (id for labels and clicks,
 * zone for framing, `landUseGroup`, the categorical statuses, `flag`, every numeric indicator),
 * nothing else — each property is copied to MapLibre's worker and kept in every tile, so names,
 * enterprises and reason lists stay in the store (the detail panel reads them there).
 * Numbers are not rounded.
 */
export function toMapProperties(p: AnalysedParcel): MapFeatureProperties {
  const c = p.computed;
  const props = toTileProperties(p);
  // Every indicator the map can be coloured by (the store's list, so the two cannot drift apart).
  for (const k of NUMERIC_INDICATORS) props[k] = c[k];
  return props;
}

/** West, south, east, north in degrees of longitude and latitude (EPSG:4326 or CGCS2000 lon/lat). */
export type BBox = [number, number, number, number];

/** West, south, east, north of the parcels' lon/lat geometry (null: none, or no finite point). */
export function parcelsBbox(parcels: readonly AnalysedParcel[]): BBox | null {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const p of parcels) {
    const polys = p.geometry.type === "Polygon" ? [p.geometry.coordinates] : p.geometry.coordinates;
    for (const poly of polys)
      for (const ring of poly)
        for (const pt of ring) {
          const x = pt[0] as number;
          const y = pt[1] as number;
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          if (x < w) w = x;
          if (x > e) e = x;
          if (y < s) s = y;
          if (y > n) n = y;
        }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/**
 * The properties the map's tiles carry when the worker writes the GeoJSON (`mapGeoJsonChunks`):
 * what the layers read (the id for feature-state and clicks, `flag`) and every categorical
 * colouring's field. The numeric indicators stay on the page: a numeric colouring is written as
 * feature-state from the page's own properties, and without them the text MapLibre parses and
 * tiles is 2.5× smaller (133 → 54 MB at 175,000 parcels, issue 13).
 */
export const TILE_PROPERTIES = [
  "id",
  "zone",
  "landUseGroup",
  "idleStatus",
  "efficiencyClass",
  "reallocationCandidate",
  "flag",
] as const;

/** A parcel's `TILE_PROPERTIES` (`toMapProperties` adds the numeric indicators to them). */
export function toTileProperties(p: AnalysedParcel): MapFeatureProperties {
  const c = p.computed;
  return {
    id: p.input.id,
    zone: p.input.zone ?? null,
    landUseGroup: landUseGroup(p.input.landUse),
    idleStatus: c.idleStatus,
    efficiencyClass: c.efficiencyClass,
    reallocationCandidate: c.reallocationCandidate,
    flag: parcelFlag(c),
  };
}

/**
 * The map's GeoJSON of the analysed parcels as text (one feature per parcel, in order, with
 * `toTileProperties`), written in pieces so no single string of the whole collection is built:
 * the pieces go into a Blob that MapLibre's own worker fetches and parses.
 */
export function mapGeoJsonChunks(parcels: readonly AnalysedParcel[], per = 2000): string[] {
  const out: string[] = ['{"type":"FeatureCollection","features":['];
  for (let i = 0; i < parcels.length; i += per) {
    const part: string[] = [];
    for (let j = i; j < Math.min(parcels.length, i + per); j++) {
      const p = parcels[j] as AnalysedParcel;
      part.push(
        `{"type":"Feature","properties":${JSON.stringify(toTileProperties(p))},"geometry":${JSON.stringify(p.geometry)}}`,
      );
    }
    out.push((i > 0 ? "," : "") + part.join(","));
  }
  out.push("]}");
  return out;
}
