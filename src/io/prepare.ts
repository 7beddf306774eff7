/**
 * The shared preparer: raw features from any reader (GeoJSON, Shapefile, CSV/XLSX) → prepared
 * parcels (domain.md §2, parcel-schema.md).
 *
 * Per feature: the field mapping applied (`applyMapping`), properties mapped and typed, geometry
 * checked (polygon, closed rings, ≥ 4 positions, finite and in-range coordinates,
 * geojson-validation, no self-intersection), ids made unique → geometry projected to lon/lat for
 * display and its planar area computed (in the input CRS when that is projected, else in the
 * analysis CRS). The CRS is the user's option, else the one the file declares, else detected
 * from the coordinates (`crs-detect.ts`).
 *
 * Never throws: a feature that cannot be used is left out, a value that cannot be used is set
 * aside, and each is named in `problems` (file, feature index and id, field, code, raw value).
 * Raw geometry is reused for the output where possible (lon/lat input is not copied); an
 * unclosed ring is closed in place and reported.
 */

import type { MultiPolygon, Polygon, Position } from "geojson";
import { valid as geojsonProblems } from "geojson-validation";
import { planarAreaM2, transformGeometry } from "../domain/area";
import {
  epsgForZone,
  GK3_FIRST_ZONE,
  GK3_LAST_ZONE,
  gaussKrugerInfo,
  isGaussKruger,
  makeTransform,
  planarAreasAreTrue,
  resolveCrs,
  WGS84,
} from "../domain/crs";
import { hasDegenerateRing, polygonSelfIntersection } from "../domain/polygon-validity";
import type { PreparedParcel } from "../domain/types";
import { type CrsPlan, classifyPosition, planCrs } from "./crs-detect";
import { applyMapping, type FieldMapping } from "./mapping";
import { rawText } from "./numbers";
import { unionAreaM2 } from "./overlap";
import { mapProperties } from "./properties";
import type { ImportOptions, RawFeature, RawFeatureSet } from "./readers/types";
import type { ParcelImport, Problem } from "./types";
import { zoneMismatch } from "./zone-check";

type Params = Record<string, string | number | boolean | null>;

/** Id given to a feature without one: `F` + its 1-based position, e.g. `F0007`. */
export function positionalId(index: number): string {
  return `F${String(index + 1).padStart(4, "0")}`;
}

/** Why a geometry cannot be used, or `null`; closes unclosed rings in place (counted in `closed`). */
interface GeometryCheck {
  code?: string;
  params?: Params;
  closedRings: number;
}

function isPosition(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2;
}

/** Structure, finiteness and closure of one ring; closes it in place when needed. */
function checkRing(ring: unknown, check: GeometryCheck): ring is Position[] {
  if (!Array.isArray(ring)) {
    check.code = "bad-coordinates";
    return false;
  }
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    if (!isPosition(p)) {
      check.code = "bad-coordinates";
      return false;
    }
    const x = p[0];
    const y = p[1];
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      check.code = "non-finite-coordinate";
      const show = (v: unknown) =>
        typeof v === "number" ? String(v) : rawText(typeof v === "string" ? JSON.stringify(v) : v);
      check.params = { value: `${show(x)}, ${show(y)}` };
      return false;
    }
  }
  if (ring.length > 0) {
    const a = ring[0] as number[];
    const b = ring[ring.length - 1] as number[];
    if (a[0] !== b[0] || a[1] !== b[1]) {
      ring.push([a[0] as number, a[1] as number]);
      check.closedRings++;
    }
  }
  if (ring.length < 4) {
    check.code = "too-few-positions";
    check.params = { count: ring.length };
    return false;
  }
  return true;
}

function checkPolygonRings(rings: unknown, check: GeometryCheck): boolean {
  if (!Array.isArray(rings) || rings.length === 0) {
    check.code = Array.isArray(rings) ? "empty-geometry" : "bad-coordinates";
    return false;
  }
  for (const r of rings) if (!checkRing(r, check)) return false;
  return true;
}

