import { describe, expect, it } from "vitest";
import {
  clampTableHeight,
  DEFAULT_TABLE_LAYOUT,
  dragTable,
  keyTable,
  MIN_MAP_PX,
  MIN_TABLE_PX,
  sanitizeTableLayout,
  tableHeightPx,
} from "../../../src/state/layout";
import { memoryStorage, PERSIST_KEY } from "../../../src/state/persist";
import { createAppStore } from "../../../src/state/store";

// 1024×768 with a 66 px header and notice and an 8 px splitter: map + panel share 694 px.
const WIN = 768;
const SHARED = 694;

describe("clampTableHeight", () => {
  it.each([
    // wanted, shared, expected
    [246, SHARED, 246], // inside the range: unchanged
    [MIN_TABLE_PX, SHARED, MIN_TABLE_PX], // boundary: the table minimum itself
    [MIN_TABLE_PX - 1, SHARED, MIN_TABLE_PX], // just below: the table minimum
    [0, SHARED, MIN_TABLE_PX],
    [-50, SHARED, MIN_TABLE_PX],
    [SHARED - MIN_MAP_PX, SHARED, SHARED - MIN_MAP_PX], // boundary: the map has exactly its minimum
    [SHARED - MIN_MAP_PX + 1, SHARED, SHARED - MIN_MAP_PX], // just above: the map keeps its minimum
    [5000, SHARED, SHARED - MIN_MAP_PX],
    [Number.NaN, SHARED, MIN_TABLE_PX],
    [300, 250, MIN_TABLE_PX], // too small for both minimums: the table keeps its minimum
  ])("wanted %s px of %s px shared → %s px", (wanted, shared, expected) => {
    expect(clampTableHeight(wanted, shared)).toBe(expected);
  });
});

describe("tableHeightPx", () => {
  it("is the stored fraction of the window height, clamped; 0 when collapsed", () => {
    expect(tableHeightPx({ tableFraction: 0.32, tableCollapsed: false }, WIN, SHARED)).toBe(246);
    expect(tableHeightPx({ tableFraction: 0.95, tableCollapsed: false }, WIN, SHARED)).toBe(
      SHARED - MIN_MAP_PX,
    );
    expect(tableHeightPx({ tableFraction: 0.32, tableCollapsed: true }, WIN, SHARED)).toBe(0);
  });
});

describe("dragTable", () => {
  it("stores the clamped height as a fraction of the window and shows the table", () => {
    expect(dragTable(384, WIN, SHARED)).toEqual({ tableFraction: 0.5, tableCollapsed: false });
    expect(dragTable(10, WIN, SHARED)).toEqual({ tableFraction: MIN_TABLE_PX / WIN, tableCollapsed: false });
    expect(dragTable(700, WIN, SHARED).tableFraction).toBe((SHARED - MIN_MAP_PX) / WIN);
  });
});

describe("keyTable", () => {
  const at = (tableFraction: number, tableCollapsed = false) => ({ tableFraction, tableCollapsed });
  it("ArrowUp and ArrowDown change the table by 5 % of the window height (to the whole px)", () => {
    expect(keyTable(at(0.25), "ArrowUp", WIN, SHARED)?.tableFraction).toBeCloseTo(0.3, 2);
    expect(keyTable(at(0.25), "ArrowDown", WIN, SHARED)?.tableFraction).toBeCloseTo(0.2, 2);
  });
  it("stops at the minimums", () => {
    expect(keyTable(at(MIN_TABLE_PX / WIN), "ArrowDown", WIN, SHARED)?.tableFraction).toBe(
      MIN_TABLE_PX / WIN,
    );
    const top = (SHARED - MIN_MAP_PX) / WIN;
    expect(keyTable(at(top), "ArrowUp", WIN, SHARED)?.tableFraction).toBe(top);
  });
  it("Home collapses and End shows the table at its remembered height", () => {
    expect(keyTable(at(0.4), "Home", WIN, SHARED)).toEqual(at(0.4, true));
    expect(keyTable(at(0.4, true), "End", WIN, SHARED)).toEqual(at(0.4, false));
  });
  it("from collapsed, ArrowUp shows the table and ArrowDown keeps it hidden", () => {
    expect(keyTable(at(0.4, true), "ArrowUp", WIN, SHARED)).toEqual(at(0.4, false));
    expect(keyTable(at(0.4, true), "ArrowDown", WIN, SHARED)).toEqual(at(0.4, true));
  });
  it("other keys are not the splitter's", () => {
    expect(keyTable(at(0.4), "Enter", WIN, SHARED)).toBeNull();
    expect(keyTable(at(0.4), "ArrowLeft", WIN, SHARED)).toBeNull();
  });
});

describe("sanitizeTableLayout", () => {
  it.each([
    [
      { tableFraction: 0.5, tableCollapsed: true },
      { tableFraction: 0.5, tableCollapsed: true },
    ],
    [{}, DEFAULT_TABLE_LAYOUT], // settings stored before the split existed
    [null, DEFAULT_TABLE_LAYOUT],
    [{ tableFraction: "0.5", tableCollapsed: "yes" }, DEFAULT_TABLE_LAYOUT],
    [{ tableFraction: 0 }, DEFAULT_TABLE_LAYOUT],
    [{ tableFraction: 1 }, DEFAULT_TABLE_LAYOUT],
    [{ tableFraction: Number.POSITIVE_INFINITY }, DEFAULT_TABLE_LAYOUT],
  ])("%j → %j", (stored, expected) => {
    expect(sanitizeTableLayout(stored, DEFAULT_TABLE_LAYOUT)).toEqual(expected);
  });
});

describe("the split persists with the settings", () => {
  it("panel height and collapsed state survive a new store on the same storage", () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    expect([a.getState().tableFraction, a.getState().tableCollapsed]).toEqual([0.32, false]);
    a.getState().setTableLayout({ tableFraction: 0.45, tableCollapsed: true });
    const s = createAppStore({ storage }).getState();
    expect([s.tableFraction, s.tableCollapsed]).toEqual([0.45, true]);
  });

  it("a bad stored split falls back to the default, keeping the other settings", () => {
    const storage = memoryStorage();
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({ state: { lang: "en", tableFraction: 7, tableCollapsed: 1 }, version: 1 }),
    );
    const s = createAppStore({ storage }).getState();
    expect([s.lang, s.tableFraction, s.tableCollapsed]).toEqual(["en", 0.32, false]);
  });

  it("setTableLayout ignores values of the wrong shape", () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().setTableLayout({ tableFraction: -1 });
    expect(store.getState().tableFraction).toBe(0.32);
  });
});
