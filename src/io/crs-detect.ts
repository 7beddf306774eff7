/**
 * Which CRS a parcel file's coordinates are in (domain.md §2), when the file does not say or to
 * check what it says. Decided once per file from its first position, then every position is
 * checked against the chosen CRS's range by the reader.
 *
 * Rules, in order: `--crs` (an option) overrides everything; a legacy GeoJSON `crs` member is
 * honoured; otherwise eastings of 8 digits starting with a zone number 25–45 → that zone's
 * prefixed CRS (e.g. 37xxxxxx → EPSG:4525); eastings 100 000–900 000 with northings
 * 2 000 000–6 000 000 → projected with the zone unknown → the analysis CRS, with a warning;
 * values within ±180/±90 → lon/lat. A northing-sized first value (axes in EPSG's
 * northing-first order) is detected and the axes swapped, with a warning.
 */
import { epsgForZone, isGeographic, resolveCrs, WGS84, zoneFromPrefixedEasting } from "../domain/crs";
import type { CrsDetection, Problem } from "./types";

export type PositionKind = "lonlat" | "prefixed" | "projected";

export interface PositionClass {
  kind: PositionKind;
  /** Zone number for `prefixed`. */
  zone?: number;
  /** The position is northing/latitude first. */
  swapped: boolean;
}

const isNorthing = (v: number) => v >= 2e6 && v <= 6e6;
const isEasting = (v: number) => v >= 1e5 && v <= 9e5;

/**
 * Classify one position `[x, y]` as written in the file.
 *
 * @example classifyPosition(37412345, 3390000) // {kind:"prefixed", zone:37, swapped:false}
 * @example classifyPosition(3390000, 412345)   // {kind:"projected", swapped:true}
 * @returns null when the numbers fit no known pattern
 */
export function classifyPosition(x: number, y: number): PositionClass | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return { kind: "lonlat", swapped: false };
  const zx = zoneFromPrefixedEasting(x);
  if (zx !== null && y >= 0 && y < 1e7) return { kind: "prefixed", zone: zx, swapped: false };
  if (isEasting(x) && isNorthing(y)) return { kind: "projected", swapped: false };
  // swapped: latitude / northing first
  if (Math.abs(x) <= 90 && Math.abs(y) > 90 && Math.abs(y) <= 180) return { kind: "lonlat", swapped: true };
  const zy = zoneFromPrefixedEasting(y);
  if (zy !== null && isNorthing(x)) return { kind: "prefixed", zone: zy, swapped: true };
  if (isEasting(y) && isNorthing(x)) return { kind: "projected", swapped: true };
  return null;
}

/**
 * Do zone-prefixed eastings (8 digits) go with a CRS whose false easting carries that zone, and
 * plain eastings with one that does not? (Reading 37xxxxxx eastings as EPSG:4546 would put the
 * parcels thousands of kilometres away.) Other projections are not judged.
 */
function prefixFits(proj4Def: string, cls: PositionClass): boolean {
  if (cls.kind === "lonlat" || !/\+proj=tmerc\b/.test(proj4Def)) return true;
  const x0 = Number(/\+x_0=([-+0-9.eE]+)/.exec(proj4Def)?.[1] ?? 0);
  const prefixedCrs = x0 >= 1e7;
  if (cls.kind === "prefixed") return prefixedCrs && Math.floor(x0 / 1e6) === cls.zone;
  return !prefixedCrs;
}

/** The reader's plan for a file's coordinates. */
export interface CrsPlan {
  detection: CrsDetection;
  /** proj4 definition of the input CRS. */
  proj4: string;
  geographic: boolean;
  /** Whether a position (after any swap) lies in the range of the input CRS. */
  inRange: (x: number, y: number) => boolean;
}

export interface CrsPlanResult {
  plan?: CrsPlan;
  problems: Problem[];
}

