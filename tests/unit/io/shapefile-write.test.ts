/**
 * The Shapefile writer: write → `readShapefile` → `prepareParcels` gives the same parcels (ids,
 * areas to 0.01 m², Chinese text, fields), in the source CRS and in lon/lat; rings oriented as
 * the format requires; the DBF field legend; GBK text with a `.cpg`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import type { AnalysisResult } from "../../../src/domain/types";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { prepareParcels } from "../../../src/io/prepare";
import { esriPrj } from "../../../src/io/prj";
import { readShapefile } from "../../../src/io/readers/shapefile";
import { writeShapefileZip } from "../../../src/io/shapefile-write";
import { parseCsv } from "../../csv";

const options = { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" };
const FIXTURE = join(__dirname, "../../fixtures/shapefile/4546-gbk-cpg.zip");

function readZip(bytes: Uint8Array, name: string) {
  const sets = readShapefile([{ name, bytes }], {});
  expect(sets).toHaveLength(1);
  return prepareParcels(sets[0]!, { analysisCrs: "EPSG:4546" });
}

const readme = "宗地分析结果";
/** Perimeter in metres of a lon/lat geometry near Jianshi (equirectangular; enough for a bound). */
function perimeterM(g: AnalysisResult["parcels"][number]["geometry"]): number {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat(1);
  let m = 0;
  for (const r of rings)
    for (let k = 1; k < r.length; k++) {
      const dx = (r[k]![0]! - r[k - 1]![0]!) * 111320 * Math.cos((r[k]![1]! * Math.PI) / 180);
      const dy = (r[k]![1]! - r[k - 1]![1]!) * 110574;
      m += Math.hypot(dx, dy);
    }
  return m;
}
// The fixture's coordinates have 9 decimals of metres; a cadastre's have 3 (what the writer
// writes): data at that precision comes back to 0.01 m². Written once to get there.
const fixture = readZip(new Uint8Array(readFileSync(FIXTURE)), "4546-gbk-cpg.zip");
const atMm = writeShapefileZip(analyzeParcels(fixture.parcels, options), { outCrs: "EPSG:4546", readme });
const result: AnalysisResult = analyzeParcels(readZip(atMm.bytes, "mm.zip").parcels, options);

describe("writeShapefileZip round trip", () => {
  for (const outCrs of ["EPSG:4546", "EPSG:4326"]) {
    it(`gives the same ids, areas, Chinese text and fields (${outCrs})`, () => {
      expect(result.parcels.length).toBeGreaterThan(0);
      const { bytes, problems } = writeShapefileZip(result, { outCrs, readme });
      expect(problems).toEqual([]);
      const back = readZip(bytes, "out.zip");
      expect(back.crs?.crs).toBe(outCrs);
      const again = analyzeParcels(back.parcels, options);
      expect(again.parcels.map((p) => p.input.id)).toEqual(result.parcels.map((p) => p.input.id));
      result.parcels.forEach((p, i) => {
        const q = again.parcels[i]!;
        // metres at mm: 0.01 m²; lon/lat at 1e-8° (≤ 0.6 mm per axis after rounding): the
        // area moves by at most the perimeter × 1.5 mm (a 100 m square: 0.6 m² at most, 0.02 seen)
        const bound = outCrs === "EPSG:4326" ? perimeterM(p.geometry) * 0.0015 : 0.01;
        expect(Math.abs(q.computed.areaM2 - p.computed.areaM2)).toBeLessThan(bound);
        expect(q.input).toEqual(p.input);
        expect(q.extra).toEqual(p.extra);
        expect(q.areaBasis).toBe(p.areaBasis);
      });
      expect(result.parcels.some((p) => /[\u4e00-\u9fff]/.test(JSON.stringify(p.input)))).toBe(true);
    });
  }

  it("holds .shp .shx .dbf .cpg (GBK) .prj (Esri WKT), the field legend and a README", () => {
    const files = unzipSync(writeShapefileZip(result, { outCrs: "EPSG:4546", readme }).bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "parcels.cpg",
        "parcels.dbf",
        "parcels.prj",
        "parcels.shp",
        "parcels.shx",
        "parcels_fields.csv",
      ].sort(),
    );
    expect(new TextDecoder().decode(files["parcels.cpg"])).toBe("GBK");
    expect(files["parcels.dbf"]![29]).toBe(0x4d);
    expect(new TextDecoder().decode(files["parcels.prj"])).toBe(esriPrj("EPSG:4546"));
    const legend = parseCsv(new TextDecoder().decode(files["parcels_fields.csv"]));
    expect(legend[0]).toEqual(["字段 Field", "中文名称", "English name", "单位 Unit", "类型 Type"]);
    const names = legend
      .slice(1)
      .filter((r) => r.length > 1)
      .map((r) => r[0]!);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(new TextEncoder().encode(n).length).toBeLessThanOrEqual(15); // ≤ 10 in GBK
    expect(names).toContain("已建"); // a short Chinese extra keeps its name (4 bytes in GBK)
    const row = (n: string) => legend.find((r) => r[0] === n);
    expect(row("ZDBH")?.slice(1, 3)).toEqual(["宗地编号", "Parcel ID"]);
    expect(row("TXMJ")?.[4]).toBe("N(19,2)");
    expect(row("MJMU")?.[4]).toBe("N(19,4)");
    expect(row("MJJZ")?.slice(1, 3)).toEqual(["面积计算基准", "Area basis"]);
    expect(row("GDRQ")?.[4]).toBe("D(8)");
    // the DBF's descriptors are the legend's names, in order
    const dbf = files["parcels.dbf"]!;
    const n = (new DataView(dbf.buffer, dbf.byteOffset).getUint16(8, true) - 33) / 32;
    const dbfNames = Array.from({ length: n }, (_, i) =>
      new TextDecoder("gbk").decode(dbf.slice(32 + 32 * i, 43 + 32 * i)).replace(/\0+$/, ""),
    );
    expect(dbfNames).toEqual(names);
  });

  it("marks a synthetic dataset: SJXZ in every record and the README", () => {
    const synthetic = { cell: "合成示例数据", notice: "合成示例数据：并非真实宗地。" };
    const { bytes } = writeShapefileZip(result, { readme, synthetic });
    const files = unzipSync(bytes);
    expect(new TextDecoder().decode(files["README.txt"])).toContain("合成示例数据：并非真实宗地。");
    const sets = readShapefile([{ name: "s.zip", bytes }], {});
    const props = sets[0]!.features.map((f) => (f as { properties: Record<string, unknown> }).properties);
    for (const p of props) expect(p.SJXZ).toBe("合成示例数据");
  });
});

