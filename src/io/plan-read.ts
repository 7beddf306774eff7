/**
 * Reading the six-ones plan layers: facilities (points or site polygons, and bus lines) and roads,
 * as RFC 7946 GeoJSON in lon/lat (CGCS2000 ≈ WGS 84). Never throws: returns what could be used
 * and problems naming the file, the feature and the field.
 *
 * Facilities: `kind` (kindergarten/school/clinic/leisure/green/bus, or the Chinese names 幼儿园,
 * 学校/义务教育学校/小学/初中, 卫生院/医疗卫生机构/卫生服务站, 生活娱乐区, 公共绿地/公园, 公交线路),
 * `status` (existing/planned/proposed or 现状/规划/拟建; default existing), `name`, `capacity`,
 * `level` (primary/junior). A bus line is a LineString with `kind: "bus"` and its stops as a
 * `stops` list of [lon, lat] (default: the line's two ends). Features of other kinds (an incubator,
 * a sewage plant) are kept out of the plan and counted in one note.
 */
import type { Feature, LineString, MultiLineString, Position } from "geojson";
import { type FacilityKind, type FacilityStatus, isFacilityKind } from "../domain/coverage";
import type { PlanFacility } from "../domain/facilities";
import { decodeText } from "./decode";
import { parseJson } from "./json";
import type { Problem } from "./types";

const KIND_ALIASES: Record<string, FacilityKind> = {
  幼儿园: "kindergarten",
  学校: "school",
  义务教育学校: "school",
  小学: "school",
  初中: "school",
  九年一贯制学校: "school",
  卫生院: "clinic",
  医疗卫生机构: "clinic",
  卫生服务站: "clinic",
  社区卫生服务中心: "clinic",
  生活娱乐区: "leisure",
  公共绿地: "green",
  公园: "green",
  公交线路: "bus",
  公交: "bus",
};
const STATUS_ALIASES: Record<string, FacilityStatus> = {
  existing: "existing",
  现状: "existing",
  已建: "existing",
  planned: "planned",
  规划: "planned",
  proposed: "proposed",
  拟建: "proposed",
  建议: "proposed",
};

export interface PlanRead<T> {
  ok: boolean;
  items: T[];
  problems: Problem[];
}

function featuresOf(
  input: string | Uint8Array,
  file: string,
): { features: Feature[]; notes: Problem[] } | { problems: Problem[] } {
  const decoded = decodeText(input, file);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const parsed = parseJson(decoded.text);
  if (!parsed.ok)
    return { problems: [{ severity: "error", code: "not-json", fatal: true, file, params: parsed.params }] };
  const v = parsed.value as { type?: unknown; features?: unknown } | null;
  if (v && v.type === "FeatureCollection" && Array.isArray(v.features))
    return { features: v.features as Feature[], notes: decoded.problems };
  if (v && v.type === "Feature") return { features: [v as unknown as Feature], notes: decoded.problems };
  const type =
    v === null
      ? "null"
      : Array.isArray(v)
        ? "array"
        : typeof v === "object"
          ? String(v.type ?? "—")
          : typeof v;
  return { problems: [{ severity: "error", code: "not-geojson", fatal: true, file, params: { type } }] };
}

const isLonLat = (p: unknown): p is Position =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === "number" &&
  typeof p[1] === "number" &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

function allLonLat(coords: unknown): boolean {
  if (isLonLat(coords)) return true;
  return Array.isArray(coords) && coords.length > 0 && coords.every(allLonLat);
}

/** Read a facilities layer. */
export function readFacilities(input: string | Uint8Array, file: string): PlanRead<PlanFacility> {
  const got = featuresOf(input, file);
  if ("problems" in got) return { ok: false, items: [], problems: got.problems };
  const read = facilitiesFromFeatures(got.features, file);
  return { ...read, problems: [...got.notes, ...read.problems] };
}

