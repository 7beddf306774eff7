import { describe, expect, it } from "vitest";
import { layerOps } from "../../../src/map/diff";
import { buildLayers, LAYER } from "../../../src/map/style";

/** Apply ops to a list of layer ids the way MapLibre would (to check the resulting order). */
function applyOrder(ids: string[], ops: ReturnType<typeof layerOps>): string[] {
  const out = [...ids];
  for (const op of ops) {
    if (op.op === "removeLayer") out.splice(out.indexOf(op.id), 1);
    if (op.op === "addLayer") {
      const at = op.beforeId === undefined ? out.length : out.indexOf(op.beforeId);
      expect(at).toBeGreaterThanOrEqual(0);
      out.splice(at, 0, op.layer.id);
    }
  }
  return out;
}

describe("layerOps", () => {
  it("no change, no ops", () => {
    const l = buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    expect(layerOps(l, buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "zh" }))).toEqual([]);
  });
  it("language change only touches text-field layouts", () => {
    const a = buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const b = buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "en" });
    const ops = layerOps(a, b);
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      expect(op.op).toBe("setLayoutProperty");
      if (op.op === "setLayoutProperty") expect(op.name).toBe("text-field");
    }
    expect(ops.map((o) => ("id" in o ? o.id : ""))).toContain(LAYER.zoneLabels);
  });
  it("theme change sets paint/layout properties and never removes a data layer", () => {
    const a = buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const b = buildLayers({ basemap: { kind: "none" }, theme: "projector", lang: "zh" });
    const ops = layerOps(a, b);
    expect(
      ops.some((o) => o.op === "setPaintProperty" && o.id === LAYER.zonesLine && o.name === "line-width"),
    ).toBe(true);
    expect(ops.filter((o) => o.op === "removeLayer" || o.op === "addLayer")).toEqual([]);
  });
  it("basemap none → tianditu adds the raster layers in their place; back removes them", () => {
    const none = buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const tdt = buildLayers({ basemap: { kind: "tianditu", key: "k" }, theme: "default", lang: "zh" });
    const ops = layerOps(none, tdt);
    expect(
      applyOrder(
        none.map((l) => l.id),
        ops,
      ),
    ).toEqual(tdt.map((l) => l.id));
    expect(
      ops.filter((o) => o.op === "addLayer").map((o) => (o.op === "addLayer" ? o.layer.id : "")),
    ).toEqual([LAYER.basemap, LAYER.basemapLabels]);
    const back = layerOps(tdt, none);
    expect(
      applyOrder(
        tdt.map((l) => l.id),
        back,
      ),
    ).toEqual(none.map((l) => l.id));
  });
  it("a removed property is reset with undefined", () => {
    const a = [{ id: "x", type: "background" as const, paint: { "background-color": "#fff" } }];
    const b = [{ id: "x", type: "background" as const, paint: {} }];
    expect(layerOps(a, b)).toEqual([
      { op: "setPaintProperty", id: "x", name: "background-color", value: undefined },
    ]);
  });
  it("a changed filter is set", () => {
    const a = [{ id: "f", type: "fill" as const, source: "s", filter: ["==", ["get", "a"], 1] as never }];
    const b = [{ id: "f", type: "fill" as const, source: "s", filter: ["==", ["get", "a"], 2] as never }];
    expect(layerOps(a, b)).toEqual([{ op: "setFilter", id: "f", filter: ["==", ["get", "a"], 2] }]);
  });
});
