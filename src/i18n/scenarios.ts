/**
 * Texts of the scenarios workspace (方案比选): the scenario list, scenario edits and their undo
 * step names, the comparison table and its CSV, in zh and en.
 */
import type { ZoneFigure } from "../domain/compare";
import type { SplitProblem } from "../domain/parcel-geometry";
import type { MergeProblem } from "../domain/scenarios";
import type { Bilingual } from "./lang";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const SCENARIO_UI = {
  mode: b("方案比选", "Scenarios"),
  title: b("方案", "Scenarios"),
  base: b("现状（基准）", "Current (base)"),
  list: b("方案列表", "Scenario list"),
  showing: b("正在查看：{name}", "Showing: {name}"),
  newName: b("方案名称", "Scenario name"),
  defaultName: b("方案{n}", "Scenario {n}"),
  copyName: b("{name} 副本", "{name} copy"),
  create: b("新建方案", "New scenario"),
  createFrom: b("基于", "From"),
  duplicate: b("复制", "Duplicate"),
  rename: b("重命名", "Rename"),
  renameTo: b("新名称", "New name"),
  save: b("确定", "OK"),
  cancel: b("取消", "Cancel"),
  delete: b("删除", "Delete"),
  undoHint: b(
    "在方案中按 Ctrl+Z 撤销本方案的上一步；新建、改名、复制、删除方案在“现状”中撤销。",
    "In a scenario Ctrl+Z undoes that scenario's last step; making, renaming, duplicating or deleting a scenario is undone in the base.",
  ),
  noScenario: b(
    "尚无方案。新建一个方案，在其中调整地块而不改动现状。",
    "No scenario yet. Make one to change parcels without touching the base.",
  ),
  edits: b("方案调整（{count} 项）", "Scenario changes ({count})"),
  selectParcel: b(
    "在地图或表格中选择地块后可进行调整。",
    "Select a parcel on the map or in the table to change it.",
  ),
  selected: b("已选地块：{ids}", "Selected: {ids}"),
  reassign: b("改配新项目", "Reassign to a new project"),
  enterprise: b("企业名称", "Enterprise"),
  industryCode: b("行业代码", "Industry code"),
  industryCluster: b("产业集群", "Industry cluster"),
  investment: b("固定资产投资（万元）", "Fixed investment (10k yuan)"),
  floorArea: b("建筑面积（平方米）", "Floor area (m²)"),
  output: b("预计年产值（万元）", "Expected output (10k yuan/yr)"),
  tax: b("预计年税收（万元）", "Expected tax (10k yuan/yr)"),
  startDate: b("约定开工日期", "Agreed start date"),
  apply: b("应用到方案", "Apply to scenario"),
  recover: b("收回闲置土地", "Recover idle land"),
  recoverHint: b(
    "清除企业和建设状态，土地转为储备。",
    "Clears the enterprise and construction status; the land goes back into the reserve.",
  ),
  split: b("沿线分割", "Split along a line"),
  splitHint: b(
    "在地图上画一条穿过地块边界两次的线（双击或回车结束）。面积、投资、产值、税收、就业等数值按两块的面积比例分配；企业、日期和状态两块相同。",
    "Draw a line on the map that crosses the parcel's boundary twice (double-click or Enter to finish). Area, investment, output, tax, jobs and other quantities are divided by the pieces' area share; enterprise, dates and statuses are kept by both.",
  ),
  splitDrawing: b("请在地图上画分割线…", "Draw the split line on the map…"),
  merge: b("合并相邻地块", "Merge neighbours"),
  mergeHint: b(
    "选择两宗或以上相邻地块（同一片区）：数值相加，图形合并，其余属性取第一宗。",
    "Select two or more neighbouring parcels (one zone): quantities are summed, outlines united, the rest from the first.",
  ),
  standard: b("修改标准", "Change a standard"),
  standardLevel: b("适用范围", "Applies to"),
  levelDefaults: b("全园区默认", "Park default"),
  indicator: b("指标", "Indicator"),
  value: b("门槛值", "Threshold"),
  valueHint: b("留空表示取消该门槛", "Empty removes the threshold"),
  baseUntouched: b("现状数据不会因方案调整而改变。", "The base is never changed by a scenario."),
  compare: b("方案对比", "Compare"),
  compareA: b("对比基准", "Compare"),
  compareB: b("对比方案", "with"),
  compareRun: b("对比", "Compare"),
  compareClose: b("关闭对比", "Close comparison"),
  computing: b("计算中…", "Computing…"),
  targets: b("目标变化", "Targets"),
  figures: b("片区指标变化", "Zone figures"),
  parcels: b("有变化的地块（{count}）", "Parcels that differ ({count})"),
  noParcels: b("两者地块相同。", "No parcel differs."),
  colItem: b("项目", "Item"),
  colZone: b("片区", "Zone"),
  colA: b("对比基准", "A"),
  colB: b("对比方案", "B"),
  colDelta: b("变化", "Change"),
  colTarget: b("目标值", "Target"),
  colMet: b("达标", "Met"),
  colParcel: b("宗地编号", "Parcel"),
  colChange: b("变化类型", "Change"),
  colField: b("字段", "Field"),
  met: b("达标", "met"),
  notMet: b("未达标", "not met"),
  unknown: b("无法计算", "cannot compute"),
  allZones: b("全园区", "Whole park"),
  noZone: b("（无片区）", "(no zone)"),
  legendChanged: b("有变化的地块（对比结果）", "Parcels that differ (comparison)"),
  mapNote: b(
    "地图显示“对比方案”，有变化的地块以品红虚线框出。",
    "The map shows the scenario compared (B); parcels that differ are outlined in dashed magenta.",
  ),
  export: b("导出对比 CSV", "Export comparison CSV"),
  fileName: b("方案对比", "scenario-comparison"),
  section: b("部分", "Section"),
  problem: b("无法执行：{why}", "Not done: {why}"),
} satisfies Record<string, Bilingual>;
export type ScenarioUiKey = keyof typeof SCENARIO_UI;

