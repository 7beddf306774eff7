/**
 * The road network as a graph, and distances along it (domain.md §8).
 *
 * All coordinates here are planar metres in the analysis CRS (e.g. EPSG:4546 easting/northing);
 * callers project lon/lat first. Rules:
 * - roads are undirected; every vertex of a road line is a graph node, every pair of consecutive
 *   vertices a segment (an edge weighted by its length);
 * - vertices within {@link MERGE_TOLERANCE_M} (0.5 m) of each other are one node, so segments that
 *   share a vertex are connected; roads that merely cross without a shared vertex are not;
 * - a point joins the network at the nearest point of the nearest segment (its perpendicular foot,
 *   or the nearer end): the *leg*. A leg longer than {@link MAX_LEG_M} (500 m) does not join;
 * - a segment can be entered anywhere along it; two points joined to the same segment also measure
 *   directly along it between their feet.
 *
 * Cost: building is O(V + S) with a hash grid; a shortest-path tree is Dijkstra with a binary
 * heap, bounded by the largest distance asked for, so one facility's tree touches only the roads
 * within its service distance.
 */

/** A planar position in metres: `[x, y]` (easting, northing). */
export type XY = readonly [number, number];

/** Vertices closer than this (m) are the same node. */
export const MERGE_TOLERANCE_M = 0.5;
/** A point farther than this (m) from every road does not join the network. */
export const MAX_LEG_M = 500;

export interface RoadNetwork {
  /** Node coordinates, interleaved `[x0, y0, x1, y1, …]`. */
  readonly nodeXY: Float64Array;
  /** Segment endpoints as node indices, interleaved `[a0, b0, a1, b1, …]`. */
  readonly segNodes: Int32Array;
  /** Segment lengths, m. */
  readonly segLength: Float64Array;
  /** Index of the road line each segment came from. */
  readonly segRoad: Int32Array;
  /** Adjacency in CSR form: the segments at node `n` are `adjSeg[adjStart[n] … adjStart[n+1]-1]`. */
  readonly adjStart: Int32Array;
  readonly adjSeg: Int32Array;
  readonly nodeCount: number;
  readonly segmentCount: number;
  /** Uniform grid over segments for nearest-segment queries. */
  readonly grid: SegmentGrid;
}

interface SegmentGrid {
  cell: number;
  minX: number;
  minY: number;
  cols: number;
  rows: number;
  /** CSR: the segments touching cell `c` are `items[start[c] … start[c+1]-1]`. */
  start: Int32Array;
  items: Int32Array;
}

/** Where a point joins the network. */
export interface RoadJoin {
  segment: number;
  /** Position of the foot along the segment, 0 (at its first node) to 1. */
  t: number;
  /** The foot, planar m. */
  foot: XY;
  /** Straight distance from the point to its foot, m. */
  leg: number;
}

/**
 * Build the network from road lines (each a list of planar vertices; a MultiLineString gives one
 * line per part). Zero-length segments (repeated vertices) are dropped.
 */
