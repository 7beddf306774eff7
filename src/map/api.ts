/**
 * The contract between the app and the map controller (`src/map/controller.ts`, the one class
 * that owns MapLibre). UI code talks to the map only through this interface and never imports
 * maplibre-gl. Data goes in through methods that do nothing when the input is unchanged;
 * colouring changes never re-send the parcel data (see `setColouring`).
 */
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from "geojson";
import type { Lang } from "../i18n/lang";
import type { CustomBasemap } from "../state/customBasemap";
import type { BBox, FrameInsets } from "./geometry";
import type { Measurement } from "./tools/measure";
import type { SelectHow } from "./tools/select";
import type { DrawnGeometry } from "./tools/types";

export type { DrawnGeometry, FrameInsets, Measurement, SelectHow };

/** Flat properties the map needs per parcel (numbers, strings, booleans only; null allowed). */
export type MapParcelProperties = Record<string, string | number | boolean | null>;
export type MapParcels = FeatureCollection<Polygon | MultiPolygon, MapParcelProperties> & {
  /**
   * The same features as GeoJSON text, written by the analysis worker: MapLibre is given its URL
   * and its own worker fetches and tiles it, so the collection is not copied from the page
   * (issue 13). Absent: the features are sent as objects.
   */
  data?: Blob;
};

export interface ContextLayers {
  zones: FeatureCollection<Polygon | MultiPolygon>;
  roads: FeatureCollection<LineString>;
  facilities: FeatureCollection<Point | Polygon>;
  centralUrbanArea: FeatureCollection<Point | Polygon>;
}

/** How parcels are filled. Colours are CSS hex strings. */
export type Colouring =
  | {
      kind: "categorical";
      /** Property to match, e.g. `landUseGroup`, `idleStatus`, `efficiencyClass`. */
      field: string;
      categories: { value: string; color: string }[];
      /** Colour for anything else (and null). */
      otherColor: string;
    }
  | {
      kind: "graduated";
      field: string;
      /** Inner class breaks in data units, ascending; `colors.length === breaks.length + 1` (class i is `breaks[i-1] <= v < breaks[i]`). */
      breaks: number[];
      colors: string[];
      /** Colour for null (no data). */
      nullColor: string;
    };

export type Basemap =
  | { kind: "none" }
  | { kind: "osm" }
  | { kind: "tianditu"; key: string }
  | { kind: "custom"; custom: CustomBasemap };
/** Which context layers are drawn (same shape as the store's `ContextVisibility`). */
export type ContextVisibility = Record<keyof ContextLayers, boolean>;
export type ZoneFocus = "all" | string;

export interface MapEvents {
  /**
   * The select tool chose a parcel (null: clicked on empty map). `toggle`: Shift/Ctrl was held
   * (add or remove it; never sent for empty map).
   */
  parcelClick: (id: string | null, how: SelectHow) => void;
  /** The map finished loading its style and first data. */
  ready: () => void;
  /**
   * Basemap tiles failed to load (`failed`, once per basemap choice) or loaded after all (`ok`);
   * also `ok` when the basemap changes.
   */
  basemapStatus: (status: "ok" | "failed") => void;
  /** A measure tool's result changed (null: cleared or another tool). */
  measure: (m: Measurement | null) => void;
  /** The view changed (after a pan, zoom or framing ended). */
  viewChange: (view: MapViewState) => void;
}

/** What the map shows: centre (lon/lat) and zoom. */
export interface MapViewState {
  center: [number, number];
  zoom: number;
}

/**
 * The active map tool. `draw` is the generic drawing tool for later features (a facility's point,
 * a bus line, a split line, a polygon): `onFinish` receives the lon/lat geometry.
 */
export type ToolSpec =
  | { kind: "select" }
  | { kind: "measure"; measure: "distance" | "area" /** The analysis CRS, e.g. `EPSG:4546`. */; crs: string }
  | { kind: "draw"; geometry: "point" | "line" | "polygon"; onFinish(geometry: DrawnGeometry): void };

/** A key for the active tool (Enter, Escape, Backspace …). */
export interface ToolKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
}

/** Options of a new map. */
export interface MapOptions {
  lang: Lang;
  theme: "default" | "projector";
  basemap: Basemap;
  /** Initial colouring (default: by land-use group). */
  colouring?: Colouring;
  /** Initial view before any data is framed (default: the park, east of the county seat). */
  center?: [number, number];
  zoom?: number;
}

/** Creates the map in a container: the UI gets this, never the concrete controller class. */
export type MapFactory = (container: HTMLElement, options: MapOptions) => MapControllerApi;

