/**
 * `npm run bench` (last part), also `npm run bench:scale`: the built command line at scale —
 * `node build/cli/jiyue.mjs analyze <file> --out <tmp>` on 100,000, 500,000 and 1,000,000 synthetic
 * parcels (tests/bench/synthetic-file.ts: the app's synthetic parcels, one feature per line, over
 * the two park zones; synthetic, not real data), each as a child process, whole process including
 * start-up, against two baselines measured in the same run on the same file:
 *
 * - the I/O floor (tests/bench/io-floor.mjs): read the file 4 MB at a time, JSON.parse every
 *   feature, write an output of the same size as the CLI's, all of it JSON.stringify output — the
 *   least any analyser must do;
 * - mapshaper (a pinned devDependency, used only here) computing areas and three fields:
 *   `mapshaper in.geojson -each 'area_m2=this.area, mu=this.area/666.6667, ii=fixedInvestment/mu'
 *   -o out.geojson`.
 *
 * Per process: wall time (spawn to exit, measured here), CPU time (user + system) and peak memory
 * (the RSS high-water mark) from GNU time (`/usr/bin/time -f`), else by polling
 * /proc/<pid>/status (VmHWM) and /proc/<pid>/stat until the process exits.
 * At 100,000 parcels each of the three runs 3 times, interleaved in rotating order (the fastest
 * wall time — the run least slowed by other processes — and the median CPU time count); the
 * larger files once each. Targets (issue 13), at 100,000 parcels: CLI ≤ 1.3 × the floor and no
 * slower than mapshaper, in wall time; the CPU-time ratio is shown beside it (steadier on a shared
 * machine). At 1,000,000 parcels (≈ 1 GB): CLI peak memory < 2 GB. The table marks each ✓ or ✗;
 * the exit code is 0 either way (the figures are a report); 1 only when the bench cannot run.
 *
 *   npm run bench:scale -- --sizes 100k        # or BENCH_SIZES=100k,500k; default 100k,500k,1m
 *   npm run bench:scale -- --keep              # keep the generated inputs in the temp folder
 *   npm run bench:scale -- --profile           # also `node --cpu-prof` the CLI once at the smallest size
 *   npm run bench:scale -- --cli <jiyue.mjs>   # measure another build of the CLI (BENCH_CLI=…)
 *
 * The generated inputs are cached in os.tmpdir() under a name with their size, seed and the
 * generator's version (same bytes for the same name), and removed at the end unless --keep.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeSyntheticParcels } from "./synthetic-file";

const ROOT = resolve(import.meta.dirname, "../..");
const BUILT_CLI = join(ROOT, "build/cli/jiyue.mjs");
const FLOOR = join(ROOT, "tests/bench/io-floor.mjs");
const SEED = 1;
/** Bump when synthetic-file.ts changes what it writes, so a cached input is not reused. */
const GENERATOR_VERSION = 1;
const TARGET_FLOOR_RATIO = 1.3;
const TARGET_MAPSHAPER_RATIO = 1;
const TARGET_1M_RSS_MB = 2048;
const TIMEOUT_MS = 20 * 60_000;
const MAPSHAPER_EACH = "area_m2=this.area, mu=this.area/666.6667, ii=fixedInvestment/mu";

// ---- options ---------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
function option(name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}
function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([km]?)$/i.exec(s.trim().replace(/[_,]/g, ""));
  if (!m) throw new Error(`not a size: ${s} (use e.g. 100k, 500k, 1m or 100000)`);
  const mult = { "": 1, k: 1e3, m: 1e6 }[(m[2] ?? "").toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * mult);
}
const sizesText = option("--sizes") ?? process.env.BENCH_SIZES ?? "100k,500k,1m";
let SIZES: number[];
try {
  SIZES = sizesText
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(parseSize);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
const KEEP = flag("--keep") || process.env.BENCH_KEEP === "1";
/** Another build of the CLI to measure (e.g. a copy of build/cli/ from another branch). */
const CLI = resolve(option("--cli") ?? process.env.BENCH_CLI ?? BUILT_CLI);
const PROFILE = flag("--profile");
const runsFor = (n: number) => (n <= 100_000 ? 3 : 1);

// ---- the programs ----------------------------------------------------------------------------

if (CLI === BUILT_CLI && !existsSync(CLI)) {
  const b = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "inherit" });
  if (b.status !== 0) process.exit(1);
}
const require = createRequire(import.meta.url);
const MAPSHAPER = join(resolve(require.resolve("mapshaper/package.json"), ".."), "bin/mapshaper");
const mapshaperVersion = (
  JSON.parse(readFileSync(require.resolve("mapshaper/package.json"), "utf8")) as {
    version: string;
  }
).version;

