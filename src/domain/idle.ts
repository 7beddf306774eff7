/**
 * Idle land status (闲置土地, 闲置土地处置办法 国土资源部令第53号, 2012; domain.md §5).
 *
 * Evaluated at an as-of date. "Date + N years" is the same month and day N years later
 * (29 February → 28 February in a non-leap year); a threshold is reached on that day (≥).
 *
 * Decisions where the spec is silent (documented here and in the reason codes):
 * - "Started" means `actualStartDate` on or before the as-of date. A parcel with no
 *   `actualStartDate` whose `constructionStatus` says it has started (under construction, halted,
 *   completed, in production) counts as started (`started-by-status`): flagging a producing
 *   factory as idle because one date is blank would be wrong. An `actualStartDate` after the
 *   as-of date means not started at the as-of date, whatever the status says.
 * - A not-started parcel without `agreedStartDate` is `none` with reason `no-agreed-start-date`
 *   (nothing to count from; the reason tells the official to record it).
 * - A `haltedSince` after the as-of date means the parcel was not yet halted then (`started`).
 * - `idle-halted` needs `haltedSince`; without it the parcel is `none` (`halted-no-date`). A
 *   ratio that cannot be computed (missing input, zero denominator) does not qualify; when
 *   neither can be computed the reason is `halted-no-ratios`.
 * - `developedAreaM2 / A < 1/3` is tested as `3 × developedAreaM2 < A` and
 *   `fixedInvestment / contractInvestment < 0.25` as `4 × fixedInvestment < contractInvestment`,
 *   so exactly one third and exactly 25 % do not qualify, with no floating-point doubt.
 * - The status reason states the facts only (dates, ratios); what the rules then allow is a
 *   reason of its own, so no text can say both "a fee may be charged" and "no fee":
 *   - without `governmentCause`: `idle-fee` for `idle-1y`/`idle-halted` (a fee of `feeRate` ×
 *     land price may be charged; for `idle-1y`, recovery without compensation may follow at two
 *     years) and `idle-recovery` for `idle-2y` (may be recovered without compensation), 53号令 第十四条;
 *   - with `governmentCause` (53号令 第八条): the status stays, the fee is 0 for
 *     `idle-1y`/`idle-halted`, and one `government-cause` reason replaces both: no fee, no
 *     recovery without compensation at any duration, disposal may be agreed with the holder
 *     (第十二条). Also added for `overdue`, so the official knows before the year is full.
 */
import { addYearsValid as addYears } from "./dates";
import { plainReason, reason } from "./reasons";
import type { IdleStatus, IsoDate, ParcelInput, Reason } from "./types";

/** Result of the idle rules for one parcel. */
export interface IdleResult {
  status: IdleStatus;
  /** 万元; feeRate × landPrice for idle-1y/idle-halted, 0 with governmentCause, else null. */
  fee: number | null;
  reasons: Reason[];
}

/**
 * Idle status, fee and reasons of one parcel at an as-of date.
 *
 * @param input the parcel (dates ISO `YYYY-MM-DD`, validated by the importer)
 * @param areaM2 the indicator area A in m² (legal area when recorded, else planar)
 * @param asOf the as-of date, ISO
 * @param feeRate idle fee rate (standards `idle.feeRate`, 0.2 by default)
 * @example
 * idleStatus({id:"p", constructionStatus:"not-started", agreedStartDate:"2024-06-30"}, 10000, "2026-06-30", 0.2)
 * // {status:"idle-2y", fee:null, reasons:[{code:"idle-2y", params:{agreedStartDate:"2024-06-30", asOf:"2026-06-30", years:2, since:"2026-06-30"}}]}
 */
export function idleStatus(input: ParcelInput, areaM2: number, asOf: IsoDate, feeRate: number): IdleResult {
  const reasons: Reason[] = [];
  const actual = input.actualStartDate;
  const cs = input.constructionStatus;
  let started: boolean;
  if (actual !== undefined) started = actual <= asOf;
  else started = cs !== undefined && cs !== "not-started";

  let status: IdleStatus = "none";
  /** For idle-1y: the day two full years are reached. */
  let recoveryFrom: IsoDate | undefined;
  if (!started) {
    const agreed = input.agreedStartDate;
    if (agreed === undefined) {
      reasons.push(plainReason("no-agreed-start-date"));
    } else if (asOf < agreed) {
      reasons.push(reason("before-agreed-start", { agreedStartDate: agreed, asOf }));
    } else {
      const y1 = addYears(agreed, 1);
      const y2 = addYears(agreed, 2);
      if (asOf >= y2) {
        status = "idle-2y";
        reasons.push(reason("idle-2y", { agreedStartDate: agreed, asOf, years: 2, since: y2 }));
      } else if (asOf >= y1) {
        status = "idle-1y";
        recoveryFrom = y2;
        reasons.push(
          reason("idle-1y", { agreedStartDate: agreed, asOf, years: 1, since: y1, recoveryFrom: y2 }),
        );
      } else {
        status = "overdue";
        reasons.push(reason("overdue", { agreedStartDate: agreed, asOf, idleFrom: y1 }));
      }
    }
  } else if (cs === "halted" && !(input.haltedSince !== undefined && input.haltedSince > asOf)) {
    const since = input.haltedSince;
    if (since === undefined) {
      reasons.push(plainReason("halted-no-date"));
    } else {
      const y1 = addYears(since, 1);
      if (asOf < y1) {
        reasons.push(reason("halted-under-1y", { haltedSince: since, asOf, idleFrom: y1 }));
      } else {
        const dev = input.developedAreaM2;
        const fi = input.fixedInvestment;
        const ci = input.contractInvestment;
        const hasDev = dev !== undefined && areaM2 > 0;
        const hasInv = fi !== undefined && ci !== undefined && ci > 0;
        const developedRatio = hasDev ? dev / areaM2 : null;
        const investedRatio = hasInv ? fi / ci : null;
        const lowDev = hasDev && 3 * dev < areaM2;
        const lowInv = hasInv && 4 * fi < ci;
        const params = { haltedSince: since, asOf, since: y1, developedRatio, investedRatio };
        if (lowDev || lowInv) {
          status = "idle-halted";
          reasons.push(
            reason("idle-halted", {
              ...params,
              criterion: lowDev && lowInv ? "both" : lowDev ? "developed" : "invested",
            }),
          );
        } else if (!hasDev && !hasInv) {
          reasons.push(reason("halted-no-ratios", params));
        } else {
          reasons.push(reason("halted-not-qualifying", params));
        }
      }
    }
  } else {
    reasons.push(
      actual !== undefined
        ? reason("started", { actualStartDate: actual, asOf })
        : reason("started-by-status", { constructionStatus: cs ?? null }),
    );
  }

  let fee: number | null = null;
  if (status !== "none") {
    if (input.governmentCause === true) reasons.push(reason("government-cause", { status }));
    else if (status === "idle-2y") reasons.push(plainReason("idle-recovery"));
    else if (status === "idle-1y")
      reasons.push(reason("idle-fee", { status, feeRate, recoveryFrom: recoveryFrom ?? null }));
    else if (status === "idle-halted") reasons.push(reason("idle-fee", { status, feeRate }));
  }
  if (status === "idle-1y" || status === "idle-halted") {
    if (input.governmentCause === true) fee = 0;
    else if (input.landPrice !== undefined) fee = feeRate * input.landPrice;
    else reasons.push(plainReason("no-land-price"));
  }
  return { status, fee, reasons };
}
