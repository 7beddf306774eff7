/**
 * A page that mounts the real MapController on synthetic parcels (or the sample data in
 * `geodata/` when `?data=sample`), for the controller's browser checks and screenshots. Not part
 * of the app. Query: `n` (parcels), `theme`, `lang`, `basemap`, `data=sample`.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from "geojson";
import { landUseGroup } from "../../src/domain/landuse";
import { syntheticParcels } from "../../src/io/synthetic";
import type { ContextLayers, MapParcels } from "../../src/map/api";
import { MapController } from "../../src/map/controller";
import { bboxOf } from "../../src/map/geometry";

const q = new URLSearchParams(location.search);
const n = Number(q.get("n") ?? 400);
const lang = q.get("lang") === "en" ? "en" : "zh";
const theme = q.get("theme") === "projector" ? "projector" : "default";

function syntheticMapParcels(count: number): MapParcels {
  const fc = syntheticParcels(count, 1);
  return {
    type: "FeatureCollection",
    features: fc.features.map((f, i) => {
      const p = f.properties as Record<string, unknown>;
      const mu = (p.landAreaM2 as number) / (10000 / 15);
      const status = p.constructionStatus;
      return {
        type: "Feature",
        geometry: f.geometry,
        properties: {
          id: p.id as string,
          zone: p.zone as string,
          landUse: i % 17 === 0 ? "0701" : i % 23 === 0 ? "1401" : (p.landUse as string),
          landUseGroup: landUseGroup(i % 17 === 0 ? "0701" : i % 23 === 0 ? "1401" : (p.landUse as string)),
          investmentPerMu: i % 29 === 0 ? null : (p.fixedInvestment as number) / mu,
          flag: status === "not-started" ? "idle" : status === "halted" ? "under" : "none",
        },
      };
    }),
  };
}

function syntheticContext(parcels: MapParcels): ContextLayers {
  const [w, s, e, nn] = bboxOf(parcels.features) ?? [109.76, 30.58, 109.78, 30.6];
  const pad = 0.001;
  const zone: Feature<Polygon> = {
    type: "Feature",
    properties: { id: "huangtukan", name: "黄土坎片区" },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [w - pad, s - pad],
          [e + pad, s - pad],
          [e + pad, nn + pad],
          [w - pad, nn + pad],
          [w - pad, s - pad],
        ],
      ],
    },
  };
  const midY = (s + nn) / 2;
  const midX = (w + e) / 2;
  const roads: FeatureCollection<LineString> = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name: "园区大道", class: "main" },
        geometry: {
          type: "LineString",
          coordinates: [
            [w - 0.01, midY - 0.0008],
            [e + 0.01, midY - 0.0008],
          ],
        },
      },
      {
        type: "Feature",
        properties: { name: "工业一路", class: "branch" },
        geometry: {
          type: "LineString",
          coordinates: [
            [midX + 0.0007, s - pad],
            [midX + 0.0007, nn + pad],
          ],
        },
      },
    ],
  };
  const facilities: FeatureCollection<Point> = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { kind: "kindergarten", name: "园区幼儿园", status: "existing" },
        geometry: { type: "Point", coordinates: [midX + 0.002, midY + 0.002] },
      },
      {
        type: "Feature",
        properties: { kind: "clinic", name: "卫生室", status: "planned" },
        geometry: { type: "Point", coordinates: [midX - 0.003, midY + 0.001] },
      },
      {
        type: "Feature",
        properties: { kind: "bus-stop", name: "公交站", status: "existing" },
        geometry: { type: "Point", coordinates: [midX, midY - 0.0008] },
      },
    ],
  };
  const central: FeatureCollection<Point> = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name: "中心城区（业州镇）", label_en: "County seat (Yezhou)" },
        geometry: { type: "Point", coordinates: [w - 0.006, midY] },
      },
    ],
  };
  return {
    zones: { type: "FeatureCollection", features: [zone] },
    roads,
    facilities,
    centralUrbanArea: central,
  };
}

async function sampleData(): Promise<{ parcels: MapParcels; context: ContextLayers }> {
  const get = async (name: string) => (await fetch(`/geodata/${name}`)).json();
  const [parcels, zones, roads, facilities, central] = await Promise.all([
    get("parcels.geojson"),
    get("zones.geojson"),
    get("roads.geojson"),
    get("facilities.geojson"),
    get("central-urban-area.geojson").catch(() => ({ type: "FeatureCollection", features: [] })),
  ]);
  for (const f of parcels.features) {
    f.properties.landUseGroup = landUseGroup(f.properties.landUse);
    f.properties.flag = "none";
  }
  return { parcels, context: { zones, roads, facilities, centralUrbanArea: central } };
}

declare global {
  interface Window {
    __ctl?: MapController;
    __page?: { parcels: number; dataAt: number; idleAt: number };
    __parcels?: MapParcels;
  }
}

const container = document.getElementById("map") as HTMLElement;
const ctl = new MapController(container, { lang, theme, basemap: { kind: "none" } });
window.__ctl = ctl;
if (q.get("flags") === "0") ctl.setFlagsVisible(false);
const data =
  q.get("data") === "sample"
    ? await sampleData()
    : (() => {
        const parcels = syntheticMapParcels(n);
        return { parcels, context: syntheticContext(parcels) };
      })();
window.__parcels = data.parcels;
// Measure from a loaded map (like the baseline's addSource after "load").
await new Promise<void>((resolve) => ctl.on("ready", () => resolve()));
const dataAt = performance.now();
if (q.get("ctx") !== "0") ctl.setContext(data.context);
ctl.setParcels(data.parcels);
await ctl.whenIdle();
window.__page = { parcels: data.parcels.features.length, dataAt, idleAt: performance.now() };
