/**
 * A parcel's representative point: a point guaranteed inside its polygon, the same in the CLI and
 * the app (domain.md §8 measures service distances from it). Works on any planar or lon/lat
 * coordinates (pure 2-D arithmetic, no projection).
 *
 * Rule: take the part with the largest area; its area centroid when that lies inside the part
 * (holes excluded), else the middle of the widest run of a horizontal line through the part at
 * the centroid's y (or, failing that, at the middle of its y-extent). For convex and most
 * ordinary parcels this is the centroid.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

/** Signed area of a ring (shoelace, relative to its first vertex for precision). */
function ringArea(ring: readonly Position[]): number {
  const o = ring[0];
  if (!o || ring.length < 4) return 0;
  const ox = o[0] as number;
  const oy = o[1] as number;
  let a = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const p = ring[i] as Position;
    const q = ring[i + 1] as Position;
    a +=
      ((p[0] as number) - ox) * ((q[1] as number) - oy) - ((q[0] as number) - ox) * ((p[1] as number) - oy);
  }
  return a / 2;
}

/** Even-odd point-in-polygon over all rings (holes are outside). */
export function insidePolygon(pt: readonly number[], rings: readonly (readonly Position[])[]): boolean {
  const x = pt[0] as number;
  const y = pt[1] as number;
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = (ring[i] as Position)[0] as number;
      const yi = (ring[i] as Position)[1] as number;
      const xj = (ring[j] as Position)[0] as number;
      const yj = (ring[j] as Position)[1] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** Area centroid of a polygon with holes (holes subtract), relative to the first vertex. */
function centroid(rings: readonly (readonly Position[])[]): [number, number] | null {
  const o = rings[0]?.[0];
  if (!o) return null;
  const ox = o[0] as number;
  const oy = o[1] as number;
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  rings.forEach((ring, k) => {
    // outer ring counts positive, holes negative, whatever their winding
    const sign = k === 0 ? Math.sign(ringArea(ring)) || 1 : -(Math.sign(ringArea(ring)) || 1);
    for (let i = 0; i + 1 < ring.length; i++) {
      const x0 = ((ring[i] as Position)[0] as number) - ox;
      const y0 = ((ring[i] as Position)[1] as number) - oy;
      const x1 = ((ring[i + 1] as Position)[0] as number) - ox;
      const y1 = ((ring[i + 1] as Position)[1] as number) - oy;
      const c = (x0 * y1 - x1 * y0) * sign;
      a2 += c;
      cx += (x0 + x1) * c;
      cy += (y0 + y1) * c;
    }
  });
  if (a2 === 0) return null;
  return [ox + cx / (3 * a2), oy + cy / (3 * a2)];
}

/** Middle of the widest run of the horizontal line at `y` inside the rings, or null. */
function widestRunMiddle(rings: readonly (readonly Position[])[], y: number): [number, number] | null {
  const xs: number[] = [];
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = (ring[i] as Position)[0] as number;
      const yi = (ring[i] as Position)[1] as number;
      const xj = (ring[j] as Position)[0] as number;
      const yj = (ring[j] as Position)[1] as number;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  xs.sort((p, q) => p - q);
  let best = -1;
  let mid: number | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > best) {
      best = w;
      mid = ((xs[i] as number) + (xs[i + 1] as number)) / 2;
    }
  }
  return mid === null ? null : [mid, y];
}

/** The representative point of a polygon or multipolygon (see the module comment); null when empty. */
export function representativePoint(g: Polygon | MultiPolygon): [number, number] | null {
  const parts = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let part: Position[][] | undefined;
  let bestArea = -1;
  for (const p of parts) {
    const a = Math.abs(ringArea(p[0] ?? [])) - p.slice(1).reduce((s, h) => s + Math.abs(ringArea(h)), 0);
    if (a > bestArea) {
      bestArea = a;
      part = p;
    }
  }
  if (!part?.[0] || part[0].length < 4) return null;
  const c = centroid(part);
  if (c && insidePolygon(c, part)) return c;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of part[0]) {
    minY = Math.min(minY, p[1] as number);
    maxY = Math.max(maxY, p[1] as number);
  }
  for (const y of [c?.[1], (minY + maxY) / 2]) {
    if (y === undefined) continue;
    const m = widestRunMiddle(part, y);
    if (m) return m;
  }
  const first = part[0][0] as Position;
  return [first[0] as number, first[1] as number];
}
