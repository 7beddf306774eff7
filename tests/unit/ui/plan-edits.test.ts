/**
 * The planner's edits from what the map tools hand over: placing a point or a site (a proposed
 * facility of the kind being planned), moving (a site polygon moves whole), drawing the bus line
 * (routed along the roads through the clicked stops, or as clicked; redrawing edits the plan's own
 * line), and the facility layer read back as one step; each one undoable step that
 * `applyFacilityEdits` replays and undoes.
 */
import { describe, expect, it } from "vitest";
import { applyFacilityEdits } from "../../../src/domain/edits";
import type { PlanFacility } from "../../../src/domain/facilities";
import { facilitiesGeoJson } from "../../../src/io/plan-write";
import type { ContextData } from "../../../src/state/types";
import { drawnStep, facilityPoint, movedFacility, newFacilityId } from "../../../src/ui/planner/planEdits";
import { importFacilitiesStep } from "../../../src/ui/planner/planFiles";

const kindText = (k: string) => ({ kindergarten: "幼儿园", bus: "公交线路", school: "学校" })[k] ?? k;

// A road east–west through the park at lat 30.62 (lon 109.70 → 109.74), and a side road north.
const context = {
  zones: { type: "FeatureCollection", features: [] },
  facilities: { type: "FeatureCollection", features: [] },
  centralUrbanArea: { type: "FeatureCollection", features: [] },
  roads: {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: {},
        geometry: {
          type: "LineString",
          coordinates: [
            [109.7, 30.62],
            [109.72, 30.62],
            [109.74, 30.62],
          ],
        },
      },
      {
        type: "Feature",
        properties: {},
        geometry: {
          type: "LineString",
          coordinates: [
            [109.72, 30.62],
            [109.72, 30.64],
          ],
        },
      },
    ],
  },
} as unknown as ContextData;

const state = (over: Partial<Parameters<typeof drawnStep>[0]> = {}): Parameters<typeof drawnStep>[0] => ({
  plannerKind: "kindergarten",
  plannerFacilityId: null,
  busRouted: true,
  context,
  dataset: null,
  standards: null,
  lang: "zh",
  ...over,
});

const base: PlanFacility[] = [
  {
    id: "F01",
    kind: "clinic",
    status: "existing",
    geometry: { type: "Point", coordinates: [109.71, 30.62] },
  },
  { id: "P002", kind: "green", status: "planned", geometry: { type: "Point", coordinates: [109.72, 30.63] } },
];

describe("placing and moving", () => {
  it("places a proposed facility of the kind being planned, with a new id and name", () => {
    const got = drawnStep(
      state(),
      base,
      "place-point",
      { type: "Point", coordinates: [109.73, 30.621] },
      kindText,
    );
    if (!got.ok) throw new Error("not placed");
    expect(newFacilityId(base)).toBe("P003");
    expect(got.step.label.code).toBe("facility-place");
    expect(got.step.edits).toEqual([
      {
        kind: "facility",
        facilityId: "P003",
        before: null,
        after: {
          id: "P003",
          kind: "kindergarten",
          status: "proposed",
          name: "幼儿园（新建 P003）",
          geometry: { type: "Point", coordinates: [109.73, 30.621] },
        },
      },
    ]);
    const plan = applyFacilityEdits(base, got.step.edits);
    expect(plan.map((f) => f.id)).toEqual(["F01", "P002", "P003"]);
    // Undone (the step's edits left out): the plan as before.
    expect(applyFacilityEdits(base, [])).toEqual(base);
  });

  it("draws a site polygon; the bus is drawn with its own tool", () => {
    const ring: [number, number][] = [
      [109.73, 30.62],
      [109.731, 30.62],
      [109.731, 30.621],
      [109.73, 30.62],
    ];
    const got = drawnStep(state(), base, "place-polygon", { type: "Polygon", coordinates: [ring] }, kindText);
    expect(got.ok && got.step.edits[0]?.after?.geometry.type).toBe("Polygon");
    const bus = drawnStep(
      state({ plannerKind: "bus" }),
      base,
      "place-point",
      { type: "Point", coordinates: [1, 1] },
      kindText,
    );
    expect(bus).toEqual({ ok: false, notice: { code: "busUseLineTool" } });
  });

  it("moves the selected facility (a point to the click; a site polygon as a whole)", () => {
    const got = drawnStep(
      state({ plannerFacilityId: "P002" }),
      base,
      "move-facility",
      { type: "Point", coordinates: [109.725, 30.625] },
      kindText,
    );
    if (!got.ok) throw new Error("not moved");
    expect(got.step.label.code).toBe("facility-move");
    expect(got.step.edits[0]?.before).toBe(base[1]);
    expect(got.step.edits[0]?.after?.geometry).toEqual({ type: "Point", coordinates: [109.725, 30.625] });
    const site: PlanFacility = {
      id: "S",
      kind: "green",
      status: "planned",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    };
    const moved = movedFacility(site, [11, 21]);
    expect(facilityPoint(moved)).toEqual([11, 21]);
    expect(moved.geometry.type === "Polygon" && moved.geometry.coordinates[0]?.[0]).toEqual([10, 20]);
    // Nothing selected: nothing moves, and the user is told.
    expect(
      drawnStep(state(), base, "move-facility", { type: "Point", coordinates: [1, 1] }, kindText),
    ).toEqual({
      ok: false,
      notice: { code: "moveNothing" },
    });
  });
});

