/**
 * The worker's work, as plain functions (run inside the worker, or in-process in tests and as a
 * fallback). The worker keeps the last imported parcels per dataset id so re-analysis (new
 * standards or as-of date) does not ship the geometry back and forth.
 */

import type { LineString } from "geojson";
import { analyzeParcels } from "../domain/analyze";
import { busLineFigures } from "../domain/bus-line";
import { compareAnalyses } from "../domain/compare";
import { computeCoverage, type FacilityKind, ReachCache, serviceDistanceM } from "../domain/coverage";
import { DEFAULT_ANALYSIS_CRS } from "../domain/crs";
import { applyEdits, type EditedOriginals, type ParcelFieldEdit, type ScenarioEdit } from "../domain/edits";
import { type PlannerInputs, plannerInputs, toCoverageFacility } from "../domain/facilities";
import { type ServiceAreaShapes, serviceAreaShapes, unprojectorFrom } from "../domain/plan-features";
import { applyScenario, type ScenarioEditProblem } from "../domain/scenarios";
import { suggestSites } from "../domain/siting";
import type { PreparedParcel } from "../domain/types";
import { readParcelsGeoJson } from "../io/geojson-read";
import { decodeImportBundle, isImportBundle } from "../io/import-bundle";
import { runImportPipeline } from "../io/import-pipeline";
import { syntheticParcels } from "../io/synthetic";
import { handleImportCancel, handleImportCommit, handleImportPreview, type PendingImport } from "./import";
import type {
  AnalyzeRequest,
  AnalyzeResponse,
  CompareRequest,
  CompareResponse,
  CompareSide,
  CoverageRequest,
  CoverageResponse,
  ImportCommitRequest,
  ImportPreviewRequest,
  ImportProgress,
  ImportRequest,
  ImportResponse,
  WorkerContract,
} from "./protocol";

/** A dataset the worker holds: its parcels and what it was read from (to read it again). */
export interface HeldDataset {
  parcels: PreparedParcel[];
  source: { input: Uint8Array | string; fileName: string; crs?: string };
}

export interface HandlerContext {
  datasets: Map<number, HeldDataset>;
  now: () => number;
  /**
   * The planner inputs of the last coverage request, what they were made from, and what was
   * computed over them (reach per facility and candidate site, service areas): a moved facility
   * costs one shortest-path tree, the rest comes from here.
   */
  planner?: { key: string; inputs: PlannerInputs; reach: ReachCache; areas: Map<string, ServiceAreaShapes> };
  /** The import dialog's files and prepared parcels, until confirmed or cancelled. */
  pendingImport?: PendingImport;
  importToken: number;
}

export function createHandlerContext(): HandlerContext {
  return { datasets: new Map(), now: () => performance.now(), importToken: 0 };
}

/** Keep (or not) the parcels of an import under `datasetId` and shape the response. */
function holdResult(
  ctx: HandlerContext,
  req: ImportRequest,
  result: ReturnType<typeof readParcelsGeoJson>,
  source: HeldDataset["source"],
): ImportResponse {
  if (req.datasetId !== undefined) {
    ctx.datasets.clear();
    ctx.datasets.set(req.datasetId, { parcels: result.parcels, source });
    const { parcels, ...rest } = result;
    return { ...rest, parcelCount: parcels.length };
  }
  return { ...result, parcelCount: result.parcels.length };
}

/**
 * An import bundle (an import made in the dialog, read again for undo/redo, a reload or another
 * analysis CRS): the same files and choices through the same pipeline.
 */
async function handleBundleImport(
  ctx: HandlerContext,
  req: ImportRequest,
  input: Uint8Array,
): Promise<ImportResponse> {
  const src = decodeImportBundle(input);
  if (!src)
    return {
      problems: [
        {
          severity: "error",
          code: "read-failed",
          fatal: true,
          file: req.fileName,
          params: { message: "import bundle" },
        },
      ],
      ok: false,
      featureCount: 0,
      parcelCount: 0,
    };
  const { result } = await runImportPipeline(src, req.analysisCrs ?? DEFAULT_ANALYSIS_CRS);
  return holdResult(ctx, req, result, { input, fileName: req.fileName });
}

