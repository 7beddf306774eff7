/**
 * Which settings survive a reload (localStorage): language, unit, basemap and Tianditu key, theme,
 * classifications with their legend labels, the map/table split (panel height, collapsed), the
 * custom basemap and the layer list (context layers, flag overlay), the table columns the user hid.
 * The work itself (dataset, edits, as-of date, standards, selection, map view) is kept in
 * IndexedDB (`storage/work.ts`).
 *
 * Every stored value is validated **field by field** ({@link SETTINGS_FIELDS}): a value of the
 * wrong shape is dropped on its own (the default is used for that field only) and named in the
 * load report, so one bad field never blanks the app. A stored `version` newer than this build's
 * is kept untouched: the app runs on the defaults and never writes over it.
 *
 * To persist a new setting: add it to {@link PersistedSettings} and give it a validator in
 * {@link SETTINGS_FIELDS} (the `satisfies` clause makes a missing validator a type error).
 */
import type { PersistStorage, StateStorage, StorageValue } from "zustand/middleware";
import { isIndicator } from "../domain/fields";
import { sanitizeCustomBasemap } from "./customBasemap";
import { sanitizeTableLayout } from "./layout";
import type { AppState, Classification, ClassMethod } from "./types";
import { CONTEXT_LAYER_KEYS } from "./types";

export const PERSIST_KEY = "jiyue.settings.v1";
export const PERSIST_VERSION = 1;
/** Where stored settings that could not be used are copied before anything overwrites them. */
export const PERSIST_BACKUP_KEY = `${PERSIST_KEY}.unreadable`;

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

/**
 * A field's validator: the usable value from the stored one (`raw`, possibly of any shape), or
 * `DROP` when it cannot be used. `dropped` collects the paths of inner parts that were left out
 * (e.g. one legend label) while the rest of the value is kept. `stored` is the whole stored object
 * (for fields that depend on each other), `current` the state the value would replace.
 */
export type FieldValidator<T> = (
  raw: unknown,
  ctx: { stored: Record<string, unknown>; current: AppState; dropped: string[]; path: string },
) => T | typeof DROP;
export const DROP: unique symbol = Symbol("drop");

const oneOf =
  <T extends string>(...values: T[]): FieldValidator<T> =>
  (raw) =>
    (values as unknown[]).includes(raw) ? (raw as T) : DROP;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const CLASS_METHODS: readonly ClassMethod[] = ["jenks", "quantile", "equal", "manual"];
const DEFAULT_CLASS: Classification = { method: "jenks", k: 5, manualBreaks: [], labels: {} };

/** One indicator's classification, field by field; bad parts fall back to the default part. */
function classification(raw: unknown, path: string, dropped: string[]): Classification | typeof DROP {
  if (!isObject(raw)) return DROP;
  const out: Classification = { ...DEFAULT_CLASS, manualBreaks: [], labels: {} };
  if ((CLASS_METHODS as unknown[]).includes(raw.method)) out.method = raw.method as ClassMethod;
  else if (raw.method !== undefined) dropped.push(`${path}.method`);
  if (typeof raw.k === "number" && Number.isInteger(raw.k) && raw.k >= 2 && raw.k <= 9) out.k = raw.k;
  else if (raw.k !== undefined) dropped.push(`${path}.k`);
  const mb = raw.manualBreaks;
  if (Array.isArray(mb) && mb.every((b) => typeof b === "number" && Number.isFinite(b))) {
    const sorted = [...new Set(mb as number[])].sort((a, b) => a - b);
    out.manualBreaks = sorted;
  } else if (mb !== undefined) dropped.push(`${path}.manualBreaks`);
  if (out.method === "manual" && out.manualBreaks.length === 0) out.method = DEFAULT_CLASS.method;
  if (isObject(raw.labels)) {
    for (const [k, v] of Object.entries(raw.labels)) {
      const i = Number(k);
      if (Number.isInteger(i) && i >= 0 && i < 9 && typeof v === "string" && v.trim())
        out.labels[i] = v.slice(0, 200);
      else dropped.push(`${path}.labels.${k}`);
    }
  } else if (raw.labels !== undefined) dropped.push(`${path}.labels`);
  return out;
}

/** The validators of every persisted setting. */
export const SETTINGS_FIELDS = {
  lang: oneOf("zh", "en"),
  unit: oneOf("mu", "ha"),
  tiandituKey: (raw) => (typeof raw === "string" && raw.length <= 200 ? raw.trim() : DROP),
  basemap: (raw, { stored }) => {
    // Tianditu without a usable key (or custom without a valid custom basemap) cannot load: the
    // default basemap then (the key and the custom basemap are checked too).
    if (raw === "none" || raw === "osm") return raw;
    if (raw === "tianditu" && typeof stored.tiandituKey === "string" && stored.tiandituKey.trim()) return raw;
    if (raw === "custom" && sanitizeCustomBasemap(stored.customBasemap)) return raw;
    return DROP;
  },
  // A custom basemap is re-validated like a typed one.
  customBasemap: (raw) => (raw === null ? null : (sanitizeCustomBasemap(raw) ?? DROP)),
  contextVisible: (raw, { current, dropped, path }) => {
    if (!isObject(raw)) return DROP;
    const out = { ...current.contextVisible };
    for (const [k, v] of Object.entries(raw)) {
      if ((CONTEXT_LAYER_KEYS as readonly string[]).includes(k) && typeof v === "boolean")
        out[k as (typeof CONTEXT_LAYER_KEYS)[number]] = v;
      else dropped.push(`${path}.${k}`);
    }
    return out;
  },
  flagsVisible: (raw) => (typeof raw === "boolean" ? raw : DROP),
  hiddenColumns: (raw) => sanitizeHiddenColumns(raw) ?? DROP,
  theme: oneOf("default", "projector"),
  classifications: (raw, { dropped, path }) => {
    if (!isObject(raw)) return DROP;
    const out: PersistedSettings["classifications"] = {};
    for (const [ind, c] of Object.entries(raw)) {
      const v = isIndicator(ind) ? classification(c, `${path}.${ind}`, dropped) : DROP;
      if (v === DROP) dropped.push(`${path}.${ind}`);
      else out[ind as keyof typeof out] = v;
    }
    return out;
  },
  tableFraction: (raw, { current }) => {
    const v = sanitizeTableLayout({ tableFraction: raw }, current).tableFraction;
    return raw === v ? v : DROP;
  },
  tableCollapsed: (raw) => (typeof raw === "boolean" ? raw : DROP),
} satisfies { [K in keyof PersistedSettings]: FieldValidator<PersistedSettings[K]> };

