/**
 * Standards checks (控制指标 / 标准地, domain.md §4).
 *
 * A threshold is resolved per parcel as: the standards file's `defaults`, overridden by
 * `zones[zone]`, overridden by `industries[industryCode]`, overridden by the parcel's own agreed
 * 标准地 targets (`agreedInvestmentPerMu` → `investmentPerMu`, `agreedFar` → `far`,
 * `agreedTaxPerMu` → `taxPerMu`, `agreedOutputPerMu` → `outputPerMu`).
 *
 * Checks apply to industrial parcels (`landUse` starting with `1001`) that are `completed` or
 * `in-production`. A value exactly equal to a minimum or maximum passes; a `null` indicator is
 * "not assessed", not a failure.
 */
import {
  type CheckedIndicator,
  MAX_CHECKED,
  MIN_CHECKED,
  type ParcelIndicators,
  type ParcelInput,
  type StandardCheck,
  type Standards,
  type ThresholdLevel,
  type ThresholdSet,
} from "./types";

/** One resolved threshold before a parcel's agreed targets are applied. */
export interface ResolvedThreshold {
  indicator: CheckedIndicator;
  kind: "min" | "max";
  threshold: number;
  level: ThresholdLevel;
  /** `sources[indicator]` of the standards file, or the agreed field name for `agreed`. */
  source: string;
  /** The (frozen, shared) check of a parcel whose indicator is null against this threshold. */
  notAssessed: StandardCheck;
}

/** Shared, frozen empty lists for parcels the standards do not apply to or that fail nothing. */
const NO_CHECKS: StandardCheck[] = Object.freeze([]) as unknown as StandardCheck[];
const NOTHING_FAILED: CheckedIndicator[] = Object.freeze([]) as unknown as CheckedIndicator[];

/** The parcel field holding its agreed 标准地 target for an indicator. */
export const AGREED_FIELD: Partial<Record<CheckedIndicator, keyof ParcelInput>> = {
  investmentPerMu: "agreedInvestmentPerMu",
  far: "agreedFar",
  taxPerMu: "agreedTaxPerMu",
  outputPerMu: "agreedOutputPerMu",
};

/** All checked indicators in output order: minimums, then maximums. */
const ORDER: readonly { indicator: CheckedIndicator; kind: "min" | "max" }[] = [
  ...MIN_CHECKED.map((indicator) => ({ indicator, kind: "min" as const })),
  ...MAX_CHECKED.map((indicator) => ({ indicator, kind: "max" as const })),
];

/**
 * Relative tolerance when comparing a value to its threshold. Indicators are quotients of
 * recorded figures (e.g. 1800 万元 / 15 亩); binary floating point can put a value that is exactly
 * on the threshold in decimal a few units in the 16th digit below it, and a parcel at exactly
 * the threshold passes. 1e-9 is far below any recorded precision.
 */
export const THRESHOLD_TOLERANCE = 1e-9;

/** Does the standards check apply to this parcel (industrial, completed or in production)? */
export function standardsApply(input: ParcelInput): boolean {
  const s = input.constructionStatus;
  return (s === "completed" || s === "in-production") && isIndustrial(input);
}

/** Is the parcel industrial land (`landUse` code starting with `1001`)? */
export function isIndustrial(input: ParcelInput): boolean {
  return input.landUse?.startsWith("1001") === true;
}

/**
 * The industry level for a GB/T 4754-2017 code: the exact key, else — for a longer code such as
 * the 4-digit class `3011` — its 2-digit major class `30` (the codes are hierarchical).
 */
function industrySet(s: Standards, code: string | undefined): ThresholdSet | undefined {
  if (code === undefined) return undefined;
  const exact = s.industries?.[code];
  if (exact || code.length <= 2 || !/^\d+$/.test(code)) return exact;
  return s.industries?.[code.slice(0, 2)];
}

