// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { Legend } from "../../../src/ui/Legend";
import { parcel, result } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
beforeEach(() => {
  act(() => {
    useAppStore
      .getState()
      .analysisSucceeded(
        result([parcel({ id: "A", landUse: "100101" }), parcel({ id: "B", landUse: "1101" })]),
      );
  });
  act(() => dom.root.render(<Legend />));
});

const q = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
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
