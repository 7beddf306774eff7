// @vitest-environment happy-dom
/**
 * The table component against the real store (no mocks): rows, count, selection both ways, the
 * filter drop-downs, sorting by header, keyboard.
 */
import { act } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnalysedParcel, AnalysisResult } from "../../../src/domain/types";
import { useAppStore } from "../../../src/state/store";
import { ParcelTable } from "../../../src/ui/table/ParcelTable";
import { ColumnChooser } from "../../../src/ui/table/TableExtras";
import { parcel } from "./table-fixtures";

function resultOf(parcels: AnalysedParcel[]): AnalysisResult {
  const none = { none: 0, overdue: 0, "idle-1y": 0, "idle-2y": 0, "idle-halted": 0 };
  const summary = {
    parcels: parcels.length,
    byIdleStatus: none,
    byEfficiencyClass: { A: 0, B: 0, C: 0, D: 0, none: 0 },
    belowStandard: 0,
    reallocationCandidates: 0,
    reallocationAreaM2: 0,
  };
  return {
    asOf: "2026-06-30",
    standardsName: "t",
    standardsEdition: "1",
    parcels,
    summary,
    summaryByZone: {},
  };
}

const PARCELS = [
  parcel({ id: "HTK-2", zone: "huangtukan", name: "乙" }, { taxPerMu: 10 }),
  parcel(
    { id: "HTK-10", zone: "huangtukan", name: "<b>甲</b>" },
    { taxPerMu: null, idleStatus: "idle-2y", reallocationCandidate: true },
  ),
  parcel({ id: "DYB-1", zone: "dayangbang" }, { taxPerMu: 30 }),
];

