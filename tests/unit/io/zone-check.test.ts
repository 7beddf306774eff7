import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { centralMeridian, zoneMismatch } from "../../../src/io/zone-check";

/** A ~100 m square parcel at lon/lat, as a GeoJSON text. */
function fileAt(lon: number, lat = 30.6): string {
  const d = 0.001;
  const ring = [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
  return JSON.stringify({
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { id: "P1" }, geometry: { type: "Polygon", coordinates: [ring] } },
    ],
  });
}
const read = (lon: number, crs = "EPSG:4546") =>
  readParcelsGeoJson(fileAt(lon), { fileName: "p.geojson", analysisCrs: crs });

describe("centralMeridian", () => {
  it("reads lon_0 of Gauss–Krüger zones, prefixed or not, and refuses non-tmerc CRSs", () => {
    expect(centralMeridian("EPSG:4546")).toBe(111);
    expect(centralMeridian("EPSG:4525")).toBe(111);
    expect(centralMeridian("EPSG:4545")).toBe(108);
    expect(centralMeridian("EPSG:4326")).toBeNull();
  });
});

describe("parcels outside the analysis CRS's 3° zone are reported, once per file", () => {
  it("Jianshi (109.72°E) is inside zone 37 (CM 111°E): no warning", () => {
    const r = read(109.72);
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => p.code)).not.toContain("outside-analysis-zone");
  });
  it("on the zone boundary (109.5°E) is still inside", () => {
    expect(read(109.5).problems.map((p) => p.code)).not.toContain("outside-analysis-zone");
  });
  it("Chengdu (104.07°E) against EPSG:4546 names zone 35's EPSG:4544, and keeps the parcel", () => {
    const r = read(104.07);
    expect(r.parcels).toHaveLength(1);
    const p = r.problems.find((x) => x.code === "outside-analysis-zone");
    expect(p?.severity).toBe("warning");
    expect(p?.params).toMatchObject({ crs: "EPSG:4546", cm: 111, lon: 104.07, suggested: "EPSG:4544" });
    expect(formatProblem(p!, "zh")).toContain("EPSG:4544");
    expect(formatProblem(p!, "en")).toContain("outside the 3-degree zone");
  });
  it("the same parcels analysed in their own zone get no warning", () => {
    expect(read(104.07, "EPSG:4544").problems.map((p) => p.code)).not.toContain("outside-analysis-zone");
  });
  it("far outside China (1°E) says the areas cannot be trusted", () => {
    const r = read(1);
    expect(r.problems.map((p) => p.code)).toContain("outside-analysis-zone-no-cgcs");
  });
  it("zoneMismatch of an empty list is null", () => {
    expect(zoneMismatch([], "EPSG:4546")).toBeNull();
  });
});
