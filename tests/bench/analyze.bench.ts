/**
 * `npm run bench`: end-to-end analysis of 10,000 and 100,000 synthetic parcels (lon/lat, made
 * by `syntheticParcels` — synthetic, not real data) against the floor measured in the same
 * process on the same text: JSON.parse + JSON.stringify.
 *
 * End to end, from the same text: readParcelsGeoJson (parse, validate, self-intersection check,
 * project to EPSG:4546, planar area, typed properties) → analyzeParcels (indicators, standards,
 * idle, efficiency, reallocation) → the GeoJSON written chunk by chunk as `analyze --out` does
 * (`geoJsonChunks`; UTF-8 encoding and the write calls included, the whole text never held), to
 * the null device so that disk speed does not count (the floor writes nothing either).
 *
 * Target (issue 2): end-to-end ≤ 2.5 × floor at 100,000 parcels, peak RSS < 1 GB.
 * Floor and end-to-end runs alternate, so load from other processes hits both alike; medians of
 * wall-clock time are the figures, with the CPU-time ratio alongside (steadier on a shared
 * machine). Peak RSS is measured from after the data is generated (Linux: VmHWM reset through
 * /proc/self/clear_refs; elsewhere the process maximum, generation included).
 * Exit 1 when the target is missed.
 *
 * Then one parcel with a 100,000-vertex ring (a circle, synthetic) read end to end against the
 * same with 10,000 vertices: the self-intersection check must grow near-linearly (issue 12: it
 * was quadratic, 36 s at 100,000 vertices). Target ≤ 20× for 10× the vertices (n log n and a
 * noisy machine leave room above 10×; quadratic would be 100×).
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { analyzeParcels } from "../../src/domain/analyze";
import { DEFAULT_STANDARDS } from "../../src/io/default-standards";
import { readParcelsGeoJson } from "../../src/io/geojson-read";
import { geoJsonChunks } from "../../src/io/geojson-write";
import { syntheticParcels } from "../../src/io/synthetic";

const TARGET_RATIO = 2.5;
/** Where the output goes: the null device (disk speed is not the subject; the floor writes nothing). */
const NULL_DEVICE = process.platform === "win32" ? "\\\\.\\NUL" : "/dev/null";
const OUT_FILE =
  existsSync(NULL_DEVICE) || process.platform === "win32"
    ? NULL_DEVICE
    : join(tmpdir(), `jiyue-bench-${process.pid}.geojson`);
const TARGET_RSS_MB = 1024;

// A full collection between runs, so that one run's garbage is not billed to the next.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

interface Timing {
  wall: number;
  cpu: number;
}

