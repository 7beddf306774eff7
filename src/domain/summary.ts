/**
 * Per-zone and overall counts of an analysis, for the summary panel and the CLI.
 */
import { indicatorAreaM2 } from "./indicators";
import type { AnalysedParcel, AnalysisSummary } from "./types";

/** The summary key of parcels without a zone. */
export const NO_ZONE = "";

/** An all-zero summary. @example emptySummary().byIdleStatus["idle-2y"] // 0 */
export function emptySummary(): AnalysisSummary {
  return {
    parcels: 0,
    byIdleStatus: { none: 0, overdue: 0, "idle-1y": 0, "idle-2y": 0, "idle-halted": 0 },
    byEfficiencyClass: { A: 0, B: 0, C: 0, D: 0, none: 0 },
    belowStandard: 0,
    reallocationCandidates: 0,
    reallocationAreaM2: 0,
  };
}

/**
 * Add one parcel to a summary (mutates `s`). `reallocationAreaM2` adds the indicator area A
 * (legal area when recorded, else planar), m².
 * @example const s = emptySummary(); addToSummary(s, analysed); s.parcels // 1
 */
export function addToSummary(s: AnalysisSummary, p: AnalysedParcel): void {
  const c = p.computed;
  s.parcels++;
  s.byIdleStatus[c.idleStatus]++;
  s.byEfficiencyClass[c.efficiencyClass ?? "none"]++;
  if (c.standardsFailed.length > 0) s.belowStandard++;
  if (c.reallocationCandidate) {
    s.reallocationCandidates++;
    s.reallocationAreaM2 += indicatorAreaM2(p.input, c.areaM2);
  }
}

/**
 * Counts overall and per zone (key: the parcel's `zone`, `NO_ZONE` ("") when it has none).
 * @example summarize(result.parcels).summary.byIdleStatus["idle-2y"] // 3
 */
export function summarize(parcels: readonly AnalysedParcel[]): {
  summary: AnalysisSummary;
  summaryByZone: Record<string, AnalysisSummary>;
} {
  const summary = emptySummary();
  const byZone = new Map<string, AnalysisSummary>();
  for (const p of parcels) {
    addToSummary(summary, p);
    const z = p.input.zone ?? NO_ZONE;
    let zs = byZone.get(z);
    if (!zs) {
      zs = emptySummary();
      byZone.set(z, zs);
    }
    addToSummary(zs, p);
  }
  return { summary, summaryByZone: Object.fromEntries(byZone) };
}
