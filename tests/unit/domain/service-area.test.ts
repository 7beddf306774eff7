/**
 * Service-area shapes (domain.md §8), hand-computed in planar metres: the reached roads end where
 * the road distance reaches the service distance (from both ends of a segment, from the
 * facility's foot on its own segment), and the area served along the roads agrees with the
 * coverage rule (leg + road distance ≤ r) up to one grid cell; the reach cache gives the same
 * coverage as computing afresh.
 */
import { describe, expect, it } from "vitest";
import {
  computeCoverage,
  coveredWithin,
  type DemandPoint,
  indexDemand,
  ReachCache,
} from "../../../src/domain/coverage";
import {
  buildRoadNetwork,
  joinNetwork,
  pathTree,
  roadDistance,
  type XY,
} from "../../../src/domain/road-network";
import { circleRing, reachedRoads, roadServiceArea } from "../../../src/domain/service-area";

const road = buildRoadNetwork([
  [
    [0, 0],
    [1000, 0],
  ],
  [
    [1000, 0],
    [1000, 1000],
  ],
]);

const tree = (p: XY, r: number) => {
  const j = joinNetwork(road, p);
  if (!j) throw new Error("not joined");
  return pathTree(road, j, r);
};

const inRects = (rects: [number, number, number, number][], p: XY) =>
  rects.some(([x0, y0, x1, y1]) => p[0] >= x0 && p[0] < x1 && p[1] >= y0 && p[1] < y1);

describe("reached roads", () => {
  it("end at the service distance from the facility's foot, both ways along its segment", () => {
    // Facility 40 m north of the road at x = 500: its leg is 40 m, 260 m left each way.
    const pieces = reachedRoads(road, tree([500, 40], 300), 300);
    const xs = pieces.flatMap((p) => p.line.map((v) => v[0]));
    expect(Math.min(...xs)).toBeCloseTo(240, 6);
    expect(Math.max(...xs)).toBeCloseTo(760, 6);
    for (const p of pieces) for (const d of p.d) expect(d).toBeLessThanOrEqual(300 + 1e-9);
    // The foot itself is at 40 m (the leg).
    expect(pieces.some((p) => p.d.some((d) => Math.abs(d - 40) < 1e-9))).toBe(true);
  });

  it("turn the corner with what is left of the distance", () => {
    // Foot at x = 900: 100 m to the corner, 200 m up the second road.
    const pieces = reachedRoads(road, tree([900, 0], 300), 300);
    const ys = pieces.flatMap((p) => p.line.filter((v) => v[0] === 1000).map((v) => v[1]));
    expect(Math.max(...ys)).toBeCloseTo(200, 6);
  });

  it("a segment reached from both ends but not in its middle gives two pieces, split where the walks cross", () => {
    // A square loop of 4 × 400 m, facility at a corner: the far corner is 800 m away; r = 700.
    const loop = buildRoadNetwork([
      [
        [0, 0],
        [400, 0],
        [400, 400],
        [0, 400],
        [0, 0],
      ],
    ]);
    const j = joinNetwork(loop, [0, 0]);
    if (!j) throw new Error("not joined");
    const pieces = reachedRoads(loop, pathTree(loop, j, 700), 700);
    for (const p of pieces) {
      // Linear along each piece: the middle's distance is the mean of its ends'.
      const mid: XY = [(p.line[0][0] + p.line[1][0]) / 2, (p.line[0][1] + p.line[1][1]) / 2];
      const jm = joinNetwork(loop, mid);
      if (!jm) throw new Error("not joined");
      const d = roadDistance(loop, pathTree(loop, j), jm);
      expect(d).toBeCloseTo((p.d[0] + p.d[1]) / 2, 6);
    }
    const total = pieces.reduce(
      (s, p) => s + Math.hypot(p.line[1][0] - p.line[0][0], p.line[1][1] - p.line[0][1]),
      0,
    );
    // 700 m each way from the corner, around a 1600 m loop: 1400 m reached.
    expect(total).toBeCloseTo(1400, 6);
  });
});