export function handleImport(
  ctx: HandlerContext,
  req: ImportRequest,
): ImportResponse | Promise<ImportResponse> {
  const previous = req.fromDatasetId !== undefined ? ctx.datasets.get(req.fromDatasetId) : undefined;
  if (req.fromDatasetId !== undefined && !previous)
    throw new Error(`dataset ${req.fromDatasetId} is not loaded in the worker`);
  const input: Uint8Array | string = previous
    ? previous.source.input
    : req.syntheticCount !== undefined
      ? JSON.stringify(syntheticParcels(req.syntheticCount))
      : req.input instanceof ArrayBuffer
        ? new Uint8Array(req.input)
        : (req.input ?? "");
  const crs = previous ? previous.source.crs : req.crs;
  if (isImportBundle(input)) return handleBundleImport(ctx, req, input);
  const result = readParcelsGeoJson(input, {
    fileName: req.fileName,
    crs,
    analysisCrs: req.analysisCrs ?? DEFAULT_ANALYSIS_CRS,
  });
  // Only the latest dataset is needed; older ones are dropped. The parcels (and the file, to read
  // it again under another analysis CRS) stay here.
  return holdResult(ctx, req, result, { input, fileName: req.fileName, ...(crs ? { crs } : {}) });
}

/** The base with its edits and a scenario applied, and the originals of what they changed. */
function scenarioParcels(
  parcels: PreparedParcel[],
  edits: ParcelFieldEdit[] | undefined,
  scenario: ScenarioEdit[],
  analysisCrs: string,
): {
  parcels: PreparedParcel[];
  originals: EditedOriginals;
  problems: ScenarioEditProblem[];
  unmatched: number;
} {
  const base = applyEdits(parcels, edits ?? []);
  const sc = applyScenario(base.parcels, scenario, analysisCrs);
  // The imported value is the original: the base edit's original wins over the scenario's.
  const originals: EditedOriginals = new Map(sc.originals);
  for (const [id, o] of base.originals)
    if (sc.parcels.some((p) => p.input.id === id)) originals.set(id, { ...(originals.get(id) ?? {}), ...o });
  return { parcels: sc.parcels, originals, problems: sc.problems, unmatched: base.unmatched.length };
}

function heldParcels(ctx: HandlerContext, req: { parcels?: PreparedParcel[]; datasetId?: number }) {
  const parcels =
    req.parcels ?? (req.datasetId !== undefined ? ctx.datasets.get(req.datasetId)?.parcels : undefined);
  if (!parcels) throw new Error(`dataset ${String(req.datasetId)} is not loaded in the worker`);
  return parcels;
}

export function handleAnalyze(ctx: HandlerContext, req: AnalyzeRequest): AnalyzeResponse {
  const parcels = heldParcels(ctx, req);
  const t0 = ctx.now();
  if (req.scenario && req.scenario.length > 0) {
    const sc = scenarioParcels(parcels, req.edits, req.scenario, req.analysisCrs ?? DEFAULT_ANALYSIS_CRS);
    const result = analyzeParcels(sc.parcels, {
      standards: req.standards,
      asOf: req.asOf,
      edited: sc.originals,
    });
    return {
      result,
      durationMs: ctx.now() - t0,
      ...(sc.unmatched > 0 ? { unmatchedEdits: sc.unmatched } : {}),
      ...(sc.problems.length > 0 ? { scenarioProblems: sc.problems } : {}),
    };
  }
  // No edits: the held parcels as they are (no copy of the list, nothing allocated).
  if (!req.edits || req.edits.length === 0) {
    const result = analyzeParcels(parcels, { standards: req.standards, asOf: req.asOf });
    return { result, durationMs: ctx.now() - t0 };
  }
  const applied = applyEdits(parcels, req.edits);
  const result = analyzeParcels(applied.parcels, {
    standards: req.standards,
    asOf: req.asOf,
    edited: applied.originals,
  });
  return {
    result,
    durationMs: ctx.now() - t0,
    ...(applied.unmatched.length > 0 ? { unmatchedEdits: applied.unmatched.length } : {}),
  };
}

/** Parcel edits that change demand or where a facility may go (the planner inputs depend on them). */
const PLANNER_FIELDS = new Set(["employees", "residents", "landStatus", "landUse"]);