export const CHANGE_TEXT: Record<"changed" | "added" | "removed", Bilingual> = {
  changed: b("已调整", "changed"),
  added: b("新增（分割/合并所得）", "new (split or merged)"),
  removed: b("已移除（被分割/合并）", "removed (split or merged)"),
};

export const FIGURE_TEXT: Record<ZoneFigure, Bilingual> = {
  parcels: b("地块数", "Parcels"),
  landAreaMu: b("用地面积（亩）", "Land area (mu)"),
  availableAreaMu: b("可供地面积（储备/未供，亩）", "Land available (reserve/unsupplied, mu)"),
  idleAreaMu: b("闲置土地面积（亩）", "Idle land (mu)"),
  fixedInvestment: b("固定资产投资（万元）", "Fixed investment (10k yuan)"),
  outputValue: b("年产值（万元）", "Output (10k yuan/yr)"),
  taxRevenue: b("年税收（万元）", "Tax (10k yuan/yr)"),
  classA: b("A 类地块数", "Class A parcels"),
  classB: b("B 类地块数", "Class B parcels"),
  classC: b("C 类地块数", "Class C parcels"),
  classD: b("D 类地块数", "Class D parcels"),
  notEvaluated: b("未评价地块数", "Parcels not evaluated"),
  candidates: b("腾笼换鸟候选数", "Reallocation candidates"),
  candidateAreaMu: b("候选面积（亩）", "Candidate area (mu)"),
  belowStandard: b("未达标地块数", "Parcels below standard"),
};

export const COVERAGE_FIGURE_TEXT = b("六个一覆盖率：{kind}（%）", "Six-ones coverage: {kind} (%)");

export const SPLIT_MERGE_PROBLEM_TEXT: Record<SplitProblem | MergeProblem | "parcel-missing", Bilingual> = {
  "split-geometry-unsupported": b(
    "该地块有内环或多个部分，暂不能分割",
    "the parcel has a hole or several parts and cannot be split",
  ),
  "split-line-crossings": b(
    "分割线须恰好两次穿过地块边界",
    "the line must cross the parcel's boundary exactly twice",
  ),
  "split-empty-piece": b("分割后有一块面积为零", "one piece would have no area"),
  "merge-too-few": b("请至少选择两宗地块", "select at least two parcels"),
  "merge-other-zone": b("地块不在同一片区", "the parcels are in different zones"),
  "merge-not-neighbours": b(
    "地块不相邻（相距超过 30 米）",
    "the parcels are not neighbours (more than 30 m apart)",
  ),
  "parcel-missing": b("地块不存在", "the parcel does not exist"),
};

/** Undo step names of scenario steps (label codes of `state/slices/scenarios.ts`). */
export const SCENARIO_STEP_TEXT: Record<string, Bilingual> = {
  "scenario-create": b("新建方案“{name}”", "new scenario “{name}”"),
  "scenario-duplicate": b("复制方案“{from}”为“{name}”", "duplicate “{from}” as “{name}”"),
  "scenario-rename": b("方案“{from}”改名为“{name}”", "rename “{from}” to “{name}”"),
  "scenario-delete": b("删除方案“{name}”", "delete scenario “{name}”"),
  "scenario-reassign": b("{parcelId} 改配新项目", "reassign {parcelId} to a new project"),
  "scenario-recover": b("收回 {parcelId}", "recover {parcelId}"),
  "scenario-split": b("分割 {parcelId}", "split {parcelId}"),
  "scenario-merge": b("合并 {parcels}", "merge {parcels}"),
  "scenario-standard": b("修改标准 {indicator}", "change standard {indicator}"),
};
