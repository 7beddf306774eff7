/**
 * Texts of the six-ones (六个一) planner: facility kinds and statuses, the checklist, coverage,
 * site suggestions and the bus-line figures, in zh and en.
 */
import type { SpacingBand } from "../domain/bus-line";
import type { FacilityKind, FacilityStatus } from "../domain/coverage";
import type { Bilingual } from "./lang";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const FACILITY_KIND_TEXT: Record<FacilityKind, Bilingual> = {
  kindergarten: b("幼儿园", "Kindergarten"),
  school: b("义务教育学校", "Compulsory school"),
  clinic: b("医疗卫生机构", "Health facility"),
  leisure: b("生活娱乐区", "Living & leisure area"),
  green: b("公共绿地", "Public green space"),
  bus: b("公交线路（至中心城区）", "Bus line to the central urban area"),
};

/** Checklist status of a kind: the best status among its facilities, or missing. */
export type ChecklistStatus = FacilityStatus | "missing";

export const CHECKLIST_STATUS_TEXT: Record<ChecklistStatus, Bilingual> = {
  existing: b("现状已有", "existing"),
  planned: b("已规划", "planned"),
  proposed: b("拟建（建议）", "proposed"),
  missing: b("缺失", "missing"),
};

export const SPACING_TEXT: Record<SpacingBand, Bilingual> = {
  short: b("过密（< 500 米）", "too close (< 500 m)"),
  urban: b("城区标准（500–800 米）", "urban spacing (500–800 m)"),
  between: b("介于城区与郊区之间（800–1000 米）", "between urban and suburban (800–1000 m)"),
  suburban: b("郊区标准（≥ 1000 米）", "suburban spacing (≥ 1000 m)"),
};

export const PLANNER_UI = {
  title: b("六个一配套规划", "Six ones planner"),
  modeAnalysis: b("用地分析", "Land analysis"),
  modePlanner: b("六个一规划", "Six ones"),
  modesLabel: b("工作模式", "Workspace"),
  checklist: b("配套清单", "Checklist"),
  kind: b("设施", "Facility"),
  status: b("状态", "Status"),
  coverage: b("服务覆盖", "Coverage"),
  coverageValue: b("{share}（现状 {baseline}）", "{share} (existing {baseline})"),
  demandNote: b(
    "需求 = 从业人员 + 居住人口，共 {total} 人；距离{method}，自地块代表点（面内）起算",
    "Demand = employees + residents, {total} persons; distances {method}, from each parcel's representative point (inside it)",
  ),
  methodRoad: b(
    "沿道路网计算（离路超过 500 米不计）",
    "along the roads (over 500 m from a road: not covered)",
  ),
  methodStraight: b("按直线计算（未载入道路）", "straight-line (no roads loaded)"),
  syntheticNote: b(
    "示例数据为合成数据，覆盖结果仅作演示",
    "The sample data is synthetic: coverage is illustrative",
  ),
  suggestFor: b("选址建议：", "Site suggestions for"),
  suggestHelp: b(
    "候选地块：未供、储备或公共服务用地，按新增覆盖需求、再按总覆盖需求、再按编号排序",
    "Candidates: unsupplied, reserved or public-service parcels, ranked by newly covered demand, then total covered, then id",
  ),
  greedy: b("多点同时选址（贪心最大覆盖）", "Several sites together (greedy maximal coverage)"),
  rank: b("名次", "Rank"),
  parcel: b("地块", "Parcel"),
  newly: b("新增覆盖", "Newly covered"),
  total: b("总覆盖", "Total covered"),
  area: b("面积", "Area"),
  landStatus: b("供地状态", "Land status"),
  roadDistance: b("距道路", "To road"),
  persons: b("{n} 人", "{n}"),
  metres: b("{n} 米", "{n} m"),
  accept: b("采纳", "Accept"),
  acceptLabel: b("采纳 {parcel} 作为{kind}拟建选址", "Accept {parcel} as a proposed {kind} site"),
  noSuggestions: b("没有符合条件的候选地块", "No eligible candidate parcels"),
  facilities: b("规划设施", "Plan facilities"),
  delete: b("删除", "Delete"),
  deleteLabel: b("删除设施 {name}", "Delete facility {name}"),
  statusLabel: b("设施 {name} 的状态", "Status of facility {name}"),
  showUncovered: b("显示未覆盖地块（{n}）", "Show uncovered parcels ({n})"),
  showUncoveredLabel: b(
    "在地图和表格中选中{kind}未覆盖的 {n} 宗地块",
    "Select the {n} parcels no {kind} covers, on the map and in the table",
  ),
  computing: b("正在计算覆盖…", "Computing coverage…"),
  failed: b("覆盖计算失败：{message}", "Coverage could not be computed: {message}"),
  noData: b("载入地块后可规划", "Load parcels to plan"),
  busFigures: b(
    "线路长 {length}，{stops} 个站点，预计单程 {minutes} 分钟（车速 {speed} 千米/小时，每站停靠 {dwell} 秒）",
    "{length} long, {stops} stops, about {minutes} min one way ({speed} km/h, {dwell} s per stop)",
  ),
  busCatchment: b(
    "站点 300 米内覆盖需求 {s300}，500 米内 {s500}（直线）；沿道路 {r300} / {r500}",
    "Demand within 300 m of a stop {s300}, within 500 m {s500} (straight); along the roads {r300} / {r500}",
  ),
  busSpacing: b("站距：{list}", "Stop spacing: {list}"),
  proposedName: b("{kind}（建议选址 {parcel}）", "{kind} (suggested site {parcel})"),
} satisfies Record<string, Bilingual>;
export type PlannerUiKey = keyof typeof PLANNER_UI;

/** Step names of facility edits (undo/redo buttons). */
export const FACILITY_STEP_TEXT: Record<string, Bilingual> = {
  "facility-accept": b("采纳选址 {parcelId}（{kindText}）", "accept site {parcelId} ({kindText})"),
  "facility-delete": b("删除设施 {name}", "delete facility {name}"),
  "facility-status": b("修改设施 {name} 状态", "change the status of {name}"),
};
