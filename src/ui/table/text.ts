/** zh/en strings of the table's toolbar additions: active-filter chips, the empty-table hint, the column chooser. */
import type { Lang } from "../../i18n/lang";

export const TABLE_TEXT = {
  activeFilters: { zh: "当前筛选", en: "Active filters" },
  chipZone: { zh: "片区：{zone}", en: "Zone: {zone}" },
  chipFlag: { zh: "标注：{flag}", en: "Flag: {flag}" },
  chipRange: { zh: "{title}：{range}", en: "{title}: {range}" },
  chipRemove: { zh: "取消筛选「{what}」", en: "Remove filter “{what}”" },
  hintOtherZone: { zh: "在{zone}有 {n} 个匹配", en: "{n} match{es} in {zone}" },
  hintOtherZones: { zh: "其他片区有 {n} 个匹配", en: "{n} match{es} in other zones" },
  hintClearZone: { zh: "清除片区筛选", en: "Clear the zone filter" },
  hintOtherFilters: { zh: "清除其他筛选后有 {n} 个匹配", en: "{n} match{es} without the other filters" },
  hintClearOthers: { zh: "清除其他筛选", en: "Clear the other filters" },
  hintNoFilters: { zh: "不加筛选共有 {n} 宗地块", en: "{n} parcel{s} without filters" },
  hintClearAll: { zh: "清除筛选", en: "Clear the filters" },
  noData: { zh: "暂无数据", en: "No data" },
  noMatch: { zh: "没有符合筛选条件的地块", en: "No parcel matches the filter" },
  columns: { zh: "列", en: "Columns" },
  columnsTitle: { zh: "选择显示的列", en: "Choose the columns shown" },
  columnsReset: { zh: "显示全部列", en: "Show all columns" },
  columnsAlways: { zh: "（始终显示）", en: " (always shown)" },
} satisfies Record<string, Record<Lang, string>>;

/** `TABLE_TEXT[key]` in `lang`, with `{name}` filled; `{s}`/`{es}` pluralise English on `n`. */
export function tt(
  key: keyof typeof TABLE_TEXT,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const n = typeof params.n === "number" ? params.n : 2;
  const p: Record<string, string | number> = { s: n === 1 ? "" : "s", es: n === 1 ? "" : "es", ...params };
  return TABLE_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => String(p[k] ?? m));
}
