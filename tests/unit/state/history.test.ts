import { describe, expect, it } from "vitest";
import { type Edit, parcelEdits } from "../../../src/domain/edits";
import { commitEditsUpdater, newStepId } from "../../../src/state/slices/history";
import { freshStore } from "./helpers";

const edit = (after: number, before: number | null = null): Edit => ({
  kind: "parcel-field",
  parcelId: "HTK-012",
  field: "fixedInvestment",
  before,
  after,
});
const label = { code: "edit-field", params: { parcelId: "HTK-012", field: "fixedInvestment" } };

describe("history slice", () => {
  it("starts empty", () => {
    const s = freshStore().getState();
    expect(s.history).toEqual({ steps: [], applied: 0 });
  });

  it("commitEdits adds one step with a unique id, the label and the time as ISO", () => {
    const store = freshStore();
    store.getState().commitEdits(label, [edit(1500, 1000)]);
    store.getState().commitEdits(label, [edit(1600, 1500)]);
    const h = store.getState().history;
    expect(h.applied).toBe(2);
    expect(h.steps).toHaveLength(2);
    const [a, b] = h.steps;
    expect(a?.id).not.toBe(b?.id);
    expect(a?.label).toEqual(label);
    expect(a?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(a?.edits).toEqual([edit(1500, 1000)]);
  });

  it("a step's time is the given now", () => {
    const store = freshStore();
    const now = new Date("2026-12-01T21:30:00.000Z");
    const patch = commitEditsUpdater(store.getState(), label, [edit(1)], now);
    expect(patch.history?.steps[0]?.at).toBe("2026-12-01T21:30:00.000Z");
  });

  it("no edits: no step", () => {
    const store = freshStore();
    const before = store.getState().history;
    store.getState().commitEdits(label, []);
    expect(store.getState().history).toBe(before);
  });

  it("a grouped step undoes and redoes as one", () => {
    const store = freshStore();
    const bulk: Edit[] = [
      edit(1),
      { kind: "parcel-field", parcelId: "DYB-001", field: "taxRevenue", before: 5, after: 7 },
    ];
    store.getState().commitEdits({ code: "bulk", params: { count: 2 } }, bulk);
    expect(parcelEdits(store.getState().history)).toHaveLength(2);
    store.getState().undo();
    expect(parcelEdits(store.getState().history)).toHaveLength(0);
    store.getState().redo();
    expect(parcelEdits(store.getState().history)).toEqual(bulk);
  });

  it("undo and redo move through the steps; at either end they change nothing", () => {
    const store = freshStore();
    const { commitEdits } = store.getState();
    commitEdits(label, [edit(1)]);
    commitEdits(label, [edit(2, 1)]);
    store.getState().undo();
    expect(store.getState().history.applied).toBe(1);
    expect(parcelEdits(store.getState().history).map((e) => e.after)).toEqual([1]);
    store.getState().undo();
    const atStart = store.getState().history;
    store.getState().undo();
    expect(store.getState().history).toBe(atStart);
    store.getState().redo();
    store.getState().redo();
    const atEnd = store.getState().history;
    expect(atEnd.applied).toBe(2);
    store.getState().redo();
    expect(store.getState().history).toBe(atEnd);
  });

  it("a new step after an undo drops the redo steps", () => {
    const store = freshStore();
    store.getState().commitEdits(label, [edit(1)]);
    store.getState().commitEdits(label, [edit(2, 1)]);
    store.getState().undo();
    store.getState().commitEdits(label, [edit(3, 1)]);
    const h = store.getState().history;
    expect(h.steps.map((s) => s.edits[0]?.kind === "parcel-field" && s.edits[0].after)).toEqual([1, 3]);
    expect(h.applied).toBe(2);
  });

  it("setHistory restores a stored history (clamping a bad applied mark)", () => {
    const a = freshStore();
    a.getState().commitEdits(label, [edit(1)]);
    a.getState().commitEdits(label, [edit(2, 1)]);
    a.getState().undo();
    const stored = JSON.parse(JSON.stringify(a.getState().history));
    const b = freshStore();
    b.getState().setHistory(stored);
    expect(b.getState().history).toEqual(a.getState().history);
    b.getState().redo();
    expect(b.getState().history.applied).toBe(2);
    b.getState().setHistory({ steps: stored.steps, applied: 9 });
    expect(b.getState().history.applied).toBe(2);
    b.getState().setHistory({ steps: stored.steps, applied: -1 });
    expect(b.getState().history.applied).toBe(0);
  });

  it("step ids differ", () => {
    const ids = new Set(Array.from({ length: 100 }, () => newStepId()));
    expect(ids.size).toBe(100);
  });
});

describe("step labels", () => {
  it("name the step in each language, with the field's label", async () => {
    const { stepText, undoText, redoText } = await import("../../../src/i18n/edits");
    const { bulkEditStep, fieldEditStep } = await import("../../../src/domain/edits");
    const one = fieldEditStep("HTK-012", "fixedInvestment", 1000, 1200);
    expect(stepText(one.label, "zh")).toBe("修改 HTK-012 累计固定资产投资");
    expect(stepText(one.label, "en")).toBe("edit HTK-012 Fixed investment");
    const store = freshStore();
    store.getState().commitEdits(one.label, one.edits);
    const step = store.getState().history.steps[0];
    expect(undoText(step, "zh")).toBe("撤销：修改 HTK-012 累计固定资产投资");
    expect(undoText(step, "en")).toBe("Undo: edit HTK-012 Fixed investment");
    expect(redoText(undefined, "zh")).toBe("没有可重做的操作");
    const back = fieldEditStep("HTK-012", "taxRevenue", 5, 3, true);
    expect(stepText(back.label, "zh")).toBe("恢复 HTK-012 税收 原值");
    const bulk = bulkEditStep([
      ...fieldEditStep("A", "taxRevenue", 1, 2).edits,
      ...fieldEditStep("A", "outputValue", 1, 2).edits,
      ...fieldEditStep("B", "taxRevenue", 1, 2).edits,
    ]);
    expect(stepText(bulk.label, "zh")).toBe("批量修改 2 宗地块（3 处）");
    expect(stepText(bulk.label, "en")).toBe("bulk edit of 2 parcels (3 values)");
    // A kind of step this version does not know still has a name.
    expect(stepText({ code: "from-the-future", params: {} }, "en")).toBe("change");
  });
});
