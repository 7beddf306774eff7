/**
 * The map's GeoJSON of an analysis result as the worker wrote it (a Blob, see
 * `AnalyzeResponse.mapData`), keyed by the result's parcel array: the map binding hands it to the
 * map with those parcels, and it goes when they go.
 */
import type { BBox } from "../domain/map-properties";
import type { AnalysedParcel } from "../domain/types";

const byParcels = new WeakMap<readonly AnalysedParcel[], { data: Blob; bbox?: BBox }>();

/** Keep the worker's map GeoJSON of `parcels`, with their bbox when the worker sent it. */
export function setMapData(parcels: readonly AnalysedParcel[], data: Blob, bbox?: BBox): void {
  byParcels.set(parcels, bbox ? { data, bbox } : { data });
}

/** The worker's map GeoJSON of these parcels, if it wrote one. */
export function mapDataOf(parcels: readonly AnalysedParcel[]): Blob | undefined {
  return byParcels.get(parcels)?.data;
}

/** The parcels' bbox as the worker computed it with their map data (west, south, east, north). */
export function mapBboxOf(parcels: readonly AnalysedParcel[]): BBox | undefined {
  return byParcels.get(parcels)?.bbox;
}

type EarlyListener = (data: Blob, bbox?: BBox) => void;
const early = new Set<EarlyListener>();

/**
 * A large analysis's map GeoJSON, arrived ahead of its parcels (the worker sends it first, see
 * `EARLY_MAP_DATA`): the map binding hands it to the map at once.
 */
export function announceMapData(data: Blob, bbox?: BBox): void {
  for (const l of early) l(data, bbox);
}

/** Hear `announceMapData`; returns the function that stops. */
export function onEarlyMapData(listener: EarlyListener): () => void {
  early.add(listener);
  return () => early.delete(listener);
}