function lookup(set: ThresholdSet | undefined, kind: "min" | "max", indicator: CheckedIndicator) {
  const table = kind === "min" ? set?.min : set?.max;
  const v = (table as Record<string, number | undefined> | undefined)?.[indicator];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * Resolves thresholds for a (zone, industry) pair, cached: 100 000 parcels share a handful of
 * combinations, so each is resolved once.
 *
 * @example
 * const r = new ThresholdResolver(standards);
 * r.resolve("dayangbang", "30") // [{indicator:"investmentPerMu", threshold:100, level:"zone", …}, {indicator:"far", threshold:0.7, level:"industry", …}, …]
 */
export class ThresholdResolver {
  /** zone → industry → thresholds ("" for a missing zone or industry); nested so lookups allocate nothing. */
  private readonly cache = new Map<string, Map<string, readonly ResolvedThreshold[]>>();
  constructor(private readonly standards: Standards) {}

  /** Thresholds from defaults → zone → industry, in output order (no agreed targets). */
  resolve(zone: string | undefined, industryCode: string | undefined): readonly ResolvedThreshold[] {
    let byIndustry = this.cache.get(zone ?? "");
    if (!byIndustry) {
      byIndustry = new Map();
      this.cache.set(zone ?? "", byIndustry);
    }
    let out = byIndustry.get(industryCode ?? "");
    if (out) return out;
    const s = this.standards;
    const levels: [ThresholdLevel, ThresholdSet | undefined][] = [
      ["default", s.defaults],
      ["zone", zone === undefined ? undefined : s.zones?.[zone]],
      ["industry", industrySet(s, industryCode)],
    ];
    const list: ResolvedThreshold[] = [];
    for (const { indicator, kind } of ORDER) {
      let found: ResolvedThreshold | undefined;
      for (const [level, set] of levels) {
        const v = lookup(set, kind, indicator);
        if (v !== undefined) {
          const source = s.sources?.[indicator] ?? "";
          const notAssessed = Object.freeze(makeCheck(indicator, kind, v, level, source, null));
          found = { indicator, kind, threshold: v, level, source, notAssessed };
        }
      }
      if (found) list.push(found);
    }
    out = Object.freeze(list);
    byIndustry.set(industryCode ?? "", out);
    return out;
  }
}

function makeCheck(
  indicator: CheckedIndicator,
  kind: "min" | "max",
  threshold: number,
  level: ThresholdLevel,
  source: string,
  value: number | null,
): StandardCheck {
  let status: StandardCheck["status"];
  if (value === null) status = "not-assessed";
  else {
    const tol = Math.abs(threshold) * THRESHOLD_TOLERANCE;
    status = (kind === "min" ? value < threshold - tol : value > threshold + tol) ? "fail" : "pass";
  }
  return { indicator, kind, threshold, level, source, value, status };
}

/**
 * Check one parcel against its resolved thresholds and its own agreed targets.
 *
 * @param input the parcel (its `agreed…` fields override the resolved minimums)
 * @param indicators the parcel's §3 indicators
 * @param resolved thresholds from `ThresholdResolver.resolve(input.zone, input.industryCode)`
 * @returns the checks (in MIN_CHECKED then MAX_CHECKED order) and the names of failed indicators;
 *   both empty when the standards do not apply to this parcel
 * @example checkStandards(p.input, ind, resolver.resolve(p.input.zone, p.input.industryCode))
 * // {checks:[…], failed:["far", "taxPerMu"]}
 */
export function checkStandards(
  input: ParcelInput,
  indicators: ParcelIndicators,
  resolved: readonly ResolvedThreshold[],
): { checks: StandardCheck[]; failed: CheckedIndicator[] } {
  if (!standardsApply(input)) return { checks: NO_CHECKS, failed: NOTHING_FAILED };
  const checks: StandardCheck[] = [];
  let failed = NOTHING_FAILED;
  let j = 0;
  for (let o = 0; o < ORDER.length; o++) {
    const { indicator, kind } = ORDER[o]!;
    let r: ResolvedThreshold | undefined = resolved[j];
    if (r && r.indicator === indicator) j++;
    else r = undefined;
    const agreedField = kind === "min" ? AGREED_FIELD[indicator] : undefined;
    const agreed = agreedField ? (input[agreedField] as number | undefined) : undefined;
    let check: StandardCheck | undefined;
    const value = indicators[indicator];
    if (agreed !== undefined && Number.isFinite(agreed) && agreedField)
      check = makeCheck(indicator, kind, agreed, "agreed", agreedField, value);
    else if (r)
      check =
        value === null ? r.notAssessed : makeCheck(indicator, kind, r.threshold, r.level, r.source, value);
    if (check) {
      checks.push(check);
      if (check.status === "fail") {
        if (failed === NOTHING_FAILED) failed = [];
        failed.push(indicator);
      }
    }
  }
  return { checks, failed };
}
