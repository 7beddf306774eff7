/**
 * The dashboard's domain rules: the compound growth path (exact numbers, the plan's tax and value
 * added), the plan's years, the parcels behind each kind of target (the firms outside a zone's
 * leading industries, the enterprises below designated size …), figures that cannot be computed
 * when the data records no 规上/高新 status, validation of the new fields, and edits of a file.
 */
import { describe, expect, it } from "vitest";
import { PLAN_TARGETS } from "../../../src/cli/sample/targets-file";
import {
  computeTargets,
  GROWTH_PATH_MAX_BEYOND,
  growthPath,
  parsePeriod,
  planYears,
  type TargetSpec,
  type TargetsFile,
  targetParcels,
  validateTargetsFile,
  withPlanYears,
  withTargetNumber,
} from "../../../src/domain/targets";
import type { ParcelInput } from "../../../src/domain/types";

const spec = (over: Partial<TargetSpec> & Pick<TargetSpec, "id" | "metric">): TargetSpec => ({
  zh: over.id,
  en: over.id,
  value: 1,
  unit: "count",
  comparison: ">=",
  source: "fixture",
  ...over,
});
const file = (targets: TargetSpec[], over: Partial<TargetsFile> = {}): TargetsFile => ({
  name: "t",
  period: "2021-2023",
  source: "s",
  targets,
  ...over,
});

