/**
 * Numbers in the GeoJSON export at the precision of their unit, by the CSV's rule (issue 13):
 * expectations computed by hand from the inputs below (A = landAreaM2 = 1000 m² = 1.5 亩).
 */
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { COMPUTED_FIELDS, exportDecimals, fieldInfo, INPUT_FIELDS } from "../../../src/domain/fields";
import type { AnalysisResult, PreparedParcel } from "../../../src/domain/types";
import { csvHeader, exportNumber, writeCsv } from "../../../src/io/csv-write";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { writeGeoJson } from "../../../src/io/geojson-write";
import { splitCsvLine } from "../../csv";

const square = (lon: number, lat: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.001, lat],
      [lon + 0.001, lat + 0.001],
      [lon, lat + 0.001],
      [lon, lat],
    ],
  ],
});

const parcels: PreparedParcel[] = [
  {
    input: {
      id: "P1",
      landUse: "100101",
      constructionStatus: "in-production",
      landAreaM2: 1000,
      fixedInvestment: 1000,
      contractInvestment: 100.125, // exactly …,125 in binary: x.5 at the cent → up
      floorAreaM2: 1237.5,
      footprintAreaM2: 123.456,
      valueAdded: -2.125, // negative x.5 at the cent: Math.round's half up → -2.12 (as the CSV)
      taxRevenue: 0,
      outputValue: 1e20, // very large: no decimals to round
      employees: 7,
      agreedFar: 1.005, // the double is 1.00499999…: 1 (the CSV writes 1 too)
    },
    geometry: square(109.123456789, 30.6),
    areaM2: 1234.5678,
    extra: { 备注: 1.23456789 },
    areaBasis: "EPSG:4546 planar",
  },
  {
    input: { id: "P2", landUse: "100101" },
    geometry: square(109.2, 30.6),
    areaM2: 666.6666666,
    extra: {},
    areaBasis: "EPSG:4546 planar",
  },
];

const result: AnalysisResult = analyzeParcels(parcels, { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" });
const fc = JSON.parse(writeGeoJson(result));
const p1 = fc.features[0].properties;
const p2 = fc.features[1].properties;

describe("GeoJSON property numbers at unit precision", () => {
  it("rounds inputs by their unit: m² and 万元 to 0.01, persons to 1", () => {
    expect(p1.landAreaM2).toBe(1000);
    expect(p1.fixedInvestment).toBe(1000);
    expect(p1.contractInvestment).toBe(100.13);
    expect(p1.floorAreaM2).toBe(1237.5);
    expect(p1.footprintAreaM2).toBe(123.46);
    expect(p1.valueAdded).toBe(-2.12);
    expect(p1.taxRevenue).toBe(0);
    expect(p1.outputValue).toBe(1e20);
    expect(p1.employees).toBe(7);
    expect(p1.agreedFar).toBe(1);
  });

  it("rounds computed values: 亩 to 0.0001, per-mu to 0.01, ratios as fractions to 0.0001", () => {
    expect(p1.areaM2).toBe(1234.57); // 1234.5678
    expect(p1.areaMu).toBe(1.5); // 1000 m² / (2000/3)
    expect(p1.investmentPerMu).toBe(666.67); // 1000 / 1.5
    expect(p1.far).toBe(1.24); // 1237.5 / 1000 = 1.2375
    expect(p1.buildingCoverage).toBe(0.1235); // 123.456 / 1000 = 12.3456 %
    expect(p1.valueAddedPerMu).toBe(-1.42); // -2.125 / 1.5 = -1.41666…
    expect(p1.taxPerMu).toBe(0);
    expect(p1.areaDiscrepancy).toBe(-0.19); // (1000 − 1234.5678) / 1234.5678 = −18.99999 %
    // 1e20 / 1.5 ≈ 6.67e19: an integer already, kept to the last digit of the double
    expect(Math.abs(p1.outputPerMu / (1e20 / 1.5) - 1)).toBeLessThan(1e-15);
    expect(p2.areaM2).toBe(666.67);
    expect(p2.areaMu).toBe(1); // 666.6666666 m² = 0.99999999… 亩
  });

  it("keeps null as null, and NaN is written as null", () => {
    expect(p2.investmentPerMu).toBeNull();
    expect(p2.fixedInvestment).toBeUndefined();
    const far = fieldInfo("far")!;
    expect(exportNumber(far, Number.NaN)).toBeNaN();
    const copy: AnalysisResult = {
      ...result,
      parcels: [{ ...result.parcels[0]!, computed: { ...result.parcels[0]!.computed, far: Number.NaN } }],
    };
    expect(JSON.parse(writeGeoJson(copy)).features[0].properties.far).toBeNull();
  });

  it("writes properties outside the schema as read, and coordinates to 8 decimals as before", () => {
    expect(p1.备注).toBe(1.23456789);
    expect(fc.features[0].geometry.coordinates[0][0]).toEqual([109.12345679, 30.6]);
  });

  it("leaves the analysis result itself unrounded", () => {
    expect(result.parcels[0]!.computed.areaM2).toBe(1234.5678);
    expect(result.parcels[0]!.input.footprintAreaM2).toBe(123.456);
  });

  it("never writes -0, and a value too large to scale stays as it is", () => {
    const va = fieldInfo("valueAdded")!;
    expect(Object.is(exportNumber(va, -0.001), 0)).toBe(true);
    expect(exportNumber(va, 1.5e308)).toBe(1.5e308);
    expect(exportNumber(fieldInfo("buildingCoverage")!, 0)).toBe(0);
  });

  it("a ratio is the CSV's percent text moved two places, for any value (the arithmetic shortcut)", () => {
    // the rule as written in text: round the percent, then shift its decimal text
    const byText = (v: number, d: number) => {
      const m = 10 ** d;
      const r = Math.round(v * 100 * m) / m;
      const percent = !Number.isFinite(r) ? v * 100 : r === 0 ? 0 : r;
      const back = Number(`${percent}e-2`);
      return Number.isFinite(back) ? back : percent / 100;
    };
    const bc = fieldInfo("buildingCoverage")!;
    const d = exportDecimals(bc);
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 200_000; i++) {
      const v = (random() - 0.3) * 10 ** Math.floor(random() * 30 - 12);
      expect(Object.is(exportNumber(bc, v), byText(v, d))).toBe(true);
    }
    for (const v of [0.12345, 0.00005, -0.00004999, 0.125, 1e13, 1e12 + 0.00005, 1.5e308, -1e-300])
      expect(Object.is(exportNumber(bc, v), byText(v, d))).toBe(true);
  });

  it("agrees with the CSV cell of every numeric schema field (ratios: the CSV's percent)", () => {
    const lines = writeCsv(result, { lang: "en" })
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    const header = splitCsvLine(lines[0]!);
    let compared = 0;
    for (const [i, props] of [p1, p2].entries()) {
      const cells = splitCsvLine(lines[i + 1]!);
      for (const f of [...INPUT_FIELDS, ...COMPUTED_FIELDS]) {
        if (f.kind !== "number" && f.kind !== "integer") continue;
        const h = csvHeader(f, "en");
        // the score's header also names its scale: "Efficiency score (100 = …)"
        const col = header.findIndex((x) => x === h || x.startsWith(`${h} (`));
        expect(col).toBeGreaterThanOrEqual(0);
        const cell = cells[col];
        const v = props[f.key];
        if (v === null || v === undefined) {
          expect(cell).toBe("");
          continue;
        }
        expect(cell).toBe(f.unit === "ratio" ? String(Number(`${v}e2`)) : String(v));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
