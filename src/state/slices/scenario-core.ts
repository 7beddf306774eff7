/**
 * The scenario selectors and updaters the history slice needs too (which scenario is open, its
 * own history, undo there), apart from the slice so the two slices do not import each other.
 */
import {
  appliedEdits,
  type Edit,
  type EditHistory,
  EMPTY_HISTORY,
  pushStep,
  redo,
  type ScenarioEdit,
  type ScenarioMeta,
  type StepLabel,
  undo,
} from "../../domain/edits";
import { scenarioEdits, scenarioList } from "../../domain/scenarios";
import type { AppState } from "../types";
import { newStepId } from "./step-id";

const listCache = new WeakMap<EditHistory, ScenarioMeta[]>();
/** The scenarios of the main history's applied steps, in the order they were made. */
export function selectScenarios(s: Pick<AppState, "history">): ScenarioMeta[] {
  let v = listCache.get(s.history);
  if (!v) {
    v = scenarioList(appliedEdits(s.history));
    listCache.set(s.history, v);
  }
  return v;
}

export function findScenario(s: Pick<AppState, "history">, id: string | null): ScenarioMeta | undefined {
  return id === null ? undefined : selectScenarios(s).find((m) => m.id === id);
}

/** The scenario shown, when it exists (a deleted or undone one shows the base). */
export function activeScenarioId(s: Pick<AppState, "history" | "activeScenario">): string | null {
  return findScenario(s, s.activeScenario) ? s.activeScenario : null;
}

const editsCache = new Map<string, { meta: ScenarioMeta; history: EditHistory; edits: ScenarioEdit[] }>();
/** A scenario's edits (seed + own applied edits), the same array while they are the same. */
export function selectScenarioEdits(
  s: Pick<AppState, "history" | "scenarioHistories">,
  id: string | null,
): ScenarioEdit[] | null {
  const meta = findScenario(s, id);
  if (!meta || id === null) return null;
  const history = s.scenarioHistories[id] ?? EMPTY_HISTORY;
  const hit = editsCache.get(id);
  if (hit && hit.meta === meta && hit.history === history) return hit.edits;
  const edits = scenarioEdits(meta, appliedEdits(history));
  editsCache.set(id, { meta, history, edits });
  return edits;
}

/** The history Ctrl+Z works on now: the open scenario's own, else the main one. */
export function selectUndoHistory(
  s: Pick<AppState, "history" | "activeScenario" | "scenarioHistories">,
): EditHistory {
  const id = activeScenarioId(s);
  return id === null ? s.history : (s.scenarioHistories[id] ?? EMPTY_HISTORY);
}

/** Undo/redo in the open scenario's history; `null` when no scenario is open (the main history applies). */
export function scenarioUndoUpdater(s: AppState, how: "undo" | "redo"): Partial<AppState> | null {
  const id = activeScenarioId(s);
  if (id === null) return null;
  const h = s.scenarioHistories[id] ?? EMPTY_HISTORY;
  const next = how === "undo" ? undo(h) : redo(h);
  return next === h ? {} : { scenarioHistories: { ...s.scenarioHistories, [id]: next } };
}

/** One undoable step in the open scenario's own history (no scenario open, no edits: nothing). */
export function scenarioCommitUpdater(
  s: AppState,
  label: StepLabel,
  edits: readonly Edit[],
  now: Date = new Date(),
): Partial<AppState> {
  const id = activeScenarioId(s);
  if (id === null || edits.length === 0) return {};
  const h = s.scenarioHistories[id] ?? EMPTY_HISTORY;
  const next = pushStep(h, { id: newStepId(now), at: now.toISOString(), label, edits: [...edits] });
  return { scenarioHistories: { ...s.scenarioHistories, [id]: next } };
}
