/**
 * Per-mu efficiency score and A–D class (亩均效益评价, after Zhejiang's 亩均论英雄; domain.md §6).
 *
 * Eligible: industrial (`landUse` starting with `1001`), `constructionStatus` = `in-production`,
 * `areaMu ≥ minAreaMu` (default 3 亩), whether or not an enterprise is recorded.
 *
 * Score = Σ wᵢ × min(vᵢ / bᵢ, cap) over the configured indicators; a `null` indicator is
 * dropped and the remaining weights are scaled up to the same total; all `null` → not evaluated.
 * A negative value (a loss-making year gives a negative value added) is kept: its term is
 * negative and lowers the score, which is what the evaluation is for. Only the upper side is
 * capped. An indicator counts as configured when its weight is > 0 and its benchmark is > 0.
 *
 * Classes by rank among the evaluated: p = (number with a strictly higher score) / n;
 * A if p < cutoffs.A (0.25), B if p < cutoffs.B (0.70), C if p < cutoffs.C (0.95), else D.
 * Equal scores get the same class.
 */
import { isIndustrial } from "./standards";
import {
  EFFICIENCY_INDICATORS,
  type EfficiencyClass,
  type EfficiencyIndicator,
  type ParcelIndicators,
  type ParcelInput,
  type Standards,
} from "./types";

/** The efficiency configuration prepared once per analysis. */
export interface EfficiencyConfig {
  minAreaMu: number;
  cap: number;
  indicators: EfficiencyIndicator[];
  weights: number[];
  benchmarks: number[];
  totalWeight: number;
  cutoffs: { A: number; B: number; C: number };
}

/**
 * Prepare the efficiency configuration of a standards file.
 * @example compileEfficiency(standards).totalWeight // 100 with the default weights
 */
export function compileEfficiency(s: Standards): EfficiencyConfig {
  const e = s.efficiency;
  const indicators: EfficiencyIndicator[] = [];
  const weights: number[] = [];
  const benchmarks: number[] = [];
  let totalWeight = 0;
  for (const k of EFFICIENCY_INDICATORS) {
    const w = e.weights[k];
    const b = e.benchmarks[k];
    if (w === undefined || b === undefined || !(w > 0) || !(b > 0)) continue;
    indicators.push(k);
    weights.push(w);
    benchmarks.push(b);
    totalWeight += w;
  }
  return {
    minAreaMu: e.minAreaMu,
    cap: e.cap,
    indicators,
    weights,
    benchmarks,
    totalWeight,
    cutoffs: e.classCutoffs,
  };
}

/** Why a parcel is not eligible for the efficiency evaluation, or null when it is. */
export type IneligibleReason = "not-industrial" | "not-in-production" | "too-small";

/**
 * Eligibility for the efficiency evaluation.
 * @param areaMu the indicator area A in 亩
 * @example efficiencyIneligibility({id:"p", landUse:"100101", constructionStatus:"in-production"}, 2.5, 3) // "too-small"
 */
export function efficiencyIneligibility(
  input: ParcelInput,
  areaMu: number,
  minAreaMu: number,
): IneligibleReason | null {
  if (!isIndustrial(input)) return "not-industrial";
  if (input.constructionStatus !== "in-production") return "not-in-production";
  if (!(areaMu >= minAreaMu)) return "too-small";
  return null;
}

/**
 * The efficiency score of one eligible parcel, or null when every configured indicator is null.
 *
 * @param dropped receives the configured indicators that were null (dropped from the score)
 * @example
 * // default weights/benchmarks, taxPerMu 10 (= benchmark) and all others null → 40 × 1 × 100/40 = 100
 * efficiencyScore({...ind, taxPerMu: 10}, cfg, []) // 100
 */
export function efficiencyScore(
  ind: ParcelIndicators,
  cfg: EfficiencyConfig,
  dropped: EfficiencyIndicator[],
): number | null {
  let sum = 0;
  let usedWeight = 0;
  const n = cfg.indicators.length;
  for (let i = 0; i < n; i++) {
    const k = cfg.indicators[i]!;
    const v = ind[k];
    if (v === null) {
      dropped.push(k);
      continue;
    }
    const w = cfg.weights[i]!;
    const ratio = v / cfg.benchmarks[i]!;
    sum += w * Math.min(ratio, cfg.cap);
    usedWeight += w;
  }
  if (usedWeight === 0) return null;
  return usedWeight === cfg.totalWeight ? sum : (sum * cfg.totalWeight) / usedWeight;
}

/** A parcel's place in the ranking. */
export interface RankResult {
  cls: EfficiencyClass;
  /** Number of evaluated parcels with a strictly higher score. */
  higher: number;
  /** p = higher / n. */
  p: number;
}

/**
 * Classes for a list of scores (same order as given). p = (#strictly higher) / n;
 * A if p < cutoffs.A, B if p < cutoffs.B, C if p < cutoffs.C, else D. Ties share a class.
 * One sort, O(n log n).
 *
 * @example rankClasses([5, 9, 9, 1], {A:0.25, B:0.7, C:0.95})
 * // p = [2/4, 0, 0, 3/4] → ["B", "A", "A", "D"]
 */
export function rankClasses(
  scores: readonly number[],
  cutoffs: { A: number; B: number; C: number },
): RankResult[] {
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort().reverse(); // descending
  // higher(s) = index of the first occurrence of s in the descending list
  const firstIndex = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const s = sorted[i]!;
    if (!firstIndex.has(s)) firstIndex.set(s, i);
  }
  const out: RankResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const higher = firstIndex.get(scores[i]!)!;
    const p = higher / n;
    const cls: EfficiencyClass = p < cutoffs.A ? "A" : p < cutoffs.B ? "B" : p < cutoffs.C ? "C" : "D";
    out[i] = { cls, higher, p };
  }
  return out;
}

/** The ranking of `rankClassesCompact`: per score, its class (`CLASS_CODES` index) and `higher`. */
export interface CompactRanks {
  /** 0 = A, 1 = B, 2 = C, 3 = D. */
  cls: Uint8Array;
  /** Number of evaluated parcels with a strictly higher score. */
  higher: Int32Array;
}

/** The classes in the order of `CompactRanks.cls` codes. */
export const CLASS_CODES: readonly EfficiencyClass[] = ["A", "B", "C", "D"];

/**
 * `rankClasses` for millions of parcels (the streaming CLI): the same classes and `higher` from
 * typed arrays, without an object or a map entry per parcel — `higher` is found by binary search
 * in the descending copy (the first position whose score is not above this one).
 *
 * @example rankClassesCompact(Float64Array.of(5, 9, 9, 1), {A:0.25, B:0.7, C:0.95}).cls // [1, 0, 0, 3]
 */
export function rankClassesCompact(
  scores: Float64Array,
  cutoffs: { A: number; B: number; C: number },
): CompactRanks {
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort().reverse(); // descending
  const cls = new Uint8Array(n);
  const higher = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > s) lo = mid + 1;
      else hi = mid;
    }
    higher[i] = lo;
    const p = lo / n;
    cls[i] = p < cutoffs.A ? 0 : p < cutoffs.B ? 1 : p < cutoffs.C ? 2 : 3;
  }
  return { cls, higher };
}
