/**
 * Types of the app state (one zustand store built from slices, `store.ts`). Inputs are stored;
 * everything computed from them (the analysis, the filtered rows, the colouring) is derived.
 *
 * Map types (`ContextLayers`, `Basemap` of `src/map/api.ts`) are repeated here structurally: the
 * state layer may not import the map layer, and TypeScript's structural typing keeps them in step.
 */
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from "geojson";
import type { FacilityKind } from "../domain/coverage";
import type { Edit, EditHistory, StepLabel } from "../domain/edits";
import type { Indicator, NumericIndicator } from "../domain/fields";
import type { AnalysedParcel, AnalysisResult, IsoDate, PreparedParcel, Standards } from "../domain/types";
import type { Lang } from "../i18n/lang";
import type { CrsDetection, Problem } from "../io/types";
import type { CoverageResponse } from "../worker/protocol";
import type { CustomBasemap } from "./customBasemap";

/** Context layers shown under the parcels (same shape as `ContextLayers` in `src/map/api.ts`). */
export interface ContextData {
  zones: FeatureCollection<Polygon | MultiPolygon>;
  roads: FeatureCollection<LineString>;
  facilities: FeatureCollection<Point | Polygon>;
  centralUrbanArea: FeatureCollection<Point | Polygon>;
}

/** A parcels file as imported (the worker's `import` response plus the file name). */
export interface ParcelsDataset {
  fileName: string;
  /** Number of usable parcels. */
  parcelCount: number;
  /** The analysis CRS the parcel areas were computed in (from the standards at import time). */
  analysisCrs: string;
  /**
   * The prepared parcels, only when the analysis backend does not hold them (the worker keeps
   * the imported parcels, so they are not copied to the page twice).
   */
  parcels?: PreparedParcel[];
  problems: Problem[];
  surveyDate?: IsoDate;
  crs?: CrsDetection;
  featureCount: number;
  ok: boolean;
  /** The sample data (or `?synthetic=N`) is synthetic, not the park's real parcels. */
  synthetic: boolean;
  /** Identifies this dataset to the worker (which keeps the parcels, so re-analysis sends no geometry). */
  datasetId: number;
  /** SHA-256 of the file's content (`io/fingerprint.ts`): names the dataset in edits and storage. */
  fingerprint?: string;
}

export interface StandardsInput {
  standards: Standards;
  fileName: string;
  problems: Problem[];
  /** The file as read (kept with the work and in project files). */
  content?: Uint8Array;
  /** `user`: picked by the user (or from a project): kept with the work. Default: the app's own file. */
  origin?: "default" | "user";
}

/** Plan targets (`geodata/targets.json`); kept as read, the scenarios mode interprets them. */
export type Targets = Record<string, unknown>;

export type Unit = "mu" | "ha";
export type Theme = "default" | "projector";
/** The app's modes; each arrives as a panel of its own. Only `analysis` exists so far. */
export type Mode = "analysis" | "import" | "meeting" | "facilities" | "scenarios" | "targets";
export type BasemapKind = "none" | "osm" | "tianditu" | "custom";
/** Context layers the layer list shows or hides (keys of `ContextData`). */
export const CONTEXT_LAYER_KEYS = ["roads", "facilities", "zones", "centralUrbanArea"] as const;
export type ContextLayerKey = (typeof CONTEXT_LAYER_KEYS)[number];
export type ContextVisibility = Record<ContextLayerKey, boolean>;

export type ClassMethod = "jenks" | "quantile" | "equal" | "manual";

/** How a numeric indicator is classed, and the user's legend labels (keyed by class index). */
export interface Classification {
  method: ClassMethod;
  /** Number of classes (2–9). */
  k: number;
  /** Inner breaks for `manual`, in data units (万元/亩 for per-land indicators), ascending. */
  manualBreaks: number[];
  /** Edited legend labels by class index; a missing entry shows the generated label. */
  labels: Record<number, string>;
}

export type AnalysisStatus = "idle" | "running" | "error";

/**
 * A numeric class of the legend as a filter: `min ≤ value < max` of indicator `field` (data units;
 * `null` = open end), or with `missing` only the parcels without a value.
 */
export interface ValueRangeFilter {
  field: NumericIndicator;
  min: number | null;
  max: number | null;
  missing: boolean;
}

