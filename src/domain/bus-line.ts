/**
 * The bus line to the central urban area (六个一: 一条公交线路), its figures against domain.md §8.
 *
 * Planar metres in the analysis CRS. The line is a polyline; stops are points, in running order.
 * - length: the polyline's length;
 * - run time: length ÷ speed + dwell × intermediate stops (terminal stops have no dwell), with
 *   `speedKmh` and `dwellSeconds` from the standards' `services.bus` (defaults 25 km/h, 30 s);
 * - stop spacing: between consecutive stops, measured along the line between the stops'
 *   nearest points on it, banded as §8 reads: < 500 m short, 500–800 m urban, 800–1000 m between
 *   the bands, ≥ 1000 m suburban;
 * - catchment: the share of demand within 300 m and 500 m of a stop (straight, and along the
 *   roads when a network is loaded).
 * Routing along the roads between chosen stops uses the network's shortest paths.
 */
import { coveredWithin, type DemandIndex } from "./coverage";
import { joinNetwork, pathTree, type RoadNetwork, routeTo, type XY } from "./road-network";
import type { ServiceStandard } from "./types";

export type SpacingBand = "short" | "urban" | "between" | "suburban";

export function spacingBand(m: number): SpacingBand {
  if (m < 500) return "short";
  if (m <= 800) return "urban";
  if (m < 1000) return "between";
  return "suburban";
}

export interface StopSpacing {
  /** Index of the first of the two stops. */
  from: number;
  lengthM: number;
  band: SpacingBand;
}

export interface Catchment {
  /** Share of demand within the distance of a stop (0–1). */
  straight: number;
  /** The same along the roads (null: no network loaded). */
  road: number | null;
}

export interface BusLineFigures {
  lengthM: number;
  /** Estimated one-way run time, minutes. */
  runTimeMin: number;
  stopCount: number;
  spacings: StopSpacing[];
  within300: Catchment;
  within500: Catchment;
  speedKmh: number;
  dwellSeconds: number;
}

export function polylineLength(line: readonly XY[]): number {
  let d = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as XY;
    const b = line[i] as XY;
    d += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return d;
}

/** Distance along the line from its start to the nearest point of the line to `p`, m. */
export function positionAlong(line: readonly XY[], p: XY): number {
  let bestD2 = Number.POSITIVE_INFINITY;
  let bestPos = 0;
  let run = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as XY;
    const b = line[i] as XY;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const len = Math.sqrt(len2);
    let t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
    t = Math.max(0, Math.min(1, t));
    const d2 = (a[0] + t * dx - p[0]) ** 2 + (a[1] + t * dy - p[1]) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      bestPos = run + t * len;
    }
    run += len;
  }
  return bestPos;
}

export function busLineFigures(
  line: readonly XY[],
  stops: readonly XY[],
  index: DemandIndex,
  bus: ServiceStandard | undefined,
): BusLineFigures {
  const speedKmh = bus?.speedKmh ?? 25;
  const dwellSeconds = bus?.dwellSeconds ?? 30;
  const lengthM = polylineLength(line);
  const intermediate = Math.max(0, stops.length - 2);
  const runTimeMin = (lengthM / ((speedKmh * 1000) / 60) + (intermediate * dwellSeconds) / 60) as number;
  const pos = stops.map((s) => positionAlong(line, s));
  const spacings: StopSpacing[] = [];
  for (let i = 1; i < pos.length; i++) {
    const m = Math.abs((pos[i] as number) - (pos[i - 1] as number));
    spacings.push({ from: i - 1, lengthM: m, band: spacingBand(m) });
  }
  const catchment = (r: number): Catchment => {
    const share = (m: Map<number, number>) => {
      if (index.totalDemand <= 0) return 0;
      let d = 0;
      for (const k of m.keys()) d += index.points[k]?.demand ?? 0;
      return d / index.totalDemand;
    };
    return {
      straight: share(coveredWithin(index, stops, r, "straight")),
      road: index.network ? share(coveredWithin(index, stops, r, "road")) : null,
    };
  };
  return {
    lengthM,
    runTimeMin,
    stopCount: stops.length,
    spacings,
    within300: catchment(300),
    within500: catchment(500),
    speedKmh,
    dwellSeconds,
  };
}

/**
 * Route a line along the roads through the given stops in order: the shortest road path between
 * each consecutive pair, joined end to end (with the stops' straight legs at both ends of each
 * piece). `null` with the index of the first pair that cannot be routed (a stop more than 500 m
 * from a road, or on a road piece not connected to the next stop's).
 */
export function routeThroughStops(
  net: RoadNetwork,
  stops: readonly XY[],
): { ok: true; line: XY[] } | { ok: false; failedPair: number } {
  const line: XY[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1] as XY;
    const b = stops[i] as XY;
    const ja = joinNetwork(net, a);
    const jb = joinNetwork(net, b);
    if (!ja || !jb) return { ok: false, failedPair: i - 1 };
    const tree = pathTree(net, ja);
    const path = routeTo(net, tree, jb);
    if (!path) return { ok: false, failedPair: i - 1 };
    if (line.length === 0) line.push(a);
    line.push(...path, b);
  }
  return { ok: true, line: line.length ? line : [...stops] };
}
