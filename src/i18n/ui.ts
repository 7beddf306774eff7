/**
 * Every string of the app's interface, in Simplified Chinese first and English second. Field
 * labels and units come from the field catalogue (`src/domain/fields.ts`); reasons and import
 * problems have their own modules (`reasons.ts`, `problems.ts`).
 */
import { PER_HA_TEXT, UNIT_TEXT, type Unit } from "../domain/fields";
import {
  CHECK_STATUS_LABELS,
  CONSTRUCTION_STATUS_LABELS,
  EFFICIENCY_CLASS_LABELS,
  IDLE_STATUS_LABELS,
  INDUSTRY_CLUSTER_LABELS,
  LAND_STATUS_LABELS,
  THRESHOLD_LEVEL_LABELS,
} from "../domain/vocabulary";
import { type Bilingual, fill, type Lang } from "./lang";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const UI = {
  appTitle: b("集约 · 建始县工业园区用地分析", "Jiyue · Jianshi County Industrial Park land analysis"),
  appShort: b("集约", "Jiyue"),
  syntheticNotice: b(
    "合成示例数据：本图所示地块、企业和数值均为合成的示例数据，用于演示，并非园区真实宗地。",
    "Synthetic sample data: the parcels, enterprises and figures shown are synthetic, for illustration — not the park's real parcels.",
  ),
  syntheticBadge: b("合成示例数据", "Synthetic sample data"),
  zone: b("片区", "Zone"),
  zoneAll: b("全部", "All"),
  noZone: b("未分区", "No zone"),
  language: b("语言", "Language"),
  langToggle: b("EN", "中文"),
  langToggleTitle: b("Switch to English", "切换到中文"),
  asOf: b("评价基准日", "As-of date"),
  asOfReset: b("恢复为数据截至日期", "Back to the survey date"),
  surveyDate: b("数据截至日期", "Survey date"),
  standards: b("标准", "Standards"),
  standardsLoad: b("载入标准文件…", "Load standards…"),
  standardsNone: b("未载入标准", "No standards loaded"),
  edition: b("版本", "edition"),
  parcelsLoad: b("载入地块文件…", "Load parcels…"),
  basemap: b("底图", "Basemap"),
  basemapNone: b("无底图", "None"),
  basemapTianditu: b("天地图", "Tianditu"),
  basemapOsm: b("OpenStreetMap", "OpenStreetMap"),
  tiandituKeyTitle: b("天地图密钥", "Tianditu key"),
  tiandituKeyExplain: b(
    "天地图底图需要使用您自己的密钥（tk）。",
    "The Tianditu basemap needs your own key (tk).",
  ),
  tiandituKeyWhere: b(
    "在 天地图 开发者平台 申请浏览器端密钥",
    "Apply for a browser key on the Tianditu developer platform (天地图 开发者平台)",
  ),
  tiandituKeyPrompt: b("密钥（tk）", "Key (tk)"),
  tiandituKeyStored: b(
    "密钥只保存在本机浏览器中。留空则保持当前底图。",
    "The key is stored only in this browser. Leave it empty to keep the current basemap.",
  ),
  tiandituKeyChange: b("更换密钥", "Change key"),
  dialogOk: b("确定", "OK"),
  dialogCancel: b("取消", "Cancel"),
  theme: b("显示", "Display"),
  themeDefault: b("标准", "Standard"),
  themeProjector: b("投影模式", "Projector mode"),
  themeProjectorShort: b("投影", "Projector"),
  mode: b("模式", "Mode"),
  modeAnalysis: b("用地分析", "Land analysis"),
  indicator: b("指标", "Indicator"),
  classification: b("分级方法", "Classification"),
  methodJenks: b("自然断点", "Natural breaks (Jenks)"),
  methodQuantile: b("分位数", "Quantile"),
  methodEqual: b("等间距", "Equal interval"),
  methodManual: b("手动分级", "Manual breaks"),
  classCount: b("分级数", "Classes"),
  manualBreaks: b("分级断点", "Breaks"),
  manualBreaksHint: b("用逗号分隔，单位 {unit}，按回车应用", "Comma-separated, in {unit}; Enter applies"),
  unitSwitch: b("地均单位", "Per-land unit"),
  legend: b("图例", "Legend"),
  legendNoData: b("无数据", "No data"),
  legendEditHint: b(
    "单击图例名称可修改；回车保存，Esc 取消",
    "Click a label to edit; Enter saves, Esc cancels",
  ),
  legendCount: b("{n} 宗", "{n}"),
  flags: b("问题地块标注", "Flag overlay"),
  flagsShow: b("在地图上标出闲置与低效地块", "Mark idle and underperforming parcels on the map"),
  flagIdle: b("闲置土地（斜线）", "Idle land (hatched)"),
  flagUnder: b("低效用地（描边）", "Underperforming (outlined)"),
  summary: b("统计", "Summary"),
  summaryParcels: b("地块数", "Parcels"),
  summaryIdle: b("闲置情况", "Idle status"),
  summaryClasses: b("亩均效益等级", "Efficiency classes"),
  summaryBelow: b("未达标地块", "Below standard"),
  summaryCandidates: b("腾笼换鸟候选", "Reallocation candidates"),
  summaryFreed: b("可腾退面积", "Area freed"),
  candidates: b("腾笼换鸟候选地块", "Reallocation candidates"),
  candidatesMore: b("另有 {n} 宗未列出。", "{n} more not listed."),
  candidatesInTable: b("在表格中查看全部候选", "Show all candidates in the table"),
  candidatesNone: b("当前范围内没有候选地块。", "No candidates in this view."),
  candidateZoom: b("定位到地块 {id}", "Show parcel {id}"),
  detail: b("地块详情", "Parcel detail"),
  detailEmpty: b(
    "在地图或表格中点选一宗地块查看详情。",
    "Click a parcel on the map or in the table to see its detail.",
  ),
  detailClose: b("关闭", "Close"),
  detailInputs: b("基础信息与填报数据", "Inputs"),
  detailIndicators: b("计算指标", "Indicators"),
  detailChecks: b("控制指标核查", "Standards checks"),
  detailIdle: b("闲置土地认定", "Idle land"),
  detailEfficiency: b("亩均效益评价", "Per-mu efficiency"),
  detailRealloc: b("腾笼换鸟", "Reallocation"),
  detailMultiple: b("已选 {n} 宗，显示第一宗。", "{n} selected; showing the first."),
  checkIndicator: b("指标", "Indicator"),
  checkValue: b("实际值", "Value"),
  checkThreshold: b("要求", "Required"),
  checkLevel: b("依据层级", "Level"),
  checkSource: b("来源", "Source"),
  checkStatus: b("结论", "Result"),
  checksNone: b(
    "此地块不适用控制指标核查（仅对已竣工或已投产的工业用地核查）。",
    "No standards check applies (only completed or producing industrial land is checked).",
  ),
  idleFee: b("土地闲置费", "Idle land fee"),
  efficiencyScore: b("得分", "Score"),
  efficiencyClassLabel: b("等级", "Class"),
  compliantProject: b(
    "按现行标准，在此地块上落地的达标项目应至少带来：",
    "A project meeting the current standards on this land would bring at least:",
  ),
  notCandidate: b("不是腾笼换鸟候选地块。", "Not a reallocation candidate."),
  areaWarning: b(
    "宗地面积与图形面积相差 {pct}，超过 1%，请核对宗地面积或图形。",
    "The legal area differs from the mapped area by {pct} (over 1 %): check the recorded area or the geometry.",
  ),
  nullValue: b("—", "—"),
  yes: b("是", "yes"),
  no: b("否", "no"),
  problems: b("导入问题", "Import problems"),
  problemsFile: b(
    "文件 {file}：读取 {features} 个要素，可用地块 {parcels} 宗，问题 {n} 条。",
    "File {file}: {features} features read, {parcels} usable parcels, {n} problems.",
  ),
  fileRejected: b(
    "文件 {file} 无法使用，仍沿用当前数据。原因如下：",
    "The file {file} cannot be used; the current data stays. Why:",
  ),
  problemsNone: b("未发现问题。", "No problems found."),
  problemsShow: b("查看导入问题（{n}）", "Import problems ({n})"),
  problemsClose: b("收起", "Hide"),
  loading: b("正在载入数据…", "Loading data…"),
  analysing: b("正在计算…", "Analysing…"),
  analysisDone: b("已分析 {n} 宗地块（{ms} 毫秒）", "{n} parcels analysed ({ms} ms)"),
  analysisError: b("分析失败：{error}", "Analysis failed: {error}"),
  loadError: b("数据载入失败：{error}", "Loading data failed: {error}"),
  tableSlot: b("地块表", "Parcel table"),
  exportSlot: b("导出", "Export"),
  mapLabel: b("地图", "Map"),
  skipToMap: b("跳到地图", "Skip to map"),
  escClears: b("按 Esc 取消选择", "Esc clears the selection"),
  groupLandUse: b("用地类型", "Land use"),
} satisfies Record<string, Bilingual>;
export type UiKey = keyof typeof UI;

