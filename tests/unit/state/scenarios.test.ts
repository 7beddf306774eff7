import type { Polygon } from "geojson";
import { afterEach, describe, expect, it, vi } from "vitest";
import { planarAreaM2, transformGeometry } from "../../../src/domain/area";
import { makeTransform, WGS84 } from "../../../src/domain/crs";
import { appliedEdits, facilityEdits, undoStep } from "../../../src/domain/edits";
import type { PlanFacility } from "../../../src/domain/facilities";
import { reassignEdit, recoverEdit, scenarioList } from "../../../src/domain/scenarios";
import type { PreparedParcel } from "../../../src/domain/types";
import { sha256Hex } from "../../../src/io/fingerprint";
import { type Project, readProjectFile, writeProjectFile } from "../../../src/io/project-file";
import { connectCompare } from "../../../src/state/compare";
import { connectEngine } from "../../../src/state/engine";
import {
  activeScenarioId,
  SCENARIO_STEP,
  selectRedoStep,
  selectScenarioEdits,
  selectScenarios,
  selectUndoStep,
} from "../../../src/state/slices/scenarios";
import { InlineBackend } from "../../../src/worker/inline";
import { dataset, freshStore, STANDARDS } from "./helpers";

const toPlane = makeTransform(WGS84, "EPSG:4546");
function rect(x: number, y: number): Polygon {
  const w = 0.001;
  return {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x + w, y],
        [x + w, y + w],
        [x, y + w],
        [x, y],
      ],
    ],
  };
}
const prepared = (id: string, x: number, input: Partial<PreparedParcel["input"]>): PreparedParcel => {
  const geometry = rect(x, 30.6);
  return {
    input: { id, zone: "huangtukan", landUse: "100101", ...input },
    geometry,
    areaM2: planarAreaM2(transformGeometry(geometry, toPlane)),
    extra: {},
  };
};
const IDLE = prepared("IDLE", 109.8, {
  enterprise: "旧企业",
  landStatus: "supplied",
  constructionStatus: "not-started",
  supplyDate: "2020-01-01",
  agreedStartDate: "2021-01-01",
  taxRevenue: 0,
});
const FIRM = prepared("FIRM", 109.81, {
  enterprise: "乙",
  taxRevenue: 100,
  constructionStatus: "in-production",
});
const PARCELS = [IDLE, FIRM];

const EMPTY_FP = sha256Hex(new TextEncoder().encode("{}"));
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A project file's content holding the store's history and scenarios (with an empty dataset). */
function projectOf(s: ReturnType<ReturnType<typeof freshStore>["getState"]>): Project {
  return {
    savedAt: "2026-12-02T00:00:00.000Z",
    dataset: { fileName: "p.geojson", fingerprint: EMPTY_FP, content: "{}", synthetic: true },
    earlierDatasets: [],
    history: s.history,
    standards: null,
    settings: { asOf: null, asOfUserSet: false, selection: [], view: null, ui: {} },
    scenarios: { histories: s.scenarioHistories, active: s.activeScenario },
  };
}

function setup() {
  const store = freshStore();
  const backend = new InlineBackend();
  const engine = connectEngine(store, backend);
  store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
  store.getState().setDataset(dataset({ parcels: PARCELS, parcelCount: 2, surveyDate: "2026-06-30" }));
  return { store, backend, engine };
}

const NEW_PROJECT = {
  enterprise: "硒谷食品",
  fixedInvestment: 9000,
  taxRevenue: 450,
  agreedStartDate: "2027-01-01",
};

