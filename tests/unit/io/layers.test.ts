/**
 * A zip holding several Shapefiles (tests/fixtures/shapefile/layers.zip, made by GDAL with
 * make-layers.sh; layers.json is what GDAL's ogrinfo reports of each layer): one layer is read —
 * the one named, else the polygon layer with the most features — and the others are said, points
 * and lines as not parcels. Layer names are GBK in the zip.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { runImportPipeline } from "../../../src/io/import-pipeline";
import { chooseLayers } from "../../../src/io/readers/layers";
import { readShapefile } from "../../../src/io/readers/shapefile";
import type { InputFile } from "../../../src/io/readers/types";

const DIR = join(__dirname, "../../fixtures/shapefile");
const zip: InputFile = { name: "普查.zip", bytes: new Uint8Array(readFileSync(join(DIR, "layers.zip"))) };
const gdal = JSON.parse(readFileSync(join(DIR, "layers.json"), "utf8")) as {
  layers: Record<string, { geometry: string; features: number }>;
};
/** GDAL's counts; the default is the polygon layer GDAL counts most features in. */
const polygonLayers = Object.entries(gdal.layers).filter(([, l]) => l.geometry === "Polygon");
const largest = polygonLayers.sort((a, b) => b[1].features - a[1].features)[0]?.[0] ?? "";

describe("a zip of several Shapefiles", () => {
  const sets = readShapefile([zip], {});

  it("every layer is read with its decoded name, shape type and count as GDAL reports them", () => {
    expect(sets.map((s) => s.layer?.name)).toEqual(Object.keys(gdal.layers));
    for (const s of sets) {
      const g = gdal.layers[s.layer?.name ?? ""];
      expect(s.layer?.records).toBe(g?.features);
      expect(s.layer?.polygons).toBe(g?.geometry === "Polygon");
      expect(s.layer?.archive).toBe("普查.zip");
    }
  });

  it("by default the polygon layer with the most features, not the first; the others said", () => {
    expect(largest).toBe("宗地");
    const c = chooseLayers(sets);
    expect(c.sets.map((s) => s.layer?.name)).toEqual([largest]);
    expect(c.sets[0]?.features).toHaveLength(gdal.layers[largest]?.features ?? -1);
    expect(c.layers.filter((l) => l.chosen).map((l) => l.name)).toEqual([largest]);
    expect(c.problems).toHaveLength(1);
    const [p] = c.problems;
    expect(formatProblem(p!, "zh")).toBe(
      "普查.zip：压缩包中有 4 个 Shapefile 图层，已读取 宗地（面，4 个要素），即要素最多的面图层；其他图层：设施（点，不是宗地）、预留地（面，1 个要素）、道路（线，不是宗地）。用 --layer <名称> 可读取其他图层",
    );
    expect(formatProblem(p!, "en")).toContain(
      "read 宗地 (polygons, 4 features), the polygon layer with the most features; the others: 设施 (points, not parcels), 预留地 (polygons, 1 feature), 道路 (lines, not parcels)",
    );
    // the browser names the dialog's layer list, never the flag
    for (const lang of ["zh", "en"] as const) {
      const text = formatProblem(p!, lang, "browser");
      expect(text).not.toContain("--layer");
      expect(text).toContain("设施");
    }
  });

  it("a layer named (with or without .shp, any case) is read instead", () => {
    const c = chooseLayers(sets, "预留地.SHP");
    expect(c.sets.map((s) => s.layer?.name)).toEqual(["预留地"]);
    expect(c.sets[0]?.features).toHaveLength(gdal.layers.预留地?.features ?? -1);
    expect(c.problems[0]?.params?.reason_en).toBe("the layer named");
  });

  it("a name that is no layer: one fatal problem listing the layers", () => {
    const c = chooseLayers(sets, "道路网");
    expect(c.sets).toEqual([]);
    expect(formatProblem(c.problems[0]!, "en")).toBe(
      "普查.zip: the archive holds no layer named “道路网”; its layers: 设施、预留地、宗地、道路",
    );
    expect(c.problems[0]?.fatal).toBe(true);
  });

  it("loose files and single-layer zips are left as they are", () => {
    const one = readShapefile([{ name: "a.zip", bytes: readFileSync(join(DIR, "overlap.zip")) }], {});
    const c = chooseLayers(one);
    expect(c.sets).toEqual(one);
    expect(c.layers).toEqual([]);
    expect(c.problems).toEqual([]);
  });

  it("the import preview lists the layers and reads the one chosen", async () => {
    const first = await runImportPipeline({ files: [zip], options: {} }, "EPSG:4546");
    expect(first.summary.layers?.map((l) => [l.name, l.polygons, l.count, l.chosen])).toEqual(
      Object.entries(gdal.layers).map(([name, l]) => [
        name,
        l.geometry === "Polygon",
        l.features,
        name === largest,
      ]),
    );
    expect(first.result.parcels).toHaveLength(gdal.layers[largest]?.features ?? -1);
    // the point layer's "not a polygon layer" is not an error of this import
    expect(first.summary.result.problems.map((p) => p.code)).not.toContain("not-polygon-layer");
    const other = await runImportPipeline({ files: [zip], options: { layer: "预留地" } }, "EPSG:4546");
    expect(other.result.parcels).toHaveLength(1);
    expect(other.summary.layers?.find((l) => l.chosen)?.name).toBe("预留地");
  });
});
