/**
 * Which settings survive a reload (localStorage): language, unit, basemap and Tianditu key, theme,
 * classifications with their legend labels, the map/table split (panel height, collapsed), the
 * custom basemap and the layer list (context layers, flag overlay), the table columns the user hid.
 * Data, analysis, selection and the as-of date do not.
 */
import type { StateStorage } from "zustand/middleware";
import { sanitizeCustomBasemap } from "./customBasemap";
import { sanitizeTableLayout } from "./layout";
import { type AppState, CONTEXT_LAYER_KEYS } from "./types";

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
  | "customBasemap"
  | "contextVisible"
  | "flagsVisible"
  | "hiddenColumns"
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
    customBasemap: s.customBasemap,
    contextVisible: s.contextVisible,
    flagsVisible: s.flagsVisible,
    hiddenColumns: s.hiddenColumns,
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
  // Added after v1 shipped (absent: defaults). A custom basemap is re-validated like a typed one.
  next.customBasemap = sanitizeCustomBasemap(p.customBasemap);
  if (
    p.basemap === "none" ||
    p.basemap === "osm" ||
    (p.basemap === "tianditu" && next.tiandituKey) ||
    (p.basemap === "custom" && next.customBasemap)
  )
    next.basemap = p.basemap;
  if (p.theme === "default" || p.theme === "projector") next.theme = p.theme;
  if (typeof p.classifications === "object" && p.classifications !== null)
    next.classifications = p.classifications as AppState["classifications"];
  // Added after v1 shipped: absent in older stored settings, which then keep the defaults.
  Object.assign(next, sanitizeTableLayout(persisted, next));
  if (typeof p.flagsVisible === "boolean") next.flagsVisible = p.flagsVisible;
  if (typeof p.contextVisible === "object" && p.contextVisible !== null) {
    const v = p.contextVisible as Record<string, unknown>;
    next.contextVisible = { ...current.contextVisible };
    for (const k of CONTEXT_LAYER_KEYS) {
      const b = v[k];
      if (typeof b === "boolean") next.contextVisible[k] = b;
    }
  }
  const hidden = sanitizeHiddenColumns(p.hiddenColumns);
  if (hidden) next.hiddenColumns = hidden;
  return next;
}

/** At most this many hidden columns are kept, each name at most this long. */
const MAX_HIDDEN_COLUMNS = 100;
const MAX_COLUMN_KEY = 64;

/**
 * The stored list of hidden table columns: a list of column keys (non-empty strings), each once;
 * entries of any other shape are dropped. Null when the stored value is not a list at all (the
 * default then stays). Unknown keys are kept: a column another version of the app has.
 */
export function sanitizeHiddenColumns(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const x of v) {
    if (typeof x !== "string" || x === "" || x.length > MAX_COLUMN_KEY || out.includes(x)) continue;
    out.push(x);
    if (out.length >= MAX_HIDDEN_COLUMNS) break;
  }
  return out;
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
