/**
 * The map tools with a fake projection (no MapLibre, no DOM): a plate carrée of `K` pixels per
 * degree around the park. Measurements are checked against an independent planar computation:
 * proj4 called directly with the Gauss–Krüger zone 37 definition and a trapezoid-rule area.
 */
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { formatMeasurement } from "../../../src/i18n/mapTools";
import { CLICK_TOLERANCE_PX, DOUBLE_CLICK_MS } from "../../../src/map/tools/gesture";
import { TOOL_SOURCE, toolLayers, toolSource } from "../../../src/map/tools/layers";
import { ToolManager } from "../../../src/map/tools/manager";
import { type Measurement, MeasureTool } from "../../../src/map/tools/measure";
import { SelectTool } from "../../../src/map/tools/select";
import { DrawTool } from "../../../src/map/tools/sketch";
import type {
  DrawnGeometry,
  LngLat,
  MapTool,
  ScreenPoint,
  ToolContext,
  ToolPointerEvent,
  ToolRender,
} from "../../../src/map/tools/types";

const LON0 = 109.74;
const LAT0 = 30.63;
/** Pixels per degree (≈ zoom 17: one pixel ≈ 1 m). */
const K = 100_000;

class FakeMap implements ToolContext {
  cursor = "";
  dblZoom = true;
  redraws = 0;
  /** Parcels as screen rectangles [x0, y0, x1, y1]. */
  parcels = new Map<string, [number, number, number, number]>();
  project(ll: LngLat): ScreenPoint {
    return [(ll[0] - LON0) * K, (LAT0 - ll[1]) * K];
  }
  unproject(p: ScreenPoint): LngLat {
    return [LON0 + p[0] / K, LAT0 - p[1] / K];
  }
  parcelAt(p: ScreenPoint): string | null {
    for (const [id, [x0, y0, x1, y1]] of this.parcels)
      if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1) return id;
    return null;
  }
  setCursor(c: "" | "pointer" | "crosshair") {
    this.cursor = c;
  }
  setDoubleClickZoom(on: boolean) {
    this.dblZoom = on;
  }
  redraw() {
    this.redraws++;
  }
}

/** Drives a tool like a user: clicks and moves at screen points, time advancing. */
class User {
  time = 1000;
  constructor(
    readonly map: FakeMap,
    readonly tool: MapTool,
  ) {}
  ev(p: ScreenPoint, o: Partial<ToolPointerEvent> = {}): ToolPointerEvent {
    return {
      lngLat: this.map.unproject(p),
      point: p,
      button: "left",
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      time: this.time,
      ...o,
    };
  }
  move(p: ScreenPoint) {
    this.time += 50;
    this.tool.onPointerMove?.(this.ev(p, { button: "none" }));
  }
  click(p: ScreenPoint, o: Partial<ToolPointerEvent> = {}) {
    this.time += 500;
    this.tool.onPointerDown?.(this.ev(p, o));
    this.time += 80;
    this.tool.onPointerUp?.(this.ev(p, o));
  }
  dblclick(p: ScreenPoint) {
    this.click(p);
    this.time += 120;
    this.tool.onPointerDown?.(this.ev(p));
    this.time += 60;
    this.tool.onPointerUp?.(this.ev(p));
  }
  drag(from: ScreenPoint, to: ScreenPoint) {
    this.time += 500;
    this.tool.onPointerDown?.(this.ev(from));
    this.time += 200;
    this.tool.onPointerUp?.(this.ev(to));
  }
  key(key: string) {
    return this.tool.onKey?.({ key, shiftKey: false, ctrlKey: false }) ?? false;
  }
}

