/**
 * Small exact geometry checks for the sample-data tests, in EPSG:4546 metres (independent of the
 * generator's code): convex polygon clipping (Sutherland–Hodgman) for overlap areas, point in
 * polygon, segment crossing.
 */
import proj4 from "proj4";

const EPSG_4546 = "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
const conv = proj4("+proj=longlat +ellps=GRS80 +no_defs", EPSG_4546);
export type Pt = [number, number];

/** lon/lat ring (closed or not) → open ring in EPSG:4546, relative to `origin` (m). */
export function project(ring: readonly number[][], origin: Pt): Pt[] {
  const pts = ring.map((p) => {
    const [x, y] = conv.forward([p[0] as number, p[1] as number]) as Pt;
    return [x - origin[0], y - origin[1]] as Pt;
  });
  const a = pts[0];
  const b = pts.at(-1);
  if (a && b && a[0] === b[0] && a[1] === b[1]) pts.pop();
  return pts;
}

export function gk(p: readonly number[]): Pt {
  return conv.forward([p[0] as number, p[1] as number]) as Pt;
}

/** Signed shoelace area (m², positive counter-clockwise). */
export function area(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[(i + 1) % ring.length] as Pt;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * Convex and counter-clockwise; a vertex may lie off its neighbours' line inwards by at most
 * `tolM` metres (collinear boundary vertices rounded to 1e-7°, about 1 cm).
 */
export function isConvexCcw(ring: readonly Pt[], tolM = 0.05): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[(i + 1) % ring.length] as Pt;
    const c = ring[(i + 2) % ring.length] as Pt;
    const dev = cross(a, b, c) / Math.hypot(c[0] - a[0], c[1] - a[1]);
    if (dev < -tolM) return false;
  }
  return area(ring) > 0;
}

/** Intersection of two convex counter-clockwise polygons (Sutherland–Hodgman). */
export function clipConvex(subject: readonly Pt[], clip: readonly Pt[]): Pt[] {
  let out: Pt[] = [...subject];
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i] as Pt;
    const b = clip[(i + 1) % clip.length] as Pt;
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as Pt;
      const q = input[(j + 1) % input.length] as Pt;
      const pin = cross(a, b, p) >= 0;
      const qin = cross(a, b, q) >= 0;
      if (pin) out.push(p);
      if (pin !== qin) {
        const dp = cross(a, b, p);
        const dq = cross(a, b, q);
        const t = dp / (dp - dq);
        out.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
      }
    }
  }
  return out;
}

export function bbox(ring: readonly Pt[]): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Ray-casting point in polygon (boundary points may go either way). */
export function inside(p: Pt, ring: readonly Pt[]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Pt;
    const b = ring[j] as Pt;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) c = !c;
  }
  return c;
}

/** Proper crossing of segments ab and cd (touching does not count). */
export function crosses(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