describe("Shapefile geometry", () => {
  const parcel = (id: string, geometry: AnalysisResult["parcels"][number]["geometry"]) => ({
    input: { id },
    geometry,
    areaM2: 0,
    extra: {},
  });
  // a square with a hole (both counter-clockwise in the input) and a second part
  const sq = (x: number, y: number, d: number, cw = false) => {
    const r = [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ];
    return cw ? r.reverse() : r;
  };
  const r = analyzeParcels(
    [
      parcel("M", {
        type: "MultiPolygon",
        coordinates: [
          [sq(109.75, 30.6, 0.001), sq(109.7502, 30.6002, 0.0002)],
          [sq(109.76, 30.6, 0.001, true)],
        ],
      }),
    ],
    options,
  );
  const files = unzipSync(writeShapefileZip(r, { readme }).bytes);
  const shp = files["parcels.shp"]!;
  const v = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);

  it("writes one Polygon record with three rings: outer clockwise, hole counter-clockwise", () => {
    expect(v.getInt32(0, false)).toBe(9994);
    expect(v.getInt32(24, false) * 2).toBe(shp.length);
    expect(v.getInt32(32, true)).toBe(5);
    expect(v.getFloat64(36, true)).toBeCloseTo(109.75, 8);
    expect(v.getFloat64(52, true)).toBeCloseTo(109.761, 8);
    const c = 108;
    expect(v.getInt32(c, true)).toBe(5);
    const parts = v.getInt32(c + 36, true);
    const points = v.getInt32(c + 40, true);
    expect([parts, points]).toEqual([3, 15]);
    const pt = (k: number) => [
      v.getFloat64(c + 44 + 12 + 16 * k, true),
      v.getFloat64(c + 44 + 12 + 16 * k + 8, true),
    ];
    const signed = (from: number) => {
      let s = 0;
      for (let k = from; k < from + 4; k++) {
        const [x1, y1] = pt(k) as [number, number];
        const [x2, y2] = pt(k + 1) as [number, number];
        s += x1 * y2 - x2 * y1;
      }
      return s;
    };
    expect(signed(0)).toBeLessThan(0); // outer: clockwise
    expect(signed(5)).toBeGreaterThan(0); // hole: counter-clockwise
    expect(signed(10)).toBeLessThan(0); // second part's outer: clockwise
    const shx = files["parcels.shx"]!;
    expect(shx.length).toBe(108);
    expect(new DataView(shx.buffer, shx.byteOffset).getInt32(100, false)).toBe(50);
  });

  it("rounds lon/lat to 8 decimals", () => {
    const x = v.getFloat64(108 + 56, true);
    expect(Math.abs(x * 1e8 - Math.round(x * 1e8))).toBeLessThan(1e-5);
  });
});