describe("the area served along the roads", () => {
  it("holds the points whose leg plus road distance is within the service distance (up to one cell)", () => {
    const r = 300;
    const facility: XY = [500, 40];
    const area = roadServiceArea(road, [tree(facility, r)], [facility], r);
    const cell = area.cellM;
    const points: DemandPoint[] = [];
    for (let x = 100; x <= 900; x += 17)
      for (let y = -300; y <= 300; y += 13) points.push({ id: `${x},${y}`, xy: [x, y], demand: 1 });
    const index = indexDemand(points, road);
    const covered = coveredWithin(index, [facility], r, "road");
    const coveredLoose = coveredWithin(index, [facility], r + 2 * cell, "road");
    const coveredStrict = coveredWithin(index, [facility], r - 2 * cell, "road");
    let inside = 0;
    points.forEach((p, k) => {
      const isIn = inRects(area.rects, p.xy);
      if (covered.has(k) && coveredStrict.has(k)) expect(isIn).toBe(true);
      if (isIn) {
        inside++;
        expect(coveredLoose.has(k)).toBe(true);
      }
    });
    expect(inside).toBeGreaterThan(0);
    // Never beyond the straight-line circle.
    for (const [x0, y0, x1, y1] of area.rects)
      for (const v of [
        [x0, y0],
        [x1, y1],
      ] as XY[])
        expect(Math.hypot(v[0] - facility[0], v[1] - facility[1])).toBeLessThanOrEqual(r + 2 * cell);
  });

  it("leaves out the far side of a valley whose points join another road", () => {
    // Two parallel roads 200 m apart, joined 2 km away; the facility on the southern one.
    const valley = buildRoadNetwork([
      [
        [0, 0],
        [2000, 0],
        [2000, 200],
        [0, 200],
      ],
    ]);
    const r = 300;
    const j = joinNetwork(valley, [500, 0]);
    if (!j) throw new Error("not joined");
    const area = roadServiceArea(valley, [pathTree(valley, j, r)], [[500, 0]], r);
    expect(inRects(area.rects, [500, 80])).toBe(true); // nearer the southern road: 80 m leg
    expect(inRects(area.rects, [500, 150])).toBe(false); // joins the northern road: 4 km round
    expect(inRects(area.rects, [500, -250])).toBe(true);
    const areaM2 = area.rects.reduce((s, [x0, y0, x1, y1]) => s + (x1 - x0) * (y1 - y0), 0);
    expect(areaM2).toBeLessThan(0.8 * Math.PI * r * r);
    // The outline is made of axis-parallel pieces on the grid.
    for (const [a, b] of area.edges) expect(a[0] === b[0] || a[1] === b[1]).toBe(true);
    expect(circleRing([500, 0], r)).toHaveLength(65);
  });

  it("is empty without service points", () => {
    expect(roadServiceArea(road, [], [], 300).rects).toEqual([]);
  });
});

describe("the reach cache", () => {
  it("gives the same coverage as computing afresh, and is hit when a facility stays put", () => {
    const points: DemandPoint[] = [];
    for (let x = 0; x <= 1000; x += 50) points.push({ id: `p${x}`, xy: [x, 60], demand: x });
    const index = indexDemand(points, road);
    const facilities = [
      { id: "a", kind: "kindergarten" as const, status: "existing" as const, points: [[100, 0]] as XY[] },
      { id: "b", kind: "clinic" as const, status: "planned" as const, points: [[800, 10]] as XY[] },
    ];
    const services = { kindergarten: { distanceM: 300 }, clinic: { distanceM: 1000 } };
    const cache = new ReachCache();
    const fresh = computeCoverage(index, facilities, services);
    expect(computeCoverage(index, facilities, services, undefined, cache)).toEqual(fresh);
    expect(cache.size).toBe(2);
    // Move one: one new entry, same figures as without a cache.
    const moved = [facilities[0], { ...facilities[1], points: [[500, 10]] as XY[] }] as typeof facilities;
    expect(computeCoverage(index, moved, services, undefined, cache)).toEqual(
      computeCoverage(index, moved, services),
    );
    expect(cache.size).toBe(3);
  });
});