/** The six-ones facilities of parsed GeoJSON features (the app's context layer, or a read file). */
export function facilitiesFromFeatures(features: readonly Feature[], file: string): PlanRead<PlanFacility> {
  const got = { features };
  const problems: Problem[] = [];
  const items: PlanFacility[] = [];
  const ids = new Set<string>();
  let otherKinds = 0;
  got.features.forEach((f, i) => {
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const at = { file, featureIndex: i };
    const rawKind = String(props.kind ?? props.类型 ?? props.设施类型 ?? "").trim();
    const kind = isFacilityKind(rawKind) ? rawKind : KIND_ALIASES[rawKind];
    if (!kind) {
      otherKinds++;
      return;
    }
    const g = f?.geometry;
    const okGeometry =
      g &&
      (kind === "bus"
        ? g.type === "LineString"
        : g.type === "Point" || g.type === "Polygon" || g.type === "MultiPolygon");
    if (!okGeometry) {
      problems.push({
        ...at,
        severity: "warning",
        code: "facility-bad-geometry",
        params: { kind, type: g?.type ?? "null" },
      });
      return;
    }
    if (!allLonLat((g as { coordinates: unknown }).coordinates)) {
      problems.push({ ...at, severity: "warning", code: "facility-not-lonlat" });
      return;
    }
    const rawStatus = String(props.status ?? props.状态 ?? "existing").trim();
    const status = STATUS_ALIASES[rawStatus];
    if (!status)
      problems.push({
        ...at,
        field: "status",
        severity: "warning",
        code: "facility-bad-status",
        params: { raw: rawStatus },
      });
    let id = String(props.id ?? f.id ?? `FAC${String(i + 1).padStart(3, "0")}`);
    if (ids.has(id)) {
      problems.push({ ...at, severity: "warning", code: "duplicate-id", params: { id } });
      id = `${id}#${i + 1}`;
    }
    ids.add(id);
    const fac: PlanFacility = {
      id,
      kind,
      status: status ?? "existing",
      geometry: g as PlanFacility["geometry"],
    };
    if (typeof props.name === "string" && props.name) fac.name = props.name;
    if (typeof props.capacity === "number" && Number.isFinite(props.capacity)) fac.capacity = props.capacity;
    if (props.level === "junior" || props.level === "初中") fac.level = "junior";
    else if (props.level === "primary" || props.level === "小学") fac.level = "primary";
    if (kind === "bus") {
      const line = (g as LineString).coordinates;
      const stops = props.stops;
      if (Array.isArray(stops) && stops.length >= 2 && stops.every(isLonLat)) fac.stops = stops as Position[];
      else {
        if (stops !== undefined)
          problems.push({ ...at, field: "stops", severity: "warning", code: "bus-bad-stops" });
        fac.stops = [line[0] as Position, line[line.length - 1] as Position];
      }
    }
    items.push(fac);
  });
  if (otherKinds > 0)
    problems.push({ file, severity: "info", code: "facility-other-kinds", params: { count: otherKinds } });
  return { ok: true, items, problems };
}

/** Read a roads layer: its LineStrings and MultiLineStrings (other geometries are reported and left out). */
export function readRoads(input: string | Uint8Array, file: string): PlanRead<LineString | MultiLineString> {
  const got = featuresOf(input, file);
  if ("problems" in got) return { ok: false, items: [], problems: got.problems };
  const problems: Problem[] = [...got.notes];
  const items: (LineString | MultiLineString)[] = [];
  got.features.forEach((f, i) => {
    const g = f?.geometry;
    if (!g || (g.type !== "LineString" && g.type !== "MultiLineString")) {
      problems.push({
        file,
        featureIndex: i,
        severity: "warning",
        code: "road-bad-geometry",
        params: { type: g?.type ?? "null" },
      });
      return;
    }
    if (!allLonLat(g.coordinates)) {
      problems.push({ file, featureIndex: i, severity: "warning", code: "facility-not-lonlat" });
      return;
    }
    items.push(g);
  });
  return { ok: items.length > 0, items, problems };
}
