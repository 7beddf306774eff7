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
  sampleContextBadge: b("示例背景图层（合成）", "Sample context layers (synthetic)"),
  sampleContextNotice: b(
    "地图上的道路、设施、片区边界和中心城区为合成的示例背景图层，仅作位置参考，并非真实数据；地块为您导入的数据。",
    "The roads, facilities, zone outlines and central urban area on the map are synthetic sample context, for orientation only — not real data; the parcels are the data you imported.",
  ),
  zone: b("片区", "Zone"),
  zoneAll: b("全部", "All"),
  noZone: b("未分区", "No zone"),
  language: b("语言", "Language"),
  langToggle: b("EN", "中文"),
  langToggleTitle: b("Switch to English", "切换到中文"),
  asOf: b("评价基准日", "As-of date"),
  asOfReset: b("恢复为数据截至日期", "Back to the survey date"),
  asOfIncomplete: b(
    "日期未输完（1900 年以后），尚未重新计算",
    "Date incomplete (from 1900 on): not applied yet",
  ),
  asOfBeforeData: b("早于数据最早供地日期 {date}", "Before the data’s earliest supply date, {date}"),
  asOfFuture: b("晚于今天（{date}），结果是推算", "After today ({date}): a projection"),
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
  // Custom basemap (the user's own tile server), the basemap failure notice and the layer list.
  basemapCustomAdd: b("自定义底图…", "Custom basemap…"),
  basemapCustomNamed: b("自定义：{name}", "Custom: {name}"),
  customBasemapEdit: b("编辑自定义底图", "Edit custom basemap"),
  customBasemapEditShort: b("编辑…", "Edit…"),
  customBasemapTitle: b("自定义底图", "Custom basemap"),
  customBasemapExplain: b(
    "填写栅格瓦片服务的地址模板，例如单位内网的瓦片服务器。支持 XYZ（{z}/{x}/{y}，可含子域名 {s}）、TMS（{-y}）和 WMTS（KVP 或 REST）。切片方案须为 Web 墨卡托（EPSG:3857）。",
    "Give the URL template of a raster tile service, such as your office's intranet tile server. XYZ ({z}/{x}/{y}, optionally {s} subdomains), TMS ({-y}) and WMTS (KVP or REST) are supported. The tile grid must be Web Mercator (EPSG:3857).",
  ),
  customBasemapUrl: b("瓦片地址模板", "Tile URL template"),
  customBasemapUrlExample: b(
    "例：https://tiles.example.gov.cn/{z}/{x}/{y}.png；WMTS：…?SERVICE=WMTS&REQUEST=GetTile&…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
    "e.g. https://tiles.example.gov.cn/{z}/{x}/{y}.png; WMTS: …?SERVICE=WMTS&REQUEST=GetTile&…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
  ),
  customBasemapName: b("名称", "Name"),
  customBasemapNameHint: b("不填则用服务器名", "Defaults to the server name"),
  customBasemapSubdomains: b("子域名（用于 {s}）", "Subdomains (for {s})"),
  customBasemapAttribution: b("版权说明", "Attribution"),
  customBasemapMinzoom: b("最小级别", "Min zoom"),
  customBasemapMaxzoom: b("最大级别", "Max zoom"),
  customBasemapTileSize: b("瓦片尺寸（像素）", "Tile size (px)"),
  customBasemapKind: b("识别为：{kind}", "Recognised as: {kind}"),
  customBasemapStored: b(
    "设置仅保存在本浏览器中；取消则保持当前底图。",
    "Stored only in this browser. Cancel to keep the current basemap.",
  ),
  customBasemapErrors: b("请修改标出的项目。", "Please correct the marked fields."),
  tileErr_empty: b("请填写瓦片地址模板。", "Give the tile URL template."),
  tileErr_tooLong: b("地址过长（最多 2000 个字符）。", "The address is too long (at most 2,000 characters)."),
  tileErr_spaces: b("地址中不能有空格或换行。", "The address cannot contain spaces or line breaks."),
  tileErr_notUrl: b(
    "不是有效的网址：应以 http:// 或 https:// 开头，并含服务器名。",
    "Not a valid address: it must start with http:// or https:// and name a server.",
  ),
  tileErr_scheme: b(
    "只支持 http:// 和 https:// 地址。",
    "Only http:// and https:// addresses are supported.",
  ),
  tileErr_credentials: b(
    "地址中不能含用户名和密码（浏览器不允许这样请求瓦片）。",
    "The address cannot contain a user name and password (browsers refuse such tile requests).",
  ),
  tileErr_unknownPlaceholder: b(
    "不认识的占位符 {detail}：可用 {z} {x} {y} {-y} {s}，WMTS 可用 {TileMatrix} {TileRow} {TileCol}。",
    "Unknown placeholder {detail}: use {z} {x} {y} {-y} {s}, or for WMTS {TileMatrix} {TileRow} {TileCol}.",
  ),
  tileErr_badBrace: b("花括号不成对：“{detail}”。", "Unmatched brace: “{detail}”."),
  tileErr_missingPlaceholders: b(
    "缺少占位符 {detail}（瓦片的级别、列号、行号）。",
    "Missing placeholder(s) {detail} (the tile's zoom, column and row).",
  ),
  tileErr_yAndMinusY: b(
    "{y} 和 {-y} 只能用一个（{-y} 表示 TMS 行号，自南向北）。",
    "Use either {y} or {-y} ({-y} is the TMS row, counted from the south).",
  ),
  tileErr_wmtsCapabilities: b(
    "这是 WMTS 能力文档（GetCapabilities）的地址。请填写取瓦片（GetTile）的地址模板，含 TILEMATRIX={z}&TILEROW={y}&TILECOL={x}。",
    "This is the WMTS capabilities (GetCapabilities) address. Give the GetTile URL template, with TILEMATRIX={z}&TILEROW={y}&TILECOL={x}.",
  ),
  tileErr_wmtsParams: b(
    "WMTS GetTile 地址须含 TILEMATRIX={z}、TILEROW={y} 和 TILECOL={x}。",
    "A WMTS GetTile address needs TILEMATRIX={z}, TILEROW={y} and TILECOL={x}.",
  ),
  tileErr_subdomains: b(
    "子域名格式不对：如 abc 或 t0,t1,t2（字母、数字、连字符）。",
    "Malformed subdomains: e.g. abc or t0,t1,t2 (letters, digits, hyphens).",
  ),
  tileErr_nameTooLong: b("名称最多 40 个字符。", "The name has at most 40 characters."),
  tileErr_attributionTooLong: b("版权说明最多 200 个字符。", "The attribution has at most 200 characters."),
  tileErr_zoom: b("级别应为 0–24 的整数。", "A zoom level is a whole number from 0 to 24."),
  tileErr_zoomOrder: b("最大级别不能小于最小级别。", "The max zoom cannot be below the min zoom."),
  tileErr_tileSize: b("瓦片尺寸应为 256 或 512。", "The tile size is 256 or 512."),
  basemapFailed: b(
    "{name}：底图瓦片无法加载（网络不可用或地址错误），地图数据不受影响。可在“底图”中改选“无底图”或自定义底图地址。",
    '{name}: the basemap tiles cannot be loaded (no network or a wrong address); the map data is not affected. Choose "None" or a custom tile URL under Basemap.',
  ),
  basemapFailedNone: b("改为无底图", "Use no basemap"),
  noticeDismiss: b("关闭提示", "Dismiss"),
  layers: b("图层", "Layers"),
  layerRoads: b("道路", "Roads"),
  layerFacilities: b("配套设施", "Facilities"),
  layerZones: b("片区范围", "Zone boundaries"),
  layerCentralUrbanArea: b("中心城区", "Central urban area"),
  layerFlags: b("问题地块标注（闲置、低效）", "Flag overlay (idle, underperforming)"),
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
  legendCount: b("{n} 宗", "{n}"),
  flags: b("问题地块标注", "Flag overlay"),
  flagsShow: b("在地图上标出闲置与低效地块", "Mark idle and underperforming parcels on the map"),
  flagIdle: b("闲置土地（斜线）", "Idle land (diagonal hatch)"),
  flagUnder: b("低效用地（交叉线）", "Underperforming (cross-hatch)"),
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
  checkSourceStale: b(
    "依据文字中的数值与所用标准不符，以上面的要求为准",
    "The source text's numbers differ from the applied threshold; the requirement above applies",
  ),
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
  areaBasisLine: b("面积计算基准：{basis}", "Area basis: {basis}"),
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
  tableSlot: b("表格与导出", "Table and exports"),
  exportSlot: b("导出", "Export"),
  mapLabel: b("地块地图", "Parcel map"),
  skipToMap: b("跳到地图", "Skip to map"),
  escClears: b("按 Esc 取消选择", "Esc clears the selection"),
  groupLandUse: b("用地类型", "Land use"),
  legendAll: b("全部数值", "All values"),
  legendFilterHint: b(
    "单击只显示该类地块（地图与表格），再次单击恢复全部",
    "Click to show only this class (map and table); click again to show all",
  ),
  legendRename: b("重命名图例「{label}」", "Rename legend class “{label}”"),
  standardsCurrent: b("当前标准：{name}", "Current standards: {name}"),
  standardsLoadShort: b("标准…", "Standards…"),
  standardsProblems: b("标准文件 {file}：", "Standards file {file}:"),
  summaryRowHead: b("项目", "Item"),
  dataNotice: b("数据说明", "About the data"),
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
