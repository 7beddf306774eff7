/**
 * The built command line (build/cli/, made by `npm ci` through the `prepare` script, or
 * `npm run build:cli`): it runs on plain node and gives the same output as the TypeScript source.
 * Its start-up time is reported by `npm run bench`, not asserted here.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../..");
const BIN = join(ROOT, "build/cli/jiyue.mjs");
const TSX = join(ROOT, "node_modules/.bin/tsx");

beforeAll(() => {
  // Build afresh so the test checks today's source, not a stale bundle.
  const r = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("built CLI", () => {
  it("is the package's jiyue bin and prints the usage", async () => {
    const pkg = (await import("../../../package.json")).default as { bin: Record<string, string> };
    expect(pkg.bin.jiyue).toBe("build/cli/jiyue.mjs");
    expect(existsSync(BIN)).toBe(true);
    const r = run(process.execPath, [BIN, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("analyze");
    expect(r.stdout).toContain("coverage");
  });

  it("analyses the sample exactly as the TypeScript source does (default standards found)", () => {
    const args = ["analyze", "geodata/parcels.geojson", "--format", "csv", "--lang", "zh"];
    const built = run(process.execPath, [BIN, ...args]);
    const source = run(TSX, ["src/cli/main.ts", ...args]);
    expect(built.status).toBe(0);
    expect(built.stdout.length).toBeGreaterThan(1000);
    expect(built.stdout).toBe(source.stdout);
    expect(built.stderr).toBe(source.stderr);
  }, 60_000);

  it("finds the targets file of geodata/ from the bundle", () => {
    const built = run(process.execPath, [BIN, "targets", "--format", "json"]);
    const source = run(TSX, ["src/cli/main.ts", "targets", "--format", "json"]);
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(source.stdout);
  }, 60_000);
});
