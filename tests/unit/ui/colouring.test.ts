import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../../src/state/store";
import { pendingBreakTasks, selectColouring, selectLegend } from "../../../src/ui/colouring";
import { parcel, result } from "../state/helpers";

function load(values: (number | null)[]) {
  useAppStore
    .getState()
    .analysisSucceeded(
      result(
        values.map((v, i) => parcel({ id: `P${i}`, landUse: i % 2 ? "1101" : "100101" }, { taxPerMu: v })),
      ),
    );
}

describe("colouring and legend", () => {
  beforeEach(() => resetAppStore());

  it("default: land-use groups, only groups present in the legend, with counts", () => {
    load([1, 2, 3]);
    const c = selectColouring(useAppStore.getState());
    expect(c).toMatchObject({ kind: "categorical", field: "landUseGroup" });
    const legend = selectLegend(useAppStore.getState());
    expect(legend.classes.map((k) => [k.label, k.count])).toEqual([
      ["工业用地", 2],
      ["物流仓储用地", 1],
    ]);
  });

  it("a numeric indicator: graduated breaks in data units, no-data counted apart, unit in the legend", () => {
    load([10, 20, 30, 40, null]);
    useAppStore.getState().setIndicator("taxPerMu");
    useAppStore.getState().setClassMethod("equal");
    useAppStore.getState().setClassCount(3);
    const s = useAppStore.getState();
    const c = selectColouring(s);
    expect(c.kind).toBe("graduated");
    if (c.kind !== "graduated") return;
    expect(c.breaks).toEqual([20, 30]);
    expect(c.colors).toHaveLength(3);
    const legend = selectLegend(s);
    expect(legend.unit).toBe("万元/亩");
    expect(legend.classes.map((k) => k.count)).toEqual([1, 1, 2]);
    expect(legend.classes.map((k) => k.label)).toEqual(["< 20.00", "20.00 – 30.00", "≥ 30.00"]);
    expect(legend.noData?.count).toBe(1);
  });

  it("the 公顷 switch changes legend labels (×15) but not the map breaks", () => {
    load([10, 20, 30, 40]);
    useAppStore.getState().setIndicator("taxPerMu");
    useAppStore.getState().setClassMethod("equal");
    useAppStore.getState().setClassCount(3);
    const before = selectColouring(useAppStore.getState());
    useAppStore.getState().setUnit("ha");
    const s = useAppStore.getState();
    expect(selectColouring(s)).toBe(before);
    expect(selectLegend(s).unit).toBe("万元/公顷");
    expect(selectLegend(s).classes[0]?.label).toBe("< 300.00");
  });

  it("an edited label shows in the legend and does not change the colouring object", () => {
    load([10, 20, 30, 40]);
    useAppStore.getState().setIndicator("taxPerMu");
    const before = selectColouring(useAppStore.getState());
    useAppStore.getState().setLegendLabel(0, "低效");
    const s = useAppStore.getState();
    expect(selectLegend(s).classes[0]).toMatchObject({ label: "低效", edited: true });
    expect(selectColouring(s)).toBe(before);
  });

  it("efficiency class: A–D categories, parcels not evaluated as no data", () => {
    useAppStore
      .getState()
      .analysisSucceeded(
        result([
          parcel({ id: "a" }, { efficiencyClass: "A" }),
          parcel({ id: "b" }, { efficiencyClass: null }),
        ]),
      );
    useAppStore.getState().setIndicator("efficiencyClass");
    const legend = selectLegend(useAppStore.getState());
    expect(legend.classes.map((c) => c.count)).toEqual([1, 0, 0, 0]);
    expect(legend.noData).toMatchObject({ label: "未评价", count: 1 });
  });

  it("idle-time precomputation: one task per numeric indicator not yet classified, none after running them", () => {
    load([10, 20, 30, 40]);
    useAppStore.getState().setIndicator("taxPerMu");
    selectColouring(useAppStore.getState()); // taxPerMu is now classified
    const tasks = pendingBreakTasks(useAppStore.getState());
    expect(tasks.length).toBe(15);
    for (const t of tasks) t();
    expect(pendingBreakTasks(useAppStore.getState())).toHaveLength(0);
    useAppStore.getState().setIndicator("far");
    useAppStore.getState().setClassCount(3);
    expect(pendingBreakTasks(useAppStore.getState())).toHaveLength(1);
  });
});