describe("scenarios in the store", () => {
  it("make, rename, delete are steps of the main history; undo brings a deleted scenario back with its edits", () => {
    const store = freshStore();
    const id = store.getState().createScenario("方案一", null);
    expect(activeScenarioId(store.getState())).toBe(id);
    store
      .getState()
      .commitScenarioEdits({ code: SCENARIO_STEP.recover, params: { parcelId: "IDLE" } }, [
        recoverEdit(IDLE.input),
      ]);
    // In the scenario, undo works on its own history.
    expect(selectUndoStep(store.getState())?.label.code).toBe(SCENARIO_STEP.recover);
    store.getState().renameScenario(id, "收回方案");
    store.getState().deleteScenario(id);
    expect(selectScenarios(store.getState())).toEqual([]);
    expect(store.getState().activeScenario).toBeNull();
    // Now in the base: undo takes back the deletion.
    expect(selectUndoStep(store.getState())?.label.code).toBe(SCENARIO_STEP.delete);
    store.getState().undo();
    expect(selectScenarios(store.getState()).map((m) => m.name)).toEqual(["收回方案"]);
    expect(selectScenarioEdits(store.getState(), id)).toHaveLength(1);
    store.getState().undo();
    expect(selectScenarios(store.getState()).map((m) => m.name)).toEqual(["方案一"]);
  });

  it("Ctrl+Z in a scenario undoes only that scenario's last edit; the base history is untouched", () => {
    const store = freshStore();
    const a = store.getState().createScenario("A", null);
    store.getState().commitScenarioEdits({ code: "x", params: {} }, [recoverEdit(IDLE.input)]);
    const b = store.getState().createScenario("B", null);
    store.getState().commitScenarioEdits({ code: "y", params: {} }, [reassignEdit(IDLE.input, NEW_PROJECT)]);
    store.getState().setActiveScenario(a);
    const main = store.getState().history;
    store.getState().undo();
    expect(selectScenarioEdits(store.getState(), a)).toEqual([]);
    expect(selectScenarioEdits(store.getState(), b)).toHaveLength(1);
    expect(store.getState().history).toBe(main);
    store.getState().redo();
    expect(selectScenarioEdits(store.getState(), a)).toHaveLength(1);
  });

  describe("a base edit made in a scenario (a facility placed)", () => {
    afterEach(() => vi.useRealTimers());
    const KG: PlanFacility = {
      id: "K1",
      kind: "kindergarten",
      status: "planned",
      geometry: { type: "Point", coordinates: [109.8, 30.6] },
    };
    const placed = [{ kind: "facility" as const, facilityId: "K1", before: null, after: KG }];
    const at = (t: string) => vi.setSystemTime(new Date(`2026-12-02T10:00:${t}.000Z`));

    it("lands in the base, and Ctrl+Z there takes it back in turn with the scenario's steps", () => {
      vi.useFakeTimers();
      const store = freshStore();
      at("00");
      const a = store.getState().createScenario("A", null);
      at("01");
      store.getState().commitScenarioEdits({ code: "x", params: {} }, [recoverEdit(IDLE.input)]);
      at("02");
      store.getState().commitEdits({ code: "place", params: {} }, placed);
      at("03");
      store
        .getState()
        .commitScenarioEdits({ code: "y", params: {} }, [reassignEdit(FIRM.input, NEW_PROJECT)]);
      // The facility is the base's (every scenario sees it), tagged with the scenario it was placed in.
      expect(facilityEdits(store.getState().history)).toHaveLength(1);
      expect(undoStep(store.getState().history)?.openScenario).toBe(a);
      expect(selectScenarioEdits(store.getState(), a)).toHaveLength(2);
      // Undo: the latest first — y (scenario), then the facility (base), then x (scenario).
      expect(selectUndoStep(store.getState())?.label.code).toBe("y");
      store.getState().undo();
      expect(selectUndoStep(store.getState())?.label.code).toBe("place");
      store.getState().undo();
      expect(facilityEdits(store.getState().history)).toHaveLength(0);
      expect(selectScenarioEdits(store.getState(), a)).toHaveLength(1);
      expect(selectUndoStep(store.getState())?.label.code).toBe("x");
      store.getState().undo();
      expect(selectScenarioEdits(store.getState(), a)).toHaveLength(0);
      // The scenario itself is not undone from inside it (its making was not done here).
      expect(selectUndoStep(store.getState())).toBeUndefined();
      expect(selectScenarios(store.getState())).toHaveLength(1);
      // Redo: the earliest first — x, the facility, y.
      expect(selectRedoStep(store.getState())?.label.code).toBe("x");
      store.getState().redo();
      expect(selectRedoStep(store.getState())?.label.code).toBe("place");
      store.getState().redo();
      expect(facilityEdits(store.getState().history)).toHaveLength(1);
      expect(selectRedoStep(store.getState())?.label.code).toBe("y");
      store.getState().redo();
      expect(selectScenarioEdits(store.getState(), a)).toHaveLength(2);
      expect(selectRedoStep(store.getState())).toBeUndefined();
    });

    it("in another scenario or in the base, it is the base's step as any other", () => {
      vi.useFakeTimers();
      const store = freshStore();
      at("00");
      const a = store.getState().createScenario("A", null);
      at("01");
      store.getState().commitEdits({ code: "place", params: {} }, placed);
      at("02");
      const b = store.getState().createScenario("B", null);
      at("03");
      store.getState().commitScenarioEdits({ code: "y", params: {} }, [recoverEdit(IDLE.input)]);
      // In B, undo is B's own edit, then nothing: the base's last step (B's making) is not B's work.
      expect(activeScenarioId(store.getState())).toBe(b);
      expect(selectUndoStep(store.getState())?.label.code).toBe("y");
      store.getState().undo();
      expect(selectUndoStep(store.getState())).toBeUndefined();
      // In A, the base's last step is B's making, not A's work: nothing to undo there either.
      store.getState().setActiveScenario(a);
      expect(selectUndoStep(store.getState())).toBeUndefined();
      // In the base: B's making, then the facility.
      store.getState().setActiveScenario(null);
      expect(selectUndoStep(store.getState())?.label.code).toBe(SCENARIO_STEP.create);
      store.getState().undo();
      expect(selectUndoStep(store.getState())?.label.code).toBe("place");
    });

    it("the scenario it was placed in survives a project file round trip", () => {
      const store = freshStore();
      const a = store.getState().createScenario("A", null);
      store.getState().commitEdits({ code: "place", params: {} }, placed);
      const project = projectOf(store.getState());
      const r = readProjectFile(writeProjectFile(project), "p.jiyue.json");
      expect(r.problems).toEqual([]);
      expect(undoStep(r.project?.history ?? { steps: [], applied: 0 })?.openScenario).toBe(a);
    });
  });

  it("a field corrected in a scenario goes into the scenario, not the base", () => {
    const store = freshStore();
    const id = store.getState().createScenario("A", null);
    const main = store.getState().history;
    store
      .getState()
      .commitEdits({ code: "edit-field", params: {} }, [
        { kind: "parcel-field", parcelId: "FIRM", field: "taxRevenue", before: 100, after: 150 },
      ]);
    expect(store.getState().history).toBe(main);
    expect(selectScenarioEdits(store.getState(), id)).toHaveLength(1);
  });

  it("a scenario made from another starts with that scenario's edits (a copy)", () => {
    const store = freshStore();
    const a = store.getState().createScenario("A", null);
    store.getState().commitScenarioEdits({ code: "x", params: {} }, [recoverEdit(IDLE.input)]);
    const b = store.getState().createScenario("A 的副本", a);
    expect(selectScenarioEdits(store.getState(), b)).toEqual(selectScenarioEdits(store.getState(), a));
    store.getState().setActiveScenario(a);
    store.getState().undo();
    expect(selectScenarioEdits(store.getState(), b)).toHaveLength(1);
  });
});

