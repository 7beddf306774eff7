/**
 * The split of the GeoJSON reader: the container reader (`readers/geojson.ts`) gives raw
 * features, the shared preparer (`prepare.ts`) turns them into parcels, and the old entry point
 * `readParcelsGeoJson` is the two in a row.
 */
import { describe, expect, it } from "vitest";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { applyMapping } from "../../../src/io/mapping";
import { prepareParcels } from "../../../src/io/prepare";
import { readGeoJsonRaw } from "../../../src/io/readers/geojson";
import type { RawFeatureSet } from "../../../src/io/readers/types";

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
// a 100 m × 100 m square in EPSG:4546 (1 ha)
const square = (x = 500000, y = 3350000, s = 100) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];
const opts = { analysisCrs: "EPSG:4546" };

describe("readGeoJsonRaw", () => {
  it("reads a bare Polygon as one parcel without properties", () => {
    const raw = readGeoJsonRaw(
      { name: "g.geojson", bytes: enc({ type: "Polygon", coordinates: square() }) },
      {},
    );
    expect(raw.features).toHaveLength(1);
    const r = prepareParcels(raw, opts);
    expect(r.ok).toBe(true);
    expect(r.parcels).toHaveLength(1);
    expect(r.parcels[0]?.areaM2).toBeCloseTo(10000, 6);
    expect(r.parcels[0]?.input.id).toBe("F0001");
    expect(r.problems.map((p) => p.code)).toContain("missing-id");
  });

  it("reads a bare MultiPolygon as one parcel", () => {
    const g = { type: "MultiPolygon", coordinates: [square(), square(501000)] };
    const r = readParcelsGeoJson(JSON.stringify(g), opts);
    expect(r.parcels).toHaveLength(1);
    expect(r.parcels[0]?.areaM2).toBeCloseTo(20000, 6);
  });

  it("still refuses a bare Point, naming its type", () => {
    const r = readParcelsGeoJson(JSON.stringify({ type: "Point", coordinates: [1, 2] }), opts);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: "not-geojson", fatal: true, params: { type: "Point" } });
  });

  it("keeps each feature's position when an entry that is not a Feature is left out", () => {
    const f = (id: string, x: number) => ({
      type: "Feature",
      properties: { id },
      geometry: { type: "Polygon", coordinates: square(x) },
    });
    const fc = { type: "FeatureCollection", features: [f("A", 500000), { type: "Foo" }, f("C", 502000)] };
    const raw = readGeoJsonRaw({ name: "fc.geojson", bytes: enc(fc) }, {});
    expect(raw.features.map((x) => x.index)).toEqual([0, 2]);
    expect(raw.featureCount).toBe(3);
    expect(raw.fields).toEqual(["id"]);
    const r = prepareParcels(raw, opts);
    expect(r.featureCount).toBe(3);
    expect(r.problems.filter((p) => p.code === "not-a-feature").map((p) => p.featureIndex)).toEqual([1]);
    expect(r.parcels.map((p) => p.input.id)).toEqual(["A", "C"]);
  });
});

describe("prepareParcels", () => {
  const raw = (): RawFeatureSet => ({
    file: "t.shp",
    format: "shapefile",
    fields: ["PARCEL_NO", "JUNK", "用地性质"],
    features: [
      {
        geometry: { type: "Polygon", coordinates: square() },
        properties: { PARCEL_NO: "Z-1", JUNK: 7, 用地性质: "M1" },
      },
    ],
    crs: { spec: "EPSG:4546", how: "prj" },
    problems: [],
  });

  it("applies the field mapping first: a mapped field renamed, an ignored one dropped", () => {
    const mapping = {
      version: 1 as const,
      fields: { PARCEL_NO: { property: "id" }, JUNK: { property: null } },
    };
    const r = prepareParcels(raw(), { ...opts, mapping });
    expect(r.parcels[0]?.input.id).toBe("Z-1");
    expect(r.parcels[0]?.extra).not.toHaveProperty("JUNK");
    expect(r.parcels[0]?.extra).not.toHaveProperty("PARCEL_NO");
    // without the mapping PARCEL_NO is kept as an extra property and the id is positional
    const plain = prepareParcels(raw(), opts);
    expect(plain.parcels[0]?.extra).toMatchObject({ PARCEL_NO: "Z-1", JUNK: 7 });
  });

  it("uses the CRS the file declares (a .prj) and says how", () => {
    const r = prepareParcels(raw(), opts);
    expect(r.crs).toEqual({ crs: "EPSG:4546", how: "prj", swappedAxes: false });
  });

  it("a fatal reader problem gives no parcels and the reader's problems only", () => {
    const bad: RawFeatureSet = {
      ...raw(),
      features: [],
      problems: [{ severity: "error", code: "not-a-zip", fatal: true, file: "t.zip" }],
    };
    const r = prepareParcels(bad, opts);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(bad.problems);
  });

  it("an empty set is named", () => {
    const r = prepareParcels({ ...raw(), features: [] }, opts);
    expect(r.problems.map((p) => p.code)).toEqual(["no-features"]);
  });
});

describe("applyMapping (rename/drop)", () => {
  it("passes properties through without a mapping, and keeps unmapped fields", () => {
    const p = { a: 1 };
    expect(applyMapping(p, undefined)).toBe(p);
    expect(applyMapping({ a: 1, b: 2 }, { version: 1, fields: { a: { property: "investment" } } })).toEqual({
      investment: 1,
      b: 2,
    });
  });
});