// --- an independent planar reference (not the app's makeTransform / planarAreaM2) ---------------
const GK37 = "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
const toGk = (ll: LngLat) => proj4("EPSG:4326", GK37, ll) as [number, number];
function refLength(lls: LngLat[], closed = false): number {
  const xy = lls.map(toGk);
  if (closed) xy.push(xy[0] as [number, number]);
  let s = 0;
  for (let i = 1; i < xy.length; i++) {
    const a = xy[i - 1] as [number, number];
    const b = xy[i] as [number, number];
    s += Math.sqrt((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2);
  }
  return s;
}
/** Trapezoid rule, Σ (x_{i+1} − x_i)(y_{i+1} + y_i) / 2, absolute. */
function refArea(lls: LngLat[]): number {
  const xy = lls.map(toGk);
  let s = 0;
  for (let i = 0; i < xy.length; i++) {
    const a = xy[i] as [number, number];
    const b = xy[(i + 1) % xy.length] as [number, number];
    s += (b[0] - a[0]) * (b[1] + a[1]);
  }
  return Math.abs(s) / 2;
}

function measureTool(kind: "distance" | "area", lang: "zh" | "en" = "zh") {
  const seen: (Measurement | null)[] = [];
  const tool = new MeasureTool({ kind, crs: "EPSG:4546", lang, onChange: (m) => seen.push(m) });
  const map = new FakeMap();
  tool.activate(map);
  return { tool, map, user: new User(map, tool), seen, last: () => seen.at(-1) ?? null };
}

const roles = (r: ToolRender) => r.features.map((f) => `${f.properties.role}:${f.geometry.type}`);

describe("measure distance", () => {
  const pts: ScreenPoint[] = [
    [100, 100],
    [400, 140],
    [420, 520],
  ];

  it("sums the planar segment lengths in the analysis CRS; a double click finishes", () => {
    const { user, map, last, tool } = measureTool("distance");
    expect(map.cursor).toBe("crosshair");
    expect(map.dblZoom).toBe(false);
    user.click(pts[0] as ScreenPoint);
    user.click(pts[1] as ScreenPoint);
    user.dblclick(pts[2] as ScreenPoint);
    const m = last();
    const lls = pts.map((p) => map.unproject(p));
    expect(m?.done).toBe(true);
    expect(m?.vertices).toBe(3);
    expect(m?.areaM2).toBeNull();
    expect(m?.crs).toBe("EPSG:4546");
    expect(m?.lengthM).toBeCloseTo(refLength(lls), 6);
    // ≈ 1 m per pixel here: the sum of the screen distances is the right order of magnitude.
    expect((m?.lengthM ?? 0) / (Math.hypot(300, 40) + Math.hypot(20, 380))).toBeGreaterThan(0.8);
    expect(roles(tool.render())).toEqual([
      "sketch:LineString",
      "vertex:Point",
      "vertex:Point",
      "vertex:Point",
      "label:Point",
    ]);
  });

  it("is live while drawing (the pointer is the next vertex) and Enter finishes", () => {
    const { user, map, last } = measureTool("distance");
    user.click([0, 0]);
    user.move([0, 300]);
    expect(last()?.done).toBe(false);
    expect(last()?.vertices).toBe(1);
    expect(last()?.lengthM).toBeCloseTo(refLength([map.unproject([0, 0]), map.unproject([0, 300])]), 6);
    user.click([0, 300]);
    user.move([500, 300]);
    expect(user.key("Enter")).toBe(true);
    expect(last()?.done).toBe(true);
    expect(last()?.vertices).toBe(2);
    expect(last()?.lengthM).toBeCloseTo(refLength([map.unproject([0, 0]), map.unproject([0, 300])]), 6);
  });

  it("a double click with one vertex does not finish; a drag (map pan) adds no vertex", () => {
    const { user, last } = measureTool("distance");
    user.dblclick([10, 10]);
    expect(last()?.done).toBe(false);
    expect(last()?.vertices).toBe(1);
    user.drag([100, 100], [100 + CLICK_TOLERANCE_PX + 20, 100]);
    expect(last()?.vertices).toBe(1);
  });

  it("two clicks far apart in time are not a double click", () => {
    const { user, last } = measureTool("distance");
    user.click([10, 10]);
    user.click([200, 10]);
    user.time += DOUBLE_CLICK_MS + 100;
    user.click([200, 10]);
    expect(last()?.done).toBe(false);
  });

  it("Backspace removes the last vertex, Escape cancels, and the next click starts anew after finishing", () => {
    const { user, last, tool } = measureTool("distance");
    user.click([0, 0]);
    user.click([100, 0]);
    user.click([100, 100]);
    expect(user.key("Backspace")).toBe(true);
    expect(last()?.vertices).toBe(2);
    expect(user.key("Escape")).toBe(true);
    expect(last()).toBeNull();
    expect(tool.render().features).toEqual([]);
    expect(user.key("Escape")).toBe(false);
    user.click([0, 0]);
    user.dblclick([0, 200]);
    expect(last()?.done).toBe(true);
    user.click([50, 50]);
    expect(last()).toMatchObject({ done: false, vertices: 1, lengthM: 0 });
  });

  it("labels the line in m or km, in the language", () => {
    const { user, tool } = measureTool("distance", "en");
    user.click([0, 0]);
    user.dblclick([0, 2000]);
    const label = tool.render().features.find((f) => f.properties.role === "label")?.properties.label;
    expect(label).toMatch(/^\d\.\d\d km$/);
  });
});

describe("measure area", () => {
  it("gives the planar polygon area in m² and 亩 and its perimeter, against the independent reference", () => {
    const { user, map, last, tool } = measureTool("area");
    const pts: ScreenPoint[] = [
      [100, 100],
      [400, 120],
      [380, 400],
      [90, 380],
    ];
    for (const p of pts.slice(0, 3)) user.click(p);
    user.dblclick(pts[3] as ScreenPoint);
    const lls = pts.map((p) => map.unproject(p));
    const m = last();
    expect(m?.done).toBe(true);
    expect(m?.areaM2).toBeCloseTo(refArea(lls), 4);
    expect(m?.areaMu).toBeCloseTo((refArea(lls) * 15) / 10000, 6);
    expect(m?.lengthM).toBeCloseTo(refLength(lls, true), 6);
    expect(roles(tool.render())).toEqual([
      "sketch:Polygon",
      "vertex:Point",
      "vertex:Point",
      "vertex:Point",
      "vertex:Point",
      "label:Point",
    ]);
    const label = tool.render().features.find((f) => f.properties.role === "label")?.properties.label ?? "";
    expect(label).toContain("m²");
    expect(label).toContain("亩");
  });

  it("a winding either way gives the same positive area; two points have no area yet", () => {
    const cw = measureTool("area");
    const ccw = measureTool("area");
    const sq: ScreenPoint[] = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
    ];
    cw.user.click(sq[0] as ScreenPoint);
    cw.user.click(sq[1] as ScreenPoint);
    expect(cw.last()?.areaM2).toBeNull();
    cw.user.click(sq[2] as ScreenPoint);
    cw.user.click(sq[3] as ScreenPoint);
    cw.user.key("Enter");
    for (const p of [...sq].reverse()) ccw.user.click(p);
    ccw.user.key("Enter");
    expect(cw.last()?.areaM2).toBeGreaterThan(0);
    expect(ccw.last()?.areaM2).toBeCloseTo(cw.last()?.areaM2 ?? 0, 6);
  });

  it("needs three vertices to finish", () => {
    const { user, last } = measureTool("area");
    user.click([0, 0]);
    user.dblclick([100, 0]);
    expect(last()?.done).toBe(false);
  });

  it("restores the map's cursor and double-click zoom when another tool takes over", () => {
    const { tool, map, user } = measureTool("area");
    user.click([0, 0]);
    tool.deactivate();
    expect(map.cursor).toBe("");
    expect(map.dblZoom).toBe(true);
    expect(tool.render().features).toEqual([]);
  });
});

