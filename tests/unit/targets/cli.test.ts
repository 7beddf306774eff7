/**
 * `npm run cli -- targets`: the report on the sample data, JSON output, and exit 2 with one line
 * (no stack trace) for unusable files or options.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { displayWidth, runTargets, targetsTable } from "../../../src/cli/targets";
import type { TargetRow } from "../../../src/domain/targets";

const ROOT = resolve(__dirname, "../../..");
const GEODATA = join(ROOT, "geodata");

let out = "";
let err = "";
let dir = "";
beforeEach(() => {
  out = "";
  err = "";
  dir = mkdtempSync(join(tmpdir(), "jiyue-targets-"));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const withFiles = (parcels: string | null, targets: string | null) => {
  if (parcels !== null) writeFileSync(join(dir, "parcels.geojson"), parcels);
  else copyFileSync(join(GEODATA, "parcels.geojson"), join(dir, "parcels.geojson"));
  if (targets !== null) writeFileSync(join(dir, "targets.json"), targets);
  else copyFileSync(join(GEODATA, "targets.json"), join(dir, "targets.json"));
  return dir;
};
const oneLine = () => {
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
};

describe("targets command", () => {
  it("prints the table for the sample data by default, saying the data is synthetic", async () => {
    expect(await runTargets([])).toBe(0);
    expect(out).toContain("园区企业总数");
    expect(out).toContain("大样榜片区主导产业产值占比");
    expect(out).toContain("合成示例数据");
    expect(out).toContain("数据截至日期: 2026-06-30");
    expect(out).toMatch(/规上工业增加值\s+≥ 228,700\.00 万元\s+[\d,.]+ 万元\s+未达成/);
    expect(err).toBe("");
  });

  it("prints English with --lang en", async () => {
    expect(await runTargets(["--lang", "en"])).toBe(0);
    expect(out).toContain("Enterprises in the park");
    expect(out).toContain("synthetic sample data");
  });

  it("prints JSON rows with --format json", async () => {
    expect(await runTargets(["--data", withFiles(null, null), "--format", "json"])).toBe(0);
    const json = JSON.parse(out) as { rows: TargetRow[]; surveyDate: string; synthetic: boolean };
    expect(json.surveyDate).toBe("2026-06-30");
    expect(json.synthetic).toBe(true);
    const row = json.rows.find((r) => r.id === "enterprises");
    expect(row?.value).toBeGreaterThanOrEqual(34);
    expect(row?.met).toBe(true);
    expect(json.rows.find((r) => r.id === "new-invention-patents")).toMatchObject({ value: null, met: null });
  });

  it("exits 2 with one line when the directory has no parcels file", async () => {
    expect(await runTargets(["--data", join(dir, "missing")])).toBe(2);
    oneLine();
    expect(err).toContain("parcels.geojson");
    expect(out).toBe("");
  });

  it("exits 2 with one line when the parcels file is not JSON", async () => {
    expect(await runTargets(["--data", withFiles("{ not json", null)])).toBe(2);
    oneLine();
  });

  it("exits 2 with one line when the targets file is not JSON or malformed", async () => {
    expect(await runTargets(["--data", withFiles(null, "[1,"), "--lang", "en"])).toBe(2);
    oneLine();
    expect(err).toContain("targets.json");
    err = "";
    expect(await runTargets(["--data", withFiles(null, '{"targets":[{"id":"x"}]}'), "--lang", "en"])).toBe(2);
    oneLine();
    expect(err).toContain("targets[0].metric");
  });

  it("exits 2 on an unknown option or a bad value", async () => {
    expect(await runTargets(["--bogus"])).toBe(2);
    expect(err).toContain("--bogus");
    err = "";
    expect(await runTargets(["--format", "xml"])).toBe(2);
    expect(err).toContain("--format");
  });

  it("runs through `npm run cli` (the dispatcher) and prints only the result", () => {
    const text = execFileSync(
      join(ROOT, "node_modules/.bin/tsx"),
      ["src/cli/main.ts", "targets", "--format", "json"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect((JSON.parse(text) as { rows: unknown[] }).rows.length).toBeGreaterThan(5);
  });
});

describe("targets table", () => {
  it("counts CJK characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("园区企业")).toBe(8);
    expect(displayWidth("≥ 34 家")).toBe(7);
  });

  it("aligns the columns whatever the script", () => {
    const row = (id: string, zh: string, value: number | null): TargetRow => ({
      id,
      label: { zh, en: id },
      metric: "enterprise-count",
      zone: null,
      target: 34,
      comparison: ">=",
      unit: "enterprises",
      value,
      met: value === null ? null : value >= 34,
      reason: value === null ? "no-data" : null,
      source: "",
    });
    const lines = targetsTable([row("a", "园区企业总数", 39), row("b", "规上企业", null)], "zh").split("\n");
    const col = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    expect(col(lines[1]!, "≥")).toBe(col(lines[2]!, "≥"));
    expect(col(lines[1]!, "39")).toBe(col(lines[2]!, "—"));
  });
});
