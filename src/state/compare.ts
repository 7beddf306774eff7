/**
 * Wires the scenario comparison to the backend: while the scenarios workspace is open and two
 * sides are chosen, the worker analyses both (base edits, each side's scenario edits and
 * standards override) and returns the comparison. A newer request supersedes an older one.
 */
import { applyStandardEdits } from "../domain/scenarios";
import type { AnalysisBackend, CompareSide } from "../worker/protocol";
import { selectPlanFacilities } from "./planner";
import { baseData, type Connection, connectLatest, contextRoads } from "./requests";
import { selectScenarioEdits } from "./slices/scenario-core";
import type { AppStore } from "./store";
import { selectTargetsFile } from "./targets";
import type { AppState } from "./types";

/** The standards and edits of one side (`null`: the base). */
function sideOf(s: AppState, id: string | null): CompareSide | null {
  const standards = s.standards?.standards;
  if (!standards) return null;
  if (id === null) return { scenario: [], standards };
  const edits = selectScenarioEdits(s, id);
  if (!edits) return null;
  return { scenario: edits, standards: applyStandardEdits(standards, edits) };
}

/** The comparison of the two chosen sides, asked again whenever either side's inputs change. */
export function connectCompare(store: AppStore, backend: AnalysisBackend): Connection {
  return connectLatest(
    store,
    (s) => [
      s.mode,
      s.compare,
      s.dataset,
      s.history,
      s.scenarioHistories,
      s.standards,
      s.asOf,
      s.targets,
      s.context,
    ],
    (s) => {
      if (s.mode !== "scenarios" || !s.compare || !s.dataset?.ok) return null;
      const a = sideOf(s, s.compare.a);
      const b = sideOf(s, s.compare.b);
      if (!a || !b) return null;
      s.compareStarted();
      return backend.request("compare", {
        ...baseData(s.dataset, s.history),
        asOf: s.asOf,
        a,
        b,
        // The targets in force (the file with the user's targets edits, `state/targets.ts`).
        targets: selectTargetsFile(s),
        coverage: s.context ? { facilities: selectPlanFacilities(s), roads: contextRoads(s.context) } : null,
      });
    },
    ({ durationMs: _ms, ...comparison }) => store.getState().compareSucceeded(comparison),
    (message) => store.getState().compareFailed(message),
  );
}
