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
}

/** A targets file (`geodata/targets.json`). */
export interface TargetsFile {
  name: string;
  period: string;
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
      return val(
        sum(
          scoped.filter((p) => p.aboveScale === true),
          "valueAdded",
        ),
      );
    case "high-tech-output-share": {
      const industrial = scoped.filter(isIndustrial);
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
    if (t.metric === "leading-industry-share") {
      if (typeof t.zone !== "string") problems.push(`${at}.zone: required for leading-industry-share`);
      if (!Array.isArray(t.clusters) || t.clusters.some((c) => typeof c !== "string"))
        problems.push(`${at}.clusters: required list of cluster ids`);
    }
  });
  if (problems.length > 0) return { problems };
  return {
    file: {
      name: typeof data.name === "string" ? data.name : "",
      period: typeof data.period === "string" ? data.period : "",
      source: typeof data.source === "string" ? data.source : "",
      targets: data.targets as TargetSpec[],
    },
  };
}
