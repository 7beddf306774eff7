/**
 * The fictional enterprises of the synthetic park and the situation each one is in. Names are
 * invented (any likeness to a real company is unintended). Each situation exists so that a rule
 * of domain.md §4–§7 has a real case at the survey date 2026-06-30.
 */
import type { CheckedIndicator, IndustryCluster } from "../../domain/types";
import type { ZoneId } from "./layout";

export type Situation =
  /** In production; `big` firms are above designated size (规上, revenue ≥ 2000 万元). */
  | {
      kind: "prod";
      size: "big" | "small";
      /** Fail this one check (or the parcel's own agreed tax target). */
      fail?: CheckedIndicator | "agreed-tax";
      /** A clearly weak performer (the lowest efficiency score: class D). */
      weak?: boolean;
      /** `partial`: no floor area, energy or R&D recorded; `all`: no economic data reported yet. */
      missing?: "partial" | "all";
      /** Standard-land (标准地) agreed targets recorded. */
      agreed?: boolean;
    }
  | { kind: "logistics" }
  | { kind: "completed" }
  | { kind: "building" }
  /** Halted: `area` (< 1/3 developed), `invest` (< 25 % invested), `boundary` (exactly 1 year, exactly 25 %, 40 % developed: not idle), `recent` (halted < 1 year). */
  | { kind: "halted"; variant: "area" | "invest" | "boundary" | "recent" }
  | { kind: "not-started"; agreedStart: string; governmentCause?: boolean; noLandPrice?: boolean };

export interface EnterpriseSpec {
  name: string;
  zone: ZoneId;
  cluster: IndustryCluster;
  /** GB/T 4754-2017 two-digit major class. */
  code: string;
  /** Land-use code (2023 用地用海分类): 100101–100103 industrial classes 1–3, 1101 logistics. */
  landUse: string;
  highTech: boolean;
  parcels: 1 | 2;
  situation: Situation;
}

const e = (
  name: string,
  zone: ZoneId,
  cluster: IndustryCluster,
  code: string,
  landUse: string,
  situation: Situation,
  opts: { highTech?: boolean; parcels?: 1 | 2 } = {},
): EnterpriseSpec => ({
  name,
  zone,
  cluster,
  code,
  landUse,
  highTech: opts.highTech ?? false,
  parcels: opts.parcels ?? 1,
  situation,
});

const H: ZoneId = "huangtukan";
const D: ZoneId = "dayangbang";
const big = { kind: "prod", size: "big" } as const;
const small = { kind: "prod", size: "small" } as const;

