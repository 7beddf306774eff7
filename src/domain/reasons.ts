/**
 * Reason codes the analysis returns as data (`Reason`), and shared, frozen instances of the
 * parameter-free or single-field ones so 100 000 parcels do not allocate 100 000 copies.
 * Sentences for every code live in `src/i18n/reasons.ts`.
 */
import type { Reason } from "./types";

/** Every reason code the domain emits. */
export const REASON_CODES = [
  // null indicators (§3)
  "missing-input",
  "zero-denominator",
  // idle status (§5)
  "no-agreed-start-date",
  "before-agreed-start",
  "overdue",
  "idle-1y",
  "idle-2y",
  "idle-halted",
  "started",
  "started-by-status",
  "halted-no-date",
  "halted-under-1y",
  "halted-not-qualifying",
  "halted-no-ratios",
  "government-cause",
  "no-land-price",
  // efficiency (§6)
  "not-industrial",
  "not-in-production",
  "too-small",
  "no-indicators",
  "indicator-dropped",
  "class",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const cache = new Map<string, Reason>();

/**
 * A frozen, shared reason `{code, params:{field}}` (e.g. `missing-input` of `floorAreaM2`).
 * @example fieldReason("missing-input", "floorAreaM2") // {code:"missing-input", params:{field:"floorAreaM2"}}
 */
export function fieldReason(code: ReasonCode, field: string, field2?: string): Reason {
  const key = `${code}\u0000${field}\u0000${field2 ?? ""}`;
  let r = cache.get(key);
  if (!r) {
    const params: Reason["params"] = field2 === undefined ? { field } : { field, field2 };
    r = Object.freeze({ code, params: Object.freeze(params) }) as Reason;
    cache.set(key, r);
  }
  return r;
}

/** A frozen, shared reason without parameters. @example plainReason("not-industrial") */
export function plainReason(code: ReasonCode): Reason {
  const key = `${code}\u0000`;
  let r = cache.get(key);
  if (!r) {
    r = Object.freeze({ code, params: Object.freeze({}) }) as Reason;
    cache.set(key, r);
  }
  return r;
}

/** A new reason with parameters. @example reason("idle-2y", {agreedStartDate:"2024-06-30", asOf:"2026-06-30", years:2}) */
export function reason(code: ReasonCode, params: Reason["params"]): Reason {
  return { code, params };
}
