/**
 * Land-use groups for the default map colouring and its legend: the 2023 用地用海分类指南 codes of
 * `shared/spec/parcel-schema.md` folded into the groups a planner reads at a glance, with the
 * conventional planning colours (工业 brown, 物流仓储 violet, 居住 yellow, 公共服务 pink-red,
 * 商业 red, 绿地 green, 交通 grey, 公用设施 blue, 空闲地 near-white). The groups and their names
 * are the domain's (`src/domain/landuse.ts`); this module adds only the colours. Pure; the UI
 * legend uses the same table.
 */
import { LAND_USE_GROUP_NAMES, LAND_USE_GROUPS, type LandUseGroup } from "../domain/landuse";
import { LAND_USE_COLORS } from "../domain/palette";
import type { Colouring } from "./api";

export interface LandUseGroupInfo {
  color: string;
  zh: string;
  en: string;
  /** Codes (prefixes) of the 2023 classification in this group, for the legend's tooltip. */
  codes: string;
}

/** Group → colour, with the domain's names and codes (`src/domain/landuse.ts`), in legend order. */
export const LAND_USE_GROUP_INFO: Record<LandUseGroup, LandUseGroupInfo> = Object.fromEntries(
  LAND_USE_GROUPS.map((g) => [g, { color: LAND_USE_COLORS[g], ...LAND_USE_GROUP_NAMES[g] }]),
) as Record<LandUseGroup, LandUseGroupInfo>;

/** The default parcel colouring: by land-use group (needs the `landUseGroup` property). */
export function landUseColouring(): Colouring {
  return {
    kind: "categorical",
    field: "landUseGroup",
    categories: LAND_USE_GROUPS.filter((g) => g !== "other").map((g) => ({
      value: g,
      color: LAND_USE_GROUP_INFO[g].color,
    })),
    otherColor: LAND_USE_GROUP_INFO.other.color,
  };
}