export const ENTERPRISES: readonly EnterpriseSpec[] = [
  // Huangtukan: selenium-rich food & pharma, new building materials, machinery & electronics (valves),
  // resource recycling, garments.
  e("建始县硒源食品有限公司", H, "selenium-food-pharma", "13", "100101", big, { parcels: 2 }),
  e("建始县硒泉茶业有限公司", H, "selenium-food-pharma", "15", "100101", big, { highTech: true }),
  e("建始县华岩新型建材有限公司", H, "building-materials", "30", "100102", big, { parcels: 2 }),
  e(
    "建始县恒固装配式建筑科技有限公司",
    H,
    "building-materials",
    "30",
    "100102",
    { ...big, agreed: true },
    {
      highTech: true,
    },
  ),
  e("建始县鼎力阀门制造有限公司", H, "machinery-electronics", "34", "100102", big, {
    highTech: true,
    parcels: 2,
  }),
  e("建始县恒通流体控制设备有限公司", H, "machinery-electronics", "34", "100102", big),
  e("建始县岩韵魔芋制品有限公司", H, "selenium-food-pharma", "14", "100101", small),
  e("建始县本草源中药饮片有限公司", H, "selenium-food-pharma", "27", "100102", {
    ...small,
    fail: "greenRatio",
  }),
  e("建始县精工阀门配件有限公司", H, "machinery-electronics", "34", "100102", {
    ...small,
    fail: "buildingCoverage",
  }),
  e("建始县长梁机械制造有限公司", H, "machinery-electronics", "34", "100102", {
    ...small,
    fail: "adminRatio",
  }),
  e("建始县再生源资源回收利用有限公司", H, "resource-recycling", "42", "100103", small),
  e("建始县绿循环保科技有限公司", H, "resource-recycling", "42", "100103", { ...small, missing: "partial" }),
  e("建始县锦绣服饰有限公司", H, "garments", "18", "100101", { ...small, fail: "investmentPerMu" }),
  e("建始县巧手服装加工有限公司", H, "garments", "18", "100101", { ...small, weak: true }),
  e("建始县康硒药业有限公司", H, "selenium-food-pharma", "27", "100102", { kind: "completed" }),
  e("建始县德胜阀门有限公司", H, "machinery-electronics", "34", "100102", { kind: "building" }),
  e("建始县金鼎新材料有限公司", H, "building-materials", "30", "100102", { kind: "halted", variant: "area" }),
  e("建始县鑫源机电设备有限公司", H, "machinery-electronics", "34", "100102", {
    kind: "halted",
    variant: "invest",
  }),
  e("建始县恩达食品有限公司", H, "selenium-food-pharma", "13", "100101", {
    kind: "halted",
    variant: "boundary",
  }),
  e("建始县宏远建材有限公司", H, "building-materials", "30", "100102", {
    kind: "not-started",
    agreedStart: "2026-03-15",
  }),
  e("建始县瑞丰机械有限公司", H, "machinery-electronics", "34", "100102", {
    kind: "not-started",
    agreedStart: "2025-06-30",
  }),
  e("建始县天宇电子科技有限公司", H, "machinery-electronics", "39", "100101", {
    kind: "not-started",
    agreedStart: "2024-06-30",
  }),
  e("建始县富华硒业有限公司", H, "selenium-food-pharma", "13", "100101", {
    kind: "not-started",
    agreedStart: "2024-02-29",
  }),
  e("建始县园通物流有限公司", H, "other", "", "1101", { kind: "logistics" }),
  // Dayangbang: selenium-rich food, building materials, photovoltaic, electronic components.
  e("建始县硒禾粮油有限公司", D, "selenium-food-pharma", "13", "100101", big),
  e(
    "建始县阳坡新能源科技有限公司",
    D,
    "photovoltaic",
    "38",
    "100102",
    { ...big, agreed: true },
    {
      highTech: true,
    },
  ),
  e("建始县恒芯电子有限公司", D, "electronic-components", "39", "100101", big, {
    highTech: true,
    parcels: 2,
  }),
  e("建始县硒味坊食品有限公司", D, "selenium-food-pharma", "14", "100101", {
    ...small,
    fail: "agreed-tax",
    agreed: true,
  }),
  e("建始县宏基新型墙材有限公司", D, "building-materials", "30", "100102", { ...small, fail: "far" }),
  e("建始县微联电子有限公司", D, "electronic-components", "39", "100101", { ...small, fail: "taxPerMu" }),
  e("建始县精连线束有限公司", D, "electronic-components", "38", "100101", { ...small, fail: "outputPerMu" }),
  e("建始县光耀光伏支架有限公司", D, "photovoltaic", "33", "100102", { ...small, missing: "all" }),
  e("建始县清江硒茶有限公司", D, "selenium-food-pharma", "15", "100101", { kind: "building" }),
  e("建始县大样榜建材有限公司", D, "building-materials", "30", "100102", {
    kind: "halted",
    variant: "recent",
  }),
  e("建始县光辉新能源有限公司", D, "photovoltaic", "38", "100102", {
    kind: "not-started",
    agreedStart: "2025-07-01",
  }),
  e("建始县兴业电子元件有限公司", D, "electronic-components", "39", "100101", {
    kind: "not-started",
    agreedStart: "2024-11-20",
    governmentCause: true,
  }),
  e("建始县聚鑫食品有限公司", D, "selenium-food-pharma", "13", "100101", {
    kind: "not-started",
    agreedStart: "2024-07-01",
    noLandPrice: true,
  }),
  e("建始县佳禾食品有限公司", D, "selenium-food-pharma", "14", "100101", {
    kind: "not-started",
    agreedStart: "2026-09-30",
  }),
  e("建始县硒都冷链仓储有限公司", D, "other", "", "1101", { kind: "logistics" }),
];
