/**
 * Classification of a numeric indicator into classes for a choropleth, and the colour ramps to
 * paint them with. Pure functions, no DOM.
 *
 * Break convention (the `Colouring` contract of `src/map/api.ts`): `breaks` are the k−1 *inner*
 * breaks in data units, ascending and without duplicates; class `i` holds `breaks[i-1] <= v < breaks[i]`
 * (class 0: `v < breaks[0]`, last class: `v >= breaks[k-2]`). A value exactly at a break belongs to
 * the upper class. Every break is a value that occurs in the data (except for equal interval and
 * manual breaks), so a label "≥ b" is exact.
 *
 * Missing data: `null`, `undefined`, `NaN` and ±Infinity are ignored here, so callers may pass the
 * raw column (typed loosely as `(number | null | undefined)[]`). They are counted as "no data" by
 * the UI, never as 0.
 *
 * Nice rounding of break labels is for the UI; breaks are never rounded here.
 */

export type ClassMethod = "jenks" | "quantile" | "equal" | "manual";

/** Above this many distinct values Jenks runs on an evenly spaced, deterministic sample of them. */
export const JENKS_MAX_DISTINCT = 20_000;

type Loose = readonly (number | null | undefined)[];

const finite = (values: Loose): number[] =>
  values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/**
 * The finite values, sorted ascending, as a typed array: its native numeric sort is several
 * times faster than `Array#sort` with a comparator (175,000 values, issue 13).
 */
function sortedFinite(values: Loose): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) out[n++] = v;
  return out.subarray(0, n).sort();
}

/** Sorted distinct values with their multiplicity. */
function distinctWithCounts(sorted: ArrayLike<number>): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  let last = -1;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (last >= 0 && x[last] === v) w[last] = (w[last] as number) + 1;
    else {
      x.push(v);
      w.push(1);
      last++;
    }
  }
  return { x, w };
}

/** Keep breaks strictly inside (min, max], ascending, without duplicates. */
function cleanBreaks(breaks: number[], min: number, max: number): number[] {
  const out: number[] = [];
  for (const b of [...breaks].sort((a, c) => a - c)) {
    if (!(b > min) || b > max) continue;
    if (out.length > 0 && out[out.length - 1] === b) continue;
    out.push(b);
  }
  return out;
}

/**
 * Inner class breaks of `values` for `k` classes.
 *
 * - `equal`: equal intervals between min and max.
 * - `quantile`: each class holds about n/k values; a break is the first value of its class, so ties
 *   stay together (which can give fewer classes).
 * - `jenks`: Fisher–Jenks natural breaks (exact dynamic programming minimising the within-class sum of
 *   squared deviations), run on the distinct values weighted by their count — identical to running it
 *   on all values — with the divide-and-conquer speed-up: O(k·m·log m) in the number m of distinct
 *   values (about 10 ms for 10,000 values). When m > {@link JENKS_MAX_DISTINCT},
 *   it runs on an evenly spaced sample of the sorted values (deterministic: same input, same breaks).
 *   A break is the smallest value of the upper class.
 * - `manual`: `manual` sorted, de-duplicated, non-finite dropped; `k` and the data are not used.
 *
 * With fewer distinct values than `k`, fewer classes come back (never duplicate breaks); all-equal or
 * empty input gives `[]` (a single class).
 *
 * @param values indicator values in data units (non-finite and null ignored)
 * @param k number of classes wanted (≥ 1)
 * @returns k−1 (or fewer) inner breaks, ascending
 * @example classBreaks([1, 2, 3, 10, 11, 12], "jenks", 2) // → [10]
 */
