/**
 * The map colouring and its legend, derived from the store: indicator + classification + unit →
 * a `Colouring` for the map controller (breaks in data units) and legend classes (labels in
 * display units, colours, counts). Memoised: the same inputs give the same objects, so the map
 * binding calls `setColouring` only when something really changed.
 */
import { classBreaks, classCounts, NO_DATA_COLOR, rampColors } from "../domain/classify";
import {
  type CategoricalIndicator,
  efficiencyScaleText,
  type Unit as FieldUnit,
  fieldInfo,
  type Indicator,
  isNumericIndicator,
  NUMERIC_INDICATORS,
  type NumericIndicator,
} from "../domain/fields";
import { FLAG_KINDS, parcelFlag } from "../domain/flags";
import { LAND_USE_GROUPS, landUseGroup } from "../domain/landuse";
import { CLASS_COLORS, FLAG_COLORS, IDLE_COLORS, OTHER_COLOR as OTHER } from "../domain/palette";
import type { AnalysedParcel } from "../domain/types";
import type { Lang } from "../i18n/lang";
import { type EnumKind, enumLabel, t, unitLabel } from "../i18n/ui";
import type { Colouring } from "../map/api";
import { LAND_USE_GROUP_INFO } from "../map/landuse";
import { currentClassification, DEFAULT_CLASSIFICATION } from "../state/slices/view";
import type { AppState, Classification, TableFilter, Unit } from "../state/types";
import { addResultWarmer } from "../state/warm";
import { decimalsFor, formatNumber, toDisplay } from "./format";

export interface LegendClass {
  /** Class index (the key of the user's label). */
  index: number;
  label: string;
  /** The label the app would show without the user's edit. */
  defaultLabel: string;
  edited: boolean;
  color: string;
  count: number;
  /** The table filter that shows only this class (a legend click sets it; map and table follow). */
  filter: Partial<TableFilter>;
}

export interface Legend {
  indicator: Indicator;
  title: string;
  /** Unit of the class bounds, "" for categories. */
  unit: string;
  classes: LegendClass[];
  /** Parcels without a value (null indicator), shown as their own row when > 0. */
  noData: { label: string; color: string; count: number; filter: Partial<TableFilter> } | null;
  /** Labels are editable (every class has a stable index). */
  editable: boolean;
}

interface Category {
  value: string;
  label: string;
  color: string;
}

/** The map property each categorical indicator colours by, and the value of a parcel for it. */
const CATEGORICAL: Record<
  CategoricalIndicator,
  {
    field: string;
    valueOf: (p: AnalysedParcel) => string | null;
    categories: (lang: Lang) => Category[];
    /** The table filter showing one category (`null`: the parcels without a value). */
    filter: (value: string | null) => Partial<TableFilter>;
  }
> = {
  landUse: {
    filter: (v) => ({ landUseGroup: v }),
    field: "landUseGroup",
    valueOf: (p) => landUseGroup(p.input.landUse),
    categories: (lang) =>
      LAND_USE_GROUPS.map((g) => ({
        value: g,
        label: LAND_USE_GROUP_INFO[g][lang],
        color: LAND_USE_GROUP_INFO[g].color,
      })),
  },
  idleStatus: {
    filter: (v) => ({ idleStatus: v }),
    field: "idleStatus",
    valueOf: (p) => p.computed.idleStatus,
    categories: (lang) => enumCategories("idleStatus", Object.keys(IDLE_COLORS), IDLE_COLORS, lang),
  },
  efficiencyClass: {
    filter: (v) => ({ efficiencyClass: v ?? "none" }),
    field: "efficiencyClass",
    valueOf: (p) => p.computed.efficiencyClass,
    categories: (lang) => enumCategories("efficiencyClass", ["A", "B", "C", "D"], CLASS_COLORS, lang),
  },
  flags: {
    filter: (v) => ({ flag: v }),
    field: "flag",
    valueOf: (p) => parcelFlag(p.computed),
    categories: (lang) => enumCategories("flag", [...FLAG_KINDS], FLAG_COLORS, lang),
  },
};

function enumCategories(
  kind: EnumKind,
  values: string[],
  colors: Record<string, string>,
  lang: Lang,
): Category[] {
  return values.map((v) => ({ value: v, label: enumLabel(kind, v, lang), color: colors[v] ?? OTHER }));
}

/** Title of an indicator in the language (catalogue label, or the land-use heading). */
export function indicatorTitle(indicator: Indicator, lang: Lang): string {
  if (indicator === "landUse") return t("groupLandUse", lang);
  if (indicator === "flags") return t("flags", lang);
  const key = indicator === "efficiencyClass" ? "efficiencyClass" : indicator;
  return fieldInfo(key)?.[lang] ?? indicator;
}

