/**
 * Pure geometry and bookkeeping helpers of the map controller, kept out of the class so they are
 * tested in node. Coordinates are RFC 7946 lon/lat degrees (CGCS2000 ≈ WGS 84).
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";
import type { BBox } from "../domain/map-properties";
import { PARK_ZONES, ZONE_NAMES } from "../domain/zones";

/** [west, south, east, north] in degrees (one type for domain, map, state and the worker). */
export type { BBox };

function eachPosition(g: Geometry | null | undefined, f: (p: Position) => void): void {
  if (!g) return;
  switch (g.type) {
    case "Point":
      f(g.coordinates);
      return;
    case "MultiPoint":
    case "LineString":
      for (const p of g.coordinates) f(p);
      return;
    case "MultiLineString":
    case "Polygon":
      for (const r of g.coordinates) for (const p of r) f(p);
      return;
    case "MultiPolygon":
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) f(p);
      return;
    case "GeometryCollection":
      for (const x of g.geometries) eachPosition(x, f);
  }
}

/** Bounding box of features (non-finite coordinates skipped); null when there is nothing. */
export function bboxOf(features: readonly Feature[]): BBox | null {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const ft of features)
    eachPosition(ft.geometry, (p) => {
      const x = p[0];
      const y = p[1];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    });
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** The zone id of a zone feature: `properties.id`, else the feature id. */
export function zoneIdOf(f: Feature): string | undefined {
  const id = (f.properties as Record<string, unknown> | null)?.id ?? f.id;
  return id === undefined || id === null ? undefined : String(id);
}

/**
 * The box to frame for a zone focus: the parcels of that zone (property `zone`), or all parcels
 * (`"all"`) — the parcels are what the official looks at, not the context around them; the zone
 * outline(s) only where there are no such parcels. Null when nothing matches.
 */
export function focusBbox(
  zones: FeatureCollection | null,
  parcels: FeatureCollection | null,
  focus: string,
): BBox | null {
  const zf = zones?.features ?? [];
  const pf = parcels?.features ?? [];
  if (focus === "all") return bboxOf(pf) ?? bboxOf(zf);
  return (
    bboxOf(pf.filter((f) => (f.properties as Record<string, unknown> | null)?.zone === focus)) ??
    bboxOf(zf.filter((f) => zoneIdOf(f) === focus))
  );
}

/** Signed area (shoelace, degrees², positive counter-clockwise) of a ring. */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = ring[i] as Position;
    const pj = ring[j] as Position;
    a += ((pj[0] as number) - (pi[0] as number)) * ((pj[1] as number) + (pi[1] as number));
  }
  return a / 2;
}

/** Point-in-polygon (even-odd over all rings, so holes are excluded). */
export function pointInPolygon(pt: Position, rings: Position[][]): boolean {
  const [x, y] = pt as [number, number];
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/**
 * A point inside a polygon for its label: the centroid of the largest part's outer ring when it is
 * inside, otherwise the middle of the widest horizontal run through the polygon at that latitude
 * (or at the bbox mid-latitude). Good enough for zone names; not a pole of inaccessibility.
 */
export function labelPoint(g: Polygon | MultiPolygon): Position | null {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const p of polys) {
    const a = Math.abs(ringArea(p[0] ?? []));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const outer = best?.[0];
  if (!best || !outer || outer.length < 4) return null;
  let cx = 0;
  let cy = 0;
  let a6 = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [xi, yi] = outer[i] as [number, number];
    const [xj, yj] = outer[j] as [number, number];
    const cross = xj * yi - xi * yj;
    a6 += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  const c: Position = a6 !== 0 ? [cx / (3 * a6), cy / (3 * a6)] : (outer[0] as Position);
  if (pointInPolygon(c, best)) return c;
  const bb = bboxOf([{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: best } }]);
  for (const y of [c[1] as number, bb ? (bb[1] + bb[3]) / 2 : (c[1] as number)]) {
    const xs: number[] = [];
    for (const ring of best)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    xs.sort((p, q) => p - q);
    let wBest = -1;
    let mid: number | undefined;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = (xs[i + 1] as number) - (xs[i] as number);
      if (w > wBest) {
        wBest = w;
        mid = ((xs[i] as number) + (xs[i + 1] as number)) / 2;
      }
    }
    if (mid !== undefined) return [mid, y];
  }
  return c;
}

/** English names of the park's zones, used when a zone feature has no English name of its own. */
export const ZONE_NAMES_EN: Record<string, string> = Object.fromEntries(
  PARK_ZONES.map((id) => [id, ZONE_NAMES[id].enLabel]),
);

/**
 * Label points for zones (or any named polygons) with `label_zh` / `label_en` properties: zh from
 * `name`, en from `nameEn`/`name_en`, the known zone names, or the zh name.
 */