export function classBreaks(values: Loose, method: ClassMethod, k: number, manual?: Loose): number[] {
  if (method === "manual") {
    const m = finite(manual ?? []).sort((a, b) => a - b);
    return m.filter((b, i) => i === 0 || b !== m[i - 1]);
  }
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return [];
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const { x, w } = distinctWithCounts(sorted);
  const kk = Math.min(Math.max(1, Math.floor(k)), x.length);
  if (kk <= 1) return [];
  switch (method) {
    case "equal": {
      const step = (max - min) / kk;
      return cleanBreaks(
        Array.from({ length: kk - 1 }, (_, i) => min + step * (i + 1)),
        min,
        max,
      );
    }
    case "quantile": {
      // Break i is the value at rank i·n/k; when ties make it repeat the previous break (or the
      // minimum), the next distinct value is taken instead, so no class is swallowed by a tie.
      const n = sorted.length;
      const out: number[] = [];
      let last = min;
      for (let i = 1; i < kk; i++) {
        let b = sorted[Math.floor((i * n) / kk)] as number;
        if (b <= last) {
          const next = x.find((v) => v > last);
          if (next === undefined) break;
          b = next;
        }
        out.push(b);
        last = b;
      }
      return cleanBreaks(out, min, max);
    }
    case "jenks": {
      if (x.length <= JENKS_MAX_DISTINCT) return cleanBreaks(fisherJenks(x, w, kk), min, max);
      const m = JENKS_MAX_DISTINCT;
      const sample = Array.from(
        { length: m },
        (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (m - 1))] as number,
      );
      const d = distinctWithCounts(sample);
      return cleanBreaks(fisherJenks(d.x, d.w, Math.min(kk, d.x.length)), min, max);
    }
  }
}

/**
 * Fisher–Jenks optimal partition of sorted distinct values `x` (weights `w`) into `k` contiguous
 * classes; returns the first value of classes 1..k−1.
 */
function fisherJenks(x: number[], w: number[], k: number): number[] {
  const m = x.length;
  if (k <= 1 || m <= 1) return [];
  if (k >= m) return x.slice(1);
  // Prefix sums, shifted to the mean for numerical stability.
  const shift = x[Math.floor(m / 2)] as number;
  const W = new Float64Array(m + 1);
  const S = new Float64Array(m + 1);
  const Q = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const xi = (x[i] as number) - shift;
    const wi = w[i] as number;
    W[i + 1] = (W[i] as number) + wi;
    S[i + 1] = (S[i] as number) + wi * xi;
    Q[i + 1] = (Q[i] as number) + wi * xi * xi;
  }
  /** Sum of squared deviations of x[a..b] inclusive. */
  const ssd = (a: number, b: number): number => {
    const ww = (W[b + 1] as number) - (W[a] as number);
    const s = (S[b + 1] as number) - (S[a] as number);
    const q = (Q[b + 1] as number) - (Q[a] as number);
    return Math.max(0, q - (s * s) / ww);
  };
  // cost[c][j]: best cost of x[0..j] in c+1 classes; start[c][j]: first index of the last class.
  // The best start of the last class never moves left as j grows (1-D k-means costs are Monge),
  // so each row is filled by divide and conquer: O(m·log m) per class instead of O(m²).
  const cost: Float64Array[] = [];
  const start: Int32Array[] = [];
  const c0 = new Float64Array(m);
  for (let j = 0; j < m; j++) c0[j] = ssd(0, j);
  cost.push(c0);
  start.push(new Int32Array(m));
  for (let c = 1; c < k; c++) {
    const prev = cost[c - 1] as Float64Array;
    const cc = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
    const st = new Int32Array(m);
    // Work list of (jlo, jhi, ilo, ihi): fill cc[jlo..jhi] knowing their best starts lie in [ilo, ihi].
    const stack: number[] = [c, m - 1, c, m - 1];
    while (stack.length > 0) {
      const ihi = stack.pop() as number;
      const ilo = stack.pop() as number;
      const jhi = stack.pop() as number;
      const jlo = stack.pop() as number;
      if (jlo > jhi) continue;
      const j = (jlo + jhi) >> 1;
      let best = Number.POSITIVE_INFINITY;
      let bestI = ilo;
      // Last class is x[i..j]; the first c classes cover x[0..i-1] (needs i ≥ c).
      const top = Math.min(j, ihi);
      for (let i = ilo; i <= top; i++) {
        const v = (prev[i - 1] as number) + ssd(i, j);
        if (v < best) {
          best = v;
          bestI = i;
        }
      }
      cc[j] = best;
      st[j] = bestI;
      stack.push(jlo, j - 1, ilo, bestI, j + 1, jhi, bestI, ihi);
    }
    cost.push(cc);
    start.push(st);
  }
  const breaks: number[] = [];
  let j = m - 1;
  for (let c = k - 1; c >= 1; c--) {
    const i = (start[c] as Int32Array)[j] as number;
    breaks.unshift(x[i] as number);
    j = i - 1;
  }
  return breaks;
}

