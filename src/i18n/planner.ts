/**
 * Texts of the six-ones (六个一) planner: facility kinds and statuses, the checklist, coverage,
 * site suggestions and the bus-line figures, in zh and en.
 */
import type { SpacingBand } from "../domain/bus-line";
import type { FacilityKind, FacilityStatus } from "../domain/coverage";
import type { PlanCsvText } from "../io/plan-write";
import type { Bilingual, Lang } from "./lang";

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
  proposedNote: b(
    "建议只计现状和已规划设施的覆盖：拟建（建议）设施尚待决定，不计入，所以采纳一处后其余建议不变；改为“已规划”后才计入。",
    "Suggestions count only existing and planned facilities: proposed ones are still being decided, so accepting one leaves the other suggestions as they were; set it to planned to count it.",
  ),
  tools: b("在地图上规划", "Plan on the map"),
  toolPlacePoint: b("布设点位", "Place a point"),
  toolPlacePolygon: b("绘制用地", "Draw a site"),
  toolMove: b("移动所选设施", "Move the selected facility"),
  toolBus: b("绘制公交线路", "Draw the bus line"),
  toolCancel: b("取消（Esc）", "Cancel (Esc)"),
  hintPlacePoint: b("在地图上单击放置{kind}（Esc 取消）", "Click the map to place the {kind} (Esc cancels)"),
  hintPlacePolygon: b(
    "单击添加用地边界点，双击或回车结束；退格删除上一点，Esc 取消",
    "Click the site's corners, double-click or Enter to finish; Backspace removes the last, Esc cancels",
  ),
  hintMove: b(
    "在地图上单击设施的新位置（Esc 取消）",
    "Click the facility's new place on the map (Esc cancels)",
  ),
  hintBusRouted: b(
    "依次单击站点（第一站在园区，末站在中心城区），双击或回车结束；线路沿道路自动布设",
    "Click the stops in order (first in the park, last in the central urban area), double-click or Enter to finish; the line follows the roads",
  ),
  hintBus: b(
    "依次单击线路折点，每个折点即一个站点，双击或回车结束",
    "Click the line's vertices in order, each one a stop; double-click or Enter to finish",
  ),
  busRouted: b("沿道路布线（单击的点为站点）", "Route along the roads (clicked points are stops)"),
  placeOnParcel: b("布设到所选地块", "Place on the selected parcel"),
  placeOnParcelLabel: b(
    "在所选地块 {parcel} 的代表点布设{kind}",
    "Place a {kind} at the representative point of the selected parcel {parcel}",
  ),
  showUncoveredLayer: b("地图上标出未覆盖地块", "Highlight uncovered parcels on the map"),
  allFacilities: b("全部设施", "All facilities"),
  select: b("选择", "Select"),
  selectLabel: b("选择设施 {name}，在地图上显示其服务范围", "Select {name} and show its service area"),
  editTitle: b("设施属性：{name}", "Facility: {name}"),
  name: b("名称", "Name"),
  capacity: b("规模（座位/床位等）", "Capacity (places, beds …)"),
  level: b("学段", "School level"),
  levelPrimary: b("小学（服务半径 {m} 米）", "Primary ({m} m)"),
  levelJunior: b("初中（服务半径 {m} 米）", "Junior ({m} m)"),
  lon: b("经度", "Longitude"),
  lat: b("纬度", "Latitude"),
  applyCoords: b("按坐标移动", "Move to these coordinates"),
  coordsBad: b(
    "经纬度无效：经度 -180–180，纬度 -90–90",
    "Invalid coordinates: longitude -180–180, latitude -90–90",
  ),
  siteNote: b("用地（面），以其代表点计算覆盖", "A site (polygon): coverage from its representative point"),
  facilityCoverage: b("覆盖 {n} 人，占 {share}", "covers {n} persons, {share}"),
  legendTitle: b("服务范围图例", "Service areas"),
  legendCircle: b("直线服务半径（{m} 米圆）", "Straight-line service distance ({m} m circle)"),
  legendRoadArea: b(
    "沿路服务范围：地块代表点到最近道路的距离＋沿路距离 ≤ {m} 米（与覆盖统计同一规则，{cell} 米网格）",
    "Served along the roads: leg to the nearest road + distance along the roads ≤ {m} m (the rule the figures use; {cell} m grid)",
  ),
  legendRoadReach: b("服务半径内沿路可达的道路", "Roads reached within the service distance"),
  legendUncovered: b("未被任何{kind}覆盖的地块（有从业或居住人口）", "Parcels with demand no {kind} covers"),
  legendBus: b("公交线路与站点（编号）", "Bus line and its stops (numbered)"),
  baselineVsPlan: b(
    "现状覆盖 {baseline}；加上已规划和拟建设施 {share}（新增 {added}）",
    "Existing facilities cover {baseline}; with planned and proposed ones {share} (adds {added})",
  ),
  importFacilities: b("导入设施图层（GeoJSON）", "Import facility layer (GeoJSON)"),
  exportFacilities: b("导出设施图层（GeoJSON）", "Export facility layer (GeoJSON)"),
  exportPlanGeojson: b("导出规划（GeoJSON）", "Export the plan (GeoJSON)"),
  exportPlanCsv: b("导出设施覆盖表（CSV）", "Export facility coverage (CSV)"),
  exportParcelCsv: b("导出地块覆盖表（CSV）", "Export parcel coverage (CSV)"),
  exportTitle: b("导入与导出", "Import and export"),
  imported: b("已导入 {count} 处设施（{file}）", "Imported {count} facilities ({file})"),
  importNone: b("{file} 中没有可用的六个一设施", "{file} holds no usable six-ones facilities"),
  busUseLineTool: b("公交线路请用“绘制公交线路”", "Use “Draw the bus line” for the bus"),
  drawFailed: b("绘制未完成，未作修改", "The drawing was not finished; nothing changed"),
  moveNothing: b(
    "请先在列表中选择要移动的设施（公交线路请重绘）",
    "Select the facility to move first (redraw a bus line)",
  ),
  routeNoRoads: b(
    "未载入道路，无法沿路布线；可取消“沿道路布线”直接绘制",
    "No roads loaded: cannot route; untick “Route along the roads” to draw the line",
  ),
  routeFailed: b(
    "第 {from} 站到第 {to} 站之间找不到相连的道路（站点离路超过 500 米或道路不连通）",
    "No connected road between stops {from} and {to} (a stop over 500 m from a road, or roads not connected)",
  ),
  dismiss: b("知道了", "Dismiss"),
  inScenario: b(
    "当前打开方案「{name}」：六个一设施属于基准规划，在此添加或修改的设施在基准和各方案中都可见；Ctrl+Z 可在本方案中依次撤销。",
    "Scenario “{name}” is open: the six-ones facilities are the base plan's, so one placed or changed here shows in the base and every scenario; Ctrl+Z here takes it back in turn.",
  ),
} satisfies Record<string, Bilingual>;
export type PlannerUiKey = keyof typeof PLANNER_UI;

