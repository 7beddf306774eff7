/**
 * The map tools' words (toolbar, measure panel, home control, hover) in zh and en, and how
 * measurements read: lengths in m below 1 km, else km; areas in m² and 亩 (mu), rounded for
 * display only.
 */
import { type Bilingual, fill, type Lang } from "./lang";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const MAP_TOOL_TEXT = {
  toolbar: b("地图工具", "Map tools"),
  select: b("选择", "Select"),
  selectHint: b(
    "点击地块选择；按住 Shift 或 Ctrl 点击可多选",
    "Click a parcel to select it; Shift- or Ctrl-click adds or removes",
  ),
  measureDistance: b("测距", "Distance"),
  measureDistanceHint: b("测量距离", "Measure a distance"),
  measureArea: b("测面积", "Area"),
  measureAreaHint: b("测量面积", "Measure an area"),
  shortcut: b("快捷键 {key}", "shortcut {key}"),
  panelTitle: b("量测结果", "Measurement"),
  length: b("长度", "Length"),
  perimeter: b("周长", "Perimeter"),
  area: b("面积", "Area"),
  vertices: b("{n} 个点", "{n} points"),
  drawingHint: b(
    "单击添加点，双击或按 Enter 结束，Backspace 撤销上一点，Esc 取消",
    "Click to add points; double-click or Enter finishes, Backspace removes the last point, Esc cancels",
  ),
  startHint: b("在地图上单击开始量测", "Click on the map to start measuring"),
  doneHint: b("已完成。单击地图开始新的量测", "Finished. Click on the map to start a new measurement"),
  planeNote: b("按分析坐标系 {crs} 平面计算", "Planar, in the analysis CRS {crs}"),
  clear: b("清除", "Clear"),
  home: b("全图（显示全部地块）", "Full extent (all parcels)"),
} satisfies Record<string, Bilingual>;

export type MapToolTextKey = keyof typeof MAP_TOOL_TEXT;

/** A map tool text in the language, `{placeholders}` filled. */
export function mapToolText(key: MapToolTextKey, lang: Lang, params?: Record<string, unknown>): string {
  return fill(MAP_TOOL_TEXT[key][lang], params);
}

/** The parts of a measurement that are shown (the map's `Measurement` has these and more). */
export interface MeasuredValues {
  kind: "distance" | "area";
  lengthM: number;
  areaM2: number | null;
  areaMu: number | null;
}

const formatters = new Map<string, Intl.NumberFormat>();
function num(v: number, decimals: number, lang: Lang): string {
  const k = `${lang}:${decimals}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(k, f);
  }
  return f.format(v);
}

/** A length: "86.4 m", "512 m", "1.23 km". */
export function formatLength(m: number, lang: Lang): string {
  if (m >= 1000) return `${num(m / 1000, 2, lang)} km`;
  return `${num(m, m < 100 ? 1 : 0, lang)} m`;
}

/** An area in m²: "12,345 m²" (one decimal below 100 m²). */
export function formatAreaM2(m2: number, lang: Lang): string {
  return `${num(m2, m2 < 100 ? 1 : 0, lang)} m²`;
}

/** An area in 亩: "18.52 亩" / "18.52 mu". */
export function formatAreaMu(mu: number, lang: Lang): string {
  return `${num(mu, 2, lang)} ${lang === "zh" ? "亩" : "mu"}`;
}

/**
 * The measurement in one text: a distance's length, or a polygon's area in m² and 亩 (on the map
 * on two lines, in a panel on one).
 */
export function formatMeasurement(m: MeasuredValues, lang: Lang, where: "map" | "panel" = "panel"): string {
  if (m.kind === "distance" || m.areaM2 === null || m.areaMu === null) return formatLength(m.lengthM, lang);
  const sep = where === "map" ? "\n" : " · ";
  return `${formatAreaM2(m.areaM2, lang)}${sep}${formatAreaMu(m.areaMu, lang)}`;
}
