/**
 * Area and per-land unit conversions (domain.md §1): 1 亩 (mu) = 10000/15 m²; 1 公顷 (ha) = 15 亩.
 * Per-land indicators are stored in 万元/亩; national control indicators use 万元/公顷 (×15).
 */

/** 1 亩 in m² (exactly 10000/15). */
export const M2_PER_MU = 10000 / 15;
/** 1 公顷 = 15 亩. */
export const MU_PER_HA = 15;
/** 1 公顷 in m². */
export const M2_PER_HA = 10000;

/**
 * m² → 亩, the one conversion every layer uses. Written as `m2 × 15 / 10000` so that round
 * areas give exact mu (10000 m² → 15 亩 exactly).
 * @example m2ToMu(666.666…) // 1; m2ToMu(10000) // 15
 */
export function m2ToMu(m2: number): number {
  return (m2 * 15) / 10000;
}
/** 亩 → m². @example muToM2(15) // 10000 */
export function muToM2(mu: number): number {
  return mu * M2_PER_MU;
}
/** m² → 公顷. @example m2ToHa(25000) // 2.5 */
export function m2ToHa(m2: number): number {
  return m2 / M2_PER_HA;
}
/** 公顷 → m². @example haToM2(2.5) // 25000 */
export function haToM2(ha: number): number {
  return ha * M2_PER_HA;
}
/** 亩 → 公顷. @example muToHa(15) // 1 */
export function muToHa(mu: number): number {
  return mu / MU_PER_HA;
}
/** 公顷 → 亩. @example haToMu(1) // 15 */
export function haToMu(ha: number): number {
  return ha * MU_PER_HA;
}
/** A per-亩 value (e.g. 万元/亩) → per-公顷 (万元/公顷). @example perMuToPerHa(599) // 8985 */
export function perMuToPerHa(perMu: number): number {
  return perMu * MU_PER_HA;
}
/** A per-公顷 value → per-亩. @example perHaToPerMu(8984) // 598.93… */
export function perHaToPerMu(perHa: number): number {
  return perHa / MU_PER_HA;
}

/**
 * `v` rounded to `decimals` (half away from zero for positives, `Math.round`'s half up for
 * negatives), never `-0`; a value so large that scaling it overflows has no decimals to round
 * and is returned as is.
 */
export function roundTo(v: number, decimals: number): number {
  const m = 10 ** decimals;
  const r = Math.round(v * m) / m;
  if (!Number.isFinite(r)) return v;
  return r === 0 ? 0 : r;
}