/** What the controller has done so far, for tests (e.g. a colouring change must not re-send data). */
export interface MapDebugState {
  /** How many times parcel data was sent to MapLibre (`setData`). */
  sourceDataVersion: number;
  /** Parcels in the data last sent, and whether it went as a URL (the worker's Blob) or as objects. */
  sentParcels?: { count: number; via: "url" | "objects" };
  /** How many times the fill colouring changed. */
  colouringVersion: number;
  /** Parcel ids shown as selected (feature-state). */
  selection: string[];
  /** How many parcels are dimmed by the table filter. */
  dimmed: number;
  /** The parcel under the mouse (feature-state `hover`), null when none. */
  hoveredId: string | null;
  loaded: boolean;
  /** Layers MapLibre currently has hidden (`visibility: none`), e.g. by the layer list. */
  hiddenLayers?: string[];
  /** The current basemap's tiles: none settled yet, failed (reported), or loaded; and how many were asked for. */
  basemapTiles?: { state: "pending" | "failed" | "loaded"; requested: number };
  /** Plan overlay features by `properties.layer` (see `setPlan`). */
  planLayers?: Record<string, number>;
  /** The map is being moved (an animation or a gesture in progress). */
  moving?: boolean;
  zoom: number;
  center: [number, number];
}

export interface MapControllerApi {
  setContext(layers: ContextLayers): void;
  /** Replace the parcels (after analysis). No-op if the same object is passed again. */
  setParcels(parcels: MapParcels): void;
  /**
   * The map GeoJSON (a worker's Blob) of parcels that `setParcels` will bring with the same
   * `data`: drawn now, while the parcels themselves are still on their way (large results).
   */
  preloadParcels?(data: Blob, bbox?: BBox): void;
  /**
   * Change the fill colouring. Never re-sends the parcel data: before the first data it is baked
   * into the fill expression, afterwards only parcels whose colour changes get a new feature-state
   * colour (a data-driven paint change would make MapLibre re-tile the whole source).
   */
  setColouring(colouring: Colouring): void;
  /** Show the flag overlay (idle / underperforming hatching and outlines). */
  setFlagsVisible(visible: boolean): void;
  setSelection(ids: readonly string[]): void;
  /** Outline the parcels a scenario comparison found changed (null or empty: none). */
  setChangedIds?(ids: readonly string[] | null): void;
  /** Parcels outside the current table filter are dimmed (null: no filter). */
  setFilterIds(ids: ReadonlySet<string> | null): void;
  /** Frame a zone's parcels, or both zones' parcels (`"all"`); every call frames, even when the zone is unchanged. */
  fitZone(zone: ZoneFocus): void;
  /** Frame every parcel (the home / full-extent control). */
  fitHome(): void;
  /**
   * Space (px) along the map's edges that the UI's controls cover (the map tools' bar at the
   * bottom): framed views (home, zones, parcels) keep the data out of it; a framed view is framed again.
   */
  setFrameInsets?(insets: FrameInsets): void;
  /** Frame the given parcels (unknown ids ignored). */
  fitParcels(ids: readonly string[]): void;
  /**
   * Bring parcels into view: nothing when they are on screen already; otherwise pan (same zoom)
   * so they are centred, or frame them when they do not fit at this zoom.
   */
  revealParcels(ids: readonly string[]): void;
  flyTo(target: { center: [number, number]; zoom?: number }): void;
  getView(): MapViewState;
  /** Jump to a view (no animation), e.g. a restored one. */
  setView(view: Partial<MapViewState>): void;
  /** Make a tool the active one (the default is `select`). */
  setTool(tool: ToolSpec): void;
  /** A key for the active tool; true when the tool used it (the caller then stops it). */
  toolKey(key: ToolKey): boolean;
  /** Clear what a measure tool shows (the tool stays active). */
  clearMeasurement(): void;
  /** The hover tooltip's text for a parcel (default: its id). */
  setHoverText(text: ((id: string) => string) | null): void;
  setBasemap(basemap: Basemap): void;
  /**
   * The six-ones plan's overlay (`planFeatures` of `domain/plan-features.ts`): service areas,
   * uncovered parcels, the bus line and its stops, the selected facility. No-op for the same object.
   */
  setPlan?(features: FeatureCollection): void;
  /** Show or hide context layers (layout visibility only; no data is re-sent). */
  setContextVisibility?(visible: ContextVisibility): void;
  setLanguage(lang: Lang): void;
  /** Projector theme: thicker lines, bigger labels, high contrast. */
  setTheme(theme: "default" | "projector"): void;
  /** The current view as a PNG. */
  exportPng(): Promise<Blob>;
  on<K extends keyof MapEvents>(event: K, handler: MapEvents[K]): () => void;
  /** Resolves when the map is idle (all tiles and data rendered). */
  whenIdle(): Promise<void>;
  destroy(): void;
  /** Optional test hook (the real controller has it; fakes need not). */
  debugState?(): MapDebugState;
}
