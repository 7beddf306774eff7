/**
 * The analysis pipeline: prepared parcels in, indicators, checks, idle status, efficiency class
 * and reallocation flags out (domain.md §3–§7). Pure: no I/O, no clock (the as-of date is given).
 *
 * Cost is linear in the number of parcels plus one sort of the evaluated scores; threshold
 * lookups are resolved once per (zone, industry) pair.
 */
import { isIsoDate } from "./dates";
import {
  compileEfficiency,
  type EfficiencyConfig,
  efficiencyIneligibility,
  efficiencyScore,
  rankClasses,
} from "./efficiency";
import { idleStatus } from "./idle";
import { computeIndicators, computeIndicatorsInto, indicatorAreaM2, type NullReasons } from "./indicators";
import { reallocationReasons } from "./reallocation";
import { fieldReason, plainReason, type ReasonCode, reason } from "./reasons";
import { checkStandards, ThresholdResolver } from "./standards";
import { summarize } from "./summary";
import type {
  AnalysedParcel,
  AnalysisOptions,
  AnalysisResult,
  CheckedIndicator,
  EfficiencyClass,
  EfficiencyIndicator,
  ParcelComputed,
  PreparedParcel,
  ReallocationReason,
  Reason,
} from "./types";

/** Shared, frozen lists: results are read-only data, so parcels with the same list share it. */
const NO_REASONS = Object.freeze([]) as unknown as ReallocationReason[];
const NO_FAILED = Object.freeze([]) as unknown as CheckedIndicator[];
const SHARED_REASONS = new Map<ReasonCode, Reason[]>();
function sharedReasons(code: ReasonCode): Reason[] {
  let r = SHARED_REASONS.get(code);
  if (!r) {
    r = Object.freeze([plainReason(code)]) as unknown as Reason[];
    SHARED_REASONS.set(code, r);
  }
  return r;
}

/**
 * Analyse parcels against a standards file at an as-of date.
 *
 * @param parcels prepared parcels (typed inputs; `areaM2` = planar area in the analysis CRS, m²;
 *   geometry in lon/lat, passed through)
 * @param options `standards` (thresholds, fee rate, efficiency weights), `asOf` (ISO date) and,
 *   for parcels that went through `applyEdits`, its `originals` as `edited`
 * @returns one `AnalysedParcel` per input parcel, in input order, and the summaries. Results are
 *   read-only data: lists and reasons that are the same for many parcels are shared, frozen objects.
 *   Throws a RangeError when `asOf` is not a valid ISO date (callers validate user input first).
 * @example
 * const r = analyzeParcels(imported.parcels, { standards, asOf: "2026-06-30" });
 * r.parcels[0].computed.idleStatus // "idle-2y"
 */
export function analyzeParcels(parcels: PreparedParcel[], options: AnalysisOptions): AnalysisResult {
  const ctx = analysisContext(options);
  const n = parcels.length;
  const out: AnalysedParcel[] = new Array(n);
  // Evaluated parcels for the ranking: their index and score.
  const evalIndex: number[] = [];
  const evalScore: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = analyseParcel(parcels[i]!, ctx);
    const score = a.computed.efficiencyScore;
    if (score !== null) {
      evalIndex.push(i);
      evalScore.push(score);
    }
    out[i] = a;
  }
  const ranks = rankClasses(evalScore, ctx.eff.cutoffs);
  const nEval = evalScore.length;
  for (let j = 0; j < nEval; j++) {
    const r = ranks[j]!;
    applyRank(out[evalIndex[j]!]!, r.cls, r.higher, nEval);
  }
  for (let i = 0; i < n; i++) flagReallocation(out[i]!);

  const { summary, summaryByZone } = summarize(out);
  return {
    asOf: options.asOf,
    standardsName: options.standards.name,
    standardsEdition: options.standards.edition,
    efficiencyScale: ctx.eff.totalWeight,
    parcels: out,
    summary,
    summaryByZone,
  };
}

/** What analysing one parcel needs, prepared once per analysis (`analysisContext`). */
export interface AnalysisContext {
  asOf: string;
  resolver: ThresholdResolver;
  eff: EfficiencyConfig;
  feeRate: number;
  edited: AnalysisOptions["edited"] | undefined;
}

/**
 * Prepare an analysis (thresholds, efficiency weights) for `analyseParcel`. Throws a RangeError
 * when `asOf` is not a valid ISO date (callers validate user input first).
 */
export function analysisContext(options: AnalysisOptions): AnalysisContext {
  const { standards, asOf } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`as-of date must be an ISO date YYYY-MM-DD, got "${asOf}"`);
  return {
    asOf,
    resolver: new ThresholdResolver(standards),
    eff: compileEfficiency(standards),
    feeRate: standards.idle.feeRate,
    edited: options.edited && options.edited.size > 0 ? options.edited : undefined,
  };
}

