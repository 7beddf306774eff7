/** Reader behaviour for hostile or unusual geometry and bytes (issue 12, robustness). */
import { describe, expect, it } from "vitest";
import { makeTransform, resolveCrs } from "../../../src/domain/crs";
import { formatProblem } from "../../../src/i18n/problems";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { encodeGbk } from "./gbk-encode";

const square = (x = 109.7, y = 30.6, d = 0.001) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

const fc = (...geometries: unknown[]) =>
  JSON.stringify({
    type: "FeatureCollection",
    features: geometries.map((geometry, i) => ({
      type: "Feature",
      properties: { id: `P${i + 1}` },
      geometry,
    })),
  });
const read = (text: string | Uint8Array, crs?: string) =>
  readParcelsGeoJson(text, { fileName: "t.geojson", analysisCrs: "EPSG:4546", ...(crs ? { crs } : {}) });

describe("self-intersection in the reader", () => {
  it("a hole touching its shell at one vertex is a valid parcel (with the hole's area taken off)", () => {
    const shell = [
      [109.7, 30.6],
      [109.702, 30.6],
      [109.702, 30.602],
      [109.7, 30.602],
      [109.7, 30.6],
    ];
    const hole = [
      [109.7, 30.601],
      [109.7008, 30.6005],
      [109.7008, 30.6015],
      [109.7, 30.601],
    ];
    const r = read(
      fc({ type: "Polygon", coordinates: [shell, hole] }, { type: "Polygon", coordinates: [shell] }),
    );
    expect(r.problems.filter((p) => p.code === "self-intersection")).toEqual([]);
    expect(r.parcels).toHaveLength(2);
    const [withHole, full] = r.parcels.map((p) => p.areaM2) as [number, number];
    expect(withHole).toBeLessThan(full);
    expect(withHole / full).toBeCloseTo(1 - (0.0008 * 0.001) / 2 / (0.002 * 0.002), 2);
  });

  it("a bow-tie is still skipped as self-intersecting", () => {
    const bowtie = [
      [109.754, 30.6],
      [109.755, 30.601],
      [109.755, 30.6],
      [109.754, 30.601],
      [109.754, 30.6],
    ];
    const r = read(fc({ type: "Polygon", coordinates: [bowtie] }));
    expect(r.problems.map((p) => p.code)).toContain("self-intersection");
  });
});

describe("zero-width slivers", () => {
  it("three lon/lat points on one parallel are degenerate, not 40 m² of land", () => {
    const sliver = [
      [109.7, 30.6],
      [109.71, 30.6],
      [109.72, 30.6],
      [109.7, 30.6],
    ];
    const r = read(
      fc({ type: "Polygon", coordinates: [sliver] }, { type: "Polygon", coordinates: [square()] }),
    );
    expect(r.parcels.map((p) => p.input.id)).toEqual(["P2"]);
    expect(r.problems.find((p) => p.featureId === "P1")).toMatchObject({
      severity: "error",
      code: "degenerate-geometry",
      featureIndex: 0,
    });
  });

  it("a thin but real strip (0.5 m × 100 m) is kept", () => {
    const strip = [
      [400000, 3380000],
      [400100, 3380000],
      [400100, 3380000.5],
      [400000, 3380000.5],
      [400000, 3380000],
    ];
    const r = read(fc({ type: "Polygon", coordinates: [strip] }), "EPSG:4546");
    expect(r.parcels).toHaveLength(1);
    expect(r.parcels[0]?.areaM2).toBeCloseTo(50, 6);
  });
});

describe("Web Mercator input (--crs EPSG:3857)", () => {
  it("is read, and its areas are those of the same parcels in lon/lat (not Mercator-stretched)", () => {
    const toMerc = makeTransform("EPSG:4326", "EPSG:3857");
    const lonlat = fc({ type: "Polygon", coordinates: [square(109.7, 30.6, 0.002)] });
    const merc = fc({
      type: "Polygon",
      coordinates: [square(109.7, 30.6, 0.002).map((p) => toMerc(p as [number, number]))],
    });
    const a = read(lonlat);
    const b = read(merc, "EPSG:3857");
    expect(b.ok).toBe(true);
    expect(b.crs?.crs).toBe("EPSG:3857");
    const areaLonLat = a.parcels[0]?.areaM2 ?? 0;
    expect(areaLonLat).toBeGreaterThan(30_000);
    expect(b.parcels[0]?.areaM2).toBeCloseTo(areaLonLat, 3);
    const g = b.parcels[0]?.geometry as { coordinates: number[][][] };
    expect(g.coordinates[0]?.[0]?.[0]).toBeCloseTo(109.7, 9);
  });

  it("old names of Web Mercator resolve to it; it is refused as the analysis CRS (its areas are stretched)", () => {
    expect(resolveCrs("EPSG:900913")).toMatchObject({ ok: true, code: "EPSG:3857" });
    const r = read(fc({ type: "Polygon", coordinates: [square()] }));
    expect(r.ok).toBe(true);
    const bad = readParcelsGeoJson(fc({ type: "Polygon", coordinates: [square()] }), {
      analysisCrs: "EPSG:3857",
    });
    expect(bad.ok).toBe(false);
  });
});

describe("one invalid byte in a UTF-8 file", () => {
  it("is a warning at its byte offset and line; the rest reads as UTF-8, not as GBK or 'not text'", () => {
    const text = fc(
      { type: "Polygon", coordinates: [square()] },
      { type: "Polygon", coordinates: [square(109.71)] },
    )
      .replace('"id":"P1"', '"id":"P1","地块名称":"黄土坎一号"')
      .replace(/\{"type":"Feature"/g, '\n{"type":"Feature"');
    const bytes = new TextEncoder().encode(text);
    const at = Buffer.from(bytes).indexOf(Buffer.from("坎")); // a 3-byte character's lead byte
    const broken = new Uint8Array(bytes);
    broken[at] = 0xff;
    const r = read(broken);
    expect(r.ok).toBe(true);
    expect(r.parcels).toHaveLength(2);
    const p = r.problems.find((x) => x.code === "invalid-utf8");
    expect(p).toMatchObject({
      severity: "warning",
      file: "t.geojson",
      params: { offset: at, line: 2, count: 1 },
    });
    expect(formatProblem(p as NonNullable<typeof p>, "en")).toBe(
      `t.geojson: invalid UTF-8 byte at line 2 (byte offset ${at}; 1 in the file), replaced with �; check the value there`,
    );
    expect(r.problems.map((x) => x.code)).not.toContain("decoded-gbk");
    expect(r.parcels[0]?.input.name).toBe("黄土\ufffd\ufffd\ufffd一号");
  });

  it("a GBK file is still read as GBK", () => {
    const gbk = encodeGbk(
      fc({ type: "Polygon", coordinates: [square()] }).replace(
        '"id":"P1"',
        '"id":"P1","地块名称":"黄土坎一号地块"',
      ),
    );
    const r = read(gbk);
    expect(r.problems.map((x) => x.code)).toContain("decoded-gbk");
    expect(r.parcels[0]?.input.name).toBe("黄土坎一号地块");
  });
});