// ---- measuring one process -------------------------------------------------------------------

interface Measure {
  ok: boolean;
  wallMs: number;
  /** user + system, ms; NaN when it could not be read */
  cpuMs: number;
  /** RSS high-water mark, MB; NaN when it could not be read */
  peakMb: number;
  stdout: string;
  /** the end of stderr (its last 4000 characters) */
  stderr: string;
  /** the last line of stderr, for a failure */
  lastErr: string;
  code: number | null;
}

const GNU_TIME =
  existsSync("/usr/bin/time") &&
  spawnSync("/usr/bin/time", ["-f", "%M", "true"], { encoding: "utf8" }).status === 0;

/** Linux: the high-water mark and CPU ticks of a running process, or null once it has gone. */
function procSample(pid: number): { hwmKb: number; ticks: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    // fields after the command's closing paren: state is field 3, utime 14, stime 15
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(rest[11]) + Number(rest[12]);
    return hwm ? { hwmKb: Number(hwm[1]), ticks } : null;
  } catch {
    return null;
  }
}
const CLK_TCK = 100;

function collect(child: ChildProcess): { out: () => string; err: () => string } {
  const out: Buffer[] = [];
  let err = "";
  child.stdout?.on("data", (d: Buffer) => out.push(d));
  child.stderr?.on("data", (d: Buffer) => {
    err = (err + d.toString("utf8")).slice(-4000);
  });
  return { out: () => Buffer.concat(out).toString("utf8"), err: () => err };
}

/** Run `node <args>` as a child process and measure it. */
function measure(nodeArgs: string[]): Promise<Measure> {
  const timeFile = join(WORK, `time-${process.hrtime.bigint()}.txt`);
  return new Promise((done) => {
    const t0 = performance.now();
    const child = GNU_TIME
      ? spawn("/usr/bin/time", ["-o", timeFile, "-f", "%M %U %S", process.execPath, ...nodeArgs], {
          cwd: ROOT,
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(process.execPath, nodeArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const io = collect(child);
    let last: { hwmKb: number; ticks: number } | null = null;
    const poll = GNU_TIME
      ? undefined
      : setInterval(() => {
          const s = child.pid ? procSample(child.pid) : null;
          if (s) last = s;
        }, 20);
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let cpuMs = Number.NaN;
      let peakMb = Number.NaN;
      if (GNU_TIME) {
        try {
          // GNU time writes "Command exited with non-zero status N" first on failure
          const line = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
          const [kb, user, sys] = line.split(" ").map(Number);
          peakMb = (kb ?? Number.NaN) / 1024;
          cpuMs = ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000;
        } catch {
          // time could not write its file: the figures stay unknown
        }
        rmSync(timeFile, { force: true });
      } else {
        const s = last as { hwmKb: number; ticks: number } | null;
        if (s) {
          peakMb = s.hwmKb / 1024;
          cpuMs = (s.ticks / CLK_TCK) * 1000;
        }
      }
      const errLines = io
        .err()
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      done({
        ok: code === 0,
        wallMs,
        cpuMs,
        peakMb,
        stdout: io.out(),
        stderr: io.err(),
        lastErr: errLines.at(-1) ?? "",
        code,
      });
    });
  });
}

// ---- the run ---------------------------------------------------------------------------------

const WORK = mkdtempSync(join(tmpdir(), "jiyue-scale-bench-"));
const inputPath = (n: number) =>
  join(tmpdir(), `jiyue-bench-parcels-${n}-seed${SEED}-v${GENERATOR_VERSION}.geojson`);
const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const mb = (bytes: number) => bytes / 1048576;
const loadNow = () => (loadavg()[0] ?? 0).toFixed(1);

type Tool = "cli" | "floor" | "mapshaper";
const TOOLS: Tool[] = ["cli", "floor", "mapshaper"];
const LABEL: Record<Tool, string> = {
  cli: "jiyue analyze (built CLI)",
  floor: "I/O floor",
  mapshaper: `mapshaper ${mapshaperVersion} -each`,
};

interface SizeResult {
  n: number;
  inputMb: number;
  genMs: number | null;
  runs: Record<Tool, Measure[]>;
  outMb: Partial<Record<Tool, number>>;
  cliOutBytes: number;
}

function outputSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const fmtS = (ms: number) => (Number.isNaN(ms) ? "n/a" : (ms / 1000).toFixed(2));
const fmtMb = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(0));

