/**
 * Plan targets computed from small parcel fixtures: inputs → expected rows, including a zone
 * without output (value null, met null), enterprises on several parcels, and the comparisons.
 */
import { describe, expect, it } from "vitest";
import { PLAN_TARGETS } from "../../../src/cli/sample/targets-file";
import {
  compare,
  computeTargets,
  type TargetRow,
  type TargetSpec,
  type TargetsFile,
  validateTargetsFile,
} from "../../../src/domain/targets";
import type { ParcelInput } from "../../../src/domain/types";

const file = (targets: TargetSpec[]): TargetsFile => ({ name: "t", period: "p", source: "s", targets });
const spec = (over: Partial<TargetSpec> & Pick<TargetSpec, "id" | "metric">): TargetSpec => ({
  zh: over.id,
  en: over.id,
  value: 1,
  unit: "count",
  comparison: ">=",
  source: "fixture",
  ...over,
});
/** value and met of each row, by id. */
const brief = (rows: TargetRow[]) =>
  Object.fromEntries(rows.map((r) => [r.id, { value: r.value, met: r.met, reason: r.reason }]));

const PARCELS: ParcelInput[] = [
  // zone a: two parcels of one above-size high-tech firm, leading cluster
  {
    id: "a1",
    zone: "a",
    landUse: "100101",
    enterprise: "甲公司",
    aboveScale: true,
    highTech: true,
    industryCluster: "building-materials",
    outputValue: 600,
    valueAdded: 150,
    taxRevenue: 30,
    revenue: 580,
  },
  {
    id: "a2",
    zone: "a",
    landUse: "100102",
    enterprise: "甲公司 ",
    aboveScale: true,
    highTech: true,
    industryCluster: "building-materials",
    outputValue: 200,
    valueAdded: 50,
    taxRevenue: 10,
    revenue: 190,
  },
  // zone a: a small firm in a non-leading cluster
  {
    id: "a3",
    zone: "a",
    landUse: "100101",
    enterprise: "乙公司",
    aboveScale: false,
    industryCluster: "garments",
    outputValue: 200,
    valueAdded: -5,
    taxRevenue: 0,
    revenue: 210,
  },
  // zone a: logistics (not industrial): tax counts, output none
  { id: "a4", zone: "a", landUse: "1101", enterprise: "丙物流", taxRevenue: 5, revenue: 900 },
  // zone b: land without output (a not-started project and vacant land)
  { id: "b1", zone: "b", landUse: "100101", enterprise: "丁公司", constructionStatus: "not-started" },
  { id: "b2", zone: "b", landUse: "100101", landStatus: "unsupplied", enterprise: "  " },
];

const SPECS: TargetSpec[] = [
  spec({ id: "ent", metric: "enterprise-count", value: 4, unit: "enterprises" }),
  spec({ id: "above", metric: "above-scale-enterprise-count", value: 2, unit: "enterprises" }),
  spec({ id: "tax", metric: "tax-total", value: 45, unit: "wan-yuan" }),
  spec({ id: "va", metric: "above-scale-value-added", value: 200, unit: "wan-yuan" }),
  spec({ id: "hightech", metric: "high-tech-output-share", value: 0.8, unit: "ratio" }),
  spec({
    id: "lead-a",
    metric: "leading-industry-share",
    value: 0.7,
    unit: "ratio",
    zone: "a",
    clusters: ["building-materials"],
  }),
  spec({
    id: "lead-b",
    metric: "leading-industry-share",
    value: 0.7,
    unit: "ratio",
    zone: "b",
    clusters: ["building-materials"],
  }),
  spec({ id: "maxrev", metric: "max-enterprise-revenue", value: 770, unit: "wan-yuan", comparison: ">" }),
  spec({ id: "patents", metric: "not-in-parcel-data", value: 2 }),
];

