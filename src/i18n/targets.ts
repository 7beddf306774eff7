/**
 * zh/en text for the plan-targets report (`npm run cli -- targets`, the targets dashboard):
 * headings, met / not met, why a value is missing, and value formatting with units.
 * Values are rounded here, for display only (domain.md §1).
 */
import type {
  Comparison,
  TargetMetric,
  TargetNullReason,
  TargetParcelsKind,
  TargetRow,
  TargetUnit,
} from "../domain/targets";
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

// ------------------------------------------------------------------------------------------
// the targets dashboard (src/ui/targets/)

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** What data a computed metric needs when the parcel data does not have it. */
export const METRIC_NEEDS_TEXT: Record<TargetMetric, Bilingual> = {
  "enterprise-count": b("需要地块的企业名称（土地使用权人）", "the enterprise (land user) of each parcel"),
  "above-scale-enterprise-count": b(
    "需要企业的规上认定（是否规模以上工业企业）",
    "which enterprises are above designated size (规上认定)",
  ),
  "tax-total": b("需要企业的税收统计数据", "the enterprises' tax statistics"),
  "above-scale-value-added": b(
    "需要企业的规上认定与增加值统计数据",
    "which enterprises are above designated size, and their value-added statistics",
  ),
  "high-tech-output-share": b(
    "需要工业总产值与高新技术企业认定数据",
    "industrial output values and which enterprises are certified high-tech",
  ),
  "leading-industry-share": b(
    "需要地块的产业集群与工业总产值数据",
    "each parcel's industry cluster and its output value",
  ),
  "max-enterprise-revenue": b("需要企业的营业收入数据", "the enterprises' revenue"),
  "not-in-parcel-data": b(
    "需要园区另行统计的数据（不在地块数据中）",
    "figures the park collects separately (not in the parcel data)",
  ),
};

/** What the parcels behind a target are (the filter chip and the button say it). */
export const TARGET_PARCELS_TEXT: Record<TargetParcelsKind, Bilingual> = {
  "counted-enterprises": b("计入的企业地块", "parcels of the enterprises counted"),
  "below-scale-enterprises": b(
    "规下企业（未达规模以上）的地块",
    "parcels of enterprises below designated size",
  ),
  "tax-payers": b("有税收的地块", "parcels that pay tax"),
  "above-scale-value-added": b(
    "规上企业有增加值的地块",
    "parcels of above-size enterprises with value added",
  ),
  "not-high-tech-output": b("非高新技术企业的工业产值地块", "industrial output of enterprises not high-tech"),
  "outside-leading-industries": b("主导产业以外的企业地块", "firms outside the leading industries"),
  "largest-enterprise": b("营业收入最高企业的地块", "parcels of the enterprise with the largest revenue"),
};

