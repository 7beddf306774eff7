import { beforeEach, describe, expect, it } from "vitest";
import type { Colouring, MapControllerApi, MapEvents, MapParcels, ToolSpec } from "../../../src/map/api";
import { resetAppStore, useAppStore } from "../../../src/state/store";
import { bindMap } from "../../../src/ui/mapBinding";
import { parcel, result } from "../state/helpers";

/** Records what the binding asks of the map (the controller is the boundary; MapLibre needs WebGL). */
class RecordingMap implements MapControllerApi {
  calls: string[] = [];
  parcels: MapParcels | null = null;
  colouring: Colouring | null = null;
  click: MapEvents["parcelClick"] | null = null;
  measure: MapEvents["measure"] | null = null;
  hoverText: ((id: string) => string) | null = null;
  tool: ToolSpec | null = null;
  setContext() {
    this.calls.push("setContext");
  }
  setParcels(p: MapParcels) {
    this.parcels = p;
    this.calls.push("setParcels");
  }
  setColouring(c: Colouring) {
    this.colouring = c;
    this.calls.push("setColouring");
  }
  setFlagsVisible(v: boolean) {
    this.calls.push(`setFlagsVisible:${v}`);
  }
  setSelection(ids: readonly string[]) {
    this.calls.push(`setSelection:${ids.join(",")}`);
  }
  setFilterIds(ids: ReadonlySet<string> | null) {
    this.calls.push(`setFilterIds:${ids ? [...ids].join(",") : "null"}`);
  }
  fitZone(z: string) {
    this.calls.push(`fitZone:${z}`);
  }
  fitHome() {
    this.calls.push("fitHome");
  }
  fitParcels(ids: readonly string[]) {
    this.calls.push(`fitParcels:${ids.join(",")}`);
  }
  revealParcels(ids: readonly string[]) {
    this.calls.push(`revealParcels:${ids.join(",")}`);
  }
  flyTo() {
    this.calls.push("flyTo");
  }
  getView() {
    return { center: [0, 0] as [number, number], zoom: 1 };
  }
  setView() {
    this.calls.push("setView");
  }
  setTool(t: ToolSpec) {
    this.tool = t;
    this.calls.push(`setTool:${t.kind === "measure" ? `measure-${t.measure}:${t.crs}` : t.kind}`);
  }
  toolKey() {
    return false;
  }
  clearMeasurement() {
    this.calls.push("clearMeasurement");
  }
  setHoverText(fn: ((id: string) => string) | null) {
    this.hoverText = fn;
  }
  setBasemap(b: { kind: string }) {
    this.calls.push(`setBasemap:${b.kind}`);
  }
  setContextVisibility(v: Record<string, boolean>) {
    this.calls.push(
      `setContextVisibility:${Object.keys(v)
        .filter((k) => !v[k])
        .join(",")}`,
    );
  }
  setLanguage(l: string) {
    this.calls.push(`setLanguage:${l}`);
  }
  setTheme(t: string) {
    this.calls.push(`setTheme:${t}`);
  }
  exportPng(): Promise<Blob> {
    return Promise.reject(new Error("no canvas"));
  }
  on<K extends keyof MapEvents>(event: K, handler: MapEvents[K]) {
    if (event === "parcelClick") this.click = handler as MapEvents["parcelClick"];
    if (event === "measure") this.measure = handler as MapEvents["measure"];
    return () => {};
  }
  whenIdle() {
    return Promise.resolve();
  }
  destroy() {}
}

function boundWithData() {
  const map = new RecordingMap();
  useAppStore
    .getState()
    .analysisSucceeded(
      result([
        parcel({ id: "A", zone: "huangtukan", landUse: "100101" }, { taxPerMu: 10 }),
        parcel({ id: "B", zone: "dayangbang", landUse: "1101" }, { taxPerMu: 30 }),
      ]),
    );
  const unbind = bindMap(useAppStore, map, { defer: (fn) => fn() });
  map.calls = [];
  return { map, unbind };
}

