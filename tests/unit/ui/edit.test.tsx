// @vitest-environment happy-dom
/**
 * Correcting a parcel's figures in the detail panel and undoing it, against the real store: the
 * edits land in the history as steps; what the fields show follows the history at once.
 */
import { act } from "react";
import { describe, expect, it } from "vitest";
import { INPUT_FIELDS } from "../../../src/domain/fields";
import { useAppStore } from "../../../src/state/store";
import { DetailPanel } from "../../../src/ui/DetailPanel";
import { UndoRedoButtons } from "../../../src/ui/edit/UndoRedo";
import { parcel, result, STANDARDS } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();

function show(p = parcel({ id: "HTK-012", fixedInvestment: 1000, constructionStatus: "completed" })) {
  act(() => {
    const s = useAppStore.getState();
    s.setStandards({ standards: STANDARDS, fileName: "standards.json", problems: [] });
    s.analysisSucceeded(result([p]));
    s.select([p.input.id]);
  });
  act(() =>
    dom.root.render(
      <>
        <UndoRedoButtons />
        <DetailPanel />
      </>,
    ),
  );
}
const q = <T extends HTMLElement = HTMLElement>(id: string) =>
  dom.el.querySelector<T>(`[data-testid="${id}"]`);
const input = (key: string) => q<HTMLInputElement>(`detail.edit.${key}`);
const steps = () => useAppStore.getState().history;