function checkGeometry(geom: unknown): GeometryCheck {
  const check: GeometryCheck = { closedRings: 0 };
  if (!geom || typeof geom !== "object") {
    check.code = "not-polygon";
    check.params = { type: geom === null || geom === undefined ? "null" : typeof geom };
    return check;
  }
  const g = geom as { type?: unknown; coordinates?: unknown };
  if (g.type === "Polygon") {
    checkPolygonRings(g.coordinates, check);
  } else if (g.type === "MultiPolygon") {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      check.code = Array.isArray(g.coordinates) ? "empty-geometry" : "bad-coordinates";
    } else {
      for (const part of g.coordinates) if (!checkPolygonRings(part, check)) break;
    }
  } else if (g.type === undefined || g.type === null) {
    // no type at all: "geometry is “undefined”" would be JavaScript talking (found by fuzzing)
    check.code = "geometry-no-type";
  } else {
    check.code = "not-polygon";
    check.params = { type: typeof g.type === "string" ? g.type : rawText(g.type) };
  }
  return check;
}

/** The first point where a polygon part intersects itself (or its holes), if any. */
function selfIntersection(geom: Polygon | MultiPolygon): Position | undefined {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  for (const rings of polys) {
    const at = polygonSelfIntersection(rings);
    if (at) return at;
  }
  return undefined;
}

/**
 * A geometry geojson-validation's `valid(geom, true)` is sure to find nothing wrong with (it
 * would return `[]`): no `bbox`, every ring an array of at least four positions, each an array of
 * at least two numbers, its first and last positions equal number by number. The common case,
 * told here without that library's arrays of messages per position; anything else is left to it.
 */
function plainlyValid(geom: Polygon | MultiPolygon): boolean {
  if ("bbox" in geom) return false;
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  if (!Array.isArray(polys)) return false;
  for (const rings of polys) {
    if (!Array.isArray(rings)) return false;
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4) return false;
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2) return false;
        for (let k = 0; k < p.length; k++) if (typeof p[k] !== "number") return false;
      }
      const a = ring[0] as number[];
      const b = ring[ring.length - 1] as number[];
      if (a.length !== b.length) return false;
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    }
  }
  return true;
}

/** Does any part have a ring of zero width (all vertices on one line)? */
function degenerate(geom: Polygon | MultiPolygon): boolean {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  return polys.some((rings) => hasDegenerateRing(rings));
}

/** How many features' first positions are looked at to detect the CRS. */
export const CRS_SAMPLE = 25;

/** Does this feature give `samplePosition` a position (a polygon with a finite first position)? */
export function hasSamplePosition(f: RawFeature): boolean {
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return false;
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return (
    Array.isArray(c) &&
    typeof c[0] === "number" &&
    typeof c[1] === "number" &&
    Number.isFinite(c[0]) &&
    Number.isFinite(c[1])
  );
}

/**
 * A position representative of the file (as written), for CRS detection: the first position of
 * the first polygons, classified; the first position of the most common class wins, so one stray
 * feature (say at 0, 0) cannot make every other feature look out of range.
 */
function samplePosition(features: RawFeature[]): [number, number] | undefined {
  const samples: [number, number][] = [];
  for (let i = 0; i < features.length && samples.length < CRS_SAMPLE; i++) {
    const g = features[i]?.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
    let c: unknown = g.coordinates;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      if (Number.isFinite(c[0]) && Number.isFinite(c[1])) samples.push([c[0], c[1]]);
    }
  }
  const key = (p: [number, number]) => {
    const c = classifyPosition(p[0], p[1]);
    return c ? `${c.kind}/${c.zone ?? ""}/${c.swapped}` : "none";
  };
  const counts = new Map<string, number>();
  for (const p of samples) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  let best: [number, number] | undefined;
  let bestCount = 0;
  for (const p of samples) {
    const n = key(p) === "none" ? 0 : (counts.get(key(p)) ?? 0);
    if (n > bestCount) {
      best = p;
      bestCount = n;
    }
  }
  return best ?? samples[0];
}

/** A position for messages: small values (degrees) to 7 decimals (~1 cm), metres to 2. */
const fmt = (p: Position) => {
  const f = (v: unknown) =>
    typeof v !== "number" || !Number.isFinite(v)
      ? String(v)
      : String(Math.round(v * (Math.abs(v) < 1000 ? 1e7 : 100)) / (Math.abs(v) < 1000 ? 1e7 : 100));
  return `${f(p[0])}, ${f(p[1])}`;
};

/** A parcel smaller than this (the precision of a legal area figure) has no usable area. */
const MIN_AREA_M2 = 0.01;

