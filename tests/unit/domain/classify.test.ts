import { describe, expect, it } from "vitest";
import {
  classBreaks,
  classCounts,
  classIndex,
  JENKS_MAX_DISTINCT,
  RAMPS,
  rampColors,
} from "../../../src/domain/classify";

/** Within-class sum of squared deviations of a partition given by breaks (upper-class rule). */
function sdcm(values: number[], breaks: number[]): number {
  const groups = new Map<number, number[]>();
  for (const v of values) {
    const i = classIndex(v, breaks);
    groups.set(i, [...(groups.get(i) ?? []), v]);
  }
  let total = 0;
  for (const g of groups.values()) {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    total += g.reduce((a, b) => a + (b - mean) ** 2, 0);
  }
  return total;
}

/** Exhaustive best partition of the distinct sorted values into k classes (tiny inputs only). */
function bruteForceJenks(values: number[], k: number): number {
  const x = [...new Set(values)].sort((a, b) => a - b);
  let best = Number.POSITIVE_INFINITY;
  const choose = (from: number, left: number, acc: number[]) => {
    if (left === 0) {
      best = Math.min(best, sdcm(values, acc));
      return;
    }
    for (let i = from; i < x.length; i++) choose(i + 1, left - 1, [...acc, x[i] as number]);
  };
  choose(1, k - 1, []);
  return best;
}

