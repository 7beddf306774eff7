/**
 * The other layers of the synthetic park: zone boundaries, the road network (grid plus the link
 * roads to the county seat, with shared vertices at every junction), facilities and the central
 * urban area 中心城区 (业州镇). All lon/lat, rounded to 1e-7°.
 */
import type { Feature, LineString, Point, Polygon } from "geojson";
import { close, fromGk, type LonLat, localToLonLat, planarAreaM2, round7, toGk } from "./geometry";
import type { GridLine, RoadClass, ZoneLayout } from "./layout";
import type { SampleParcel } from "./parcels";
import type { Rng } from "./prng";

/** The county seat 业州镇 (central urban area), approximate. */
export const COUNTY_SEAT: LonLat = [109.72, 30.6];

type Props = Record<string, unknown>;
const point = (properties: Props, c: LonLat): Feature<Point> => ({
  type: "Feature",
  properties,
  geometry: { type: "Point", coordinates: c },
});
const polygon = (properties: Props, ring: LonLat[]): Feature<Polygon> => ({
  type: "Feature",
  properties,
  geometry: { type: "Polygon", coordinates: [close(ring)] },
});
const line = (properties: Props, coords: LonLat[]): Feature<LineString> => ({
  type: "Feature",
  properties,
  geometry: { type: "LineString", coordinates: coords },
});

export function zoneFeatures(layouts: readonly ZoneLayout[]): Feature<Polygon>[] {
  return layouts.map((l) => {
    const ring = l.boundary.map((p) => localToLonLat(l.spec.frame, p));
    // The approved (法定) area, a round number of hectares no larger than the drawn area.
    const legalAreaM2 = Math.floor(planarAreaM2(ring) / 10000) * 10000;
    return polygon({ id: l.spec.id, name: l.spec.name, nameEn: l.spec.nameEn, legalAreaM2 }, ring);
  });
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function roadName(l: ZoneLayout, g: GridLine): string {
  if (g.cls === "main") return `${l.spec.short}${g.axis === "u" ? "大道" : "中路"}`;
  return `${l.spec.short}${g.axis === "u" ? "经" : "纬"}${NUMERALS[g.index] ?? g.index + 1}路`;
}

/** The junction of the grid nearest the county seat, on the zone's perimeter road (local). */
function entrance(l: ZoneLayout): [number, number] {
  const seat = toGk(COUNTY_SEAT);
  const { uLines: us, vLines: vs } = l;
  const candidates: [number, number][] = [];
  for (const u of us)
    for (const v of vs)
      if (u === us[0] || u === us.at(-1) || v === vs[0] || v === vs.at(-1)) candidates.push([u.at, v.at]);
  const dist = (p: [number, number]) => {
    const g = toGk(localToLonLat(l.spec.frame, p));
    return Math.hypot(g[0] - seat[0], g[1] - seat[1]);
  };
  return candidates.sort((a, b) => dist(a) - dist(b))[0]!;
}

export function roadFeatures(rng: Rng, layouts: readonly ZoneLayout[]): Feature<LineString>[] {
  const out: Feature<LineString>[] = [];
  for (const l of layouts) {
    let n = 0;
    const road = (name: string, cls: RoadClass, coords: LonLat[]) =>
      out.push(
        line(
          { id: `${l.spec.prefix}-R${String(++n).padStart(2, "0")}`, name, class: cls, walkable: true },
          coords,
        ),
      );
    for (const g of l.uLines)
      road(
        roadName(l, g),
        g.cls,
        l.vLines.map((v) => localToLonLat(l.spec.frame, [g.at, v.at])),
      );
    for (const g of l.vLines)
      road(
        roadName(l, g),
        g.cls,
        l.uLines.map((u) => localToLonLat(l.spec.frame, [u.at, g.at])),
      );
    // The link road to the county seat: from the entrance junction, winding through the valley,
    // to the seat (both zones' links meet there, so the network is connected).
    const start = localToLonLat(l.spec.frame, entrance(l));
    const a = toGk(start);
    const b = toGk(COUNTY_SEAT);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    const coords: LonLat[] = [start];
    const steps = 6;
    for (let i = 1; i < steps; i++) {
      const t = i / steps;
      const off = Math.sin(t * Math.PI) * rng.uniform(-260, 260);
      coords.push(fromGk([a[0] + (b[0] - a[0]) * t + nx * off, a[1] + (b[1] - a[1]) * t + ny * off]));
    }
    coords.push(COUNTY_SEAT);
    road(`${l.spec.short}连接线（至业州镇）`, "main", coords);
  }
  return out;
}

/**
 * Facilities: only a few exist (a clinic, the central park, the incubator, the sewage plant,
 * the county bus terminal); a kindergarten is planned; a school, a leisure area and the bus line
 * to the central urban area are still missing from the "six ones" (六个一).
 */
export function facilityFeatures(parcels: readonly SampleParcel[]): Feature[] {
  const byName = (name: string) => {
    const p = parcels.find((x) => x.props.name === name);
    if (!p) throw new Error(`no parcel named ${name}`);
    return p;
  };
  const f = (id: string, kind: string, name: string, status: string, capacity: number | null) => ({
    id,
    kind,
    name,
    status,
    capacity,
  });
  const park = byName("黄土坎中心公园");
  return [
    point(f("F01", "clinic", "黄土坎片区卫生服务站", "existing", 10), byName("黄土坎片区卫生服务站").centre),
    polygon(f("F02", "green", "黄土坎中心公园", "existing", null), park.ring),
    point(f("F03", "incubator", "园区科技孵化园", "existing", 40), byName("园区科技孵化园").centre),
    point(
      f("F04", "sewage-plant", "黄土坎工业污水处理厂", "existing", 5000),
      byName("黄土坎工业污水处理厂").centre,
    ),
    point(f("F05", "bus-stop", "业州镇城区公交总站", "existing", null), [
      round7(COUNTY_SEAT[0] - 0.0012),
      round7(COUNTY_SEAT[1] + 0.0009),
    ]),
    point(f("F06", "kindergarten", "园区幼儿园（规划）", "planned", 270), byName("幼儿园预留用地").centre),
  ];
}

/** The central urban area 中心城区 (业州镇): a point and an outline (about 6 km²). */
export function centralUrbanAreaFeatures(rng: Rng): Feature[] {
  const c = toGk(COUNTY_SEAT);
  const ring: LonLat[] = [];
  const n = 12;
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = rng.uniform(1150, 1550);
    ring.push(fromGk([c[0] + 1.25 * r * Math.cos(t), c[1] + 0.85 * r * Math.sin(t)]));
  }
  return [
    point(
      { id: "yezhou-centre", name: "中心城区（业州镇）", nameEn: "Central urban area (Yezhou)" },
      COUNTY_SEAT,
    ),
    polygon({ id: "yezhou", name: "中心城区（业州镇）", nameEn: "Central urban area (Yezhou)" }, ring),
  ];
}
