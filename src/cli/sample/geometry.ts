/**
 * Geometry for the sample generator: a rotated local planar frame per zone, laid in the
 * analysis CRS EPSG:4546 (CGCS2000 / 3-degree Gauss–Krüger CM 111°E, metres), converted to
 * RFC 7946 lon/lat rounded to 1e-7°. Planar areas are computed in EPSG:4546 from the rounded
 * lon/lat coordinates, exactly as the analysis will compute them.
 */
import proj4 from "proj4";

/** EPSG:4546, the default analysis CRS for Jianshi (domain.md §2). */
export const EPSG_4546 =
  "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
const WGS84 = "+proj=longlat +ellps=GRS80 +no_defs";
const converter = proj4(WGS84, EPSG_4546);

export type LonLat = [number, number];
/** A point in a zone's local frame: metres along (u) and across (v) the zone's grid. */
export type Local = [number, number];

/** Round a coordinate to 1e-7° (about 1 cm), the precision of the sample files. */
export const round7 = (x: number): number => Math.round(x * 1e7) / 1e7;

/** lon/lat → EPSG:4546 easting, northing (m). */
export function toGk(p: LonLat): [number, number] {
  return converter.forward(p) as [number, number];
}
/** EPSG:4546 easting, northing (m) → lon/lat, rounded to 1e-7°. */
export function fromGk(p: [number, number]): LonLat {
  const [lon, lat] = converter.inverse(p) as [number, number];
  return [round7(lon), round7(lat)];
}

/** A zone's local frame: an origin (the centre of its W × H rectangle) and a rotation. */
export interface Frame {
  centre: LonLat;
  /** Rotation of the u axis from grid east, counter-clockwise, degrees. */
  rotationDeg: number;
  widthM: number;
  heightM: number;
}

/** Local (u, v) in metres, (0, 0) at the rectangle's first corner → lon/lat (rounded). */
export function localToLonLat(frame: Frame, [u, v]: Local): LonLat {
  const [e0, n0] = toGk(frame.centre);
  const t = (frame.rotationDeg * Math.PI) / 180;
  const du = u - frame.widthM / 2;
  const dv = v - frame.heightM / 2;
  return fromGk([e0 + du * Math.cos(t) - dv * Math.sin(t), n0 + du * Math.sin(t) + dv * Math.cos(t)]);
}

/**
 * Planar area (m²) of a lon/lat ring in EPSG:4546: shoelace relative to the first vertex
 * (domain.md §2), positive for counter-clockwise rings. The ring may be closed or not.
 */
export function planarAreaM2(ring: readonly LonLat[]): number {
  const pts = ring.map(toGk);
  const first = pts[0];
  if (!first) return 0;
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i] as [number, number];
    const b = pts[(i + 1) % pts.length] as [number, number];
    s += (a[0] - first[0]) * (b[1] - first[1]) - (b[0] - first[0]) * (a[1] - first[1]);
  }
  return s / 2;
}

/** Axis-aligned rectangle in a local frame. */
export interface Rect {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

/**
 * The counter-clockwise ring of `rect`, with every corner of the `others` that lies inside one
 * of its edges inserted as a vertex. Neighbouring parcels then share their boundary vertex for
 * vertex (no T-junctions), so rounding to 1e-7° cannot make them overlap. Not closed.
 */
export function rectRing(rect: Rect, others: readonly Rect[]): Local[] {
  const corners: Local[] = others.flatMap((o) => [
    [o.u0, o.v0],
    [o.u1, o.v0],
    [o.u1, o.v1],
    [o.u0, o.v1],
  ]);
  const on = (fixed: 0 | 1, value: number, lo: number, hi: number): number[] =>
    [
      ...new Set(
        corners
          .filter((c) => c[fixed] === value && c[1 - fixed]! > lo && c[1 - fixed]! < hi)
          .map((c) => c[1 - fixed]!),
      ),
    ].sort((a, b) => a - b);
  const { u0, u1, v0, v1 } = rect;
  const ring: Local[] = [[u0, v0]];
  for (const u of on(1, v0, u0, u1)) ring.push([u, v0]);
  ring.push([u1, v0]);
  for (const v of on(0, u1, v0, v1)) ring.push([u1, v]);
  ring.push([u1, v1]);
  for (const u of on(1, v1, u0, u1).reverse()) ring.push([u, v1]);
  ring.push([u0, v1]);
  for (const v of on(0, u0, v0, v1).reverse()) ring.push([u0, v]);
  return ring;
}

/** Close a ring (repeat the first position). */
export function close<T>(ring: readonly T[]): T[] {
  return ring.length > 0 ? [...ring, ring[0] as T] : [];
}
