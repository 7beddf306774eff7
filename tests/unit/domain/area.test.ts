import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicAreaM2, planarAreaM2, transformGeometry } from "../../../src/domain/area";
import { makeTransform } from "../../../src/domain/crs";

const rect = (x: number, y: number, w: number, h: number): Position[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];
const poly = (...rings: Position[][]): Polygon => ({ type: "Polygon", coordinates: rings });

describe("planarAreaM2", () => {
  it("a 100 m × 50 m rectangle is 5000 m²", () => {
    expect(planarAreaM2(poly(rect(400000, 3380000, 100, 50)))).toBe(5000);
  });

  it("does not depend on winding (clockwise = counter-clockwise)", () => {
    const ring = rect(400000, 3380000, 100, 50);
    expect(planarAreaM2(poly([...ring].reverse()))).toBe(5000);
  });

  it("accepts an unclosed ring", () => {
    expect(planarAreaM2(poly(rect(0, 0, 100, 50).slice(0, 4)))).toBe(5000);
  });

  it("subtracts holes whatever their winding", () => {
    const outer = rect(400000, 3380000, 100, 100);
    const hole1 = rect(400010, 3380010, 20, 20); // same winding as the outer ring
    const hole2 = [...rect(400050, 3380050, 10, 30)].reverse();
    expect(planarAreaM2(poly(outer, hole1, hole2))).toBe(10000 - 400 - 300);
  });

  it("adds MultiPolygon parts (with their holes)", () => {
    const mp: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [[rect(0, 0, 100, 100), rect(10, 10, 10, 10)], [rect(500, 500, 30, 20)]],
    };
    expect(planarAreaM2(mp)).toBe(10000 - 100 + 600);
  });

  it("keeps 0.0001 m² precision with 8-digit zone-prefixed eastings", () => {
    // 100.01 m × 50.02 m = 5002.5002 m² exactly.
    const a = planarAreaM2(poly(rect(37412345.67, 3386789.01, 100.01, 50.02)));
    expect(Math.abs(a - 5002.5002)).toBeLessThan(1e-4);
    // A textbook shoelace on the raw coordinates is off by 0.016 m² here (measured); the local origin matters.
  });

  it("a triangle (non-rectangular) is exact", () => {
    expect(
      planarAreaM2(
        poly([
          [37400000, 3380000],
          [37400030, 3380000],
          [37400000, 3380040],
          [37400000, 3380000],
        ]),
      ),
    ).toBe(600);
  });

  it("a degenerate ring has area 0", () => {
    expect(
      planarAreaM2(
        poly([
          [0, 0],
          [1, 1],
        ]),
      ),
    ).toBe(0);
    expect(planarAreaM2({ type: "Polygon", coordinates: [] })).toBe(0);
  });
});

describe("transformGeometry", () => {
  it("maps every position into a new object and leaves the input alone", () => {
    const g = poly(rect(0, 0, 10, 10), rect(2, 2, 1, 1));
    const copy = JSON.parse(JSON.stringify(g));
    const out = transformGeometry(g, ([x, y]) => [x + 1, y * 2]);
    expect(g).toEqual(copy);
    expect(out).not.toBe(g);
    expect(out.type).toBe("Polygon");
    expect(out.coordinates[0]![2]).toEqual([11, 20]);
    expect(out.coordinates[1]![0]).toEqual([3, 4]);
  });

  it("drops a z value and does not hand the input positions to the caller's function", () => {
    const g: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0, 5],
          [1, 0, 5],
          [1, 1, 5],
          [0, 0, 5],
        ],
      ],
    };
    const out = transformGeometry(g, makeTransform("EPSG:4546", "EPSG:4525"));
    expect(out.coordinates[0]![1]).toHaveLength(2);
    expect(out.coordinates[0]![1]![0]).toBeCloseTo(37000001, 6);
    expect(g.coordinates[0]![1]).toEqual([1, 0, 5]);
  });

  it("keeps a MultiPolygon a MultiPolygon", () => {
    const mp: MultiPolygon = { type: "MultiPolygon", coordinates: [[rect(0, 0, 1, 1)], [rect(5, 5, 1, 1)]] };
    const out = transformGeometry(mp, ([x, y]) => [x, y]);
    expect(out.type).toBe("MultiPolygon");
    expect(out.coordinates).toHaveLength(2);
  });

  it("a lon/lat square near Jianshi projected to EPSG:4546 has a planar area close to turf's geodesic one", () => {
    const ll = poly(rect(109.8, 30.6, 0.001, 0.001));
    const planar = planarAreaM2(transformGeometry(ll, makeTransform("EPSG:4326", "EPSG:4546")));
    const geodesic = geodesicAreaM2(ll);
    expect(planar).toBeGreaterThan(9000);
    expect(Math.abs(geodesic / planar - 1)).toBeLessThan(0.002);
  });
});
