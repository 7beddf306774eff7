/**
 * Land-use groups for the default map colouring and its legend: the 2023 用地用海分类指南 codes of
 * `shared/spec/parcel-schema.md` folded into the groups a planner reads at a glance, with the
 * conventional planning colours (工业 brown, 物流仓储 violet, 居住 yellow, 公共服务 pink-red,
 * 商业 red, 绿地 green, 交通 grey, 公用设施 blue, 空闲地 near-white). Pure; the UI legend uses
 * the same table.
 */
import type { Colouring } from "./api";

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

export interface LandUseGroupInfo {
  color: string;
  zh: string;
  en: string;
  /** Codes (prefixes) of the 2023 classification in this group, for the legend's tooltip. */
  codes: string;
}

/** Group → colour and labels, in legend order. */
export const LAND_USE_GROUP_INFO: Record<LandUseGroup, LandUseGroupInfo> = {
  industrial: { color: "#b9906a", zh: "工业用地", en: "Industrial", codes: "1001 (100101–100103), 10" },
  logistics: { color: "#8e63b0", zh: "物流仓储用地", en: "Logistics & warehousing", codes: "11 (1101)" },
  residential: { color: "#fff04d", zh: "居住用地", en: "Residential", codes: "0701" },
  publicService: {
    color: "#f47fa0",
    zh: "公共管理与公共服务用地",
    en: "Public services",
    codes: "0702, 08 (0804, 0806 …)",
  },
  commercial: { color: "#e8453c", zh: "商业服务业用地", en: "Commercial", codes: "09" },
  green: { color: "#6cbf5e", zh: "绿地与开敞空间用地", en: "Green space & squares", codes: "14 (1401–1403)" },
  transport: { color: "#a8a8a8", zh: "交通运输用地", en: "Roads & transport", codes: "12 (1207, 1208)" },
  utilities: { color: "#4a90c8", zh: "公用设施用地", en: "Utilities", codes: "13 (1301–1313)" },
  vacant: { color: "#f4f4ef", zh: "空闲地", en: "Vacant land", codes: "2301" },
  other: { color: "#d8cbb4", zh: "其他用地", en: "Other land use", codes: "—" },
  unknown: { color: "#e6e6e6", zh: "用地类型缺失", en: "Land use missing", codes: "—" },
};

/**
 * The group of a 2023 land-use code (`100101`, `1101`, `0701` …). Leading/trailing spaces are
 * ignored; an unrecognised code is `other`, a missing one `unknown`.
 * @example landUseGroup("100102") // → "industrial"
 */
export function landUseGroup(code: string | null | undefined): LandUseGroup {
  const c = (code ?? "").trim();
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
