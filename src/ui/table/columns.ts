/**
 * The parcel table's columns: header text from the field catalogue (zh/en, with units), the sort
 * key and the display text of each cell. Pure, no React: tested in `tests/unit/ui/table-*.test.ts`.
 *
 * Per-land indicators are stored in 万元/亩; with the unit setting `ha` they are shown (and sorted,
 * which gives the same order) in 万元/公顷 (×15). Values are rounded for display only.
 */
import type { ParcelInputKey } from "../../domain/edits";
import { efficiencyScaleText, fieldInfo } from "../../domain/fields";
import { landUseName } from "../../domain/landuse";
import type { AnalysedParcel } from "../../domain/types";
import { MU_PER_HA } from "../../domain/units";
import type { Lang } from "../../i18n/lang";
import { unitLabel } from "../../i18n/ui";
import {
  EFFICIENCY_CLASS_LABELS,
  FLAG_LABELS,
  IDLE_STATUS_LABELS,
  INDUSTRY_CLUSTER_LABELS,
  labelOf,
} from "./labels";
import type { SortValue } from "./sort";

/** Shown for a missing value. */
export const NULL_TEXT = "—";

export interface CellContext {
  lang: Lang;
  unit: "mu" | "ha";
  /** Display name of a zone id (黄土坎片区 …); the id itself when unknown. */
  zoneName: (id: string) => string;
}

export interface TableColumn {
  /** Field key of the catalogue (or `flags`); used in `data-testid="table.header.<field>"`. */
  field: string;
  numeric: boolean;
  /** Width in px (the table lays out a fixed grid so virtualised rows line up). */
  width: number;
  sortValue: (p: AnalysedParcel, ctx: CellContext) => SortValue;
  text: (p: AnalysedParcel, ctx: CellContext) => string;
  /** A numeric input figure: its cells are editable (`FieldEditor`). */
  input?: ParcelInputKey;
}

