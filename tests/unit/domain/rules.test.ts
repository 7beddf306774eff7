/**
 * Explicit checks of the key values, computed by hand from domain.md (the fixtures cover the
 * same cases in bulk; these say what each number must be and why).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { compileEfficiency, efficiencyScore, rankClasses } from "../../../src/domain/efficiency";
import { idleStatus } from "../../../src/domain/idle";
import { computeIndicators, type NullReasons } from "../../../src/domain/indicators";
import { reallocationPotential } from "../../../src/domain/reallocation";
import { checkStandards, ThresholdResolver } from "../../../src/domain/standards";
import type { ParcelInput, PreparedParcel, Standards } from "../../../src/domain/types";
import { fixtureDirs, loadFixture, ROOT } from "./fixture-helpers";

const STANDARDS = JSON.parse(
  readFileSync(resolve(__dirname, "../../fixtures/domain/standards.json"), "utf8"),
) as Standards;
const notStarted = (agreedStartDate: string, extra: Partial<ParcelInput> = {}): ParcelInput => ({
  id: "p",
  landUse: "100101",
  constructionStatus: "not-started",
  agreedStartDate,
  landPrice: 500,
  ...extra,
});

describe("idle: anniversaries (as-of ≥ agreed start + N years)", () => {
  it.each([
    ["2024-06-30", "2026-06-30", "idle-2y", null],
    ["2024-06-30", "2026-06-29", "idle-1y", 100],
    ["2024-06-30", "2025-06-30", "idle-1y", 100],
    ["2024-06-30", "2025-06-29", "overdue", null],
    ["2024-06-30", "2024-06-30", "overdue", null],
    ["2024-06-30", "2024-06-29", "none", null],
    // 29 February: + 1 year = 28 February 2025, + 2 years = 28 February 2026
    ["2024-02-29", "2025-02-28", "idle-1y", 100],
    ["2024-02-29", "2025-02-27", "overdue", null],
    ["2024-02-29", "2026-02-28", "idle-2y", null],
    ["2024-02-29", "2026-02-27", "idle-1y", 100],
  ])("agreed %s, as of %s → %s (fee %s = 0.2 × 500)", (agreed, asOf, status, fee) => {
    const r = idleStatus(notStarted(agreed), 10000, asOf, 0.2);
    expect(r.status).toBe(status);
    expect(r.fee).toBe(fee);
  });

  it("the idle-2y reason carries the dates as data, and recovery as a reason of its own", () => {
    const r = idleStatus(notStarted("2024-06-30"), 10000, "2026-06-30", 0.2);
    expect(r.reasons).toEqual([
      {
        code: "idle-2y",
        params: { agreedStartDate: "2024-06-30", asOf: "2026-06-30", years: 2, since: "2026-06-30" },
      },
      { code: "idle-recovery", params: {} },
    ]);
  });

  it("idle-1y says the fee may be charged, with the rate and the day recovery may follow", () => {
    const r = idleStatus(notStarted("2024-06-30"), 10000, "2025-06-30", 0.2);
    expect(r.reasons.map((x) => x.code)).toEqual(["idle-1y", "idle-fee"]);
    expect(r.reasons[1]!.params).toEqual({ status: "idle-1y", feeRate: 0.2, recoveryFrom: "2026-06-30" });
  });

  it("a government-caused delay has no fee or recovery reason at any duration, only government-cause", () => {
    for (const asOf of ["2025-06-29", "2025-06-30", "2026-06-30", "2030-06-30"]) {
      const r = idleStatus({ ...notStarted("2024-06-30"), governmentCause: true }, 10000, asOf, 0.2);
      const codes = r.reasons.map((x) => x.code);
      expect(codes).not.toContain("idle-fee");
      expect(codes).not.toContain("idle-recovery");
      expect(codes).toContain("government-cause");
      if (r.status !== "idle-2y" && r.status !== "overdue") expect(r.fee).toBe(0);
    }
  });

  it("a not-started parcel without an agreed start date is none, and says why", () => {
    const r = idleStatus({ id: "p", constructionStatus: "not-started" }, 10000, "2026-06-30", 0.2);
    expect(r.status).toBe("none");
    expect(r.reasons.map((x) => x.code)).toEqual(["no-agreed-start-date"]);
  });

  it("started means actualStartDate on or before the as-of date", () => {
    const base = notStarted("2020-01-01", { constructionStatus: "under-construction" });
    expect(idleStatus({ ...base, actualStartDate: "2026-06-30" }, 1, "2026-06-30", 0.2).status).toBe("none");
    expect(idleStatus({ ...base, actualStartDate: "2026-07-01" }, 1, "2026-06-30", 0.2).status).toBe(
      "idle-2y",
    );
  });
});

describe("idle: halted (1/3 developed, 25 % invested)", () => {
  const halted = (developedAreaM2?: number, fixedInvestment?: number, extra: Partial<ParcelInput> = {}) =>
    ({
      id: "h",
      landUse: "100101",
      constructionStatus: "halted",
      actualStartDate: "2023-01-01",
      haltedSince: "2025-06-30",
      developedAreaM2,
      fixedInvestment,
      contractInvestment: fixedInvestment === undefined ? undefined : 1000,
      landPrice: 300,
      ...extra,
    }) as ParcelInput;

  it("exactly one third developed and exactly 25 % invested is not idle", () => {
    expect(idleStatus(halted(1000, 250), 3000, "2026-06-30", 0.2).status).toBe("none");
  });
  it("just under one third developed is idle-halted, fee 0.2 × 300 = 60", () => {
    const r = idleStatus(halted(999.99, 250), 3000, "2026-06-30", 0.2);
    expect(r.status).toBe("idle-halted");
    expect(r.fee).toBe(60);
  });
  it("just under 25 % invested is idle-halted", () => {
    expect(idleStatus(halted(1000, 249.99), 3000, "2026-06-30", 0.2).status).toBe("idle-halted");
  });
  it("halted after the as-of date: not yet halted then, so not idle", () => {
    const r = idleStatus(halted(0, 0, { haltedSince: "2026-07-01" }), 3000, "2026-06-30", 0.2);
    expect(r.status).toBe("none");
    expect(r.reasons.map((x) => x.code)).toEqual(["started"]);
  });
  it("one day short of a year halted is not idle", () => {
    expect(idleStatus(halted(0, 0), 3000, "2026-06-29", 0.2).status).toBe("none");
  });
  it("the indicator area A decides (legal 3000 m², 990 m² developed → under a third)", () => {
    expect(idleStatus(halted(990), 3000, "2026-06-30", 0.2).status).toBe("idle-halted");
    expect(idleStatus(halted(990), 2900, "2026-06-30", 0.2).status).toBe("none");
  });
  it("a government-caused delay keeps the status and makes the fee 0", () => {
    const r = idleStatus(halted(500, undefined, { governmentCause: true }), 3000, "2026-06-30", 0.2);
    expect(r.status).toBe("idle-halted");
    expect(r.fee).toBe(0);
    expect(r.reasons.map((x) => x.code)).toEqual(["idle-halted", "government-cause"]);
  });
  it("idle-1y without a land price has a null fee (not 0)", () => {
    const r = idleStatus(notStarted("2025-01-01", { landPrice: undefined }), 1, "2026-06-30", 0.2);
    expect(r.status).toBe("idle-1y");
    expect(r.fee).toBeNull();
  });
});

describe("indicators", () => {
  it("legal area overrides the planar one: 1800 万元 on 10000 m² (15 亩) = 120 万元/亩", () => {
    const nr: NullReasons = {};
    const ind = computeIndicators(
      { id: "p", landAreaM2: 10000, fixedInvestment: 1800, floorAreaM2: 8000 },
      10050,
      nr,
    );
    expect(ind.areaM2).toBe(10050);
    expect(ind.areaMu).toBe(15);
    expect(ind.investmentPerMu).toBe(120);
    expect(ind.far).toBe(0.8);
    expect(ind.areaDiscrepancy).toBeCloseTo(-50 / 10050, 15);
  });
  it("missing input and zero denominators give null with a reason, never 0", () => {
    const nr: NullReasons = {};
    const ind = computeIndicators({ id: "p", valueAdded: 100, employees: 0 }, 5000, nr);
    expect(ind.far).toBeNull();
    expect(nr.far).toEqual({ code: "missing-input", params: { field: "floorAreaM2" } });
    expect(ind.laborProductivity).toBeNull();
    expect(nr.laborProductivity).toEqual({ code: "zero-denominator", params: { field: "employees" } });
    expect(ind.energyProductivity).toBeNull();
    expect(nr.energyProductivity).toEqual({ code: "missing-input", params: { field: "energyTce" } });
  });
  it("a zero numerator gives 0", () => {
    const nr: NullReasons = {};
    const ind = computeIndicators({ id: "p", taxRevenue: 0, valueAdded: 0, employees: 5 }, 5000, nr);
    expect(ind.taxPerMu).toBe(0);
    expect(ind.laborProductivity).toBe(0);
    expect(nr.taxPerMu).toBeUndefined();
  });
  it("negative value added is accepted: −300 on 15 亩 = −20 万元/亩, −300/30 = −10 万元/人", () => {
    const ind = computeIndicators({ id: "p", valueAdded: -300, employees: 30 }, 10000, {});
    expect(ind.valueAddedPerMu).toBe(-20);
    expect(ind.laborProductivity).toBe(-10);
  });
});

describe("standards", () => {
  const industrial: ParcelInput = {
    id: "s",
    landUse: "100101",
    constructionStatus: "completed",
    zone: "dayangbang",
    industryCode: "30",
  };
  it("resolution order: defaults → zone → industry → agreed", () => {
    const r = new ThresholdResolver(STANDARDS);
    const t = r.resolve("dayangbang", "30");
    const inv = t.find((x) => x.indicator === "investmentPerMu")!;
    const far = t.find((x) => x.indicator === "far")!;
    const cov = t.find((x) => x.indicator === "buildingCoverage")!;
    expect([inv.threshold, inv.level]).toEqual([100, "zone"]);
    expect([far.threshold, far.level]).toEqual([0.7, "industry"]);
    expect([cov.threshold, cov.level]).toEqual([0.3, "default"]);
    const ind = computeIndicators({ ...industrial, landAreaM2: 10000, floorAreaM2: 7500 }, 10000, {});
    const { checks } = checkStandards({ ...industrial, agreedFar: 1.2 }, ind, t);
    const farCheck = checks.find((c) => c.indicator === "far")!;
    expect(farCheck).toMatchObject({ threshold: 1.2, level: "agreed", source: "agreedFar", status: "fail" });
  });
  it("a 4-digit industry class falls back to its 2-digit major class (3011 → 30)", () => {
    const far = (code: string) =>
      new ThresholdResolver(STANDARDS).resolve("x", code).find((t) => t.indicator === "far")!;
    expect([far("3011").threshold, far("3011").level]).toEqual([0.7, "industry"]);
    expect([far("9911").threshold, far("9911").level]).toEqual([0.8, "default"]);
  });
  it("a value exactly on a minimum or maximum passes", () => {
    const ind = computeIndicators(
      { ...industrial, landAreaM2: 3333, floorAreaM2: 2666.4, adminAreaM2: 233.31, fixedInvestment: 599.94 },
      3333,
      {},
    );
    const { failed, checks } = checkStandards(
      industrial,
      ind,
      new ThresholdResolver(STANDARDS).resolve("x", "99"),
    );
    expect(failed).toEqual([]);
    expect(checks.find((c) => c.indicator === "far")!.status).toBe("pass");
    expect(checks.find((c) => c.indicator === "adminRatio")!.status).toBe("pass");
    expect(checks.find((c) => c.indicator === "investmentPerMu")!.status).toBe("pass");
  });
  it("failed indicators come in the order minimums then maximums", () => {
    const ind = computeIndicators(
      { ...industrial, landAreaM2: 10000, greenAreaM2: 2500, taxRevenue: 1, floorAreaM2: 100 },
      10000,
      {},
    );
    expect(
      checkStandards(industrial, ind, new ThresholdResolver(STANDARDS).resolve("x", "99")).failed,
    ).toEqual(["far", "taxPerMu", "greenRatio"]);
  });
});

describe("efficiency", () => {
  it("rank classes: p = #strictly higher / n; ties share a class", () => {
    const cut = { A: 0.25, B: 0.7, C: 0.95 };
    expect(rankClasses([5, 9, 9, 1], cut).map((r) => r.cls)).toEqual(["B", "A", "A", "C"]);
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, all distinct
    const cls = rankClasses(twenty, cut).map((r) => r.cls);
    expect(cls.filter((c) => c === "A")).toHaveLength(5); // p 0 … 0.20
    expect(cls.filter((c) => c === "B")).toHaveLength(9); // p 0.25 … 0.65
    expect(cls.filter((c) => c === "C")).toHaveLength(5); // p 0.70 … 0.90
    expect(cls.filter((c) => c === "D")).toHaveLength(1); // p 0.95
    expect(rankClasses([7, 7, 7, 7], cut).map((r) => r.cls)).toEqual(["A", "A", "A", "A"]);
    expect(rankClasses([], cut)).toEqual([]);
  });
  it("a negative value added keeps its negative term: (40 − 20/3 − 22.5 − 20/3) × 100/85 = 4.902", () => {
    const cfg = compileEfficiency(STANDARDS);
    const ind = computeIndicators(
      { id: "p", landAreaM2: 10000, valueAdded: -300, employees: 30, energyTce: 100, taxRevenue: 150 },
      10000,
      {},
    );
    const dropped: string[] = [];
    const s = efficiencyScore(ind, cfg, dropped as never);
    expect(s).toBeCloseTo(((40 - 20 / 3 - 22.5 - 20 / 3) * 100) / 85, 10);
    expect(dropped).toEqual(["rdIntensity"]);
  });
  it("all indicators null → not evaluated, with the reason", () => {
    const p: PreparedParcel = {
      input: { id: "p", landUse: "100101", constructionStatus: "in-production", landAreaM2: 10000 },
      geometry: { type: "Polygon", coordinates: [] },
      areaM2: 10000,
      extra: {},
    };
    const r = analyzeParcels([p], { standards: STANDARDS, asOf: "2026-06-30" }).parcels[0]!;
    expect(r.computed.efficiencyScore).toBeNull();
    expect(r.computed.efficiencyClass).toBeNull();
    expect(r.efficiencyReasons.map((x) => x.code)).toEqual(["no-indicators"]);
  });
});

describe("reallocation", () => {
  it("a candidate's potential: 30 亩 in dayangbang, industry 30 → 100 × 30 investment, 150 × 30 output, 8 × 30 tax", () => {
    const p: PreparedParcel = {
      input: {
        id: "p",
        landUse: "100101",
        constructionStatus: "not-started",
        zone: "dayangbang",
        industryCode: "30",
        landAreaM2: 20000,
        agreedStartDate: "2020-01-01",
        agreedInvestmentPerMu: 500,
      },
      geometry: { type: "Polygon", coordinates: [] },
      areaM2: 20100,
      extra: {},
    };
    const a = analyzeParcels([p], { standards: STANDARDS, asOf: "2026-06-30" }).parcels[0]!;
    expect(a.computed.reallocationReasons).toEqual(["idle-2y"]);
    expect(reallocationPotential(a, STANDARDS)).toEqual({
      areaM2: 20000,
      areaMu: 30,
      investment: 3000,
      output: 4500,
      tax: 240,
      currentOutput: null,
      currentTax: null,
    });
  });
});

describe("the same parcels in EPSG:4546, EPSG:4525 and lon/lat", () => {
  it("give the same planar areas to 0.01 m²", () => {
    const names = ["same-parcels-lonlat", "same-parcels-epsg4546", "same-parcels-epsg4525"];
    expect(fixtureDirs().filter((d) => names.some((n) => d.endsWith(n)))).toHaveLength(3);
    const areas = names.map((n) => loadFixture(`${ROOT}/area/${n}`).parcels.map((p) => p.areaM2));
    const [ll, a4546, a4525] = areas as [number[], number[], number[]];
    expect(ll).toHaveLength(3);
    for (let i = 0; i < ll.length; i++) {
      expect(Math.abs(a4546[i]! - ll[i]!)).toBeLessThan(0.01);
      expect(Math.abs(a4525[i]! - ll[i]!)).toBeLessThan(0.01);
      expect(ll[i]).toBeGreaterThan(1000);
    }
  });
});

describe("analyzeParcels", () => {
  it("returns one result per parcel in input order, for every fixture", () => {
    for (const rel of fixtureDirs()) {
      const { parcels, standards, asOf } = loadFixture(`${ROOT}/${rel}`);
      const r = analyzeParcels(parcels, { standards, asOf });
      expect(r.parcels.map((p) => p.input.id)).toEqual(parcels.map((p) => p.input.id));
      expect(r.summary.parcels).toBe(parcels.length);
      expect(Object.values(r.summaryByZone).reduce((s, z) => s + z.parcels, 0)).toBe(parcels.length);
    }
  });
  it("rejects an invalid as-of date instead of comparing garbage", () => {
    expect(() => analyzeParcels([], { standards: STANDARDS, asOf: "2026-02-30" })).toThrow(RangeError);
  });
  it("an empty list gives an empty result", () => {
    const r = analyzeParcels([], { standards: STANDARDS, asOf: "2026-06-30" });
    expect(r.parcels).toEqual([]);
    expect(r.summary.parcels).toBe(0);
    expect(r.summaryByZone).toEqual({});
  });
});
