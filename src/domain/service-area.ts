/**
 * A facility's service area as shapes, planar metres in the analysis CRS (domain.md §8):
 *
 * - the **straight-line circle**: every point within the service distance `r` of a service point;
 * - the **reached roads**: the parts of the road network within `r` along the roads from the
 *   facility (its own leg to the road included) — where a visitor can walk within the distance;
 * - the **area served along the roads**: every place a parcel's representative point could be
 *   and still count as covered along the roads — by the coverage rule itself: its leg to its
 *   nearest road (at most 500 m) plus the road distance is at most `r`. It is computed at the
 *   centres of a grid of `cellM` cells (about r/40), so its edge is a staircase of one cell. It is
 *   not a buffer or hull of the reached roads: a buffer would cover the far side of a valley whose
 *   points join another road, a hull the valleys the roads never reach.
 */
import { joinNetwork, type PathTree, type RoadNetwork, roadDistance, type XY } from "./road-network";

/** A regular polygon of `n` vertices approximating a circle (closed ring, counter-clockwise). */
export function circleRing(c: XY, r: number, n = 64): XY[] {
  const ring: XY[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
  }
  ring.push(ring[0] as XY);
  return ring;
}

/** A reached piece of road: its vertices and the road distance at each end. */
export interface ReachedPiece {
  line: [XY, XY];
  /** Road distance (facility leg included) at `line[0]` and `line[1]`, m. */
  d: [number, number];
}

/**
 * The parts of the road network within `r` of the tree's origin along the roads. Each segment is
 * walked from both ends (and, on the origin's own segment, from the origin's foot); the reached
 * intervals are merged, so a segment reached from both ends whose middle is beyond `r` gives two
 * pieces; pieces are split where two walks cross, so the distance is linear along each piece.
 */
export function reachedRoads(net: RoadNetwork, tree: PathTree, r: number): ReachedPiece[] {
  const out: ReachedPiece[] = [];
  const seen = new Set<number>();
  const segs: number[] = [tree.origin.segment];
  for (const n of tree.touched)
    for (let k = net.adjStart[n] as number; k < (net.adjStart[n + 1] as number); k++)
      segs.push(net.adjSeg[k] as number);
  for (const s of segs) {
    if (seen.has(s)) continue;
    seen.add(s);
    const a = net.segNodes[2 * s] as number;
    const b = net.segNodes[2 * s + 1] as number;
    const len = net.segLength[s] as number;
    if (!(len > 0)) continue;
    const da = tree.dist[a] as number;
    const db = tree.dist[b] as number;
    const ax = net.nodeXY[2 * a] as number;
    const ay = net.nodeXY[2 * a + 1] as number;
    const bx = net.nodeXY[2 * b] as number;
    const by = net.nodeXY[2 * b + 1] as number;
    // Distance at position u (0 at a, 1 at b) is the least of the walks from a, from b and (origin
    // segment) from the foot; the reached set is where that is ≤ r: a union of intervals.
    const intervals: [number, number][] = [];
    if (da <= r) intervals.push([0, Math.min(1, (r - da) / len)]);
    if (db <= r) intervals.push([Math.max(0, 1 - (r - db) / len), 1]);
    const o = tree.origin;
    if (s === o.segment && o.leg <= r) {
      const w = (r - o.leg) / len;
      intervals.push([Math.max(0, o.t - w), Math.min(1, o.t + w)]);
    }
    intervals.sort((p, q) => p[0] - q[0]);
    const merged: [number, number][] = [];
    for (const iv of intervals) {
      const last = merged.at(-1);
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([iv[0], iv[1]]);
    }
    const distAt = (u: number) => {
      let d = Math.min(da + u * len, db + (1 - u) * len);
      if (s === o.segment) d = Math.min(d, o.leg + Math.abs(o.t - u) * len);
      return d;
    };
    // Where the walks cross, the distance bends: split there so it is linear along every piece.
    const bends = [(db - da + len) / (2 * len)];
    if (s === o.segment)
      bends.push(o.t, (o.leg + o.t * len - da) / (2 * len), (db + len - o.leg + o.t * len) / (2 * len));
    const at = (u: number): XY => [ax + u * (bx - ax), ay + u * (by - ay)];
    for (const [u0, u1] of merged) {
      if (u1 - u0 <= 0) continue;
      const cuts = [u0, ...bends.filter((u) => u > u0 && u < u1).sort((p, q) => p - q), u1];
      for (let i = 1; i < cuts.length; i++) {
        const p = cuts[i - 1] as number;
        const q = cuts[i] as number;
        if (q - p <= 0) continue;
        out.push({ line: [at(p), at(q)], d: [distAt(p), distAt(q)] });
      }
    }
  }
  return out;
}

