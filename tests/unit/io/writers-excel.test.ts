/**
 * Exports people open in Excel: fixtures of the CSV in Chinese and English and of the GeoJSON for
 * a small synthetic dataset with the traps found in issue 12 (codes with leading zeros, long digit
 * strings, text that looks like a negative number, headers that neutralise alike, an object
 * property, a `__proto__` property). `UPDATE_FIXTURES=1` rewrites the expected files: review them.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { csvSyntheticMark, geoJsonSyntheticMark } from "../../../src/i18n/exports";
import { writeCsv } from "../../../src/io/csv-write";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { writeGeoJson } from "../../../src/io/geojson-write";
import { parseCsv } from "../../csv";

const DIR = join(__dirname, "../../fixtures/io/write/excel");
const read = readParcelsGeoJson(readFileSync(join(DIR, "in.geojson"), "utf8"), { analysisCrs: "EPSG:4546" });
const result = analyzeParcels(read.parcels, { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" });

function fixture(name: string, actual: string) {
  const path = join(DIR, name);
  if (process.env.UPDATE_FIXTURES || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

function table(lang: "zh" | "en") {
  const text = writeCsv(result, { lang, synthetic: csvSyntheticMark(lang) });
  const [header, ...rows] = parseCsv(text);
  const byId = new Map(rows.map((r) => [r[header!.indexOf(lang === "zh" ? "宗地编号" : "Parcel ID")]!, r]));
  const cell = (id: string, col: string) => {
    const i = header!.indexOf(col);
    expect(i, `column ${col}`).toBeGreaterThanOrEqual(0);
    return byId.get(id)![i];
  };
  return { text, header: header!, cell };
}

describe("CSV in Chinese", () => {
  const { text, header, cell } = table("zh");

  it("matches the fixture", () => fixture("out.zh.csv", text));

  it("writes Chinese values, not codes", () => {
    expect(cell("HTK-100", "片区")).toBe("黄土坎片区");
    expect(cell("DYB-200", "片区")).toBe("大样榜片区");
    expect(cell("HTK-100", "供地状态")).toBe("已供");
    expect(cell("HTK-300", "闲置状态")).toBe("闲置满一年");
    expect(cell("HTK-300", "腾笼换鸟原因")).toBe("闲置满一年，可征收闲置费");
    expect(cell("DYB-200", "建设状态")).toBe("已投产");
    expect(cell("DYB-200", "产业集群")).toBe("机械电子");
    expect(cell("DYB-200", "未达标指标")).toMatch(/^[\u4e00-\u9fff；]+$/);
    expect(cell("DYB-200", "规上企业")).toBe("否");
  });

  it("codes stay text: land use with its name, leading zeros and long digit strings tab-prefixed", () => {
    expect(cell("HTK-100", "用地类型")).toBe("城镇住宅用地 0701");
    expect(cell("DYB-200", "用地类型")).toBe("二类工业用地 100102");
    expect(cell("DYB-200", "行业代码")).toBe("\t06");
    expect(cell("HTK-100", "统一社会信用代码")).toBe("\t914228221234567890");
    expect(cell("HTK-100", "行政区划代码")).toBe("\t422822000000");
    expect(cell("HTK-100", "编码")).toBe("\t0123");
  });

  it("numbers rounded to their unit, ratios in percent with % in the header", () => {
    expect(header).toContain("建筑系数(%)");
    expect(header).toContain("面积差异(%)");
    const mu = cell("DYB-200", "面积(亩)") as string;
    expect(mu).toBe(String(Math.round(result.parcels[1]!.computed.areaMu * 1e4) / 1e4));
    expect(cell("DYB-200", "建筑系数(%)")).toBe(
      String(Math.round(result.parcels[1]!.computed.buildingCoverage! * 1e4) / 1e2),
    );
    for (const row of parseCsv(text).slice(1))
      for (const c of row) if (/^-?\d+\.\d+$/.test(c)) expect(c.split(".")[1]!.length).toBeLessThanOrEqual(4);
  });

  it("text that looks like a negative number, or a formula, is apostrophe-prefixed", () => {
    expect(cell("HTK-100", "备注")).toBe("'-7.25");
    expect(cell("DYB-200", "备注")).toBe("'=SUM(A1)");
  });

  it("headers that neutralise alike are told apart; an object is one JSON cell; __proto__ is kept", () => {
    expect(header.filter((h) => h.startsWith("'=x"))).toEqual(["'=x", "'=x (2)"]);
    expect(new Set(header).size).toBe(header.length);
    expect(cell("HTK-100", "附加")).toBe('{"a":{"b":1}}');
    expect(cell("DYB-200", "附加")).toBe('[{"k":1}]');
    expect(cell("HTK-100", "__proto__")).toBe('{"x":1}');
    expect(header).not.toContain("x");
    expect(cell("HTK-100", "标签")).toBe("a;b");
  });

  it("a synthetic dataset is marked in the first column of every row", () => {
    expect(header[0]).toBe("数据性质");
    for (const row of parseCsv(text).slice(1)) expect(row[0]).toBe("合成示例数据（非真实）");
  });

  it("leaves room for the edited fields of issue 7", () => {
    const edited = writeCsv(result, {
      lang: "zh",
      editedFields: { column: "已修改字段", byId: new Map([["DYB-200", ["fixedInvestment", "landUse"]]]) },
    });
    const [h, ...rows] = parseCsv(edited);
    expect(h!.at(-1)).toBe("已修改字段");
    expect(rows.map((r) => r.at(-1))).toEqual(["", "累计固定资产投资；用地类型", ""]);
  });
});

describe("CSV in English", () => {
  const { text, header, cell } = table("en");

  it("matches the fixture", () => fixture("out.en.csv", text));

  it("writes English labels", () => {
    expect(header[0]).toBe("Data");
    expect(cell("HTK-100", "Zone")).toBe("Huangtukan");
    expect(cell("HTK-100", "Land status")).toBe("Supplied");
    expect(cell("HTK-100", "Land use")).toBe("Urban housing 0701");
    expect(cell("HTK-300", "Idle status")).toBe("Idle ≥ 1 year");
    expect(cell("DYB-200", "Above designated size")).toBe("no");
    expect(header).toContain("Building coverage (%)");
  });
});

describe("GeoJSON of a synthetic dataset", () => {
  const text = writeGeoJson(result, { synthetic: geoJsonSyntheticMark("zh"), indent: 1 });
  const fc = JSON.parse(text);

  it("matches the fixture", () => fixture("out.geojson", `${text}\n`));

  it("carries a top-level jiyue member, codes unchanged, numbers at the CSV's precision", () => {
    expect(fc.jiyue.synthetic).toBe(true);
    expect(fc.jiyue.notice).toMatch(/合成示例数据/);
    expect(fc.features[0].properties.landUse).toBe("0701");
    expect(Object.getOwnPropertyDescriptor(fc.features[0].properties, "__proto__")?.value).toEqual({ x: 1 });
    expect(fc.features[0].properties.x).toBeUndefined();
    // stored 14.260694999999998 亩; written, like the CSV, to 0.0001 亩
    expect(result.parcels[1]!.computed.areaMu).toBe(14.260694999999998);
    expect(fc.features[1].properties.areaMu).toBe(14.2607);
  });

  it("reads back as synthetic", () => {
    expect(
      readParcelsGeoJson(writeGeoJson(result, { synthetic: { notice: "n" } }), { analysisCrs: "EPSG:4546" })
        .synthetic,
    ).toBe(true);
    expect(readParcelsGeoJson(writeGeoJson(result), { analysisCrs: "EPSG:4546" }).synthetic).toBeUndefined();
  });
});
