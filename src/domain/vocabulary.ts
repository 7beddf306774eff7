/**
 * The domain's coded values and their zh/en labels, in one place: land and construction
 * statuses, idle statuses, efficiency classes, industry clusters, check results, threshold levels.
 * The codes are what data and the analysis hold; the labels are what the UI, the reasons and
 * the exports show (`src/i18n` reads them from here; the importer accepts them as aliases).
 */
import type {
  ConstructionStatus,
  EfficiencyClass,
  IdleStatus,
  IndustryCluster,
  LandStatus,
  ReallocationReason,
  ThresholdLevel,
} from "./types";

/** A text in Simplified Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const IDLE_STATUS_LABELS: Record<IdleStatus, Bilingual> = {
  none: b("未闲置", "Not idle"),
  overdue: b("逾期未动工", "Start overdue"),
  "idle-1y": b("闲置满一年", "Idle ≥ 1 year"),
  "idle-2y": b("闲置满两年", "Idle ≥ 2 years"),
  "idle-halted": b("停工闲置", "Halted, idle"),
};

/** The policy of each efficiency class (亩均效益评价): A 优先发展 … D 倒逼整治. */
export const EFFICIENCY_CLASS_POLICY: Record<EfficiencyClass, Bilingual> = {
  A: b("优先发展", "prioritise"),
  B: b("提升发展", "upgrade"),
  C: b("调控帮扶", "support"),
  D: b("倒逼整治", "rectify"),
};

const classLabel = (c: EfficiencyClass): Bilingual => ({
  zh: `${c} 类 ${EFFICIENCY_CLASS_POLICY[c].zh}`,
  en: `${c} — ${EFFICIENCY_CLASS_POLICY[c].en}`,
});

/** Efficiency class labels (`A 类 优先发展`, `A — prioritise`); `none` = not evaluated. */
export const EFFICIENCY_CLASS_LABELS: Record<EfficiencyClass | "none", Bilingual> = {
  A: classLabel("A"),
  B: classLabel("B"),
  C: classLabel("C"),
  D: classLabel("D"),
  none: b("未评价", "Not evaluated"),
};

/** The class alone (`D 类`, `Class D`), for a list cell or a tag. */
export function efficiencyClassShort(c: EfficiencyClass): Bilingual {
  return { zh: `${c} 类`, en: `Class ${c}` };
}

/**
 * Reallocation (腾笼换鸟) reasons as tags and list cells: what the rules allow for the parcel,
 * with "may" (可), never as a decided fact. Use `reallocationReasonLabels` for a parcel's list:
 * with a government-caused delay the idle tags drop the fee and recovery that do not apply
 * (53号令 第八条) and the `government-cause` tag says the disposal.
 */
export const REALLOCATION_REASON_LABELS: Record<ReallocationReason, Bilingual> = {
  "idle-1y": b("闲置满一年，可征收闲置费", "Idle ≥ 1 year: an idle fee may be charged"),
  "idle-2y": b("闲置满两年，可无偿收回", "Idle ≥ 2 years: may be recovered without compensation"),
  "idle-halted": b("停工闲置，可征收闲置费", "Halted and idle: an idle fee may be charged"),
  "government-cause": b("政府原因，可协商处置", "Government-caused: disposal may be agreed"),
  "class-D": b("亩均效益 D 类（倒逼整治）", "Efficiency class D (rectify)"),
};

/**
 * The labels of a parcel's reallocation reasons, in order: the one wording of the detail, the
 * candidate list and the exports. With `government-cause` in the list the idle status is named
 * without the fee or recovery that do not apply to it.
 * @example reallocationReasonLabels(["idle-2y", "government-cause"], "zh") // ["闲置满两年", "政府原因，可协商处置"]
 */
export function reallocationReasonLabels(
  reasons: readonly ReallocationReason[],
  lang: "zh" | "en",
): string[] {
  const government = reasons.includes("government-cause");
  return reasons.map((r) =>
    government && r !== "government-cause" && r !== "class-D"
      ? IDLE_STATUS_LABELS[r][lang]
      : REALLOCATION_REASON_LABELS[r][lang],
  );
}

export const CONSTRUCTION_STATUS_LABELS: Record<ConstructionStatus, Bilingual> = {
  "not-started": b("未动工", "Not started"),
  "under-construction": b("在建", "Under construction"),
  halted: b("停工", "Halted"),
  completed: b("已竣工", "Completed"),
  "in-production": b("已投产", "In production"),
};

export const LAND_STATUS_LABELS: Record<LandStatus, Bilingual> = {
  supplied: b("已供", "Supplied"),
  unsupplied: b("未供", "Unsupplied"),
  reserved: b("储备", "Reserved"),
  acquiring: b("征收中", "Being acquired"),
};

export const INDUSTRY_CLUSTER_LABELS: Record<IndustryCluster, Bilingual> = {
  "selenium-food-pharma": b("富硒食品与医药", "Selenium-rich food & pharma"),
  "building-materials": b("新型建材", "Building materials"),
  "machinery-electronics": b("机械电子", "Machinery & electronics"),
  garments: b("服装加工", "Garments"),
  "resource-recycling": b("资源综合利用", "Resource recycling"),
  photovoltaic: b("光伏发电", "Photovoltaic"),
  "electronic-components": b("电子元配件", "Electronic components"),
  "daily-chemicals": b("日用化工", "Daily chemicals"),
  other: b("其他", "Other"),
};

export const CHECK_STATUS_LABELS: Record<"pass" | "fail" | "not-assessed", Bilingual> = {
  pass: b("达标", "Pass"),
  fail: b("未达标", "Fail"),
  "not-assessed": b("未评估", "Not assessed"),
};

export const THRESHOLD_LEVEL_LABELS: Record<ThresholdLevel, Bilingual> = {
  default: b("园区默认", "Park default"),
  zone: b("片区标准", "Zone"),
  industry: b("行业标准", "Industry"),
  agreed: b("合同约定（标准地）", "Agreed (contract)"),
};

/** The area basis column/line label (issue 8): 面积计算基准 / Area basis. */
export const AREA_BASIS_LABEL: Bilingual = { zh: "面积计算基准", en: "Area basis" };

/**
 * An area basis (`EPSG:4546 planar`, as prepared and written to GeoJSON) in a language:
 * `EPSG:4546 平面` in Chinese, unchanged in English.
 */
export function areaBasisText(basis: string, lang: "zh" | "en"): string {
  return lang === "zh" ? basis.replace(/ planar$/, " 平面") : basis;
}
