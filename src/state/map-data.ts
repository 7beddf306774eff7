/**
 * The map's GeoJSON of an analysis result as the worker wrote it (a Blob, see
 * `AnalyzeResponse.mapData`), keyed by the result's parcel array: the map binding hands it to the
 * map with those parcels, and it goes when they go.
 */
import type { AnalysedParcel } from "../domain/types";

const byParcels = new WeakMap<readonly AnalysedParcel[], Blob>();

export function setMapData(parcels: readonly AnalysedParcel[], data: Blob): void {
  byParcels.set(parcels, data);
}

/** The worker's map GeoJSON of these parcels, if it wrote one. */
export function mapDataOf(parcels: readonly AnalysedParcel[]): Blob | undefined {
  return byParcels.get(parcels);
}
