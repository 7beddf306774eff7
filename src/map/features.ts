/**
 * From analysed parcels to the flat feature properties the map styles read (`MapParcels`): the id,
 * zone, statuses, every numeric indicator, the derived `landUseGroup` (default colouring) and
 * `flag` (flag overlay).
 */
import { toMapProperties } from "../domain/map-properties";
import type { AnalysedParcel } from "../domain/types";
import type { MapParcels } from "./api";

export { toMapProperties };

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
