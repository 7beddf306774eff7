/**
 * Site suggestions and the bus line (domain.md §8), hand-computed in planar metres: eligibility,
 * ranking by newly covered demand then total then id (ties), greedy k-site selection, bus-line
 * length, run time, stop spacing bands and stop catchments.
 */
import { describe, expect, it } from "vitest";
import { busLineFigures, positionAlong, routeThroughStops, spacingBand } from "../../../src/domain/bus-line";
import { type CoverageFacility, type DemandPoint, indexDemand } from "../../../src/domain/coverage";
import { buildRoadNetwork } from "../../../src/domain/road-network";
import { isEligibleSite, type SiteCandidate, suggestSites } from "../../../src/domain/siting";

const SERVICES = { kindergarten: { distanceM: 300 }, green: { distanceM: 500, minAreaM2: 10000 } };
const d = (id: string, x: number, y: number, demand: number): DemandPoint => ({ id, xy: [x, y], demand });
const site = (id: string, x: number, y: number, extra: Partial<SiteCandidate> = {}): SiteCandidate => ({
  id,
  xy: [x, y],
  areaM2: 5000,
  landStatus: "unsupplied",
  ...extra,
});

describe("eligibility", () => {
  it("takes unsupplied, reserved and public-service land large enough for the kind", () => {
    expect(isEligibleSite(site("a", 0, 0), undefined)).toBe(true);
    expect(isEligibleSite(site("b", 0, 0, { landStatus: "reserved" }), undefined)).toBe(true);
    expect(isEligibleSite(site("c", 0, 0, { landStatus: "supplied", landUse: "0803" }), undefined)).toBe(
      true,
    );
    expect(isEligibleSite(site("d", 0, 0, { landStatus: "supplied", landUse: "100101" }), undefined)).toBe(
      false,
    );
    expect(isEligibleSite(site("e", 0, 0, { areaM2: 9999.99 }), 10000)).toBe(false);
    expect(isEligibleSite(site("f", 0, 0, { areaM2: 10000 }), 10000)).toBe(true);
  });
});

describe("ranking", () => {
  // Demand: a cluster of 100 at x≈0 already served by an existing kindergarten, 60 at x=1000, 60 at x=2000.
  const index = indexDemand([
    d("h1", 0, 0, 100),
    d("w1", 1000, 0, 60),
    d("w2", 2000, 0, 60),
    d("w3", 2000, 250, 5),
  ]);
  const existing: CoverageFacility[] = [
    { id: "K0", kind: "kindergarten", status: "existing", points: [[0, 100]] },
  ];
  const cands = [
    site("S-old", 0, 50), // covers only the already-served cluster: newly 0, total 100
    site("S-b", 1000, 100), // newly 60
    site("S-a", 2000, 100), // newly 65 (w2 + w3)
    site("S-c", 2000, 120), // newly 65, the same total: the tie goes to the id
    site("S-big", 1000, 50, { landStatus: "supplied", landUse: "100101" }), // not eligible
  ];
  it("orders by newly covered demand, then total, then id", () => {
    const s = suggestSites(index, cands, existing, { kind: "kindergarten", services: SERVICES });
    expect(s.map((x) => [x.parcelId, x.newlyCoveredDemand, x.coveredDemand])).toEqual([
      ["S-a", 65, 65],
      ["S-c", 65, 65],
      ["S-b", 60, 60],
      ["S-old", 0, 100],
    ]);
    expect(s.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
  });
  it("a proposed facility of the kind is what is being decided: it does not reduce the newly covered demand", () => {
    const proposed: CoverageFacility = {
      id: "P",
      kind: "kindergarten",
      status: "proposed",
      points: [[1000, 0]],
    };
    const s = suggestSites(index, cands, [...existing, proposed], {
      kind: "kindergarten",
      services: SERVICES,
    });
    expect(s.find((x) => x.parcelId === "S-b")?.newlyCoveredDemand).toBe(60);
  });
  it("greedy k sites: each pick counts only what the earlier ones did not cover (then total demand decides)", () => {
    const s = suggestSites(index, cands, existing, {
      kind: "kindergarten",
      services: SERVICES,
      count: 3,
      greedy: true,
    });
    expect(s.map((x) => [x.parcelId, x.newlyCoveredDemand])).toEqual([
      ["S-a", 65],
      ["S-b", 60],
      ["S-old", 0], // nothing new is left anywhere; S-old covers 100 in total, S-c 65 (all by S-a already)
    ]);
  });
  it("reports the distance to the nearest road", () => {
    const net = buildRoadNetwork([
      [
        [0, -200],
        [3000, -200],
      ],
    ]);
    const withRoads = indexDemand(index.points, net);
    const s = suggestSites(withRoads, [site("S-a", 2000, 100)], [], {
      kind: "kindergarten",
      services: SERVICES,
      method: "straight",
    });
    expect(s[0]?.roadDistanceM).toBeCloseTo(300, 9);
  });
});

describe("bus line", () => {
  it("length, run time, spacing bands and catchments", () => {
    const line: [number, number][] = [
      [0, 0],
      [3000, 0],
    ];
    const stops: [number, number][] = [
      [0, 0],
      [600, 10],
      [1500, -10],
      [3000, 0],
    ];
    const index = indexDemand([d("near", 600, 250, 30), d("mid", 1500, 450, 20), d("far", 2200, 900, 50)]);
    const f = busLineFigures(line, stops, index, { speedKmh: 30, dwellSeconds: 30 });
    expect(f.lengthM).toBe(3000);
    // 3 km at 30 km/h = 6 min, plus 2 intermediate stops × 30 s = 1 min
    expect(f.runTimeMin).toBeCloseTo(7, 12);
    expect(f.spacings.map((s) => [Math.round(s.lengthM), s.band])).toEqual([
      [600, "urban"],
      [900, "between"],
      [1500, "suburban"],
    ]);
    expect(f.within300.straight).toBeCloseTo(0.3, 12);
    expect(f.within500.straight).toBeCloseTo(0.5, 12);
    expect(f.within500.road).toBeNull();
  });
  it("bands: < 500 short, 500–800 urban, 800–1000 between, ≥ 1000 suburban", () => {
    expect([499.9, 500, 800, 800.1, 999.9, 1000].map(spacingBand)).toEqual([
      "short",
      "urban",
      "urban",
      "between",
      "between",
      "suburban",
    ]);
  });
  it("routes along the roads through the stops, and says which pair cannot be routed", () => {
    const net = buildRoadNetwork([
      [
        [0, 0],
        [1000, 0],
        [1000, 1000],
      ],
      [
        [5000, 5000],
        [6000, 5000],
      ],
    ]);
    const r = routeThroughStops(net, [
      [0, 10],
      [1010, 500],
    ]);
    expect(r).toEqual({
      ok: true,
      line: [
        [0, 10],
        [0, 0],
        [1000, 0],
        [1000, 500],
        [1010, 500],
      ],
    });
    expect(
      routeThroughStops(net, [
        [0, 10],
        [1010, 500],
        [5500, 5010],
      ]),
    ).toEqual({ ok: false, failedPair: 1 });
    expect(
      positionAlong(
        [
          [0, 0],
          [1000, 0],
          [1000, 1000],
        ],
        [1010, 500],
      ),
    ).toBeCloseTo(1500, 9);
  });
});