function timed(fn: () => void): Timing {
  const c0 = cpuMs();
  const t0 = performance.now();
  fn();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

function floorRun(text: string): Timing {
  return timed(() => {
    const out = JSON.stringify(JSON.parse(text));
    if (out.length === 0) throw new Error("unreachable");
  });
}

type Stages = { read: number[]; analyze: number[]; write: number[] };
const noStages = (): Stages => ({ read: [], analyze: [], write: [] });

function endToEndRun(text: string, stages: Stages): Timing {
  return timed(() => {
    const t0 = performance.now();
    const imported = readParcelsGeoJson(text, { fileName: "synthetic.geojson", analysisCrs: "EPSG:4546" });
    const t1 = performance.now();
    if (!imported.ok) throw new Error("synthetic data did not import");
    const result = analyzeParcels(imported.parcels, {
      standards: DEFAULT_STANDARDS,
      asOf: imported.surveyDate ?? "2026-06-30",
    });
    const t2 = performance.now();
    const fd = openSync(OUT_FILE, "w");
    for (const chunk of geoJsonChunks(result)) writeSync(fd, chunk);
    closeSync(fd);
    const t3 = performance.now();
    stages.read.push(t1 - t0);
    stages.analyze.push(t2 - t1);
    stages.write.push(t3 - t2);
  });
}

/** Reset the peak-RSS mark (Linux); returns whether it could. */
function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS in MB since the last reset (Linux VmHWM), else the process maximum. */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

let failed = false;
for (const [n, runs] of [
  [10_000, 5],
  [100_000, 3],
] as const) {
  const text = JSON.stringify(syntheticParcels(n, 1));
  gc();
  const peakSinceData = resetPeakRss();
  const floor: Timing[] = [];
  const e2e: Timing[] = [];
  const stages = noStages();
  for (let w = 0; w < 2; w++) {
    // warm-up (the JIT has to see the code), not counted
    floorRun(text);
    gc();
    endToEndRun(text, noStages());
    gc();
  }
  for (let i = 0; i < runs; i++) {
    floor.push(floorRun(text));
    gc();
    e2e.push(endToEndRun(text, stages));
    gc();
  }
  const f = median(floor.map((t) => t.wall));
  const e = median(e2e.map((t) => t.wall));
  const ratio = e / f;
  const cpuRatio = median(e2e.map((t) => t.cpu)) / median(floor.map((t) => t.cpu));
  const peakMb = peakRssMb();
  const pass = ratio <= TARGET_RATIO && peakMb < TARGET_RSS_MB;
  if (n >= 100_000 && !pass) failed = true;
  const stageText = Object.entries(stages)
    .map(([k, v]) => `${k} ${median(v).toFixed(0)}`)
    .join(" + ");
  process.stdout.write(
    `${n.toLocaleString("en")} parcels (${Math.round(Buffer.byteLength(text) / 1048576)} MB of GeoJSON, ${runs} runs, medians): ` +
      `floor ${f.toFixed(0)} ms, end-to-end ${e.toFixed(0)} ms (${stageText} ms), ` +
      `ratio ${ratio.toFixed(2)}× (CPU time ${cpuRatio.toFixed(2)}×), peak RSS ${peakMb} MB${peakSinceData ? "" : " (incl. generation)"}` +
      (n >= 100_000
        ? ` — target ≤ ${TARGET_RATIO}× and < ${TARGET_RSS_MB} MB: ${pass ? "PASS" : "FAIL"}`
        : "") +
      "\n",
  );
}
/** One lon/lat parcel whose ring is a circle of `n` vertices (about 2 km across, near Jianshi). */
function ringFile(n: number): string {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([109.72 + 0.01 * Math.cos(a), 30.6 + 0.01 * Math.sin(a)]);
  }
  ring.push(ring[0] as number[]);
  const feature = {
    type: "Feature",
    properties: { id: "RING" },
    geometry: { type: "Polygon", coordinates: [ring] },
  };
  return JSON.stringify({ type: "FeatureCollection", features: [feature] });
}
const RING_TARGET = 20;
{
  const small = ringFile(10_000);
  const large = ringFile(100_000);
  const readRing = (text: string) =>
    timed(() => {
      const r = readParcelsGeoJson(text, { fileName: "ring.geojson", analysisCrs: "EPSG:4546" });
      if (r.parcels.length !== 1) throw new Error("the ring did not import");
    });
  for (let w = 0; w < 2; w++) {
    readRing(small);
    readRing(large);
  }
  const s: Timing[] = [];
  const l: Timing[] = [];
  for (let i = 0; i < 5; i++) {
    s.push(readRing(small));
    gc();
    l.push(readRing(large));
    gc();
  }
  const ms = median(s.map((t) => t.wall));
  const ml = median(l.map((t) => t.wall));
  const ratio = ml / ms;
  const pass = ratio <= RING_TARGET;
  if (!pass) failed = true;
  process.stdout.write(
    `one ring, 100,000 vs 10,000 vertices (read end to end, 5 runs, medians): ${ml.toFixed(0)} ms vs ${ms.toFixed(0)} ms, ` +
      `ratio ${ratio.toFixed(1)}× — target ≤ ${RING_TARGET}× (near-linear ≈ 10×): ${pass ? "PASS" : "FAIL"}\n`,
  );
}
if (OUT_FILE !== NULL_DEVICE) rmSync(OUT_FILE, { force: true });
process.exitCode = failed ? 1 : 0;
