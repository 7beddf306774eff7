import { describe, expect, it } from "vitest";
import { ChunkedWrites } from "../../../src/map/chunked-writes";

/** A scheduler the test drives: each `tick` runs the tasks queued so far. */
function manual() {
  let queue: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => queue.push(fn),
    tick() {
      const now = queue;
      queue = [];
      for (const fn of now) fn();
      return now.length;
    },
  };
}

describe("feature-state writes a chunk per task", () => {
  it("writes the first chunk at once and one chunk per later task, each followed by `after`", () => {
    const s = manual();
    const w = new ChunkedWrites(s.schedule, 3);
    const written: number[] = [];
    const afters: number[] = [];
    w.run(
      "dim",
      7,
      (i) => written.push(i),
      () => afters.push(written.length),
    );
    expect(written).toEqual([0, 1, 2]);
    expect(w.pending).toBe(true);
    s.tick();
    expect(written).toEqual([0, 1, 2, 3, 4, 5]);
    s.tick();
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(afters).toEqual([3, 6, 7]);
    expect(w.pending).toBe(false);
    expect(s.tick()).toBe(0);
  });

  it("a run of at most one chunk is done at once; an empty run writes nothing and calls nothing", () => {
    const s = manual();
    const w = new ChunkedWrites(s.schedule, 3);
    const written: number[] = [];
    let afters = 0;
    w.run(
      "dim",
      3,
      (i) => written.push(i),
      () => afters++,
    );
    w.run(
      "colour",
      0,
      (i) => written.push(100 + i),
      () => afters++,
    );
    expect(written).toEqual([0, 1, 2]);
    expect(afters).toBe(1);
    expect(w.pending).toBe(false);
  });

  it("a new run in a lane drops the rest of the lane's last run, not another lane's", () => {
    const s = manual();
    const w = new ChunkedWrites(s.schedule, 2);
    const log: string[] = [];
    w.run("dim", 5, (i) => log.push(`a${i}`));
    w.run("colour", 3, (i) => log.push(`c${i}`));
    w.run("dim", 3, (i) => log.push(`b${i}`));
    while (s.tick() > 0);
    expect(log).toEqual(["a0", "a1", "c0", "c1", "b0", "b1", "c2", "b2"]);
    expect(w.pending).toBe(false);
  });

  it("cancel drops every run", () => {
    const s = manual();
    const w = new ChunkedWrites(s.schedule, 1);
    const written: number[] = [];
    w.run("dim", 4, (i) => written.push(i));
    w.cancel();
    expect(w.pending).toBe(false);
    while (s.tick() > 0);
    expect(written).toEqual([0]);
  });
});
