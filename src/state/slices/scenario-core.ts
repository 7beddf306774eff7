/**
 * The scenario selectors and updaters the history slice needs too (which scenario is open, its
 * own history, undo there), apart from the slice so the two slices do not import each other.
 */
import {
  appliedEdits,
  type Edit,
  type EditHistory,
  type EditStep,
  EMPTY_HISTORY,
  pushStep,
  redo,
  redoStep,
  type ScenarioEdit,
  type ScenarioMeta,
  type StepLabel,
  undo,
  undoStep,
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

/**
 * Where Ctrl+Z (or Ctrl+Y) works now: with no scenario open, the main history; in a scenario,
 * its own history, except that a main-history step made while this scenario was open (a facility
 * placed, a meeting decision: they belong to the base) is taken back in turn with the scenario's
 * own steps, the later first (redo: the earlier first). A main-history step made elsewhere is
 * left for the base, so undo in a scenario never reaches another scenario's or the base's work.
 */
export function undoSide(
  s: Pick<AppState, "history" | "activeScenario" | "scenarioHistories">,
  how: "undo" | "redo",
): { side: "main" } | { side: "scenario"; id: string } {
  const id = activeScenarioId(s);
  if (id === null) return { side: "main" };
  const own = s.scenarioHistories[id] ?? EMPTY_HISTORY;
  const pick = how === "undo" ? undoStep : redoStep;
  const mine = pick(own);
  const main = pick(s.history);
  const mainHere = main !== undefined && main.openScenario === id;
  if (!mainHere) return { side: "scenario", id };
  if (!mine) return { side: "main" };
  const mainFirst = how === "undo" ? main.at >= mine.at : main.at < mine.at;
  return mainFirst ? { side: "main" } : { side: "scenario", id };
}

/** The step an undo would take back now (see `undoSide`), or `undefined`. */
export function selectUndoStep(
  s: Pick<AppState, "history" | "activeScenario" | "scenarioHistories">,
): EditStep | undefined {
  const w = undoSide(s, "undo");
  return undoStep(w.side === "main" ? s.history : (s.scenarioHistories[w.id] ?? EMPTY_HISTORY));
}

/** The step a redo would apply again now, or `undefined`. */
export function selectRedoStep(
  s: Pick<AppState, "history" | "activeScenario" | "scenarioHistories">,
): EditStep | undefined {
  const w = undoSide(s, "redo");
  return redoStep(w.side === "main" ? s.history : (s.scenarioHistories[w.id] ?? EMPTY_HISTORY));
}

/** Undo/redo in the open scenario's history; `null` when the main history applies (`undoSide`). */
export function scenarioUndoUpdater(s: AppState, how: "undo" | "redo"): Partial<AppState> | null {
  const w = undoSide(s, how);
  if (w.side === "main") return null;
  const h = s.scenarioHistories[w.id] ?? EMPTY_HISTORY;
  const next = how === "undo" ? undo(h) : redo(h);
  return next === h ? {} : { scenarioHistories: { ...s.scenarioHistories, [w.id]: next } };
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
