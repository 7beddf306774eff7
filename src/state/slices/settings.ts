/** Settings slice: as-of date, language, units, basemap, theme, mode and the map/table split. */
import type { StateCreator } from "zustand";
import { isUsableAsOf } from "../../domain/dates";
import type { IsoDate } from "../../domain/types";
import type { Lang } from "../../i18n/lang";
import { todayIso } from "../clock";
import type { CustomBasemap } from "../customBasemap";
import { DEFAULT_TABLE_LAYOUT, sanitizeTableLayout } from "../layout";
import type { AppState, BasemapKind, Mode, SettingsSlice, Theme, Unit } from "../types";

/** A user-picked as-of date sticks (a reloaded dataset does not override it); invalid input is ignored. */
export function setAsOfUpdater(s: AppState, asOf: IsoDate): Partial<AppState> {
  // A real calendar date only: "2026-02-30" would make the idle rules throw in the worker; and a
  // year from 1900, so a year typed digit by digit (0002, 0020, 0202) never runs the analysis.
  if (!isUsableAsOf(asOf)) return {};
  return asOf === s.asOf && s.asOfUserSet ? {} : { asOf, asOfUserSet: true };
}

/** Back to the default: the dataset's survey date, else today. */
export function resetAsOfUpdater(s: AppState): Partial<AppState> {
  return { asOf: s.dataset?.surveyDate ?? todayIso(), asOfUserSet: false };
}

export function setBasemapUpdater(s: AppState, basemap: BasemapKind, key?: string): Partial<AppState> {
  const tiandituKey = key !== undefined ? key.trim() : s.tiandituKey;
  // Tianditu without a key cannot load: stay where we are until a key is given.
  if (basemap === "tianditu" && !tiandituKey) return { tiandituKey };
  // Likewise a custom basemap that has not been defined yet.
  if (basemap === "custom" && !s.customBasemap) return { tiandituKey };
  return { basemap, tiandituKey };
}

/** Hide or show one table column (the list stays free of duplicates; unchanged state for a no-op). */
export function setColumnHiddenUpdater(s: AppState, field: string, hidden: boolean): Partial<AppState> {
  const has = s.hiddenColumns.includes(field);
  if (has === hidden) return {};
  return { hiddenColumns: hidden ? [...s.hiddenColumns, field] : s.hiddenColumns.filter((f) => f !== field) };
}

export const initialSettings = {
  asOf: todayIso(),
  asOfUserSet: false,
  lang: "zh" as Lang,
  unit: "mu" as Unit,
  basemap: "none" as BasemapKind,
  tiandituKey: "",
  customBasemap: null as CustomBasemap | null,
  theme: "default" as Theme,
  mode: "analysis" as Mode,
  ...DEFAULT_TABLE_LAYOUT,
  hiddenColumns: [] as string[],
} satisfies Partial<SettingsSlice>;

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  ...initialSettings,
  setAsOf: (asOf) => set((s) => setAsOfUpdater(s, asOf)),
  resetAsOf: () => set(resetAsOfUpdater),
  setLang: (lang) => set({ lang }),
  setUnit: (unit) => set({ unit }),
  setBasemap: (basemap, key) => set((s) => setBasemapUpdater(s, basemap, key)),
  setCustomBasemap: (customBasemap) => set({ customBasemap, basemap: "custom" }),
  setTheme: (theme) => set({ theme }),
  setMode: (mode) => set({ mode }),
  setTableLayout: (patch) => set((s) => sanitizeTableLayout(patch, s)),
  setColumnHidden: (field, hidden) => set((s) => setColumnHiddenUpdater(s, field, hidden)),
});
