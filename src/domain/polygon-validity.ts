/**
 * Where a polygon's rings meet in a way that leaves its area undefined (OGC Simple Features
 * validity, the part that concerns intersections), in time near-linear in the number of vertices.
 *
 * - Within one ring, two segments that are not neighbours must not touch at all: a crossing
 *   (bow-tie), a vertex on another segment, a ring passing twice through one point, a collinear
 *   overlap — each is reported.
 * - Between two rings (shell and hole, two holes): a crossing or a shared stretch of boundary is
 *   reported; touching at one point is valid (a hole whose vertex lies on the shell), touching at
 *   a second, different point is reported (it cuts the interior apart).
 * - Repeated consecutive positions are ignored (valid, they add no segment).
 *
 * Segments are indexed in a packed Hilbert R-tree (`flatbush`); each segment is tested only
 * against the few whose boxes overlap its own. Small rings (the common parcel, a handful of
 * vertices) are tested pair by pair, which is faster there; both paths use the same pair test.
 *
 * Not checked here: whether holes lie inside the shell, nested holes, or the interior becoming
 * disconnected through a chain of single-point touches across several rings.
 */
import Flatbush from "flatbush";

type Ring = readonly (readonly number[])[];

/** Below this many segments the pairwise test is faster than building an index. */
export const INDEX_THRESHOLD = 64;

/** Segments of a polygon, flattened: start/end coordinates, ring and position in the ring. */
interface Segments {
  n: number;
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  ring: Int32Array;
  /** Index within its ring (after dropping zero-length segments). */
  pos: Int32Array;
  /** Number of segments of each ring. */
  ringCount: number[];
}

/** Reused between calls (most polygons are small: no allocation per parcel). */
let scratch: Segments | undefined;

function segmentsOf(rings: readonly Ring[]): Segments {
  let total = 0;
  for (const r of rings) total += Math.max(0, r.length - 1);
  let s = scratch;
  if (!s || s.x0.length < total) {
    const size = Math.max(total, 64);
    s = {
      n: 0,
      x0: new Float64Array(size),
      y0: new Float64Array(size),
      x1: new Float64Array(size),
      y1: new Float64Array(size),
      ring: new Int32Array(size),
      pos: new Int32Array(size),
      ringCount: [],
    };
    // keep small buffers for the next parcel; let a huge one go
    if (size <= 1 << 16) scratch = s;
  }
  s.n = 0;
  s.ringCount.length = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r] as Ring;
    let count = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as readonly number[];
      const b = ring[i + 1] as readonly number[];
      const ax = a[0] as number;
      const ay = a[1] as number;
      const bx = b[0] as number;
      const by = b[1] as number;
      if (ax === bx && ay === by) continue; // a repeated position: no segment
      const k = s.n++;
      s.x0[k] = ax;
      s.y0[k] = ay;
      s.x1[k] = bx;
      s.y1[k] = by;
      s.ring[k] = r;
      s.pos[k] = count++;
    }
    s.ringCount.push(count);
  }
  return s;
}

/** Sign of the turn a→b→c: > 0 left, < 0 right, 0 collinear. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Is (px, py), collinear with the segment, within its bounding box? */
function within(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}

const NONE = 0;
/** The segments cross, or overlap along a stretch: invalid in any case. */
const CROSS = 1;
/** The segments meet at exactly one point that is an endpoint of at least one of them. */
const TOUCH = 2;

/** Scratch output of `contact`: the meeting point. */
const hit = { x: 0, y: 0 };

/** How segments i and j meet (`NONE`, `CROSS`, `TOUCH`), the point in `hit`. */
function contact(s: Segments, i: number, j: number): number {
  const ax = s.x0[i] as number;
  const ay = s.y0[i] as number;
  const bx = s.x1[i] as number;
  const by = s.y1[i] as number;
  const cx = s.x0[j] as number;
  const cy = s.y0[j] as number;
  const dx = s.x1[j] as number;
  const dy = s.y1[j] as number;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) return NONE;
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) return NONE;
  if (o1 === 0 && o2 === 0) {
    // collinear: apart, meeting end to end at one point, or overlapping along a stretch
    const alongX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const p = (x: number, y: number) => (alongX ? x : y);
    const lo1 = Math.min(p(ax, ay), p(bx, by));
    const hi1 = Math.max(p(ax, ay), p(bx, by));
    const lo2 = Math.min(p(cx, cy), p(dx, dy));
    const hi2 = Math.max(p(cx, cy), p(dx, dy));
    const lo = Math.max(lo1, lo2);
    const hi = Math.min(hi1, hi2);
    if (lo > hi) return NONE;
    const start =
      p(ax, ay) === lo ? [ax, ay] : p(bx, by) === lo ? [bx, by] : p(cx, cy) === lo ? [cx, cy] : [dx, dy];
    hit.x = start[0] as number;
    hit.y = start[1] as number;
    return lo === hi ? TOUCH : CROSS;
  }
  // one endpoint on the other segment: a touch at that endpoint
  if (o1 === 0 && within(cx, cy, ax, ay, bx, by)) return touchAt(cx, cy);
  if (o2 === 0 && within(dx, dy, ax, ay, bx, by)) return touchAt(dx, dy);
  if (o3 === 0 && within(ax, ay, cx, cy, dx, dy)) return touchAt(ax, ay);
  if (o4 === 0 && within(bx, by, cx, cy, dx, dy)) return touchAt(bx, by);
  if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return NONE; // collinear point off the segment
  // a proper crossing: the point as @turf/kinks computed it
  const den = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
  const t = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / den;
  hit.x = ax + t * (bx - ax);
  hit.y = ay + t * (by - ay);
  return CROSS;
}

