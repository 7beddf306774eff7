/**
 * The field catalogue: every input and computed parcel property with its Chinese and English
 * label, its unit, and the aliases found in real data. One source for CSV headers, the detail
 * panel, the table and the importer's field mapping.
 */
import type { ParcelComputed } from "./types";

export type FieldKind = "string" | "number" | "integer" | "boolean" | "date" | "list";

/** Units as shown to users. `ratio` is a plain fraction in data, shown as percent. */
export type Unit =
  | "m2"
  | "mu"
  | "wan-yuan"
  | "wan-yuan-per-year"
  | "wan-yuan-per-mu"
  | "wan-yuan-per-person"
  | "wan-yuan-per-tce"
  | "ratio"
  | "persons"
  | "tce-per-year"
  | "none";

/**
 * What an efficiency score is relative to (domain.md §6): `scale` (the total weight, 100 by
 * default) is the score of a parcel with every indicator exactly at its benchmark.
 * @example efficiencyScaleText(100, "zh") // "100 = 各项指标均达到基准值"
 */
export function efficiencyScaleText(scale: number, lang: "zh" | "en"): string {
  const n = String(Number(scale.toPrecision(6)));
  return lang === "zh" ? `${n} = 各项指标均达到基准值` : `${n} = every indicator at its benchmark`;
}

/**
 * How each unit is written, as stored in data and exports (ratios are fractions 0–1 there).
 * The UI shows ratios as percent and areas as m²; it starts from this table too.
 */
export const UNIT_TEXT: Record<Unit, { zh: string; en: string } | null> = {
  m2: { zh: "平方米", en: "m²" },
  mu: { zh: "亩", en: "mu" },
  "wan-yuan": { zh: "万元", en: "10k yuan" },
  "wan-yuan-per-year": { zh: "万元/年", en: "10k yuan/year" },
  "wan-yuan-per-mu": { zh: "万元/亩", en: "10k yuan/mu" },
  "wan-yuan-per-person": { zh: "万元/人", en: "10k yuan/person" },
  "wan-yuan-per-tce": { zh: "万元/吨标煤", en: "10k yuan/tce" },
  ratio: { zh: "比例0–1", en: "fraction 0–1" },
  persons: { zh: "人", en: "persons" },
  "tce-per-year": { zh: "吨标煤/年", en: "tce/year" },
  none: null,
};

/**
 * Decimals each unit is written with in exports (CSV): the precision of the unit as recorded,
 * so no `14.260694999999998` reaches a spreadsheet. Ratios are written as percent (×100) with
 * these decimals; the GeoJSON export writes the same numbers (ratios as fractions). The UI
 * rounds further for display (`src/ui/format.ts`). Stored values are never rounded (domain.md §1).
 */
export const UNIT_DECIMALS: Record<Unit, number> = {
  m2: 2,
  mu: 4,
  "wan-yuan": 2,
  "wan-yuan-per-year": 2,
  "wan-yuan-per-mu": 2,
  "wan-yuan-per-person": 2,
  "wan-yuan-per-tce": 2,
  ratio: 2,
  persons: 0,
  "tce-per-year": 2,
  none: 2,
};

/** Per-land money in 万元/公顷 (the unit of the national control indicators; ×15 from 万元/亩). */
export const PER_HA_TEXT = { zh: "万元/公顷", en: "10k yuan/ha" } as const;

export interface FieldInfo {
  key: string;
  zh: string;
  en: string;
  kind: FieldKind;
  unit: Unit;
  /** Written by the analysis (never edited by hand). */
  computed: boolean;
  /** Aliases found in real data (Chinese names and pinyin abbreviations), matched case-insensitively. */
  aliases: string[];
  /** Decimals in exports when they differ from the unit's (`UNIT_DECIMALS`). */
  decimals?: number;
}

const f = (
  key: string,
  zh: string,
  en: string,
  kind: FieldKind,
  unit: Unit,
  aliases: string[] = [],
  computed = false,
): FieldInfo => ({ key, zh, en, kind, unit, computed, aliases });

