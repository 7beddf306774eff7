import { beforeEach, describe, expect, it } from "vitest";
import { memoryStorage, PERSIST_KEY } from "../../../src/state/persist";
import { setAsOfUpdater } from "../../../src/state/slices/settings";
import { DEFAULT_CLASSIFICATION } from "../../../src/state/slices/view";
import { createAppStore, resetAppStore, useAppStore } from "../../../src/state/store";
import { dataset, freshStore, parcel, result } from "./helpers";

describe("data slice", () => {
  it("a dataset sets the as-of date to its survey date", () => {
    const store = freshStore();
    store.getState().setDataset(dataset({ surveyDate: "2026-06-30" }));
    expect(store.getState().asOf).toBe("2026-06-30");
    expect(store.getState().asOfUserSet).toBe(false);
  });

  it("a user-picked as-of date survives loading another dataset", () => {
    const store = freshStore();
    store.getState().setAsOf("2025-12-31");
    store.getState().setDataset(dataset({ surveyDate: "2026-06-30" }));
    expect(store.getState().asOf).toBe("2025-12-31");
  });

  it("without a survey date the as-of date is today (ISO)", () => {
    const store = freshStore();
    store.getState().setDataset(dataset());
    expect(store.getState().asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("resetAsOf returns to the survey date", () => {
    const store = freshStore();
    store.getState().setDataset(dataset({ surveyDate: "2026-06-30" }));
    store.getState().setAsOf("2027-01-01");
    store.getState().resetAsOf();
    expect(store.getState().asOf).toBe("2026-06-30");
    expect(store.getState().asOfUserSet).toBe(false);
  });

  it("a new dataset clears the selection", () => {
    const store = freshStore();
    store.getState().select(["A"]);
    store.getState().setDataset(dataset());
    expect(store.getState().selectedIds.size).toBe(0);
  });
});

describe("settings slice", () => {
  it("ignores an invalid as-of date", () => {
    const store = freshStore();
    const before = store.getState().asOf;
    store.getState().setAsOf("2026-6-1");
    expect(store.getState().asOf).toBe(before);
    expect(setAsOfUpdater(store.getState(), "garbage")).toEqual({});
  });

  it("an impossible calendar date (30 February, 29 February of a common year) is ignored", () => {
    const store = freshStore();
    const before = store.getState().asOf;
    store.getState().setAsOf("2026-02-30");
    expect(store.getState().asOf).toBe(before);
    store.getState().setAsOf("2025-02-29");
    expect(store.getState().asOf).toBe(before);
    store.getState().setAsOf("2024-02-29");
    expect(store.getState().asOf).toBe("2024-02-29");
  });

  it("Tianditu needs a key: without one the basemap stays", () => {
    const store = freshStore();
    store.getState().setBasemap("tianditu");
    expect(store.getState().basemap).toBe("none");
    store.getState().setBasemap("tianditu", "  abc123  ");
    expect(store.getState().basemap).toBe("tianditu");
    expect(store.getState().tiandituKey).toBe("abc123");
  });

  it("defaults: Chinese, 亩, no basemap, default theme, analysis mode", () => {
    const s = freshStore().getState();
    expect([s.lang, s.unit, s.basemap, s.theme, s.mode]).toEqual(["zh", "mu", "none", "default", "analysis"]);
  });
});

describe("persisted settings", () => {
  it("language, unit, basemap + key, theme and legend labels survive a new store on the same storage", () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setLang("en");
    a.getState().setUnit("ha");
    a.getState().setBasemap("tianditu", "k1");
    a.getState().setTheme("projector");
    a.getState().setIndicator("taxPerMu");
    a.getState().setLegendLabel(0, "低");
    a.getState().setAsOf("2020-01-01");
    const b = createAppStore({ storage });
    const s = b.getState();
    expect([s.lang, s.unit, s.basemap, s.tiandituKey, s.theme]).toEqual([
      "en",
      "ha",
      "tianditu",
      "k1",
      "projector",
    ]);
    expect(s.classifications.taxPerMu?.labels).toEqual({ 0: "低" });
    // the as-of date and the indicator are not settings that persist
    expect(s.asOf).not.toBe("2020-01-01");
    expect(s.indicator).toBe("landUse");
  });

  it("malformed stored settings fall back to the defaults", () => {
    const storage = memoryStorage();
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({ state: { lang: "fr", unit: 3, basemap: "tianditu" }, version: 1 }),
    );
    const s = createAppStore({ storage }).getState();
    expect([s.lang, s.unit, s.basemap]).toEqual(["zh", "mu", "none"]);
  });

  it("the table columns the user hid survive a reload", () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setColumnHidden("enterprise", true);
    a.getState().setColumnHidden("far", true);
    a.getState().setColumnHidden("far", true);
    a.getState().setColumnHidden("enterprise", false);
    expect(createAppStore({ storage }).getState().hiddenColumns).toEqual(["far"]);
  });

  it("a stored column choice of the wrong shape is checked entry by entry", () => {
    const storage = memoryStorage();
    const store = (hiddenColumns: unknown) => {
      storage.setItem(PERSIST_KEY, JSON.stringify({ state: { lang: "en", hiddenColumns }, version: 1 }));
      return createAppStore({ storage }).getState();
    };
    expect(store(null).hiddenColumns).toEqual([]);
    expect(store("far").hiddenColumns).toEqual([]);
    expect(store({ 0: "far" }).hiddenColumns).toEqual([]);
    expect(store(["far", 3, null, "", "far", { x: 1 }, "x".repeat(65), "name"]).hiddenColumns).toEqual([
      "far",
      "name",
    ]);
    // the other settings are still read
    expect(store(42).lang).toBe("en");
  });
});

