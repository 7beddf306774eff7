/**
 * Which settings survive a reload (localStorage): language, unit, basemap and Tianditu key, theme,
 * classifications with their legend labels, the map/table split (panel height, collapsed).
 * Data, analysis, selection and the as-of date do not.
 */
import type { StateStorage } from "zustand/middleware";
import { sanitizeTableLayout } from "./layout";
import type { AppState } from "./types";

export const PERSIST_KEY = "jiyue.settings.v1";
export const PERSIST_VERSION = 1;

export type PersistedSettings = Pick<
  AppState,
  | "lang"
  | "unit"
  | "basemap"
  | "tiandituKey"
  | "theme"
  | "classifications"
  | "tableFraction"
  | "tableCollapsed"
>;

export function partializeSettings(s: AppState): PersistedSettings {
  return {
    lang: s.lang,
    unit: s.unit,
    basemap: s.basemap,
    tiandituKey: s.tiandituKey,
    theme: s.theme,
    classifications: s.classifications,
    tableFraction: s.tableFraction,
    tableCollapsed: s.tableCollapsed,
  };
}

/** Merge stored settings over the defaults, keeping only values of the right shape. */
export function mergePersisted(persisted: unknown, current: AppState): AppState {
  if (typeof persisted !== "object" || persisted === null) return current;
  const p = persisted as Partial<Record<keyof PersistedSettings, unknown>>;
  const next: AppState = { ...current };
  if (p.lang === "zh" || p.lang === "en") next.lang = p.lang;
  if (p.unit === "mu" || p.unit === "ha") next.unit = p.unit;
  if (typeof p.tiandituKey === "string") next.tiandituKey = p.tiandituKey;
  if (p.basemap === "none" || p.basemap === "osm" || (p.basemap === "tianditu" && next.tiandituKey))
    next.basemap = p.basemap;
  if (p.theme === "default" || p.theme === "projector") next.theme = p.theme;
  if (typeof p.classifications === "object" && p.classifications !== null)
    next.classifications = p.classifications as AppState["classifications"];
  // Added after v1 shipped: absent in older stored settings, which then keep the defaults.
  Object.assign(next, sanitizeTableLayout(persisted, next));
  return next;
}

/** An in-memory storage for tests and for browsers where localStorage is blocked. */
export function memoryStorage(): StateStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => {
      m.set(k, v);
    },
    removeItem: (k) => {
      m.delete(k);
    },
  };
}

/** localStorage when the environment has a usable one, else memory. */
export function defaultStorage(): StateStorage {
  try {
    const ls = (globalThis as { localStorage?: Storage }).localStorage;
    if (ls) {
      const probe = `${PERSIST_KEY}.probe`;
      ls.setItem(probe, "1");
      ls.removeItem(probe);
      return ls;
    }
  } catch {
    // private mode or blocked storage: fall through
  }
  return memoryStorage();
}
