/**
 * zh/en text for the plan-targets report (`npm run cli -- targets`, the targets dashboard):
 * headings, met / not met, why a value is missing, and value formatting with units.
 * Values are rounded here, for display only (domain.md §1).
 */
import type { Comparison, TargetNullReason, TargetRow, TargetUnit } from "../domain/targets";
import type { Bilingual, Lang } from "./lang";

export const TARGETS_TEXT = {
  title: { zh: "规划目标完成情况", en: "Plan targets" },
  target: { zh: "目标", en: "Target" },
  targetValue: { zh: "目标值", en: "Target value" },
  value: { zh: "现状值（据地块数据）", en: "Value (from parcel data)" },
  met: { zh: "是否达成", en: "Met" },
  yes: { zh: "达成", en: "met" },
  no: { zh: "未达成", en: "not met" },
  na: { zh: "无法计算", en: "n/a" },
  data: { zh: "数据", en: "Data" },
  surveyDate: { zh: "数据截至日期", en: "Survey date" },
  synthetic: {
    zh: "合成示例数据，仅作演示，并非园区真实地块",
    en: "synthetic sample data, illustrative only, not the park's real parcels",
  },
  summary: {
    zh: "达成 {met} 项，未达成 {notMet} 项，无法计算 {na} 项",
    en: "{met} met, {notMet} not met, {na} n/a",
  },
} satisfies Record<string, Bilingual>;

export const NULL_REASON_TEXT: Record<TargetNullReason, Bilingual> = {
  "not-in-parcel-data": {
    zh: "地块数据不含此项，需另行统计",
    en: "not in the parcel data; report separately",
  },
  "no-data": { zh: "地块数据中没有相关数值", en: "no values recorded in the parcel data" },
  "no-output": { zh: "没有工业总产值数据，无法计算占比", en: "no output value recorded; share undefined" },
};

const UNIT_TEXT: Record<TargetUnit, Bilingual> = {
  enterprises: { zh: "家", en: "enterprises" },
  count: { zh: "个", en: "" },
  "wan-yuan": { zh: "万元", en: "×10⁴ yuan" },
  ratio: { zh: "%", en: "%" },
};

const COMPARISON_TEXT: Record<Comparison, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" };

/** Thousands separators on the integer part of a fixed-point string. */
function group(fixed: string): string {
  const [int = "", frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

/** A value with its unit, rounded for display: money to 0.01 万元, shares to 0.1 %. */
export function formatTargetValue(value: number | null, unit: TargetUnit, lang: Lang): string {
  if (value === null) return "—";
  const u = UNIT_TEXT[unit][lang];
  switch (unit) {
    case "ratio":
      return `${(value * 100).toFixed(1)} %`;
    case "wan-yuan":
      return `${group(value.toFixed(2))} ${u}`;
    default:
      return u ? `${group(String(Math.round(value)))} ${u}` : group(String(Math.round(value)));
  }
}

/** The target as a sentence fragment, e.g. `≥ 34 家`, `> 200,000.00 万元`. */
export function formatTarget(row: Pick<TargetRow, "comparison" | "target" | "unit">, lang: Lang): string {
  return `${COMPARISON_TEXT[row.comparison]} ${formatTargetValue(row.target, row.unit, lang)}`;
}

/** Met / not met / n/a with the reason when the value cannot be computed. */
export function formatMet(row: Pick<TargetRow, "met" | "reason">, lang: Lang): string {
  if (row.met === null) {
    const why = row.reason ? NULL_REASON_TEXT[row.reason][lang] : "";
    return why
      ? `${TARGETS_TEXT.na[lang]}${lang === "zh" ? `（${why}）` : ` (${why})`}`
      : TARGETS_TEXT.na[lang];
  }
  return row.met ? TARGETS_TEXT.yes[lang] : TARGETS_TEXT.no[lang];
}