/**
 * Prepare a reader's raw features as parcels.
 *
 * @param raw the reader's output (its problems come first in the result, per-feature ones with
 *   their feature)
 * @param opts `crs` overrides what the file declares and detection; `mapping` is applied to each
 *   feature's properties first; `analysisCrs` measures areas of lon/lat input
 * @returns usable parcels (lon/lat geometry, planar area in m²), problems, the CRS used, the
 *   dataset's survey date; `ok` false with a `fatal` problem when nothing can be used
 * @example prepareParcels(readGeoJsonRaw(file, {}), { analysisCrs: "EPSG:4546" })
 */
export function prepareParcels(
  raw: RawFeatureSet,
  opts: ImportOptions & { analysisCrs: string },
): ParcelImport {
  try {
    return prepare(raw, opts);
  } catch (err) {
    // A bug, not the user's data: still a result with one sentence, never an exception.
    const message = err instanceof Error ? err.message : String(err);
    const problem: Problem = { severity: "error", code: "read-failed", fatal: true, params: { message } };
    if (raw.file !== "") problem.file = raw.file;
    return { parcels: [], problems: [problem], ok: false, featureCount: 0 };
  }
}

function prepare(raw: RawFeatureSet, opts: ImportOptions & { analysisCrs: string }): ParcelImport {
  const start = beginPrepare(raw, raw.features, opts);
  if (!start.ok) return start.result;
  const { preparer, problems } = start;
  const parcels: PreparedParcel[] = [];
  const features = raw.features;
  // The reader's problems about single features, reported in file order with each feature.
  const pending = raw.problems.filter((p) => p.featureIndex !== undefined);
  let next = 0;
  const flushUpTo = (index: number) => {
    while (next < pending.length && (pending[next]?.featureIndex ?? 0) <= index) {
      problems.push(pending[next] as Problem);
      next++;
    }
  };
  for (let i = 0; i < features.length; i++) {
    const feature = features[i] as RawFeature;
    flushUpTo(feature.index ?? i);
    const parcel = preparer.add(feature, i, problems);
    if (parcel) parcels.push(parcel);
  }
  flushUpTo(Number.POSITIVE_INFINITY);
  return (
    endPrepare(start, raw.featureCount ?? raw.features.length, parcels.length, () =>
      zoneMismatch(parcels, start.basis.crs, start.where.file),
    ) ?? { ...okImport(start, raw, raw.featureCount ?? raw.features.length), parcels }
  );
}

/** A preparation under way: the CRS plan and area basis decided, features added one by one. */
export interface PrepareStarted {
  ok: true;
  preparer: FeaturePreparer;
  /** The problems so far (the reader's about the whole file, the CRS plan's): add the features' after. */
  problems: Problem[];
  plan: CrsPlan;
  basis: AreaBasis;
  where: { file?: string };
}

/**
 * The first half of `prepareParcels`, for a reader that hands features on one at a time (the
 * streaming CLI): the reader's file-level problems, the CRS (option, declared, else detected from
 * `sample`, the first features — `samplePosition` looks at up to 25 polygons) and the area basis.
 * `raw` carries the file's name, declared CRS and reader problems; its features are not read.
 * Then `preparer.add` each feature in order, and `endPrepare`.
 */
