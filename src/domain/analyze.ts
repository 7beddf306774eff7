/**
 * The analysis pipeline: prepared parcels in, indicators, checks, idle status, efficiency class
 * and reallocation flags out (domain.md §3–§7). Pure: no I/O, no clock (the as-of date is given).
 */
import type { AnalysisOptions, AnalysisResult, PreparedParcel } from "./types";

export function analyzeParcels(_parcels: PreparedParcel[], _options: AnalysisOptions): AnalysisResult {
  throw new Error("not implemented yet");
}