/** Input fields, in the order of `shared/spec/parcel-schema.md`. */
export const INPUT_FIELDS: readonly FieldInfo[] = [
  f("id", "宗地编号", "Parcel ID", "string", "none", [
    "宗地编号",
    "宗地号",
    "地块编号",
    "ZDDM",
    "ZDBH",
    "DKBH",
    "图斑编号",
    "TBBH",
    "BSM",
  ]),
  f("name", "地块名称", "Name", "string", "none", ["地块名称", "MC"]),
  f("zone", "片区", "Zone", "string", "none", ["片区", "园区"]),
  f("landUse", "用地类型", "Land use", "string", "none", [
    "用地类型",
    "用地性质",
    "YDXZ",
    "DLBM",
    "地类编码",
    "DLMC",
    "地类名称",
  ]),
  f("landStatus", "供地状态", "Land status", "string", "none", ["供地状态"]),
  f("enterprise", "企业名称", "Enterprise", "string", "none", [
    "企业名称",
    "企业",
    "使用权人",
    "QYMC",
    "QLR",
    "权利人",
    "QSDWMC",
    "权属单位名称",
  ]),
  f("industryCode", "行业代码", "Industry code", "string", "none", ["行业代码", "HYDM"]),
  f("industryCluster", "产业集群", "Industry cluster", "string", "none", ["产业集群"]),
  f("landAreaM2", "宗地面积", "Legal land area", "number", "m2", [
    "宗地面积",
    "用地面积",
    "ZDMJ",
    "TBMJ",
    "图斑面积",
    "MIAN_JI",
    "MJ",
  ]),
  f("floorAreaM2", "总建筑面积", "Floor area", "number", "m2", ["总建筑面积", "建筑面积", "JZMJ"]),
  f("footprintAreaM2", "建筑物构筑物堆场基底面积", "Building footprint", "number", "m2", [
    "建筑物构筑物堆场基底面积",
    "基底面积",
    "占地面积",
  ]),
  f("greenAreaM2", "绿地面积", "Green area", "number", "m2", ["绿地面积"]),
  f("adminAreaM2", "行政办公及生活服务设施用地面积", "Admin & services area", "number", "m2", [
    "行政办公及生活服务设施用地面积",
  ]),
  f("developedAreaM2", "已动工开发面积", "Developed area", "number", "m2", ["已动工开发面积"]),
  f("fixedInvestment", "累计固定资产投资", "Fixed investment", "number", "wan-yuan", [
    "累计固定资产投资",
    "投资额",
    "固定资产投资",
  ]),
  f("contractInvestment", "合同约定总投资", "Contracted investment", "number", "wan-yuan", [
    "合同约定总投资",
    "约定投资",
  ]),
  f("landPrice", "出让价款", "Land price", "number", "wan-yuan", ["出让价款", "出让金"]),
  f("outputValue", "工业总产值", "Output value", "number", "wan-yuan-per-year", ["工业总产值", "产值"]),
  f("revenue", "营业收入", "Revenue", "number", "wan-yuan-per-year", ["营业收入"]),
  f("valueAdded", "工业增加值", "Value added", "number", "wan-yuan-per-year", ["工业增加值", "增加值"]),
  f("taxRevenue", "税收", "Tax revenue", "number", "wan-yuan-per-year", ["税收", "实缴税金"]),
  f("employees", "从业人员", "Employees", "integer", "persons", ["从业人员", "职工人数"]),
  f("residents", "居住人口", "Residents", "integer", "persons", ["居住人口"]),
  f("energyTce", "综合能耗", "Energy use", "number", "tce-per-year", ["综合能耗"]),
  f("rdExpense", "研发经费", "R&D expense", "number", "wan-yuan-per-year", ["研发经费"]),
  f("aboveScale", "规上企业", "Above designated size", "boolean", "none", ["规上企业"]),
  f("highTech", "高新技术企业", "High-tech enterprise", "boolean", "none", ["高新技术企业"]),
  f("supplyDate", "供地日期", "Supply date", "date", "none", ["供地日期", "签约日期"]),
  f("agreedStartDate", "约定动工日期", "Agreed start date", "date", "none", ["约定动工日期"]),
  f("agreedCompletionDate", "约定竣工日期", "Agreed completion date", "date", "none", ["约定竣工日期"]),
  f("actualStartDate", "实际动工日期", "Actual start date", "date", "none", ["实际动工日期"]),
  f("constructionStatus", "建设状态", "Construction status", "string", "none", ["建设状态"]),
  f("haltedSince", "停工日期", "Halted since", "date", "none", ["停工日期"]),
  f("governmentCause", "政府原因导致", "Government-caused delay", "boolean", "none", ["政府原因导致"]),
  f("agreedInvestmentPerMu", "约定投资强度", "Agreed investment intensity", "number", "wan-yuan-per-mu", [
    "约定投资强度",
  ]),
  f("agreedFar", "约定容积率", "Agreed FAR", "number", "none", ["约定容积率"]),
  f("agreedTaxPerMu", "约定亩均税收", "Agreed tax per mu", "number", "wan-yuan-per-mu", ["约定亩均税收"]),
  f("agreedOutputPerMu", "约定亩均产出", "Agreed output per mu", "number", "wan-yuan-per-mu", [
    "约定亩均产出",
  ]),
];