describe("analysis of the open scenario", () => {
  it("the result follows the open scenario; the base result is the same when switching back", async () => {
    const { store, engine } = setup();
    await flush();
    const baseResult = store.getState().result;
    expect(baseResult?.parcels.find((p) => p.input.id === "IDLE")?.input.enterprise).toBe("旧企业");
    store.getState().createScenario("新项目", null);
    store.getState().commitScenarioEdits({ code: "x", params: {} }, [reassignEdit(IDLE.input, NEW_PROJECT)]);
    await flush();
    const s = store.getState();
    expect(s.resultScenario).toBe(s.activeScenario);
    expect(s.byId.get("IDLE")?.input).toMatchObject({ enterprise: "硒谷食品", taxRevenue: 450 });
    expect(s.byId.get("IDLE")?.edited?.enterprise).toBe("旧企业");
    // The imported parcels are untouched.
    expect(IDLE.input.enterprise).toBe("旧企业");
    store.getState().setActiveScenario(null);
    await flush();
    expect(store.getState().resultScenario).toBeNull();
    expect(store.getState().result).toBe(baseResult);
    engine.dispose();
  });

  it("compare with the base: the tax target and the zone figures move by exactly the new project's tax", async () => {
    const { store, backend, engine } = setup();
    store.setState({
      targets: {
        name: "t",
        period: "2023",
        source: "s",
        targets: [
          {
            id: "tax",
            zh: "税收",
            en: "Tax",
            metric: "tax-total",
            value: 6200,
            unit: "wan-yuan",
            comparison: ">=",
            source: "x",
          },
        ],
      },
      mode: "scenarios",
    });
    const cmp = connectCompare(store, backend);
    const id = store.getState().createScenario("新项目", null);
    store.getState().commitScenarioEdits({ code: "x", params: {} }, [reassignEdit(IDLE.input, NEW_PROJECT)]);
    store.getState().setCompare({ a: null, b: id });
    await flush();
    const c = store.getState().comparison;
    expect(c?.targets[0]).toMatchObject({ id: "tax", a: 100, b: 550, delta: 450 });
    expect(c?.figures.find((f) => f.zone === "all" && f.figure === "fixedInvestment")?.delta).toBe(9000);
    expect(c?.parcels.map((p) => p.id)).toEqual(["IDLE"]);
    cmp.dispose();
    engine.dispose();
  });
});

