/**
 * The worker's work, as plain functions (run inside the worker, or in-process in tests and as a
 * fallback). The worker keeps the last imported parcels per dataset id so re-analysis (new
 * standards or as-of date) does not ship the geometry back and forth.
 */
import { analyzeParcels } from "../domain/analyze";
import type { PreparedParcel } from "../domain/types";
import { readParcelsGeoJson } from "../io/geojson-read";
import { syntheticParcels } from "../io/synthetic";
import type {
  AnalyzeRequest,
  AnalyzeResponse,
  ImportRequest,
  ImportResponse,
  WorkerContract,
} from "./protocol";

/** Jianshi's analysis CRS (domain.md §2) when no standards file names one. */
export const DEFAULT_ANALYSIS_CRS = "EPSG:4546";

export interface HandlerContext {
  datasets: Map<number, PreparedParcel[]>;
  now: () => number;
}

export function createHandlerContext(): HandlerContext {
  return { datasets: new Map(), now: () => performance.now() };
}

export function handleImport(ctx: HandlerContext, req: ImportRequest): ImportResponse {
  const input =
    req.syntheticCount !== undefined
      ? JSON.stringify(syntheticParcels(req.syntheticCount))
      : req.input instanceof ArrayBuffer
        ? new Uint8Array(req.input)
        : req.input;
  const result = readParcelsGeoJson(input, {
    fileName: req.fileName,
    crs: req.crs,
    analysisCrs: req.analysisCrs ?? DEFAULT_ANALYSIS_CRS,
  });
  if (req.datasetId !== undefined) {
    // Only the latest dataset is needed; drop older ones. The parcels stay here.
    ctx.datasets.clear();
    ctx.datasets.set(req.datasetId, result.parcels);
    const { parcels, ...rest } = result;
    return { ...rest, parcelCount: parcels.length };
  }
  return { ...result, parcelCount: result.parcels.length };
}

export function handleAnalyze(ctx: HandlerContext, req: AnalyzeRequest): AnalyzeResponse {
  const parcels = req.parcels ?? (req.datasetId !== undefined ? ctx.datasets.get(req.datasetId) : undefined);
  if (!parcels) throw new Error(`dataset ${String(req.datasetId)} is not loaded in the worker`);
  const t0 = ctx.now();
  const result = analyzeParcels(parcels, { standards: req.standards, asOf: req.asOf });
  return { result, durationMs: ctx.now() - t0 };
}

export function handle<K extends keyof WorkerContract>(
  ctx: HandlerContext,
  kind: K,
  payload: WorkerContract[K]["request"],
): WorkerContract[K]["response"] {
  if (kind === "import") return handleImport(ctx, payload as ImportRequest) as WorkerContract[K]["response"];
  return handleAnalyze(ctx, payload as AnalyzeRequest) as WorkerContract[K]["response"];
}
