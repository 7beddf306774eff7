/** Reader behaviour for hostile or unusual geometry and bytes (issue 12, robustness). */
import { describe, expect, it } from "vitest";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";

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
