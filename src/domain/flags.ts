/**
 * The flag overlay's rule (闲置 / 低效): which parcels the map marks, the legend counts and the
 * "flags" colouring shows. One rule for the map features and the UI colouring.
 */
import type { IdleStatus, ParcelComputed } from "./types";

export const FLAG_KINDS = ["idle", "under", "none"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Idle statuses that are idle land (闲置土地) in law: a flag and a reallocation reason. */
export const IDLE_LAND_STATUSES = [
  "idle-1y",
  "idle-2y",
  "idle-halted",
] as const satisfies readonly IdleStatus[];
export type IdleLandStatus = (typeof IDLE_LAND_STATUSES)[number];

/** Is this idle status idle land (idle-1y, idle-2y, idle-halted)? `overdue` is a warning, not idle land. */
export function isIdleLand(s: IdleStatus): s is IdleLandStatus {
  return (IDLE_LAND_STATUSES as readonly string[]).includes(s);
}

/**
 * The flag overlay's category of a parcel: `idle` (闲置土地: idle-1y, idle-2y, idle-halted) wins
 * over `under` (低效: efficiency class D, or failing at least one standard), else `none`.
 * `overdue` (past the agreed start, under a year) is a warning, not a flag.
 * @example parcelFlag({idleStatus: "overdue", efficiencyClass: "D", standardsFailed: []}) // "under"
 */
export function parcelFlag(
  c: Pick<ParcelComputed, "idleStatus" | "efficiencyClass" | "standardsFailed">,
): FlagKind {
  if (isIdleLand(c.idleStatus)) return "idle";
  if (c.efficiencyClass === "D" || c.standardsFailed.length > 0) return "under";
  return "none";
}