export function buildRoadNetwork(lines: readonly (readonly XY[])[]): RoadNetwork {
  const tol = MERGE_TOLERANCE_M;
  const nodeX: number[] = [];
  const nodeY: number[] = [];
  const cells = new Map<string, number[]>();
  const key = (i: number, j: number) => `${i},${j}`;
  const nodeAt = (x: number, y: number): number => {
    const ci = Math.floor(x / tol);
    const cj = Math.floor(y / tol);
    let best = -1;
    let bestD = tol;
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++) {
        const list = cells.get(key(ci + di, cj + dj));
        if (!list) continue;
        for (const n of list) {
          const d = Math.hypot((nodeX[n] as number) - x, (nodeY[n] as number) - y);
          if (d <= bestD) {
            bestD = d;
            best = n;
          }
        }
      }
    if (best >= 0) return best;
    const n = nodeX.length;
    nodeX.push(x);
    nodeY.push(y);
    const k = key(ci, cj);
    const list = cells.get(k);
    if (list) list.push(n);
    else cells.set(k, [n]);
    return n;
  };

  const segA: number[] = [];
  const segB: number[] = [];
  const segLen: number[] = [];
  const segRoad: number[] = [];
  lines.forEach((line, road) => {
    let prev = -1;
    for (const p of line) {
      const n = nodeAt(p[0], p[1]);
      if (prev >= 0 && n !== prev) {
        segA.push(prev);
        segB.push(n);
        segLen.push(
          Math.hypot(
            (nodeX[n] as number) - (nodeX[prev] as number),
            (nodeY[n] as number) - (nodeY[prev] as number),
          ),
        );
        segRoad.push(road);
      }
      prev = n;
    }
  });

  const nodeCount = nodeX.length;
  const segmentCount = segA.length;
  const nodeXY = new Float64Array(nodeCount * 2);
  for (let n = 0; n < nodeCount; n++) {
    nodeXY[2 * n] = nodeX[n] as number;
    nodeXY[2 * n + 1] = nodeY[n] as number;
  }
  const segNodes = new Int32Array(segmentCount * 2);
  const degree = new Int32Array(nodeCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    const a = segA[s] as number;
    const b = segB[s] as number;
    segNodes[2 * s] = a;
    segNodes[2 * s + 1] = b;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const adjStart = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] = (adjStart[n] as number) + (degree[n] as number);
  const fill = adjStart.slice(0, nodeCount);
  const adjSeg = new Int32Array(segmentCount * 2);
  for (let s = 0; s < segmentCount; s++) {
    for (const n of [segNodes[2 * s] as number, segNodes[2 * s + 1] as number]) {
      adjSeg[fill[n] as number] = s;
      fill[n] = (fill[n] as number) + 1;
    }
  }
  return {
    nodeXY,
    segNodes,
    segLength: Float64Array.from(segLen),
    segRoad: Int32Array.from(segRoad),
    adjStart,
    adjSeg,
    nodeCount,
    segmentCount,
    grid: buildGrid(nodeXY, segNodes, segmentCount),
  };
}

function buildGrid(nodeXY: Float64Array, segNodes: Int32Array, segmentCount: number): SegmentGrid {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < nodeXY.length; i += 2) {
    const x = nodeXY[i] as number;
    const y = nodeXY[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (segmentCount === 0)
    return {
      cell: 1,
      minX: 0,
      minY: 0,
      cols: 0,
      rows: 0,
      start: new Int32Array(1),
      items: new Int32Array(0),
    };
  // About 2 segments per cell on average, but never cells smaller than 25 m or larger than the leg.
  const area = Math.max(1, (maxX - minX) * (maxY - minY));
  const cell = Math.min(MAX_LEG_M, Math.max(25, Math.sqrt((area / segmentCount) * 2)));
  const cols = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
  const counts = new Int32Array(cols * rows + 1);
  const eachCell = (s: number, f: (c: number) => void) => {
    const ax = nodeXY[2 * (segNodes[2 * s] as number)] as number;
    const ay = nodeXY[2 * (segNodes[2 * s] as number) + 1] as number;
    const bx = nodeXY[2 * (segNodes[2 * s + 1] as number)] as number;
    const by = nodeXY[2 * (segNodes[2 * s + 1] as number) + 1] as number;
    const i0 = Math.floor((Math.min(ax, bx) - minX) / cell);
    const i1 = Math.floor((Math.max(ax, bx) - minX) / cell);
    const j0 = Math.floor((Math.min(ay, by) - minY) / cell);
    const j1 = Math.floor((Math.max(ay, by) - minY) / cell);
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) f(j * cols + i);
  };
  for (let s = 0; s < segmentCount; s++)
    eachCell(s, (c) => {
      counts[c + 1] = (counts[c + 1] as number) + 1;
    });
  const start = new Int32Array(cols * rows + 1);
  for (let c = 0; c < cols * rows; c++) start[c + 1] = (start[c] as number) + (counts[c + 1] as number);
  const fill = start.slice(0, cols * rows);
  const items = new Int32Array(start[cols * rows] as number);
  for (let s = 0; s < segmentCount; s++)
    eachCell(s, (c) => {
      items[fill[c] as number] = s;
      fill[c] = (fill[c] as number) + 1;
    });
  return { cell, minX, minY, cols, rows, start, items };
}