describe("growthPath", () => {
  const years = planYears({ period: "2021-2023", baseYear: 2020 });

  it("the plan's tax: 6200 万元 in 2023 at +12 %/yr, from the 2020 base, continued to 2026", () => {
    const p = growthPath({ value: 6200, growthRate: 0.12 }, years, 2026);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.baseYear).toBe(2020);
    expect(p.targetYear).toBe(2023);
    expect(p.points.map((x) => x.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(p.points.map((x) => x.beyond)).toEqual([false, false, false, false, true, true, true]);
    // 6200 / 1.12³ = 6200 / 1.404928; 6200 / 1.2544; 6200 / 1.12; 6200; × 1.12, × 1.2544, × 1.404928
    const expected = [4413.037536, 4942.602041, 5535.714286, 6200, 6944, 7777.28, 8710.5536];
    for (const [i, x] of p.points.entries()) expect(x.value).toBeCloseTo(expected[i] ?? Number.NaN, 6);
    expect(p.baseValue).toBeCloseTo(4413.037536, 6);
    expect(p.atDataYear).toEqual(p.points[6]);
    expect(p.points[3]?.value).toBe(6200);
  });

  it("the plan's value added: 228,700 万元 at +15 %/yr; the 2020 base is 150,374.9…", () => {
    const p = growthPath({ value: 228700, growthRate: 0.15 }, years, 2022);
    expect(p?.points.map((x) => x.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(p?.baseValue).toBeCloseTo(228700 / 1.520875, 6);
    expect(p?.atDataYear?.value).toBeCloseTo(228700 / 1.15, 6);
    expect(p?.atDataYear?.beyond).toBe(false);
  });

  it("no path without a rate or years; a data year before the base or far later is not placed", () => {
    expect(growthPath({ value: 1 }, years, 2026)).toBeNull();
    expect(growthPath({ value: 1, growthRate: 0.1 }, null, 2026)).toBeNull();
    expect(growthPath({ value: 1, growthRate: 0.1 }, years, 2019)?.atDataYear).toBeNull();
    const late = growthPath({ value: 1, growthRate: 0.1 }, years, 2023 + GROWTH_PATH_MAX_BEYOND + 1);
    expect(late?.atDataYear).toBeNull();
    expect(late?.points.at(-1)?.year).toBe(2023);
    expect(growthPath({ value: 1, growthRate: 0.1 }, years, null)?.points).toHaveLength(4);
  });

  it("a negative rate (a reduction target) falls towards the target", () => {
    const p = growthPath({ value: 81, growthRate: -0.1 }, planYears({ period: "2024-2025" }), 2025);
    expect(p?.baseYear).toBe(2023);
    expect(p?.points.map((x) => Math.round(x.value * 1e9) / 1e9)).toEqual([100, 90, 81]);
  });
});

describe("plan years", () => {
  it("reads YYYY-YYYY (also – and 至) and a single year; the base defaults to the year before", () => {
    expect(parsePeriod("2021-2023")).toEqual({ start: 2021, end: 2023 });
    expect(parsePeriod("2024–2026")).toEqual({ start: 2024, end: 2026 });
    expect(parsePeriod("2024至2026")).toEqual({ start: 2024, end: 2026 });
    expect(parsePeriod("2025")).toEqual({ start: 2025, end: 2025 });
    expect(parsePeriod("十四五")).toBeNull();
    expect(planYears({ period: "2024-2026" })).toEqual({ baseYear: 2023, startYear: 2024, targetYear: 2026 });
    expect(planYears({ period: "2024-2026", baseYear: 2020 })?.baseYear).toBe(2020);
    expect(planYears({ period: "" })).toBeNull();
  });
});

const PARCELS: ParcelInput[] = [
  // zone d: a leading firm (photovoltaic), a non-leading firm with output, one without output
  {
    id: "d1",
    zone: "d",
    landUse: "100101",
    enterprise: "光伏公司",
    industryCluster: "photovoltaic",
    outputValue: 700,
    aboveScale: true,
    highTech: true,
    valueAdded: 100,
    taxRevenue: 40,
    revenue: 900,
  },
  {
    id: "d2",
    zone: "d",
    landUse: "100101",
    enterprise: "电子公司",
    industryCluster: "electronic-components",
    outputValue: 300,
    aboveScale: false,
    highTech: false,
    taxRevenue: 0,
    revenue: 300,
  },
  { id: "d3", zone: "d", landUse: "100101", enterprise: "新项目", industryCluster: "garments" },
  // zone h: the same small firm on two parcels, and an above-size firm's second parcel
  {
    id: "h1",
    zone: "h",
    landUse: "100101",
    enterprise: "小厂",
    aboveScale: false,
    outputValue: 50,
    revenue: 450,
  },
  { id: "h2", zone: "h", landUse: "100102", enterprise: "小厂 ", outputValue: 10, revenue: 460 },
  { id: "h3", zone: "h", landUse: "1101", enterprise: "光伏公司", taxRevenue: 5, revenue: 100 },
  { id: "h4", zone: "h", landUse: "0701" },
];

describe("targetParcels: the parcels behind a target", () => {
  const behind = (s: TargetSpec) => targetParcels(s, PARCELS);

  it("a zone's leading-industry share: that zone's parcels with output outside the leading clusters", () => {
    const s = spec({
      id: "lead-d",
      metric: "leading-industry-share",
      zone: "d",
      unit: "ratio",
      value: 0.7,
      clusters: ["photovoltaic", "building-materials"],
    });
    expect(behind(s)).toEqual({ kind: "outside-leading-industries", ids: ["d2"] });
    // and the figure they hold down: 700 / 1000
    expect(computeTargets(PARCELS, file([s]))[0]?.value).toBeCloseTo(0.7, 12);
  });

  it("the above-size count: every parcel of enterprises below designated size (trimmed names)", () => {
    expect(behind(spec({ id: "a", metric: "above-scale-enterprise-count" }))).toEqual({
      kind: "below-scale-enterprises",
      ids: ["d2", "d3", "h1", "h2"],
    });
  });

  it("counts and sums: the parcels they count", () => {
    expect(behind(spec({ id: "e", metric: "enterprise-count" }))?.ids).toEqual([
      "d1",
      "d2",
      "d3",
      "h1",
      "h2",
      "h3",
    ]);
    expect(behind(spec({ id: "t", metric: "tax-total" }))).toEqual({
      kind: "tax-payers",
      ids: ["d1", "d2", "h3"],
    });
    expect(behind(spec({ id: "v", metric: "above-scale-value-added" }))?.ids).toEqual(["d1"]);
  });

  it("the high-tech share: industrial output of firms not high-tech (missing counts as not)", () => {
    expect(behind(spec({ id: "h", metric: "high-tech-output-share", unit: "ratio" }))).toEqual({
      kind: "not-high-tech-output",
      ids: ["d2", "h1", "h2"],
    });
  });

  it("the leading enterprise: all parcels of the enterprise with the largest revenue", () => {
    // 光伏公司 900 + 100 = 1000 (on two parcels in two zones) before 小厂 450 + 460 = 910
    expect(behind(spec({ id: "r", metric: "max-enterprise-revenue" }))).toEqual({
      kind: "largest-enterprise",
      ids: ["d1", "h3"],
    });
  });

  it("targets parcel data cannot compute have no parcels behind them", () => {
    expect(behind(spec({ id: "p", metric: "not-in-parcel-data" }))).toBeNull();
  });

  it("accepts analysed parcels (carrying their input)", () => {
    const s = spec({ id: "t", metric: "tax-total" });
    expect(
      targetParcels(
        s,
        PARCELS.map((input) => ({ input })),
      ),
    ).toEqual(targetParcels(s, PARCELS));
  });
});

describe("figures the data cannot give", () => {
  const noStatus: ParcelInput[] = [
    { id: "x1", zone: "a", landUse: "100101", enterprise: "甲", outputValue: 100, valueAdded: 30 },
  ];
  it("no 规上认定 recorded at all: the above-size count and value added are unknown, not 0", () => {
    const rows = computeTargets(
      noStatus,
      file([
        spec({ id: "n", metric: "above-scale-enterprise-count" }),
        spec({ id: "va", metric: "above-scale-value-added" }),
        spec({ id: "ht", metric: "high-tech-output-share", unit: "ratio" }),
      ]),
    );
    expect(rows.map((r) => [r.id, r.value, r.met, r.reason])).toEqual([
      ["n", null, null, "no-data"],
      ["va", null, null, "no-data"],
      ["ht", null, null, "no-data"],
    ]);
  });
  it("one recorded status is enough: then the others count as not above size", () => {
    const rows = computeTargets(
      [...noStatus, { id: "x2", zone: "a", landUse: "100101", enterprise: "乙", aboveScale: false }],
      file([spec({ id: "n", metric: "above-scale-enterprise-count" })]),
    );
    expect(rows[0]?.value).toBe(0);
    expect(rows[0]?.met).toBe(false);
  });
});

describe("validateTargetsFile: the new fields", () => {
  const problems = (f: unknown) => {
    const v = validateTargetsFile(f);
    return "problems" in v ? v.problems : [];
  };
  it("accepts the sample file, its growth rates and base year", () => {
    const v = validateTargetsFile(JSON.parse(JSON.stringify(PLAN_TARGETS)));
    expect("file" in v && v.file.baseYear).toBe(2020);
    expect(
      PLAN_TARGETS.targets.filter((t) => t.growthRate !== undefined).map((t) => [t.id, t.growthRate]),
    ).toEqual([
      ["tax-revenue", 0.12],
      ["above-scale-value-added", 0.15],
    ]);
  });
  it("names each bad value by its path", () => {
    const t = spec({ id: "a", metric: "tax-total" });
    expect(problems(file([{ ...t, growthRate: "12%" } as unknown as TargetSpec]))).toEqual([
      "targets[0].growthRate: not a number",
    ]);
    expect(problems(file([{ ...t, growthRate: 12 }]))[0]).toMatch(
      /^targets\[0\]\.growthRate: 12 is not a yearly growth/,
    );
    expect(problems(file([{ ...t, growthRate: -1 }]))[0]).toMatch(/growthRate: -1/);
    expect(problems(file([{ ...t, unit: "ratio", value: 30 }]))[0]).toMatch(
      /^targets\[0\]\.value: 30 is not a share/,
    );
    expect(problems(file([{ ...t, needs: "专利" } as unknown as TargetSpec]))[0]).toMatch(/needs/);
    expect(problems(file([t], { period: "十四五" }))[0]).toMatch(/^period: "十四五" is not a period/);
    expect(problems(file([t], { period: "2026-2024" }))).toEqual([
      'period: "2026-2024" ends before it starts',
    ]);
    expect(problems(file([t], { baseYear: 2023 }))[0]).toMatch(/^baseYear: 2023 is not before/);
    expect(problems(file([t], { baseYear: 2020.5 }))).toEqual(["baseYear: not a whole year"]);
    expect(problems(file([{ ...t, growthRate: 0.1 }], { period: "" }))).toEqual([
      "period: required (YYYY-YYYY) for targets with a growthRate",
    ]);
  });
});

describe("editing a targets file", () => {
  const base = file([spec({ id: "tax", metric: "tax-total", value: 6200, growthRate: 0.12 })], {
    baseYear: 2020,
  });
  it("sets a value or a growth rate of one target; null removes the rate; the input is not changed", () => {
    const a = withTargetNumber(base, "tax", "value", 8000);
    expect(a.targets[0]?.value).toBe(8000);
    expect(base.targets[0]?.value).toBe(6200);
    const b = withTargetNumber(a, "tax", "growthRate", null);
    expect("growthRate" in (b.targets[0] ?? {})).toBe(false);
    expect(withTargetNumber(base, "other", "value", 1)).toEqual(base);
  });
  it("sets the period and base year; a null base year falls back to the year before the period", () => {
    const next = withPlanYears(base, { period: "2024-2026", baseYear: null });
    expect(next.period).toBe("2024-2026");
    expect("baseYear" in next).toBe(false);
    expect(planYears(next)?.baseYear).toBe(2023);
    expect(withPlanYears(base, { baseYear: 2019 }).baseYear).toBe(2019);
  });
});
