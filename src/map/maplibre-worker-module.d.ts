/** MapLibre's worker bundle (its package ships no types for it): the worker class it exports. */
declare module "maplibre-gl/dist/maplibre-gl-worker.mjs" {
  const MapLibreWorker: new (self: unknown) => unknown;
  export default MapLibreWorker;
}
