/**
 * Cutting and joining parcel outlines for scenarios: split a polygon in two along a drawn line,
 * and unite neighbouring polygons. Pure planar geometry on the coordinates given (lon/lat for a
 * parcel's display geometry; over a parcel's extent the difference from the projected plane is
 * far below a metre). Areas for shares are taken by the caller in the analysis CRS.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

type XY = [number, number];

/** Why a split cannot be made (`null`: it was made). */
export type SplitProblem = "split-geometry-unsupported" | "split-line-crossings" | "split-empty-piece";

const xy = (p: Position): XY => [p[0] as number, p[1] as number];

/** The ring without its closing vertex. */
function openRing(ring: readonly Position[]): XY[] {
  const out = ring.map(xy);
  const a = out[0];
  const b = out[out.length - 1];
  if (a && b && a[0] === b[0] && a[1] === b[1]) out.pop();
  return out;
}

const close = (r: XY[]): XY[] => [...r, r[0] as XY];

/** Signed shoelace area (positive: counter-clockwise). */
export function signedArea(ring: readonly XY[]): number {
  let a = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as XY;
    const q = ring[(i + 1) % n] as XY;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/** Where segments p→p2 and q→q2 cross: the parameters along each (0–1), or null. */
function cross(p: XY, p2: XY, q: XY, q2: XY): { t: number; u: number } | null {
  const rx = p2[0] - p[0];
  const ry = p2[1] - p[1];
  const sx = q2[0] - q[0];
  const sy = q2[1] - q[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const qpx = q[0] - p[0];
  const qpy = q[1] - p[1];
  const t = (qpx * sy - qpy * sx) / den;
  const u = (qpx * ry - qpy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u };
}

/** The single polygon ring of a geometry (a Polygon without holes, or a one-part MultiPolygon). */
function singleRing(g: Polygon | MultiPolygon): XY[] | null {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.length === 1 ? g.coordinates[0] : null;
  if (rings?.length !== 1 || !rings[0]) return null;
  const r = openRing(rings[0]);
  return r.length >= 3 ? r : null;
}

/**
 * Split a polygon in two along a line that crosses its boundary exactly twice. The pieces share
 * the cut exactly (same vertices), so uniting them gives the polygon back. Polygons with holes
 * or several parts are not split (a problem says so).
 */
export function splitPolygon(
  g: Polygon | MultiPolygon,
  line: readonly Position[],
): { pieces: [Polygon, Polygon] } | { problem: SplitProblem } {
  const ring = singleRing(g);
  if (!ring) return { problem: "split-geometry-unsupported" };
  const n = ring.length;
  const hits: { seg: number; u: number; edge: number; t: number; pt: XY }[] = [];
  for (let s = 0; s + 1 < line.length; s++) {
    const a = xy(line[s] as Position);
    const b = xy(line[s + 1] as Position);
    for (let e = 0; e < n; e++) {
      const p = ring[e] as XY;
      const q = ring[(e + 1) % n] as XY;
      const c = cross(p, q, a, b);
      if (!c) continue;
      const pt: XY = [p[0] + (q[0] - p[0]) * c.t, p[1] + (q[1] - p[1]) * c.t];
      // A crossing exactly at a vertex is found on both edges: keep one.
      if (hits.some((h) => h.pt[0] === pt[0] && h.pt[1] === pt[1])) continue;
      hits.push({ seg: s, u: c.u, edge: e, t: c.t, pt });
    }
  }
  if (hits.length !== 2) return { problem: "split-line-crossings" };
  hits.sort((x, y) => x.seg - y.seg || x.u - y.u);
  const [h1, h2] = hits as [(typeof hits)[0], (typeof hits)[0]];
  // The line's own vertices between the two crossings: the cut's inner vertices.
  const inner: XY[] = [];
  for (let s = h1.seg + 1; s <= h2.seg; s++) inner.push(xy(line[s] as Position));
  // The ring with both crossing points inserted at their places.
  const nodes: { pt: XY; mark?: 1 | 2 }[] = [];
  for (let e = 0; e < n; e++) {
    nodes.push({ pt: ring[e] as XY });
    const on = [h1, h2].filter((h) => h.edge === e).sort((x, y) => x.t - y.t);
    for (const h of on) nodes.push({ pt: h.pt, mark: h === h1 ? 1 : 2 });
  }
  const i1 = nodes.findIndex((x) => x.mark === 1);
  const i2 = nodes.findIndex((x) => x.mark === 2);
  const walk = (from: number, to: number): XY[] => {
    const out: XY[] = [];
    for (let i = from; ; i = (i + 1) % nodes.length) {
      out.push((nodes[i] as { pt: XY }).pt);
      if (i === to) break;
    }
    return out;
  };
  // Piece A: h1 → along the ring → h2 → back along the cut; piece B: h2 → ring → h1 → cut.
  const a = [...walk(i1, i2), ...[...inner].reverse()];
  const b = [...walk(i2, i1), ...inner];
  const dedupe = (r: XY[]) =>
    r.filter((p, i) => {
      const q = r[(i + 1) % r.length] as XY;
      return p[0] !== q[0] || p[1] !== q[1];
    });
  const ra = dedupe(a);
  const rb = dedupe(b);
  if (ra.length < 3 || rb.length < 3 || signedArea(ra) === 0 || signedArea(rb) === 0)
    return { problem: "split-empty-piece" };
  return {
    pieces: [
      { type: "Polygon", coordinates: [close(ra)] },
      { type: "Polygon", coordinates: [close(rb)] },
    ],
  };
}

/** Every outer and inner ring of a geometry, each as polygons of rings. */
function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

/** A vertex's key: coordinates to 1e-9 (0.1 mm in degrees), so shared vertices written twice match. */
const key = (p: XY) => `${Math.round(p[0] * 1e9)},${Math.round(p[1] * 1e9)}`;

/**
 * Unite polygons: where they share edges exactly (the same vertices, as the pieces of a split
 * do), the shared edges are dissolved and one ring results; otherwise (or with holes) the
 * parts are kept side by side as one MultiPolygon.
 */
export function unitePolygons(geoms: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  const parts = geoms.flatMap(polygonsOf);
  const multi: MultiPolygon = { type: "MultiPolygon", coordinates: parts };
  if (parts.some((p) => p.length !== 1)) return multi;
  // Directed edges of the counter-clockwise outer rings; an edge met in both directions is shared.
  const edges = new Map<string, { from: XY; to: XY }>();
  for (const p of parts) {
    let r = openRing(p[0] as Position[]);
    if (signedArea(r) < 0) r = [...r].reverse();
    for (let i = 0; i < r.length; i++) {
      const from = r[i] as XY;
      const to = r[(i + 1) % r.length] as XY;
      const back = `${key(to)}>${key(from)}`;
      if (edges.has(back)) edges.delete(back);
      else edges.set(`${key(from)}>${key(to)}`, { from, to });
    }
  }
  const next = new Map<string, XY>();
  for (const e of edges.values()) {
    if (next.has(key(e.from))) return multi; // a vertex where the outline touches itself
    next.set(key(e.from), e.to);
  }
  const first = edges.values().next().value;
  if (!first) return multi;
  const out: XY[] = [first.from];
  let at = first.to;
  while (key(at) !== key(first.from)) {
    out.push(at);
    const n = next.get(key(at));
    if (!n || out.length > edges.size) return multi;
    at = n;
  }
  if (out.length !== edges.size) return multi; // more than one ring left: not one outline
  return { type: "Polygon", coordinates: [close(out)] };
}

/** The shortest distance between two geometries' boundaries (same units as their coordinates). */
export function boundaryDistance(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const segs = (g: Polygon | MultiPolygon): [XY, XY][] =>
    polygonsOf(g).flatMap((p) =>
      p.flatMap((r) => {
        const o = r.map(xy);
        return o.slice(1).map((q, i) => [o[i] as XY, q] as [XY, XY]);
      }),
    );
  const sa = segs(a);
  const sb = segs(b);
  const pointSeg = (p: XY, [s, e]: [XY, XY]) => {
    const dx = e[0] - s[0];
    const dy = e[1] - s[1];
    const l = dx * dx + dy * dy;
    const t = l === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dy) / l));
    return Math.hypot(p[0] - s[0] - t * dx, p[1] - s[1] - t * dy);
  };
  let best = Number.POSITIVE_INFINITY;
  for (const x of sa)
    for (const y of sb) {
      if (cross(x[0], x[1], y[0], y[1])) return 0;
      best = Math.min(best, pointSeg(x[0], y), pointSeg(x[1], y), pointSeg(y[0], x), pointSeg(y[1], x));
    }
  return best;
}