describe("measurement text", () => {
  it("m below 1 km, km above; m² and 亩 / mu", () => {
    const d = (lengthM: number) => ({ kind: "distance" as const, lengthM, areaM2: null, areaMu: null });
    expect(formatMeasurement(d(86.44), "zh")).toBe("86.4 m");
    expect(formatMeasurement(d(512.4), "zh")).toBe("512 m");
    expect(formatMeasurement(d(1234), "en")).toBe("1.23 km");
    const a = { kind: "area" as const, lengthM: 1, areaM2: 12345.6, areaMu: (12345.6 * 15) / 10000 };
    expect(formatMeasurement(a, "zh")).toBe("12,346 m² · 18.52 亩");
    expect(formatMeasurement(a, "en", "map")).toBe("12,346 m²\n18.52 mu");
  });
});

describe("select tool", () => {
  function setup() {
    const calls: [string | null, string][] = [];
    const tool = new SelectTool({ onSelect: (id, how) => calls.push([id, how]) });
    const map = new FakeMap();
    map.parcels.set("HTK-001", [0, 0, 100, 100]);
    map.parcels.set("HTK-002", [200, 0, 300, 100]);
    tool.activate(map);
    return { calls, map, user: new User(map, tool) };
  }

  it("a click selects the parcel under it; a click on empty map clears", () => {
    const { calls, user } = setup();
    user.click([50, 50]);
    user.click([150, 50]);
    expect(calls).toEqual([
      ["HTK-001", "replace"],
      [null, "replace"],
    ]);
  });

  it("Shift or Ctrl toggles; a modified click on empty map changes nothing", () => {
    const { calls, user } = setup();
    user.click([250, 50], { shiftKey: true });
    user.click([50, 50], { ctrlKey: true });
    user.click([150, 50], { shiftKey: true });
    expect(calls).toEqual([
      ["HTK-002", "toggle"],
      ["HTK-001", "toggle"],
    ]);
  });

  it("a pan is not a click; the right button does nothing", () => {
    const { calls, user } = setup();
    user.drag([50, 50], [90, 90]);
    user.click([50, 50], { button: "right" });
    expect(calls).toEqual([]);
  });

  it("shows the pointer cursor over a parcel", () => {
    const { map, user } = setup();
    user.move([50, 50]);
    expect(map.cursor).toBe("pointer");
    user.move([150, 50]);
    expect(map.cursor).toBe("");
  });
});