export function beginPrepare(
  raw: RawFeatureSet,
  sample: RawFeature[],
  opts: ImportOptions & { analysisCrs: string },
): PrepareStarted | { ok: false; result: ParcelImport } {
  const file = raw.file === "" ? undefined : raw.file;
  const where = file === undefined ? {} : { file };
  // The reader's problems about the whole file first; those about one feature come with it.
  const problems: Problem[] = raw.problems.filter((p) => p.featureIndex === undefined);
  const featureCount = raw.featureCount ?? raw.features.length;
  if (problems.some((p) => p.fatal)) {
    const result = {
      parcels: [],
      problems: [...raw.problems],
      ok: false,
      featureCount: raw.features.length > 0 ? featureCount : 0,
    };
    return { ok: false, result };
  }
  const fail = (code: string, params?: Params, count = 0) => {
    problems.push({ severity: "error", code, fatal: true, ...where, ...(params ? { params } : {}) });
    return { ok: false as const, result: { parcels: [], problems, ok: false, featureCount: count } };
  };
  if (featureCount === 0) return fail("no-features");

  // CRS: option, else what the file declares, else detection from the first positions.
  const declared =
    opts.crs !== undefined
      ? { spec: opts.crs, how: "option" as const }
      : raw.crs
        ? { spec: raw.crs.spec, how: raw.crs.how }
        : undefined;
  const samplePos = samplePosition(sample);
  let plan: CrsPlan | undefined;
  if (samplePos === undefined && declared === undefined) {
    // No polygon with usable coordinates at all: every feature will be skipped and named below,
    // and the file reported as having no parcels (not as an unknown CRS).
    plan = {
      detection: { crs: WGS84, how: "lonlat", swappedAxes: false },
      proj4: "+proj=longlat +datum=WGS84 +no_defs",
      geographic: true,
      inRange: () => false,
    };
  } else {
    const planned = planCrs(samplePos, declared, opts.analysisCrs, file);
    problems.push(...planned.problems);
    plan = planned.plan;
  }
  if (!plan) return { ok: false, result: { parcels: [], problems, ok: false, featureCount } };

  if (opts.analysisCrs !== "" && !checkAnalysisCrs(opts.analysisCrs))
    return fail("unknown-crs", { crs: opts.analysisCrs, how: "analysis" }, featureCount);
  const basis = areaBasis(plan, opts.analysisCrs, samplePos);
  if (!checkAnalysisCrs(basis.crs))
    return fail("unknown-crs", { crs: basis.crs, how: "analysis" }, featureCount);
  datumNote(plan, where, problems);
  return {
    ok: true,
    preparer: new FeaturePreparer(plan, basis, opts.mapping, where),
    problems,
    plan,
    basis,
    where,
  };
}

/**
 * The second half of `prepareParcels`, once every feature was added: the fatal `no-parcels`
 * (naming the reasons) when none was usable, else the zone check (`zoneCheck`, computed only
 * then) and the area basis appended to `started.problems`, and `undefined` (use `okImport`).
 */
export function endPrepare(
  started: PrepareStarted,
  featureCount: number,
  parcelCount: number,
  zoneCheck: () => Problem | null,
): ParcelImport | undefined {
  const { problems, where, basis } = started;
  if (parcelCount === 0) {
    const counts = new Map<string, number>();
    for (const p of problems) if (p.severity === "error") counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    const reasons = [...counts].map(([code, n]) => `${code} ×${n}`).join(", ");
    problems.push({
      severity: "error",
      code: "no-parcels",
      fatal: true,
      ...where,
      params: { features: featureCount, reasons },
    });
    return { parcels: [], problems, ok: false, featureCount };
  }
  // Input measured in its own Gauss–Krüger CRS has no zone distortion to warn about.
  const outside = basis.how === "own-crs" ? null : zoneCheck();
  if (outside) problems.push(outside);
  problems.push({
    severity: "info",
    code: "area-basis",
    ...where,
    params: { basis: basis.label, how: basis.how },
  });
  return undefined;
}

/** The successful import of a preparation that `endPrepare` accepted, without its parcels. */
export function okImport(
  started: PrepareStarted,
  raw: Pick<RawFeatureSet, "surveyDate" | "synthetic">,
  featureCount: number,
): ParcelImport {
  return {
    parcels: [],
    problems: started.problems,
    crs: started.plan.detection,
    ...(raw.surveyDate !== undefined ? { surveyDate: raw.surveyDate } : {}),
    ...(raw.synthetic ? { synthetic: true } : {}),
    ok: true,
    featureCount,
  };
}

/** Where areas are measured (issue 8, "the area basis — one rule"). */
export interface AreaBasis {
  /** The CRS areas are planar in (`EPSG:4546`, or a proj4 string for a custom Gauss–Krüger CRS). */
  crs: string;
  /** Input in a Gauss–Krüger CRS: its own; else the standards' analysis CRS; else the nearest 3° zone. */
  how: "own-crs" | "analysis-crs" | "nearest-zone";
  /** Said to the user and exported per parcel, e.g. `EPSG:4546 planar`. */
  label: string;
}

/**
 * The one rule: input in a Gauss–Krüger CRS (CGCS2000, Xi'an 1980, Beijing 1954; any zone) is
 * measured planar in that CRS — the bureau's own numbers; any other input (lon/lat, UTM, Web
 * Mercator) planar in the analysis CRS, and where none is set (`""`), in the CGCS2000 3° zone
 * whose central meridian is nearest the data.
 */
