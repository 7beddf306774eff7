/**
 * The committed synthetic sample data (geodata/): valid GeoJSON, parcels that do not overlap and
 * lie inside their zone, unique ids, plausible counts and sizes, a connected road network, and
 * byte-for-byte reproducible from its seed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Feature, FeatureCollection, LineString, Polygon } from "geojson";
import { valid } from "geojson-validation";
import { describe, expect, it } from "vitest";
import { generateSample, SAMPLE_FILES } from "../../../src/cli/sample/generate";
import type { ParcelInput } from "../../../src/domain/types";
import { M2_PER_MU } from "../../../src/domain/units";
import { area, bbox, clipConvex, crosses, gk, inside, isConvexCcw, type Pt, project } from "./helpers";

const ROOT = resolve(__dirname, "../../..");
const GEODATA = join(ROOT, "geodata");
const read = (name: string) => readFileSync(join(GEODATA, name), "utf8");
const load = <T = FeatureCollection>(name: string) => JSON.parse(read(name)) as T;

const parcels = load<FeatureCollection<Polygon, ParcelInput>>("parcels.geojson");
const zones = load<FeatureCollection<Polygon>>("zones.geojson");
const roads = load<FeatureCollection<LineString>>("roads.geojson");
const facilities = load("facilities.geojson");
const urban = load("central-urban-area.geojson");
const ORIGIN = gk([109.72, 30.6]);
const props = parcels.features.map((f) => f.properties);
const ring = (f: Feature<Polygon>): Pt[] => project(f.geometry.coordinates[0] ?? [], ORIGIN);

describe("sample data files", () => {
  it("regenerating from the seed reproduces the committed files byte for byte", () => {
    const { files } = generateSample();
    for (const name of SAMPLE_FILES) expect(files[name], name).toBe(read(name));
  });

  it("the generate:sample command writes the same files into another directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "jiyue-sample-"));
    try {
      execFileSync(join(ROOT, "node_modules/.bin/tsx"), ["src/cli/generate-sample.ts", "--out", dir], {
        cwd: ROOT,
        stdio: "pipe",
      });
      for (const name of SAMPLE_FILES) expect(readFileSync(join(dir, name), "utf8"), name).toBe(read(name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([1, 42])(
    "another seed (%i) also gives 150–300 valid parcels of 5–150 亩 with unique ids",
    (seed) => {
      const { files } = generateSample(seed);
      expect(files["parcels.geojson"]).not.toBe(read("parcels.geojson"));
      const fc = JSON.parse(files["parcels.geojson"]) as FeatureCollection<Polygon, ParcelInput>;
      expect(valid(fc, true)).toEqual([]);
      expect(fc.features.length).toBeGreaterThanOrEqual(150);
      expect(fc.features.length).toBeLessThanOrEqual(300);
      expect(new Set(fc.features.map((f) => f.properties.id)).size).toBe(fc.features.length);
      for (const f of fc.features) {
        const mu = area(ring(f)) / M2_PER_MU;
        expect(mu, f.properties.id).toBeGreaterThanOrEqual(5);
        expect(mu, f.properties.id).toBeLessThanOrEqual(150);
      }
    },
  );

  it("every GeoJSON file is valid GeoJSON and says it is synthetic", () => {
    for (const [name, fc] of Object.entries({ parcels, zones, roads, facilities, urban })) {
      expect(valid(fc, true), name).toEqual([]);
      expect((fc as unknown as { synthetic: unknown }).synthetic, name).toBe(true);
    }
    expect((parcels as unknown as Record<string, unknown>).name).toBe("建始县工业园区地块（合成示例数据）");
    expect((parcels as unknown as Record<string, unknown>).surveyDate).toBe("2026-06-30");
  });

  it("coordinates are lon/lat near Jianshi, rounded to 1e-7°, rings closed and counter-clockwise", () => {
    for (const f of parcels.features) {
      const r = f.geometry.coordinates[0] ?? [];
      expect(r[0]).toEqual(r.at(-1));
      for (const [lon, lat] of r as [number, number][]) {
        expect(lon).toBeGreaterThan(109.6);
        expect(lon).toBeLessThan(109.85);
        expect(lat).toBeGreaterThan(30.5);
        expect(lat).toBeLessThan(30.7);
        expect(Math.round(lon * 1e7) / 1e7).toBe(lon);
        expect(Math.round(lat * 1e7) / 1e7).toBe(lat);
      }
      expect(area(ring(f)), f.properties.id).toBeGreaterThan(0);
    }
  });
});

describe("sample parcels", () => {
  it("has 150–300 parcels with unique ids in both zones", () => {
    expect(props.length).toBeGreaterThanOrEqual(150);
    expect(props.length).toBeLessThanOrEqual(300);
    expect(new Set(props.map((p) => p.id)).size).toBe(props.length);
    for (const p of props) expect(p.id).toMatch(p.zone === "huangtukan" ? /^HTK-\d{3}$/ : /^DYB-\d{3}$/);
  });

  it("every parcel is 5–150 亩 (planar area in EPSG:4546)", () => {
    for (const f of parcels.features) {
      const mu = area(ring(f)) / M2_PER_MU;
      expect(mu, f.properties.id).toBeGreaterThanOrEqual(5);
      expect(mu, f.properties.id).toBeLessThanOrEqual(150);
    }
  });

  it("the overlap check finds a real overlap (guards against a check that passes everything)", () => {
    const a = ring(parcels.features[0]!);
    const shifted = a.map(([x, y]) => [x + 10, y + 10] as Pt);
    expect(Math.abs(area(clipConvex(a, shifted)))).toBeGreaterThan(100);
  });

  it("no two parcels overlap (pairwise intersection area < 0.01 m²)", () => {
    const rings = parcels.features.map(ring);
    for (const [i, r] of rings.entries()) expect(isConvexCcw(r), props[i]!.id).toBe(true);
    const boxes = rings.map(bbox);
    let worst = 0;
    let pairs = 0;
    for (let i = 0; i < rings.length; i++)
      for (let j = i + 1; j < rings.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]) continue;
        pairs++;
        const overlap = Math.abs(area(clipConvex(rings[i]!, rings[j]!)));
        if (overlap > worst) worst = overlap;
        expect(overlap, `${props[i]!.id} × ${props[j]!.id}`).toBeLessThan(0.01);
      }
    expect(pairs).toBeGreaterThan(100); // neighbours were actually compared
  });

  it("every parcel lies inside its zone", () => {
    const zoneRings = new Map(zones.features.map((z) => [String(z.properties?.id), ring(z)]));
    for (const f of parcels.features) {
      const z = zoneRings.get(String(f.properties.zone));
      expect(z, f.properties.id).toBeDefined();
      const r = ring(f);
      for (const p of r) expect(inside(p, z!), f.properties.id).toBe(true);
      for (let i = 0; i < r.length; i++)
        for (let j = 0; j < z!.length; j++)
          expect(
            crosses(r[i]!, r[(i + 1) % r.length]!, z![j]!, z![(j + 1) % z!.length]!),
            f.properties.id,
          ).toBe(false);
    }
  });

  it("the legal area is within ±0.5 % of the drawn area, except a few off by more than 1 %", () => {
    const diffs = parcels.features
      .filter((f) => f.properties.landAreaM2 !== undefined)
      .map((f) => (f.properties.landAreaM2! - area(ring(f))) / area(ring(f)));
    const off = diffs.filter((d) => Math.abs(d) > 0.01).length;
    const close = diffs.filter((d) => Math.abs(d) <= 0.005).length;
    expect(off).toBeGreaterThanOrEqual(2);
    expect(off).toBeLessThanOrEqual(5);
    expect(close + off).toBe(diffs.length);
  });

  it("has the land uses and land statuses the plan describes", () => {
    const uses = new Set(props.map((p) => p.landUse));
    for (const u of ["100101", "100102", "1101", "0701", "0702", "0806", "1401", "1402"])
      expect(uses).toContain(u);
    const industrial = props.filter((p) => p.landUse?.startsWith("1001")).length;
    expect(industrial).toBeGreaterThan(props.length / 2);
    const statuses = new Set(props.map((p) => `${p.zone}:${p.landStatus}`));
    for (const s of ["supplied", "unsupplied", "reserved"]) expect(statuses).toContain(`huangtukan:${s}`);
    expect(statuses).toContain("dayangbang:acquiring");
    expect(statuses).not.toContain("huangtukan:acquiring");
    const housing = props.filter((p) => p.landUse === "0701");
    expect(housing.length).toBeGreaterThanOrEqual(2);
    for (const h of housing) {
      expect(h.zone).toBe("huangtukan");
      expect(h.residents).toBeGreaterThan(0);
    }
  });

  it("has 34–40 enterprises, 8–10 above designated size, with the zones' industries", () => {
    const names = new Set(props.map((p) => p.enterprise).filter(Boolean));
    expect(names.size).toBeGreaterThanOrEqual(34);
    expect(names.size).toBeLessThanOrEqual(40);
    const above = new Set(props.filter((p) => p.aboveScale).map((p) => p.enterprise));
    expect(above.size).toBeGreaterThanOrEqual(8);
    expect(above.size).toBeLessThanOrEqual(10);
    const clusters = (zone: string) =>
      new Set(props.filter((p) => p.zone === zone).map((p) => p.industryCluster));
    for (const c of [
      "selenium-food-pharma",
      "building-materials",
      "machinery-electronics",
      "resource-recycling",
      "garments",
    ])
      expect(clusters("huangtukan")).toContain(c);
    for (const c of ["selenium-food-pharma", "building-materials", "photovoltaic", "electronic-components"])
      expect(clusters("dayangbang")).toContain(c);
    // Above designated size ⇔ revenue ≥ 2000 万元 (per enterprise, over its parcels).
    const revenue = new Map<string, number>();
    for (const p of props)
      if (p.enterprise && p.revenue !== undefined && p.landUse?.startsWith("1001"))
        revenue.set(p.enterprise, (revenue.get(p.enterprise) ?? 0) + p.revenue);
    for (const [name, r] of revenue) expect(r >= 2000, name).toBe(above.has(name));
  });

  it("at least 20 industrial parcels are in production (for the A–D classes)", () => {
    const n = props.filter(
      (p) => p.landUse?.startsWith("1001") && p.constructionStatus === "in-production",
    ).length;
    expect(n).toBeGreaterThanOrEqual(20);
  });
});

describe("sample roads, facilities and central urban area", () => {
  it("roads are main, branch and access lines forming one connected network reaching the county seat", () => {
    const classes = new Set(roads.features.map((r) => r.properties?.class));
    expect([...classes].sort()).toEqual(["access", "branch", "main"]);
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      const p = parent.get(k) ?? k;
      if (p === k) return k;
      const root = find(p);
      parent.set(k, root);
      return root;
    };
    const key = (c: number[]) => `${c[0]},${c[1]}`;
    for (const r of roads.features) {
      const cs = r.geometry.coordinates;
      for (let i = 1; i < cs.length; i++) parent.set(find(key(cs[i - 1]!)), find(key(cs[i]!)));
    }
    const roots = new Set(roads.features.map((r) => find(key(r.geometry.coordinates[0]!))));
    expect(roots.size).toBe(1);
    const seatPoint = urban.features.find((f) => f.geometry.type === "Point")?.geometry;
    expect(seatPoint?.type).toBe("Point");
    const seat = seatPoint?.type === "Point" ? seatPoint.coordinates : [];
    expect(roads.features.some((r) => r.geometry.coordinates.some((c) => key(c) === key(seat)))).toBe(true);
  });

  it("no road crosses a parcel (roads run in the gaps between blocks and out of the zones)", () => {
    const rings = parcels.features.map(ring);
    const boxes = rings.map(bbox);
    for (const r of roads.features) {
      const line = project(r.geometry.coordinates, ORIGIN);
      for (let k = 1; k < line.length; k++) {
        const a = line[k - 1]!;
        const b = line[k]!;
        rings.forEach((pr, i) => {
          const [x0, y0, x1, y1] = boxes[i]!;
          if (
            Math.max(a[0], b[0]) < x0 ||
            Math.min(a[0], b[0]) > x1 ||
            Math.max(a[1], b[1]) < y0 ||
            Math.min(a[1], b[1]) > y1
          )
            return;
          for (const p of [a, b])
            expect(inside(p, pr), `${r.properties?.id} vertex in ${props[i]!.id}`).toBe(false);
          for (let j = 0; j < pr.length; j++)
            expect(
              crosses(a, b, pr[j]!, pr[(j + 1) % pr.length]!),
              `${r.properties?.id} × ${props[i]!.id}`,
            ).toBe(false);
        });
      }
    }
  });

  it("only a few of the six ones exist", () => {
    const six = ["kindergarten", "school", "clinic", "leisure", "green", "bus-stop"];
    const existing = new Set(
      facilities.features.filter((f) => f.properties?.status === "existing").map((f) => f.properties?.kind),
    );
    const missing = six.filter((k) => !existing.has(k));
    expect(missing.length).toBeGreaterThanOrEqual(3);
    for (const f of facilities.features) {
      expect(["existing", "planned", "proposed"]).toContain(f.properties?.status);
      expect(typeof f.properties?.name).toBe("string");
    }
  });

  it("the central urban area is a point and a polygon, and the zones are a few km away and apart", () => {
    expect(urban.features.map((f) => f.geometry.type).sort()).toEqual(["Point", "Polygon"]);
    const areas = Object.fromEntries(zones.features.map((z) => [z.properties?.id, area(ring(z)) / 1e6]));
    expect(areas.huangtukan).toBeGreaterThan(2.5);
    expect(areas.huangtukan).toBeLessThan(4);
    expect(areas.dayangbang).toBeGreaterThan(1.5);
    expect(areas.dayangbang).toBeLessThan(2.5);
    const [h, d] = zones.features.map(ring);
    for (const p of h!) expect(inside(p, d!)).toBe(false);
    for (const p of d!) expect(inside(p, h!)).toBe(false);
    for (const z of zones.features) expect(z.properties?.legalAreaM2).toBeLessThanOrEqual(area(ring(z)));
  });
});
