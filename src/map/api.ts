/**
 * The contract between the app and the map controller (`src/map/controller.ts`, the one class
 * that owns MapLibre). UI code talks to the map only through this interface and never imports
 * maplibre-gl. Data goes in through methods that do nothing when the input is unchanged;
 * colouring changes never re-send the parcel data (see `setColouring`).
 */
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from "geojson";
import type { Lang } from "../i18n/lang";

/** Flat properties the map needs per parcel (numbers, strings, booleans only; null allowed). */
export type MapParcelProperties = Record<string, string | number | boolean | null>;
export type MapParcels = FeatureCollection<Polygon | MultiPolygon, MapParcelProperties>;

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

export type Basemap = { kind: "none" } | { kind: "osm" } | { kind: "tianditu"; key: string };
export type ZoneFocus = "all" | string;

export interface MapEvents {
  /** A parcel was clicked (null: clicked on empty map). */
  parcelClick: (id: string | null) => void;
  /** The map finished loading its style and first data. */
  ready: () => void;
}

/** What the controller has done so far, for tests (e.g. a colouring change must not re-send data). */
export interface MapDebugState {
  /** How many times parcel data was sent to MapLibre (`setData`). */
  sourceDataVersion: number;
  /** How many times the fill colouring changed. */
  colouringVersion: number;
  /** Parcel ids shown as selected (feature-state). */
  selection: string[];
  /** How many parcels are dimmed by the table filter. */
  dimmed: number;
  /** The parcel under the mouse (feature-state `hover`), null when none. */
  hoveredId: string | null;
  loaded: boolean;
  zoom: number;
  center: [number, number];
}

export interface MapControllerApi {
  setContext(layers: ContextLayers): void;
  /** Replace the parcels (after analysis). No-op if the same object is passed again. */
  setParcels(parcels: MapParcels): void;
  /**
   * Change the fill colouring. Never re-sends the parcel data: before the first data it is baked
   * into the fill expression, afterwards only parcels whose colour changes get a new feature-state
   * colour (a data-driven paint change would make MapLibre re-tile the whole source).
   */
  setColouring(colouring: Colouring): void;
  /** Show the flag overlay (idle / underperforming hatching and outlines). */
  setFlagsVisible(visible: boolean): void;
  setSelection(ids: readonly string[]): void;
  /** Parcels outside the current table filter are dimmed (null: no filter). */
  setFilterIds(ids: ReadonlySet<string> | null): void;
  fitZone(zone: ZoneFocus): void;
  setBasemap(basemap: Basemap): void;
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