/** The nearest point of segment `s` to `p`: position `t` along it and the squared distance. */
function footOn(
  net: RoadNetwork,
  s: number,
  px: number,
  py: number,
): { t: number; d2: number; x: number; y: number } {
  const a = net.segNodes[2 * s] as number;
  const b = net.segNodes[2 * s + 1] as number;
  const ax = net.nodeXY[2 * a] as number;
  const ay = net.nodeXY[2 * a + 1] as number;
  const dx = (net.nodeXY[2 * b] as number) - ax;
  const dy = (net.nodeXY[2 * b + 1] as number) - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return { t, d2: (px - x) ** 2 + (py - y) ** 2, x, y };
}

/**
 * Join a point to the network: the nearest point of the nearest segment within `maxLeg` (default
 * {@link MAX_LEG_M}); `null` when no segment is that close. Ties go to the lower segment index.
 */
export function joinNetwork(net: RoadNetwork, p: XY, maxLeg = MAX_LEG_M): RoadJoin | null {
  const g = net.grid;
  if (net.segmentCount === 0) return null;
  const [px, py] = p;
  const ci = Math.floor((px - g.minX) / g.cell);
  const cj = Math.floor((py - g.minY) / g.cell);
  const reach = Math.ceil(maxLeg / g.cell);
  let best: RoadJoin | null = null;
  let bestD2 = maxLeg * maxLeg;
  // Search rings of cells outwards; stop once the ring is farther than the best found.
  for (let r = 0; r <= reach; r++) {
    if (best && (r - 1) * g.cell > Math.sqrt(bestD2)) break;
    for (let j = cj - r; j <= cj + r; j++) {
      if (j < 0 || j >= g.rows) continue;
      for (let i = ci - r; i <= ci + r; i++) {
        if (i < 0 || i >= g.cols) continue;
        if (Math.max(Math.abs(i - ci), Math.abs(j - cj)) !== r) continue;
        const c = j * g.cols + i;
        for (let k = g.start[c] as number; k < (g.start[c + 1] as number); k++) {
          const s = g.items[k] as number;
          const f = footOn(net, s, px, py);
          const better =
            best === null ? f.d2 <= bestD2 : f.d2 < bestD2 || (f.d2 === bestD2 && s < best.segment);
          if (better) {
            bestD2 = f.d2;
            best = { segment: s, t: f.t, foot: [f.x, f.y], leg: Math.sqrt(f.d2) };
          }
        }
      }
    }
  }
  return best;
}

/** A shortest-path tree from one origin: distance to every node (∞ when not reached within the bound). */
export interface PathTree {
  readonly origin: RoadJoin;
  /** Distance from the origin point (its leg included) to each node, m. */
  readonly dist: Float64Array;
  /**
   * For each node, the segment it was reached through, for routes: {@link SEED} for the two ends of
   * the origin's own segment (reached straight from the origin), -1 for a node not reached.
   */
  readonly via: Int32Array;
  readonly bound: number;
  /** The nodes this tree reached (so a later tree can reuse its arrays and reset only these). */
  readonly touched: number[];
}

/**
 * Dijkstra from a joined point (its leg counts), exploring up to `bound` metres. Nodes farther
 * than the bound keep distance ∞. Pass a finished tree of the same network as `reuse` to recycle
 * its arrays (that tree is then no longer valid): many bounded trees cost only what they reach.
 */
const SEED = -2;

export function pathTree(
  net: RoadNetwork,
  origin: RoadJoin,
  bound = Number.POSITIVE_INFINITY,
  reuse?: PathTree,
): PathTree {
  // Reusing a finished tree's arrays (same network): reset only the nodes it reached.
  let dist: Float64Array;
  let via: Int32Array;
  let touched: number[];
  if (reuse && reuse.dist.length === net.nodeCount) {
    ({ dist, via, touched } = reuse);
    for (const n of touched) {
      dist[n] = Number.POSITIVE_INFINITY;
      via[n] = -1;
    }
    touched.length = 0;
  } else {
    dist = new Float64Array(net.nodeCount).fill(Number.POSITIVE_INFINITY);
    via = new Int32Array(net.nodeCount).fill(-1);
    touched = [];
  }
  const heap = new MinHeap();
  const s = origin.segment;
  const len = net.segLength[s] as number;
  const a = net.segNodes[2 * s] as number;
  const b = net.segNodes[2 * s + 1] as number;
  const da = origin.leg + origin.t * len;
  const db = origin.leg + (1 - origin.t) * len;
  if (da <= bound) {
    dist[a] = da;
    via[a] = SEED;
    touched.push(a);
    heap.push(a, da);
  }
  if (db <= bound && db < (dist[b] as number)) {
    if (dist[b] === Number.POSITIVE_INFINITY) touched.push(b);
    dist[b] = db;
    via[b] = SEED;
    heap.push(b, db);
  }
  while (heap.size > 0) {
    const [n, d] = heap.pop();
    if (d > (dist[n] as number)) continue;
    for (let k = net.adjStart[n] as number; k < (net.adjStart[n + 1] as number); k++) {
      const e = net.adjSeg[k] as number;
      const m =
        (net.segNodes[2 * e] as number) === n
          ? (net.segNodes[2 * e + 1] as number)
          : (net.segNodes[2 * e] as number);
      const nd = d + (net.segLength[e] as number);
      if (nd < (dist[m] as number) && nd <= bound) {
        if (dist[m] === Number.POSITIVE_INFINITY) touched.push(m);
        dist[m] = nd;
        via[m] = e;
        heap.push(m, nd);
      }
    }
  }
  return { origin, dist, via, bound, touched };
}