async function benchSize(n: number): Promise<SizeResult> {
  const input = inputPath(n);
  let genMs: number | null = null;
  if (!existsSync(input)) {
    const t0 = performance.now();
    writeSyntheticParcels(n, input, SEED);
    genMs = performance.now() - t0;
  }
  const inputBytes = statSync(input).size;
  const result: SizeResult = {
    n,
    inputMb: mb(inputBytes),
    genMs,
    runs: { cli: [], floor: [], mapshaper: [] },
    outMb: {},
    cliOutBytes: 0,
  };
  const out = (t: Tool) => join(WORK, `${t}-${n}.geojson`);
  const args: Record<Tool, () => string[]> = {
    cli: () => [CLI, "analyze", input, "--out", out("cli")],
    floor: () => [FLOOR, input, out("floor"), String(result.cliOutBytes || inputBytes)],
    mapshaper: () => [MAPSHAPER, input, "-each", MAPSHAPER_EACH, "-o", out("mapshaper")],
  };
  const runs = runsFor(n);
  for (let r = 0; r < runs; r++) {
    // rotate the order (the CLI first in the first round: the floor's output size is the CLI's)
    const order = TOOLS.map((_, i) => TOOLS[(i + r) % TOOLS.length] as Tool);
    for (const t of order) {
      const m = await measure(args[t]());
      if (t === "floor" && m.ok && Number(m.stdout.trim()) !== n) {
        m.ok = false;
        m.lastErr = `the floor parsed ${m.stdout.trim()} features, not ${n}`;
      }
      // the CLI's closing line: 完成：N 个要素，分析 N 宗 …
      const analysed = /分析 (\d+) 宗/.exec(m.stderr)?.[1];
      if (t === "cli" && m.ok && analysed !== undefined && Number(analysed) !== n) {
        m.ok = false;
        m.lastErr = `the CLI analysed ${analysed} parcels, not ${n}: ${m.lastErr}`;
      }
      result.runs[t].push(m);
      if (m.ok) {
        const size = outputSize(out(t));
        result.outMb[t] = mb(size);
        if (t === "cli" && !result.cliOutBytes) result.cliOutBytes = size;
      }
      log(
        `  ${n.toLocaleString("en")} · run ${r + 1}/${runs} · ${LABEL[t]}: ` +
          (m.ok
            ? `${fmtS(m.wallMs)} s wall, ${fmtS(m.cpuMs)} s CPU, peak ${fmtMb(m.peakMb)} MB`
            : `FAILED (exit ${m.code ?? "killed"}): ${m.lastErr.slice(0, 200)}`),
      );
      rmSync(out(t), { force: true });
    }
  }
  return result;
}

/**
 * The top functions of a `--cpu-prof` profile by self time and by total time (self + callees:
 * which stage the time is spent under), as shares of the samples that were not idle.
 */
