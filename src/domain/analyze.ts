/**
 * The analysis pipeline: prepared parcels in, indicators, checks, idle status, efficiency class
 * and reallocation flags out (domain.md §3–§7). Pure: no I/O, no clock (the as-of date is given).
 *
 * Cost is linear in the number of parcels plus one sort of the evaluated scores; threshold
 * lookups are resolved once per (zone, industry) pair.
 */
import { isIsoDate } from "./dates";
import { compileEfficiency, efficiencyIneligibility, efficiencyScore, rankClasses } from "./efficiency";
import { idleStatus } from "./idle";
import { computeIndicatorsInto, indicatorAreaM2, type NullReasons } from "./indicators";
import { reallocationReasons } from "./reallocation";
import { fieldReason, plainReason, type ReasonCode, reason } from "./reasons";
import { checkStandards, ThresholdResolver } from "./standards";
import { summarize } from "./summary";
import type {
  AnalysedParcel,
  AnalysisOptions,
  AnalysisResult,
  CheckedIndicator,
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
  const { standards, asOf } = options;
  const edited = options.edited && options.edited.size > 0 ? options.edited : undefined;
  if (!isIsoDate(asOf)) throw new RangeError(`as-of date must be an ISO date YYYY-MM-DD, got "${asOf}"`);
  const resolver = new ThresholdResolver(standards);
  const eff = compileEfficiency(standards);
  const feeRate = standards.idle.feeRate;
  const n = parcels.length;
  const out: AnalysedParcel[] = new Array(n);
  // Evaluated parcels for the ranking: their index and score.
  const evalIndex: number[] = [];
  const evalScore: number[] = [];

  for (let i = 0; i < n; i++) {
    const p = parcels[i]!;
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
    const { checks, failed } = checkStandards(input, ind, resolver.resolve(input.zone, input.industryCode));
    const A = indicatorAreaM2(input, p.areaM2);
    const idle = idleStatus(input, A, asOf, feeRate);
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
        evalIndex.push(i);
        evalScore.push(score);
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
    if (edited) {
      const orig = edited.get(input.id);
      if (orig) a.edited = orig;
    }
    out[i] = a;
  }

  const ranks = rankClasses(evalScore, eff.cutoffs);
  const nEval = evalScore.length;
  for (let j = 0; j < nEval; j++) {
    const a = out[evalIndex[j]!]!;
    const r = ranks[j]!;
    a.computed.efficiencyClass = r.cls;
    // The class reason goes first, dropped indicators after it.
    a.efficiencyReasons.unshift(
      reason("class", { class: r.cls, score: evalScore[j]!, higher: r.higher, n: nEval, p: r.p }),
    );
  }
  for (let i = 0; i < n; i++) {
    const a = out[i]!;
    const c = a.computed;
    const rr = reallocationReasons(c.idleStatus, c.efficiencyClass, a.input.governmentCause === true);
    if (rr.length > 0) {
      c.reallocationCandidate = true;
      c.reallocationReasons = rr;
    }
  }

  const { summary, summaryByZone } = summarize(out);
  return {
    asOf,
    standardsName: standards.name,
    standardsEdition: standards.edition,
    efficiencyScale: eff.totalWeight,
    parcels: out,
    summary,
    summaryByZone,
  };
}