describe("scenarios in a project file", () => {
  it("round trip: the list (in the history) and each scenario's own history come back the same", () => {
    const store = freshStore();
    const id = store.getState().createScenario("方案一", null);
    store.getState().commitScenarioEdits({ code: SCENARIO_STEP.reassign, params: { parcelId: "IDLE" } }, [
      reassignEdit(IDLE.input, NEW_PROJECT),
      {
        kind: "scenario-split",
        parcelId: "FIRM",
        line: [
          [109.8105, 30.599],
          [109.8105, 30.602],
        ],
        ids: ["FIRM-1", "FIRM-2"],
      },
      { kind: "scenario-merge", parcelIds: ["FIRM-1", "IDLE"], id: "FIRM-1+IDLE" },
      {
        kind: "scenario-standard",
        level: "defaults",
        key: null,
        bound: "min",
        indicator: "taxPerMu",
        before: null,
        after: 15,
      },
    ]);
    const s = store.getState();
    const project = projectOf(s);
    const r = readProjectFile(writeProjectFile(project), "p.jiyue.json");
    expect(r.problems).toEqual([]);
    if (!r.project) throw new Error("project not read");
    expect(r.project.scenarios).toEqual(project.scenarios);
    expect(scenarioList(appliedEdits(r.project.history))).toEqual(selectScenarios(s));
    // A fresh store restored from it has the same scenario and edits.
    const back = freshStore();
    back.getState().setHistory(r.project.history);
    back.getState().setScenarioWork(r.project.scenarios as NonNullable<Project["scenarios"]>);
    expect(activeScenarioId(back.getState())).toBe(id);
    expect(selectScenarioEdits(back.getState(), id)).toEqual(selectScenarioEdits(s, id));
  });

  it("a bad scenario edit in a file is named, and the history is kept up to it", () => {
    const r = readProjectFile(
      JSON.stringify({
        format: "jiyue-project",
        schemaVersion: 1,
        dataset: {
          fileName: "p.geojson",
          fingerprint: EMPTY_FP,
          encoding: "text",
          content: "{}",
          synthetic: true,
        },
        scenarios: {
          active: null,
          histories: {
            s1: {
              applied: 1,
              steps: [
                {
                  id: "1",
                  at: "2026-12-01T00:00:00Z",
                  label: { code: "x" },
                  edits: [{ kind: "scenario-split", parcelId: "A", line: [[500, 1]], ids: ["a", "b"] }],
                },
              ],
            },
          },
        },
      }),
      "bad.jiyue.json",
    );
    const all = JSON.stringify(r.problems);
    expect(all).toContain("edits[0].line");
  });
});