/** The table filter; `null`/`false`/`""` means "any". The same filter dims the map and scopes exports. */
export interface TableFilter {
  zone: string | null;
  landUseGroup: string | null;
  industryCluster: string | null;
  constructionStatus: string | null;
  idleStatus: string | null;
  /** `A`–`D`, or `none` for parcels not evaluated. */
  efficiencyClass: string | null;
  candidateOnly: boolean;
  belowStandardOnly: boolean;
  text: string;
  /** The flag overlay's category (`idle`, `under`, `none`; a click on the flags legend). */
  flag: string | null;
  /** A numeric legend class (a click on the legend of a numeric indicator). */
  range: ValueRangeFilter | null;
  /**
   * A plan target's id: only the parcels behind it (`targetParcels` of `domain/targets.ts`, a
   * click on the targets dashboard), recomputed as the data changes.
   */
  target: string | null;
}

export interface DataSlice {
  dataset: ParcelsDataset | null;
  /** Loading state of the parcels file (the import itself runs in the worker). */
  loadStatus: "idle" | "loading" | "error";
  /** A message for a load that failed before any problem list existed (network, worker). */
  loadError: string | null;
  context: ContextData | null;
  standards: StandardsInput | null;
  targets: Targets | null;
  /** A file the user picked that could not be used (the current data stays), with why. */
  rejectedFile: { fileName: string; problems: Problem[] } | null;
  setDataset(dataset: ParcelsDataset): void;
  setLoadStatus(status: DataSlice["loadStatus"], error?: string | null): void;
  setContext(context: ContextData): void;
  setStandards(input: StandardsInput): void;
  setTargets(targets: Targets | null): void;
  setRejectedFile(file: { fileName: string; problems: Problem[] } | null): void;
}

export interface SettingsSlice {
  /** As-of date of the idle rules (default: the dataset's survey date, else today). */
  asOf: IsoDate;
  /** The user picked the as-of date (a newly loaded dataset then does not override it). */
  asOfUserSet: boolean;
  lang: Lang;
  unit: Unit;
  basemap: BasemapKind;
  tiandituKey: string;
  /** The user's own tile server (`basemap: "custom"`), validated (see `customBasemap.ts`). */
  customBasemap: CustomBasemap | null;
  theme: Theme;
  mode: Mode;
  /** Bottom panel height as a fraction (0–1) of the window height (see `layout.ts`). */
  tableFraction: number;
  /** The bottom panel is hidden: the map takes the whole height. */
  tableCollapsed: boolean;
  /** Table columns the user hid (column field keys; columns added later show by default). */
  hiddenColumns: string[];
  setAsOf(asOf: IsoDate): void;
  resetAsOf(): void;
  setLang(lang: Lang): void;
  setUnit(unit: Unit): void;
  setBasemap(basemap: BasemapKind, tiandituKey?: string): void;
  /** Save the custom basemap and switch to it. */
  setCustomBasemap(custom: CustomBasemap): void;
  setTheme(theme: Theme): void;
  setMode(mode: Mode): void;
  setTableLayout(patch: Partial<Pick<SettingsSlice, "tableFraction" | "tableCollapsed">>): void;
  /** Show or hide one table column. */
  setColumnHidden(field: string, hidden: boolean): void;
}

export interface AnalysisSlice {
  result: AnalysisResult | null;
  /** Analysed parcels by id (a new Map per result). */
  byId: Map<string, AnalysedParcel>;
  status: AnalysisStatus;
  error: string | null;
  /** Increments with every new result. */
  version: number;
  /** Wall time of the last analysis, ms (for the status line and the benchmark). */
  lastDurationMs: number | null;
  analysisStarted(): void;
  analysisSucceeded(result: AnalysisResult, durationMs?: number): void;
  analysisFailed(error: string): void;
}

