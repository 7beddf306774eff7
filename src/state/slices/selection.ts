/** Selection slice: selected and hovered parcels, and the table filter shared by table, map and exports. */
import type { StateCreator } from "zustand";
import type { AppState, SelectionSlice, TableFilter } from "../types";

export const EMPTY_FILTER: TableFilter = {
  zone: null,
  landUseGroup: null,
  industryCluster: null,
  constructionStatus: null,
  idleStatus: null,
  efficiencyClass: null,
  candidateOnly: false,
  belowStandardOnly: false,
  text: "",
  flag: null,
  range: null,
  target: null,
};

/** Always a new Set (zustand compares by reference). */
export function selectUpdater(
  s: AppState,
  ids: readonly string[],
  how: "replace" | "toggle" | "add" = "replace",
): Partial<AppState> {
  if (how === "replace") return { selectedIds: new Set(ids) };
  const next = new Set(s.selectedIds);
  for (const id of ids) {
    if (how === "toggle" && next.has(id)) next.delete(id);
    else next.add(id);
  }
  return { selectedIds: next };
}

export function setFilterUpdater(s: AppState, patch: Partial<TableFilter>): Partial<AppState> {
  return { filter: { ...s.filter, ...patch } };
}

export const initialSelection = {
  selectedIds: new Set<string>(),
  hoveredId: null,
  filter: EMPTY_FILTER,
} satisfies Partial<SelectionSlice>;

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  ...initialSelection,
  selectedIds: new Set(),
  select: (ids, how) => set((s) => selectUpdater(s, ids, how)),
  clearSelection: () => set({ selectedIds: new Set(), hoveredId: null }),
  setHovered: (hoveredId) => set((s) => (s.hoveredId === hoveredId ? {} : { hoveredId })),
  setFilter: (patch) => set((s) => setFilterUpdater(s, patch)),
  resetFilter: () => set({ filter: EMPTY_FILTER }),
});
