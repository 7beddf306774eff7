/**
 * Coverage fixtures (domain.md §8), hand-computed in planar metres: straight and along the roads,
 * a detour, a point on the facility's own segment, a disconnected road piece, the 0.5 m vertex
 * tolerance, the 500 m leg, and the property that road distance is never shorter than straight.
 */
import { describe, expect, it } from "vitest";
import {
  type CoverageFacility,
  computeCoverage,
  coveredWithin,
  type DemandPoint,
  indexDemand,
  serviceDistanceM,
} from "../../../src/domain/coverage";
import {
  buildRoadNetwork,
  joinNetwork,
  pathTree,
  roadDistance,
  routeTo,
  type XY,
} from "../../../src/domain/road-network";

const SERVICES = { kindergarten: { distanceM: 300 }, school: { distanceM: 500, juniorDistanceM: 1000 } };
const pt = (id: string, x: number, y: number, demand = 10): DemandPoint => ({ id, xy: [x, y], demand });
const fac = (
  id: string,
  x: number,
  y: number,
  kind: CoverageFacility["kind"] = "kindergarten",
): CoverageFacility => ({
  id,
  kind,
  status: "existing",
  points: [[x, y]],
});

describe("straight-line coverage", () => {
  it("covers at exactly the service distance and not a millimetre beyond", () => {
    const index = indexDemand([pt("on", 300, 0), pt("beyond", 300.001, 0), pt("diag", 180, 240)]);
    const r = computeCoverage(index, [fac("K", 0, 0)], SERVICES);
    expect(r.facilities[0]?.coveredIds).toEqual(["on", "diag"]);
    expect(r.facilities[0]?.coveredDemand).toBe(20);
    expect(r.facilities[0]?.share).toBeCloseTo(20 / 30, 12);
    expect(r.byKind.kindergarten.uncoveredIds).toEqual(["beyond"]);
    expect(r.nearest.get("diag")?.kindergarten).toBeCloseTo(300, 9);
  });
  it("uses the junior-school distance for a junior school", () => {
    expect(serviceDistanceM("school", SERVICES, "junior")).toBe(1000);
    expect(serviceDistanceM("school", SERVICES)).toBe(500);
    expect(serviceDistanceM("clinic", {})).toBe(1000);
  });
  it("counts the baseline from existing facilities only", () => {
    const index = indexDemand([pt("a", 100, 0), pt("b", 1000, 0)]);
    const planned: CoverageFacility = { ...fac("P", 1000, 100), status: "planned" };
    const r = computeCoverage(index, [fac("E", 0, 0), planned], SERVICES);
    expect(r.byKind.kindergarten.baselineDemand).toBe(10);
    expect(r.byKind.kindergarten.coveredDemand).toBe(20);
    expect(r.byKind.kindergarten.uncoveredIds).toEqual([]);
  });
});

