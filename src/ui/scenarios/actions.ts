/**
 * Scenario actions on the selected parcels, as the panel and the map's draw tool call them:
 * each checks what it can before committing one undoable step to the open scenario, and says
 * why when it cannot (`scenarioNotice`).
 */
import type { Edit, ScenarioStandardEdit } from "../../domain/edits";
import {
  freeId,
  mergeParcels,
  type NewProject,
  reassignEdit,
  recoverEdit,
  splitParcel,
} from "../../domain/scenarios";
import type { AnalysedParcel, PreparedParcel } from "../../domain/types";
import { SCENARIO_STEP } from "../../state/slices/scenarios";
import type { AppStore } from "../../state/store";

const asPrepared = (p: AnalysedParcel): PreparedParcel => ({
  input: p.input,
  geometry: p.geometry,
  areaM2: p.computed.areaM2,
  extra: p.extra,
});

function selected(store: AppStore): AnalysedParcel[] {
  const s = store.getState();
  return [...s.selectedIds].flatMap((id) => {
    const p = s.byId.get(id);
    return p ? [p] : [];
  });
}

const notice = (store: AppStore, code: string, params: Record<string, string | number> = {}) =>
  store.getState().setScenarioNotice({ code, params });

const commit = (store: AppStore, code: string, params: Record<string, string | number>, edits: Edit[]) => {
  store.getState().setScenarioNotice(null);
  store.getState().commitScenarioEdits({ code, params }, edits);
};

export function reassignSelected(store: AppStore, project: NewProject): void {
  const [p] = selected(store);
  if (!p) return;
  commit(store, SCENARIO_STEP.reassign, { parcelId: p.input.id }, [reassignEdit(p.input, project)]);
}

export function recoverSelected(store: AppStore): void {
  const ps = selected(store);
  if (ps.length === 0) return;
  commit(
    store,
    SCENARIO_STEP.recover,
    { parcelId: ps.map((p) => p.input.id).join("、") },
    ps.map((p) => recoverEdit(p.input)),
  );
}

/** The draw tool's line arrived: split the selected parcel along it (checked first). */
export function finishSplit(store: AppStore, line: [number, number][]): void {
  store.getState().setSplitDrawing(false);
  const [p] = selected(store);
  if (!p) return;
  const s = store.getState();
  const crs = s.dataset?.analysisCrs ?? "EPSG:4546";
  const taken = new Set(s.byId.keys());
  const id1 = freeId(`${p.input.id}-1`, taken);
  taken.add(id1);
  const id2 = freeId(`${p.input.id}-2`, taken);
  const r = splitParcel(asPrepared(p), line, [id1, id2], crs);
  if ("problem" in r) {
    notice(store, r.problem);
    return;
  }
  commit(store, SCENARIO_STEP.split, { parcelId: p.input.id }, [
    { kind: "scenario-split", parcelId: p.input.id, line, ids: [id1, id2] },
  ]);
  s.select([id1, id2]);
}

export function mergeSelected(store: AppStore): void {
  const ps = selected(store);
  const s = store.getState();
  const ids = ps.map((p) => p.input.id);
  const id = freeId(ids.join("+"), new Set(s.byId.keys()));
  const r = mergeParcels(ps.map(asPrepared), id, s.dataset?.analysisCrs ?? "EPSG:4546");
  if ("problem" in r) {
    notice(store, r.problem);
    return;
  }
  commit(store, SCENARIO_STEP.merge, { parcels: ids.join("、") }, [
    { kind: "scenario-merge", parcelIds: ids, id },
  ]);
  s.select([id]);
}

export function changeStandard(store: AppStore, e: ScenarioStandardEdit): void {
  if (e.before === e.after) return;
  commit(store, SCENARIO_STEP.standard, { indicator: e.indicator }, [e]);
}