export interface ViewSlice {
  zoneFocus: "all" | string;
  indicator: Indicator;
  /** Classification per indicator (so switching back restores the user's breaks and labels). */
  classifications: Partial<Record<Indicator, Classification>>;
  flagsVisible: boolean;
  /** Which context layers are drawn (the layer list). */
  contextVisible: ContextVisibility;
  /** Bumped to ask the map to frame parcels (candidate list click). */
  zoomRequest: { ids: string[]; seq: number } | null;
  /** Bumped by every zone button press (also for the zone already focused): the map frames that zone's parcels. */
  frameRequest: { zone: "all" | string; seq: number } | null;
  setZoneFocus(zone: "all" | string): void;
  setIndicator(indicator: Indicator): void;
  setClassMethod(method: ClassMethod): void;
  setClassCount(k: number): void;
  setManualBreaks(breaks: number[]): void;
  setLegendLabel(index: number, label: string | null): void;
  setFlagsVisible(visible: boolean): void;
  setContextVisible(layer: ContextLayerKey, visible: boolean): void;
  requestZoom(ids: string[]): void;
}

export interface SelectionSlice {
  selectedIds: Set<string>;
  hoveredId: string | null;
  filter: TableFilter;
  select(ids: readonly string[], how?: "replace" | "toggle" | "add"): void;
  clearSelection(): void;
  setHovered(id: string | null): void;
  setFilter(patch: Partial<TableFilter>): void;
  resetFilter(): void;
}

/** The six-ones planner: the kind being sited and the backend's last coverage of the plan. */
export interface PlannerSlice {
  plannerKind: FacilityKind;
  /** Suggest several sites together (greedy maximal coverage) instead of ranking them one by one. */
  plannerGreedy: boolean;
  plan: CoverageResponse | null;
  planStatus: AnalysisStatus;
  planError: string | null;
  /** The facility selected in the planner (its service area drawn stronger, its form shown). */
  plannerFacilityId: string | null;
  /** Draw the parcels no facility of the kind covers. */
  plannerShowUncovered: boolean;
  /** The bus tool routes along the roads through the clicked stops (else the clicked line is the line). */
  busRouted: boolean;
  /** A planner message for the user (a route that could not be found …), as i18n code + params. */
  plannerNotice: { code: string; params?: Record<string, string | number> } | null;
  setPlannerKind(kind: FacilityKind): void;
  setPlannerGreedy(greedy: boolean): void;
  selectFacility(id: string | null): void;
  setPlannerShowUncovered(show: boolean): void;
  setBusRouted(routed: boolean): void;
  setPlannerNotice(notice: PlannerSlice["plannerNotice"]): void;
  planStarted(): void;
  planSucceeded(plan: CoverageResponse): void;
  planFailed(error: string): void;
}

/** The undo history of the user's edits (`slices/history.ts`, `domain/edits.ts`). */
export interface HistorySlice {
  history: EditHistory;
  /** One undoable step (`at` = now, a unique id); no edits: nothing happens. Drops the redo steps. */
  commitEdits(label: StepLabel, edits: Edit[]): void;
  undo(): void;
  redo(): void;
  /** Replace the history (restored from storage or an opened project). */
  setHistory(h: EditHistory): void;
}

/** The map's interaction tools (see `src/map/tools`). */
export type MapToolId =
  | "select"
  | "measure-distance"
  | "measure-area"
  /** The planner's drawing tools: place a facility (point or site polygon), move one, draw the bus line. */
  | PlannerToolId;
export type PlannerToolId = "place-point" | "place-polygon" | "move-facility" | "draw-bus";

/** A measurement as the measure panel shows it (same shape as `Measurement` in `src/map/tools/measure.ts`). */
export interface MeasurementData {
  kind: "distance" | "area";
  vertices: number;
  done: boolean;
  lengthM: number;
  areaM2: number | null;
  areaMu: number | null;
  crs: string;
}

export interface ToolsSlice {
  mapTool: MapToolId;
  /** The measure tool's current result (null: nothing measured). */
  measurement: MeasurementData | null;
  setMapTool(tool: MapToolId): void;
  setMeasurement(m: MeasurementData | null): void;
}

export type { PersistenceSlice } from "./slices/persistence";
export type { ScenariosSlice } from "./slices/scenarios";

import type { PersistenceSlice } from "./slices/persistence";
import type { ScenariosSlice } from "./slices/scenarios";

export type AppState = DataSlice &
  SettingsSlice &
  AnalysisSlice &
  ViewSlice &
  SelectionSlice &
  HistorySlice &
  ToolsSlice &
  PersistenceSlice &
  PlannerSlice &
  ScenariosSlice;
