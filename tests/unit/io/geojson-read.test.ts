import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyPosition } from "../../../src/io/crs-detect";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";

const ROOT = join(__dirname, "../../fixtures/io/read");
const read = (name: string, crs?: string) => {
  const text = readFileSync(join(ROOT, name, "in.geojson"), "utf8");
  const given = crs ?? (JSON.parse(text) as { fixtureOptions?: { crs?: string } }).fixtureOptions?.crs;
  return readParcelsGeoJson(text, {
    fileName: `${name}.geojson`,
    analysisCrs: "EPSG:4546",
    ...(given ? { crs: given } : {}),
  });
};

describe("the same parcels in every CRS give the same areas and lon/lat", () => {
  const ref = read("crs-lonlat");
  const cases = [
    "crs-lonlat-swapped",
    "crs-4546-unprefixed",
    "crs-4546-option",
    "crs-4546-proj4-option",
    "crs-4525-prefixed",
    "crs-4525-swapped",
    "crs-4546-swapped",
    "crs-legacy-member",
    "crs-legacy-member-short",
    "crs-option-overrides-member",
  ];
  it.each(cases)("%s", (name) => {
    const r = read(name);
    expect(r.ok).toBe(true);
    expect(r.parcels.map((p) => p.input.id)).toEqual(["A", "B"]);
    for (let i = 0; i < 2; i++) {
      const a = r.parcels[i]!;
      const b = ref.parcels[i]!;
      // planar area in EPSG:4546 (or its prefixed twin) to 1e-6 m²
      expect(Math.abs(a.areaM2 - b.areaM2)).toBeLessThan(1e-6);
      const pa = a.geometry.coordinates.flat(3) as number[];
      const pb = b.geometry.coordinates.flat(3) as number[];
      expect(pa.length).toBe(pb.length);
      const maxDiff = Math.max(...pa.map((v, k) => Math.abs(v - (pb[k] as number))));
      expect(maxDiff).toBeLessThan(1e-9);
    }
  });

  it("computes the hole and the MultiPolygon parts", () => {
    // 0.002° square minus a 0.0005° hole; two parts of 0.001° and 0.0008°
    expect(ref.parcels[0]!.areaM2).toBeCloseTo(39882.91, 1);
    expect(ref.parcels[1]!.areaM2).toBeCloseTo(17440.36, 1);
  });

  it("reads a legal area given in 亩", () => {
    expect(ref.parcels[0]!.input.landAreaM2).toBeCloseTo(4000, 9);
  });
});

describe("CRS detection", () => {
  it("classifies positions", () => {
    expect(classifyPosition(109.7, 30.6)).toEqual({ kind: "lonlat", swapped: false });
    expect(classifyPosition(30.6, 109.7)).toEqual({ kind: "lonlat", swapped: true });
    expect(classifyPosition(37412345.6, 3390000)).toEqual({ kind: "prefixed", zone: 37, swapped: false });
    expect(classifyPosition(3390000, 37412345.6)).toEqual({ kind: "prefixed", zone: 37, swapped: true });
    expect(classifyPosition(412345.6, 3390000)).toEqual({ kind: "projected", swapped: false });
    expect(classifyPosition(3390000, 412345.6)).toEqual({ kind: "projected", swapped: true });
    expect(classifyPosition(1e9, 5)).toBeNull();
    expect(classifyPosition(12345678, 3390000)).toBeNull(); // 8 digits but zone 12 is not a 3° CGCS2000 zone
  });

  it("says when it assumed the analysis CRS, and not when --crs was given", () => {
    expect(read("crs-4546-unprefixed").problems.map((p) => p.code)).toEqual(["crs-assumed", "area-basis"]);
    expect(read("crs-4546-unprefixed", "EPSG:4546").problems.map((p) => p.code)).toEqual(["area-basis"]);
  });

  it("fails with one fatal problem on nonsense coordinates", () => {
    const r = read("crs-nonsense");
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "unknown-crs", fatal: true, file: "crs-nonsense.geojson" }),
    ]);
  });

  it("a wrong --crs is a fatal mismatch, not garbage areas", () => {
    const r = read("crs-lonlat", "EPSG:4525");
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toBe("crs-mismatch");
  });
});