// Happy-dom lays nothing out (every clientHeight is 0): give elements a viewport-sized box so the
// virtualiser has room for the rows, as in a browser.
const proto = HTMLElement.prototype;
const saved = ["clientHeight", "clientWidth"].map(
  (k) => [k, Object.getOwnPropertyDescriptor(proto, k)] as const,
);
beforeAll(() => {
  Object.defineProperty(proto, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(proto, "clientWidth", { configurable: true, get: () => 1200 });
});
afterAll(() => {
  for (const [k, d] of saved) {
    if (d) Object.defineProperty(proto, k, d);
    else delete (proto as unknown as Record<string, unknown>)[k];
  }
});

import { withReactRoot } from "./react-root";

const dom = withReactRoot();
beforeEach(() => {
  act(() => useAppStore.getState().analysisSucceeded(resultOf(PARCELS)));
  act(() => dom.root.render(<ParcelTable />));
});

const byTestId = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const rowIds = () => [...dom.el.querySelectorAll("tbody tr[data-id]")].map((r) => r.getAttribute("data-id"));
const click = (e: Element | null, init: MouseEventInit = {}) =>
  act(() => {
    e?.dispatchEvent(new MouseEvent("click", { bubbles: true, ...init }));
  });
const key = (k: string) =>
  act(() => {
    dom.el.querySelector("table")?.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  });
const choose = (testId: string, value: string) =>
  act(() => {
    const s = byTestId(testId) as HTMLSelectElement;
    s.value = value;
    s.dispatchEvent(new Event("change", { bubbles: true }));
  });

describe("the parcel table", () => {
  it("shows every parcel and the count in Chinese", () => {
    expect(rowIds()).toEqual(["HTK-2", "HTK-10", "DYB-1"]);
    expect(byTestId("table.count")?.textContent).toBe("显示 3 / 共 3 宗");
  });

  it("renders data as text, never as markup", () => {
    expect(byTestId("table.row.HTK-10")?.textContent).toContain("<b>甲</b>");
    expect(byTestId("table.row.HTK-10")?.querySelector("b")).toBeNull();
  });

  it("a row click selects the parcel in the store; ctrl-click adds to the selection", () => {
    click(byTestId("table.row.DYB-1"));
    expect([...useAppStore.getState().selectedIds]).toEqual(["DYB-1"]);
    expect(byTestId("table.row.DYB-1")?.getAttribute("aria-selected")).toBe("true");
    click(byTestId("table.row.HTK-2"), { ctrlKey: true });
    expect([...useAppStore.getState().selectedIds].sort()).toEqual(["DYB-1", "HTK-2"]);
  });

  it("a selection re-renders the visible rows only, not every row's position (2,000 parcels)", () => {
    // Each parcel counts the reads of its inputs: the virtualiser reads every row's id when it
    // recomputes the rows' positions, which it did on every render while its key function was new.
    let reads = 0;
    const many = Array.from({ length: 2000 }, (_, i) => {
      const p = parcel({ id: `HTK-${i + 1}`, zone: "huangtukan" }, { taxPerMu: i });
      const input = p.input;
      Object.defineProperty(p, "input", {
        get: () => {
          reads++;
          return input;
        },
      });
      return p;
    });
    act(() => useAppStore.getState().analysisSucceeded(resultOf(many)));
    expect(rowIds().length).toBeGreaterThan(0);
    expect(rowIds().length).toBeLessThan(200);
    // The first selection builds the row index (one read of each row); the next one reads no more.
    act(() => useAppStore.getState().select(["HTK-4"]));
    reads = 0;
    act(() => useAppStore.getState().select(["HTK-5"]));
    expect(byTestId("table.count")).not.toBeNull();
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(1000);
  });

  it("a selection made elsewhere (the map) highlights the row", () => {
    act(() => useAppStore.getState().select(["HTK-10"]));
    expect(byTestId("table.row.HTK-10")?.getAttribute("aria-selected")).toBe("true");
    expect(byTestId("table.row.HTK-2")?.getAttribute("aria-selected")).toBe("false");
  });

  it("a double click selects and asks the map to zoom", () => {
    act(() => {
      byTestId("table.row.HTK-2")?.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    });
    expect(useAppStore.getState().zoomRequest?.ids).toEqual(["HTK-2"]);
  });

  it("filters through the store, so the count and the rows follow", () => {
    choose("table.filter.zone", "huangtukan");
    expect(useAppStore.getState().filter.zone).toBe("huangtukan");
    expect(rowIds()).toEqual(["HTK-2", "HTK-10"]);
    expect(byTestId("table.count")?.textContent).toBe("显示 2 / 共 3 宗");
    click(byTestId("table.filter.candidateOnly"));
    expect(rowIds()).toEqual(["HTK-10"]);
    click(byTestId("table.filter.reset"));
    expect(rowIds()).toHaveLength(3);
  });

  it("the search box reaches the store after a pause in typing, and follows a reset", () => {
    vi.useFakeTimers();
    try {
      const input = byTestId("table.filter.text") as HTMLInputElement;
      const type = (v: string) =>
        act(() => {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
          setter?.call(input, v);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
      type("htk");
      type("htk-1");
      expect(useAppStore.getState().filter.text).toBe("");
      act(() => vi.advanceTimersByTime(150));
      expect(useAppStore.getState().filter.text).toBe("htk-1");
      expect(rowIds()).toEqual(["HTK-10"]);
      click(byTestId("table.filter.reset"));
      expect(input.value).toBe("");
      expect(rowIds()).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("sorts by a header click: ascending, descending (nulls last both ways), then unsorted", () => {
    click(byTestId("table.header.taxPerMu"));
    expect(rowIds()).toEqual(["HTK-2", "DYB-1", "HTK-10"]);
    click(byTestId("table.header.taxPerMu"));
    expect(rowIds()).toEqual(["DYB-1", "HTK-2", "HTK-10"]);
    click(byTestId("table.header.taxPerMu"));
    expect(rowIds()).toEqual(["HTK-2", "HTK-10", "DYB-1"]);
  });

  it("arrow keys move the selection in the shown order; Escape clears it", () => {
    click(byTestId("table.header.id"));
    key("ArrowDown");
    expect([...useAppStore.getState().selectedIds]).toEqual(["DYB-1"]);
    key("ArrowDown");
    key("ArrowDown");
    key("ArrowDown");
    expect([...useAppStore.getState().selectedIds]).toEqual(["HTK-10"]);
    key("ArrowUp");
    expect([...useAppStore.getState().selectedIds]).toEqual(["HTK-2"]);
    key("Escape");
    expect(useAppStore.getState().selectedIds.size).toBe(0);
  });

  it("switches headers, labels and the count to English", () => {
    act(() => useAppStore.getState().setLang("en"));
    expect(byTestId("table.header.taxPerMu")?.textContent).toContain("Tax per mu");
    expect(byTestId("table.count")?.textContent).toBe("Showing 3 of 3 parcels");
    expect(byTestId("table.row.HTK-10")?.textContent).toContain("Idle ≥ 2 years");
  });

  it("a search for a Dayangbang id under 黄土坎 says where it is and clears the zone in one click", () => {
    act(() => useAppStore.getState().setZoneFocus("huangtukan"));
    expect(byTestId("table.chip.zone")?.textContent).toContain("片区：黄土坎片区");
    act(() => useAppStore.getState().setFilter({ text: "DYB-1" }));
    expect(rowIds()).toEqual([]);
    expect(byTestId("table.emptyHint")?.textContent).toBe("在大样榜片区有 1 个匹配，清除片区筛选");
    click(byTestId("table.emptyHint.apply"));
    expect(useAppStore.getState().filter.zone).toBeNull();
    expect(rowIds()).toEqual(["DYB-1"]);
    expect(byTestId("table.chip.zone")).toBeNull();
  });

  it("the zone chip's × removes the zone filter; flag and range filters have chips too", () => {
    act(() =>
      useAppStore.getState().setFilter({
        zone: "dayangbang",
        flag: "idle",
        range: { field: "taxPerMu", min: 5, max: null, missing: false },
      }),
    );
    expect(byTestId("table.chip.flag")?.textContent).toContain("标注：闲置土地");
    expect(byTestId("table.chip.range")?.textContent).toContain("亩均税收：≥ 5");
    expect(byTestId("table.chip.range.remove")?.getAttribute("aria-label")).toContain("取消筛选");
    click(byTestId("table.chip.zone.remove"));
    click(byTestId("table.chip.flag.remove"));
    expect(useAppStore.getState().filter.zone).toBeNull();
    expect(useAppStore.getState().filter.flag).toBeNull();
    expect(useAppStore.getState().filter.range).not.toBeNull();
  });

  it("the column chooser hides and shows columns (the id column always stays)", () => {
    act(() =>
      dom.root.render(
        <>
          <ColumnChooser />
          <ParcelTable />
        </>,
      ),
    );
    expect(byTestId("table.columns.panel")).toBeNull();
    click(byTestId("table.columns"));
    expect(byTestId("table.columns")?.getAttribute("aria-expanded")).toBe("true");
    expect((byTestId("table.columns.id") as HTMLInputElement).disabled).toBe(true);
    click(byTestId("table.columns.enterprise"));
    expect(useAppStore.getState().hiddenColumns).toEqual(["enterprise"]);
    expect(byTestId("table.header.enterprise")).toBeNull();
    expect(dom.el.querySelectorAll("colgroup col")).toHaveLength(dom.el.querySelectorAll("thead th").length);
    click(byTestId("table.columns.reset"));
    expect(byTestId("table.header.enterprise")).not.toBeNull();
  });

  it("columns are sized to their content: a long English header gets the room it needs", () => {
    const widthOf = (field: string) => {
      const i = [...dom.el.querySelectorAll("thead th")].findIndex((th) =>
        th.querySelector(`[data-testid="table.header.${field}"]`),
      );
      return Number.parseFloat((dom.el.querySelectorAll("colgroup col")[i] as HTMLElement).style.width);
    };
    const zh = widthOf("industryCluster");
    act(() => useAppStore.getState().setLang("en"));
    expect(widthOf("industryCluster")).toBeGreaterThan(zh);
  });

  it("a double click does not start a text selection", () => {
    const down = new MouseEvent("mousedown", { bubbles: true, cancelable: true, detail: 2 });
    act(() => {
      byTestId("table.row.HTK-2")?.dispatchEvent(down);
    });
    expect(down.defaultPrevented).toBe(true);
    const single = new MouseEvent("mousedown", { bubbles: true, cancelable: true, detail: 1 });
    act(() => {
      byTestId("table.row.HTK-2")?.dispatchEvent(single);
    });
    expect(single.defaultPrevented).toBe(false);
  });
});

describe("editable figures in the table", () => {
  const cell = (id: string, field: string) =>
    byTestId(`table.edit.${id}.${field}`) as HTMLInputElement | null;
  const typeInto = (el: HTMLInputElement | null, v: string, k = "Enter") =>
    act(() => {
      if (!el) throw new Error("no cell");
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(el, v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    });

  it("each row's input figures are labelled with the field and the parcel id", () => {
    const el = cell("HTK-2", "fixedInvestment");
    expect(el?.getAttribute("aria-label")).toBe("累计固定资产投资（HTK-2）");
    expect(cell("DYB-1", "taxRevenue")?.getAttribute("aria-label")).toBe("税收（DYB-1）");
  });

  it("Enter commits one step; the cell is marked with its original value; arrows stay in the cell", () => {
    const el = cell("HTK-2", "taxRevenue");
    typeInto(el, "1,200万元");
    const h = useAppStore.getState().history;
    expect(h.steps[0]?.edits).toEqual([
      { kind: "parcel-field", parcelId: "HTK-2", field: "taxRevenue", before: null, after: 1200 },
    ]);
    expect(cell("HTK-2", "taxRevenue")?.value).toBe("1200");
    expect(byTestId("table.edit.HTK-2.taxRevenue.edited")?.getAttribute("title")).toBe("原值 （空）");
    const selected = [...useAppStore.getState().selectedIds];
    act(() => {
      el?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    });
    expect([...useAppStore.getState().selectedIds]).toEqual(selected);
  });

  it("a refused value is said in the toolbar and changes nothing", () => {
    typeInto(cell("HTK-2", "outputValue"), "abc");
    expect(byTestId("table.editMessage")?.textContent).toBe("工业总产值：「abc」不是可识别的数值，未作修改");
    expect(useAppStore.getState().history.steps).toHaveLength(0);
  });
});