describe("computeTargets", () => {
  it("computes each metric from the fixture parcels (boundaries: equal to the target is met for >=)", () => {
    expect(brief(computeTargets(PARCELS, file(SPECS)))).toEqual({
      // 甲公司 (name trimmed), 乙公司, 丙物流, 丁公司; a blank name is not an enterprise
      ent: { value: 4, met: true, reason: null },
      // 甲公司 on two parcels counts once
      above: { value: 1, met: false, reason: null },
      // 30 + 10 + 0 + 5, logistics included
      tax: { value: 45, met: true, reason: null },
      // 150 + 50; 乙公司 (not above size, a loss) left out
      va: { value: 200, met: true, reason: null },
      // 800 of 1000 industrial output
      hightech: { value: 0.8, met: true, reason: null },
      "lead-a": { value: 0.8, met: true, reason: null },
      // zone b has no output at all: the share is undefined, neither met nor 0
      "lead-b": { value: null, met: null, reason: "no-output" },
      // 丙物流 900 > 甲公司 580 + 190 = 770
      maxrev: { value: 900, met: true, reason: null },
      patents: { value: null, met: null, reason: "not-in-parcel-data" },
    });
  });

  it("carries the target's label, value, unit, comparison, zone and source into the row", () => {
    const [row] = computeTargets(PARCELS, file([SPECS[5]!]));
    expect(row).toEqual({
      id: "lead-a",
      label: { zh: "lead-a", en: "lead-a" },
      metric: "leading-industry-share",
      zone: "a",
      target: 0.7,
      comparison: ">=",
      unit: "ratio",
      value: 0.8,
      met: true,
      reason: null,
      source: "fixture",
    });
  });

  it("accepts analysed parcels (objects carrying `input`) as well as inputs", () => {
    const analysed = PARCELS.map((input) => ({ input }));
    expect(computeTargets(analysed, file(SPECS))).toEqual(computeTargets(PARCELS, file(SPECS)));
  });

  it("restricts any metric to the target's zone", () => {
    const rows = computeTargets(
      PARCELS,
      file([spec({ id: "ent-b", metric: "enterprise-count", zone: "b", value: 1 })]),
    );
    expect(brief(rows)["ent-b"]).toEqual({ value: 1, met: true, reason: null });
  });

  it("gives null (not 0) for sums with no recorded values, and 0 for counts of nothing", () => {
    const rows = computeTargets([{ id: "x", zone: "a", landUse: "100101" }], file(SPECS));
    expect(brief(rows)).toMatchObject({
      ent: { value: 0, met: false },
      tax: { value: null, met: null, reason: "no-data" },
      va: { value: null, met: null, reason: "no-data" },
      hightech: { value: null, met: null, reason: "no-output" },
      maxrev: { value: null, met: null, reason: "no-data" },
    });
  });

  it("a recorded zero output is still no denominator: share null", () => {
    const rows = computeTargets(
      [{ id: "z", zone: "b", landUse: "100101", industryCluster: "garments", outputValue: 0 }],
      file([SPECS[6]!]),
    );
    expect(brief(rows)["lead-b"]).toEqual({ value: null, met: null, reason: "no-output" });
  });

  it("a zone whose output is all non-leading has share 0 and does not meet the target", () => {
    const rows = computeTargets(
      [{ id: "z", zone: "b", landUse: "100101", industryCluster: "garments", outputValue: 50 }],
      file([SPECS[6]!]),
    );
    expect(brief(rows)["lead-b"]).toEqual({ value: 0, met: false, reason: null });
  });
});

describe("compare", () => {
  it.each([
    [5, ">=", 5, true],
    [4.999, ">=", 5, false],
    [5, ">", 5, false],
    [5.001, ">", 5, true],
    [5, "<=", 5, true],
    [5, "<", 5, false],
    [5, "==", 5, true],
  ] as const)("%d %s %d → %s", (v, c, t, expected) => {
    expect(compare(v, c, t)).toBe(expected);
  });
});

describe("validateTargetsFile", () => {
  it("accepts the plan's targets file", () => {
    const r = validateTargetsFile(JSON.parse(JSON.stringify(PLAN_TARGETS)));
    expect("file" in r && r.file.targets.length).toBe(PLAN_TARGETS.targets.length);
  });

  it("names each problem by path", () => {
    const r = validateTargetsFile({
      targets: [
        {
          id: "a",
          zh: "甲",
          en: "A",
          metric: "tax-total",
          value: "6200",
          unit: "wan-yuan",
          comparison: ">=",
          source: "s",
        },
        { id: "a", zh: "乙", en: "B", metric: "bogus", value: 1, unit: "m", comparison: "≥", source: "s" },
        {
          id: "c",
          zh: "丙",
          en: "C",
          metric: "leading-industry-share",
          value: 0.7,
          unit: "ratio",
          comparison: ">=",
          source: "s",
        },
      ],
    });
    expect(r).toEqual({
      problems: [
        "targets[0].value: not a number",
        'targets[1].id: duplicate "a"',
        'targets[1].metric: unknown "bogus"',
        'targets[1].unit: unknown "m"',
        'targets[1].comparison: unknown "≥"',
        "targets[2].zone: required for leading-industry-share",
        "targets[2].clusters: required list of cluster ids",
      ],
    });
  });

  it("rejects what is not a targets file", () => {
    expect(validateTargetsFile([])).toEqual({ problems: ["(root): not a JSON object"] });
    expect(validateTargetsFile({ name: "x" })).toEqual({ problems: ["targets: missing or not a list"] });
  });
});