/**
 * The class of a value: the number of breaks ≤ v (0 … breaks.length), or -1 for missing data.
 * @example classIndex(10, [10, 20]) // → 1 (a value at a break goes to the upper class)
 */
export function classIndex(v: number | null | undefined, breaks: readonly number[]): number {
  if (typeof v !== "number" || !Number.isFinite(v)) return -1;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many values fall in each class (`breaks.length + 1` counts); missing data is not counted.
 * @example classCounts([1, 5, 10, null], [5]) // → [1, 2]
 */
export function classCounts(values: Loose, breaks: readonly number[]): number[] {
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const v of values) {
    const i = classIndex(v, breaks);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Colour ramps: sequential, colour-blind safe, light → dark so class order reads in greyscale. */
export type RampName = "YlOrRd" | "YlGnBu" | "Viridis" | "Greys";

/**
 * Hex colours for 3–7 classes. ColorBrewer sequential schemes (Cynthia Brewer, Apache-2.0 colour
 * specifications) and viridis samples, chosen because they keep monotone lightness (projector and
 * greyscale print) and are safe for the common colour-vision deficiencies.
 */
export const RAMPS: Record<RampName, Record<3 | 4 | 5 | 6 | 7, string[]>> = {
  YlOrRd: {
    3: ["#ffeda0", "#feb24c", "#f03b20"],
    4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
    5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
    6: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
    7: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
  },
  YlGnBu: {
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
    7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
  },
  Viridis: {
    3: ["#fde725", "#21918c", "#440154"],
    4: ["#fde725", "#35b779", "#31688e", "#440154"],
    5: ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"],
    6: ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"],
    7: ["#fde725", "#8fd744", "#35b779", "#21918c", "#31688e", "#443983", "#440154"],
  },
  Greys: {
    3: ["#f0f0f0", "#bdbdbd", "#636363"],
    4: ["#f7f7f7", "#cccccc", "#969696", "#525252"],
    5: ["#f7f7f7", "#cccccc", "#969696", "#636363", "#252525"],
    6: ["#f7f7f7", "#d9d9d9", "#bdbdbd", "#969696", "#636363", "#252525"],
    7: ["#f7f7f7", "#d9d9d9", "#bdbdbd", "#969696", "#737373", "#525252", "#252525"],
  },
};

/** Colour for parcels without a value (no data): neutral, distinct from every ramp's first class. */
export const NO_DATA_COLOR = "#d9d9d9";

/**
 * `n` colours of a ramp, light → dark. 1 → the middle colour, 2 → the ends of the 3-class ramp,
 * 3–7 → the ramp itself, more than 7 → interpolated steps of the 7-class ramp (repeats avoided).
 */
export function rampColors(name: RampName, n: number): string[] {
  const ramp = RAMPS[name];
  if (n <= 0) return [];
  if (n === 1) return [ramp[3][1] as string];
  if (n === 2) return [ramp[3][0] as string, ramp[3][2] as string];
  if (n <= 7) return [...ramp[n as 3 | 4 | 5 | 6 | 7]];
  const seven = ramp[7];
  return Array.from({ length: n }, (_, i) => seven[Math.round((i * 6) / (n - 1))] as string);
}