/**
 * Everything of one parcel that does not depend on the others: indicators, standards checks,
 * idle status and the efficiency score (`computed.efficiencyScore` non-null exactly when the
 * parcel is evaluated). The class (`applyRank`, from the ranking of all evaluated scores) and the
 * reallocation flags (`flagReallocation`, after the class) come after — `analyzeParcels` is these
 * three steps, and a streaming caller can run the first once per parcel keeping only the score.
 */
export function analyseParcel(p: PreparedParcel, ctx: AnalysisContext): AnalysedParcel {
  const { eff } = ctx;
  const input = p.input;
  const nullReasons: NullReasons = {};
  // One object per parcel, every field declared up front (one hidden class), filled in place.
  const computed: ParcelComputed = {
    areaM2: 0,
    areaMu: 0,
    investmentPerMu: null,
    far: null,
    buildingCoverage: null,
    greenRatio: null,
    adminRatio: null,
    outputPerMu: null,
    valueAddedPerMu: null,
    taxPerMu: null,
    laborProductivity: null,
    energyProductivity: null,
    rdIntensity: null,
    areaDiscrepancy: null,
    standardsFailed: NO_FAILED,
    idleStatus: "none",
    idleFee: null,
    efficiencyScore: null,
    efficiencyClass: null,
    reallocationCandidate: false,
    reallocationReasons: NO_REASONS,
  };
  const ind = computeIndicatorsInto(input, p.areaM2, nullReasons, computed);
  const { checks, failed } = checkStandards(input, ind, ctx.resolver.resolve(input.zone, input.industryCode));
  const A = indicatorAreaM2(input, p.areaM2);
  const idle = idleStatus(input, A, ctx.asOf, ctx.feeRate);
  computed.standardsFailed = failed;
  computed.idleStatus = idle.status;
  computed.idleFee = idle.fee;

  let efficiencyReasons: Reason[];
  let score: number | null = null;
  const why = efficiencyIneligibility(input, ind.areaMu, eff.minAreaMu);
  if (why === "too-small") {
    efficiencyReasons = [reason("too-small", { areaMu: ind.areaMu, minAreaMu: eff.minAreaMu })];
  } else if (why !== null) {
    efficiencyReasons = sharedReasons(why);
  } else {
    const dropped: EfficiencyIndicator[] = [];
    score = efficiencyScore(ind, eff, dropped);
    if (score === null) efficiencyReasons = sharedReasons("no-indicators");
    else {
      efficiencyReasons = [];
      for (const k of dropped) efficiencyReasons.push(fieldReason("indicator-dropped", k));
    }
  }

  computed.efficiencyScore = score;
  const a: AnalysedParcel = {
    input,
    geometry: p.geometry,
    extra: p.extra,
    computed,
    checks,
    idleReasons: idle.reasons,
    efficiencyReasons,
    nullReasons,
  };
  if (p.areaBasis !== undefined) a.areaBasis = p.areaBasis;
  if (ctx.edited) {
    const orig = ctx.edited.get(input.id);
    if (orig) a.edited = orig;
  }
  return a;
}

/**
 * An evaluated parcel's place in the ranking: its class, and the class reason first among its
 * efficiency reasons (dropped indicators after it).
 * @param higher evaluated parcels with a strictly higher score; `n` evaluated parcels in all
 */
export function applyRank(a: AnalysedParcel, cls: EfficiencyClass, higher: number, n: number): void {
  const score = a.computed.efficiencyScore as number;
  a.computed.efficiencyClass = cls;
  a.efficiencyReasons.unshift(reason("class", { class: cls, score, higher, n, p: higher / n }));
}

/** The reallocation flags (腾笼换鸟, §7) of a parcel whose class is known. */
export function flagReallocation(a: AnalysedParcel): void {
  const c = a.computed;
  const rr = reallocationReasons(c.idleStatus, c.efficiencyClass, a.input.governmentCause === true);
  if (rr.length > 0) {
    c.reallocationCandidate = true;
    c.reallocationReasons = rr;
  }
}

/**
 * The efficiency score `analyseParcel` gives this parcel (null when not evaluated), without the
 * rest of the analysis: what the streaming CLI keeps of each parcel for the ranking.
 */
export function parcelScore(p: PreparedParcel, eff: EfficiencyConfig): number | null {
  const ind = computeIndicators(p.input, p.areaM2, {});
  if (efficiencyIneligibility(p.input, ind.areaMu, eff.minAreaMu) !== null) return null;
  return efficiencyScore(ind, eff, []);
}
