/**
 * Planar area of parcel geometries in a projected CRS (domain.md §2), and coordinate mapping.
 *
 * The official area of a parcel is its planar area in the analysis CRS (a Gauss–Krüger
 * projection, EPSG:4546 by default), as Chinese cadastral areas are — not a spherical or
 * geodesic area.
 */
import turfArea from "@turf/area";
import type { MultiPolygon, Polygon, Position } from "geojson";

/**
 * Absolute planar area of one linear ring, m², computed relative to the ring's first vertex so
 * that 8-digit zone-prefixed eastings lose no precision. Works for closed and unclosed rings.
 */
function ringArea(ring: Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0]!;
  const x0 = first[0]!;
  const y0 = first[1]!;
  let sum = 0;
  // Vertex 0 is the origin (0,0): the edges touching it contribute nothing.
  let px = ring[1]![0]! - x0;
  let py = ring[1]![1]! - y0;
  for (let i = 2; i < n; i++) {
    const p = ring[i]!;
    const x = p[0]! - x0;
    const y = p[1]! - y0;
    sum += px * y - x * py;
    px = x;
    py = y;
  }
  return Math.abs(sum) / 2;
}

function polygonArea(rings: Position[][]): number {
  if (rings.length === 0) return 0;
  let a = ringArea(rings[0]!);
  for (let i = 1; i < rings.length; i++) a -= ringArea(rings[i]!);
  return a;
}

/**
 * Planar area of a Polygon or MultiPolygon whose coordinates are already projected (metres).
 * Shoelace per ring relative to the ring's first vertex; outer ring minus holes (absolute ring
 * areas, whatever the winding); MultiPolygon parts add.
 *
 * @param geom geometry in a projected CRS with metre units (e.g. EPSG:4546 or EPSG:4525)
 * @returns area in m²
 * @example planarAreaM2({type:"Polygon", coordinates:[[[0,0],[100,0],[100,50],[0,50],[0,0]]]}) // 5000
 */
export function planarAreaM2(geom: Polygon | MultiPolygon): number {
  if (geom.type === "Polygon") return polygonArea(geom.coordinates);
  let a = 0;
  for (const part of geom.coordinates) a += polygonArea(part);
  return a;
}

/**
 * A copy of a Polygon or MultiPolygon with every position mapped through `fn` (e.g. a transform
 * from `makeTransform`). Extra position members (z) are dropped; `bbox` is dropped (it would be
 * stale). The input is not modified.
 *
 * @example transformGeometry(lonLatPolygon, makeTransform("EPSG:4326", "EPSG:4546"))
 */
export function transformGeometry<G extends Polygon | MultiPolygon>(
  geom: G,
  fn: (xy: [number, number]) => [number, number],
): G {
  const ring = (r: Position[]): Position[] => {
    const out: Position[] = new Array(r.length);
    for (let i = 0; i < r.length; i++) {
      const p = r[i]!;
      out[i] = fn(p.length === 2 ? (p as [number, number]) : [p[0]!, p[1]!]);
    }
    return out;
  };
  if (geom.type === "Polygon") {
    return { type: "Polygon", coordinates: geom.coordinates.map(ring) } as G;
  }
  return {
    type: "MultiPolygon",
    coordinates: (geom as MultiPolygon).coordinates.map((part) => part.map(ring)),
  } as G;
}

/**
 * Geodesic (spherical, via `@turf/area`) area of a lon/lat geometry, m². For comparison only:
 * it is NOT the official area (it reads about +0.06 % against planar EPSG:4546 at Jianshi).
 *
 * @param geom RFC 7946 lon/lat geometry
 * @example geodesicAreaM2(lonLatPolygon) // ≈ planarAreaM2(projected) × 1.0006
 */
export function geodesicAreaM2(geom: Polygon | MultiPolygon): number {
  return turfArea(geom);
}
