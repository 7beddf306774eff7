// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../../src/state/store";
import { ProblemsPanel } from "../../../src/ui/ProblemsPanel";
import { dataset } from "../state/helpers";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let el: HTMLElement;
beforeEach(() => {
  resetAppStore();
  el = document.createElement("div");
  document.body.appendChild(el);
  root = createRoot(el);
});
afterEach(() => {
  act(() => root.unmount());
  el.remove();
});
const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("import problems panel", () => {
  it("nothing to show without problems", () => {
    act(() => useAppStore.getState().setDataset(dataset()));
    act(() => root.render(<ProblemsPanel />));
    expect(q("problems.panel")).toBeNull();
  });

  it("lists each problem as a sentence naming the feature, collapsed until opened", () => {
    act(() =>
      useAppStore.getState().setDataset(
        dataset({
          fileName: "地块.geojson",
          featureCount: 3,
          problems: [
            {
              severity: "warning",
              code: "negative-value",
              file: "地块.geojson",
              featureIndex: 2,
              featureId: "P-3",
              field: "税收",
              params: { raw: "-5" },
            },
          ],
        }),
      ),
    );
    act(() => root.render(<ProblemsPanel />));
    expect(q("problems.list")).toBeNull();
    act(() => q("problems.toggle")?.click());
    const text = q("problems.list")?.textContent ?? "";
    expect(text).toContain("P-3");
    expect(text).toContain("税收");
  });

  it("a rejected file is shown open, with why, and names the file", () => {
    act(() =>
      useAppStore.getState().setRejectedFile({
        fileName: "bad.geojson",
        problems: [{ severity: "error", code: "not-json", fatal: true, file: "bad.geojson" }],
      }),
    );
    act(() => root.render(<ProblemsPanel />));
    expect(q("problems.rejected")?.textContent).toContain("bad.geojson");
    expect(q("problems.list")?.textContent?.length).toBeGreaterThan(0);
  });
});