export function areaBasis(
  plan: CrsPlan,
  analysisCrs: string,
  sample: [number, number] | undefined,
): AreaBasis {
  if (!plan.geographic && isGaussKruger(plan.proj4)) {
    return { crs: plan.detection.crs, how: "own-crs", label: `${plan.detection.crs} planar` };
  }
  if (analysisCrs !== "") {
    const r = resolveCrs(analysisCrs);
    const crs = r.ok ? r.code : analysisCrs;
    return { crs, how: "analysis-crs", label: `${crs} planar` };
  }
  let lon = 111;
  if (sample) {
    const xy: [number, number] = plan.detection.swappedAxes ? [sample[1], sample[0]] : [sample[0], sample[1]];
    try {
      const ll = plan.geographic ? xy : makeTransform(plan.detection.crs, WGS84)(xy);
      if (Number.isFinite(ll[0])) lon = ll[0];
    } catch {
      // outside the projection's domain: every feature will say so
    }
  }
  const zone = Math.min(GK3_LAST_ZONE, Math.max(GK3_FIRST_ZONE, Math.round(lon / 3)));
  const crs = epsgForZone(zone, false);
  return { crs, how: "nearest-zone", label: `${crs} planar` };
}

/** Xi'an 1980 / Beijing 1954 input without a datum shift: drawn tens of metres off, areas unaffected. */
function datumNote(plan: CrsPlan, where: { file?: string }, problems: Problem[]): void {
  const info = gaussKrugerInfo(plan.detection.crs);
  const old = info ? info.datum !== "cgcs2000" : /\+ellps=(IAU76|krass)\b/.test(plan.proj4);
  if (!old || /\+towgs84=/.test(plan.proj4)) return;
  const datum = info?.datum ?? (/\+ellps=IAU76\b/.test(plan.proj4) ? "xian1980" : "beijing1954");
  problems.push({
    severity: "warning",
    code: "crs-no-datum-shift",
    ...where,
    params: { crs: plan.detection.crs, datum },
  });
}

/** The analysis CRS must resolve (it is checked once here, so per-feature transforms cannot throw). */
function checkAnalysisCrs(analysisCrs: string): boolean {
  const r = resolveCrs(analysisCrs);
  if (!r.ok || !planarAreasAreTrue(r.proj4)) return false; // areas need true metres
  try {
    makeTransform(WGS84, analysisCrs);
    return true;
  } catch {
    return false;
  }
}

/** Scratch rings for `projectedArea`, reused across features (no allocation per ring). */
const SCRATCH: Position[][] = [];
const SCRATCH_POLYGON: Polygon = { type: "Polygon", coordinates: SCRATCH };

/**
 * Planar area (m², `planarAreaM2`) of a lon/lat geometry projected with `project` (from
 * `makeTransform`) — without building a projected copy: each part is projected into reused
 * scratch rings, and a ring's closing position (equal to its first) reuses the first result.
 */
function projectedArea(
  geom: Polygon | MultiPolygon,
  project: (xy: [number, number]) => [number, number],
): number {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  let area = 0;
  for (const rings of polys) {
    SCRATCH.length = rings.length;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] as Position[];
      let out = SCRATCH[r];
      if (!out) {
        out = [];
        SCRATCH[r] = out;
      }
      out.length = ring.length;
      const last = ring.length - 1;
      for (let i = 0; i < ring.length; i++) {
        // `project` reads x and y only and returns a new position: the input is passed as is
        out[i] = i === last ? (out[0] as Position) : project(ring[i] as [number, number]);
      }
    }
    area += planarAreaM2(SCRATCH_POLYGON);
  }
  return area;
}

/** A problem about one feature (file, index, id when known). */
function featureProblem(
  severity: Problem["severity"],
  code: string,
  file: string | undefined,
  featureIndex: number,
  featureId: string | undefined,
  params?: Params,
  field?: string,
): Problem {
  const p: Problem = { severity, code };
  if (file !== undefined) p.file = file;
  p.featureIndex = featureIndex;
  if (featureId !== undefined) p.featureId = featureId;
  if (field !== undefined) p.field = field;
  if (params !== undefined) p.params = params;
  return p;
}

