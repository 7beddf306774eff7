/**
 * Baseline for the browser benchmark: bare MapLibre, one GeoJSON source of N synthetic parcels
 * (the same generator and seed as the app's `?synthetic=N`) with one simple fill layer, framed
 * like the app frames them, in a map of the same size (`w`, `h`). Publishes
 * `window.__bare = {addSourceAt, idleAt}` (addSource → first idle).
 */
import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { syntheticParcels } from "../../src/io/synthetic";
import { bboxOf, framePadding } from "../../src/map/geometry";

declare global {
  interface Window {
    __bare?: { parcels: number; addSourceAt: number; idleAt: number };
  }
}

maplibregl.setWorkerUrl(workerUrl);
const q = new URLSearchParams(location.search);
const n = Number(q.get("n") ?? 10_000);
const w = Number(q.get("w") ?? window.innerWidth);
const h = Number(q.get("h") ?? window.innerHeight);
const el = document.getElementById("map") as HTMLElement;
el.style.width = `${w}px`;
el.style.height = `${h}px`;

const data = syntheticParcels(n, 1);
const bbox = bboxOf(data.features) ?? [109.7, 30.5, 109.8, 30.6];
const map = new maplibregl.Map({
  container: el,
  style: {
    version: 8,
    sources: {},
    layers: [{ id: "bg", type: "background", paint: { "background-color": "#f3f1ea" } }],
  },
  bounds: bbox,
  fitBoundsOptions: { padding: framePadding(w, h), maxZoom: 17 },
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
map.on("load", () => {
  const addSourceAt = performance.now();
  map.addSource("parcels", { type: "geojson", data });
  map.addLayer({ id: "parcels", type: "fill", source: "parcels", paint: { "fill-color": "#b9906a" } });
  map.once("idle", () => {
    window.__bare = { parcels: n, addSourceAt, idleAt: performance.now() };
  });
});
