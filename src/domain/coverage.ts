/**
 * Service coverage of the "six ones" (六个一) facilities (domain.md §8).
 *
 * Everything is planar metres in the analysis CRS: demand points are the parcels' representative
 * points projected there, facilities likewise. Distances are straight-line, or along the road
 * network when one is given (`road-network.ts`), which is never shorter than the straight line.
 * Covered means distance ≤ service distance. Demand = employees + residents (missing = 0).
 * A bus line covers through its stops (the nearest stop counts).
 */
import {
  joinNetwork,
  type PathTree,
  pathTree,
  type RoadJoin,
  type RoadNetwork,
  roadDistance,
  type XY,
} from "./road-network";
import type { ServiceStandard } from "./types";

/** The six kinds, in the plan's order. */
export const SIX_ONES = ["kindergarten", "school", "clinic", "leisure", "green", "bus"] as const;
export type FacilityKind = (typeof SIX_ONES)[number];

export function isFacilityKind(x: unknown): x is FacilityKind {
  return typeof x === "string" && (SIX_ONES as readonly string[]).includes(x);
}

/** `existing` facilities are the baseline; `planned` and `proposed` ones show what they add. */
export type FacilityStatus = "existing" | "planned" | "proposed";

/** A facility reduced to what coverage needs. */
export interface CoverageFacility {
  id: string;
  kind: FacilityKind;
  status: FacilityStatus;
  /** Where it serves from, planar m: one point, or a bus line's stops. */
  points: readonly XY[];
  /** For a school: `junior` uses the junior-school distance. */
  level?: "primary" | "junior";
}

/** One parcel's demand at its representative point. */
export interface DemandPoint {
  id: string;
  xy: XY;
  /** employees + residents, persons. */
  demand: number;
}

/** Fallback service distances (domain.md §8) when the standards file has none for a kind. */
export const DEFAULT_SERVICE_DISTANCE_M: Record<FacilityKind, number> = {
  kindergarten: 300,
  school: 500,
  clinic: 1000,
  leisure: 500,
  green: 500,
  bus: 500,
};

/** The service distance of a facility, m: `distanceM` (a bus: `stopDistanceM`; a junior school: `juniorDistanceM`). */
export function serviceDistanceM(
  kind: FacilityKind,
  services: Readonly<Record<string, ServiceStandard>>,
  level?: "primary" | "junior",
): number {
  const s = services[kind];
  if (kind === "bus") return s?.stopDistanceM ?? DEFAULT_SERVICE_DISTANCE_M.bus;
  if (kind === "school" && level === "junior") return s?.juniorDistanceM ?? 1000;
  return s?.distanceM ?? DEFAULT_SERVICE_DISTANCE_M[kind];
}

export type DistanceMethod = "straight" | "road";

/**
 * The demand points prepared once for many distance queries: a grid for "points within r of"
 * look-ups and, with a network, each point's join to the roads.
 */
export interface DemandIndex {
  points: readonly DemandPoint[];
  totalDemand: number;
  network: RoadNetwork | null;
  /** Per point, its join to the network (null: farther than 500 m from every road). */
  joins: (RoadJoin | null)[];
  cell: number;
  /** Demand point indices by grid cell (key {@link cellKey}). */
  cells: Map<number, number[]>;
  /** The last shortest-path tree, whose arrays the next one reuses (internal). */
  scratch?: PathTree;
}

const CELL_M = 500;
/** One number per grid cell (cells are 500 m; ±2²⁰ cells is ±524,000 km, more than any CRS holds). */
const cellKey = (i: number, j: number) => (i + 1048576) * 2097152 + (j + 1048576);

export function indexDemand(points: readonly DemandPoint[], network: RoadNetwork | null = null): DemandIndex {
  const cells = new Map<number, number[]>();
  let total = 0;
  points.forEach((p, i) => {
    total += p.demand;
    const k = cellKey(Math.floor(p.xy[0] / CELL_M), Math.floor(p.xy[1] / CELL_M));
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  });
  return {
    points,
    totalDemand: total,
    network,
    joins: network ? points.map((p) => joinNetwork(network, p.xy)) : [],
    cell: CELL_M,
    cells,
  };
}

/** Indices of the demand points within straight distance `r` of `xy`, with that distance. */
function pointsWithin(index: DemandIndex, xy: XY, r: number, f: (i: number, d: number) => void): void {
  const c = index.cell;
  const i0 = Math.floor((xy[0] - r) / c);
  const i1 = Math.floor((xy[0] + r) / c);
  const j0 = Math.floor((xy[1] - r) / c);
  const j1 = Math.floor((xy[1] + r) / c);
  for (let i = i0; i <= i1; i++)
    for (let j = j0; j <= j1; j++) {
      const list = index.cells.get(cellKey(i, j));
      if (!list) continue;
      for (const k of list) {
        const p = index.points[k] as DemandPoint;
        const d = Math.hypot(p.xy[0] - xy[0], p.xy[1] - xy[1]);
        if (d <= r) f(k, d);
      }
    }
}

/**
 * Distance from the nearest of `from` (a facility's points) to every demand point within `r`, by
 * the chosen method: a map of point index → distance (m) for the points covered (distance ≤ r).
 * Along the roads, points or facilities not joined to the network, or on another road piece,
 * are not covered. With `method: "road"` and no network, falls back to straight (callers decide).
 */