/** Step names of facility edits (undo/redo buttons). */
export const FACILITY_STEP_TEXT: Record<string, Bilingual> = {
  "facility-accept": b("采纳选址 {parcelId}（{kindText}）", "accept site {parcelId} ({kindText})"),
  "facility-delete": b("删除设施 {name}", "delete facility {name}"),
  "facility-status": b("修改设施 {name} 状态", "change the status of {name}"),
  "facility-add": b("新增设施 {name}", "add facility {name}"),
  "facility-place": b("在地图上布设 {name}", "place {name} on the map"),
  "facility-draw": b("在地图上绘制用地 {name}", "draw the site of {name}"),
  "facility-move": b("移动设施 {name}", "move {name}"),
  "facility-edit": b("修改设施 {name}", "edit {name}"),
  "facility-import": b("导入设施图层（{count} 处）", "import the facility layer ({count})"),
  "bus-draw": b("绘制公交线路 {name}", "draw the bus line {name}"),
  "bus-redraw": b("重绘公交线路 {name}", "redraw the bus line {name}"),
};

/** The plan CSV's words in `lang` (`io/plan-write.ts`): the app's plan export and the CLI's `coverage --format csv`. */
export function planCsvText(lang: Lang, synthetic?: { column: string; cell: string }): PlanCsvText {
  const zh = lang === "zh";
  return {
    lang,
    facilityHead: zh
      ? [
          "设施编号",
          "类型",
          "名称",
          "状态",
          "服务半径（米）",
          "距离算法",
          "覆盖需求（人）",
          "覆盖比例（%）",
          "规模",
          "学段",
          "经度",
          "纬度",
          "线路长度（米）",
          "站点数",
          "预计单程（分钟）",
        ]
      : [
          "Facility",
          "Kind",
          "Name",
          "Status",
          "Service distance (m)",
          "Distance",
          "Covered demand (persons)",
          "Share (%)",
          "Capacity",
          "School level",
          "Longitude",
          "Latitude",
          "Line length (m)",
          "Stops",
          "Run time (min)",
        ],
    parcelHead: zh ? ["宗地编号", "需求（从业＋居住，人）"] : ["Parcel", "Demand (employees + residents)"],
    parcelKindHead: (k) =>
      zh
        ? [`${k}最近距离（米）`, `${k}现状覆盖`, `${k}规划后覆盖`]
        : [`${k}: nearest (m)`, `${k}: covered now`, `${k}: covered with the plan`],
    kind: (k) => FACILITY_KIND_TEXT[k][lang],
    status: (s) => CHECKLIST_STATUS_TEXT[s][lang],
    method: (m) => (m === "road" ? (zh ? "沿道路" : "along the roads") : zh ? "直线" : "straight-line"),
    level: (l) => (l === "junior" ? (zh ? "初中" : "junior") : zh ? "小学" : "primary"),
    yes: zh ? "是" : "yes",
    no: zh ? "否" : "no",
    ...(synthetic ? { synthetic } : {}),
  };
}