export function partializeSettings(s: AppState): PersistedSettings {
  const out = {} as Record<string, unknown>;
  for (const k of Object.keys(SETTINGS_FIELDS)) out[k] = s[k as keyof PersistedSettings];
  return out as PersistedSettings;
}

export interface SettingsValidation {
  /** The usable values, by field. */
  values: Partial<PersistedSettings>;
  /** Paths of stored values that could not be used (`classifications.taxPerMu.labels`, `lang` …). */
  dropped: string[];
}

/** Validate stored settings field by field (unknown fields are ignored: a later build may add some). */
export function validateSettings(persisted: unknown, current: AppState): SettingsValidation {
  const dropped: string[] = [];
  if (persisted === undefined || persisted === null) return { values: {}, dropped };
  if (!isObject(persisted)) return { values: {}, dropped: ["state"] };
  const values: Record<string, unknown> = {};
  for (const [key, validate] of Object.entries(SETTINGS_FIELDS) as [
    keyof PersistedSettings,
    FieldValidator<unknown>,
  ][]) {
    if (!(key in persisted)) continue;
    const inner: string[] = [];
    const v = validate(persisted[key], { stored: persisted, current, dropped: inner, path: key });
    if (v === DROP) dropped.push(key);
    else values[key] = v;
    dropped.push(...inner);
  }
  return { values: values as Partial<PersistedSettings>, dropped };
}

/** What happened when the settings were read and written, for the user (see `SettingsNotice`). */
export interface SettingsLoadReport {
  /** The stored text was not JSON or not of the `{state, version}` form. */
  unreadable: boolean;
  /** The stored settings were written by a newer build (its version): kept, not used, not overwritten. */
  newerVersion: number | null;
  /** Paths of stored values that could not be used. */
  dropped: string[];
  /** Writing failed (full or blocked storage): the message of the first failure. */
  writeFailed: string | null;
  /** The stored text as read (copied aside when some of it could not be used). */
  raw: string | null;
}

export function emptySettingsReport(): SettingsLoadReport {
  return { unreadable: false, newerVersion: null, dropped: [], writeFailed: null, raw: null };
}

/** Copy stored settings text aside (to `<name>.unreadable`) before anything overwrites it. */
export function backupSettingsText(storage: StateStorage, text: string, name = PERSIST_KEY): void {
  try {
    storage.setItem(`${name}.unreadable`, text);
  } catch {
    // nothing more to do: the report still says what could not be used
  }
}

/**
 * The persist middleware's storage over a string storage: parse failures and newer versions are
 * recorded in `report` (and the stored text copied to {@link PERSIST_BACKUP_KEY}) instead of
 * throwing or being overwritten; a write that fails is recorded, never thrown into a state update.
 */
export function settingsStorage(
  storage: StateStorage,
  report: SettingsLoadReport,
  onReport: () => void = () => {},
): PersistStorage<PersistedSettings> {
  const backup = (name: string, text: string) => backupSettingsText(storage, text, name);
  return {
    getItem: (name) => {
      let text: string | null;
      try {
        text = storage.getItem(name) as string | null;
      } catch {
        return null;
      }
      if (text === null || text === undefined) return null;
      report.raw = text;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (!isObject(parsed) || typeof parsed.version !== "number") {
        report.unreadable = true;
        backup(name, text);
        onReport();
        return null;
      }
      if (parsed.version > PERSIST_VERSION) {
        report.newerVersion = parsed.version;
        onReport();
        return null;
      }
      // Older versions have the same fields so far (v1 is the first): validated field by field.
      return { state: parsed.state as PersistedSettings, version: PERSIST_VERSION };
    },
    setItem: (name, value: StorageValue<PersistedSettings>) => {
      if (report.newerVersion !== null) return; // never overwrite what a newer build saved
      try {
        storage.setItem(name, JSON.stringify(value));
      } catch (e) {
        if (report.writeFailed === null) {
          report.writeFailed = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
          onReport();
        }
      }
    },
    removeItem: (name) => {
      try {
        storage.removeItem(name);
      } catch {
        // ignore
      }
    },
  };
}

/**
 * Reset the stored settings (the error boundary's "reset settings"): the stored text is first
 * copied to {@link PERSIST_BACKUP_KEY}, so nothing is lost.
 */
export function resetStoredSettings(storage: StateStorage = defaultStorage()): void {
  try {
    const text = storage.getItem(PERSIST_KEY);
    if (typeof text === "string") storage.setItem(PERSIST_BACKUP_KEY, text);
    storage.removeItem(PERSIST_KEY);
  } catch {
    // blocked storage: nothing stored to reset
  }
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
