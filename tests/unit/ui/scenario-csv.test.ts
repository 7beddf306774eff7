/** The comparison CSV: BOM, CRLF, Chinese headers, the synthetic mark, exact deltas rounded for display. */
import { describe, expect, it } from "vitest";
import type { Comparison } from "../../../src/domain/compare";
import { comparisonCsv } from "../../../src/ui/scenarios/ComparePanel";
import { parseCsv } from "../../csv";

const c: Comparison = {
  targets: [
    {
      id: "tax-revenue",
      label: { zh: "税收总额", en: "Tax" },
      unit: "wan-yuan",
      zone: null,
      target: 6200,
      comparison: ">=",
      a: 13610.03,
      b: 14460.03,
      delta: 850,
      metA: true,
      metB: true,
    },
  ],
  figures: [{ zone: "huangtukan", figure: "taxRevenue", a: 100, b: 950.004, delta: 850.004 }],
  parcels: [
    {
      id: "=HTK-029",
      zone: "huangtukan",
      change: "changed",
      fields: [{ field: "enterprise", a: "旧企业", b: "新企业", delta: null }],
    },
  ],
};

describe("comparison CSV", () => {
  it("starts with the BOM and the synthetic column; cells are formula-safe", () => {
    const text = comparisonCsv(c, "zh", { a: "现状（基准）", b: "方案1" }, undefined, true);
    expect(
      text.startsWith(
        "\uFEFF数据性质,部分,项目,片区,对比基准: 现状（基准）,对比方案: 方案1,变化,目标值,达标\r\n",
      ),
    ).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[1]).toEqual([
      "合成示例数据（非真实）",
      "目标变化",
      "税收总额",
      "全园区",
      "13610.03",
      "14460.03",
      "850",
      ">= 6200",
      "达标 → 达标",
    ]);
    expect(rows[2]?.slice(1, 7)).toEqual([
      "片区指标变化",
      "年税收（万元）",
      "黄土坎片区",
      "100",
      "950",
      "850",
    ]);
    expect(rows[3]?.[1]).toBe("宗地编号 =HTK-029"); // the id inside the section text, not a formula start
    expect(rows[3]?.slice(4, 6)).toEqual(["旧企业", "新企业"]);
  });

  it("English headers and no mark for real data", () => {
    const text = comparisonCsv(c, "en", { a: "Base", b: "S1" }, undefined, false);
    expect(text.split("\r\n")[0]).toBe("\uFEFFSection,Item,Zone,A: Base,B: S1,Change,Target,Met");
  });
});
