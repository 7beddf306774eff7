/**
 * Targets edits: a change of the targets is one undoable step (apply, undo, redo), the targets
 * in force follow the history, reset goes back to the last loaded file (else the app's), a change
 * that changes nothing makes no step, the step names read well in zh and en, a bad targets edit
 * from storage is refused when read, and a project file carries the targets in force.
 */
import { describe, expect, it } from "vitest";
import { PLAN_TARGETS } from "../../../src/cli/sample/targets-file";
import {
  appliedEdits,
  applyTargetsEdits,
  type EditHistory,
  type TargetsEdit,
  targetsResetFile,
  undoStep,
} from "../../../src/domain/edits";
import { type TargetsFile, withPlanYears, withTargetNumber } from "../../../src/domain/targets";
import { stepText, undoText } from "../../../src/i18n/edits";
import { readHistory } from "../../../src/io/edits-read";
import { sha256Hex } from "../../../src/io/fingerprint";
import { readProjectFile, writeProjectFile } from "../../../src/io/project-file";
import { selectRows } from "../../../src/state/selectors";
import {
  selectTargetParcelIds,
  selectTargetRows,
  selectTargetsFile,
  selectTargetsLocked,
  selectTargetsResetFile,
  targetsEditOf,
} from "../../../src/state/targets";
import type { AppState } from "../../../src/state/types";
import { freshStore, parcel, result } from "../state/helpers";

const BASE: TargetsFile = JSON.parse(JSON.stringify(PLAN_TARGETS));
const taxOf = (f: TargetsFile | null) => f?.targets.find((t) => t.id === "tax-revenue")?.value;

function storeWithTargets() {
  const store = freshStore();
  store.getState().setTargets(BASE as unknown as Record<string, unknown>);
  store.getState().analysisSucceeded(
    result([
      parcel({
        id: "A",
        zone: "dayangbang",
        enterprise: "甲",
        taxRevenue: 7000,
        outputValue: 10,
        industryCluster: "photovoltaic",
      }),
      parcel({
        id: "B",
        zone: "dayangbang",
        enterprise: "乙",
        outputValue: 90,
        industryCluster: "garments",
      }),
      parcel({ id: "C", zone: "huangtukan", enterprise: "丙", outputValue: 50 }),
    ]),
  );
  return store;
}
const commit = (store: ReturnType<typeof freshStore>, after: TargetsFile | null, loadedFrom?: string) => {
  const e = targetsEditOf(store.getState(), after, loadedFrom);
  if (e)
    store
      .getState()
      .commitEdits(
        { code: "targets-edit", params: { targetZh: "税收总额", targetEn: "Tax revenue", what: "value" } },
        [e],
      );
  return e;
};
const taxRow = (s: AppState) => selectTargetRows(s).find((r) => r.id === "tax-revenue");

describe("targets edits in the store", () => {
  it("an edit is one step: met turns into not met; undo and redo move it back and forth", () => {
    const store = storeWithTargets();
    expect(taxRow(store.getState())).toMatchObject({ value: 7000, target: 6200, met: true });
    commit(store, withTargetNumber(BASE, "tax-revenue", "value", 8000));
    expect(store.getState().history.steps).toHaveLength(1);
    expect(taxRow(store.getState())).toMatchObject({ target: 8000, met: false });
    store.getState().undo();
    expect(taxRow(store.getState())).toMatchObject({ target: 6200, met: true });
    expect(selectTargetsFile(store.getState())).toEqual(BASE);
    store.getState().redo();
    expect(taxRow(store.getState())).toMatchObject({ target: 8000, met: false });
  });

  it("a change that ends where it began makes no step; the app's file is never changed", () => {
    const store = storeWithTargets();
    expect(targetsEditOf(store.getState(), withTargetNumber(BASE, "tax-revenue", "value", 6200))).toBeNull();
    commit(store, withTargetNumber(BASE, "tax-revenue", "value", 9000));
    expect(taxOf(BASE)).toBe(6200);
    const back = targetsEditOf(store.getState(), null);
    expect(back).toMatchObject({ kind: "targets", after: null });
    expect(taxOf((back as TargetsEdit).before)).toBe(9000);
  });

  it("reset goes back to the last loaded file, else the app's own", () => {
    const store = storeWithTargets();
    const loaded = withPlanYears(withTargetNumber(BASE, "tax-revenue", "value", 7500), {
      period: "2024-2026",
    });
    commit(store, loaded, "2026.json");
    commit(store, withTargetNumber(loaded, "tax-revenue", "value", 9999));
    expect(selectTargetsResetFile(store.getState())).toEqual({ file: loaded, name: "2026.json" });
    expect(targetsResetFile(appliedEdits(store.getState().history)).name).toBe("2026.json");
    store.getState().undo();
    store.getState().undo();
    expect(selectTargetsResetFile(store.getState())).toEqual({ file: BASE, name: null });
  });

  it("with a scenario open, a targets edit is refused: neither the base nor the scenario changes", () => {
    // The targets are the plan's, the yardstick every scenario is compared against (compare.ts
    // computes both sides against one targets file); a scenario cannot move them.
    const store = storeWithTargets();
    const id = store.getState().createScenario("方案一", null);
    const before = store.getState().history;
    expect(selectTargetsLocked(store.getState())).toBe(true);
    commit(store, withTargetNumber(BASE, "tax-revenue", "value", 8000));
    expect(store.getState().history).toBe(before);
    expect(store.getState().scenarioHistories[id]?.steps ?? []).toEqual([]);
    expect(taxOf(selectTargetsFile(store.getState()))).toBe(6200);
    // Back in the base the same edit is one step of the main history.
    store.getState().setActiveScenario(null);
    expect(selectTargetsLocked(store.getState())).toBe(false);
    commit(store, withTargetNumber(BASE, "tax-revenue", "value", 8000));
    expect(store.getState().history.steps.at(-1)?.edits[0]?.kind).toBe("targets");
    expect(taxOf(selectTargetsFile(store.getState()))).toBe(8000);
  });

  it("applyTargetsEdits: the last edit wins; after null is the base", () => {
    const a = withTargetNumber(BASE, "tax-revenue", "value", 1);
    const edits: TargetsEdit[] = [
      { kind: "targets", before: null, after: a },
      { kind: "targets", before: a, after: null },
    ];
    expect(applyTargetsEdits(BASE, edits.slice(0, 1))).toBe(a);
    expect(applyTargetsEdits(BASE, edits)).toBe(BASE);
    expect(applyTargetsEdits(null, [])).toBeNull();
  });

  it("the target filter keeps the parcels behind the target in the current analysis", () => {
    const store = storeWithTargets();
    store.getState().setFilter({ target: "leading-industry-share-dayangbang" });
    expect(selectRows(store.getState()).map((p) => p.input.id)).toEqual(["B"]);
    // the analysis changes (an edit, a scenario): the filter follows
    store
      .getState()
      .analysisSucceeded(
        result([
          parcel({ id: "B", zone: "dayangbang", outputValue: 90, industryCluster: "photovoltaic" }),
          parcel({ id: "D", zone: "dayangbang", outputValue: 5, industryCluster: "garments" }),
        ]),
      );
    expect(selectRows(store.getState()).map((p) => p.input.id)).toEqual(["D"]);
    expect([...selectTargetParcelIds(store.getState())]).toEqual(["D"]);
    store.getState().setFilter({ target: "no-such-target" });
    expect(selectRows(store.getState())).toEqual([]);
    store.getState().setFilter({ target: null });
    expect(selectRows(store.getState())).toHaveLength(2);
  });
});

