/** Data slice: the inputs (parcels as imported, context layers, standards, targets). */
import type { StateCreator } from "zustand";
import { todayIso } from "../clock";
import type { AppState, ContextData, DataSlice, ParcelsDataset, StandardsInput, Targets } from "../types";

/**
 * A new dataset replaces the old; the as-of date follows its survey date unless the user set one.
 * The old dataset's analysis goes with it, in the same update: the table and the map never show
 * the previous file's parcels under the new file's name (if the new analysis fails, they show
 * none and the status says why).
 */
export function setDatasetUpdater(s: AppState, dataset: ParcelsDataset): Partial<AppState> {
  const next: Partial<AppState> = {
    dataset,
    ...(s.dataset !== null && s.dataset !== dataset ? { result: null, byId: new Map() } : {}),
    loadStatus: dataset.ok ? "idle" : "error",
    loadError: null,
    rejectedFile: dataset.ok ? null : s.rejectedFile,
    selectedIds: new Set(),
    hoveredId: null,
  };
  if (!s.asOfUserSet) next.asOf = dataset.surveyDate ?? todayIso();
  return next;
}

export function setLoadStatusUpdater(
  status: DataSlice["loadStatus"],
  error?: string | null,
): Partial<AppState> {
  return { loadStatus: status, loadError: error ?? null };
}

export const initialData = {
  dataset: null,
  loadStatus: "idle",
  loadError: null,
  context: null,
  standards: null,
  targets: null,
  rejectedFile: null,
} satisfies Partial<DataSlice>;

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  ...initialData,
  setDataset: (dataset: ParcelsDataset) => set((s) => setDatasetUpdater(s, dataset)),
  setLoadStatus: (status, error) => set(setLoadStatusUpdater(status, error)),
  setContext: (context: ContextData) => set({ context }),
  setStandards: (standards: StandardsInput) => set({ standards, rejectedFile: null }),
  setTargets: (targets: Targets | null) => set({ targets }),
  setRejectedFile: (rejectedFile) => set({ rejectedFile }),
});