describe("analysis slice", () => {
  it("a result fills byId, bumps the version and drops selected ids that no longer exist", () => {
    const store = freshStore();
    store.getState().select(["A", "GONE"]);
    store.getState().analysisStarted();
    expect(store.getState().status).toBe("running");
    store.getState().analysisSucceeded(result([parcel({ id: "A" }), parcel({ id: "B" })]), 12);
    const s = store.getState();
    expect(s.status).toBe("idle");
    expect(s.version).toBe(1);
    expect([...s.byId.keys()]).toEqual(["A", "B"]);
    expect([...s.selectedIds]).toEqual(["A"]);
    expect(s.lastDurationMs).toBe(12);
  });

  it("a failure keeps the last result and says why", () => {
    const store = freshStore();
    store.getState().analysisSucceeded(result([parcel({ id: "A" })]));
    store.getState().analysisFailed("boom");
    expect(store.getState().status).toBe("error");
    expect(store.getState().error).toBe("boom");
    expect(store.getState().result?.parcels).toHaveLength(1);
  });
});

describe("view slice", () => {
  it("default indicator is land use; classification defaults to Jenks with 5 classes", () => {
    const store = freshStore();
    expect(store.getState().indicator).toBe("landUse");
    store.getState().setIndicator("far");
    expect(store.getState().classifications.far).toBeUndefined();
    expect(DEFAULT_CLASSIFICATION).toMatchObject({ method: "jenks", k: 5 });
  });

  it("classifications are kept per indicator", () => {
    const store = freshStore();
    store.getState().setIndicator("far");
    store.getState().setClassMethod("quantile");
    store.getState().setIndicator("taxPerMu");
    store.getState().setClassCount(3);
    expect(store.getState().classifications.far?.method).toBe("quantile");
    expect(store.getState().classifications.taxPerMu).toMatchObject({ method: "jenks", k: 3 });
  });

  it("class count is clamped to 2–9 and rounded", () => {
    const store = freshStore();
    store.getState().setIndicator("far");
    store.getState().setClassCount(20);
    expect(store.getState().classifications.far?.k).toBe(9);
    store.getState().setClassCount(1.2);
    expect(store.getState().classifications.far?.k).toBe(2);
  });

  it("manual breaks are sorted, deduplicated, switch to manual and set k", () => {
    const store = freshStore();
    store.getState().setIndicator("far");
    store.getState().setManualBreaks([1.2, 0.5, Number.NaN, 0.5, 0.8]);
    expect(store.getState().classifications.far).toMatchObject({
      method: "manual",
      manualBreaks: [0.5, 0.8, 1.2],
      k: 4,
    });
  });

  it("legend labels: set, trim, clear with blank; changing the method clears them", () => {
    const store = freshStore();
    store.getState().setIndicator("far");
    store.getState().setLegendLabel(1, "  较高 ");
    store.getState().setLegendLabel(2, "高");
    store.getState().setLegendLabel(2, "   ");
    expect(store.getState().classifications.far?.labels).toEqual({ 1: "较高" });
    store.getState().setClassMethod("equal");
    expect(store.getState().classifications.far?.labels).toEqual({});
  });

  it("zone focus scopes the table filter to that zone; all clears it", () => {
    const store = freshStore();
    store.getState().setZoneFocus("dayangbang");
    expect(store.getState().filter.zone).toBe("dayangbang");
    store.getState().setZoneFocus("all");
    expect(store.getState().filter.zone).toBeNull();
  });

  it("zoom requests carry a fresh sequence number", () => {
    const store = freshStore();
    store.getState().requestZoom(["A"]);
    store.getState().requestZoom(["A"]);
    expect(store.getState().zoomRequest).toEqual({ ids: ["A"], seq: 2 });
  });
});