export function labelPoints(
  fc: FeatureCollection | null,
  namesEn: Record<string, string> = ZONE_NAMES_EN,
): FeatureCollection<Point> {
  const out: Feature<Point>[] = [];
  for (const f of fc?.features ?? []) {
    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
    const pt = labelPoint(g);
    if (!pt) continue;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const id = zoneIdOf(f);
    const zh = typeof p.name === "string" ? p.name : (id ?? "");
    const enRaw = p.nameEn ?? p.name_en ?? (id ? namesEn[id] : undefined);
    const en = typeof enRaw === "string" ? enRaw : zh;
    out.push({
      type: "Feature",
      properties: { id: id ?? null, label_zh: zh, label_en: en },
      geometry: { type: "Point", coordinates: pt },
    });
  }
  return { type: "FeatureCollection", features: out };
}

/**
 * One label point per parcel (`labelPoint`: inside the largest part), with the parcel's `id` as
 * property and feature id, for the parcel id labels.
 * @example parcelLabelPoints(parcels).features[0] // {type:"Feature", id:"HTK-001", properties:{id:"HTK-001"}, geometry:{type:"Point", …}}
 */
export function parcelLabelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  const out: Feature<Point>[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
    const pt = labelPoint(g);
    const id = f.properties?.id ?? f.id;
    if (!pt || id === undefined || id === null) continue;
    out.push({
      type: "Feature",
      properties: { id: String(id) },
      geometry: { type: "Point", coordinates: pt },
    });
  }
  return { type: "FeatureCollection", features: out };
}

/** What to add and remove to go from one id set to another (order: as iterated). */
export function diffIds(
  prev: ReadonlySet<string>,
  next: ReadonlySet<string>,
): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const id of next) if (!prev.has(id)) added.push(id);
  for (const id of prev) if (!next.has(id)) removed.push(id);
  return { added, removed };
}

/** Parcels to dim for a table filter: every id not in the filter (none when there is no filter). */
export function dimmedIds(allIds: readonly string[], filter: ReadonlySet<string> | null): Set<string> {
  if (!filter) return new Set();
  const out = new Set<string>();
  for (const id of allIds) if (!filter.has(id)) out.add(id);
  return out;
}

/** Padding (px) around a framed zone: 1/12 of the shorter side of the map, 10–60 px. */
export function framePadding(width: number, height: number): number {
  return Math.max(10, Math.min(60, Math.round(Math.min(width, height) / 12)));
}

/** Space (px) along each edge of the map that controls drawn over it cover (the map tools' bar). */
export interface FrameInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: FrameInsets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * Padding (px) of a framed box on each side: `base` plus what the overlays cover there, so the
 * framed data is not drawn under them. Each axis gets at most half the map (MapLibre cannot fit a
 * box into less); past that both sides shrink in proportion.
 */
export function framePaddingBox(
  width: number,
  height: number,
  base: number,
  insets: FrameInsets,
): FrameInsets {
  const axis = (a: number, b: number, span: number): [number, number] => {
    const pa = base + Math.max(0, a);
    const pb = base + Math.max(0, b);
    const k = Math.min(1, span / 2 / (pa + pb || 1));
    return [Math.floor(pa * k), Math.floor(pb * k)];
  };
  const [top, bottom] = axis(insets.top, insets.bottom, height);
  const [left, right] = axis(insets.left, insets.right, width);
  return { top, right, bottom, left };
}

/** Margin (px) inside the map edges within which a parcel counts as on screen. */
export const REVEAL_MARGIN_PX = 16;

/**
 * What `revealParcels` does for a box on screen (container px, y down): nothing when it lies
 * within the map (less a margin), a pan when it fits at this zoom, else a fit.
 */
export function revealAction(
  box: { x0: number; y0: number; x1: number; y1: number },
  width: number,
  height: number,
  margin: number,
): "none" | "pan" | "fit" {
  const inside =
    box.x0 >= margin && box.y0 >= margin && box.x1 <= width - margin && box.y1 <= height - margin;
  if (inside) return "none";
  const fits = box.x1 - box.x0 <= width - 2 * margin && box.y1 - box.y0 <= height - 2 * margin;
  return fits ? "pan" : "fit";
}

/** Share of box `a` that lies inside box `b` (0–1; degenerate boxes count as points). */
export function bboxOverlap(a: BBox, b: BBox): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const area = (a[2] - a[0]) * (a[3] - a[1]);
  if (area <= 0) return a[0] >= b[0] && a[2] <= b[2] && a[1] >= b[1] && a[3] <= b[3] ? 1 : 0;
  return (w * h) / area;
}
