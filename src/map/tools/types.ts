/**
 * The port between map interaction tools and the map. A tool (select, measure, draw …) receives
 * pointer and key events already translated into lon/lat and container pixels, and reaches the
 * map only through a `ToolContext` (`project`/`unproject`, the parcel under a pixel, the cursor):
 * it never imports `maplibre-gl`, so it is unit tested with a fake projection. What a tool shows
 * while it works (a sketch line, vertices, a label) is its `render()` output, plain GeoJSON that
 * the controller draws in one source of its own. Tools write to the app through callbacks given
 * when they are created (the store is never imported here).
 *
 * The split follows terra-draw's modes and adapters: the mode knows geometry and gestures, the
 * adapter knows the map library.
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";

/** [longitude, latitude] in degrees (RFC 7946 / CGCS2000). */
export type LngLat = [number, number];
/** [x, y] pixels relative to the map container's top-left corner. */
export type ScreenPoint = [number, number];

export interface ToolPointerEvent {
  lngLat: LngLat;
  point: ScreenPoint;
  button: "left" | "middle" | "right" | "none";
  shiftKey: boolean;
  /** Ctrl, or ⌘ on a Mac. */
  ctrlKey: boolean;
  altKey: boolean;
  /** Milliseconds (any monotonic clock; the tools compare differences only). */
  time: number;
}

export interface ToolKeyEvent {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
}

export type ToolCursor = "" | "pointer" | "crosshair";

/** What the map offers a tool (the controller implements it over MapLibre; tests fake it). */
export interface ToolContext {
  project(lngLat: LngLat): ScreenPoint;
  unproject(point: ScreenPoint): LngLat;
  /** The id of the topmost parcel drawn at a pixel, null when there is none. */
  parcelAt(point: ScreenPoint): string | null;
  setCursor(cursor: ToolCursor): void;
  /** The map's double-click zoom (drawing tools turn it off: a double click finishes a sketch). */
  setDoubleClickZoom(enabled: boolean): void;
  /** The tool's `render()` output changed: draw it again. */
  redraw(): void;
}

/**
 * What a feature of a tool's render output is, in `properties.role`, so one set of layers draws
 * every tool: `sketch` lines/polygons, `vertex` points, `label` points with `properties.label`.
 */
export type ToolFeatureRole = "sketch" | "vertex" | "label";
export type ToolFeature = Feature<Geometry, { role: ToolFeatureRole; label?: string; active?: boolean }>;
export type ToolRender = FeatureCollection<Geometry, ToolFeature["properties"]>;

export const EMPTY_RENDER: ToolRender = { type: "FeatureCollection", features: [] };

export interface MapTool {
  /** Stable name (`select`, `measure-distance`, `measure-area`, `draw-point` …). */
  readonly id: string;
  /** The tool becomes the active one. */
  activate(ctx: ToolContext): void;
  /** Another tool takes over (or the map is destroyed): drop any sketch, restore the map. */
  deactivate(): void;
  onPointerDown?(e: ToolPointerEvent): void;
  onPointerMove?(e: ToolPointerEvent): void;
  onPointerUp?(e: ToolPointerEvent): void;
  /** A key pressed while the tool is active; true when the tool used it (the caller then stops it). */
  onKey?(e: ToolKeyEvent): boolean;
  /** What to draw now (the controller reads it after `redraw`). */
  render(): ToolRender;
  /** The language changed (labels follow). */
  setLanguage?(lang: "zh" | "en"): void;
}

/** Geometry a drawing tool hands to its finish callback (lon/lat). */
export type DrawnGeometry =
  | { type: "Point"; coordinates: LngLat }
  | { type: "LineString"; coordinates: LngLat[] }
  | { type: "Polygon"; coordinates: LngLat[][] };