describe("selection slice", () => {
  it("select replaces, adds and toggles, always with a new Set", () => {
    const store = freshStore();
    store.getState().select(["A", "B"]);
    const first = store.getState().selectedIds;
    store.getState().select(["B", "C"], "toggle");
    expect([...store.getState().selectedIds].sort()).toEqual(["A", "C"]);
    expect(store.getState().selectedIds).not.toBe(first);
    store.getState().select(["D"], "add");
    expect(store.getState().selectedIds.size).toBe(3);
    store.getState().select(["E"]);
    expect([...store.getState().selectedIds]).toEqual(["E"]);
  });

  it("clearSelection empties selection and hover", () => {
    const store = freshStore();
    store.getState().select(["A"]);
    store.getState().setHovered("A");
    store.getState().clearSelection();
    expect(store.getState().selectedIds.size).toBe(0);
    expect(store.getState().hoveredId).toBeNull();
  });

  it("setFilter patches, resetFilter clears", () => {
    const store = freshStore();
    store.getState().setFilter({ idleStatus: "idle-1y" });
    store.getState().setFilter({ candidateOnly: true });
    expect(store.getState().filter).toMatchObject({ idleStatus: "idle-1y", candidateOnly: true, zone: null });
    store.getState().resetFilter();
    expect(store.getState().filter.candidateOnly).toBe(false);
  });
});

describe("the app singleton", () => {
  beforeEach(() => resetAppStore());
  it("resetAppStore returns to the initial state", () => {
    useAppStore.getState().select(["X"]);
    useAppStore.getState().setIndicator("far");
    resetAppStore();
    expect(useAppStore.getState().selectedIds.size).toBe(0);
    expect(useAppStore.getState().indicator).toBe("landUse");
    expect(typeof useAppStore.getState().select).toBe("function");
  });
});

describe("rejected files", () => {
  it("a rejected file is remembered until good standards arrive", async () => {
    const { STANDARDS } = await import("./helpers");
    const store = freshStore();
    store.getState().setRejectedFile({
      fileName: "bad.json",
      problems: [{ severity: "error", code: "not-json", fatal: true }],
    });
    expect(store.getState().rejectedFile?.fileName).toBe("bad.json");
    store.getState().setStandards({ standards: STANDARDS, fileName: "good.json", problems: [] });
    expect(store.getState().rejectedFile).toBeNull();
  });
});

describe("custom basemap and layer list settings", () => {
  const custom = {
    name: "县影像",
    url: "https://img.county.local/{z}/{x}/{y}.jpg",
    subdomains: "abc",
    attribution: "建始县自然资源和规划局",
    minzoom: 0,
    maxzoom: 18,
    tileSize: 256 as const,
  };
  it("a custom basemap, the context layers and the flag overlay survive a new store", () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setCustomBasemap(custom);
    a.getState().setContextVisible("roads", false);
    a.getState().setContextVisible("centralUrbanArea", false);
    a.getState().setFlagsVisible(false);
    const s = createAppStore({ storage }).getState();
    expect(s.basemap).toBe("custom");
    expect(s.customBasemap).toEqual(custom);
    expect(s.contextVisible).toEqual({
      roads: false,
      facilities: true,
      zones: true,
      centralUrbanArea: false,
    });
    expect(s.flagsVisible).toBe(false);
  });

  it("custom without a defined basemap is not selectable; setBasemap('custom') waits", () => {
    const store = freshStore();
    store.getState().setBasemap("custom");
    expect(store.getState().basemap).toBe("none");
    store.getState().setCustomBasemap(custom);
    store.getState().setBasemap("osm");
    store.getState().setBasemap("custom");
    expect(store.getState().basemap).toBe("custom");
  });

  it("a stored custom basemap is re-validated field by field; a bad one falls back to no basemap", () => {
    for (const bad of [
      { ...custom, url: "javascript:alert(1)//{z}/{x}/{y}" },
      { ...custom, maxzoom: "18" },
      { ...custom, tileSize: 300 },
      "https://img.county.local/{z}/{x}/{y}.jpg",
      null,
    ]) {
      const storage = memoryStorage();
      storage.setItem(
        PERSIST_KEY,
        JSON.stringify({ state: { basemap: "custom", customBasemap: bad }, version: 1 }),
      );
      const s = createAppStore({ storage }).getState();
      expect([s.basemap, s.customBasemap]).toEqual(["none", null]);
    }
  });

  it("malformed layer visibility keeps the defaults key by key", () => {
    const storage = memoryStorage();
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({
        state: { contextVisible: { roads: false, zones: "no", extra: false }, flagsVisible: "yes" },
        version: 1,
      }),
    );
    const s = createAppStore({ storage }).getState();
    expect(s.contextVisible).toEqual({ roads: false, facilities: true, zones: true, centralUrbanArea: true });
    expect(s.flagsVisible).toBe(true);
    storage.setItem(PERSIST_KEY, JSON.stringify({ state: { contextVisible: [false] }, version: 1 }));
    expect(createAppStore({ storage }).getState().contextVisible.roads).toBe(true);
  });
});
