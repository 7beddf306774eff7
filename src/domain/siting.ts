/**
 * Site suggestions for a "six ones" facility (domain.md §8).
 *
 * Candidates are parcels of unsupplied or reserved land, or public-service land (用地用海分类
 * `08…`, 公共管理与公共服务用地), at least as large as the kind's `minAreaM2` where the standards
 * set one. A candidate is scored by placing the facility at its representative point: the demand
 * it would newly cover (demand not already covered by existing or planned facilities of that
 * kind; proposed ones are what is being decided), then the total demand it would cover, then
 * the parcel id (ascending) — a deterministic ranking with ties broken as the spec says.
 *
 * Several sites at once: greedy maximal coverage — pick the best, count its demand as covered,
 * re-rank the rest, repeat k times. Greedy is within (1 − 1/e) ≈ 63 % of the optimum, and is
 * what the UI states as the method.
 */
import {
  type CoverageFacility,
  type DemandIndex,
  type DistanceMethod,
  type FacilityKind,
  type ReachCache,
  reachOf,
  serviceDistanceM,
} from "./coverage";
import { joinNetwork, type XY } from "./road-network";
import type { LandStatus, ServiceStandard } from "./types";

/** A parcel that could host a facility. */
export interface SiteCandidate {
  id: string;
  /** Representative point, planar m. */
  xy: XY;
  areaM2: number;
  landStatus?: LandStatus;
  landUse?: string;
}

/** Whether a parcel may host a facility of a kind (land status / use, and size). */
export function isEligibleSite(c: SiteCandidate, minAreaM2: number | undefined): boolean {
  const landOk =
    c.landStatus === "unsupplied" || c.landStatus === "reserved" || (c.landUse ?? "").startsWith("08");
  return landOk && (minAreaM2 === undefined || c.areaM2 >= minAreaM2);
}

export interface SiteSuggestion {
  parcelId: string;
  rank: number;
  /** Demand this site covers that no existing or planned facility of the kind covers (nor an earlier pick). */
  newlyCoveredDemand: number;
  /** All demand within the service distance of this site. */
  coveredDemand: number;
  areaM2: number;
  landStatus?: LandStatus;
  /** Straight distance from the site's point to the nearest road, m (null: no road within 5 km or no roads loaded). */
  roadDistanceM: number | null;
  xy: XY;
}

export interface SuggestOptions {
  kind: FacilityKind;
  services: Readonly<Record<string, ServiceStandard>>;
  /** How many to return: the top `count` one by one (`greedy: false`) or `count` sites together (`greedy: true`). */
  count?: number;
  greedy?: boolean;
  method?: DistanceMethod;
  level?: "primary" | "junior";
  /** Reach computed before (the worker keeps one per demand index). */
  cache?: ReachCache;
}

/** Rank candidate sites for a kind given the facilities already there. */
export function suggestSites(
  index: DemandIndex,
  candidates: readonly SiteCandidate[],
  facilities: readonly CoverageFacility[],
  opts: SuggestOptions,
): SiteSuggestion[] {
  const method = opts.method ?? (index.network ? "road" : "straight");
  const r = serviceDistanceM(opts.kind, opts.services, opts.level);
  const covered = new Set<number>();
  for (const f of facilities) {
    if (f.kind !== opts.kind || f.status === "proposed") continue;
    for (const k of reachOf(
      index,
      f.points,
      serviceDistanceM(f.kind, opts.services, f.level),
      method,
      opts.cache,
    ).keys())
      covered.add(k);
  }
  const minArea = opts.services[opts.kind]?.minAreaM2;
  const scored = candidates
    .filter((c) => isEligibleSite(c, minArea))
    .map((c) => ({ c, reach: [...reachOf(index, [c.xy], r, method, opts.cache).keys()] }));
  const demandOf = (k: number) => index.points[k]?.demand ?? 0;
  const score = (reach: number[]) => {
    let fresh = 0;
    let all = 0;
    for (const k of reach) {
      const d = demandOf(k);
      all += d;
      if (!covered.has(k)) fresh += d;
    }
    return { fresh, all };
  };
  const better = (
    a: { fresh: number; all: number; id: string },
    b: { fresh: number; all: number; id: string },
  ): boolean => (a.fresh !== b.fresh ? a.fresh > b.fresh : a.all !== b.all ? a.all > b.all : a.id < b.id);

  const suggestion = (c: SiteCandidate, fresh: number, all: number, rank: number): SiteSuggestion => {
    const join = index.network ? joinNetwork(index.network, c.xy, 5000) : null;
    return {
      parcelId: c.id,
      rank,
      newlyCoveredDemand: fresh,
      coveredDemand: all,
      areaM2: c.areaM2,
      ...(c.landStatus ? { landStatus: c.landStatus } : {}),
      roadDistanceM: join ? join.leg : null,
      xy: c.xy,
    };
  };

  const count = opts.count ?? 5;
  if (!opts.greedy) {
    return scored
      .map(({ c, reach }) => ({ c, ...score(reach), id: c.id }))
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .slice(0, count)
      .map((s, i) => suggestion(s.c, s.fresh, s.all, i + 1));
  }
  const out: SiteSuggestion[] = [];
  const left = [...scored];
  while (out.length < count && left.length > 0) {
    let bestIdx = -1;
    let best: { fresh: number; all: number; id: string } | null = null;
    left.forEach(({ c, reach }, i) => {
      const s = { ...score(reach), id: c.id };
      if (!best || better(s, best)) {
        best = s;
        bestIdx = i;
      }
    });
    const pick = left.splice(bestIdx, 1)[0];
    if (!pick || !best) break;
    const b = best as { fresh: number; all: number };
    out.push(suggestion(pick.c, b.fresh, b.all, out.length + 1));
    for (const k of pick.reach) covered.add(k);
  }
  return out;
}