/** Swap x and y of every position in place (the file was northing/latitude first). */
function swapAxes(geom: Polygon | MultiPolygon): void {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  for (const rings of polys)
    for (const ring of rings)
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i] as number[];
        const t = p[0] as number;
        p[0] = p[1] as number;
        p[1] = t;
      }
}

/** The first position outside `inRange`, if any. */
function firstOutside(
  geom: Polygon | MultiPolygon,
  inRange: (x: number, y: number) => boolean,
): Position | undefined {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  for (const rings of polys)
    for (const ring of rings)
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i] as number[];
        if (!inRange(p[0] as number, p[1] as number)) return p;
      }
  return undefined;
}

/** The id as written (an id property, else `Feature.id`): a usable id, or the unusable raw value. */
function rawIdOf(fromProps: unknown, featureId: unknown): { id?: string; bad?: unknown } {
  const v = fromProps !== undefined && fromProps !== null && fromProps !== "" ? fromProps : featureId;
  if (typeof v === "string") {
    const t = v.trim();
    if (t !== "") return { id: t };
  } else if (typeof v === "number" && Number.isFinite(v)) {
    return { id: String(v) };
  }
  return v === undefined || v === null || v === "" ? {} : { bad: v };
}

/**
 * Checks, projects and measures features one at a time with a decided CRS plan, and makes ids
 * unique across all features added (the ids seen so far are its only memory).
 */
export class FeaturePreparer {
  private readonly file: string | undefined;
  private readonly swapped: boolean;
  private readonly inRange: (x: number, y: number) => boolean;
  private readonly crsName: string;
  private readonly toDisplay: ((xy: [number, number]) => [number, number]) | undefined;
  private readonly toArea: ((xy: [number, number]) => [number, number]) | undefined;
  private readonly displayToArea: ((xy: [number, number]) => [number, number]) | undefined;
  private readonly idCount = new Map<string, number>();
  private readonly taken = new Set<string>();

  constructor(
    plan: CrsPlan,
    private readonly basis: AreaBasis,
    private readonly mapping: FieldMapping | undefined,
    where: { file?: string },
  ) {
    this.file = where.file;
    this.swapped = plan.detection.swappedAxes;
    this.inRange = plan.inRange;
    this.crsName = plan.detection.crs;
    this.toDisplay = plan.geographic ? undefined : makeTransform(plan.detection.crs, WGS84);
    this.toArea = plan.geographic ? makeTransform(plan.detection.crs, basis.crs) : undefined;
    // Projected but not Gauss–Krüger (UTM, Web Mercator): areas from the lon/lat display geometry
    // projected to the area basis, as for lon/lat input.
    this.displayToArea =
      !plan.geographic && basis.how !== "own-crs" ? makeTransform(WGS84, basis.crs) : undefined;
  }

