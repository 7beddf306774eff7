// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../../src/state/store";
import { Legend } from "../../../src/ui/Legend";
import { parcel, result } from "../state/helpers";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let el: HTMLElement;
beforeEach(() => {
  resetAppStore();
  el = document.createElement("div");
  document.body.appendChild(el);
  root = createRoot(el);
  act(() => {
    useAppStore
      .getState()
      .analysisSucceeded(
        result([parcel({ id: "A", landUse: "100101" }), parcel({ id: "B", landUse: "1101" })]),
      );
  });
  act(() => root.render(<Legend />));
});
afterEach(() => {
  act(() => root.unmount());
  el.remove();
});

const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
function edit(index: number, text: string, key: "Enter" | "Escape") {
  act(() => q(`legend.label.${index}`)?.click());
  const input = q(`legend.input.${index}`) as HTMLInputElement;
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    setter?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  act(() => {
    input.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  });
}

describe("legend labels", () => {
  it("shows each class with its count", () => {
    expect(q("legend.label.0")?.textContent).toBe("工业用地");
    expect(q("legend.count.0")?.textContent).toBe("1 宗");
  });

  it("click to edit, Enter saves to the store", () => {
    edit(0, "工业", "Enter");
    expect(q("legend.label.0")?.textContent).toBe("工业");
    expect(useAppStore.getState().classifications.landUse?.labels).toEqual({ 0: "工业" });
  });

  it("Escape cancels the edit", () => {
    edit(1, "随便", "Escape");
    expect(q("legend.label.1")?.textContent).toBe("物流仓储用地");
    expect(useAppStore.getState().classifications.landUse).toBeUndefined();
  });

  it("an empty label restores the default", () => {
    edit(0, "工业", "Enter");
    edit(0, "", "Enter");
    expect(q("legend.label.0")?.textContent).toBe("工业用地");
  });
});
