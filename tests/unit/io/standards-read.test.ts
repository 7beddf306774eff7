import { describe, expect, it } from "vitest";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { readStandards, validateStandards } from "../../../src/io/standards-read";

describe("readStandards", () => {
  it("reads a complete file (the built-in copy of the example standards) without problems", () => {
    const r = readStandards(JSON.stringify(DEFAULT_STANDARDS, null, 2), "standards.json");
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.standards).toEqual(DEFAULT_STANDARDS);
  });

  it("fills missing sections from the built-in standards, with a warning per section", () => {
    const r = validateStandards({ name: "测试", edition: "t1", defaults: { min: { far: 1.2 } } }, "s.json");
    expect(r.ok).toBe(true);
    expect(r.standards?.defaults).toEqual({ min: { far: 1.2 } });
    expect(r.standards?.efficiency).toEqual(DEFAULT_STANDARDS.efficiency);
    const missing = r.problems.filter((p) => p.code === "standards-default").map((p) => p.field);
    expect(missing).toEqual([
      "sources",
      "zones",
      "industries",
      "idle",
      "efficiency",
      "services",
      "analysisCrs",
    ]);
    expect(r.problems.every((p) => p.severity === "warning" && p.file === "s.json")).toBe(true);
  });

  it("rejects a non-numeric threshold, naming its path", () => {
    const r = validateStandards({ ...DEFAULT_STANDARDS, defaults: { min: { far: "0.8" } } }, "s.json");
    expect(r.ok).toBe(false);
    expect(r.standards).toBeUndefined();
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        severity: "error",
        code: "bad-threshold",
        field: "defaults.min.far",
        params: { raw: "0.8" },
      }),
    );
  });

  it.each([
    ["negative threshold", { industries: { "30": { min: { far: -1 } } } }, "industries.30.min.far"],
    ["fee rate above 1", { idle: { feeRate: 2 } }, "idle.feeRate"],
    [
      "zero benchmark",
      { efficiency: { ...DEFAULT_STANDARDS.efficiency, benchmarks: { taxPerMu: 0 } } },
      "efficiency.benchmarks.taxPerMu",
    ],
    [
      "cutoffs out of order",
      { efficiency: { ...DEFAULT_STANDARDS.efficiency, classCutoffs: { A: 0.8, B: 0.7, C: 0.95 } } },
      "efficiency.classCutoffs",
    ],
    ["geographic analysis CRS", { analysisCrs: "EPSG:4326" }, "analysisCrs"],
    ["unknown analysis CRS", { analysisCrs: "EPSG:1" }, "analysisCrs"],
    ["zones not an object", { zones: [] }, "zones"],
  ])("rejects %s", (_name, patch, path) => {
    const r = validateStandards({ ...DEFAULT_STANDARDS, ...patch });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.field)).toContain(path);
  });

  it("warns about an unknown indicator and ignores it", () => {
    const r = validateStandards({ ...DEFAULT_STANDARDS, defaults: { min: { far: 1, speed: 3 } } });
    expect(r.ok).toBe(true);
    expect(r.standards?.defaults.min).toEqual({ far: 1 });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "unknown-standards-key", field: "defaults.min.speed" }),
    ]);
  });

  it("reports broken JSON and non-objects", () => {
    expect(readStandards("{", "s.json").problems[0]).toMatchObject({ code: "not-json", fatal: true });
    expect(readStandards("[]").ok).toBe(false);
  });
});
