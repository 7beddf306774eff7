/**
 * Many feature-state writes spread over tasks (issue 13). A text filter that leaves a handful of
 * 175,000 parcels dims all the others: written at once, MapLibre merged those 175,000 states into
 * its tiles in one frame, a 230–750 ms task. Here a run of writes is applied `chunk` at a time,
 * each chunk in its own task, so the map renders (and the page answers input) in between.
 *
 * Runs go in lanes (the parcels' dimming, their colours, the labels' dimming): a new run in a lane
 * drops what is left of the lane's last run. Each write keeps its own bookkeeping (what is on the
 * map), so the next run's changes are worked out from what was really written. Knows no map library.
 */

/** Writes per task: about 40–60 ms of MapLibre's state merging on the benchmark's 2 cores. */
export const WRITE_CHUNK = 20_000;

export class ChunkedWrites {
  private readonly lanes = new Map<string, number>();
  private nextRun = 1;
  private open = 0;

  /**
   * @param schedule runs a function in a later task (the controller: a timer of one frame)
   * @param chunk writes per task
   */
  constructor(
    private readonly schedule: (fn: () => void) => void,
    private readonly chunk = WRITE_CHUNK,
  ) {}

  /**
   * Apply `write(0)` … `write(count - 1)`: the first chunk now, the rest a chunk per task, then
   * `after` once per chunk written (e.g. to ask for a repaint). Drops the lane's earlier run.
   */
  run(lane: string, count: number, write: (i: number) => void, after?: () => void): void {
    const run = this.nextRun++;
    if (this.lanes.has(lane)) this.open--;
    this.lanes.set(lane, run);
    this.open++;
    let i = 0;
    const step = () => {
      if (this.lanes.get(lane) !== run) return;
      const end = Math.min(count, i + this.chunk);
      for (; i < end; i++) write(i);
      if (end > 0) after?.();
      if (i < count) {
        this.schedule(step);
        return;
      }
      this.lanes.delete(lane);
      this.open--;
    };
    step();
  }

  /** Whether some run still has writes to apply. */
  get pending(): boolean {
    return this.open > 0;
  }

  /** Drop every run (the map is going away). */
  cancel(): void {
    this.lanes.clear();
    this.open = 0;
  }
}
