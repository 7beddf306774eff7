/**
 * The six-ones plan's map layers over the plan features of `domain/plan-features.ts` (one GeoJSON
 * source, `properties.layer` says what each feature is): parcels no facility of the kind covers
 * (a hatched red outline), the straight-line circles (dashed), the areas served along the roads
 * (a fill and its outline), the roads reached within the service distance, the bus line and its
 * numbered stops, and a ring on the selected facility. The facilities themselves are the
 * context facility layer's. Pure style data, validated against the style spec in the tests.
 */
import type { LayerSpecification, SourceSpecification } from "@maplibre/maplibre-gl-style-spec";

export const PLAN_SOURCE = "plan";
export const PLAN_LAYERS = {
  uncoveredFill: "plan-uncovered-fill",
  uncoveredLine: "plan-uncovered-line",
  roadArea: "plan-road-area",
  roadAreaLine: "plan-road-area-line",
  circle: "plan-circle",
  roadReach: "plan-road-reach",
  busLine: "plan-bus-line",
  busStop: "plan-bus-stop",
  busStopLabel: "plan-bus-stop-label",
  selected: "plan-selected",
} as const;
export const PLAN_LAYER_IDS: readonly string[] = Object.values(PLAN_LAYERS);

/** Colours of the plan layers (the legend uses the same). */
export const PLAN_COLORS = {
  uncovered: "#d50000",
  circle: "#37474f",
  roadArea: "#00897b",
  roadReach: "#00695c",
  bus: "#1565c0",
  selected: "#ffab00",
} as const;

const FONT = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];

export function planSource(): SourceSpecification {
  return { type: "geojson", data: { type: "FeatureCollection", features: [] } };
}

const isLayer = (name: string) => ["==", ["get", "layer"], name] as ["==", ["get", string], string];

export function planLayers(theme: "default" | "projector"): LayerSpecification[] {
  const k = theme === "projector" ? 1.5 : 1;
  const selectedWidth = (w: number) => ["case", ["==", ["get", "selected"], true], w * 1.8 * k, w * k];
  return [
    {
      id: PLAN_LAYERS.uncoveredFill,
      type: "fill",
      source: PLAN_SOURCE,
      filter: isLayer("uncovered"),
      paint: { "fill-color": PLAN_COLORS.uncovered, "fill-opacity": 0.22 },
    },
    {
      id: PLAN_LAYERS.uncoveredLine,
      type: "line",
      source: PLAN_SOURCE,
      filter: isLayer("uncovered"),
      paint: { "line-color": PLAN_COLORS.uncovered, "line-width": 1.6 * k, "line-dasharray": [2, 1] },
    },
    {
      id: PLAN_LAYERS.roadArea,
      type: "fill",
      source: PLAN_SOURCE,
      filter: isLayer("road-area"),
      // No antialiasing: the area is drawn as row strips, whose shared edges must not show.
      paint: { "fill-color": PLAN_COLORS.roadArea, "fill-opacity": 0.2, "fill-antialias": false },
    },
    {
      id: PLAN_LAYERS.roadAreaLine,
      type: "line",
      source: PLAN_SOURCE,
      filter: isLayer("road-area-outline"),
      paint: {
        "line-color": PLAN_COLORS.roadArea,
        "line-width": selectedWidth(1.4) as never,
        "line-opacity": 0.9,
      },
    },
    {
      id: PLAN_LAYERS.circle,
      type: "line",
      source: PLAN_SOURCE,
      filter: isLayer("circle"),
      paint: {
        "line-color": PLAN_COLORS.circle,
        "line-width": selectedWidth(1.4) as never,
        "line-dasharray": [3, 2],
      },
    },
    {
      id: PLAN_LAYERS.roadReach,
      type: "line",
      source: PLAN_SOURCE,
      filter: isLayer("road-reach"),
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { "line-color": PLAN_COLORS.roadReach, "line-width": 3.5 * k, "line-opacity": 0.85 },
    },
    {
      id: PLAN_LAYERS.busLine,
      type: "line",
      source: PLAN_SOURCE,
      filter: isLayer("bus-line"),
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": PLAN_COLORS.bus,
        "line-width": selectedWidth(4) as never,
        "line-dasharray": [
          "case",
          ["==", ["get", "status"], "existing"],
          ["literal", [1, 0]],
          ["literal", [2, 1]],
        ],
      },
    },
    {
      id: PLAN_LAYERS.busStop,
      type: "circle",
      source: PLAN_SOURCE,
      filter: isLayer("bus-stop"),
      paint: {
        "circle-radius": 7 * k,
        "circle-color": "#ffffff",
        "circle-stroke-color": PLAN_COLORS.bus,
        "circle-stroke-width": 2.5 * k,
      },
    },
    {
      id: PLAN_LAYERS.busStopLabel,
      type: "symbol",
      source: PLAN_SOURCE,
      filter: isLayer("bus-stop"),
      layout: {
        "text-field": ["to-string", ["get", "stop"]],
        "text-font": FONT,
        "text-size": 10 * k,
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": PLAN_COLORS.bus },
    },
    {
      id: PLAN_LAYERS.selected,
      type: "circle",
      source: PLAN_SOURCE,
      filter: ["all", ["==", ["get", "layer"], "facility"], ["==", ["get", "selected"], true]],
      paint: {
        "circle-radius": 13 * k,
        "circle-color": "rgba(0,0,0,0)",
        "circle-stroke-color": PLAN_COLORS.selected,
        "circle-stroke-width": 3 * k,
      },
    },
  ];
}
