/**
 * What a printed map shows, as plain data in planar metres (the analysis CRS, so a scale bar is
 * true): parcels with their fill colour and flag hatch, zone outlines, roads, facilities. Built
 * once from lon/lat geometries; the view (`viewFor`) and the page frames (`layout.ts`) place it on
 * paper. Pure.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { fitScale, type Rect } from "./layout";

export type XY = [number, number];
export type Hatch = "idle" | "under";

export interface SceneParcel {
  id: string;
  /** Polygons, each outer ring then holes (holes wound against the outer ring). */
  polygons: XY[][][];
  fill: string;
  hatch: Hatch | null;
}

export interface SceneFacility {
  at: XY;
  color: string;
}

export interface Scene {
  parcels: SceneParcel[];
  zones: XY[][][];
  roads: XY[][];
  facilities: SceneFacility[];
  /** Bounds of the parcels (or of everything when there are none). */
  bounds: Bounds;
  /** Angle of true north from the grid's up, clockwise, radians (meridian convergence). */
  northRad: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface SceneInput {
  parcels: ReadonlyArray<{ id: string; geometry: Polygon | MultiPolygon; fill: string; hatch: Hatch | null }>;
  zones?: ReadonlyArray<Polygon | MultiPolygon>;
  roads?: ReadonlyArray<Position[]>;
  facilities?: ReadonlyArray<{ at: Position; color: string }>;
}

const signedArea = (ring: readonly XY[]) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return a / 2;
};

function polygonsOf(g: Polygon | MultiPolygon, project: (p: Position) => XY): XY[][][] {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => {
    const out = rings.map((r) => r.map(project));
    // Outer ring one way, holes the other: a nonzero fill (PDF `f`) then leaves the holes open.
    const outerSign = Math.sign(signedArea(out[0] ?? []));
    return out.map((r, i) => (i > 0 && Math.sign(signedArea(r)) === outerSign ? [...r].reverse() : r));
  });
}

export function emptyBounds(): Bounds {
  return { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
}

export function extendBounds(b: Bounds, p: readonly number[]): void {
  const x = p[0]!;
  const y = p[1]!;
  if (x < b.minX) b.minX = x;
  if (y < b.minY) b.minY = y;
  if (x > b.maxX) b.maxX = x;
  if (y > b.maxY) b.maxY = y;
}

export function parcelBounds(p: SceneParcel): Bounds {
  const b = emptyBounds();
  for (const poly of p.polygons) for (const pt of poly[0] ?? []) extendBounds(b, pt);
  return b;
}

/** Project the layers into planar metres with `project` (lon/lat → x east, y north). */
export function buildScene(input: SceneInput, project: (p: Position) => XY): Scene {
  const parcels = input.parcels.map((p) => ({
    id: p.id,
    polygons: polygonsOf(p.geometry, project),
    fill: p.fill,
    hatch: p.hatch,
  }));
  const zones = (input.zones ?? []).flatMap((z) => polygonsOf(z, project));
  const roads = (input.roads ?? []).map((line) => line.map(project));
  const facilities = (input.facilities ?? []).map((f) => ({ at: project(f.at), color: f.color }));
  const bounds = emptyBounds();
  for (const p of parcels)
    for (const poly of p.polygons) for (const pt of poly[0] ?? []) extendBounds(bounds, pt);
  if (!Number.isFinite(bounds.minX))
    for (const z of zones) for (const pt of z[0] ?? []) extendBounds(bounds, pt);
  // Meridian convergence at the middle of the data: where a step north on the ground points.
  let northRad = 0;
  const first = input.parcels[0]?.geometry;
  const lonLat = first
    ? first.type === "Polygon"
      ? first.coordinates[0]?.[0]
      : first.coordinates[0]?.[0]?.[0]
    : undefined;
  if (lonLat) {
    const a = project(lonLat);
    const b = project([lonLat[0]!, lonLat[1]! + 0.001]);
    northRad = Math.atan2(b[0] - a[0], b[1] - a[1]);
  }
  return { parcels, zones, roads, facilities, bounds, northRad };
}

/** Where the scene sits on paper: the ground point at the frame's centre and the scale 1:N. */
export interface View {
  cx: number;
  cy: number;
  denominator: number;
}

/**
 * The view that shows `bounds` in `frame` (mm) at a round scale (`fitScale`), at least `minExtentM`
 * metres across (a single small parcel is not printed at 1:200).
 */
export function viewFor(bounds: Bounds, frame: Rect, minExtentM = 0): View {
  const w = Math.max(bounds.maxX - bounds.minX, minExtentM);
  const h = Math.max(bounds.maxY - bounds.minY, minExtentM);
  return {
    cx: (bounds.minX + bounds.maxX) / 2,
    cy: (bounds.minY + bounds.maxY) / 2,
    denominator: fitScale({ w, h }, frame),
  };
}

/** Ground (metres) → paper (mm from the page's top-left) for a view in a frame. */
export function toPaper(view: View, frame: Rect): (p: XY) => XY {
  const k = 1000 / view.denominator;
  const ox = frame.x + frame.w / 2;
  const oy = frame.y + frame.h / 2;
  return (p) => [ox + (p[0] - view.cx) * k, oy - (p[1] - view.cy) * k];
}
