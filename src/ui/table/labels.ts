/**
 * zh/en labels of the coded values the table shows and filters on. Statuses, classes and clusters
 * come from the app's one label table (`ENUM_LABELS` of `src/i18n/ui.ts`); the table adds only the
 * "not recorded" choices its filters need and the flag names. Codes stay codes in data and exports.
 */

import { LAND_USE_GROUP_NAMES, type LandUseGroup } from "../../domain/landuse";
import type { Lang } from "../../i18n/lang";
import { ENUM_LABELS } from "../../i18n/ui";

type Labels = Record<string, { zh: string; en: string }>;

const NOT_RECORDED = { zh: "未记录", en: "Not recorded" };

export const IDLE_STATUS_LABELS: Labels = ENUM_LABELS.idleStatus;
export const EFFICIENCY_CLASS_LABELS: Labels = ENUM_LABELS.efficiencyClass;
export const INDUSTRY_CLUSTER_LABELS: Labels = { ...ENUM_LABELS.industryCluster, none: NOT_RECORDED };
export const CONSTRUCTION_STATUS_LABELS: Labels = { ...ENUM_LABELS.constructionStatus, none: NOT_RECORDED };

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
  const info = LAND_USE_GROUP_NAMES[group as LandUseGroup];
  return info ? info[lang] : group;
}
