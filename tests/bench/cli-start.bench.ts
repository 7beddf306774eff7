/**
 * `npm run bench` (third part): start-up of the command line — `jiyue --help` from the built
 * bundle (build/cli/, made at `npm ci`), against the floor measured in the same run (`node -e 0`,
 * node starting and doing nothing) and against the TypeScript source run through tsx (what
 * `npm run cli` did before the build). Median of 15 runs each, interleaved.
 *
 * Target (issue 13): `--help` in under 100 ms. Exit 1 when the target is missed.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "build/cli/jiyue.mjs");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const TARGET_MS = 100;
const RUNS = 15;

if (!existsSync(BIN)) {
  const b = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "inherit" });
  if (b.status !== 0) process.exit(1);
}

function timeOnce(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}`);
  return performance.now() - t0;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const floor: number[] = [];
const built: number[] = [];
const source: number[] = [];
for (let i = 0; i < RUNS; i++) {
  floor.push(timeOnce(process.execPath, ["-e", "0"]));
  built.push(timeOnce(process.execPath, [BIN, "--help"]));
  if (i < 5) source.push(timeOnce(TSX, ["src/cli/main.ts", "--help"]));
}
const f = median(floor);
const b = median(built);
const s = median(source);
console.log("CLI start-up (jiyue --help), median wall time:");
console.log(`  floor (node -e 0)      ${f.toFixed(0).padStart(5)} ms`);
console.log(`  built bundle           ${b.toFixed(0).padStart(5)} ms  (${(b / f).toFixed(2)}× the floor)`);
console.log(`  TypeScript through tsx ${s.toFixed(0).padStart(5)} ms  (${(s / f).toFixed(2)}× the floor)`);
const pass = b < TARGET_MS;
console.log(`  target < ${TARGET_MS} ms: ${pass ? "PASS" : "FAIL"}`);
if (f > 60)
  console.log(`  (the floor is ${f.toFixed(0)} ms: the machine is busy; the ratio is the figure to read)`);
if (!pass) process.exitCode = 1;
