/**
 * Wires the scenario comparison to the backend: while the scenarios workspace is open and two
 * sides are chosen, the worker analyses both (base edits, each side's scenario edits and
 * standards override) and returns the comparison. A newer request supersedes an older one.
 */
import type { LineString, MultiLineString } from "geojson";
import { shallow } from "zustand/shallow";
import { parcelEdits } from "../domain/edits";
import { applyStandardEdits } from "../domain/scenarios";
import { type AnalysisBackend, type CompareSide, SupersededError } from "../worker/protocol";
import { selectPlanFacilities } from "./planner";
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

function roadsOf(s: AppState): (LineString | MultiLineString)[] | null {
  const roads = s.context?.roads.features ?? [];
  return roads.length > 0 ? roads.map((f) => f.geometry) : null;
}

export interface Comparer {
  dispose(): void;
}

export function connectCompare(store: AppStore, backend: AnalysisBackend): Comparer {
  let seq = 0;
  let disposed = false;
  const run = async () => {
    const s = store.getState();
    if (s.mode !== "scenarios" || !s.compare || !s.dataset?.ok) return;
    const a = sideOf(s, s.compare.a);
    const b = sideOf(s, s.compare.b);
    if (!a || !b) return;
    const mine = ++seq;
    s.compareStarted();
    // The targets in force (the file with the user's targets edits, `state/targets.ts`).
    const targets = selectTargetsFile(s);
    try {
      const res = await backend.request("compare", {
        ...(s.dataset.parcels ? { parcels: s.dataset.parcels } : { datasetId: s.dataset.datasetId }),
        edits: parcelEdits(s.history),
        asOf: s.asOf,
        analysisCrs: s.dataset.analysisCrs,
        a,
        b,
        targets,
        coverage: s.context ? { facilities: selectPlanFacilities(s), roads: roadsOf(s) } : null,
      });
      if (disposed || mine !== seq) return;
      const { durationMs: _ms, ...comparison } = res;
      store.getState().compareSucceeded(comparison);
    } catch (e) {
      if (disposed || mine !== seq || e instanceof SupersededError) return;
      store.getState().compareFailed(e instanceof Error ? e.message : String(e));
    }
  };
  const unsubscribe = store.subscribe(
    (s) =>
      [
        s.mode,
        s.compare,
        s.dataset,
        s.history,
        s.scenarioHistories,
        s.standards,
        s.asOf,
        s.targets,
        s.context,
      ] as const,
    () => void run(),
    { equalityFn: shallow, fireImmediately: true },
  );
  return {
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}
