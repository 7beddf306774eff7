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
  "idle-fee",
  "idle-recovery",
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

/** code → field → field2 ("" for none) → shared reason; nested so a lookup allocates nothing. */
const fieldCache = new Map<string, Map<string, Map<string, Reason>>>();
const plainCache = new Map<string, Reason>();

/**
 * A frozen, shared reason `{code, params:{field}}` (e.g. `missing-input` of `floorAreaM2`), or
 * `{code, params:{field, field2}}` when two inputs are involved. Shared: never mutate it.
 * @example fieldReason("missing-input", "floorAreaM2") // {code:"missing-input", params:{field:"floorAreaM2"}}
 */
export function fieldReason(code: ReasonCode, field: string, field2?: string): Reason {
  let byField = fieldCache.get(code);
  if (!byField) {
    byField = new Map();
    fieldCache.set(code, byField);
  }
  let byField2 = byField.get(field);
  if (!byField2) {
    byField2 = new Map();
    byField.set(field, byField2);
  }
  const k2 = field2 ?? "";
  let r = byField2.get(k2);
  if (!r) {
    const params: Reason["params"] = field2 === undefined ? { field } : { field, field2 };
    r = Object.freeze({ code, params: Object.freeze(params) }) as Reason;
    byField2.set(k2, r);
  }
  return r;
}

/** A frozen, shared reason without parameters. Shared: never mutate it. @example plainReason("not-industrial") */
export function plainReason(code: ReasonCode): Reason {
  let r = plainCache.get(code);
  if (!r) {
    r = Object.freeze({ code, params: Object.freeze({}) }) as Reason;
    plainCache.set(code, r);
  }
  return r;
}

/** A new reason with parameters. @example reason("idle-2y", {agreedStartDate:"2024-06-30", asOf:"2026-06-30", years:2}) */
export function reason(code: ReasonCode, params: Reason["params"]): Reason {
  return { code, params };
}