/** The text of a UI key, with `{name}` placeholders filled. */
export function t(key: UiKey, lang: Lang, params?: Record<string, unknown>): string {
  const s = UI[key][lang];
  return params ? fill(s, params) : s;
}

/**
 * Labels of enumerations (statuses, classes, clusters …) by value: the domain's vocabulary
 * (`src/domain/vocabulary.ts`), plus the UI's own labels (check kinds, flags, reallocation tags).
 */
export const ENUM_LABELS = {
  idleStatus: IDLE_STATUS_LABELS,
  efficiencyClass: EFFICIENCY_CLASS_LABELS,
  constructionStatus: CONSTRUCTION_STATUS_LABELS,
  landStatus: LAND_STATUS_LABELS,
  industryCluster: INDUSTRY_CLUSTER_LABELS,
  checkStatus: CHECK_STATUS_LABELS,
  thresholdLevel: THRESHOLD_LEVEL_LABELS,
  checkKind: {
    min: b("≥", "≥"),
    max: b("≤", "≤"),
  },
  reallocationReason: {
    "idle-1y": b("闲置满一年", "Idle ≥ 1 year"),
    "idle-2y": b("闲置满两年，依法无偿收回", "Idle ≥ 2 years: recovery without compensation"),
    "idle-halted": b("停工闲置", "Halted and idle"),
    "class-D": b("亩均效益 D 类", "Efficiency class D"),
  },
  flag: {
    idle: b("闲置土地", "Idle land"),
    under: b("低效用地（D 类或未达标）", "Underperforming (class D or below standard)"),
    none: b("无问题标注", "No flag"),
  },
} satisfies Record<string, Record<string, Bilingual>>;
export type EnumKind = keyof typeof ENUM_LABELS;

/** The label of an enumeration value; unknown values are shown as they are. */
export function enumLabel(kind: EnumKind, value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === "") return "—";
  const table = ENUM_LABELS[kind] as Record<string, Bilingual>;
  return table[value]?.[lang] ?? value;
}

/**
 * Unit labels for display: the data vocabulary of `UNIT_TEXT`, except that ratios show as
 * percent and areas as m²; per-land units follow the 亩/公顷 switch.
 */
export function unitLabel(unit: Unit, lang: Lang, perLand: "mu" | "ha" = "mu"): string {
  if (unit === "ratio") return "%";
  if (unit === "m2") return "m²";
  if (unit === "wan-yuan-per-mu" && perLand === "ha") return PER_HA_TEXT[lang];
  return UNIT_TEXT[unit]?.[lang] ?? "";
}
