/**
 * The six-ones plan as lon/lat GeoJSON features, for the map, the plan export and (later) the
 * printed maps: one pure function, {@link planFeatures}, so every consumer draws the same plan.
 *
 * Service areas ({@link serviceAreaShapes}) are computed in the analysis CRS (`service-area.ts`)
 * and projected back to lon/lat: the straight-line circle, the roads reached within the service
 * distance, and the area served along the roads (see `service-area.ts` for what exactly it is).
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { type DistanceMethod, type FacilityKind, type FacilityStatus, serviceDistanceM } from "./coverage";
import { makeTransform, WGS84 } from "./crs";
import { type PlanFacility, type PlannerInputs, servicePoints } from "./facilities";
import { joinNetwork, type PathTree, pathTree, type XY } from "./road-network";
import { areaCellM, circleRing, type ReachedPiece, reachedRoads, roadServiceArea } from "./service-area";
import type { ServiceStandard } from "./types";

export type Unprojector = (xy: XY) => [number, number];

/** Planar metres in the analysis CRS → lon/lat. */
export function unprojectorFrom(analysisCrs: string): Unprojector {
  const t = makeTransform(analysisCrs, WGS84);
  return (p) => {
    const [x, y] = t([p[0], p[1]]);
    return [x, y];
  };
}

/** A facility's service area, lon/lat. */
export interface ServiceAreaShapes {
  facilityId: string;
  kind: FacilityKind;
  status: FacilityStatus;
  serviceDistanceM: number;
  /** The straight-line circle(s) around each service point (a bus line: each stop). */
  circles: MultiPolygon;
  /** The roads reached within the service distance along the roads (null: no roads loaded). */
  roads: MultiLineString | null;
  /** The area served along the roads (null: no roads loaded), as non-overlapping cells merged in rows. */
  area: MultiPolygon | null;
  /** The outline of `area`. */
  outline: MultiLineString | null;
  /** The grid cell of `area`, m. */
  cellM: number | null;
}

/** The service area of one facility (one bounded shortest-path tree per service point). */
export function serviceAreaShapes(
  f: PlanFacility,
  inputs: PlannerInputs,
  services: Readonly<Record<string, ServiceStandard>>,
  unproject: Unprojector,
  method: DistanceMethod = inputs.network ? "road" : "straight",
): ServiceAreaShapes {
  const r = serviceDistanceM(f.kind, services, f.level);
  const points = servicePoints(f, inputs.project);
  const ll = (ring: readonly XY[]) => ring.map(unproject);
  const circles: MultiPolygon = {
    type: "MultiPolygon",
    coordinates: points.map((p) => [ll(circleRing(p, r))]),
  };
  const net = inputs.network;
  if (!net || method !== "road")
    return {
      facilityId: f.id,
      kind: f.kind,
      status: f.status,
      serviceDistanceM: r,
      circles,
      roads: null,
      area: null,
      outline: null,
      cellM: null,
    };
  const pieces: ReachedPiece[] = [];
  const trees: PathTree[] = [];
  for (const p of points) {
    const join = joinNetwork(net, p);
    if (!join) continue;
    const tree = pathTree(net, join, r);
    trees.push(tree);
    pieces.push(...reachedRoads(net, tree, r));
  }
  const cellM = areaCellM(r);
  const grid = roadServiceArea(net, trees, points, r, cellM);
  return {
    facilityId: f.id,
    kind: f.kind,
    status: f.status,
    serviceDistanceM: r,
    circles,
    roads: { type: "MultiLineString", coordinates: pieces.map((p) => ll(p.line)) },
    area: {
      type: "MultiPolygon",
      coordinates: grid.rects.map(([x0, y0, x1, y1]) => [
        ll([
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ]),
      ]),
    },
    outline: { type: "MultiLineString", coordinates: grid.edges.map((e) => ll(e)) },
    cellM,
  };
}

/** What each plan feature is (`properties.layer`): the map styles and the print legend key on it. */
export type PlanFeatureLayer =
  | "uncovered"
  | "circle"
  | "road-area"
  | "road-area-outline"
  | "road-reach"
  | "bus-line"
  | "bus-stop"
  | "facility-site"
  | "facility";

export interface PlanFeatureProps {
  layer: PlanFeatureLayer;
  facilityId?: string;
  parcelId?: string;
  kind?: FacilityKind;
  status?: FacilityStatus;
  name?: string;
  /** The facility is the selected one (drawn stronger). */
  selected?: boolean;
  /** Stop number, 1-based (bus stops). */
  stop?: number;
}

export interface PlanFeaturesInput {
  facilities: readonly PlanFacility[];
  /** Service areas to draw (usually those of one kind, or of the selected facility). */
  serviceAreas?: readonly ServiceAreaShapes[];
  /** Parcels not covered by any facility of the kind shown (their polygons, lon/lat). */
  uncovered?: readonly { id: string; geometry: Polygon | MultiPolygon }[];
  selectedFacilityId?: string | null;
}

/**
 * The plan as one FeatureCollection, bottom to top: uncovered parcels, circles, areas served
 * along the roads (fill, then outline), reached roads, bus lines, bus stops, facility sites
 * (polygons), facility points (a polygon facility's point is its site's representative point
 * only in coverage; here the site is drawn). Pure.
 */
export function planFeatures(input: PlanFeaturesInput): FeatureCollection<Geometry, PlanFeatureProps> {
  const out: Feature<Geometry, PlanFeatureProps>[] = [];
  const sel = input.selectedFacilityId ?? null;
  const feature = (geometry: Geometry, properties: PlanFeatureProps) =>
    out.push({ type: "Feature", geometry, properties });
  for (const p of input.uncovered ?? []) feature(p.geometry, { layer: "uncovered", parcelId: p.id });
  const areas = input.serviceAreas ?? [];
  const base = (a: ServiceAreaShapes): PlanFeatureProps => ({
    layer: "circle",
    facilityId: a.facilityId,
    kind: a.kind,
    status: a.status,
    selected: a.facilityId === sel,
  });
  for (const a of areas) feature(a.circles, base(a));
  for (const a of areas) if (a.area) feature(a.area, { ...base(a), layer: "road-area" });
  for (const a of areas) if (a.outline) feature(a.outline, { ...base(a), layer: "road-area-outline" });
  for (const a of areas) if (a.roads) feature(a.roads, { ...base(a), layer: "road-reach" });
  const props = (f: PlanFacility, layer: PlanFeatureLayer): PlanFeatureProps => ({
    layer,
    facilityId: f.id,
    kind: f.kind,
    status: f.status,
    name: f.name ?? f.id,
    selected: f.id === sel,
  });
  for (const f of input.facilities)
    if (f.kind === "bus" && f.geometry.type === "LineString") feature(f.geometry, props(f, "bus-line"));
  for (const f of input.facilities) {
    if (f.kind !== "bus") continue;
    const stops = f.stops ?? [];
    for (let i = 0; i < stops.length; i++) {
      const s = stops[i] as number[];
      feature(
        { type: "Point", coordinates: [s[0] as number, s[1] as number] },
        { ...props(f, "bus-stop"), stop: i + 1 },
      );
    }
  }
  for (const f of input.facilities)
    if (f.kind !== "bus" && (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon"))
      feature(f.geometry, props(f, "facility-site"));
  for (const f of input.facilities)
    if (f.kind !== "bus" && f.geometry.type === "Point") feature(f.geometry, props(f, "facility"));
  return { type: "FeatureCollection", features: out };
}
