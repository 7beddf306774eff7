/**
 * The analysis worker's contract: one map of request kind → payload and response. The client
 * (`client.ts`) and the worker (`analysis.worker.ts`) are typed by it, and the same handlers
 * (`handlers.ts`) run in-process in tests.
 */
import type { LineString, MultiLineString } from "geojson";
import type { BusLineFigures } from "../domain/bus-line";
import type { Comparison } from "../domain/compare";
import type { FacilityCoverage, FacilityKind, KindCoverage } from "../domain/coverage";
import type { ParcelFieldEdit, ScenarioEdit } from "../domain/edits";
import type { PlanFacility } from "../domain/facilities";
import type { BBox } from "../domain/map-properties";
import type { ServiceAreaShapes } from "../domain/plan-features";
import type { ScenarioEditProblem } from "../domain/scenarios";
import type { SiteSuggestion } from "../domain/siting";
import type { TargetsFile } from "../domain/targets";
import type { AnalysedParcel, AnalysisResult, IsoDate, PreparedParcel, Standards } from "../domain/types";
import type { ImportJoin } from "../io/import-bundle";
import type { ImportPreviewSummary, ImportProgress } from "../io/import-pipeline";
import type { ImportOptions } from "../io/readers/types";
import type { ParcelImport } from "../io/types";
import type { PackedGeometries } from "./wire";

export interface ImportRequest {
  /** File contents: raw bytes (encoding detected by the reader) or text. */
  input?: ArrayBuffer | Uint8Array | string;
  /**
   * Read again the file of a dataset the worker holds (e.g. with the analysis CRS of newly loaded
   * standards: areas are planar in that CRS); `input` is then not needed.
   */
  fromDatasetId?: number;
  fileName: string;
  /** CRS of unprefixed projected coordinates (`EPSG:4546` or a proj4 string), when the user gave one. */
  crs?: string;
  /** Analysis CRS (from the standards file), default EPSG:4546. */
  analysisCrs?: string;
  /** Generate this many synthetic parcels in the worker instead of reading `input` (benchmark, `?synthetic=N`). */
  syntheticCount?: number;
  /** Keep the imported parcels in the worker under this id, so `analyze` need not send them again. */
  datasetId?: number;
}

export interface AnalyzeRequest {
  /** The parcels, or omit them and name a dataset the worker kept from an `import`. */
  parcels?: PreparedParcel[];
  datasetId?: number;
  standards: Standards;
  asOf: IsoDate;
  /**
   * The user's applied parcel edits (`parcelEdits(history)`): the worker applies them to the
   * parcels with `applyEdits` and analyses the result, so the response is for exactly
   * (dataset, edits). Omitted or empty: the parcels as imported.
   */
  edits?: ParcelFieldEdit[];
  /**
   * A scenario's edits, applied after `edits` (`applyScenario`): the response is then for
   * (dataset, edits, scenario). Its standards override is already in `standards`.
   */
  scenario?: ScenarioEdit[];
  /** The analysis CRS (split shares are planar areas there); default EPSG:4546. */
  analysisCrs?: string;
}

export interface AnalyzeResponse {
  /** The result (between worker and client in the compact form of `wire.ts`). */
  result: AnalysisResult;
  /** Set on the wire only: the interned check source texts. */
  sources?: string[];
  /** Set on the wire only: the parcels came ahead in this many `part` messages. */
  parts?: number;
  /**
   * Set by the worker (issue 13): the map's GeoJSON of `result.parcels` (`mapGeoJsonChunks`), a
   * Blob the page hands to MapLibre as a URL, so MapLibre's worker fetches and tiles it and the
   * collection is never copied through the page. Absent in-process (tests): the map gets objects.
   */
  mapData?: Blob;
  /**
   * Set by the page's client only: `result.parcels` by id, made as the parts arrived (each part's
   * own task), so the store does not make it in one go (100 ms at 175,000 parcels).
   */
  byId?: Map<string, AnalysedParcel>;
  /** Time spent analysing in the worker, ms. */
  durationMs: number;
  /** Edits naming a parcel the dataset does not have (left out of the analysis, kept in the history). */
  unmatchedEdits?: number;
  /** Scenario edits that could not be applied (their parcel is gone, a line misses it …). */
  scenarioProblems?: ScenarioEditProblem[];
}

/** One side of a comparison: a scenario's edits (none: the base) and its standards. */
export interface CompareSide {
  scenario: ScenarioEdit[];
  standards: Standards;
}

/**
 * Compare two scenarios (or one with the base) over the held parcels: both are analysed in the
 * worker and only the comparison comes back (targets, zone figures, six-ones coverage, the
 * parcels that differ).
 */
export interface CompareRequest {
  datasetId?: number;
  parcels?: PreparedParcel[];
  /** The base's parcel edits (both sides build on them). */
  edits?: ParcelFieldEdit[];
  asOf: IsoDate;
  analysisCrs: string;
  a: CompareSide;
  b: CompareSide;
  targets: TargetsFile | null;
  /** Six-ones coverage of each side with these facilities (null: not compared). */
  coverage: { facilities: PlanFacility[]; roads: (LineString | MultiLineString)[] | null } | null;
}

export type CompareResponse = Comparison & { durationMs: number };

/**
 * The import result. With a `datasetId` the worker keeps the parcels and leaves them out of the
 * response (the page needs only the analysed parcels); `parcelCount` says how many there are.
 */
export type ImportResponse = Omit<ParcelImport, "parcels"> & {
  parcels?: PreparedParcel[];
  parcelCount: number;
};

/**
 * Six-ones coverage of a plan over the held parcels (with the user's parcel edits applied, since
 * demand and land status can be edited), straight-line or along the roads (domain.md §8). The
 * worker keeps the prepared planner inputs (representative points, road graph, joins) for the
 * last (dataset, edits, roads, CRS), so moving a facility recomputes only its coverage.
 */