export function coveredWithin(
  index: DemandIndex,
  from: readonly XY[],
  r: number,
  method: DistanceMethod,
): Map<number, number> {
  const out = new Map<number, number>();
  const net = index.network;
  for (const xy of from) {
    if (method === "road" && net) {
      const join = joinNetwork(net, xy);
      if (!join) continue;
      const tree = pathTree(net, join, r, index.scratch);
      index.scratch = tree;
      pointsWithin(index, xy, r, (k) => {
        const j = index.joins[k];
        if (!j) return;
        const d = roadDistance(net, tree, j);
        if (d <= r && d < (out.get(k) ?? Number.POSITIVE_INFINITY)) out.set(k, d);
      });
    } else {
      pointsWithin(index, xy, r, (k, d) => {
        if (d < (out.get(k) ?? Number.POSITIVE_INFINITY)) out.set(k, d);
      });
    }
  }
  return out;
}

/**
 * Reach already computed, by (method, distance, points): moving one facility then costs one
 * shortest-path tree, and site suggestions reuse every candidate's reach. Valid for one
 * {@link DemandIndex} only (keep it beside the index; a new index needs a new cache).
 */
export class ReachCache {
  private readonly map = new Map<string, Map<number, number>>();
  constructor(private readonly limit = 20000) {}

  get size(): number {
    return this.map.size;
  }

  covered(index: DemandIndex, from: readonly XY[], r: number, method: DistanceMethod): Map<number, number> {
    const key = `${method}|${r}|${from.map((p) => `${p[0]},${p[1]}`).join(";")}`;
    const hit = this.map.get(key);
    if (hit) {
      // Most recently used last, so the oldest go first when the cache is full.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const got = coveredWithin(index, from, r, method);
    this.map.set(key, got);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    return got;
  }
}

/** {@link coveredWithin}, through a cache when one is given (the result must not be changed). */
export function reachOf(
  index: DemandIndex,
  from: readonly XY[],
  r: number,
  method: DistanceMethod,
  cache?: ReachCache,
): Map<number, number> {
  return cache ? cache.covered(index, from, r, method) : coveredWithin(index, from, r, method);
}

export interface FacilityCoverage {
  facilityId: string;
  kind: FacilityKind;
  status: FacilityStatus;
  serviceDistanceM: number;
  method: DistanceMethod;
  /** Ids of the parcels covered, in demand-point order. */
  coveredIds: string[];
  /** Demand covered, persons. */
  coveredDemand: number;
  /** coveredDemand ÷ total demand (0 when there is no demand). */
  share: number;
}

export interface KindCoverage {
  kind: FacilityKind;
  /** Demand covered by the existing facilities of this kind (the baseline). */
  baselineDemand: number;
  /** Demand covered by all facilities of this kind (existing, planned and proposed). */
  coveredDemand: number;
  share: number;
  baselineShare: number;
  /** Parcels with demand that no facility of this kind covers. */
  uncoveredIds: string[];
  facilityCount: number;
}

export interface CoverageResult {
  totalDemand: number;
  method: DistanceMethod;
  facilities: FacilityCoverage[];
  byKind: Record<FacilityKind, KindCoverage>;
  /** Per parcel id, per kind, the distance (m) to the nearest covering facility of that kind. */
  nearest: Map<string, Partial<Record<FacilityKind, number>>>;
}

/**
 * Coverage of every facility and of each kind. `method` defaults to `road` when the index has a
 * network, else `straight`.
 */
export function computeCoverage(
  index: DemandIndex,
  facilities: readonly CoverageFacility[],
  services: Readonly<Record<string, ServiceStandard>>,
  method: DistanceMethod = index.network ? "road" : "straight",
  cache?: ReachCache,
): CoverageResult {
  const total = index.totalDemand;
  const share = (d: number) => (total > 0 ? d / total : 0);
  const coveredByKind = new Map<FacilityKind, Set<number>>();
  const baselineByKind = new Map<FacilityKind, Set<number>>();
  const nearest = new Map<string, Partial<Record<FacilityKind, number>>>();
  const results: FacilityCoverage[] = facilities.map((f) => {
    const r = serviceDistanceM(f.kind, services, f.level);
    const covered = reachOf(index, f.points, r, method, cache);
    const all = coveredByKind.get(f.kind) ?? new Set<number>();
    coveredByKind.set(f.kind, all);
    const base = baselineByKind.get(f.kind) ?? new Set<number>();
    baselineByKind.set(f.kind, base);
    let demand = 0;
    const ids: number[] = [...covered.keys()].sort((a, b) => a - b);
    for (const k of ids) {
      const p = index.points[k] as DemandPoint;
      demand += p.demand;
      all.add(k);
      if (f.status === "existing") base.add(k);
      const near = nearest.get(p.id) ?? {};
      const d = covered.get(k) as number;
      if (d < (near[f.kind] ?? Number.POSITIVE_INFINITY)) near[f.kind] = d;
      nearest.set(p.id, near);
    }
    return {
      facilityId: f.id,
      kind: f.kind,
      status: f.status,
      serviceDistanceM: r,
      method,
      coveredIds: ids.map((k) => (index.points[k] as DemandPoint).id),
      coveredDemand: demand,
      share: share(demand),
    };
  });
  const sum = (s: Set<number> | undefined) => {
    let d = 0;
    for (const k of s ?? []) d += (index.points[k] as DemandPoint).demand;
    return d;
  };
  const byKind = {} as Record<FacilityKind, KindCoverage>;
  for (const kind of SIX_ONES) {
    const all = coveredByKind.get(kind);
    const covered = sum(all);
    const baseline = sum(baselineByKind.get(kind));
    byKind[kind] = {
      kind,
      baselineDemand: baseline,
      coveredDemand: covered,
      share: share(covered),
      baselineShare: share(baseline),
      uncoveredIds: index.points.filter((p, k) => p.demand > 0 && !all?.has(k)).map((p) => p.id),
      facilityCount: facilities.filter((f) => f.kind === kind).length,
    };
  }
  return { totalDemand: total, method, facilities: results, byKind, nearest };
}