describe("the bus line", () => {
  const stops: [number, number][] = [
    [109.701, 30.6205],
    [109.72, 30.639],
    [109.739, 30.6195],
  ];

  it("routed along the roads: the clicked points are the stops, the line follows the roads", () => {
    const got = drawnStep(state(), base, "draw-bus", { type: "LineString", coordinates: stops }, kindText);
    if (!got.ok) throw new Error("not drawn");
    const bus = got.step.edits[0]?.after;
    expect(got.step.label.code).toBe("bus-draw");
    expect(bus?.kind).toBe("bus");
    expect(bus?.stops).toEqual(stops);
    const line = bus?.geometry.type === "LineString" ? bus.geometry.coordinates : [];
    // Through the junction at 109.72 both ways, and up the side road's end.
    expect(
      line.some(
        (p) => Math.abs((p[0] as number) - 109.72) < 1e-9 && Math.abs((p[1] as number) - 30.62) < 1e-9,
      ),
    ).toBe(true);
    expect(line.length).toBeGreaterThan(stops.length);
    // Starts and ends at the first and last stop (through the projection and back: 1e-9°).
    expect(line[0]?.[0]).toBeCloseTo(109.701, 9);
    expect(line[0]?.[1]).toBeCloseTo(30.6205, 9);
    expect(line.at(-1)?.[0]).toBeCloseTo(109.739, 9);
    expect(line.at(-1)?.[1]).toBeCloseTo(30.6195, 9);
  });

  it("as clicked when routing is off; redrawing edits the plan's own line (one step, undoable)", () => {
    const first = drawnStep(
      state({ busRouted: false }),
      base,
      "draw-bus",
      { type: "LineString", coordinates: stops },
      kindText,
    );
    if (!first.ok) throw new Error("not drawn");
    const plan = applyFacilityEdits(base, first.step.edits);
    const line = plan.find((f) => f.kind === "bus");
    expect(line?.geometry).toEqual({ type: "LineString", coordinates: stops });
    const again = drawnStep(
      state({ busRouted: false }),
      plan,
      "draw-bus",
      { type: "LineString", coordinates: stops.slice(0, 2) },
      kindText,
    );
    if (!again.ok) throw new Error("not redrawn");
    expect(again.step.label.code).toBe("bus-redraw");
    expect(again.step.edits[0]?.before).toBe(line);
    expect(again.step.edits[0]?.after?.stops).toEqual(stops.slice(0, 2));
  });

  it("says which pair of stops cannot be routed, and when there are no roads", () => {
    const far: [number, number][] = [stops[0] as [number, number], [109.9, 30.9]];
    expect(drawnStep(state(), base, "draw-bus", { type: "LineString", coordinates: far }, kindText)).toEqual({
      ok: false,
      notice: { code: "routeFailed", params: { from: 1, to: 2 } },
    });
    expect(
      drawnStep(
        state({ context: null }),
        base,
        "draw-bus",
        { type: "LineString", coordinates: stops },
        kindText,
      ),
    ).toEqual({ ok: false, notice: { code: "routeNoRoads" } });
  });
});

describe("the facility layer as GeoJSON", () => {
  it("exports and reads back the same facilities, as one step replacing those of the same id", () => {
    const bus: PlanFacility = {
      id: "B1",
      kind: "bus",
      status: "proposed",
      name: "园区—城区",
      geometry: {
        type: "LineString",
        coordinates: [
          [109.7, 30.62],
          [109.74, 30.62],
        ],
      },
      stops: [
        [109.7, 30.62],
        [109.72, 30.62],
        [109.74, 30.62],
      ],
    };
    const school: PlanFacility = {
      id: "S1",
      kind: "school",
      status: "planned",
      level: "junior",
      capacity: 900,
      geometry: { type: "Point", coordinates: [109.72, 30.63] },
    };
    const text = facilitiesGeoJson([...base, bus, school]);
    const got = importFacilitiesStep(new TextEncoder().encode(text), "设施.geojson", base);
    expect(got.count).toBe(4);
    expect(got.step?.label).toEqual({ code: "facility-import", params: { count: 4, file: "设施.geojson" } });
    const after = applyFacilityEdits(base, got.step?.edits ?? []);
    expect(after).toEqual([...base, bus, school]);
    // F01 was there: replaced (before = the plan's), the new ones added.
    expect(got.step?.edits[0]?.before).toBe(base[0]);
    expect(got.step?.edits[2]?.before).toBeNull();
  });

  it("a file with no usable facility changes nothing and says why", () => {
    const got = importFacilitiesStep(new TextEncoder().encode("{oops"), "bad.geojson", base);
    expect(got.step).toBeNull();
    expect(got.problems[0]?.code).toBe("not-json");
  });
});
