/** View slice: zone focus, indicator, classification and legend labels, flag overlay. */
import type { StateCreator } from "zustand";
import type { Indicator } from "../../domain/fields";
import type { AppState, Classification, ClassMethod, ContextVisibility, ViewSlice } from "../types";

export const DEFAULT_CLASSIFICATION: Classification = { method: "jenks", k: 5, manualBreaks: [], labels: {} };
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 9;

/** The classification of the current indicator (the default when the user never changed it). */
export function currentClassification(s: Pick<AppState, "indicator" | "classifications">): Classification {
  return s.classifications[s.indicator] ?? DEFAULT_CLASSIFICATION;
}

function patchClassification(s: AppState, patch: Partial<Classification>): Partial<AppState> {
  const next = { ...currentClassification(s), ...patch };
  return { classifications: { ...s.classifications, [s.indicator]: next } };
}

/**
 * Changing the zone focus also scopes the table filter to that zone (one zone, one list). Every
 * press asks the map to frame the zone, also when it is focused already (after zooming in).
 */
export function setZoneFocusUpdater(s: AppState, zone: "all" | string): Partial<AppState> {
  return {
    zoneFocus: zone,
    filter: { ...s.filter, zone: zone === "all" ? null : zone },
    frameRequest: { zone, seq: (s.frameRequest?.seq ?? 0) + 1 },
  };
}

export function setClassMethodUpdater(s: AppState, method: ClassMethod): Partial<AppState> {
  // Labels were written for the old classes: they no longer describe the new ones.
  return patchClassification(s, { method, labels: {} });
}

export function setClassCountUpdater(s: AppState, k: number): Partial<AppState> {
  if (!Number.isFinite(k)) return {};
  const clamped = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
  return patchClassification(s, { k: clamped, labels: {} });
}

/** Manual breaks: finite numbers, sorted ascending, duplicates removed; switches the method to manual. */
export function setManualBreaksUpdater(s: AppState, breaks: number[]): Partial<AppState> {
  const clean = [...new Set(breaks.filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
  if (clean.length === 0) return {};
  return patchClassification(s, {
    method: "manual",
    manualBreaks: clean,
    k: Math.min(MAX_CLASSES, clean.length + 1),
    labels: {},
  });
}

/** Set (or with `null`/blank, clear) the user's label of legend class `index`. */
export function setLegendLabelUpdater(s: AppState, index: number, label: string | null): Partial<AppState> {
  if (!Number.isInteger(index) || index < 0) return {};
  const labels = { ...currentClassification(s).labels };
  const text = label?.trim() ?? "";
  if (text) labels[index] = text;
  else delete labels[index];
  return patchClassification(s, { labels });
}

export function requestZoomUpdater(s: AppState, ids: string[]): Partial<AppState> {
  return { zoomRequest: { ids: [...ids], seq: (s.zoomRequest?.seq ?? 0) + 1 } };
}

export const initialView = {
  zoneFocus: "all" as "all" | string,
  indicator: "landUse" as Indicator,
  classifications: {} as Partial<Record<Indicator, Classification>>,
  flagsVisible: true,
  contextVisible: { roads: true, facilities: true, zones: true, centralUrbanArea: true } as ContextVisibility,
  zoomRequest: null as ViewSlice["zoomRequest"],
  frameRequest: null as ViewSlice["frameRequest"],
} satisfies Partial<ViewSlice>;

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  ...initialView,
  classifications: {},
  setZoneFocus: (zone) => set((s) => setZoneFocusUpdater(s, zone)),
  setIndicator: (indicator) => set({ indicator }),
  setClassMethod: (method) => set((s) => setClassMethodUpdater(s, method)),
  setClassCount: (k) => set((s) => setClassCountUpdater(s, k)),
  setManualBreaks: (breaks) => set((s) => setManualBreaksUpdater(s, breaks)),
  setLegendLabel: (index, label) => set((s) => setLegendLabelUpdater(s, index, label)),
  setFlagsVisible: (flagsVisible) => set({ flagsVisible }),
  setContextVisible: (layer, visible) =>
    set((s) =>
      s.contextVisible[layer] === visible
        ? {}
        : { contextVisible: { ...s.contextVisible, [layer]: visible } },
    ),
  requestZoom: (ids) => set((s) => requestZoomUpdater(s, ids)),
});
