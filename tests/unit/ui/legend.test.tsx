// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { flagPatterns, PATTERN_IDLE, PATTERN_UNDER, patternDataUrl } from "../../../src/map/patterns";
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

describe("flag overlay key", () => {
  const swatch = (flag: string) => q(`legend.flagSwatch.${flag}`)!;
  const tile = (theme: "default" | "projector", id: string) => patternDataUrl(flagPatterns(theme)[id]!);

  it("underperforming land shows the map's cross-hatch, idle land the map's diagonals, both outlined", () => {
    expect(swatch("under").style.backgroundImage).toContain(tile("default", PATTERN_UNDER));
    expect(swatch("idle").style.backgroundImage).toContain(tile("default", PATTERN_IDLE));
    expect(tile("default", PATTERN_UNDER)).not.toBe(tile("default", PATTERN_IDLE));
    expect(swatch("under").style.backgroundSize).toBe("12px 12px");
    expect(swatch("under").style.border).toContain("solid");
    expect(swatch("idle").style.border).toContain("solid");
    // The words say the same as the key.
    expect(dom.el.querySelector(".legend--flags")?.textContent).toContain("低效用地（交叉线）");
    expect(dom.el.querySelector(".legend--flags")?.textContent).not.toContain("描边");
  });

  it("follows the theme: the projector's bolder tile", () => {
    act(() => useAppStore.getState().setTheme("projector"));
    expect(swatch("under").style.backgroundImage).toContain(tile("projector", PATTERN_UNDER));
    expect(swatch("under").style.backgroundSize).toBe("16px 16px");
  });
});
