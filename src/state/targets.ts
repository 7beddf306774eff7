/**
 * The plan targets as the app uses them, derived (never stored): the app's targets file
 * (`geodata/targets.json`, validated), the user's targets edits applied (`domain/edits.ts`), and
 * each target computed from the analysis in force — the active dataset with its edits, whatever
 * the engine last analysed — so the dashboard follows every edit (and a scenario, when one is
 * active) without a request of its own. Memoised on their inputs.
 */
import { applyTargetsEdits, type TargetsEdit, targetsEdits, targetsResetFile } from "../domain/edits";
import {
  computeTargets,
  type TargetRow,
  type TargetsFile,
  targetParcels,
  validateTargetsFile,
} from "../domain/targets";
import type { AnalysedParcel } from "../domain/types";
import { activeScenarioId } from "./slices/scenario-core";
import type { AppState, Targets } from "./types";

const baseCache = new WeakMap<Targets, { file: TargetsFile | null; problems: string[] }>();

/** The app's own targets file, validated (`file: null` with the problems when it cannot be used). */
export function baseTargets(raw: Targets | null): { file: TargetsFile | null; problems: string[] } {
  if (!raw) return { file: null, problems: [] };
  let hit = baseCache.get(raw);
  if (!hit) {
    const v = validateTargetsFile(raw);
    hit = "file" in v ? { file: v.file, problems: [] } : { file: null, problems: v.problems };
    baseCache.set(raw, hit);
  }
  return hit;
}

const fileCache = new WeakMap<object, { base: TargetsFile | null; file: TargetsFile | null }>();

/** The targets in force: the app's file with the applied targets edits (null: none loaded yet). */
export function selectTargetsFile(s: Pick<AppState, "targets" | "history">): TargetsFile | null {
  const base = baseTargets(s.targets).file;
  const hit = fileCache.get(s.history);
  if (hit && hit.base === base) return hit.file;
  const file = applyTargetsEdits(base, targetsEdits(s.history));
  fileCache.set(s.history, { base, file });
  return file;
}

/**
 * The targets cannot be changed now: a scenario is open. The targets are the plan's — the one
 * yardstick the base and every scenario are measured and compared against — so they are changed
 * in the base only (a scenario's own edits are parcel and standards changes).
 */
export function selectTargetsLocked(s: Pick<AppState, "history" | "activeScenario">): boolean {
  return activeScenarioId(s) !== null;
}

/** What a reset goes back to: the last loaded targets file, else the app's own (`name: null`). */
export function selectTargetsResetFile(s: Pick<AppState, "targets" | "history">): {
  file: TargetsFile | null;
  name: string | null;
} {
  const base = baseTargets(s.targets).file;
  const hit = resetCache.get(s.history);
  if (hit && hit.base === base) return hit.reset;
  const loaded = targetsResetFile(targetsEdits(s.history));
  const reset = loaded.name === null ? { file: base, name: null } : loaded;
  resetCache.set(s.history, { base, reset });
  return reset;
}
const resetCache = new WeakMap<
  object,
  { base: TargetsFile | null; reset: { file: TargetsFile | null; name: string | null } }
>();

const EMPTY_PARCELS: AnalysedParcel[] = [];
let rowsMemo: { parcels: AnalysedParcel[]; file: TargetsFile; rows: TargetRow[] } | null = null;

/** Each target next to its value in the analysis in force (empty before targets or a result exist). */
export function selectTargetRows(s: Pick<AppState, "targets" | "history" | "result">): TargetRow[] {
  const file = selectTargetsFile(s);
  if (!file) return [];
  const parcels = s.result?.parcels ?? EMPTY_PARCELS;
  if (rowsMemo && rowsMemo.parcels === parcels && rowsMemo.file === file) return rowsMemo.rows;
  const rows = computeTargets(parcels, file);
  rowsMemo = { parcels, file, rows };
  return rows;
}

let idsMemo: {
  parcels: AnalysedParcel[];
  file: TargetsFile | null;
  id: string;
  ids: ReadonlySet<string>;
} | null = null;
const NO_IDS: ReadonlySet<string> = new Set();

/** Ids of the parcels behind the filter's target in the current analysis (empty: none or unknown target). */
export function selectTargetParcelIds(
  s: Pick<AppState, "targets" | "history" | "result" | "filter">,
): ReadonlySet<string> {
  const id = s.filter.target;
  if (id === null) return NO_IDS;
  const file = selectTargetsFile(s);
  const parcels = s.result?.parcels ?? EMPTY_PARCELS;
  if (idsMemo && idsMemo.parcels === parcels && idsMemo.file === file && idsMemo.id === id)
    return idsMemo.ids;
  const spec = file?.targets.find((t) => t.id === id);
  const behind = spec ? targetParcels(spec, parcels) : null;
  const ids: ReadonlySet<string> = behind ? new Set(behind.ids) : NO_IDS;
  idsMemo = { parcels, file, id, ids };
  return ids;
}

/** The year of the data (its survey date, else the as-of date): where the current value is placed. */
export function selectDataYear(s: Pick<AppState, "dataset" | "asOf">): number | null {
  const d = s.dataset?.surveyDate ?? s.asOf;
  const y = typeof d === "string" ? Number(d.slice(0, 4)) : Number.NaN;
  return Number.isInteger(y) ? y : null;
}

/** Same targets file (structurally): a change that ends where it began makes no step. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

/**
 * One targets edit from the targets in force to `after` (`null`: back to the app's own file), or
 * `null` when nothing would change. `before` is `null` while no targets edit is applied.
 */
export function targetsEditOf(
  s: Pick<AppState, "targets" | "history">,
  after: TargetsFile | null,
  loadedFrom?: string,
): TargetsEdit | null {
  const applied = targetsEdits(s.history);
  const before = applied.length === 0 ? null : (applied.at(-1)?.after ?? null);
  const base = baseTargets(s.targets).file;
  if (loadedFrom === undefined && sameJson(after ?? base, before ?? base)) return null;
  return { kind: "targets", before, after, ...(loadedFrom !== undefined ? { loadedFrom } : {}) };
}