describe("draw tool (for placing facilities, lines, polygons)", () => {
  function draw(kind: "point" | "line" | "polygon") {
    const out: DrawnGeometry[] = [];
    const tool = new DrawTool(kind, (g) => out.push(g));
    const map = new FakeMap();
    tool.activate(map);
    return { out, tool, map, user: new User(map, tool) };
  }

  it("a point finishes at its click, in lon/lat", () => {
    const { out, map, user } = draw("point");
    user.click([120, 80]);
    user.click([10, 10]);
    expect(out).toEqual([
      { type: "Point", coordinates: map.unproject([120, 80]) },
      { type: "Point", coordinates: map.unproject([10, 10]) },
    ]);
  });

  it("a polygon's ring is closed; the tool is ready for the next one", () => {
    const { out, map, user, tool } = draw("polygon");
    user.click([0, 0]);
    user.click([100, 0]);
    user.dblclick([100, 100]);
    const ring = [
      map.unproject([0, 0]),
      map.unproject([100, 0]),
      map.unproject([100, 100]),
      map.unproject([0, 0]),
    ];
    expect(out).toEqual([{ type: "Polygon", coordinates: [ring] }]);
    expect(tool.render().features).toEqual([]);
  });

  it("a line finishes with Enter; Escape cancels without a callback", () => {
    const { out, user } = draw("line");
    user.click([0, 0]);
    user.click([50, 0]);
    user.key("Escape");
    user.click([0, 0]);
    user.click([0, 70]);
    user.key("Enter");
    expect(out).toHaveLength(1);
    expect(out[0]?.type).toBe("LineString");
  });
});

describe("tool manager", () => {
  it("activates one tool at a time, routes events to it and draws only the active tool", () => {
    const drawn: ToolRender[] = [];
    const map = new FakeMap();
    const manager = new ToolManager(map, (r) => drawn.push(r));
    const selected: (string | null)[] = [];
    const select = new SelectTool({ onSelect: (id) => selected.push(id) });
    const measure = new MeasureTool({ kind: "distance", crs: "EPSG:4546", lang: "zh" });
    manager.setTool(measure);
    expect(manager.active).toBe(measure);
    const user = new User(map, measure);
    const at = (p: ScreenPoint) => user.ev(p);
    manager.pointerDown(at([0, 0]));
    manager.pointerUp(at([0, 0]));
    expect(drawn.at(-1)?.features.length).toBe(1);
    expect(manager.key({ key: "Escape", shiftKey: false, ctrlKey: false })).toBe(true);
    manager.pointerDown(at([0, 0]));
    manager.pointerUp(at([0, 0]));
    manager.setTool(select);
    // The measure sketch is gone and its late redraws are ignored.
    expect(drawn.at(-1)?.features).toEqual([]);
    const n = drawn.length;
    measure.onKey({ key: "Escape", shiftKey: false, ctrlKey: false });
    expect(drawn.length).toBe(n);
    expect(map.dblZoom).toBe(true);
    expect(manager.key({ key: "Enter", shiftKey: false, ctrlKey: false })).toBe(false);
    manager.destroy();
    expect(manager.active).toBeNull();
    expect(selected).toEqual([]);
  });
});

describe("tool layers", () => {
  for (const theme of ["default", "projector"] as const)
    it(`validate against the MapLibre style spec (${theme})`, () => {
      const style = {
        version: 8 as const,
        sources: { [TOOL_SOURCE]: toolSource() },
        layers: toolLayers(theme),
      };
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    });
});
