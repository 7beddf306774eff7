/**
 * Are the parcels inside the 3-degree zone of the analysis CRS?
 *
 * Official areas are planar Gauss–Krüger areas in the parcel's own 3° zone. Parcels far from the
 * analysis CRS's central meridian get distorted areas (≈ +0.2 % at 3° off at 30°N, and nonsense
 * at tens of degrees), silently, unless someone says so. This check says so once per file and
 * names the zone that fits.
 */
import { epsgForZone, resolveCrs } from "../domain/crs";
import type { PreparedParcel } from "../domain/types";
import type { Problem } from "./types";

/** Half a 3° zone plus a margin for parcels on the zone boundary (degrees of longitude). */
const HALF_ZONE_DEG = 1.5 + 0.05;
const SAMPLE = 200;

/** Central meridian (°E) of a transverse Mercator CRS, or null for anything else. */
export function centralMeridian(crs: string): number | null {
  const r = resolveCrs(crs);
  if (!r.ok || !/\+proj=tmerc\b/.test(r.proj4)) return null;
  const m = /\+lon_0=(-?[\d.]+)/.exec(r.proj4);
  return m ? Number(m[1]) : 0;
}

/**
 * A warning when the parcels' median longitude lies outside the analysis CRS's 3° zone.
 *
 * @param parcels prepared parcels (geometry in lon/lat)
 * @param analysisCrs e.g. `EPSG:4546` (central meridian 111°E)
 * @param file the file name, for the message
 * @returns a `outside-analysis-zone` warning, or null when the parcels fit (or the CRS is not
 *   transverse Mercator)
 * @example zoneMismatch(parcelsAt105E, "EPSG:4546") // {code:"outside-analysis-zone", params:{lon:105, cm:111, suggested:"EPSG:4544", …}}
 */
export function zoneMismatch(
  parcels: readonly PreparedParcel[],
  analysisCrs: string,
  file?: string,
): Problem | null {
  const firstLons = new Float64Array(parcels.length);
  for (let i = 0; i < parcels.length; i++) {
    const g = parcels[i]?.geometry;
    const first = g?.type === "Polygon" ? g.coordinates[0]?.[0] : g?.coordinates[0]?.[0]?.[0];
    firstLons[i] = first && Number.isFinite(first[0]) ? (first[0] as number) : Number.NaN;
  }
  return zoneMismatchOfLons(firstLons, analysisCrs, file);
}

/**
 * `zoneMismatch` from each parcel's first longitude (`NaN` when it has none), in parcel order:
 * what a streaming reader keeps instead of the parcels (8 bytes each).
 */
export function zoneMismatchOfLons(
  firstLons: ArrayLike<number>,
  analysisCrs: string,
  file?: string,
): Problem | null {
  const cm = centralMeridian(analysisCrs);
  const n = firstLons.length;
  if (cm === null || n === 0) return null;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const lons: number[] = [];
  for (let i = 0; i < n; i += step) {
    const v = firstLons[i] as number;
    if (Number.isFinite(v)) lons.push(v);
  }
  if (lons.length === 0) return null;
  lons.sort((a, b) => a - b);
  const lon = lons[Math.floor(lons.length / 2)] as number;
  if (Math.abs(lon - cm) <= HALF_ZONE_DEG) return null;
  const zone = Math.round(lon / 3);
  const suggested = zone >= 25 && zone <= 45 ? epsgForZone(zone, false) : "";
  return {
    severity: "warning",
    code: suggested ? "outside-analysis-zone" : "outside-analysis-zone-no-cgcs",
    ...(file !== undefined ? { file } : {}),
    params: { crs: analysisCrs, cm, lon: Math.round(lon * 100) / 100, suggested },
  };
}