function numericColumn(parcels: readonly AnalysedParcel[], key: string): (number | null)[] {
  const out: (number | null)[] = new Array(parcels.length);
  for (let i = 0; i < parcels.length; i++)
    out[i] =
      ((parcels[i] as AnalysedParcel).computed as unknown as Record<string, number | null>)[key] ?? null;
  return out;
}

/** Above this many parcels the breaks are not made ahead in idle time (`pendingBreakTasks`). */
const PRECLASSIFY_MAX = 50_000;

/** Class breaks per parcel set, memoised by indicator and classification (a switch back is instant). */
const breaksCache = new WeakMap<readonly AnalysedParcel[], Map<string, number[]>>();

function breaksKey(indicator: string, cls: Classification): string {
  return `${indicator}|${cls.method}|${cls.k}|${cls.method === "manual" ? cls.manualBreaks.join(",") : ""}`;
}

function breaksFor(
  parcels: readonly AnalysedParcel[],
  indicator: string,
  cls: Classification,
  values?: (number | null)[],
): number[] {
  let cache = breaksCache.get(parcels);
  if (!cache) {
    cache = new Map();
    breaksCache.set(parcels, cache);
  }
  const key = breaksKey(indicator, cls);
  let breaks = cache.get(key);
  if (!breaks) {
    breaks = classBreaks(values ?? numericColumn(parcels, indicator), cls.method, cls.k, cls.manualBreaks);
    cache.set(key, breaks);
  }
  return breaks;
}

/**
 * Work for idle time: the class breaks of every numeric indicator under its current
 * classification, so the first switch to it needs no classification (Jenks at 10,000 parcels
 * takes tens of milliseconds). Returns one task per indicator not yet cached.
 */
export function pendingBreakTasks(s: AppState): (() => void)[] {
  const parcels = s.result?.parcels;
  // Province scale: one indicator's breaks are a task of 100–250 ms on 2 loaded cores, run while
  // the map is still tiling; they are made at the first switch instead (issue 13).
  if (!parcels || parcels.length > PRECLASSIFY_MAX) return [];
  const cache = breaksCache.get(parcels);
  return NUMERIC_INDICATORS.filter((ind) => {
    const cls = s.classifications[ind] ?? DEFAULT_CLASSIFICATION;
    return !cache?.has(breaksKey(ind, cls));
  }).map((ind) => () => {
    breaksFor(parcels, ind, s.classifications[ind] ?? DEFAULT_CLASSIFICATION);
  });
}

interface Derived {
  colouring: Colouring;
  legend: Legend;
}