/** Computed fields, in the order of `shared/spec/parcel-schema.md`. */
export const COMPUTED_FIELDS: readonly FieldInfo[] = [
  f("areaM2", "图形面积", "Planar area", "number", "m2", [], true),
  f("areaMu", "面积(亩)", "Area (mu)", "number", "mu", [], true),
  f("investmentPerMu", "投资强度", "Investment intensity", "number", "wan-yuan-per-mu", [], true),
  f("far", "容积率", "Floor-area ratio", "number", "none", [], true),
  f("buildingCoverage", "建筑系数", "Building coverage", "number", "ratio", [], true),
  f("greenRatio", "绿地率", "Green ratio", "number", "ratio", [], true),
  f("adminRatio", "行政办公及生活服务设施用地比例", "Admin land ratio", "number", "ratio", [], true),
  f("outputPerMu", "亩均产出", "Output per mu", "number", "wan-yuan-per-mu", [], true),
  f("valueAddedPerMu", "亩均增加值", "Value added per mu", "number", "wan-yuan-per-mu", [], true),
  f("taxPerMu", "亩均税收", "Tax per mu", "number", "wan-yuan-per-mu", [], true),
  f("laborProductivity", "全员劳动生产率", "Labour productivity", "number", "wan-yuan-per-person", [], true),
  f("energyProductivity", "单位能耗增加值", "Value added per tce", "number", "wan-yuan-per-tce", [], true),
  f("rdIntensity", "研发投入强度", "R&D intensity", "number", "ratio", [], true),
  f("areaDiscrepancy", "面积差异", "Area discrepancy", "number", "ratio", [], true),
  f("standardsFailed", "未达标指标", "Standards failed", "list", "none", [], true),
  f("idleStatus", "闲置状态", "Idle status", "string", "none", [], true),
  f("idleFee", "土地闲置费", "Idle land fee", "number", "wan-yuan", [], true),
  { ...f("efficiencyScore", "亩均效益得分", "Efficiency score", "number", "none", [], true), decimals: 1 },
  f("efficiencyClass", "亩均效益等级", "Efficiency class", "string", "none", [], true),
  f("reallocationCandidate", "腾笼换鸟候选", "Reallocation candidate", "boolean", "none", [], true),
  f("reallocationReasons", "腾笼换鸟原因", "Reallocation reasons", "list", "none", [], true),
];

export const ALL_FIELDS: readonly FieldInfo[] = [...INPUT_FIELDS, ...COMPUTED_FIELDS];

/**
 * The exports' last column / property: the input fields the user edited in the app (their values
 * in the export are the edited ones). Not an analysis result, so not in `COMPUTED_FIELDS`; an
 * import drops it like a computed property.
 */
export const EDITED_FIELDS_FIELD: FieldInfo = f(
  "editedFields",
  "已修改字段",
  "Edited fields",
  "list",
  "none",
  [],
  true,
);

const BY_KEY = new Map(ALL_FIELDS.map((x) => [x.key, x]));

/**
 * Decimals a numeric field is written with in exports: the field's own, else its unit's.
 * @example exportDecimals(fieldInfo("areaMu")!) // 4; exportDecimals(fieldInfo("efficiencyScore")!) // 1
 */
