// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { flagPatterns, PATTERN_IDLE, PATTERN_UNDER, patternDataUrl } from "../../../src/map/patterns";
import { selectRows } from "../../../src/state/selectors";
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
  act(() => q(`legend.rename.${index}`)?.click());
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

  it("a click on a class does not open a rename box", () => {
    act(() => q("legend.label.0")?.click());
    expect(q("legend.input.0")).toBeNull();
  });

  it("renames through an explicit ✎ button with an accessible name", () => {
    const btn = q("legend.rename.0");
    expect(btn?.tagName).toBe("BUTTON");
    expect(btn?.getAttribute("aria-label")).toBe("重命名图例「工业用地」");
  });

  it("✎ then Enter saves to the store", () => {
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

describe("legend class filter", () => {
  it("a click shows only that class in the table filter (map and table follow); a second click shows all", () => {
    act(() => q("legend.filter.1")?.click());
    expect(useAppStore.getState().filter.landUseGroup).toBe("logistics");
    expect(selectRows(useAppStore.getState()).map((p) => p.input.id)).toEqual(["B"]);
    expect(q("legend.filter.1")?.getAttribute("aria-pressed")).toBe("true");
    expect(q("legend.filter.0")?.getAttribute("aria-pressed")).toBe("false");
    act(() => q("legend.filter.1")?.click());
    expect(useAppStore.getState().filter.landUseGroup).toBeNull();
    expect(selectRows(useAppStore.getState())).toHaveLength(2);
  });

  it("a numeric class filters by its value range (lower bound in, upper bound out)", () => {
    act(() => {
      useAppStore
        .getState()
        .analysisSucceeded(
          result([
            parcel({ id: "A" }, { far: 0.5 }),
            parcel({ id: "B" }, { far: 1.0 }),
            parcel({ id: "C" }, { far: 2.0 }),
            parcel({ id: "D" }, { far: null }),
          ]),
        );
      useAppStore.getState().setIndicator("far");
      useAppStore.getState().setManualBreaks([1.0]);
    });
    act(() => q("legend.filter.0")?.click());
    expect(selectRows(useAppStore.getState()).map((p) => p.input.id)).toEqual(["A"]);
    act(() => q("legend.filter.1")?.click());
    expect(selectRows(useAppStore.getState()).map((p) => p.input.id)).toEqual(["B", "C"]);
    act(() => q("legend.filter.nodata")?.click());
    expect(selectRows(useAppStore.getState()).map((p) => p.input.id)).toEqual(["D"]);
  });

  it("a flags class filters by the flag overlay's rule", () => {
    act(() => {
      useAppStore
        .getState()
        .analysisSucceeded(
          result([
            parcel({ id: "A" }, { idleStatus: "idle-2y" }),
            parcel({ id: "B" }, { efficiencyClass: "D" }),
            parcel({ id: "C" }),
          ]),
        );
      useAppStore.getState().setIndicator("flags");
    });
    act(() => q("legend.filter.1")?.click());
    expect(selectRows(useAppStore.getState()).map((p) => p.input.id)).toEqual(["B"]);
  });
});
