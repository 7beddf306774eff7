/**
 * MapLibre's worker with two additions: `maplibre-worker-fetch.ts` runs first (module order), so the
 * parcel data is fetched from the analysis worker's Blob in this worker, never through the page;
 * and the parcels loaded that way are not sent back to the page (see `keepUrlDataHere`).
 */
import "./maplibre-worker-fetch";
import MapLibreWorker from "maplibre-gl/dist/maplibre-gl-worker.mjs";
import { BLOB_PATH } from "./blob-path";

// MapLibre's worker module starts itself (`self.worker = new Worker(self)`); its package marks the
// file free of side effects, so the bundler may drop that line: start it here if it did.
const scope = self as unknown as { worker?: unknown };
scope.worker ??= new MapLibreWorker(self);

type Handler = (mapId: string, params: { request?: { url?: string } }) => Promise<unknown>;
interface WorkerWithActor {
  actor?: {
    messageHandlers?: Record<string, Handler | undefined>;
    registerMessageHandler?: (type: string, fn: Handler) => void;
  };
}

/**
 * MapLibre's GeoJSON `loadData` (message type "LD") answers a source loaded from a URL with the
 * whole parsed collection, for the page's copy of the data (`GeoJSONSource.getData`): at 175,000
 * parcels receiving it held the page for 2.7 s (issue 13). The app never reads the parcel
 * source's data back (it keeps its own parcels and updates the map by `setData` and feature
 * state), so for the analysis worker's Blob the collection stays here. Any other URL is answered
 * as MapLibre does.
 */
function keepUrlDataHere(worker: WorkerWithActor): void {
  const actor = worker.actor;
  const load = actor?.messageHandlers?.LD;
  if (!actor?.registerMessageHandler || !load) return;
  actor.registerMessageHandler("LD", async (mapId, params) => {
    const result = await load(mapId, params);
    if (
      params.request?.url?.includes(BLOB_PATH) &&
      result &&
      typeof result === "object" &&
      "data" in result
    ) {
      const { data: _kept, ...rest } = result as Record<string, unknown>;
      return rest;
    }
    return result;
  });
}
keepUrlDataHere(scope.worker as WorkerWithActor);