function touchAt(x: number, y: number): number {
  hit.x = x;
  hit.y = y;
  return TOUCH;
}

/** Neighbours in one ring (they share a vertex by construction; that is not an intersection). */
function adjacent(s: Segments, i: number, j: number): boolean {
  if (s.ring[i] !== s.ring[j]) return false;
  const a = s.pos[i] as number;
  const b = s.pos[j] as number;
  const last = (s.ringCount[s.ring[i] as number] as number) - 1;
  const d = Math.abs(a - b);
  return d === 1 || (d === last && last > 1);
}

/** Per pair of rings, the one point where they touch (key `r1,r2`). */
type Touches = Map<number, string>;
const touches: Touches = new Map();

/**
 * Does the pair (i, j) make the polygon invalid? Touches between two rings are recorded; the
 * first is allowed, a touch at another point is not.
 */
function invalidPair(s: Segments, i: number, j: number, touches: Touches): boolean {
  if (adjacent(s, i, j)) return false;
  const c = contact(s, i, j);
  if (c === NONE) return false;
  if (c === CROSS) return true;
  const ri = s.ring[i] as number;
  const rj = s.ring[j] as number;
  if (ri === rj) return true; // a ring touching itself
  const key = Math.min(ri, rj) * 1_000_003 + Math.max(ri, rj);
  const point = `${hit.x},${hit.y}`;
  const seen = touches.get(key);
  if (seen === undefined) {
    touches.set(key, point);
    return false;
  }
  return seen !== point;
}

/**
 * The first point where the polygon's rings intersect invalidly, or `undefined` when they do
 * not. "First" is the pair of segments earliest in the file (rings in order, then segments).
 *
 * @param rings the polygon's rings (shell first), closed, as positions `[x, y]`
 * @param opts.indexThreshold test pair by pair below this many segments (for tests)
 * @example polygonSelfIntersection([[[0,0],[2,2],[2,0],[0,2],[0,0]]]) // → [1, 1] (a bow-tie)
 */
export function polygonSelfIntersection(
  rings: readonly Ring[],
  opts: { indexThreshold?: number } = {},
): [number, number] | undefined {
  const s = segmentsOf(rings);
  touches.clear();
  if (s.n < 2 || s.n < (opts.indexThreshold ?? INDEX_THRESHOLD)) {
    for (let i = 0; i < s.n; i++)
      for (let j = i + 1; j < s.n; j++) if (invalidPair(s, i, j, touches)) return [hit.x, hit.y];
    return undefined;
  }
  const index = new Flatbush(s.n);
  for (let i = 0; i < s.n; i++) {
    const ax = s.x0[i] as number;
    const ay = s.y0[i] as number;
    const bx = s.x1[i] as number;
    const by = s.y1[i] as number;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();
  for (let i = 0; i < s.n; i++) {
    const ax = s.x0[i] as number;
    const ay = s.y0[i] as number;
    const bx = s.x1[i] as number;
    const by = s.y1[i] as number;
    // Candidates after i whose boxes overlap; the earliest invalid one is reported.
    const found = index.search(
      Math.min(ax, bx),
      Math.min(ay, by),
      Math.max(ax, bx),
      Math.max(ay, by),
      (j) => j > i,
    );
    if (found.length === 0) continue;
    found.sort((a, b) => a - b);
    for (const j of found) if (invalidPair(s, i, j, touches)) return [hit.x, hit.y];
  }
  return undefined;
}

/**
 * Does any ring have no width — all its vertices on one line (three lon/lat points on one
 * parallel, a ring that goes out and back)? Such a ring has zero area in its own coordinates, but
 * projected (a parallel is curved in Gauss–Krüger) it would gain a small false area. The test is
 * relative to the ring's extent, so a thin but real strip (0.5 m × 100 m) is not degenerate.
 *
 * @example hasDegenerateRing([[[109.7,30.6],[109.71,30.6],[109.72,30.6],[109.7,30.6]]]) // true
 */
export function hasDegenerateRing(rings: readonly Ring[]): boolean {
  for (const ring of rings) {
    const first = ring[0];
    if (!first) return true;
    const ox = first[0] as number;
    const oy = first[1] as number;
    let twice = 0;
    let minX = ox;
    let maxX = ox;
    let minY = oy;
    let maxY = oy;
    for (let i = 1; i + 1 < ring.length; i++) {
      const a = ring[i] as readonly number[];
      const b = ring[i + 1] as readonly number[];
      const ax = (a[0] as number) - ox;
      const ay = (a[1] as number) - oy;
      twice += ax * ((b[1] as number) - oy) - ((b[0] as number) - ox) * ay;
      if (ax + ox < minX) minX = ax + ox;
      if (ax + ox > maxX) maxX = ax + ox;
      if (ay + oy < minY) minY = ay + oy;
      if (ay + oy > maxY) maxY = ay + oy;
    }
    const extent2 = (maxX - minX) ** 2 + (maxY - minY) ** 2;
    if (extent2 === 0 || Math.abs(twice / 2) <= DEGENERATE_SHARE * extent2) return true;
  }
  return false;
}

/** A ring's area at most this share of its extent squared is taken as zero width (rounding). */
const DEGENERATE_SHARE = 1e-10;