/** The area served along the roads on a grid: covered cells as row runs, and the outline. */
export interface GridArea {
  /** Rectangles `[x0, y0, x1, y1]` (row runs of covered cells; they do not overlap). */
  rects: [number, number, number, number][];
  /** The area's edge as straight pieces (between a covered and an uncovered cell). */
  edges: [XY, XY][];
  cellM: number;
}

/** The grid cell size used for a service distance: about 1/40 of it, at least 10 m. */
export function areaCellM(r: number): number {
  return Math.max(10, Math.round(r / 40));
}

/**
 * The area served along the roads, on a grid of `cellM` cells over the centres' circles: a cell
 * is covered when its centre is, by the coverage rule itself — the centre joins its nearest road
 * (leg at most 500 m), and its leg plus the road distance from the nearest tree is at most `r`.
 * (Road distance is never shorter than straight distance, so only cells within a circle are tried.)
 */
export function roadServiceArea(
  net: RoadNetwork,
  trees: readonly PathTree[],
  centres: readonly XY[],
  r: number,
  cellM = areaCellM(r),
): GridArea {
  if (centres.length === 0 || trees.length === 0) return { rects: [], edges: [], cellM };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of centres) {
    minX = Math.min(minX, c[0]);
    minY = Math.min(minY, c[1]);
    maxX = Math.max(maxX, c[0]);
    maxY = Math.max(maxY, c[1]);
  }
  const pad = (Math.ceil(r / cellM) + 1) * cellM;
  const x0 = minX - pad;
  const y0 = minY - pad;
  const cols = Math.ceil((maxX + pad - x0) / cellM);
  const rows = Math.ceil((maxY + pad - y0) / cellM);
  const grid = new Uint8Array(cols * rows);
  const r2 = r * r;
  for (const c of centres) {
    const i0 = Math.max(0, Math.floor((c[0] - r - x0) / cellM));
    const i1 = Math.min(cols - 1, Math.floor((c[0] + r - x0) / cellM));
    const j0 = Math.max(0, Math.floor((c[1] - r - y0) / cellM));
    const j1 = Math.min(rows - 1, Math.floor((c[1] + r - y0) / cellM));
    for (let j = j0; j <= j1; j++) {
      const py = y0 + (j + 0.5) * cellM;
      for (let i = i0; i <= i1; i++) {
        const k = j * cols + i;
        if (grid[k]) continue;
        const px = x0 + (i + 0.5) * cellM;
        if ((px - c[0]) ** 2 + (py - c[1]) ** 2 > r2) continue;
        const join = joinNetwork(net, [px, py]);
        if (!join) {
          grid[k] = 2; // tried: not joined (never covered)
          continue;
        }
        let d = Number.POSITIVE_INFINITY;
        for (const t of trees) d = Math.min(d, roadDistance(net, t, join));
        grid[k] = d <= r ? 1 : 2;
      }
    }
  }
  for (let k = 0; k < grid.length; k++) if (grid[k] === 2) grid[k] = 0;
  const rects: GridArea["rects"] = [];
  for (let j = 0; j < rows; j++) {
    let i = 0;
    while (i < cols) {
      if (!grid[j * cols + i]) {
        i++;
        continue;
      }
      const start = i;
      while (i < cols && grid[j * cols + i]) i++;
      rects.push([x0 + start * cellM, y0 + j * cellM, x0 + i * cellM, y0 + (j + 1) * cellM]);
    }
  }
  const at = (i: number, j: number) => (i >= 0 && j >= 0 && i < cols && j < rows ? grid[j * cols + i] : 0);
  const edges: [XY, XY][] = [];
  // Horizontal edges (between rows j-1 and j), merged along the row.
  for (let j = 0; j <= rows; j++) {
    let run = -1;
    for (let i = 0; i <= cols; i++) {
      const edge = i < cols && at(i, j) !== at(i, j - 1);
      if (edge && run < 0) run = i;
      if (!edge && run >= 0) {
        edges.push([
          [x0 + run * cellM, y0 + j * cellM],
          [x0 + i * cellM, y0 + j * cellM],
        ]);
        run = -1;
      }
    }
  }
  for (let i = 0; i <= cols; i++) {
    let run = -1;
    for (let j = 0; j <= rows; j++) {
      const edge = j < rows && at(i, j) !== at(i - 1, j);
      if (edge && run < 0) run = j;
      if (!edge && run >= 0) {
        edges.push([
          [x0 + i * cellM, y0 + run * cellM],
          [x0 + i * cellM, y0 + j * cellM],
        ]);
        run = -1;
      }
    }
  }
  return { rects, edges, cellM };
}
