import { beforeEach, describe, expect, it } from "vitest";
import type { Colouring, MapControllerApi, MapEvents, MapParcels } from "../../../src/map/api";
import { resetAppStore, useAppStore } from "../../../src/state/store";
import { bindMap } from "../../../src/ui/mapBinding";
import { parcel, result } from "../state/helpers";

/** Records what the binding asks of the map (the controller is the boundary; MapLibre needs WebGL). */
class RecordingMap implements MapControllerApi {
  calls: string[] = [];
  parcels: MapParcels | null = null;
  colouring: Colouring | null = null;
  click: MapEvents["parcelClick"] | null = null;
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

  it("filter → dimming ids, zone switch → fitZone, selection → setSelection", () => {
    const { map } = boundWithData();
    useAppStore.getState().setFilter({ text: "B" });
    useAppStore.getState().setZoneFocus("dayangbang");
    useAppStore.getState().select(["B"]);
    expect(map.calls).toEqual(["setFilterIds:B", "fitZone:dayangbang", "setSelection:B"]);
  });

  it("a map click selects; a click on empty map clears the selection", () => {
    const { map } = boundWithData();
    map.click?.("A");
    expect([...useAppStore.getState().selectedIds]).toEqual(["A"]);
    map.click?.(null);
    expect(useAppStore.getState().selectedIds.size).toBe(0);
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