export function exportDecimals(f: FieldInfo): number {
  return f.kind === "integer" ? 0 : (f.decimals ?? UNIT_DECIMALS[f.unit]);
}

/** Metadata for a field key, or `undefined` for a property outside the schema. */
export function fieldInfo(key: string): FieldInfo | undefined {
  return BY_KEY.get(key);
}

/**
 * Numeric computed indicators that can colour the map, in the plan's order (the indicator
 * picker's order); `areaM2` last — the picker offers the area in 亩 only.
 */
export const NUMERIC_INDICATORS = [
  "investmentPerMu",
  "far",
  "buildingCoverage",
  "greenRatio",
  "adminRatio",
  "outputPerMu",
  "taxPerMu",
  "valueAddedPerMu",
  "laborProductivity",
  "energyProductivity",
  "rdIntensity",
  "efficiencyScore",
  "idleFee",
  "areaMu",
  "areaDiscrepancy",
  "areaM2",
] as const satisfies readonly (keyof ParcelComputed)[];
export type NumericIndicator = (typeof NUMERIC_INDICATORS)[number];
/** Categorical map colourings: land-use group, idle status, efficiency class, the flag overlay. */
export const CATEGORICAL_INDICATORS = ["landUse", "idleStatus", "efficiencyClass", "flags"] as const;
export type CategoricalIndicator = (typeof CATEGORICAL_INDICATORS)[number];
export type Indicator = NumericIndicator | CategoricalIndicator;

export function isNumericIndicator(x: string): x is NumericIndicator {
  return (NUMERIC_INDICATORS as readonly string[]).includes(x);
}
export function isIndicator(x: string): x is Indicator {
  return isNumericIndicator(x) || (CATEGORICAL_INDICATORS as readonly string[]).includes(x);
}

/**
 * The ≤ 10-byte ASCII DBF names of the schema fields in a Shapefile export (pinyin initials, as
 * the bureau's layers name them; issue 8). Read back as the fields they name.
 */
export const DBF_NAMES: Readonly<Record<string, string>> = {
  id: "ZDBH",
  name: "DKMC",
  zone: "PQ",
  landUse: "YDXZ",
  landStatus: "GDZT",
  enterprise: "QYMC",
  industryCode: "HYDM",
  industryCluster: "CYJQ",
  landAreaM2: "ZDMJ",
  floorAreaM2: "JZMJ",
  footprintAreaM2: "JDMJ",
  greenAreaM2: "LDMJ",
  adminAreaM2: "XZMJ",
  developedAreaM2: "KFMJ",
  fixedInvestment: "GDTZ",
  contractInvestment: "HTTZ",
  landPrice: "TDJK",
  outputValue: "CZ",
  revenue: "YYSR",
  valueAdded: "ZJZ",
  taxRevenue: "SS",
  employees: "CYRS",
  residents: "JZRS",
  energyTce: "NH",
  rdExpense: "YFTR",
  aboveScale: "GS",
  highTech: "GXJS",
  supplyDate: "GDRQ",
  agreedStartDate: "YDKG",
  agreedCompletionDate: "YDJG",
  actualStartDate: "SJKG",
  constructionStatus: "JSZT",
  haltedSince: "TGRQ",
  governmentCause: "ZFYY",
  agreedInvestmentPerMu: "YDTZQD",
  agreedFar: "YDRJL",
  agreedTaxPerMu: "YDMJSS",
  agreedOutputPerMu: "YDMJCC",
  areaM2: "TXMJ",
  areaMu: "MJMU",
  areaBasis: "MJJZ",
  investmentPerMu: "TZQD",
  far: "RJL",
  buildingCoverage: "JZXS",
  greenRatio: "LDL",
  adminRatio: "XZBL",
  outputPerMu: "MJCC",
  valueAddedPerMu: "MJZJZ",
  taxPerMu: "MJSS",
  laborProductivity: "LDSCL",
  energyProductivity: "NHXL",
  rdIntensity: "YFQD",
  areaDiscrepancy: "MJCY",
  standardsFailed: "WDBZB",
  idleStatus: "XZZT",
  idleFee: "XZF",
  efficiencyScore: "XYDF",
  efficiencyClass: "XYFL",
  reallocationCandidate: "TLHN",
  reallocationReasons: "TLYY",
};
