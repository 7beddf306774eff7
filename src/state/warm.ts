/**
 * Warming the memoised selectors before a large analysis result is written (issue 13): each
 * selector that loops over every parcel (the agenda, the candidates, the legend's counts, the
 * earliest supply date …) runs on the state the write will make, each in its own task, so the
 * write itself only finds their memos filled — no O(n) pass in the task of the store update.
 * Modules outside `state` (the legend in `ui`) add theirs with `addResultWarmer`.
 */
import { selectAgenda } from "./meeting";
import { selectCandidates, selectEarliestSupplyDate, selectFilteredIds, selectZoneIds } from "./selectors";
import type { AppState } from "./types";

type Warmer = (s: AppState) => unknown;
/** The store's own: each loops over the parcels once per result. */
const warmers: Warmer[] = [
  selectAgenda,
  selectEarliestSupplyDate,
  selectCandidates,
  selectZoneIds,
  selectFilteredIds,
];

/** Have `fn` run on the coming state before a large result is written (its value is memoised). */
export function addResultWarmer(fn: Warmer): void {
  if (!warmers.includes(fn)) warmers.push(fn);
}

/** `scheduler.yield` where the browser has it (Chromium), else a timer: the rest runs in a new task. */
const nextTask = (): Promise<void> => {
  const y = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield;
  return y ? y.call((globalThis as { scheduler?: unknown }).scheduler) : new Promise((r) => setTimeout(r, 0));
};

/**
 * Run every warmer on `next`, one per task, after a first yield (the task that received the
 * result ends first). `stale()` true stops early (a newer result is coming).
 */
export async function warmSelectors(next: () => AppState, stale: () => boolean): Promise<void> {
  for (const w of warmers) {
    await nextTask();
    if (stale()) return;
    w(next());
  }
  await nextTask();
}
