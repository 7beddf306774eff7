import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { readStandards, sourceComparisons, validateStandards } from "../../../src/io/standards-read";

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

describe("source texts against the thresholds they cite", () => {
  const file = (sources: Record<string, string>, over: Record<string, unknown> = {}) =>
    validateStandards(
      { ...DEFAULT_STANDARDS, sources: { ...DEFAULT_STANDARDS.sources, ...sources }, ...over },
      "s.json",
    );
  const stale = (r: ReturnType<typeof validateStandards>) =>
    r.problems.filter((p) => p.code === "source-disagrees");

  it("reads the comparisons of a text, ratios as fractions, and skips numbers without one", () => {
    expect(sourceComparisons("建筑系数 ≥ 30%；绿地率不超过 20%；参考：全国均值 45 万元/亩；>= 1.5")).toEqual([
      { kind: "min", value: 0.3, text: "≥ 30%" },
      { kind: "max", value: 0.2, text: "不超过 20%" },
      { kind: "min", value: 1.5, text: ">= 1.5" },
    ]);
  });

  it("a stale minimum warns, naming the source field, the quoted words and every applied value", () => {
    const r = file({ investmentPerMu: "投资强度 要求 ≥ 200 万元/亩" });
    expect(r.ok).toBe(true);
    const w = stale(r);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", file: "s.json", field: "sources.investmentPerMu" });
    expect(w[0]!.params).toMatchObject({ quoted: "≥ 200", kind: "min" });
    const applied = String(w[0]!.params?.applied);
    expect(applied.split(" / ")).toContain(String(DEFAULT_STANDARDS.defaults.min?.investmentPerMu));
    expect(formatProblem(w[0]!, "zh")).toContain("依据文字写「≥ 200」，与文件中投资强度的下限");
    expect(formatProblem(w[0]!, "en")).toContain(
      "the source text says “≥ 200”, but the file's investment intensity minimum is",
    );
  });

  it("numbers any level applies (default, zone, industry) do not warn; ratios compare as percent", () => {
    const zone = Object.values(DEFAULT_STANDARDS.zones).find((z) => z.min?.investmentPerMu !== undefined)?.min
      ?.investmentPerMu;
    expect(zone).toBeDefined();
    expect(
      stale(
        file({
          investmentPerMu: `默认 ≥ ${DEFAULT_STANDARDS.defaults.min?.investmentPerMu}，片区 ≥ ${zone}`,
        }),
      ),
    ).toEqual([]);
    const bc = DEFAULT_STANDARDS.defaults.min?.buildingCoverage ?? 0;
    expect(stale(file({ buildingCoverage: `建筑系数 ≥ ${bc * 100}%` }))).toEqual([]);
    const w = stale(file({ buildingCoverage: `建筑系数 ≥ ${bc * 100 + 10}%` }));
    expect(w.map((p) => p.params?.applied)).toEqual([`${bc * 100}%`]);
  });

  it("a maximum is compared with maxima only, and the idle text with the fee rate", () => {
    expect(stale(file({ greenRatio: "绿地率 ≤ 15%" })).map((p) => p.field)).toEqual(["sources.greenRatio"]);
    const idle = stale(file({ idle: "土地闲置费按出让价款的 25% 征缴" }));
    expect(idle.map((p) => [p.field, p.params?.quoted, p.params?.applied])).toEqual([
      ["sources.idle", "25%", "20%"],
    ]);
    expect(formatProblem(idle[0]!, "zh")).toContain("与文件中土地闲置费的费率 20% 不符");
  });

  it("the built-in example standards agree with their own sources", () => {
    expect(stale(validateStandards(DEFAULT_STANDARDS, "d.json"))).toEqual([]);
  });
});