const nf = new Map<string, Intl.NumberFormat>();
/** A number rounded for display with `digits` decimals and thousands separators. */
export function formatNumber(v: number | null | undefined, digits: number, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NULL_TEXT;
  const key = `${lang}:${digits}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    nf.set(key, f);
  }
  return f.format(v);
}

const str = (v: string | undefined): SortValue => (v === undefined || v === "" ? null : v);
const textOr = (v: string | undefined): string => (v === undefined || v === "" ? NULL_TEXT : v);

function textColumn(
  field: string,
  width: number,
  get: (p: AnalysedParcel) => string | undefined,
): TableColumn {
  return {
    field,
    numeric: false,
    width,
    sortValue: (p) => str(get(p)),
    text: (p) => textOr(get(p)),
  };
}

/** A computed per-land indicator (万元/亩 in data), shown per 亩 or per 公顷. */
function perLandColumn(field: "investmentPerMu" | "outputPerMu" | "taxPerMu", width: number): TableColumn {
  const v = (p: AnalysedParcel, ctx: CellContext) => {
    const x = p.computed[field];
    return x === null ? null : ctx.unit === "ha" ? x * MU_PER_HA : x;
  };
  return {
    field,
    numeric: true,
    width,
    sortValue: v,
    text: (p, ctx) => formatNumber(v(p, ctx), 2, ctx.lang),
  };
}

/** A numeric input figure of the parcel (万元 …), editable in its cell. */
function inputNumberColumn(
  field: "fixedInvestment" | "outputValue" | "taxRevenue",
  width: number,
): TableColumn {
  return {
    field,
    numeric: true,
    width,
    input: field,
    sortValue: (p) => p.input[field] ?? null,
    text: (p, ctx) => formatNumber(p.input[field], 2, ctx.lang),
  };
}

/** Sort key of the flags column: candidates first, then below standard, then unflagged. */
function flagRank(p: AnalysedParcel): number {
  return (p.computed.reallocationCandidate ? 2 : 0) + (p.computed.standardsFailed.length > 0 ? 1 : 0);
}

export function flagsText(p: AnalysedParcel, lang: Lang): string {
  const parts: string[] = [];
  if (p.computed.reallocationCandidate) parts.push(labelOf(FLAG_LABELS, "candidate", lang));
  if (p.computed.standardsFailed.length > 0) parts.push(labelOf(FLAG_LABELS, "belowStandard", lang));
  return parts.length > 0 ? parts.join(lang === "zh" ? "、" : ", ") : NULL_TEXT;
}

export const TABLE_COLUMNS: readonly TableColumn[] = [
  textColumn("id", 104, (p) => p.input.id),
  textColumn("name", 150, (p) => p.input.name),
  {
    field: "zone",
    numeric: false,
    width: 104,
    sortValue: (p, ctx) => (p.input.zone ? ctx.zoneName(p.input.zone) : null),
    text: (p, ctx) => (p.input.zone ? ctx.zoneName(p.input.zone) : NULL_TEXT),
  },
  {
    field: "landUse",
    numeric: false,
    width: 132,
    sortValue: (p) => str(p.input.landUse),
    text: (p, ctx) =>
      p.input.landUse ? `${landUseName(p.input.landUse, ctx.lang)} ${p.input.landUse}` : NULL_TEXT,
  },
  textColumn("enterprise", 170, (p) => p.input.enterprise),
  {
    field: "industryCluster",
    numeric: false,
    width: 130,
    sortValue: (p, ctx) =>
      p.input.industryCluster ? labelOf(INDUSTRY_CLUSTER_LABELS, p.input.industryCluster, ctx.lang) : null,
    text: (p, ctx) =>
      p.input.industryCluster
        ? labelOf(INDUSTRY_CLUSTER_LABELS, p.input.industryCluster, ctx.lang)
        : NULL_TEXT,
  },
  {
    field: "areaMu",
    numeric: true,
    width: 92,
    sortValue: (p) => p.computed.areaMu,
    text: (p, ctx) => formatNumber(p.computed.areaMu, 2, ctx.lang),
  },
  inputNumberColumn("fixedInvestment", 112),
  perLandColumn("investmentPerMu", 112),
  {
    field: "far",
    numeric: true,
    width: 76,
    sortValue: (p) => p.computed.far,
    text: (p, ctx) => formatNumber(p.computed.far, 2, ctx.lang),
  },
  inputNumberColumn("outputValue", 104),
  perLandColumn("outputPerMu", 112),
  inputNumberColumn("taxRevenue", 96),
  perLandColumn("taxPerMu", 104),
  {
    field: "idleStatus",
    numeric: false,
    width: 110,
    // Severity order, so sorting puts the worst cases together.
    sortValue: (p) => IDLE_ORDER[p.computed.idleStatus] ?? null,
    text: (p, ctx) => labelOf(IDLE_STATUS_LABELS, p.computed.idleStatus, ctx.lang),
  },
  {
    field: "efficiencyClass",
    numeric: false,
    width: 104,
    sortValue: (p) => p.computed.efficiencyClass,
    text: (p, ctx) =>
      p.computed.efficiencyClass
        ? labelOf(EFFICIENCY_CLASS_LABELS, p.computed.efficiencyClass, ctx.lang)
        : NULL_TEXT,
  },
  {
    field: "flags",
    numeric: false,
    width: 150,
    sortValue: (p) => flagRank(p),
    text: (p, ctx) => flagsText(p, ctx.lang),
  },
];

const IDLE_ORDER: Record<string, number> = {
  none: 0,
  overdue: 1,
  "idle-1y": 2,
  "idle-halted": 3,
  "idle-2y": 4,
};

/**
 * Header label of a column, e.g. `投资强度 (万元/亩)`, `Tax per mu (10k yuan/ha)`; the efficiency
 * score's column carries its scale as a `hint` for the tooltip (`scoreScale`, the result's).
 */
export function headerLabel(
  field: string,
  lang: Lang,
  unit: "mu" | "ha",
  scoreScale?: number,
): { label: string; unit: string | null; hint?: string } {
  if (field === "flags") return { label: lang === "zh" ? "标记" : "Flags", unit: null };
  const info = fieldInfo(field);
  if (!info) return { label: field, unit: null };
  let label = lang === "zh" ? info.zh : info.en;
  if (field === "areaMu") label = lang === "zh" ? "面积" : "Area";
  if (field === "far") label = lang === "zh" ? "容积率" : "FAR";
  if (field === "investmentPerMu" && lang === "en") label = "Investment";
  const u =
    info.unit === "wan-yuan-per-mu" || info.unit === "mu" || (!info.computed && info.unit !== "none")
      ? unitLabel(info.unit, lang, unit)
      : undefined;
  if (field === "efficiencyScore" && scoreScale !== undefined)
    return { label, unit: u ?? null, hint: efficiencyScaleText(scoreScale, lang) };
  return { label, unit: u ?? null };
}

/** The column of a field key. */
export function columnOf(field: string): TableColumn | undefined {
  return TABLE_COLUMNS.find((c) => c.field === field);
}