describe("problems name file, feature and field", () => {
  it("for a field set aside", () => {
    const r = read("fields");
    const p = r.problems.find((x) => x.code === "unparseable-number" && x.field === "fixedInvestment");
    expect(p).toEqual({
      severity: "warning",
      code: "unparseable-number",
      file: "fields.geojson",
      featureIndex: 1,
      featureId: "HTK-002",
      field: "fixedInvestment",
      params: { raw: "约100", key: "fixedInvestment" },
    });
  });

  it("keeps good features next to bad ones, and never invents zeros", () => {
    const r = read("fields");
    expect(r.parcels).toHaveLength(2);
    const p2 = r.parcels[1]!.input;
    expect(p2.fixedInvestment).toBeUndefined();
    expect(p2.taxRevenue).toBeUndefined();
    expect(r.parcels[0]!.input.valueAdded).toBe(-20);
  });

  it("drops computed properties of a re-imported export, keeps unknown ones", () => {
    const r = read("fields");
    expect(r.parcels[0]!.extra).toEqual({ 备注: '=HYPERLINK("x")' });
  });

  it("reads the survey date declared by the dataset", () => {
    expect(read("fields").surveyDate).toBe("2025-12-31");
  });
});

describe("never throws", () => {
  const inputs: [string, string | Uint8Array][] = [
    ["empty", ""],
    ["null", "null"],
    ["number", "42"],
    ["array", "[]"],
    ["features not array", '{"type":"FeatureCollection","features":{}}'],
    ["feature null", '{"type":"FeatureCollection","features":[null]}'],
    ["geometry string", '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":"x"}]}'],
    [
      "coords null",
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":null}}]}',
    ],
    [
      "ring of numbers",
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[1,2,3,4]]}}]}',
    ],
    ["binary", new Uint8Array([0, 1, 2, 3])],
  ];
  it.each(inputs)("%s", (_name, input) => {
    const r = readParcelsGeoJson(input, { analysisCrs: "EPSG:4546" });
    expect(r.ok).toBe(false);
    expect(r.parcels).toEqual([]);
    expect(r.problems.some((p) => p.fatal)).toBe(true);
  });
});

describe("a --crs that does not fit the coordinates is refused", () => {
  it.each([
    ["crs-4525-prefixed", "EPSG:4546"], // prefixed eastings, unprefixed CRS
    ["crs-4525-prefixed", "EPSG:4524"], // prefixed eastings of zone 37, CRS of zone 36
    ["crs-4546-unprefixed", "EPSG:4525"], // plain eastings, prefixed CRS
    ["crs-lonlat", "EPSG:4546"],
    ["crs-4546-unprefixed", "EPSG:4490"],
  ])("%s with %s", (name, crs) => {
    const r = read(name, crs);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(["crs-mismatch"]);
  });

  it("but a fitting one is used", () => {
    expect(read("crs-4525-prefixed", "EPSG:4525").ok).toBe(true);
    expect(read("crs-4546-unprefixed", "EPSG:4545").ok).toBe(true); // another zone: cannot be told apart
  });
});

describe("the analysis CRS", () => {
  it("must be projected (areas in metres)", () => {
    const text = readFileSync(join(ROOT, "crs-lonlat", "in.geojson"), "utf8");
    const r = readParcelsGeoJson(text, { analysisCrs: "EPSG:4326" });
    expect(r.ok).toBe(false);
    expect(r.problems.at(-1)).toMatchObject({
      code: "unknown-crs",
      fatal: true,
      params: { how: "analysis" },
    });
  });
});