/** Optimal within-class SSD by the textbook O(k·n²) DP over sorted values (reference). */
function referenceJenksCost(values: number[], k: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const pre: number[][] = Array.from({ length: n }, (_, a) => {
    const row: number[] = new Array(n).fill(0);
    let s = 0;
    let q = 0;
    for (let b = a; b < n; b++) {
      s += x[b] as number;
      q += (x[b] as number) ** 2;
      row[b] = q - (s * s) / (b - a + 1);
    }
    return row;
  });
  let prev = Array.from({ length: n }, (_, j) => pre[0]?.[j] as number);
  for (let c = 1; c < k; c++) {
    const cur = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    for (let j = c; j < n; j++)
      for (let i = c; i <= j; i++)
        cur[j] = Math.min(cur[j] as number, (prev[i - 1] as number) + (pre[i]?.[j] as number));
    prev = cur;
  }
  return prev[n - 1] as number;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("classBreaks: edge cases", () => {
  for (const method of ["jenks", "quantile", "equal"] as const) {
    it(`${method}: empty input gives one class`, () => {
      expect(classBreaks([], method, 5)).toEqual([]);
    });
    it(`${method}: all-equal values give one class`, () => {
      expect(classBreaks([7, 7, 7, 7], method, 5)).toEqual([]);
    });
    it(`${method}: fewer distinct values than k gives fewer classes, no duplicate breaks`, () => {
      const b = classBreaks([1, 1, 1, 2, 2, 9], method, 5);
      expect(b.length).toBeLessThanOrEqual(2);
      expect(new Set(b).size).toBe(b.length);
      expect(b).toEqual([...b].sort((p, q) => p - q));
    });
    it(`${method}: null, NaN and Infinity are ignored`, () => {
      const clean = classBreaks([1, 2, 3, 10, 11, 12], method, 2);
      expect(classBreaks([1, null, 2, Number.NaN, 3, 10, undefined, 11, 12, Infinity], method, 2)).toEqual(
        clean,
      );
    });
    it(`${method}: breaks lie strictly above the minimum and at most the maximum`, () => {
      const r = rng(3);
      const v = Array.from({ length: 300 }, () => Math.round(r() * 1000) / 10);
      const b = classBreaks(v, method, 5);
      expect(b.length).toBe(4);
      for (const x of b) {
        expect(x).toBeGreaterThan(Math.min(...v));
        expect(x).toBeLessThanOrEqual(Math.max(...v));
      }
    });
  }
  it("k = 1 gives no breaks", () => {
    expect(classBreaks([1, 2, 3], "jenks", 1)).toEqual([]);
  });
});

describe("classBreaks: equal interval", () => {
  it("splits the range evenly", () => {
    expect(classBreaks([0, 3, 10], "equal", 5)).toEqual([10 / 3, 20 / 3]); // only 3 distinct → 3 classes
    expect(classBreaks([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "equal", 5)).toEqual([2, 4, 6, 8]);
    expect(classBreaks([0, 3, 10], "equal", 2)).toEqual([5]);
  });
});

describe("classBreaks: quantile", () => {
  it("puts about n/k values per class, break = first value of the upper class", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(classBreaks(v, "quantile", 4)).toEqual([3, 5, 7]);
    expect(classCounts(v, [3, 5, 7])).toEqual([2, 2, 2, 2]);
  });
  it("keeps ties together", () => {
    expect(classBreaks([1, 1, 1, 1, 1, 1, 2, 3], "quantile", 4)).toEqual([2, 3]);
  });
});

describe("classBreaks: jenks", () => {
  it("finds the obvious gap", () => {
    expect(classBreaks([1, 2, 3, 10, 11, 12], "jenks", 2)).toEqual([10]);
    expect(classBreaks([1, 2, 3, 10, 11, 12, 30, 31], "jenks", 3)).toEqual([10, 30]);
  });
  it("weights repeated values (same result as the expanded data)", () => {
    // Twenty 4s weigh on the partition: the weighted DP must match the brute force on all values.
    const v = [0, 1, ...Array(20).fill(4), 10];
    const b = classBreaks(v, "jenks", 2);
    expect(sdcm(v, b)).toBeCloseTo(bruteForceJenks(v, 2), 9);
  });
  it("is optimal: matches an exhaustive search on random small inputs", () => {
    const r = rng(42);
    for (let trial = 0; trial < 40; trial++) {
      const n = 4 + Math.floor(r() * 8);
      const v = Array.from({ length: n }, () => Math.round(r() * 50));
      const k = 2 + Math.floor(r() * 3);
      const b = classBreaks(v, "jenks", k);
      const distinct = new Set(v).size;
      expect(b.length).toBe(Math.min(k, distinct) - 1);
      expect(sdcm(v, b)).toBeCloseTo(bruteForceJenks(v, Math.min(k, distinct)), 6);
    }
  });
  it("is optimal on larger inputs: matches a plain O(k·n²) dynamic programme", () => {
    const r = rng(11);
    for (const k of [3, 5, 7]) {
      const v = Array.from({ length: 400 }, () => Math.round(r() ** 2 * 10000) / 10);
      const b = classBreaks(v, "jenks", k);
      expect(sdcm(v, b)).toBeCloseTo(referenceJenksCost(v, k), 4);
    }
  });
  it("samples deterministically above the distinct-value limit", () => {
    const r = rng(7);
    const v = Array.from({ length: JENKS_MAX_DISTINCT * 3 }, () => r() * 1000);
    const a = classBreaks(v, "jenks", 5);
    expect(a).toHaveLength(4);
    expect(classBreaks([...v].reverse(), "jenks", 5)).toEqual(a);
    // Breaks are data values.
    for (const x of a) expect(v).toContain(x);
  });
});

describe("classBreaks: manual", () => {
  it("sorts, de-duplicates and drops non-finite breaks; ignores k and data", () => {
    expect(classBreaks([1, 2, 3], "manual", 3, [50, 10, 10, Number.NaN, 30])).toEqual([10, 30, 50]);
    expect(classBreaks([1, 2, 3], "manual", 3)).toEqual([]);
  });
});

describe("classIndex / classCounts", () => {
  it("a value exactly at a break goes to the upper class", () => {
    expect(classIndex(9.999, [10, 20])).toBe(0);
    expect(classIndex(10, [10, 20])).toBe(1);
    expect(classIndex(20, [10, 20])).toBe(2);
    expect(classIndex(1e9, [10, 20])).toBe(2);
    expect(classIndex(-5, [10, 20])).toBe(0);
  });
  it("missing data has no class", () => {
    expect(classIndex(null, [1])).toBe(-1);
    expect(classIndex(Number.NaN, [1])).toBe(-1);
  });
  it("counts per class, missing not counted", () => {
    expect(classCounts([1, 5, 10, null, Number.NaN, 12], [5, 10])).toEqual([1, 1, 2]);
    expect(classCounts([], [5])).toEqual([0, 0]);
    expect(classCounts([3, 4], [])).toEqual([2]);
  });
});

describe("ramps", () => {
  it("has 3–7 distinct hex colours per ramp", () => {
    for (const ramp of Object.values(RAMPS)) {
      for (const n of [3, 4, 5, 6, 7] as const) {
        const c = ramp[n];
        expect(c).toHaveLength(n);
        expect(new Set(c).size).toBe(n);
        for (const h of c) expect(h).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });
  it("gets lighter → darker (reads in greyscale)", () => {
    const lum = (h: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
      return 0.299 * (r as number) + 0.587 * (g as number) + 0.114 * (b as number);
    };
    for (const ramp of Object.values(RAMPS)) {
      for (const n of [3, 4, 5, 6, 7] as const) {
        const l = ramp[n].map(lum);
        for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1] as number);
      }
    }
  });
  it("rampColors gives n colours for any n", () => {
    expect(rampColors("YlOrRd", 0)).toEqual([]);
    expect(rampColors("YlOrRd", 1)).toHaveLength(1);
    expect(rampColors("YlOrRd", 2)).toEqual(["#ffeda0", "#f03b20"]);
    expect(rampColors("YlOrRd", 5)).toEqual(RAMPS.YlOrRd[5]);
    expect(rampColors("Viridis", 9)).toHaveLength(9);
  });
});
