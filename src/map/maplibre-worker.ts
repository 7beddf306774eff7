/**
 * MapLibre's worker with one addition: `maplibre-worker-fetch.ts` runs first (module order), so the
 * parcel data is fetched from the analysis worker's Blob in this worker, never through the page.
 */
import "./maplibre-worker-fetch";
import MapLibreWorker from "maplibre-gl/dist/maplibre-gl-worker.mjs";

// MapLibre's worker module starts itself (`self.worker = new Worker(self)`); its package marks the
// file free of side effects, so the bundler may drop that line: start it here if it did.
const scope = self as unknown as { worker?: unknown };
scope.worker ??= new MapLibreWorker(self);