export function handleCoverage(ctx: HandlerContext, req: CoverageRequest): CoverageResponse {
  const held =
    req.parcels ?? (req.datasetId !== undefined ? ctx.datasets.get(req.datasetId)?.parcels : undefined);
  if (!held) throw new Error(`dataset ${String(req.datasetId)} is not loaded in the worker`);
  const t0 = ctx.now();
  const edits = (req.edits ?? []).filter((e) => PLANNER_FIELDS.has(e.field));
  const key = JSON.stringify([req.parcels ? "inline" : req.datasetId, edits, req.roads, req.analysisCrs]);
  let inputs = ctx.planner?.key === key ? ctx.planner.inputs : undefined;
  if (!inputs) {
    const parcels = edits.length > 0 ? applyEdits(held, edits).parcels : held;
    inputs = plannerInputs(parcels, req.roads, req.analysisCrs);
    ctx.planner = { key, inputs, reach: new ReachCache(), areas: new Map() };
  }
  const planner = ctx.planner as NonNullable<HandlerContext["planner"]>;
  const facilities = req.facilities.map((f) => toCoverageFacility(f, inputs.project));
  const coverage = computeCoverage(inputs.index, facilities, req.services, undefined, planner.reach);
  const suggestions = req.suggest
    ? suggestSites(inputs.index, inputs.candidates, facilities, {
        kind: req.suggest.kind,
        services: req.services,
        ...(req.suggest.count !== undefined ? { count: req.suggest.count } : {}),
        ...(req.suggest.greedy !== undefined ? { greedy: req.suggest.greedy } : {}),
        cache: planner.reach,
      })
    : [];
  const busLines = req.facilities
    .filter((f) => f.kind === "bus" && f.geometry.type === "LineString")
    .map((f) => ({
      facilityId: f.id,
      figures: busLineFigures(
        (f.geometry as LineString).coordinates.map(inputs.project),
        (f.stops ?? []).map(inputs.project),
        inputs.index,
        req.services.bus,
      ),
    }));
  const serviceAreas: ServiceAreaShapes[] = [];
  if (req.areasFor && req.areasFor.length > 0) {
    const unproject = unprojectorFrom(req.analysisCrs);
    const byId = new Map(req.facilities.map((f) => [f.id, f]));
    for (const id of req.areasFor) {
      const f = byId.get(id);
      if (!f) continue;
      const r = serviceDistanceM(f.kind, req.services, f.level);
      const areaKey = JSON.stringify([f.kind, f.status, r, f.geometry, f.stops ?? null]);
      let area = planner.areas.get(areaKey);
      if (!area) {
        area = serviceAreaShapes(f, inputs, req.services, unproject);
        if (planner.areas.size > 200) planner.areas.clear();
        planner.areas.set(areaKey, area);
      }
      serviceAreas.push(area.facilityId === f.id ? area : { ...area, facilityId: f.id });
    }
  }
  return {
    serviceAreas,
    nearest: Object.fromEntries(coverage.nearest),
    totalDemand: coverage.totalDemand,
    method: coverage.method,
    facilities: coverage.facilities,
    byKind: coverage.byKind,
    suggestions,
    busLines,
    durationMs: ctx.now() - t0,
  };
}

/** Hooks a handler may call while it runs (progress of an import preview). */
export interface HandlerHooks {
  progress?: (p: ImportProgress) => void;
}

/** Compare two sides: each analysed (and its six-ones coverage computed), then `compareAnalyses`. */
export function handleCompare(ctx: HandlerContext, req: CompareRequest): CompareResponse {
  const parcels = heldParcels(ctx, req);
  const t0 = ctx.now();
  const side = (s: CompareSide) => {
    const sc = scenarioParcels(parcels, req.edits, s.scenario, req.analysisCrs);
    const result = analyzeParcels(sc.parcels, {
      standards: s.standards,
      asOf: req.asOf,
      edited: sc.originals,
    });
    let coverage: Partial<Record<FacilityKind, number>> | undefined;
    if (req.coverage) {
      const inputs = plannerInputs(sc.parcels, req.coverage.roads, req.analysisCrs);
      const facilities = req.coverage.facilities.map((f) => toCoverageFacility(f, inputs.project));
      const c = computeCoverage(inputs.index, facilities, s.standards.services);
      coverage = Object.fromEntries(Object.values(c.byKind).map((k) => [k.kind, k.share]));
    }
    return { result, coverage };
  };
  const a = side(req.a);
  const b = side(req.b);
  const cmp = compareAnalyses(a.result, b.result, {
    targets: req.targets,
    ...(a.coverage && b.coverage ? { coverage: { a: a.coverage, b: b.coverage } } : {}),
  });
  return { ...cmp, durationMs: ctx.now() - t0 };
}

export function handle<K extends keyof WorkerContract>(
  ctx: HandlerContext,
  kind: K,
  payload: WorkerContract[K]["request"],
  hooks: HandlerHooks = {},
): WorkerContract[K]["response"] | Promise<WorkerContract[K]["response"]> {
  type R = WorkerContract[K]["response"] | Promise<WorkerContract[K]["response"]>;
  if (kind === "import") return handleImport(ctx, payload as ImportRequest) as R;
  if (kind === "importPreview")
    return handleImportPreview(ctx, payload as ImportPreviewRequest, hooks.progress) as R;
  if (kind === "importCommit") return handleImportCommit(ctx, payload as ImportCommitRequest) as R;
  if (kind === "importCancel") return handleImportCancel(ctx) as R;
  if (kind === "coverage")
    return handleCoverage(ctx, payload as CoverageRequest) as WorkerContract[K]["response"];
  if (kind === "compare")
    return handleCompare(ctx, payload as CompareRequest) as WorkerContract[K]["response"];
  return handleAnalyze(ctx, payload as AnalyzeRequest) as WorkerContract[K]["response"];
}
