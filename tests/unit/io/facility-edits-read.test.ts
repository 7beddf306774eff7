/**
 * Facility edits read back from storage or a project file are checked field by field, like parcel
 * edits: a facility the planner could not draw or measure (no geometry, an unknown kind, a bus
 * without stops, coordinates that are not lon/lat) ends the history there, with the step and the
 * field named; good facility steps (a point, a site polygon, a bus line) are kept.
 */
import { describe, expect, it } from "vitest";
import { readHistory } from "../../../src/io/edits-read";

const step = (id: string, after: unknown, before: unknown = null) => ({
  id,
  at: "2026-12-02T01:00:00.000Z",
  label: { code: "facility-place", params: { name: "幼儿园" } },
  edits: [{ kind: "facility", facilityId: "P001", before, after }],
});
const kg = {
  id: "P001",
  kind: "kindergarten",
  status: "proposed",
  geometry: { type: "Point", coordinates: [109.7, 30.6] },
};

describe("facility edits from outside the app", () => {
  it("keeps points, site polygons and bus lines", () => {
    const site = {
      ...kg,
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [109.7, 30.6],
            [109.71, 30.6],
            [109.71, 30.61],
            [109.7, 30.6],
          ],
        ],
      },
    };
    const bus = {
      id: "P001",
      kind: "bus",
      status: "planned",
      geometry: {
        type: "LineString",
        coordinates: [
          [109.7, 30.6],
          [109.8, 30.6],
        ],
      },
      stops: [
        [109.7, 30.6],
        [109.8, 30.6],
      ],
    };
    const got = readHistory({
      steps: [step("a", kg), step("b", site, kg), step("c", bus, site), step("d", null, bus)],
      applied: 4,
    });
    expect(got.problems).toEqual([]);
    expect(got.history?.steps).toHaveLength(4);
  });

  it.each([
    ["an unknown kind", { ...kg, kind: "tower" }, "edits[0].after.kind"],
    ["no geometry", { ...kg, geometry: null }, "edits[0].after.geometry"],
    [
      "projected coordinates",
      { ...kg, geometry: { type: "Point", coordinates: [500000, 3400000] } },
      "edits[0].after.geometry",
    ],
    ["a bad status", { ...kg, status: "maybe" }, "edits[0].after.status"],
    ["a text capacity", { ...kg, capacity: "many" }, "edits[0].after.capacity"],
    ["another id", { ...kg, id: "P002" }, "edits[0].after.id"],
    [
      "a bus without stops",
      {
        ...kg,
        kind: "bus",
        geometry: {
          type: "LineString",
          coordinates: [
            [109.7, 30.6],
            [109.8, 30.6],
          ],
        },
      },
      "edits[0].after.stops",
    ],
  ])("drops the history from a step with %s, naming the field", (_what, after, reason) => {
    const got = readHistory({ steps: [step("a", kg), step("b", after, kg)], applied: 2 }, "plan.jiyue");
    expect(got.history?.steps.map((s) => s.id)).toEqual(["a"]);
    expect(got.problems).toEqual([
      {
        severity: "warning",
        code: "project-step-dropped",
        file: "plan.jiyue",
        params: { step: 2, reason, left: 1 },
      },
    ]);
  });
});
