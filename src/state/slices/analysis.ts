/** Analysis slice: DERIVED state, written only by the analysis engine (never edited by hand). */
import type { StateCreator } from "zustand";
import type { AnalysedParcel, AnalysisResult } from "../../domain/types";
import type { AnalysisSlice, AppState } from "../types";

export function analysisSucceededUpdater(
  s: AppState,
  result: AnalysisResult,
  durationMs?: number,
  /** The parcels by id, when already made (the worker client makes it as the parts arrive). */
  madeById?: Map<string, AnalysedParcel>,
): Partial<AppState> {
  let byId = madeById;
  if (!byId || byId.size !== result.parcels.length) {
    byId = new Map<string, AnalysedParcel>();
    for (const p of result.parcels) byId.set(p.input.id, p);
  }
  // Keep only selected ids that still exist.
  const selectedIds = new Set([...s.selectedIds].filter((id) => byId.has(id)));
  return {
    result,
    byId,
    status: "idle",
    error: null,
    version: s.version + 1,
    lastDurationMs: durationMs ?? null,
    selectedIds,
    hoveredId: s.hoveredId !== null && byId.has(s.hoveredId) ? s.hoveredId : null,
  };
}

export const initialAnalysis = {
  result: null,
  byId: new Map<string, AnalysedParcel>(),
  status: "idle",
  error: null,
  version: 0,
  lastDurationMs: null,
} satisfies Partial<AnalysisSlice>;

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  ...initialAnalysis,
  byId: new Map(),
  analysisStarted: () => set({ status: "running", error: null }),
  analysisSucceeded: (result, durationMs) => set((s) => analysisSucceededUpdater(s, result, durationMs)),
  analysisFailed: (error) => set({ status: "error", error }),
});
