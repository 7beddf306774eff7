// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { IndicatorPanel } from "../../../src/ui/IndicatorPanel";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
beforeEach(() => {
  act(() => dom.root.render(<IndicatorPanel />));
});
const q = <T extends HTMLElement>(id: string) => dom.el.querySelector<T>(`[data-testid="${id}"]`);
function change(node: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = node instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(node, value);
    node.dispatchEvent(new Event(node instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
}

describe("indicator panel", () => {
  it("the 亩/公顷 switch shows only for numeric indicators (categories have no per-land values)", () => {
    expect(q("unit.switch")).toBeNull();
    change(q<HTMLSelectElement>("indicator.select") as HTMLSelectElement, "taxPerMu");
    expect(q("unit.switch")).not.toBeNull();
    change(q<HTMLSelectElement>("indicator.select") as HTMLSelectElement, "efficiencyClass");
    expect(q("unit.switch")).toBeNull();
  });

  it("offers every indicator of the brief, land use first", () => {
    const options = [...(q<HTMLSelectElement>("indicator.select")?.options ?? [])].map((o) => o.value);
    expect(options[0]).toBe("landUse");
    for (const k of [
      "investmentPerMu",
      "far",
      "buildingCoverage",
      "greenRatio",
      "outputPerMu",
      "taxPerMu",
      "valueAddedPerMu",
      "laborProductivity",
      "energyProductivity",
      "rdIntensity",
      "efficiencyClass",
      "idleStatus",
    ])
      expect(options).toContain(k);
  });

  it("classification controls appear for numeric indicators only", () => {
    expect(q("classify.method")).toBeNull();
    change(q<HTMLSelectElement>("indicator.select") as HTMLSelectElement, "taxPerMu");
    expect(useAppStore.getState().indicator).toBe("taxPerMu");
    expect(q("classify.method")).not.toBeNull();
  });

  it("manual breaks typed in 万元/公顷 are stored in 万元/亩", () => {
    act(() => {
      useAppStore.getState().setIndicator("taxPerMu");
      useAppStore.getState().setUnit("ha");
    });
    change(q<HTMLSelectElement>("classify.method") as HTMLSelectElement, "manual");
    const input = q<HTMLInputElement>("classify.breaks") as HTMLInputElement;
    change(input, "600，300");
    act(() => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    expect(useAppStore.getState().classifications.taxPerMu).toMatchObject({
      method: "manual",
      manualBreaks: [20, 40],
    });
  });
});