  /**
   * One feature (the `i`-th given; named by its `index` when set): a parcel, or undefined when it
   * cannot be used. Its problems are appended to `problems`. Rings may be closed or axes swapped in place.
   */
  add(feature: RawFeature, i: number, problems: Problem[]): PreparedParcel | undefined {
    const { file, swapped, inRange, crsName, toDisplay, toArea, displayToArea, basis, taken, idCount } = this;
    const index = feature.index ?? i;
    const mapped = mapProperties(applyMapping(feature.properties, this.mapping));
    const { id: rawId, bad: badId } = rawIdOf(mapped.rawId, feature.id);

    // Geometry.
    const check = checkGeometry(feature.geometry);
    if (check.code) {
      problems.push(featureProblem("error", check.code, file, index, rawId, check.params));
      return undefined;
    }
    const geom = feature.geometry as Polygon | MultiPolygon;
    if (swapped) swapAxes(geom);
    const outside = firstOutside(geom, inRange);
    if (outside) {
      const params = { value: fmt(outside), crs: crsName };
      problems.push(featureProblem("error", "out-of-range", file, index, rawId, params));
      return undefined;
    }
    const gv = plainlyValid(geom) ? [] : (geojsonProblems(geom, true) as string[]);
    if (feature.invalid) gv.unshift(...feature.invalid);
    if (gv.length > 0) {
      const params = { detail: gv.slice(0, 3).join("; ") };
      problems.push(featureProblem("error", "invalid-geojson", file, index, rawId, params));
      return undefined;
    }
    const kink = selfIntersection(geom);
    if (kink) {
      problems.push(featureProblem("error", "self-intersection", file, index, rawId, { at: fmt(kink) }));
      return undefined;
    }

    // Display geometry (lon/lat) and planar area.
    let display: Polygon | MultiPolygon;
    let areaM2: number;
    try {
      if (toArea) {
        display = plainGeometry(geom);
        areaM2 = projectedArea(display, toArea);
      } else {
        display = transformGeometry(geom, toDisplay as (xy: [number, number]) => [number, number]);
        areaM2 = displayToArea ? projectedArea(display, displayToArea) : planarAreaM2(geom);
      }
    } catch {
      // the projection library refused a position (outside its domain)
      const first = (geom.type === "Polygon" ? geom.coordinates[0] : geom.coordinates[0]?.[0])?.[0] ?? [];
      const params = { value: fmt(first), crs: crsName };
      problems.push(featureProblem("error", "out-of-range", file, index, rawId, params));
      return undefined;
    }
    if (!toArea) {
      const bad = firstOutside(display, lonLatOk);
      if (bad) {
        const params = { value: fmt(bad), crs: crsName };
        problems.push(featureProblem("error", "out-of-range", file, index, rawId, params));
        return undefined;
      }
    }
    // Parts of a MultiPolygon that overlap are land counted twice: measure their union.
    if (display.type === "MultiPolygon" && display.coordinates.length > 1) {
      const project = toArea ?? displayToArea;
      const union = unionAreaM2((project ? display : geom) as MultiPolygon, project);
      if (union !== undefined && union < areaM2 - Math.max(0.01, areaM2 * 1e-9)) {
        const params = { parts: areaM2, union };
        problems.push(
          featureProblem("warning", "multipolygon-overlap", file, index, rawId, roundParams(params)),
        );
        areaM2 = union;
      }
    }
    if (!(areaM2 >= MIN_AREA_M2)) {
      problems.push(featureProblem("error", "zero-area", file, index, rawId));
      return undefined;
    }
    // Zero width in its own coordinates (e.g. three lon/lat points on one parallel): the area
    // above is an artefact of projecting a curved parallel, not land.
    if (degenerate(geom)) {
      problems.push(featureProblem("error", "degenerate-geometry", file, index, rawId));
      return undefined;
    }

    // Id: unique, or made unique.
    let id = rawId;
    if (id === undefined) {
      if (badId !== undefined) {
        const params = { raw: rawText(badId) };
        problems.push(
          featureProblem("warning", "bad-id", file, index, undefined, params, mapped.idField ?? "id"),
        );
      }
      id = positionalId(index);
      while (taken.has(id)) id = `${id}'`;
      problems.push(featureProblem("warning", "missing-id", file, index, id, { id }));
    } else if (taken.has(id)) {
      let n = idCount.get(id) ?? 1;
      let next: string;
      do {
        n++;
        next = `${id}#${n}`;
      } while (taken.has(next));
      idCount.set(id, n);
      problems.push(featureProblem("warning", "duplicate-id", file, index, next, { id, newId: next }));
      id = next;
    }
    taken.add(id);
    if (check.closedRings > 0) {
      const params = { rings: check.closedRings };
      problems.push(featureProblem("warning", "ring-closed", file, index, id, params));
    }
    for (const issue of mapped.issues) {
      problems.push(featureProblem("warning", issue.code, file, index, id, issue.params, issue.field));
    }
    mapped.input.id = id;
    return {
      input: mapped.input,
      geometry: display,
      areaM2,
      extra: mapped.extra,
      areaBasis: basis.label,
    };
  }
}

const roundParams = (p: { parts: number; union: number }) => ({
  parts: Math.round(p.parts * 100) / 100,
  union: Math.round(p.union * 100) / 100,
});

function lonLatOk(x: number, y: number): boolean {
  return x >= -180 && x <= 180 && y >= -90 && y <= 90; // false for NaN
}

/** The geometry as a plain `{type, coordinates}` (no `bbox` or foreign members); positions shared. */
function plainGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === "Polygon"
    ? { type: "Polygon", coordinates: g.coordinates }
    : { type: "MultiPolygon", coordinates: g.coordinates };
}
