/**
 * zh/en labels of the coded values the table shows and filters on (statuses, clusters, classes).
 * Codes stay codes in data and exports; these are for display only.
 */
import type { Lang } from "../../i18n/lang";
import { LAND_USE_GROUP_INFO, type LandUseGroup } from "../../map/landuse";

type Labels = Record<string, { zh: string; en: string }>;

export const IDLE_STATUS_LABELS: Labels = {
  none: { zh: "未闲置", en: "Not idle" },
  overdue: { zh: "逾期未动工", en: "Start overdue" },
  "idle-1y": { zh: "闲置满一年", en: "Idle ≥ 1 year" },
  "idle-2y": { zh: "闲置满两年", en: "Idle ≥ 2 years" },
  "idle-halted": { zh: "停工闲置", en: "Halted, idle" },
};

export const EFFICIENCY_CLASS_LABELS: Labels = {
  A: { zh: "A 优先发展", en: "A Prioritise" },
  B: { zh: "B 提升发展", en: "B Upgrade" },
  C: { zh: "C 调控帮扶", en: "C Support" },
  D: { zh: "D 倒逼整治", en: "D Remediate" },
  none: { zh: "未评价", en: "Not evaluated" },
};

export const INDUSTRY_CLUSTER_LABELS: Labels = {
  "selenium-food-pharma": { zh: "富硒食品与医药", en: "Selenium food & pharma" },
  "building-materials": { zh: "新型建材", en: "Building materials" },
  "machinery-electronics": { zh: "机械电子", en: "Machinery & electronics" },
  garments: { zh: "服装加工", en: "Garments" },
  "resource-recycling": { zh: "资源综合利用", en: "Resource recycling" },
  photovoltaic: { zh: "光伏发电", en: "Photovoltaic" },
  "electronic-components": { zh: "电子元配件", en: "Electronic components" },
  "daily-chemicals": { zh: "日用化工", en: "Daily chemicals" },
  other: { zh: "其他", en: "Other" },
  none: { zh: "未记录", en: "Not recorded" },
};

export const CONSTRUCTION_STATUS_LABELS: Labels = {
  "not-started": { zh: "未动工", en: "Not started" },
  "under-construction": { zh: "在建", en: "Under construction" },
  halted: { zh: "停工", en: "Halted" },
  completed: { zh: "已竣工", en: "Completed" },
  "in-production": { zh: "已投产", en: "In production" },
  none: { zh: "未记录", en: "Not recorded" },
};

export const FLAG_LABELS: Labels = {
  candidate: { zh: "腾笼换鸟候选", en: "Reallocation candidate" },
  belowStandard: { zh: "未达标", en: "Below standard" },
};

/** The label of `code` in `labels`, or the code itself when unknown. */
export function labelOf(labels: Labels, code: string, lang: Lang): string {
  const l = labels[code];
  return l ? l[lang] : code;
}

/** The land-use group label (工业用地 …) of a group id. */
export function landUseGroupLabel(group: string, lang: Lang): string {
  const info = LAND_USE_GROUP_INFO[group as LandUseGroup];
  return info ? info[lang] : group;
}