describe("map binding", () => {
  beforeEach(() => resetAppStore());

  it("sends flat properties per parcel: id, zone, landUseGroup, indicators, statuses, flag", () => {
    const { map } = boundWithData();
    const props = map.parcels?.features[0]?.properties;
    expect(props).toMatchObject({
      id: "A",
      zone: "huangtukan",
      landUseGroup: "industrial",
      taxPerMu: 10,
      idleStatus: "none",
    });
    expect(Object.values(props ?? {}).every((v) => v === null || typeof v !== "object")).toBe(true);
  });

  it("switching the indicator calls only setColouring (no data re-sent)", () => {
    const { map } = boundWithData();
    useAppStore.getState().setIndicator("taxPerMu");
    expect(map.calls).toEqual(["setColouring"]);
    expect(map.colouring).toMatchObject({ kind: "graduated", field: "taxPerMu" });
  });

  it("a legend label edit or the unit switch does not touch the map", () => {
    const { map } = boundWithData();
    useAppStore.getState().setLegendLabel(0, "工业");
    useAppStore.getState().setUnit("ha");
    expect(map.calls).toEqual([]);
  });

  it("a new analysis re-sends the parcels once", () => {
    const { map } = boundWithData();
    useAppStore.getState().analysisSucceeded(result([parcel({ id: "A" })]));
    expect(map.calls.filter((c) => c === "setParcels")).toHaveLength(1);
  });

  it("filter → dimming ids, zone switch → fitZone, selection → setSelection and reveal", () => {
    const { map } = boundWithData();
    useAppStore.getState().setFilter({ text: "B" });
    useAppStore.getState().setZoneFocus("dayangbang");
    useAppStore.getState().select(["B"]);
    expect(map.calls).toEqual(["setFilterIds:B", "fitZone:dayangbang", "setSelection:B", "revealParcels:B"]);
  });

  it("every press of a zone button frames, also for the zone already focused (全部 after zooming in)", () => {
    const { map } = boundWithData();
    useAppStore.getState().setZoneFocus("all");
    useAppStore.getState().setZoneFocus("all");
    expect(map.calls.filter((c) => c.startsWith("fitZone"))).toEqual(["fitZone:all", "fitZone:all"]);
  });

  it("a map click selects without moving the map; Shift/Ctrl-click toggles; empty map clears", () => {
    const { map } = boundWithData();
    map.click?.("A", "replace");
    expect([...useAppStore.getState().selectedIds]).toEqual(["A"]);
    map.click?.("B", "toggle");
    expect([...useAppStore.getState().selectedIds]).toEqual(["A", "B"]);
    map.click?.("A", "toggle");
    expect([...useAppStore.getState().selectedIds]).toEqual(["B"]);
    expect(map.calls.some((c) => c.startsWith("revealParcels"))).toBe(false);
    map.click?.(null, "replace");
    expect(useAppStore.getState().selectedIds.size).toBe(0);
  });

  it("a table or list selection reveals only the newly added parcel; a removal reveals nothing", () => {
    const { map } = boundWithData();
    useAppStore.getState().select(["A"]);
    useAppStore.getState().select(["B"], "toggle");
    useAppStore.getState().select(["B"], "toggle");
    expect(map.calls.filter((c) => c.startsWith("revealParcels"))).toEqual([
      "revealParcels:A",
      "revealParcels:B",
    ]);
  });

  it("the store's tool goes to the map (measuring in the dataset's CRS); measurements come back", () => {
    const { map } = boundWithData();
    useAppStore.getState().setMapTool("measure-area");
    expect(map.tool).toEqual({ kind: "measure", measure: "area", crs: "EPSG:4546" });
    const m = {
      kind: "area" as const,
      vertices: 3,
      done: true,
      lengthM: 40,
      areaM2: 100,
      areaMu: 0.15,
      crs: "EPSG:4546",
    };
    map.measure?.(m);
    expect(useAppStore.getState().measurement).toEqual(m);
    useAppStore.getState().setMapTool("select");
    expect(map.tool).toEqual({ kind: "select" });
    expect(useAppStore.getState().measurement).toBeNull();
  });

  it("the hover text names the parcel's value under the current indicator, with its unit", () => {
    const { map } = boundWithData();
    useAppStore.getState().setIndicator("taxPerMu");
    expect(map.hoverText?.("B")).toBe("B · 亩均税收 30.00 万元/亩");
    useAppStore.getState().setLang("en");
    expect(map.hoverText?.("B")).toMatch(/^B · .+ 30\.00 /);
    expect(map.hoverText?.("nope")).toBe("nope");
  });

  it("unbinding stops the updates", () => {
    const { map, unbind } = boundWithData();
    unbind();
    useAppStore.getState().setIndicator("far");
    expect(map.calls).toEqual([]);
  });

  it("by default the parcels go to the map in a later task, and only the newest result", async () => {
    const map = new RecordingMap();
    const unbind = bindMap(useAppStore, map);
    useAppStore.getState().analysisSucceeded(result([parcel({ id: "OLD" })]));
    useAppStore.getState().analysisSucceeded(result([parcel({ id: "NEW" })]));
    expect(map.calls).not.toContain("setParcels");
    await new Promise((r) => setTimeout(r, 0));
    expect(map.calls.filter((c) => c === "setParcels")).toHaveLength(1);
    expect(map.parcels?.features.map((f) => f.properties.id)).toEqual(["NEW"]);
    unbind();
  });

  it("the layer list → setContextVisibility only; a custom basemap → setBasemap(custom), once", () => {
    const { map } = boundWithData();
    useAppStore.getState().setContextVisible("roads", false);
    useAppStore.getState().setContextVisible("roads", false);
    expect(map.calls).toEqual(["setContextVisibility:roads"]);
    map.calls = [];
    const custom = {
      name: "县内网",
      url: "https://a.example/{z}/{x}/{y}.png",
      subdomains: "abc",
      attribution: "",
      minzoom: 0,
      maxzoom: 18,
      tileSize: 256 as const,
    };
    useAppStore.getState().setCustomBasemap(custom);
    useAppStore.getState().setLang("en");
    expect(map.calls).toEqual(["setBasemap:custom", "setLanguage:en"]);
  });
});
