/**
 * From analysed parcels to the flat feature properties the map styles read (`MapParcels`): the id,
 * zone, statuses, every numeric indicator, the derived `landUseGroup` (default colouring) and
 * `flag` (flag overlay).
 */
import { NUMERIC_INDICATORS } from "../domain/fields";
import { parcelFlag } from "../domain/flags";
import { landUseGroup } from "../domain/landuse";
import type { AnalysedParcel } from "../domain/types";
import type { MapParcelProperties, MapParcels } from "./api";

/**
 * Flat map properties of one analysed parcel: what the styles read (id for labels and clicks,
 * zone for framing, `landUseGroup`, the categorical statuses, `flag`, every numeric indicator),
 * nothing else — each property is copied to MapLibre's worker and kept in every tile, so names,
 * enterprises and reason lists stay in the store (the detail panel reads them there).
 * Numbers are not rounded.
 */
export function toMapProperties(p: AnalysedParcel): MapParcelProperties {
  const c = p.computed;
  const props: MapParcelProperties = {
    id: p.input.id,
    zone: p.input.zone ?? null,
    landUseGroup: landUseGroup(p.input.landUse),
    idleStatus: c.idleStatus,
    efficiencyClass: c.efficiencyClass,
    reallocationCandidate: c.reallocationCandidate,
    flag: parcelFlag(c),
  };
  // Every indicator the map can be coloured by (the store's list, so the two cannot drift apart).
  for (const k of NUMERIC_INDICATORS) props[k] = c[k];
  return props;
}

/** The parcels as a map FeatureCollection (a new object: pass it once to `setParcels`). */
export function toMapParcels(parcels: readonly AnalysedParcel[]): MapParcels {
  return {
    type: "FeatureCollection",
    features: parcels.map((p) => ({
      type: "Feature",
      properties: toMapProperties(p),
      geometry: p.geometry,
    })),
  };
}