function derive(
  parcels: readonly AnalysedParcel[],
  indicator: Indicator,
  cls: Classification,
  unit: Unit,
  lang: Lang,
  scoreScale?: number,
): Derived {
  if (!isNumericIndicator(indicator)) {
    const spec = CATEGORICAL[indicator];
    const cats = spec.categories(lang);
    const counts = new Map<string, number>();
    let none = 0;
    for (const p of parcels) {
      const v = spec.valueOf(p);
      if (v === null) none++;
      else counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const classes: LegendClass[] = cats
      .map((c, index) => {
        const user = cls.labels[index];
        return {
          index,
          label: user ?? c.label,
          defaultLabel: c.label,
          edited: user !== undefined,
          color: c.color,
          count: counts.get(c.value) ?? 0,
          filter: spec.filter(c.value),
        };
      })
      .filter((c) => c.count > 0 || indicator !== "landUse");
    const colouring: Colouring = {
      kind: "categorical",
      field: spec.field,
      categories: cats.map((c) => ({ value: c.value, color: c.color })),
      otherColor: OTHER,
    };
    const noDataLabel =
      indicator === "efficiencyClass" ? enumLabel("efficiencyClass", "none", lang) : t("legendNoData", lang);
    return {
      colouring,
      legend: {
        indicator,
        title: indicatorTitle(indicator, lang),
        unit: "",
        classes,
        noData:
          none > 0 ? { label: noDataLabel, color: OTHER, count: none, filter: spec.filter(null) } : null,
        editable: true,
      },
    };
  }

  const fieldUnit: FieldUnit = fieldInfo(indicator)?.unit ?? "none";
  const values = numericColumn(parcels, indicator);
  const breaks = breaksFor(parcels, indicator, cls, values);
  const colors = rampColors("YlGnBu", breaks.length + 1);
  const counts = classCounts(values, breaks);
  const noData = values.filter((v) => v === null || !Number.isFinite(v)).length;
  const dec = decimalsFor(fieldUnit, indicator);
  const show = (v: number) => formatNumber(toDisplay(v, fieldUnit, unit), dec, lang);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const classes: LegendClass[] = colors.map((color, index) => {
    let def: string;
    if (breaks.length === 0)
      def = finite.length
        ? `${show(Math.min(...finite))} – ${show(Math.max(...finite))}`
        : t("legendNoData", lang);
    else if (index === 0) def = `< ${show(breaks[0] as number)}`;
    else if (index === breaks.length) def = `≥ ${show(breaks[index - 1] as number)}`;
    else def = `${show(breaks[index - 1] as number)} – ${show(breaks[index] as number)}`;
    const user = cls.labels[index];
    return {
      index,
      label: user ?? def,
      defaultLabel: def,
      edited: user !== undefined,
      color,
      count: counts[index] ?? 0,
      filter: {
        range: {
          field: indicator,
          min: index === 0 ? null : (breaks[index - 1] ?? null),
          max: breaks[index] ?? null,
          missing: false,
        },
      },
    };
  });
  return {
    colouring: { kind: "graduated", field: indicator, breaks, colors, nullColor: NO_DATA_COLOR },
    legend: {
      indicator,
      title: indicatorTitle(indicator, lang),
      // The score has no unit; its scale says what it is relative to (100 = every indicator at its benchmark).
      unit:
        indicator === "efficiencyScore" && scoreScale !== undefined
          ? efficiencyScaleText(scoreScale, lang)
          : unitLabel(fieldUnit, lang, unit),
      classes,
      noData:
        noData > 0
          ? {
              label: t("legendNoData", lang),
              color: NO_DATA_COLOR,
              count: noData,
              filter: { range: { field: indicator, min: null, max: null, missing: true } },
            }
          : null,
      editable: true,
    },
  };
}

let last: { args: unknown[]; value: Derived } | null = null;
function derived(s: AppState): Derived {
  const scale = s.result?.efficiencyScale;
  const args = [s.result?.parcels, s.indicator, currentClassification(s), s.unit, s.lang, scale];
  if (last?.args.every((a, i) => a === args[i])) return last.value;
  const value = derive(s.result?.parcels ?? [], s.indicator, currentClassification(s), s.unit, s.lang, scale);
  // Keep the previous colouring object when it is the same (a label edit or language switch
  // must not repaint the map).
  if (last && JSON.stringify(last.value.colouring) === JSON.stringify(value.colouring))
    value.colouring = last.value.colouring;
  last = { args, value };
  return value;
}

/** The map colouring for the current indicator and classification. */
export function selectColouring(s: AppState): Colouring {
  return derived(s).colouring;
}

/** The legend for the current indicator: classes with labels, colours, counts and the unit. */
export function selectLegend(s: AppState): Legend {
  return derived(s).legend;
}
// Its counts loop over every parcel: done in a task of their own before a large result is written.
addResultWarmer(selectLegend);

/** Is the legend filter `patch` what the table filter `f` has now (the class is highlighted)? */
export function isLegendFilterOn(f: TableFilter, patch: Partial<TableFilter>): boolean {
  const keys = Object.keys(patch) as (keyof TableFilter)[];
  return (
    keys.length > 0 &&
    keys.every((k) => {
      const want = patch[k];
      const have = f[k];
      if (k === "range") {
        const a = want as TableFilter["range"];
        const b = have as TableFilter["range"];
        return (
          a !== null &&
          b !== null &&
          a !== undefined &&
          a.field === b.field &&
          a.min === b.min &&
          a.max === b.max &&
          a.missing === b.missing
        );
      }
      return want === have;
    })
  );
}

/** The filter patch of a legend click: show only that class, or (when it is shown already) drop it. */
export function legendFilterToggle(f: TableFilter, patch: Partial<TableFilter>): Partial<TableFilter> {
  if (!isLegendFilterOn(f, patch)) return patch;
  return Object.fromEntries(Object.keys(patch).map((k) => [k, null])) as Partial<TableFilter>;
}

/** The numeric indicator a range filter refers to, as a title (for the table's filter chip). */
export function rangeFilterText(
  r: NonNullable<TableFilter["range"]>,
  unit: Unit,
  lang: Lang,
): { title: string; range: string; unit: string } {
  const fieldUnit: FieldUnit = fieldInfo(r.field)?.unit ?? "none";
  const dec = decimalsFor(fieldUnit, r.field);
  const show = (v: number) => formatNumber(toDisplay(v, fieldUnit, unit), dec, lang);
  let range: string;
  if (r.missing) range = t("legendNoData", lang);
  else if (r.min === null && r.max === null) range = t("legendAll", lang);
  else if (r.min === null) range = `< ${show(r.max as number)}`;
  else if (r.max === null) range = `≥ ${show(r.min)}`;
  else range = `${show(r.min)} – ${show(r.max)}`;
  return {
    title: indicatorTitle(r.field as NumericIndicator, lang),
    range,
    unit: r.missing ? "" : unitLabel(fieldUnit, lang, unit),
  };
}

/** The label of a parcel's category under a categorical indicator (as the legend names it), null when it has none. */
export function categoryLabelOf(
  indicator: CategoricalIndicator,
  p: AnalysedParcel,
  lang: Lang,
): string | null {
  const spec = CATEGORICAL[indicator];
  const v = spec.valueOf(p);
  if (v === null) return null;
  return spec.categories(lang).find((c) => c.value === v)?.label ?? v;
}
