/**
 * Plan targets (发展目标) against the values computed from parcel data (domain.md §9).
 *
 * A targets file lists the plan's targets; each names the `metric` that computes its value from
 * the parcels. Money in 万元 (a year's figures for tax, value added and revenue), shares as plain
 * fractions 0–1, counts as numbers. Pure: no I/O, no clock.
 *
 * @example
 * computeTargets([{ id: "a", enterprise: "甲", taxRevenue: 100 }], {
 *   name: "plan", period: "2021-2023", source: "…",
 *   targets: [{ id: "tax", zh: "税收总额", en: "Tax", metric: "tax-total", value: 6200,
 *               unit: "wan-yuan", comparison: ">=", source: "…" }],
 * })
 * // → [{ id: "tax", value: 100, target: 6200, met: false, reason: null, … }]
 */
import type { IndustryCluster, ParcelInput } from "./types";

/** How a target's value is computed from the parcels. */
export const TARGET_METRICS = [
  /** Distinct non-empty `enterprise` names. */
  "enterprise-count",
  /** Distinct enterprises with `aboveScale` true on any of their parcels. */
  "above-scale-enterprise-count",
  /** Σ `taxRevenue` (万元/年). */
  "tax-total",
  /** Σ `valueAdded` of parcels with `aboveScale` true (万元/年). */
  "above-scale-value-added",
  /** Σ `outputValue` of high-tech industrial parcels ÷ Σ `outputValue` of industrial parcels. */
  "high-tech-output-share",
  /** Σ `outputValue` of parcels in the target's `clusters` ÷ Σ `outputValue`, within the target's `zone`. */
  "leading-industry-share",
  /** The largest enterprise revenue, Σ `revenue` over its parcels (万元/年). */
  "max-enterprise-revenue",
  /** Not derivable from parcel data (patents, R&D centres …): listed, never computed. */
  "not-in-parcel-data",
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const COMPARISONS = [">=", ">", "<=", "<", "=="] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Units of targets: `ratio` is a plain fraction shown as percent. */
export const TARGET_UNITS = ["enterprises", "count", "wan-yuan", "ratio"] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** One target of the plan. */
export interface TargetSpec {
  id: string;
  zh: string;
  en: string;
  metric: TargetMetric;
  /** The target value, in `unit`. */
  value: number;
  unit: TargetUnit;
  /** `value` is met when `computed <comparison> value`. */
  comparison: Comparison;
  /** Where the target comes from (the plan's words). */
  source: string;
  /** Restrict the parcels to one zone (required for `leading-industry-share`). */
  zone?: string;
  /** The leading clusters (for `leading-industry-share`). */
  clusters?: IndustryCluster[];
  /**
   * Average growth a year the plan sets for this target, as a fraction (0.12 = +12 %/yr): the
   * target is then the end of a compound path from the base year (see {@link growthPath}).
   */
  growthRate?: number;
  /** What data would be needed to compute the value (for `not-in-parcel-data` targets). */
  needs?: { zh: string; en: string };
}

/** A targets file (`geodata/targets.json`). */
export interface TargetsFile {
  name: string;
  /** The plan period, `YYYY-YYYY` (e.g. `2021-2023`); its last year is the targets' year. */
  period: string;
  /** The year the growth targets grow from (default: the year before the period starts). */
  baseYear?: number;
  source: string;
  targets: TargetSpec[];
}

/** Why a value could not be computed. */
export type TargetNullReason = "not-in-parcel-data" | "no-data" | "no-output";

/** A target next to the value computed from the data. */
export interface TargetRow {
  id: string;
  label: { zh: string; en: string };
  metric: TargetMetric;
  zone: string | null;
  target: number;
  comparison: Comparison;
  unit: TargetUnit;
  /** Computed value in `unit`, or `null` when it cannot be computed (see `reason`). */
  value: number | null;
  /** Whether the target is met; `null` when the value cannot be computed. */
  met: boolean | null;
  reason: TargetNullReason | null;
  source: string;
}

const isIndustrial = (p: ParcelInput) => p.landUse?.startsWith("1001") === true;
/** Does any parcel record whether its enterprise is above designated size (规上认定)? */
const recordsAboveScale = (parcels: readonly ParcelInput[]) =>
  parcels.some((p) => typeof p.aboveScale === "boolean");
const enterpriseOf = (p: ParcelInput) => p.enterprise?.trim() ?? "";

/** Σ field over parcels that have it; null when none has it. */
function sum(
  parcels: readonly ParcelInput[],
  field: "taxRevenue" | "valueAdded" | "outputValue",
): number | null {
  let total = 0;
  let any = false;
  for (const p of parcels) {
    const v = p[field];
    if (typeof v === "number" && Number.isFinite(v)) {
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}

/** `num / den`; null when the denominator is missing or 0. */
function share(num: number | null, den: number | null): number | null {
  if (den === null || den === 0) return null;
  return (num ?? 0) / den;
}

/** Evaluate `value <comparison> target`. */
export function compare(value: number, comparison: Comparison, target: number): boolean {
  switch (comparison) {
    case ">=":
      return value >= target;
    case ">":
      return value > target;
    case "<=":
      return value <= target;
    case "<":
      return value < target;
    case "==":
      return value === target;
  }
}

function computeValue(
  spec: TargetSpec,
  parcels: readonly ParcelInput[],
): { value: number | null; reason: TargetNullReason | null } {
  const scoped = spec.zone === undefined ? parcels : parcels.filter((p) => p.zone === spec.zone);
  const nul = (reason: TargetNullReason) => ({ value: null, reason });
  const val = (value: number | null, reason: TargetNullReason = "no-data") =>
    value === null ? nul(reason) : { value, reason: null };
  switch (spec.metric) {
    case "enterprise-count":
      return val(new Set(scoped.map(enterpriseOf).filter((n) => n !== "")).size);
    case "above-scale-enterprise-count":
      // Without any 规上认定 in the data, 0 would read as "none is above size": say it is unknown.
      if (!recordsAboveScale(scoped)) return nul("no-data");
      return val(
        new Set(
          scoped
            .filter((p) => p.aboveScale === true)
            .map(enterpriseOf)
            .filter((n) => n !== ""),
        ).size,
      );
    case "tax-total":
      return val(sum(scoped, "taxRevenue"));
    case "above-scale-value-added":
      if (!recordsAboveScale(scoped)) return nul("no-data");
      return val(
        sum(
          scoped.filter((p) => p.aboveScale === true),
          "valueAdded",
        ),
      );
    case "high-tech-output-share": {
      const industrial = scoped.filter(isIndustrial);
      // Output but no 高新技术企业认定 recorded at all: the share is unknown, not 0.
      const den = sum(industrial, "outputValue");
      if (den !== null && den !== 0 && !industrial.some((p) => typeof p.highTech === "boolean"))
        return nul("no-data");
      return val(
        share(
          sum(
            industrial.filter((p) => p.highTech === true),
            "outputValue",
          ),
          sum(industrial, "outputValue"),
        ),
        "no-output",
      );
    }
    case "leading-industry-share": {
      const leading = new Set<string>(spec.clusters ?? []);
      return val(
        share(
          sum(
            scoped.filter((p) => p.industryCluster !== undefined && leading.has(p.industryCluster)),
            "outputValue",
          ),
          sum(scoped, "outputValue"),
        ),
        "no-output",
      );
    }
    case "max-enterprise-revenue": {
      const byEnterprise = new Map<string, number>();
      for (const p of scoped) {
        const name = enterpriseOf(p);
        if (name === "" || typeof p.revenue !== "number" || !Number.isFinite(p.revenue)) continue;
        byEnterprise.set(name, (byEnterprise.get(name) ?? 0) + p.revenue);
      }
      return val(byEnterprise.size === 0 ? null : Math.max(...byEnterprise.values()));
    }
    case "not-in-parcel-data":
      return nul("not-in-parcel-data");
  }
}

/**
 * Each target of `targets` next to its value computed from `parcels` (inputs, or analysed
 * parcels carrying their `input`). Rows keep the file's order.
 */
export function computeTargets(
  parcels: readonly (ParcelInput | { input: ParcelInput })[],
  targets: TargetsFile,
): TargetRow[] {
  const inputs = parcels.map((p) => ("input" in p ? p.input : p));
  return targets.targets.map((spec) => {
    const { value, reason } = computeValue(spec, inputs);
    return {
      id: spec.id,
      label: { zh: spec.zh, en: spec.en },
      metric: spec.metric,
      zone: spec.zone ?? null,
      target: spec.value,
      comparison: spec.comparison,
      unit: spec.unit,
      value,
      met: value === null ? null : compare(value, spec.comparison, spec.value),
      reason,
      source: spec.source,
    };
  });
}

/**
 * Check that `data` (parsed JSON) is a usable targets file. Returns the file, or a list of
 * problems as `path: what` strings (e.g. `targets[3].metric: unknown "x"`).
 */
export function validateTargetsFile(data: unknown): { file: TargetsFile } | { problems: string[] } {
  const problems: string[] = [];
  const isObj = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null && !Array.isArray(x);
  if (!isObj(data)) return { problems: ["(root): not a JSON object"] };
  if (!Array.isArray(data.targets)) return { problems: ["targets: missing or not a list"] };
  const ids = new Set<string>();
  data.targets.forEach((t: unknown, i: number) => {
    const at = `targets[${i}]`;
    if (!isObj(t)) {
      problems.push(`${at}: not an object`);
      return;
    }
    for (const k of ["id", "zh", "en", "source"] as const)
      if (typeof t[k] !== "string") problems.push(`${at}.${k}: missing or not text`);
    if (typeof t.id === "string") {
      if (ids.has(t.id)) problems.push(`${at}.id: duplicate "${t.id}"`);
      ids.add(t.id);
    }
    if (typeof t.value !== "number" || !Number.isFinite(t.value)) problems.push(`${at}.value: not a number`);
    if (!TARGET_METRICS.includes(t.metric as TargetMetric))
      problems.push(`${at}.metric: unknown "${String(t.metric)}"`);
    if (!TARGET_UNITS.includes(t.unit as TargetUnit))
      problems.push(`${at}.unit: unknown "${String(t.unit)}"`);
    if (!COMPARISONS.includes(t.comparison as Comparison))
      problems.push(`${at}.comparison: unknown "${String(t.comparison)}"`);
    if (t.zone !== undefined && typeof t.zone !== "string") problems.push(`${at}.zone: not text`);
    if (t.growthRate !== undefined) {
      if (typeof t.growthRate !== "number" || !Number.isFinite(t.growthRate))
        problems.push(`${at}.growthRate: not a number`);
      else if (t.growthRate <= -1 || t.growthRate > 10)
        problems.push(
          `${at}.growthRate: ${t.growthRate} is not a yearly growth (a fraction above -1, e.g. 0.12)`,
        );
    }
    if (t.unit === "ratio" && typeof t.value === "number" && (t.value < 0 || t.value > 1))
      problems.push(`${at}.value: ${t.value} is not a share (0 to 1, e.g. 0.3 for 30 %)`);
    if (
      t.needs !== undefined &&
      !(isObj(t.needs) && typeof t.needs.zh === "string" && typeof t.needs.en === "string")
    )
      problems.push(`${at}.needs: not {"zh": text, "en": text}`);
    if (t.metric === "leading-industry-share") {
      if (typeof t.zone !== "string") problems.push(`${at}.zone: required for leading-industry-share`);
      if (!Array.isArray(t.clusters) || t.clusters.some((c) => typeof c !== "string"))
        problems.push(`${at}.clusters: required list of cluster ids`);
    }
  });
  for (const k of ["name", "period", "source"] as const)
    if (data[k] !== undefined && typeof data[k] !== "string") problems.push(`${k}: not text`);
  if (data.baseYear !== undefined && !(typeof data.baseYear === "number" && Number.isInteger(data.baseYear)))
    problems.push("baseYear: not a whole year");
  const period = typeof data.period === "string" ? data.period : "";
  const years = parsePeriod(period);
  if (period.trim() !== "" && years === null)
    problems.push(`period: "${period}" is not a period of years (YYYY-YYYY, e.g. 2021-2023)`);
  else if (years && years.start > years.end) problems.push(`period: "${period}" ends before it starts`);
  if (years && typeof data.baseYear === "number" && data.baseYear >= years.end)
    problems.push(`baseYear: ${data.baseYear} is not before the period's last year ${years.end}`);
  if (years === null && data.targets.some((t) => isObj(t) && t.growthRate !== undefined))
    problems.push("period: required (YYYY-YYYY) for targets with a growthRate");
  if (problems.length > 0) return { problems };
  return {
    file: {
      name: typeof data.name === "string" ? data.name : "",
      period,
      ...(typeof data.baseYear === "number" ? { baseYear: data.baseYear } : {}),
      source: typeof data.source === "string" ? data.source : "",
      targets: data.targets as TargetSpec[],
    },
  };
}

// ------------------------------------------------------------------------------------------
// the plan's years and the growth path

/** First and last year of a period `YYYY-YYYY` (also with –, — or 至), a single `YYYY`; else null. */
export function parsePeriod(period: string): { start: number; end: number } | null {
  const m = /^\s*(\d{4})\s*(?:[-–—~至]\s*(\d{4}))?\s*$/.exec(period);
  if (!m) return null;
  const start = Number(m[1]);
  return { start, end: m[2] === undefined ? start : Number(m[2]) };
}

/** The years of a plan: growth from `baseYear`, targets due at the end of `targetYear`. */
export interface PlanYears {
  baseYear: number;
  startYear: number;
  targetYear: number;
}

/** The plan's years from its period and base year (default: the year before the period); null without a period. */
export function planYears(file: Pick<TargetsFile, "period" | "baseYear">): PlanYears | null {
  const p = parsePeriod(file.period);
  if (!p) return null;
  return { baseYear: file.baseYear ?? p.start - 1, startYear: p.start, targetYear: p.end };
}

export interface GrowthPoint {
  year: number;
  /** Where the value should stand at the end of `year` on the compound path to the target. */
  value: number;
  /** After the plan's target year: the same yearly growth continued (not a target of the plan). */
  beyond: boolean;
}

export interface GrowthPath {
  rate: number;
  baseYear: number;
  targetYear: number;
  /** The value the path starts from in the base year: `target ÷ (1 + rate)^(targetYear − baseYear)`. */
  baseValue: number;
  /** One point a year, from the base year to the target year (or to `dataYear` when later). */
  points: GrowthPoint[];
  /** The path's value in the data's year (`null` without a data year, or before the base year). */
  atDataYear: GrowthPoint | null;
}

/** Years a growth path is drawn past the target year at most (a data year far later is not placed). */
export const GROWTH_PATH_MAX_BEYOND = 20;

/**
 * The compound path a growth target sets (e.g. tax 6200 万元 in 2023 at +12 %/yr): in year `y` the
 * value should be `target × (1 + rate)^(y − targetYear)`, so it grows by `rate` a year from the
 * base year and reaches the target in the target year. With a `dataYear` after the target year,
 * the path is continued at the same rate (marked `beyond`), so the data's value can be placed on
 * it. `null` for a target without a growth rate, or a plan without years.
 */
export function growthPath(
  spec: Pick<TargetSpec, "value" | "growthRate">,
  years: PlanYears | null,
  dataYear?: number | null,
): GrowthPath | null {
  const rate = spec.growthRate;
  if (rate === undefined || years === null || rate <= -1 || years.baseYear >= years.targetYear) return null;
  const at = (year: number): GrowthPoint => ({
    year,
    value:
      year <= years.targetYear
        ? spec.value / (1 + rate) ** (years.targetYear - year)
        : spec.value * (1 + rate) ** (year - years.targetYear),
    beyond: year > years.targetYear,
  });
  const usable =
    typeof dataYear === "number" &&
    Number.isInteger(dataYear) &&
    dataYear >= years.baseYear &&
    dataYear <= years.targetYear + GROWTH_PATH_MAX_BEYOND;
  const last = usable ? Math.max(years.targetYear, dataYear) : years.targetYear;
  const points: GrowthPoint[] = [];
  for (let y = years.baseYear; y <= last; y++) points.push(at(y));
  return {
    rate,
    baseYear: years.baseYear,
    targetYear: years.targetYear,
    baseValue: at(years.baseYear).value,
    points,
    atDataYear: usable ? at(dataYear) : null,
  };
}

// ------------------------------------------------------------------------------------------
// the parcels behind a target

/** Which parcels stand behind a target's value (what the dashboard lists when a target is clicked). */
export type TargetParcelsKind =
  /** `enterprise-count`: the parcels of the enterprises counted. */
  | "counted-enterprises"
  /** `above-scale-enterprise-count`: the parcels of enterprises below designated size (规下企业). */
  | "below-scale-enterprises"
  /** `tax-total`: the parcels that record tax. */
  | "tax-payers"
  /** `above-scale-value-added`: the parcels of above-size enterprises that record value added. */
  | "above-scale-value-added"
  /** `high-tech-output-share`: industrial parcels with output that are not high-tech. */
  | "not-high-tech-output"
  /** `leading-industry-share`: parcels of the zone with output outside the leading clusters. */
  | "outside-leading-industries"
  /** `max-enterprise-revenue`: the parcels of the enterprise with the largest revenue. */
  | "largest-enterprise";

const KIND_OF: Record<Exclude<TargetMetric, "not-in-parcel-data">, TargetParcelsKind> = {
  "enterprise-count": "counted-enterprises",
  "above-scale-enterprise-count": "below-scale-enterprises",
  "tax-total": "tax-payers",
  "above-scale-value-added": "above-scale-value-added",
  "high-tech-output-share": "not-high-tech-output",
  "leading-industry-share": "outside-leading-industries",
  "max-enterprise-revenue": "largest-enterprise",
};

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The parcels behind a target (their ids, in the parcels' order) and what they are: for a count
 * or a sum the parcels it counts; for the above-size count the enterprises still below size; for
 * a share the parcels whose output keeps it down (outside the high-tech firms, outside the
 * zone's leading industries). `null` for a target parcel data cannot compute.
 */
export function targetParcels(
  spec: TargetSpec,
  parcels: readonly (ParcelInput | { input: ParcelInput })[],
): { kind: TargetParcelsKind; ids: string[] } | null {
  if (spec.metric === "not-in-parcel-data") return null;
  const kind = KIND_OF[spec.metric];
  const inputs = parcels.map((p) => ("input" in p ? p.input : p));
  const scoped = spec.zone === undefined ? inputs : inputs.filter((p) => p.zone === spec.zone);
  const ids = (keep: (p: ParcelInput) => boolean) => scoped.filter(keep).map((p) => p.id);
  switch (spec.metric) {
    case "enterprise-count":
      return { kind, ids: ids((p) => enterpriseOf(p) !== "") };
    case "above-scale-enterprise-count": {
      const above = new Set(scoped.filter((p) => p.aboveScale === true).map(enterpriseOf));
      return { kind, ids: ids((p) => enterpriseOf(p) !== "" && !above.has(enterpriseOf(p))) };
    }
    case "tax-total":
      return { kind, ids: ids((p) => finite(p.taxRevenue)) };
    case "above-scale-value-added":
      return { kind, ids: ids((p) => p.aboveScale === true && finite(p.valueAdded)) };
    case "high-tech-output-share":
      return {
        kind,
        ids: ids((p) => isIndustrial(p) && finite(p.outputValue) && p.highTech !== true),
      };
    case "leading-industry-share": {
      const leading = new Set<string>(spec.clusters ?? []);
      return {
        kind,
        ids: ids(
          (p) =>
            finite(p.outputValue) && !(p.industryCluster !== undefined && leading.has(p.industryCluster)),
        ),
      };
    }
    case "max-enterprise-revenue": {
      const byEnterprise = new Map<string, number>();
      for (const p of scoped) {
        const name = enterpriseOf(p);
        if (name === "" || !finite(p.revenue)) continue;
        byEnterprise.set(name, (byEnterprise.get(name) ?? 0) + p.revenue);
      }
      let best: string | null = null;
      let top = -Infinity;
      // ties: the name first in Chinese collation, so the answer never depends on parcel order
      for (const [name, r] of byEnterprise)
        if (r > top || (r === top && best !== null && name.localeCompare(best, "zh") < 0)) {
          best = name;
          top = r;
        }
      return { kind, ids: best === null ? [] : ids((p) => enterpriseOf(p) === best) };
    }
  }
}

// ------------------------------------------------------------------------------------------
// editing targets (a later plan period): pure changes of a file, validated by the caller

/** A number of one target the user can change. */
export type TargetNumberField = "value" | "growthRate";

/** The file with one target's `value` or `growthRate` set (`null` removes the growth rate). */
export function withTargetNumber(
  file: TargetsFile,
  targetId: string,
  field: TargetNumberField,
  value: number | null,
): TargetsFile {
  return {
    ...file,
    targets: file.targets.map((t) => {
      if (t.id !== targetId) return t;
      if (field === "value") return value === null ? t : { ...t, value };
      const { growthRate: _old, ...rest } = t;
      return value === null ? rest : { ...rest, growthRate: value };
    }),
  };
}

/** The file with a new period and/or base year (`baseYear: null`: back to the year before the period). */
export function withPlanYears(
  file: TargetsFile,
  patch: { period?: string; baseYear?: number | null },
): TargetsFile {
  const { baseYear: _old, ...rest } = file;
  const baseYear = patch.baseYear === undefined ? file.baseYear : patch.baseYear;
  return {
    ...rest,
    ...(patch.period !== undefined ? { period: patch.period } : {}),
    ...(baseYear === null || baseYear === undefined ? {} : { baseYear }),
  };
}