describe("along the roads", () => {
  // A U-shaped road: (0,0) → (500,0) → (500,250) → (0,250)
  const u = buildRoadNetwork([
    [
      [0, 0],
      [500, 0],
      [500, 250],
      [0, 250],
    ],
  ]);
  it("a detour: the straight line covers, the road does not", () => {
    const index = indexDemand([pt("across", 0, 250)], u);
    expect(computeCoverage(index, [fac("K", 0, 0)], SERVICES, "straight").facilities[0]?.coveredDemand).toBe(
      10,
    );
    expect(computeCoverage(index, [fac("K", 0, 0)], SERVICES, "road").facilities[0]?.coveredDemand).toBe(0);
    const tree = pathTree(u, joinNetwork(u, [0, 0]) as never);
    expect(roadDistance(u, tree, joinNetwork(u, [0, 250]) as never)).toBeCloseTo(1250, 9);
  });
  it("points on the facility's own segment measure along it, legs included", () => {
    const line = buildRoadNetwork([
      [
        [0, 0],
        [1000, 0],
      ],
    ]);
    const a = joinNetwork(line, [100, 10]);
    const b = joinNetwork(line, [300, -20]);
    expect(a?.leg).toBeCloseTo(10, 12);
    expect(b?.t).toBeCloseTo(0.3, 12);
    const tree = pathTree(line, a as never);
    expect(roadDistance(line, tree, b as never)).toBeCloseTo(10 + 200 + 20, 9);
    expect(routeTo(line, tree, b as never)).toEqual([
      [100, 0],
      [300, 0],
    ]);
  });
  it("the perpendicular foot, or the nearer end", () => {
    const line = buildRoadNetwork([
      [
        [0, 0],
        [100, 0],
      ],
    ]);
    expect(joinNetwork(line, [130, 40])).toMatchObject({ t: 1, leg: 50 });
    expect(joinNetwork(line, [40, -30])?.foot).toEqual([40, 0]);
  });
  it("a disconnected road piece is not reached; crossing without a shared vertex does not connect", () => {
    const net = buildRoadNetwork([
      [
        [0, 0],
        [400, 0],
      ],
      [
        [200, -100],
        [200, 100],
      ], // crosses the first road at (200,0) without a vertex there
    ]);
    const index = indexDemand([pt("onMain", 250, 5), pt("onCross", 205, 90)], net);
    const c = coveredWithin(index, [[0, 5]], 1000, "road");
    expect([...c.keys()]).toEqual([0]);
    expect(c.get(0)).toBeCloseTo(5 + 250 + 5, 9);
  });
  it("vertices within 0.5 m connect; 0.6 m apart do not", () => {
    const mk = (gap: number) =>
      buildRoadNetwork([
        [
          [0, 0],
          [100, 0],
        ],
        [
          [100 + gap, 0],
          [200, 0],
        ],
      ]);
    for (const [gap, reached] of [
      [0.4, true],
      [0.6, false],
    ] as const) {
      const net = mk(gap);
      const tree = pathTree(net, joinNetwork(net, [0, 0]) as never);
      const d = roadDistance(net, tree, joinNetwork(net, [200, 0]) as never);
      expect(Number.isFinite(d)).toBe(reached);
    }
  });
  it("a point more than 500 m from every road does not join, so it is not covered along the roads", () => {
    const net = buildRoadNetwork([
      [
        [0, 0],
        [2000, 0],
      ],
    ]);
    expect(joinNetwork(net, [1000, 500])?.leg).toBe(500);
    expect(joinNetwork(net, [1000, 500.01])).toBeNull();
    const index = indexDemand([pt("far", 10, 500.01)], net);
    expect(coveredWithin(index, [[0, 0]], 1000, "straight").size).toBe(1);
    expect(coveredWithin(index, [[0, 0]], 1000, "road").size).toBe(0);
  });
  it("property: along the roads is never shorter than the straight line", () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let compared = 0;
    for (let run = 0; run < 30; run++) {
      // a random grid-ish network with random vertices
      const lines: XY[][] = [];
      for (let i = 0; i < 8; i++) {
        const line: XY[] = [];
        let x = rnd() * 2000;
        let y = rnd() * 2000;
        for (let k = 0; k < 6; k++) {
          line.push([x, y]);
          x += (rnd() - 0.5) * 600;
          y += (rnd() - 0.5) * 600;
        }
        lines.push(line);
      }
      // connect every line's start to the first line's start, so most of it is one piece
      const n = lines.length;
      for (let i = 1; i < n; i++) lines.push([lines[0]?.[0] as XY, lines[i]?.[0] as XY]);
      const net = buildRoadNetwork(lines);
      const pts = Array.from({ length: 40 }, (_, i) => pt(`p${i}`, rnd() * 2000, rnd() * 2000, 1));
      const index = indexDemand(pts, net);
      const from: XY = [rnd() * 2000, rnd() * 2000];
      const road = coveredWithin(index, [from], 5000, "road");
      for (const [k, d] of road) {
        const p = pts[k] as DemandPoint;
        expect(d).toBeGreaterThanOrEqual(Math.hypot(p.xy[0] - from[0], p.xy[1] - from[1]) - 1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
