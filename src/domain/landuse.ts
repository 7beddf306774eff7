/**
 * Land-use vocabulary of the 2023 《国土空间调查、规划、用途管制用地用海分类指南》: the groups a
 * planner reads at a glance (工业, 物流仓储, 居住 …), the group of a code, and the names of the
 * codes `shared/spec/parcel-schema.md` lists. One source for the map colouring, the legend, the
 * table filter, the detail panel and the exports (colours live with the map styles).
 */
import type { Bilingual } from "./vocabulary";

export const LAND_USE_GROUPS = [
  "industrial",
  "logistics",
  "residential",
  "publicService",
  "commercial",
  "green",
  "transport",
  "utilities",
  "vacant",
  "other",
  "unknown",
] as const;
export type LandUseGroup = (typeof LAND_USE_GROUPS)[number];

export interface LandUseGroupNames extends Bilingual {
  /** Codes (prefixes) of the 2023 classification in this group, for the legend's tooltip. */
  codes: string;
}

/** Group → zh/en name and the codes it holds, in legend order. */
export const LAND_USE_GROUP_NAMES: Record<LandUseGroup, LandUseGroupNames> = {
  industrial: { zh: "工业用地", en: "Industrial", codes: "1001 (100101–100103), 10" },
  logistics: { zh: "物流仓储用地", en: "Logistics & warehousing", codes: "11 (1101)" },
  residential: { zh: "居住用地", en: "Residential", codes: "0701" },
  publicService: { zh: "公共管理与公共服务用地", en: "Public services", codes: "0702, 08 (0804, 0806 …)" },
  commercial: { zh: "商业服务业用地", en: "Commercial", codes: "09" },
  green: { zh: "绿地与开敞空间用地", en: "Green space & squares", codes: "14 (1401–1403)" },
  transport: { zh: "交通运输用地", en: "Roads & transport", codes: "12 (1207, 1208)" },
  utilities: { zh: "公用设施用地", en: "Utilities", codes: "13 (1301–1313)" },
  vacant: { zh: "空闲地", en: "Vacant land", codes: "2301" },
  other: { zh: "其他用地", en: "Other land use", codes: "—" },
  unknown: { zh: "用地类型缺失", en: "Land use missing", codes: "—" },
};

/**
 * The group of a 2023 land-use code (`100101`, `1101`, `0701` …). Leading/trailing spaces are
 * ignored; a code that is not 2–6 digits, or not in a known group, is `other`; a missing one
 * `unknown`.
 * @example landUseGroup("100102") // → "industrial"; landUseGroup("07x") // → "other"
 */
export function landUseGroup(code: string | null | undefined): LandUseGroup {
  const key = code ?? "";
  let g = groupOfCode.get(key);
  if (g === undefined) {
    g = groupOf(key);
    // A park has a few dozen codes; a hostile file with a new one per parcel does not grow this.
    if (groupOfCode.size > 10_000) groupOfCode.clear();
    groupOfCode.set(key, g);
  }
  return g;
}

/** `landUseGroup` by code as given (called per parcel by the table, filters and map, issue 13). */
const groupOfCode = new Map<string, LandUseGroup>();

function groupOf(code: string): LandUseGroup {
  const c = code.trim();
  if (c === "") return "unknown";
  if (!/^\d{2,6}$/.test(c)) return "other";
  if (c.startsWith("0702")) return "publicService";
  if (c.startsWith("07")) return "residential";
  if (c.startsWith("08")) return "publicService";
  if (c.startsWith("09")) return "commercial";
  if (c.startsWith("10")) return "industrial";
  if (c.startsWith("11")) return "logistics";
  if (c.startsWith("12")) return "transport";
  if (c.startsWith("13")) return "utilities";
  if (c.startsWith("14")) return "green";
  if (c.startsWith("2301")) return "vacant";
  return "other";
}

/** Names of the codes of parcel-schema.md (the 2023 classification's own names). */
const CODE_NAMES: Record<string, Bilingual> = {
  "0701": { zh: "城镇住宅用地", en: "Urban housing" },
  "0702": { zh: "城镇社区服务设施用地", en: "Community services" },
  "0804": { zh: "教育用地", en: "Education" },
  "080403": { zh: "中小学用地", en: "Schools" },
  "080404": { zh: "幼儿园用地", en: "Kindergarten" },
  "0806": { zh: "医疗卫生用地", en: "Health care" },
  "1001": { zh: "工业用地", en: "Industrial" },
  "100101": { zh: "一类工业用地", en: "Class 1 industrial" },
  "100102": { zh: "二类工业用地", en: "Class 2 industrial" },
  "100103": { zh: "三类工业用地", en: "Class 3 industrial" },
  "1101": { zh: "物流仓储用地", en: "Logistics & warehousing" },
  "1207": { zh: "城镇道路用地", en: "Urban roads" },
  "1208": { zh: "交通场站用地", en: "Transport stations" },
  "1401": { zh: "公园绿地", en: "Parks" },
  "1402": { zh: "防护绿地", en: "Protective green" },
  "1403": { zh: "广场用地", en: "Squares" },
  "2301": { zh: "空闲地", en: "Vacant land" },
};

/**
 * The name of a land-use code: its own name where parcel-schema.md lists it, else its group's.
 * @example landUseName("0701", "zh") // "城镇住宅用地"; landUseName("1305", "zh") // "公用设施用地"
 */
export function landUseName(code: string, lang: keyof Bilingual): string {
  const c = code.trim();
  return (CODE_NAMES[c] ?? LAND_USE_GROUP_NAMES[landUseGroup(c)])[lang];
}