export interface CoverageRequest {
  datasetId?: number;
  /** The parcels, when the backend does not hold them. */
  parcels?: PreparedParcel[];
  edits?: ParcelFieldEdit[];
  facilities: PlanFacility[];
  /** Road lines in lon/lat; `null` or empty: straight-line distances. */
  roads: (LineString | MultiLineString)[] | null;
  analysisCrs: string;
  services: Standards["services"];
  /** Also rank sites for this kind. */
  suggest?: { kind: FacilityKind; count?: number; greedy?: boolean };
  /** Also return the service areas (lon/lat shapes) of these facilities (by id). */
  areasFor?: string[];
}

export interface CoverageResponse {
  totalDemand: number;
  method: "straight" | "road";
  facilities: FacilityCoverage[];
  byKind: Record<FacilityKind, KindCoverage>;
  suggestions: SiteSuggestion[];
  /** Figures of each bus line of the plan. */
  busLines: { facilityId: string; figures: BusLineFigures }[];
  /** Per parcel id, per kind, the distance (m) to the nearest covering facility (the per-parcel table). */
  nearest: Record<string, Partial<Record<FacilityKind, number>>>;
  /** The service areas asked for (`areasFor`), in the order asked. */
  serviceAreas: ServiceAreaShapes[];
  durationMs: number;
}

/**
 * Read the user's files for the import dialog: the worker keeps the files and the prepared
 * parcels (pending, beside the dataset shown) and answers with a small preview. Without `files`
 * the pending files are read again with new choices (encoding, CRS, mapping, join). Progress
 * arrives as `progress` messages; `importCancel` stops it at the next phase.
 */
export interface ImportPreviewRequest {
  /** The files (each `bytes` buffer is transferred, not copied). */
  files?: { name: string; bytes: Uint8Array }[];
  options: ImportOptions;
  join?: ImportJoin;
  analysisCrs: string;
}
export type ImportPreviewResponse = { cancelled: true } | { cancelled: false; summary: ImportPreviewSummary };

/** Make the pending import the held dataset (its source, the import bundle, comes back). */
export interface ImportCommitRequest {
  datasetId: number;
}
export type ImportCommitResponse = ImportResponse & {
  /** The import bundle (`io/import-bundle.ts`): the dataset's source for undo/redo and reloads. */
  content: Uint8Array;
  /**
   * The same bytes as a Blob, made in the worker when they are large (`BLOB_CONTENT_FROM`), for
   * storage: making a 100 MB Blob on the page held it for 0.34 s (issue 13).
   */
  contentBlob?: Blob;
  fingerprint: string;
  fileName: string;
};

/** Import bundles from this size come with a `contentBlob` (storage keeps such sources as Blobs). */
export const BLOB_CONTENT_FROM = 8 * 2 ** 20;

export type { ImportProgress };

/** Request kind → request payload and response. */
export interface WorkerContract {
  import: { request: ImportRequest; response: ImportResponse };
  analyze: { request: AnalyzeRequest; response: AnalyzeResponse };
  coverage: { request: CoverageRequest; response: CoverageResponse };
  importPreview: { request: ImportPreviewRequest; response: ImportPreviewResponse };
  importCommit: { request: ImportCommitRequest; response: ImportCommitResponse };
  importCancel: { request: Record<string, never>; response: { cancelled: boolean } };
  compare: { request: CompareRequest; response: CompareResponse };
}
export type RequestKind = keyof WorkerContract;

/** Main thread → worker. */
export type WorkerInbound = {
  [K in RequestKind]: { id: number; kind: K; payload: WorkerContract[K]["request"] };
}[RequestKind];

/** Worker → main thread. `superseded`: a newer request of the same kind arrived before this one ran. */
export type WorkerOutbound =
  | { id: number; ok: true; response: WorkerContract[RequestKind]["response"] }
  /**
   * A slice of an analysis result's parcels, sent ahead of the response (see `wire.ts`); the
   * first carries the check source table, so each part is decoded as it arrives. With `geometry`
   * the part's parcels come without theirs, which `geometry` holds packed, in order.
   */
  | { id: number; part: AnalysedParcel[]; sources?: string[]; geometry?: PackedGeometries }
  /** Progress of a long request (an import preview). */
  | { id: number; progress: ImportProgress }
  /**
   * The map's GeoJSON of a large analysis result (`EARLY_MAP_DATA` parcels or more), sent before
   * its parts, so the map tiles it while the page receives them (issue 13).
   */
  | { id: number; mapData: Blob; bbox?: BBox }
  | { id: number; ok: false; superseded?: boolean; error: string };

/** A request was dropped because a newer one of the same kind replaced it (not an error to show). */
export class SupersededError extends Error {
  constructor() {
    super("superseded by a newer request");
    this.name = "SupersededError";
  }
}

/** What the store's engine needs from a backend (the worker, or in-process in tests). */
export interface AnalysisBackend {
  request<K extends RequestKind>(
    kind: K,
    payload: WorkerContract[K]["request"],
    opts?: RequestOptions,
  ): Promise<WorkerContract[K]["response"]>;
  dispose(): void;
}

/** What a caller hears while its request runs. */
export interface RequestOptions {
  onProgress?: (p: ImportProgress) => void;
  /** An analysis's map GeoJSON and its parcels' bbox, ahead of its response (large results only). */
  onMapData?: (data: Blob, bbox?: BBox) => void;
}

/**
 * Parcels from which the worker sends an analysis's map GeoJSON ahead of the parcels: the map
 * then draws while the page receives them. Smaller results come as one response as before.
 */
export const EARLY_MAP_DATA = 20_000;
