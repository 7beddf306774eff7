/**
 * Scenarios slice. A scenario is the base (the dataset with the user's edits of the main history)
 * plus its own edits. The scenario list — make, duplicate, rename, delete — is kept as `scenario`
 * edits in the main history (so those are undone from the base, where the list is); each
 * scenario's own edits are kept in its own undo history (`scenarioHistories`).
 *
 * Undo follows what the official is looking at: with a scenario open, Ctrl+Z undoes the last
 * thing done in that scenario (its own history); in the base it undoes the last base edit or
 * list action (making, renaming, duplicating or deleting a scenario). The undo button names the
 * step either way. Switching scenarios is not a step (it changes nothing).
 *
 * Results are keyed by (dataset, scenario): the engine analyses the active scenario and writes
 * it as the store's `result` (every view — table, map, targets — follows), with `resultScenario`
 * saying which scenario it is for.
 */
import type { StateCreator } from "zustand";
import type { Comparison } from "../../domain/compare";
import type { Edit, EditHistory, ScenarioMeta, StepLabel } from "../../domain/edits";
import type { AnalysisStatus, AppState } from "../types";
import { commitEditsUpdater } from "./history";
import { findScenario, scenarioCommitUpdater, selectScenarioEdits } from "./scenario-core";
import { newStepId } from "./step-id";

export {
  activeScenarioId,
  findScenario,
  selectRedoStep,
  selectScenarioEdits,
  selectScenarios,
  selectUndoStep,
} from "./scenario-core";

/** Two sides of a comparison: scenario ids, `null` = the base. */
export interface ComparePair {
  a: string | null;
  b: string | null;
}

/** What is stored and put in project files: each scenario's own history and the open one. */
export interface ScenarioWork {
  histories: Record<string, EditHistory>;
  active: string | null;
}

export interface ScenariosSlice {
  /** The scenario shown (`null`: the base). */
  activeScenario: string | null;
  scenarioHistories: Record<string, EditHistory>;
  /** Which scenario the store's `result` is for (`null`: the base). */
  resultScenario: string | null;
  compare: ComparePair | null;
  comparison: Comparison | null;
  compareStatus: AnalysisStatus;
  compareError: string | null;
  /** The map's draw tool is out for a split line. */
  splitDrawing: boolean;
  /** A message about the last scenario action that could not be done (a code and its params). */
  scenarioNotice: { code: string; params: Record<string, string | number> } | null;
  setSplitDrawing(on: boolean): void;
  setScenarioNotice(n: ScenariosSlice["scenarioNotice"]): void;
  /** Show a scenario (`null`: the base); an id that is not in the list shows the base. */
  setActiveScenario(id: string | null): void;
  /** Make a scenario from the base (`from: null`) or from another scenario; it becomes the one shown. */
  createScenario(name: string, from: string | null): string;
  renameScenario(id: string, name: string): void;
  deleteScenario(id: string): void;
  /** One undoable step in the scenario shown (none shown: nothing happens). */
  commitScenarioEdits(label: StepLabel, edits: Edit[]): void;
  setCompare(pair: ComparePair | null): void;
  compareStarted(): void;
  compareSucceeded(c: Comparison): void;
  compareFailed(error: string): void;
  /** Restore stored or opened scenario work. */
  setScenarioWork(work: ScenarioWork): void;
}

/** Label codes of scenario steps (i18n formats them). */
export const SCENARIO_STEP = {
  create: "scenario-create",
  duplicate: "scenario-duplicate",
  rename: "scenario-rename",
  delete: "scenario-delete",
  reassign: "scenario-reassign",
  recover: "scenario-recover",
  split: "scenario-split",
  merge: "scenario-merge",
  standard: "scenario-standard",
} as const;

export const initialScenarios = {
  activeScenario: null,
  scenarioHistories: {},
  resultScenario: null,
  compare: null,
  comparison: null,
  compareStatus: "idle",
  compareError: null,
  splitDrawing: false,
  scenarioNotice: null,
} satisfies Partial<ScenariosSlice>;

export const createScenariosSlice: StateCreator<AppState, [], [], ScenariosSlice> = (set) => ({
  ...initialScenarios,
  setActiveScenario: (id) => set((s) => ({ activeScenario: findScenario(s, id) ? id : null })),
  createScenario: (name, from) => {
    const id = newStepId();
    set((s) => {
      const source = from === null ? undefined : findScenario(s, from);
      const seed = source ? (selectScenarioEdits(s, from) ?? []) : [];
      const meta: ScenarioMeta = { id, name, from: source ? source.id : null, seed: [...seed] };
      const label: StepLabel = source
        ? { code: SCENARIO_STEP.duplicate, params: { name, from: source.name } }
        : { code: SCENARIO_STEP.create, params: { name } };
      return {
        ...commitEditsUpdater(s, label, [{ kind: "scenario", scenarioId: id, before: null, after: meta }]),
        activeScenario: id,
      };
    });
    return id;
  },
  renameScenario: (id, name) =>
    set((s) => {
      const meta = findScenario(s, id);
      const clean = name.trim();
      if (!meta || !clean || clean === meta.name) return {};
      return commitEditsUpdater(s, { code: SCENARIO_STEP.rename, params: { from: meta.name, name: clean } }, [
        { kind: "scenario", scenarioId: id, before: meta, after: { ...meta, name: clean } },
      ]);
    }),
  deleteScenario: (id) =>
    set((s) => {
      const meta = findScenario(s, id);
      if (!meta) return {};
      // The scenario's own history stays (keyed by id), so undoing the deletion brings its edits back.
      return {
        ...commitEditsUpdater(s, { code: SCENARIO_STEP.delete, params: { name: meta.name } }, [
          { kind: "scenario", scenarioId: id, before: meta, after: null },
        ]),
        ...(s.activeScenario === id ? { activeScenario: null } : {}),
        ...(s.compare && (s.compare.a === id || s.compare.b === id)
          ? { compare: null, comparison: null }
          : {}),
      };
    }),
  commitScenarioEdits: (label, edits) => set((s) => scenarioCommitUpdater(s, label, edits)),
  setSplitDrawing: (splitDrawing) => set({ splitDrawing }),
  setScenarioNotice: (scenarioNotice) => set({ scenarioNotice }),
  setCompare: (compare) => set({ compare, ...(compare ? {} : { comparison: null }) }),
  compareStarted: () => set({ compareStatus: "running", compareError: null }),
  compareSucceeded: (comparison) => set({ comparison, compareStatus: "idle", compareError: null }),
  compareFailed: (compareError) => set({ compareStatus: "error", compareError }),
  setScenarioWork: (work) => {
    set({ scenarioHistories: { ...work.histories } });
    // After the histories: the open scenario must exist in the list.
    set((s) => ({ activeScenario: findScenario(s, work.active) ? work.active : null }));
  },
});