function profileSummary(profilePath: string, k: number): { self: string[]; total: string[] } {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }
  const p = JSON.parse(readFileSync(profilePath, "utf8")) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map<number, number>();
  for (const nd of p.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  const keyOf = (nd: Node) => {
    const f = nd.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, "") : "";
    return `${f.functionName || "(anonymous)"} ${file}${file ? `:${f.lineNumber + 1}` : ""}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const nd = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    // waiting (for the disk, or for a core on a busy machine) is not work
    if (!nd || nd.callFrame.functionName === "(idle)") return;
    all += dt;
    const key = keyOf(nd);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: Node | undefined = nd; at; at = byId.get(parent.get(at.id) ?? -1)) {
      const kk = keyOf(at);
      if (seen.has(kk) || at.callFrame.functionName === "(root)") continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(
        ([key, us]) =>
          `${((100 * us) / all).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`,
      );
  return { self: top(self), total: top(total) };
}

async function main() {
  log(
    `Scale benchmark: the built CLI vs the I/O floor and mapshaper ${mapshaperVersion}, whole processes (node ${process.version}, ` +
      `${GNU_TIME ? "GNU time" : "/proc polling"} for CPU and peak RSS; synthetic data, seed ${SEED})`,
  );
  if (CLI !== BUILT_CLI) log(`CLI measured: ${CLI}`);
  const loadAtStart = loadNow();
  const results: SizeResult[] = [];
  const t0 = performance.now();
  for (const n of SIZES) {
    log(`${n.toLocaleString("en")} parcels:`);
    const r = await benchSize(n);
    if (r.genMs !== null)
      log(`  (generated ${r.inputMb.toFixed(0)} MB in ${fmtS(r.genMs)} s: ${inputPath(n)})`);
    results.push(r);
  }

  // ---- the table ----
  log("");
  log(
    "| parcels | input MB | program | runs | wall s (fastest) | CPU s (median) | peak RSS MB | output MB | CLI ÷ this, wall (CPU) | target |",
  );
  log("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const cliWall = Math.min(...r.runs.cli.filter((m) => m.ok).map((m) => m.wallMs));
    const cliCpu = median(r.runs.cli.filter((m) => m.ok).map((m) => m.cpuMs));
    for (const t of TOOLS) {
      const ok = r.runs[t].filter((m) => m.ok);
      const failed = r.runs[t].find((m) => !m.ok);
      const wall = Math.min(...ok.map((m) => m.wallMs));
      const cpu = median(ok.map((m) => m.cpuMs));
      const peak = Math.max(...ok.map((m) => m.peakMb));
      let ratio = "";
      let target = "";
      if (t !== "cli" && ok.length && Number.isFinite(cliWall)) {
        const rw = cliWall / wall;
        const rc = cliCpu / cpu;
        ratio = `${rw.toFixed(2)}× (${Number.isNaN(rc) ? "n/a" : `${rc.toFixed(2)}×`})`;
        if (r.n === 100_000) {
          const limit = t === "floor" ? TARGET_FLOOR_RATIO : TARGET_MAPSHAPER_RATIO;
          target = `${rw <= limit ? "✓" : "✗"} ≤ ${limit}×${Number.isNaN(rc) ? "" : ` (CPU ${rc <= limit ? "✓" : "✗"})`}`;
        }
      }
      if (t === "cli" && r.n === 1_000_000)
        target = ok.length
          ? `${peak < TARGET_1M_RSS_MB ? "✓" : "✗"} peak < ${TARGET_1M_RSS_MB} MB`
          : `✗ peak < ${TARGET_1M_RSS_MB} MB`;
      if (t === "cli" && r.n === 100_000 && !ok.length) target = "✗ (failed)";
      const cells = ok.length
        ? [fmtS(wall), fmtS(cpu), fmtMb(peak), (r.outMb[t] ?? Number.NaN).toFixed(0)]
        : ["failed", "", "", ""];
      log(
        `| ${r.n.toLocaleString("en")} | ${r.inputMb.toFixed(0)} | ${LABEL[t]} | ${r.runs[t].length} | ${cells.join(" | ")} | ${ratio} | ${target} |`,
      );
      if (failed)
        log(
          `|  |  | ↳ ${LABEL[t]} failed (exit ${failed.code ?? "killed"}): ${failed.lastErr.slice(0, 160).replace(/\|/g, "\\|")} | | | | | | | |`,
        );
    }
  }
  log("");
  log(
    "wall = spawn to exit, the fastest run; CPU = user + system, the median; the ratios are the CLI's figure divided by the row's. " +
      `Load average ${loadAtStart} at the start, ${loadNow()} at the end, on ${availableParallelism()} cores` +
      (Math.max(Number(loadAtStart), Number(loadNow())) > availableParallelism()
        ? ": the machine is busy, wall times move with its load — read the CPU ratios."
        : "."),
  );

  if (PROFILE) {
    const n = SIZES[0] ?? 100_000;
    const dir = join(WORK, "prof");
    const m = await measure([
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      CLI,
      "analyze",
      inputPath(n),
      "--out",
      join(WORK, "prof.geojson"),
    ]);
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    log("");
    log(
      `CPU profile of the CLI at ${n.toLocaleString("en")} parcels (${fmtS(m.wallMs)} s wall under the profiler), top self time (share of the samples not idle):`,
    );
    if (file) {
      const { self, total } = profileSummary(join(dir, file), 20);
      for (const line of self) log(`  ${line}`);
      log("  by total time (the function and what it calls):");
      for (const line of total) log(`  ${line}`);
    } else log("  (no profile written)");
  }
  log(`total bench time ${fmtS(performance.now() - t0)} s`);
}

try {
  await main();
} finally {
  rmSync(WORK, { recursive: true, force: true });
  if (!KEEP) for (const n of SIZES) rmSync(inputPath(n), { force: true });
}