describe("step names", () => {
  it("say which target and what changed, in zh and en", () => {
    const label = {
      code: "targets-edit",
      params: { targetZh: "税收总额", targetEn: "Tax revenue", what: "growthRate" },
    };
    expect(stepText(label, "zh")).toBe("修改目标「税收总额」年均增长");
    expect(stepText(label, "en")).toBe("edit target “Tax revenue” growth rate");
    expect(stepText({ code: "targets-plan", params: { what: "period" } }, "zh")).toBe("修改规划期");
    expect(stepText({ code: "targets-load", params: { file: "t.json" } }, "en")).toBe(
      "load targets file t.json",
    );
    expect(stepText({ code: "targets-reset", params: {} }, "zh")).toBe("目标恢复为文件值");
    const h: EditHistory = {
      steps: [{ id: "1", at: "2026-12-01T00:00:00.000Z", label, edits: [] }],
      applied: 1,
    };
    expect(undoText(undoStep(h), "zh")).toBe("撤销：修改目标「税收总额」年均增长");
  });
});

describe("targets edits read back", () => {
  const step = (edit: unknown) => ({
    steps: [
      { id: "1", at: "2026-12-01T00:00:00.000Z", label: { code: "targets-edit", params: {} }, edits: [edit] },
    ],
    applied: 1,
  });
  it("keeps a valid one and refuses one whose file the app would not load, naming it", () => {
    const good = { kind: "targets", before: null, after: withTargetNumber(BASE, "tax-revenue", "value", 1) };
    expect(readHistory(step(good)).history?.steps).toHaveLength(1);
    const bad = { kind: "targets", before: null, after: { targets: [{ id: "x" }] } };
    const r = readHistory(step(bad));
    expect(r.history?.steps).toHaveLength(0);
    expect(r.problems[0]?.params).toMatchObject({ step: 1, reason: "edits[0].after" });
    const badName = { ...good, loadedFrom: 3 };
    expect(readHistory(step(badName)).problems[0]?.params).toMatchObject({ reason: "edits[0].loadedFrom" });
  });

  it("round-trips through a project file: the targets in force are the same after opening it", () => {
    const store = storeWithTargets();
    const changed = withPlanYears(withTargetNumber(BASE, "tax-revenue", "growthRate", 0.1), {
      baseYear: 2019,
    });
    commit(store, changed);
    const content = '{"type":"FeatureCollection","features":[]}';
    const fp = sha256Hex(new TextEncoder().encode(content));
    const text = writeProjectFile({
      savedAt: "2026-12-01T22:00:00.000Z",
      dataset: { fileName: "p.geojson", fingerprint: fp, content, synthetic: false },
      earlierDatasets: [],
      history: store.getState().history,
      standards: null,
      settings: { asOf: null, asOfUserSet: false, selection: [], view: null, ui: {} },
    });
    const read = readProjectFile(text, "p.jiyue.json");
    expect(read.problems).toEqual([]);
    const reopened = freshStore();
    reopened.getState().setTargets(BASE as unknown as Record<string, unknown>);
    reopened.getState().setHistory(read.project?.history ?? { steps: [], applied: 0 });
    expect(selectTargetsFile(reopened.getState())).toEqual(changed);
    expect(selectTargetsFile(reopened.getState())?.baseYear).toBe(2019);
  });
});
