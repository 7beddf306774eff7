/**
 * The source and layers that draw the active tool's render output (`ToolRender`), above every
 * other layer: sketch polygons (a light fill), sketch lines (dashed while drawing), vertices and
 * labels. Pure style data, validated against the style spec in the tests.
 */
import type { LayerSpecification, SourceSpecification } from "@maplibre/maplibre-gl-style-spec";

export const TOOL_SOURCE = "tool";
export const TOOL_LAYERS = {
  fill: "tool-fill",
  line: "tool-line",
  vertex: "tool-vertex",
  label: "tool-label",
} as const;
export const TOOL_LAYER_IDS: readonly string[] = Object.values(TOOL_LAYERS);

const FONT = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];
const COLOR = "#d84315";

export function toolSource(): SourceSpecification {
  return { type: "geojson", data: { type: "FeatureCollection", features: [] } };
}

export function toolLayers(theme: "default" | "projector"): LayerSpecification[] {
  const k = theme === "projector" ? 1.4 : 1;
  return [
    {
      id: TOOL_LAYERS.fill,
      type: "fill",
      source: TOOL_SOURCE,
      filter: ["all", ["==", ["get", "role"], "sketch"], ["==", ["geometry-type"], "Polygon"]],
      paint: { "fill-color": COLOR, "fill-opacity": 0.15 },
    },
    {
      id: TOOL_LAYERS.line,
      type: "line",
      source: TOOL_SOURCE,
      filter: ["==", ["get", "role"], "sketch"],
      layout: { "line-join": "round", "line-cap": "round" },
      paint: {
        "line-color": COLOR,
        "line-width": 2.5 * k,
        "line-dasharray": [
          "case",
          ["==", ["get", "active"], true],
          ["literal", [2, 1.5]],
          ["literal", [1, 0]],
        ],
      },
    },
    {
      id: TOOL_LAYERS.vertex,
      type: "circle",
      source: TOOL_SOURCE,
      filter: ["==", ["get", "role"], "vertex"],
      paint: {
        "circle-radius": 4 * k,
        "circle-color": "#ffffff",
        "circle-stroke-color": COLOR,
        "circle-stroke-width": 2 * k,
      },
    },
    {
      id: TOOL_LAYERS.label,
      type: "symbol",
      source: TOOL_SOURCE,
      filter: ["==", ["get", "role"], "label"],
      layout: {
        "text-field": ["to-string", ["get", "label"]],
        "text-font": FONT,
        "text-size": 13 * k,
        "text-anchor": "left",
        "text-offset": [0.8, 0],
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": "#7f1d00", "text-halo-color": "#ffffff", "text-halo-width": 2 * k },
    },
  ];
}
