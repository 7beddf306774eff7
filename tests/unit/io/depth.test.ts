/** Values nested thousands of levels deep are set aside at read time, never passed on (issue 12). */
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { formatProblem } from "../../../src/i18n/problems";
import { csvChunks } from "../../../src/io/csv-write";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { depthExceeds, MAX_VALUE_DEPTH } from "../../../src/io/depth";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { geoJsonChunks } from "../../../src/io/geojson-write";

const square = [
  [109.7, 30.6],
  [109.701, 30.6],
  [109.701, 30.601],
  [109.7, 30.601],
  [109.7, 30.6],
];
const nested = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;

/** A collection whose first feature's `备注` nests `levels` deep (written as text: 2 bytes a level). */
function deepFile(levels: number, where: "extra" | "id" | "coordinate" = "extra"): string {
  const props =
    where === "extra"
      ? `{"id":"P1","备注":${nested(levels)}}`
      : where === "id"
        ? `{"id":${nested(levels)}}`
        : `{"id":"P1"}`;
  const ring =
    where === "coordinate"
      ? `[[${nested(levels)},30.6],[109.701,30.6],[109.7,30.601],[109.7,30.6]]`
      : JSON.stringify(square);
  return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":${props},"geometry":{"type":"Polygon","coordinates":[${ring}]}},{"type":"Feature","properties":{"id":"P2"},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(square)}]}}]}`;
}

describe("nesting depth", () => {
  it("depthExceeds counts levels without recursion, also at 100,000 levels", () => {
    expect(depthExceeds(1, 0)).toBe(false);
    expect(depthExceeds([1], 1)).toBe(false);
    expect(depthExceeds([[1]], 1)).toBe(true);
    expect(depthExceeds({ a: { b: [] } }, 3)).toBe(false);
    expect(depthExceeds({ a: { b: [] } }, 2)).toBe(true);
    expect(depthExceeds(JSON.parse(nested(100_000)))).toBe(true);
  });

  it("a 6,000-level extra property is set aside and named (file, feature, field); the export works", () => {
    const text = deepFile(6000);
    expect(text.length).toBeLessThan(14_000);
    const r = readParcelsGeoJson(text, { fileName: "deep.geojson", analysisCrs: "EPSG:4546" });
    expect(r.ok).toBe(true);
    expect(r.parcels).toHaveLength(2);
    expect(r.parcels[0]?.extra).not.toHaveProperty("备注");
    const p = r.problems.find((x) => x.code === "value-too-deep");
    expect(p).toMatchObject({ file: "deep.geojson", featureIndex: 0, featureId: "P1", field: "备注" });
    expect(formatProblem(p as NonNullable<typeof p>, "zh")).toBe(
      `deep.geojson 第 1 个要素（宗地编号 P1）字段「备注」：取值嵌套超过 ${MAX_VALUE_DEPTH} 层，无法安全处理，已略去（不导出）`,
    );
    expect(formatProblem(p as NonNullable<typeof p>, "en")).toContain(
      "field 备注: the value nests more than",
    );
    const result = analyzeParcels(r.parcels, { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" });
    expect(JSON.parse([...geoJsonChunks(result)].join("")).features).toHaveLength(2);
    expect([...csvChunks(result, { lang: "zh" })].join("")).toContain("P2");
    // the worker hands results to the page by structured clone: that must not overflow either
    expect(() => structuredClone(result)).not.toThrow();
  });

  it("a value at the limit is kept as it is", () => {
    const r = readParcelsGeoJson(deepFile(MAX_VALUE_DEPTH), { analysisCrs: "EPSG:4546" });
    expect(r.parcels[0]?.extra.备注).toEqual(JSON.parse(nested(MAX_VALUE_DEPTH)));
    expect(r.problems.some((x) => x.code === "value-too-deep")).toBe(false);
  });

  it("a deep id or coordinate is a named problem, not an internal error", () => {
    for (const where of ["id", "coordinate"] as const) {
      const r = readParcelsGeoJson(deepFile(20_000, where), {
        fileName: "d.geojson",
        analysisCrs: "EPSG:4546",
      });
      expect(r.problems.map((p) => p.code)).not.toContain("read-failed");
      expect(r.ok).toBe(true);
      expect(r.parcels.map((p) => p.input.id)).toContain("P2");
      const lines = r.problems.map((p) => formatProblem(p, "en"));
      expect(lines.join("\n").length).toBeLessThan(2000);
    }
  });
});
