import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { AnalysisResult, AnalysisSummary } from "../../../src/domain/types";
import {
  exportCrsCode,
  exportFileName,
  exportParts,
  exportShapefile,
  exportText,
  scopedResult,
} from "../../../src/ui/export/exportFiles";
import { parcel } from "./table-fixtures";

const summary: AnalysisSummary = {
  parcels: 3,
  byIdleStatus: { none: 3, overdue: 0, "idle-1y": 0, "idle-2y": 0, "idle-halted": 0 },
  byEfficiencyClass: { A: 0, B: 0, C: 0, D: 0, none: 3 },
  belowStandard: 0,
  reallocationCandidates: 0,
  reallocationAreaM2: 0,
};
const parcels = [
  parcel({ id: "H1", zone: "huangtukan", name: "=HYPERLINK(1)" }, { taxPerMu: 12.3456789 }),
  parcel({ id: "H2", zone: "huangtukan", enterprise: "-1 公司" }),
  parcel({ id: "D1", zone: "dayangbang" }),
];
const result: AnalysisResult = {
  asOf: "2026-06-30",
  standardsName: "test",
  standardsEdition: "1",
  parcels,
  summary,
  summaryByZone: {},
};

describe("exportFileName", () => {
  it("names files after the park and the as-of date", () => {
    expect(exportFileName("csv", "zh", "2026-06-30")).toBe("建始工业园区地块_2026-06-30.csv");
    expect(exportFileName("geojson", "zh", "2026-06-30", "filter")).toBe(
      "建始工业园区地块_筛选_2026-06-30.geojson",
    );
    expect(exportFileName("csv", "en", "2026-06-30", "filter")).toBe(
      "Jianshi-industrial-park-parcels_filtered_2026-06-30.csv",
    );
    expect(exportFileName("png", "zh", "2026-06-30", "filter")).toBe("建始工业园区地图_2026-06-30.png");
  });
});

describe("scopedResult", () => {
  it("keeps the whole result for scope all", () => {
    expect(scopedResult(result, "all", [parcels[2] as never])).toBe(result);
  });
  it("keeps only the filtered rows, with the result's as-of date and standards", () => {
    const r = scopedResult(result, "filter", parcels.slice(0, 2));
    expect(r.parcels.map((p) => p.input.id)).toEqual(["H1", "H2"]);
    expect(r.asOf).toBe("2026-06-30");
    expect(result.parcels).toHaveLength(3);
  });
});

describe("exportText (the CLI's writers)", () => {
  it("CSV: byte-order mark, headers in the UI language, one row per parcel, formulas neutralised", () => {
    const csv = exportText(scopedResult(result, "filter", parcels.slice(0, 2)), "csv", "zh");
    expect(csv.startsWith("\uFEFF宗地编号,")).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(csv).toContain("'-1 公司");
    // Numbers rounded to their unit's precision (万元/亩 to 0.01), never written at float noise.
    expect(csv).toContain(",12.35,");
    expect(csv).not.toContain("12.3456789");
    expect(exportText(result, "csv", "en").startsWith("\uFEFFParcel ID,")).toBe(true);
  });
  it("GeoJSON: every parcel with its computed properties", () => {
    const fc = JSON.parse(exportText(result, "geojson", "zh"));
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(3);
    // Like the CSV: 万元/亩 at 0.01 (issue 13, numbers at the precision of their unit).
    expect(fc.features[0].properties.taxPerMu).toBe(12.35);
    expect(fc.features[0].properties).toHaveProperty("reallocationCandidate", false);
  });
});

describe("exports of a synthetic dataset", () => {
  it("say so in the file name, the CSV's first column and the GeoJSON's jiyue member", () => {
    expect(exportFileName("csv", "zh", "2026-06-30", "all", true)).toBe(
      "建始工业园区地块_合成示例_2026-06-30.csv",
    );
    expect(exportFileName("png", "en", "2026-06-30", "all", true)).toBe(
      "Jianshi-industrial-park-map_synthetic-sample_2026-06-30.png",
    );
    const lines = exportText(result, "csv", "zh", true)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]?.startsWith("数据性质,宗地编号,")).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith("合成示例数据（非真实）,"))).toBe(true);
    expect(lines[1]).toContain(",黄土坎片区,");
    const fc = JSON.parse(exportText(result, "geojson", "en", true));
    expect(fc.jiyue).toEqual({ synthetic: true, notice: expect.stringMatching(/^Synthetic sample data/) });
    expect(JSON.parse(exportText(result, "geojson", "en")).jiyue).toBeUndefined();
  });
});

describe("Shapefile and CRS choice", () => {
  it("names the Shapefile export a .zip", () => {
    expect(exportFileName("shp", "zh", "2026-06-30", "all", true)).toBe(
      "建始工业园区地块_合成示例_2026-06-30.zip",
    );
  });

  it("source CRS when the dataset has one, else lon/lat", () => {
    expect(exportCrsCode("source", "EPSG:4525")).toBe("EPSG:4525");
    expect(exportCrsCode("source", undefined)).toBe("EPSG:4326");
    expect(exportCrsCode("lonlat", "EPSG:4525")).toBe("EPSG:4326");
  });

  it("writes a zip with the layer, the legend and the README (synthetic marked, in the UI language)", async () => {
    const files = unzipSync(await exportShapefile(result, "zh", "EPSG:4546", true));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        "parcels.shp",
        "parcels.dbf",
        "parcels.prj",
        "parcels_fields.csv",
        "README.txt",
      ]),
    );
    const readme = new TextDecoder().decode(files["README.txt"]);
    expect(readme).toContain("合成示例数据");
    expect(readme).toContain("EPSG:4546");
  });

  it("GeoJSON in the source CRS carries the legacy crs member", () => {
    const fc = JSON.parse(exportParts(result, "geojson", "zh", false, "EPSG:4546").join(""));
    expect(fc.crs.properties.name).toBe("urn:ogc:def:crs:EPSG::4546");
  });
});