function type(el: HTMLInputElement | null, text: string) {
  act(() => {
    if (!el) throw new Error("no input");
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
function key(el: Element | null, k: string, init: KeyboardEventInit = {}) {
  act(() => {
    (el ?? window).dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, ...init }));
  });
}
function blur(el: Element | null) {
  act(() => {
    el?.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
  });
}
function choose(el: HTMLSelectElement | null, value: string) {
  act(() => {
    if (!el) throw new Error("no select");
    el.value = value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

describe("editing a parcel in the detail panel", () => {
  it("every input but the id has an editor labelled with the field's name, in the current language", () => {
    show();
    for (const f of INPUT_FIELDS) {
      const el = q(`detail.edit.${f.key}`);
      if (f.key === "id") {
        expect(el).toBeNull();
        continue;
      }
      expect(el, f.key).not.toBeNull();
      expect(el?.getAttribute("aria-label")).toBe(f.zh);
    }
    expect(input("fixedInvestment")?.value).toBe("1000");
    expect(q("detail.input.fixedInvestment")?.textContent).toContain("万元");
    act(() => useAppStore.getState().setLang("en"));
    expect(input("fixedInvestment")?.getAttribute("aria-label")).toBe("Fixed investment");
  });

  it("enum and yes/no fields are selects", () => {
    show();
    for (const k of ["zone", "landStatus", "constructionStatus", "industryCluster", "aboveScale", "highTech"])
      expect(q(`detail.edit.${k}`)?.tagName, k).toBe("SELECT");
    expect(q("detail.edit.enterprise")?.tagName).toBe("INPUT");
  });

  it("Enter commits a value parsed like the importer (1,200 → 1200; 850万元 → 850) as one step", () => {
    show();
    const el = input("fixedInvestment");
    type(el, "1,200");
    key(el, "Enter");
    expect(steps().applied).toBe(1);
    expect(steps().steps[0]?.label).toEqual({
      code: "edit-field",
      params: { parcelId: "HTK-012", field: "fixedInvestment" },
    });
    expect(steps().steps[0]?.edits).toEqual([
      { kind: "parcel-field", parcelId: "HTK-012", field: "fixedInvestment", before: 1000, after: 1200 },
    ]);
    // Shown at once, before the analysis comes back, and marked with the original value.
    expect(input("fixedInvestment")?.value).toBe("1200");
    expect(q("detail.edit.fixedInvestment.edited")).not.toBeNull();
    expect(q("detail.edit.fixedInvestment.original")?.textContent).toBe("原值 1,000.00 万元");
    type(el, " 850万元 ");
    blur(el);
    expect(steps().applied).toBe(2);
    expect(steps().steps[1]?.edits[0]).toMatchObject({ before: 1200, after: 850 });
  });

  it("a bad value is refused with a message naming the field and changes nothing; Escape cancels", () => {
    show();
    const el = input("fixedInvestment");
    type(el, "约100");
    key(el, "Enter");
    expect(steps().steps).toHaveLength(0);
    expect(q("detail.edit.fixedInvestment.message")?.textContent).toBe(
      "累计固定资产投资：「约100」不是可识别的数值，未作修改",
    );
    expect(el?.getAttribute("aria-invalid")).toBe("true");
    key(el, "Escape");
    expect(input("fixedInvestment")?.value).toBe("1000");
    expect(q("detail.edit.fixedInvestment.message")).toBeNull();
    type(el, "5亩");
    key(el, "Enter");
    expect(q("detail.edit.fixedInvestment.message")?.textContent).toContain("单位「亩」与该字段（万元）不符");
    type(input("agreedStartDate"), "2023-02-29");
    key(input("agreedStartDate"), "Enter");
    expect(q("detail.edit.agreedStartDate.message")?.textContent).toContain("不存在");
    expect(steps().steps).toHaveLength(0);
  });

  it("the same value, or Escape after typing, makes no step; clearing a field is an edit to null", () => {
    show();
    const el = input("fixedInvestment");
    type(el, "1000.0");
    key(el, "Enter");
    type(el, "9");
    key(el, "Escape");
    blur(el);
    expect(steps().steps).toHaveLength(0);
    type(el, "");
    key(el, "Enter");
    expect(steps().steps[0]?.edits[0]).toMatchObject({ before: 1000, after: null });
  });

  it("dates in any register form become ISO; selects commit on change", () => {
    show();
    type(input("actualStartDate"), "2024年6月3日");
    key(input("actualStartDate"), "Enter");
    choose(q<HTMLSelectElement>("detail.edit.constructionStatus"), "halted");
    choose(q<HTMLSelectElement>("detail.edit.highTech"), "true");
    expect(steps().steps.map((s) => s.edits[0])).toEqual([
      {
        kind: "parcel-field",
        parcelId: "HTK-012",
        field: "actualStartDate",
        before: null,
        after: "2024-06-03",
      },
      {
        kind: "parcel-field",
        parcelId: "HTK-012",
        field: "constructionStatus",
        before: "completed",
        after: "halted",
      },
      { kind: "parcel-field", parcelId: "HTK-012", field: "highTech", before: null, after: true },
    ]);
  });

  it("revert is a new step back to the original; undo takes it back", () => {
    show();
    type(input("fixedInvestment"), "2000");
    key(input("fixedInvestment"), "Enter");
    act(() => q("detail.edit.fixedInvestment.revert")?.click());
    expect(steps().applied).toBe(2);
    expect(steps().steps[1]?.label.code).toBe("revert-field");
    expect(steps().steps[1]?.edits[0]).toMatchObject({ before: 2000, after: 1000 });
    expect(input("fixedInvestment")?.value).toBe("1000");
    expect(q("detail.edit.fixedInvestment.edited")).toBeNull();
    act(() => useAppStore.getState().undo());
    expect(input("fixedInvestment")?.value).toBe("2000");
  });

  it("an analysed parcel one analysis behind shows the history's value (undo before the result arrives)", () => {
    // The analysis holds the edited value; the edit has just been undone.
    const p = parcel({ id: "HTK-012", fixedInvestment: 2000 });
    p.edited = { fixedInvestment: 1000 };
    show(p);
    expect(input("fixedInvestment")?.value).toBe("1000");
    expect(q("detail.edit.fixedInvestment.edited")).toBeNull();
  });
});

describe("undo and redo", () => {
  it("the buttons name the step in the current language and are disabled when there is none", () => {
    show();
    const undo = q<HTMLButtonElement>("header.undo");
    const redo = q<HTMLButtonElement>("header.redo");
    expect(undo?.disabled).toBe(true);
    expect(undo?.getAttribute("aria-label")).toBe("没有可撤销的操作");
    type(input("fixedInvestment"), "1500");
    key(input("fixedInvestment"), "Enter");
    expect(undo?.disabled).toBe(false);
    expect(undo?.getAttribute("aria-label")).toBe("撤销：修改 HTK-012 累计固定资产投资");
    act(() => undo?.click());
    expect(redo?.getAttribute("aria-label")).toBe("重做：修改 HTK-012 累计固定资产投资");
    act(() => useAppStore.getState().setLang("en"));
    expect(redo?.getAttribute("aria-label")).toBe("Redo: edit HTK-012 Fixed investment");
    act(() => redo?.click());
    expect(steps().applied).toBe(1);
  });

  it("Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo; not while text is being typed", () => {
    show();
    const el = input("fixedInvestment");
    type(el, "1500");
    key(el, "Enter");
    // Committed, nothing pending in the field: the app's undo.
    key(el, "z", { ctrlKey: true });
    expect(steps().applied).toBe(0);
    key(document.body, "z", { ctrlKey: true, shiftKey: true });
    expect(steps().applied).toBe(1);
    key(document.body, "z", { ctrlKey: true });
    key(document.body, "y", { ctrlKey: true });
    expect(steps().applied).toBe(1);
    // Typing: the browser's text undo, the history is left alone.
    type(el, "15");
    key(el, "z", { ctrlKey: true });
    expect(steps().applied).toBe(1);
    key(input("enterprise"), "z", { metaKey: true });
    expect(steps().applied).toBe(0);
  });
});