const lonLatRange = (x: number, y: number) => x >= -180 && x <= 180 && y >= -90 && y <= 90;
/** Any projected metres plausible for a Gauss–Krüger CRS (prefixed eastings up to 8 digits). */
const projectedRange = (x: number, y: number) => Math.abs(x) < 1e8 && Math.abs(y) < 1e8;

/** A legacy `crs` member's name (`{"type":"name","properties":{"name":"EPSG:4546"}}`), if any. */
export function crsMemberName(crs: unknown): string | undefined {
  if (!crs || typeof crs !== "object") return undefined;
  const props = (crs as { properties?: unknown }).properties;
  if (!props || typeof props !== "object") return undefined;
  const name = (props as { name?: unknown }).name;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;
}

/**
 * Decide the input CRS of a file.
 *
 * @param sample the file's first position as written, if any has finite numbers
 * @param declared a CRS given by the user (`option`) or by the file (`crs-member`)
 * @param analysisCrs the analysis CRS (used when projected coordinates carry no zone)
 * @param file file name for problems
 * @returns a plan, or fatal `unknown-crs` / `crs-mismatch` problems
 */
export function planCrs(
  sample: [number, number] | undefined,
  declared: { spec: string; how: "option" | "crs-member" | "prj" } | undefined,
  analysisCrs: string,
  file?: string,
): CrsPlanResult {
  const where = file === undefined ? {} : { file };
  const problems: Problem[] = [];
  const cls = sample ? classifyPosition(sample[0], sample[1]) : null;
  const fatal = (code: string, params: Record<string, string | number | boolean | null>): CrsPlanResult => ({
    problems: [...problems, { severity: "error", code, fatal: true, ...where, params }],
  });
  const sampleText = sample ? `${sample[0]}, ${sample[1]}` : "";
  let crs: string;
  let how: CrsDetection["how"];
  if (declared) {
    const r = resolveCrs(declared.spec);
    if (!r.ok) return fatal("unknown-crs", { crs: declared.spec, reason: r.reason, how: declared.how });
    const geographic = isGeographic(r.proj4);
    if (cls && (geographic !== (cls.kind === "lonlat") || !prefixFits(r.proj4, cls))) {
      return fatal("crs-mismatch", { crs: r.code, how: declared.how, sample: sampleText });
    }
    crs = r.code;
    how = declared.how;
  } else if (!cls) {
    return fatal("unknown-crs", { sample: sampleText, how: "detect" });
  } else if (cls.kind === "lonlat") {
    crs = WGS84;
    how = "lonlat";
  } else if (cls.kind === "prefixed") {
    crs = epsgForZone(cls.zone ?? 0, true);
    how = "zone-prefix";
    problems.push({
      severity: "info",
      code: "crs-detected",
      ...where,
      params: { crs, zone: cls.zone ?? null },
    });
  } else {
    const r = resolveCrs(analysisCrs);
    if (!r.ok) return fatal("unknown-crs", { crs: analysisCrs, reason: r.reason, how: "analysis" });
    crs = r.code;
    how = "assumed-analysis-crs";
    problems.push({ severity: "warning", code: "crs-assumed", ...where, params: { crs } });
  }
  const resolved = resolveCrs(crs);
  if (!resolved.ok) return fatal("unknown-crs", { crs, reason: resolved.reason, how });
  const geographic = isGeographic(resolved.proj4);
  const swapped = cls?.swapped ?? false;
  if (swapped)
    problems.push({ severity: "warning", code: "axes-swapped", ...where, params: { sample: sampleText } });
  let inRange = geographic ? lonLatRange : projectedRange;
  if (!declared && cls?.kind === "prefixed") {
    const lo = (cls.zone ?? 0) * 1e6;
    inRange = (x, y) => x >= lo && x < lo + 1e6 && y >= 0 && y < 1e7;
  } else if (!declared && cls?.kind === "projected") {
    inRange = (x, y) => x >= 0 && x <= 1e6 && y >= 0 && y < 1e7;
  }
  return {
    plan: { detection: { crs, how, swappedAxes: swapped }, proj4: resolved.proj4, geographic, inRange },
    problems,
  };
}
