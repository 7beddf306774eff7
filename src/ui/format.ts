/**
 * Display formatting: rounding only here, never in stored values (domain.md §1). Areas to
 * 0.01 亩 or 1 m², money to 0.01 万元, ratios as percent, per-land values in 万元/亩 or ×15 in
 * 万元/公顷. A null shows as "—".
 */
import { type Unit as FieldUnit, fieldInfo } from "../domain/fields";
import { MU_PER_HA, m2ToMu } from "../domain/units";
import type { Lang } from "../i18n/lang";
import { unitLabel } from "../i18n/ui";
import type { Unit as PerLandUnit } from "../state/types";

export const DASH = "—";

/** Decimals shown per unit (and per field where it differs). */
export function decimalsFor(unit: FieldUnit, key?: string): number {
  if (key === "efficiencyScore") return 1;
  switch (unit) {
    case "m2":
    case "persons":
      return 0;
    case "ratio":
      return 1;
    default:
      return 2;
  }
}

/** Data value → display value (ratio → %, 万元/亩 → 万元/公顷 when asked). */
export function toDisplay(value: number, unit: FieldUnit, perLand: PerLandUnit): number {
  if (unit === "ratio") return value * 100;
  if (unit === "wan-yuan-per-mu" && perLand === "ha") return value * MU_PER_HA;
  return value;
}

/** Display value → data value (the inverse of `toDisplay`, for manual breaks typed by the user). */
export function fromDisplay(value: number, unit: FieldUnit, perLand: PerLandUnit): number {
  if (unit === "ratio") return value / 100;
  if (unit === "wan-yuan-per-mu" && perLand === "ha") return value / MU_PER_HA;
  return value;
}

const formatters = new Map<string, Intl.NumberFormat>();
/** A number with grouping and fixed decimals (`1,234.50`). */
export function formatNumber(v: number, decimals: number, lang: Lang): string {
  const k = `${lang}:${decimals}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(k, f);
  }
  // Avoid "-0.00".
  const s = f.format(v);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** A numeric field value for display with its unit, or "—" for null/undefined. */
export function formatField(
  key: string,
  value: number | null | undefined,
  lang: Lang,
  perLand: PerLandUnit,
  withUnit = true,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const info = fieldInfo(key);
  const unit: FieldUnit = info?.unit ?? "none";
  const text = formatNumber(toDisplay(value, unit, perLand), decimalsFor(unit, key), lang);
  if (!withUnit) return text;
  const u = unitLabel(unit, lang, perLand);
  if (!u) return text;
  return unit === "ratio" ? `${text}${u}` : `${text} ${u}`;
}

/** Area in 亩 (0.01) with m² (1) in brackets: "12.34 亩（8,227 m²）". */
export function formatArea(m2: number, lang: Lang): string {
  const mu = m2ToMu(m2);
  const muText = formatNumber(mu, 2, lang);
  const m2Text = formatNumber(m2, 0, lang);
  return lang === "zh" ? `${muText} 亩（${m2Text} m²）` : `${muText} mu (${m2Text} m²)`;
}

/** The label of a catalogue field in the language. */
export function fieldLabel(key: string, lang: Lang): string {
  const info = fieldInfo(key);
  return info ? info[lang] : key;
}
