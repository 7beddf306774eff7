/**
 * The six-ones plan as data: facilities (points or site polygons) and the bus line, in RFC 7946
 * lon/lat, and their conversion to the planar inputs of `coverage.ts`, `siting.ts` and
 * `bus-line.ts` (metres in the analysis CRS, default EPSG:4546).
 */
import type { LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from "geojson";
import {
  type CoverageFacility,
  type DemandIndex,
  type DemandPoint,
  type FacilityKind,
  type FacilityStatus,
  indexDemand,
} from "./coverage";
import { makeTransform, WGS84 } from "./crs";
import { representativePoint } from "./representative-point";
import { buildRoadNetwork, type RoadNetwork, type XY } from "./road-network";
import type { SiteCandidate } from "./siting";
import type { LandStatus, ParcelInput } from "./types";

/** A planned, proposed or existing facility of the six ones. Geometry in lon/lat. */
export interface PlanFacility {
  id: string;
  kind: FacilityKind;
  status: FacilityStatus;
  name?: string;
  /** A point, a site polygon, or (kind `bus`) the line itself. */
  geometry: Point | Polygon | MultiPolygon | LineString;
  /** Bus stops, lon/lat, in running order (kind `bus` only). */
  stops?: Position[];
  /** Places (children, beds, …); informative. */
  capacity?: number;
  /** School level: `junior` uses the junior-school service distance. */
  level?: "primary" | "junior";
}

/** A parcel as the planner needs it: id, inputs and lon/lat geometry. */
export interface PlannerParcel {
  input: Pick<ParcelInput, "id" | "employees" | "residents" | "landStatus" | "landUse">;
  geometry: Polygon | MultiPolygon;
  /** Planar area in the analysis CRS, m². */
  areaM2: number;
}

export type Projector = (lonLat: Position) => XY;

/** lon/lat → planar metres in the analysis CRS. */
export function projectorTo(analysisCrs: string): Projector {
  const t = makeTransform(WGS84, analysisCrs);
  return (p) => {
    const [x, y] = t([p[0] as number, p[1] as number]);
    return [x, y];
  };
}

/** Each parcel's representative point (planar) with its demand (employees + residents). */
export function demandPoints(parcels: readonly PlannerParcel[], project: Projector): DemandPoint[] {
  const out: DemandPoint[] = [];
  for (const p of parcels) {
    const pt = representativePoint(p.geometry);
    if (!pt) continue;
    out.push({
      id: p.input.id,
      xy: project(pt),
      demand: (p.input.employees ?? 0) + (p.input.residents ?? 0),
    });
  }
  return out;
}

export function siteCandidates(parcels: readonly PlannerParcel[], project: Projector): SiteCandidate[] {
  const out: SiteCandidate[] = [];
  for (const p of parcels) {
    const pt = representativePoint(p.geometry);
    if (!pt) continue;
    const c: SiteCandidate = { id: p.input.id, xy: project(pt), areaM2: p.areaM2 };
    if (p.input.landStatus) c.landStatus = p.input.landStatus as LandStatus;
    if (p.input.landUse) c.landUse = p.input.landUse;
    out.push(c);
  }
  return out;
}

/** The points a facility serves from: its point, its site's representative point, or a bus line's stops. */
export function servicePoints(f: PlanFacility, project: Projector): XY[] {
  if (f.kind === "bus") return (f.stops ?? []).map(project);
  const g = f.geometry;
  if (g.type === "Point") return [project(g.coordinates)];
  if (g.type === "Polygon" || g.type === "MultiPolygon") {
    const pt = representativePoint(g);
    return pt ? [project(pt)] : [];
  }
  return [];
}

export function toCoverageFacility(f: PlanFacility, project: Projector): CoverageFacility {
  return {
    id: f.id,
    kind: f.kind,
    status: f.status,
    points: servicePoints(f, project),
    ...(f.level ? { level: f.level } : {}),
  };
}

/** Road lines (lon/lat LineStrings or MultiLineStrings) → the planar network. */
export function roadNetworkFrom(
  roads: readonly (LineString | MultiLineString)[],
  project: Projector,
): RoadNetwork {
  const lines: XY[][] = [];
  for (const g of roads) {
    if (g.type === "LineString") lines.push(g.coordinates.map(project));
    else for (const part of g.coordinates) lines.push(part.map(project));
  }
  return buildRoadNetwork(lines);
}

/** Everything coverage needs, prepared once per (parcels, roads) pair and reused for every facility. */
export interface PlannerInputs {
  project: Projector;
  index: DemandIndex;
  candidates: SiteCandidate[];
  network: RoadNetwork | null;
}

export function plannerInputs(
  parcels: readonly PlannerParcel[],
  roads: readonly (LineString | MultiLineString)[] | null,
  analysisCrs: string,
): PlannerInputs {
  const project = projectorTo(analysisCrs);
  const network = roads && roads.length > 0 ? roadNetworkFrom(roads, project) : null;
  return {
    project,
    network,
    index: indexDemand(demandPoints(parcels, project), network),
    candidates: siteCandidates(parcels, project),
  };
}