export const TARGETS_UI = {
  mode: b("规划目标", "Targets"),
  title: b("规划目标完成情况", "Plan targets"),
  period: b("规划期", "Plan period"),
  baseYear: b("基年", "Base year"),
  planOf: b("{name}（{period}）", "{name} ({period})"),
  dataAsOf: b("现状数据：{year} 年（数据截至 {date}）", "Data: {year} (as of {date})"),
  synthetic: b(
    "示例数据为合成数据，完成情况仅作演示",
    "The sample data is synthetic: the figures are illustrative",
  ),
  summary: TARGETS_TEXT.summary,
  current: b("现状", "Now"),
  targetIs: b("目标 {target}", "target {target}"),
  statusMet: b("达成", "Met"),
  statusNotMet: b("未达成", "Not met"),
  statusNa: b("无法据地块数据计算", "Cannot be computed from parcel data"),
  needs: b("所需数据：{needs}", "Data needed: {needs}"),
  noValueWhy: b("地块数据缺少所需数值", "the parcel data lacks the values needed"),
  zone: b("片区：{zone}", "Zone: {zone}"),
  growth: b("年均增长 {rate}", "{rate} a year"),
  growthPath: b(
    "{base} 年基数 {baseValue} 按年均 {rate} 复合增长至 {targetYear} 年 {target}",
    "from {baseValue} in {base}, compound {rate} a year, to {target} in {targetYear}",
  ),
  pathAtYear: b("按此增速 {year} 年应为 {value}", "on this path, {year}: {value}"),
  beyondNote: b("（{targetYear} 年后为同一增速的延续）", "(after {targetYear}: the same rate continued)"),
  chartBar: b("{label}：现状 {value}，目标 {target}", "{label}: now {value}, target {target}"),
  chartPath: b("{label}：增长路径", "{label}: growth path"),
  showParcels: b("查看地块：{what}（{count}）", "Show parcels: {what} ({count})"),
  showParcelsNone: b("没有对应地块", "No parcels behind this"),
  chip: b("目标：{target}—{what}", "Target: {target} — {what}"),
  chipClear: b("清除目标筛选", "Clear the target filter"),
  edit: b("编辑目标", "Edit targets"),
  editDone: b("完成编辑", "Done"),
  editValue: b("目标值", "Target value"),
  editRate: b("年均增长（%）", "Growth a year (%)"),
  editRateNone: b("留空表示无增长目标", "blank: no growth target"),
  editPeriodHint: b("如 2024-2026", "e.g. 2024-2026"),
  editRefused: b("{what}：{why}，未作修改", "{what}: {why}; nothing was changed"),
  notNumber: b("「{raw}」不是数值", "“{raw}” is not a number"),
  load: b("载入文件…", "Load file…"),
  loadTitle: b(
    "载入目标文件（JSON，格式同 geodata/targets.json）",
    "Load a targets file (JSON, as geodata/targets.json)",
  ),
  save: b("保存文件", "Save file"),
  saveTitle: b("把当前目标保存为目标文件（JSON）", "Save the current targets as a targets file (JSON)"),
  reset: b("恢复文件值", "Reset to file"),
  resetTo: b("恢复为 {file} 中的目标值", "Reset to the values of {file}"),
  appFile: b("默认目标文件", "the default targets file"),
  loadRefused: b(
    "目标文件 {file} 无法使用：{problems}",
    "The targets file {file} cannot be used: {problems}",
  ),
  noTargets: b("未载入规划目标", "No plan targets loaded"),
  lockedInScenario: b(
    "规划目标属于规划本身，是基准和各方案共同的比较标准，不随方案改变。要修改目标，请先退出方案回到基准。",
    "The targets are the plan's — the one yardstick the base and every scenario are measured against — so a scenario cannot change them. To change the targets, leave the scenario and go back to the base.",
  ),
  badBase: b("默认目标文件有误：{problems}", "The default targets file is malformed: {problems}"),
  noResult: b("地块分析完成后显示现状值", "Values appear when the parcels are analysed"),
  source: b("依据", "Source"),
} satisfies Record<string, Bilingual>;
export type TargetsUiKey = keyof typeof TARGETS_UI;

/** Names of the fields a targets step changes (`what` of the step label). */
export const TARGET_FIELD_TEXT: Record<string, Bilingual> = {
  value: b("目标值", "target value"),
  growthRate: b("年均增长", "growth rate"),
  period: b("规划期", "plan period"),
  baseYear: b("基年", "base year"),
};

/** Step names of targets edits (`src/i18n/edits.ts` looks them up); `{target}` in the language. */
export const TARGET_STEP_TEXT: Record<string, Bilingual> = {
  "targets-edit": b("修改目标「{target}」{what}", "edit target “{target}” {what}"),
  "targets-plan": b("修改{what}", "edit the {what}"),
  "targets-load": b("载入目标文件 {file}", "load targets file {file}"),
  "targets-reset": b("目标恢复为文件值", "reset targets to the file"),
};

/** A growth rate as percent, e.g. `12 %`, `7.5 %`. */
export function formatRate(rate: number): string {
  const pct = Math.round(rate * 1000) / 10;
  return `${pct} %`;
}
