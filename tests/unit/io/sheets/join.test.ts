import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { joinTable, normalizeKey } from "../../../../src/io/join";
import type { Table } from "../../../../src/io/readers/table";
import { readTable } from "../../../../src/io/readers/table";
import type { RawFeatureSet } from "../../../../src/io/readers/types";

const FIX = join(__dirname, "../../../fixtures/io/sheets");
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FIX, name))) });

function parcels(): RawFeatureSet {
  const fc = JSON.parse(readFileSync(join(FIX, "join-parcels.geojson"), "utf8"));
  return {
    file: "join-parcels.geojson",
    format: "geojson",
    features: fc.features.map((f: { geometry: unknown; properties: Record<string, unknown> }) => ({
      geometry: f.geometry,
      properties: f.properties,
    })),
    fields: ["宗地编号", "片区", "用地类型", "投资额"],
    problems: [],
  };
}

const raw = (rows: Record<string, unknown>[]): RawFeatureSet => ({
  file: "p.geojson",
  format: "geojson",
  features: rows.map((properties) => ({ geometry: null, properties })),
  fields: [...new Set(rows.flatMap((r) => Object.keys(r)))],
  problems: [],
});
const table = (rows: Record<string, unknown>[]): Table => ({
  file: "t.csv",
  fields: [...new Set(rows.flatMap((r) => Object.keys(r)))],
  rows,
  rowNumbers: rows.map((_r, i) => i + 2),
});

describe("joinTable on the fixture sheet", () => {
  it("reports matched, unmatched rows and parcels, the duplicate key; joins nothing silently", async () => {
    const t = (await readTable(file("figures.xlsx"), {})).table as Table;
    const { raw: out, report } = joinTable(parcels(), t, {
      tableField: "宗地编号",
      featureField: "宗地编号",
    });
    // HTK-001, HTK-002 and htk-004 (case and spaces normalised) join; HTK-003 is twice in the sheet
    expect(report.matched).toBe(3);
    expect(report.duplicateTableKeys).toEqual([{ key: "HTK-003", rows: [5, 8] }]);
    expect(report.unmatchedRows).toEqual([{ row: 7, key: "HTK-999" }]);
    expect(report.unmatchedFeatures).toEqual([{ index: 4, key: "HTK-005" }]);
    expect(report.duplicateFeatureKeys).toEqual([]);
    const props = out.features.map((f) => f.properties);
    expect(props[0]).toMatchObject({
      宗地编号: "HTK-001",
      企业名称: "建始某某建材有限公司",
      "投资额(万元)": 1200,
    });
    expect(props[2]?.企业名称).toBeUndefined(); // the duplicated key is not joined
    expect(props[3]?.企业名称).toBe("建始某某电子有限公司");
    // the sheet's 投资额(万元) replaces the parcel's 投资额 (the same property, fixedInvestment)
    expect(props[0]?.投资额).toBeUndefined();
    expect(report.overrides).toEqual([{ tableField: "投资额(万元)", featureField: "投资额", count: 1 }]);
    expect(report.added).toEqual(expect.arrayContaining(["企业名称", "税收(万元)", "职工人数"]));
    expect(out.fields).toEqual(expect.arrayContaining(["企业名称", "投资额(万元)"]));
    const codes = report.problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "join-duplicate-table-key",
        "join-unmatched-row",
        "join-unmatched-feature",
        "join-override",
        "join-summary",
      ]),
    );
    expect(out.problems).toHaveLength(report.problems.length);
    expect(out.problems).toEqual(expect.arrayContaining(report.problems));
    // feature problems in feature order, as the preparer reports them with each feature
    const idx = out.problems.map((p) => p.featureIndex).filter((i) => i !== undefined);
    expect(idx).toEqual([...idx].sort((a, b) => (a as number) - (b as number)));
  });

  it("the GBK CSV joins the same way (full-width ＨＴＫ－００４ = HTK-004)", async () => {
    const t = (await readTable(file("figures-gbk.csv"), {})).table as Table;
    const { report } = joinTable(parcels(), t, { tableField: "宗地编号", featureField: "宗地编号" });
    expect(report.matched).toBe(3);
    expect(report.unmatchedFeatures.map((u) => u.key)).toEqual(["HTK-005"]);
  });
});

describe("join keys and rules", () => {
  it("normalises full-width, white space and case; a whole number as its text; keeps leading zeros", () => {
    expect(normalizeKey(" ｈｔｋ－０１２ ")).toBe("HTK-012");
    expect(normalizeKey("HTK\u3000012\n")).toBe("HTK012");
    expect(normalizeKey("HTK\u00a0012")).toBe("HTK012");
    expect(normalizeKey(12)).toBe("12");
    expect(normalizeKey(12.0)).toBe(normalizeKey("12"));
    expect(normalizeKey("0012")).not.toBe(normalizeKey(12));
    expect(normalizeKey(null)).toBe("");
    expect(normalizeKey(true)).toBe("");
  });

  it("a key held by two parcels joins neither, named with both", () => {
    const { raw: out, report } = joinTable(
      raw([{ id: "A" }, { id: "a " }, { id: "B" }]),
      table([
        { id: "A", 税收: 1 },
        { id: "B", 税收: 2 },
      ]),
      { tableField: "id", featureField: "id" },
    );
    expect(report.duplicateFeatureKeys).toEqual([{ key: "A", features: [0, 1] }]);
    expect(report.matched).toBe(1);
    expect(out.features.map((f) => f.properties.税收)).toEqual([undefined, undefined, 2]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: "join-duplicate-feature-key", params: { key: "A", features: "1、2" } }),
    );
  });

  it("rows and parcels without a key are named; a blank table cell keeps the parcel's value", () => {
    const { raw: out, report } = joinTable(
      raw([{ id: "A", 税收: 5 }, { 名称: "no key" }]),
      table([{ id: "A" }, { 税收: 3 }]),
      { tableField: "id", featureField: "id" },
    );
    expect(out.features[0]?.properties.税收).toBe(5);
    expect(report.unmatchedRows).toEqual([{ row: 3, key: "" }]);
    expect(report.unmatchedFeatures).toEqual([{ index: 1, key: "" }]);
    expect(report.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["join-row-no-key", "join-feature-no-key"]),
    );
  });

  it("different key names on each side, resolved through the aliases (宗地编号 ↔ ZDDM)", () => {
    const { report } = joinTable(raw([{ ZDDM: "A" }]), table([{ 宗地编号: "A", 税收: 1 }]), {
      tableField: "宗地编号",
      featureField: "宗地编号",
    });
    expect(report.featureField).toBe("ZDDM");
    expect(report.matched).toBe(1);
    const other = joinTable(raw([{ 编号: "A" }]), table([{ 企业代码: "A", 税收: 1 }]), {
      tableField: "企业代码",
      featureField: "编号",
    });
    expect(other.report.matched).toBe(1);
  });

  it("a key missing on either side is fatal and names the columns there are", () => {
    const t = table([{ id: "A", 税收: 1 }]);
    expect(
      joinTable(raw([{ id: "A" }]), t, { tableField: "编号", featureField: "id" }).report.problems[0],
    ).toMatchObject({
      code: "join-key-missing-table",
      fatal: true,
      field: "编号",
      params: { fields: "id、税收" },
    });
    expect(
      joinTable(raw([{ id: "A" }]), t, { tableField: "id", featureField: "编号" }).report.problems[0],
    ).toMatchObject({
      code: "join-key-missing-features",
      fatal: true,
    });
  });
});
