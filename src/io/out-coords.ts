/**
 * Coordinates of an export (issue 8, "Writing back"): lon/lat (EPSG:4326, RFC 7946) or the
 * data's own projected CRS, at the precision of a cadastre — lon/lat to 8 decimals (≈ 1 mm),
 * metres to 3 (1 mm) — not the 14–17 digits of a double.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { isGeographic, makeTransform, resolveCrs, WGS84 } from "../domain/crs";

/** Decimals of exported lon/lat degrees. */
export const LONLAT_DECIMALS = 8;
/** Decimals of exported metres. */
export const METRE_DECIMALS = 3;

export interface OutCoords {
  /** `EPSG:4326`, or the source CRS (an `EPSG:` code, or a proj4 string). */
  crs: string;
  geographic: boolean;
  decimals: number;
  /** lon/lat → the output CRS; absent for lon/lat output. */
  project?: (xy: [number, number]) => [number, number];
}

/**
 * The output coordinates for a CRS spec (`undefined` or `EPSG:4326`: lon/lat). Throws when the
 * spec does not resolve (callers pass a CRS that was read, so it does).
 */
export function outCoords(crs: string | undefined): OutCoords {
  if (crs === undefined || crs === WGS84) return { crs: WGS84, geographic: true, decimals: LONLAT_DECIMALS };
  const r = resolveCrs(crs);
  if (!r.ok) throw new Error(`cannot resolve CRS "${crs}"`);
  if (r.code === WGS84) return { crs: WGS84, geographic: true, decimals: LONLAT_DECIMALS };
  const geographic = isGeographic(r.proj4);
  return {
    crs: r.code,
    geographic,
    decimals: geographic ? LONLAT_DECIMALS : METRE_DECIMALS,
    project: makeTransform(WGS84, r.code),
  };
}

function roundTo(v: number, m: number): number {
  const r = Math.round(v * m) / m;
  return r === 0 ? 0 : r;
}

/**
 * A lon/lat geometry in the output CRS, rounded: a new geometry (the input is left alone), built
 * once per parcel.
 */
export function outGeometry<G extends Polygon | MultiPolygon>(g: G, oc: OutCoords): G {
  const m = 10 ** oc.decimals;
  const project = oc.project;
  const pos = (p: Position): Position => {
    const xy = project ? project([p[0] as number, p[1] as number]) : p;
    return [roundTo(xy[0] as number, m), roundTo(xy[1] as number, m)];
  };
  const ring = (r: Position[]) => r.map(pos);
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map(ring) } as G;
  return { type: "MultiPolygon", coordinates: g.coordinates.map((poly) => poly.map(ring)) } as G;
}
