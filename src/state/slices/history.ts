/**
 * History slice: the user's work as an undo history of edit steps (`src/domain/edits.ts`). The
 * state of the work is (dataset, applied edits); the engine re-analyses when the applied parcel
 * edits change, so undo and redo only move the history's `applied` mark — nothing is mutated.
 */
import type { StateCreator } from "zustand";
import {
  type Edit,
  type EditedValues,
  type EditHistory,
  type EditStep,
  EMPTY_HISTORY,
  editedValues,
  parcelEdits,
  pushStep,
  redo,
  type StepLabel,
  undo,
} from "../../domain/edits";
import type { AppState, HistorySlice } from "../types";
import { activeScenarioId, scenarioCommitUpdater, scenarioUndoUpdater } from "./scenario-core";
import { newStepId } from "./step-id";

export { newStepId };

/**
 * One undoable step of `edits` in the main history (none: nothing changes), dropping the redo
 * steps. `openScenario`: the scenario open when it was made (see `EditStep.openScenario`).
 */
export function commitEditsUpdater(
  s: AppState,
  label: StepLabel,
  edits: readonly Edit[],
  now: Date = new Date(),
  openScenario?: string,
): Partial<AppState> {
  if (edits.length === 0) return {};
  const step: EditStep = {
    id: newStepId(now),
    at: now.toISOString(),
    label,
    edits: [...edits],
    ...(openScenario !== undefined ? { openScenario } : {}),
  };
  return { history: pushStep(s.history, step) };
}

/** Undo in what is shown: the open scenario's own history (see `scenarios.ts`), else the main one. */
export function undoUpdater(s: AppState): Partial<AppState> {
  const inScenario = scenarioUndoUpdater(s, "undo");
  if (inScenario) return inScenario;
  const history = undo(s.history);
  return history === s.history ? {} : { history };
}

export function redoUpdater(s: AppState): Partial<AppState> {
  const inScenario = scenarioUndoUpdater(s, "redo");
  if (inScenario) return inScenario;
  const history = redo(s.history);
  return history === s.history ? {} : { history };
}

/** A restored history (storage, a project file); an `applied` out of range is clamped. */
export function setHistoryUpdater(h: EditHistory): Partial<AppState> {
  const steps = Array.isArray(h.steps) ? h.steps : [];
  const applied = Number.isInteger(h.applied) ? Math.min(Math.max(h.applied, 0), steps.length) : steps.length;
  return { history: { steps, applied } };
}

export const initialHistory = { history: EMPTY_HISTORY } satisfies Partial<HistorySlice>;

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  ...initialHistory,
  commitEdits: (label, edits) =>
    set((s) => {
      const open = activeScenarioId(s);
      if (open === null) return commitEditsUpdater(s, label, edits);
      // The targets are the plan's, the one yardstick the base and every scenario are compared
      // against: a scenario cannot change them. The panel says so.
      if (edits.some((e) => e.kind === "targets")) return {};
      // A parcel corrected while a scenario is open is corrected in that scenario, not in the base.
      if (edits.length > 0 && edits.every((e) => e.kind === "parcel-field"))
        return scenarioCommitUpdater(s, label, edits);
      // The rest (facilities, meeting records) belong to the base, and Ctrl+Z here takes them
      // back in turn with the scenario's own steps.
      return commitEditsUpdater(s, label, edits, new Date(), open);
    }),
  undo: () => set(undoUpdater),
  redo: () => set(redoUpdater),
  setHistory: (h) => set(setHistoryUpdater(h)),
});

const editedValuesCache = new WeakMap<EditHistory, EditedValues>();
/** Per parcel and field, the value the applied edits give it (memoised per history). */
export function selectEditedValues(s: Pick<AppState, "history">): EditedValues {
  let v = editedValuesCache.get(s.history);
  if (!v) {
    v = editedValues(parcelEdits(s.history));
    editedValuesCache.set(s.history, v);
  }
  return v;
}