/**
 * Distance along the roads from the tree's origin to a joined point, legs of both included;
 * ∞ when unreachable (another road piece, or beyond the tree's bound).
 */
export function roadDistance(net: RoadNetwork, tree: PathTree, to: RoadJoin): number {
  const s = to.segment;
  const len = net.segLength[s] as number;
  const a = net.segNodes[2 * s] as number;
  const b = net.segNodes[2 * s + 1] as number;
  let d = Math.min((tree.dist[a] as number) + to.t * len, (tree.dist[b] as number) + (1 - to.t) * len);
  if (s === tree.origin.segment) d = Math.min(d, tree.origin.leg + Math.abs(tree.origin.t - to.t) * len);
  d += to.leg;
  return d <= tree.bound ? d : Number.POSITIVE_INFINITY;
}

/**
 * The route along the roads from the tree's origin to a joined point, as planar vertices (the
 * two feet and the nodes between; legs not included). `null` when unreachable.
 */
export function routeTo(net: RoadNetwork, tree: PathTree, to: RoadJoin): XY[] | null {
  const s = to.segment;
  const len = net.segLength[s] as number;
  const a = net.segNodes[2 * s] as number;
  const b = net.segNodes[2 * s + 1] as number;
  const viaA = (tree.dist[a] as number) + to.t * len;
  const viaB = (tree.dist[b] as number) + (1 - to.t) * len;
  const direct =
    s === tree.origin.segment
      ? tree.origin.leg + Math.abs(tree.origin.t - to.t) * len
      : Number.POSITIVE_INFINITY;
  const best = Math.min(viaA, viaB, direct);
  if (!Number.isFinite(best)) return null;
  if (best === direct) return [tree.origin.foot, to.foot];
  const xy = (n: number): XY => [net.nodeXY[2 * n] as number, net.nodeXY[2 * n + 1] as number];
  const path: XY[] = [to.foot];
  let n = best === viaA ? a : b;
  for (;;) {
    path.push(xy(n));
    const e = tree.via[n] as number;
    if (e === SEED) break;
    if (e < 0) return null;
    n =
      (net.segNodes[2 * e] as number) === n
        ? (net.segNodes[2 * e + 1] as number)
        : (net.segNodes[2 * e] as number);
  }
  path.push(tree.origin.foot);
  return path.reverse();
}

/** A binary min-heap of (node, distance). */
class MinHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  push(node: number, key: number): void {
    const nodes = this.nodes;
    const keys = this.keys;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((keys[p] as number) <= key) break;
      nodes[i] = nodes[p] as number;
      keys[i] = keys[p] as number;
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }
  pop(): [number, number] {
    const nodes = this.nodes;
    const keys = this.keys;
    const top: [number, number] = [nodes[0] as number, keys[0] as number];
    const lastN = nodes.pop() as number;
    const lastK = keys.pop() as number;
    const n = nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (keys[r] as number) < (keys[l] as number) ? r : l;
        if ((keys[c] as number) >= lastK) break;
        nodes[i] = nodes[c] as number;
        keys[i] = keys[c] as number;
        i = c;
      }
      nodes[i] = lastN;
      keys[i] = lastK;
    }
    return top;
  }
}
