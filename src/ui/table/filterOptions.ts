/**
 * The choices offered by the table's filter drop-downs: the values present in the data, with
 * their labels and counts, in a stable order. Pure (tested in `tests/unit/ui/table-filter.test.ts`).
 * The matching itself is the store's `matchesFilter` (shared with the map dimming and exports),
 * so a choice's value is exactly what that predicate compares: `none` stands for "not recorded".
 */
import { LAND_USE_GROUPS, landUseGroup } from "../../domain/landuse";
import type { AnalysedParcel } from "../../domain/types";
import type { Lang } from "../../i18n/lang";
import type { TableFilter } from "../../state/types";
import {
  CONSTRUCTION_STATUS_LABELS,
  EFFICIENCY_CLASS_LABELS,
  IDLE_STATUS_LABELS,
  INDUSTRY_CLUSTER_LABELS,
  labelOf,
  landUseGroupLabel,
} from "./labels";

export type SelectFilterName =
  | "zone"
  | "landUseGroup"
  | "industryCluster"
  | "constructionStatus"
  | "idleStatus"
  | "efficiencyClass";

export const SELECT_FILTERS: readonly SelectFilterName[] = [
  "zone",
  "landUseGroup",
  "industryCluster",
  "constructionStatus",
  "idleStatus",
  "efficiencyClass",
];

export interface FilterChoice {
  value: string;
  label: string;
  count: number;
}

/** The value of `p` the filter `name` compares (as `matchesFilter` does). */
export function filterValueOf(p: AnalysedParcel, name: SelectFilterName): string | null {
  switch (name) {
    case "zone":
      return p.input.zone ?? null;
    case "landUseGroup":
      return landUseGroup(p.input.landUse);
    case "industryCluster":
      return p.input.industryCluster ?? "none";
    case "constructionStatus":
      return p.input.constructionStatus ?? "none";
    case "idleStatus":
      return p.computed.idleStatus;
    case "efficiencyClass":
      return p.computed.efficiencyClass ?? "none";
  }
}

/** Preferred order of the known codes of each filter (unknown values follow, alphabetically). */
const ORDER: Record<SelectFilterName, readonly string[]> = {
  zone: [],
  landUseGroup: LAND_USE_GROUPS,
  industryCluster: Object.keys(INDUSTRY_CLUSTER_LABELS),
  constructionStatus: Object.keys(CONSTRUCTION_STATUS_LABELS),
  idleStatus: Object.keys(IDLE_STATUS_LABELS),
  efficiencyClass: Object.keys(EFFICIENCY_CLASS_LABELS),
};

function labelFor(
  name: SelectFilterName,
  value: string,
  lang: Lang,
  zoneName: (id: string) => string,
): string {
  switch (name) {
    case "zone":
      return zoneName(value);
    case "landUseGroup":
      return landUseGroupLabel(value, lang);
    case "industryCluster":
      return labelOf(INDUSTRY_CLUSTER_LABELS, value, lang);
    case "constructionStatus":
      return labelOf(CONSTRUCTION_STATUS_LABELS, value, lang);
    case "idleStatus":
      return labelOf(IDLE_STATUS_LABELS, value, lang);
    case "efficiencyClass":
      return labelOf(EFFICIENCY_CLASS_LABELS, value, lang);
  }
}

const countsCache = new WeakMap<readonly AnalysedParcel[], Map<SelectFilterName, Map<string, number>>>();

/**
 * How many of `parcels` have each value of filter `name`, memoised per parcels array (so a large
 * result's counts are made once, before it is written: `warmFilterCounts`).
 */
function valueCounts(parcels: readonly AnalysedParcel[], name: SelectFilterName): Map<string, number> {
  let byName = countsCache.get(parcels);
  if (!byName) {
    byName = new Map();
    countsCache.set(parcels, byName);
  }
  let counts = byName.get(name);
  if (!counts) {
    counts = new Map<string, number>();
    for (const p of parcels) {
      const v = filterValueOf(p, name);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    byName.set(name, counts);
  }
  return counts;
}

/** Count the values of drop-down `name` over `parcels` (memoised; see `valueCounts`). */
export function warmFilterCounts(parcels: readonly AnalysedParcel[], name: SelectFilterName): void {
  valueCounts(parcels, name);
}

/**
 * The choices of filter `name` over all `parcels`: one per value present, with its count.
 * Zones follow `zoneOrder` (the zones layer's order); other filters their code order.
 */
export function filterChoices(
  parcels: readonly AnalysedParcel[],
  name: SelectFilterName,
  lang: Lang,
  zoneName: (id: string) => string,
  zoneOrder: readonly string[] = [],
): FilterChoice[] {
  const counts = valueCounts(parcels, name);
  const order = name === "zone" ? zoneOrder : ORDER[name];
  const rank = (v: string) => {
    const i = order.indexOf(v);
    return i < 0 ? order.length : i;
  };
  return [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, count]) => ({ value, count, label: labelFor(name, value, lang, zoneName) }));
}

/** The filter patch that sets drop-down `name` to `value` ("" = any). */
export function selectPatch(name: SelectFilterName, value: string): Partial<TableFilter> {
  return { [name]: value === "" ? null : value } as Partial<TableFilter>;
}
