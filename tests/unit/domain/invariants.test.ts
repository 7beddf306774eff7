/**
 * Properties that must hold for any input: random parcels (seeded, so a failure reproduces) with
 * missing fields, zeros, loss-making years and every status, checked against the rules' meaning.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { addYears } from "../../../src/domain/dates";
import type {
  ConstructionStatus,
  IndicatorKey,
  ParcelInput,
  PreparedParcel,
  Standards,
} from "../../../src/domain/types";

const INDICATOR_KEYS: IndicatorKey[] = [
  "investmentPerMu",
  "far",
  "buildingCoverage",
  "greenRatio",
  "adminRatio",
  "outputPerMu",
  "valueAddedPerMu",
  "taxPerMu",
  "laborProductivity",
  "energyProductivity",
  "rdIntensity",
  "areaDiscrepancy",
];

const STANDARDS = JSON.parse(
  readFileSync(resolve(__dirname, "../../fixtures/domain/standards.json"), "utf8"),
) as Standards;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: (ConstructionStatus | undefined)[] = [
  "not-started",
  "under-construction",
  "halted",
  "completed",
  "in-production",
  "in-production",
  undefined,
];

function randomParcels(n: number, seed: number): PreparedParcel[] {
  const r = rng(seed);
  const maybe = (v: number, pMissing = 0.15, pZero = 0.05) => {
    const x = r();
    return x < pMissing ? undefined : x < pMissing + pZero ? 0 : v;
  };
  const date = (from: number, to: number) => {
    const y = from + Math.floor(r() * (to - from + 1));
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  const out: PreparedParcel[] = [];
  for (let i = 0; i < n; i++) {
    const areaM2 = r() < 0.02 ? 0 : 500 + r() * 40000;
    const status = STATUSES[Math.floor(r() * STATUSES.length)];
    const input: ParcelInput = {
      id: `p${i}`,
      zone: r() < 0.1 ? undefined : r() < 0.5 ? "huangtukan" : "dayangbang",
      landUse: r() < 0.8 ? "100101" : r() < 0.5 ? "0701" : undefined,
      industryCode: ["13", "30", "34", "99"][Math.floor(r() * 4)],
      constructionStatus: status,
      landAreaM2: r() < 0.3 ? undefined : areaM2 * (0.98 + r() * 0.04),
      floorAreaM2: maybe(areaM2 * r() * 1.5),
      footprintAreaM2: maybe(areaM2 * r() * 0.6),
      greenAreaM2: maybe(areaM2 * r() * 0.3),
      adminAreaM2: maybe(areaM2 * r() * 0.1),
      developedAreaM2: maybe(areaM2 * r()),
      fixedInvestment: maybe(r() * 5000),
      contractInvestment: maybe(r() * 6000),
      landPrice: maybe(r() * 800),
      outputValue: maybe(r() * 10000),
      revenue: maybe(r() * 9000),
      valueAdded: maybe((r() - 0.15) * 3000),
      taxRevenue: maybe(r() * 500),
      employees: maybe(Math.floor(r() * 300)),
      energyTce: maybe(r() * 2000),
      rdExpense: maybe(r() * 100),
      agreedFar: r() < 0.1 ? 1 + r() : undefined,
      agreedStartDate: r() < 0.85 ? date(2019, 2026) : undefined,
      actualStartDate: status && status !== "not-started" && r() < 0.9 ? date(2019, 2026) : undefined,
      haltedSince: status === "halted" && r() < 0.9 ? date(2022, 2026) : undefined,
      governmentCause: r() < 0.1,
    };
    out.push({ input, geometry: { type: "Polygon", coordinates: [] }, areaM2, extra: {} });
  }
  return out;
}

describe("invariants over 3000 random parcels", () => {
  const asOf = "2026-06-30";
  const parcels = randomParcels(3000, 7);
  const result = analyzeParcels(parcels, { standards: STANDARDS, asOf });

  it("an indicator is null exactly when it has a null reason", () => {
    for (const p of result.parcels) {
      for (const k of INDICATOR_KEYS) {
        const v = p.computed[k];
        expect(v === null, `${p.input.id} ${k}`).toBe(p.nullReasons[k] !== undefined);
        if (v !== null) expect(Number.isFinite(v), `${p.input.id} ${k}`).toBe(true);
      }
    }
  });

  it("standardsFailed lists exactly the failed checks, in check order; only industrial completed/producing parcels are checked", () => {
    for (const p of result.parcels) {
      const failed = p.checks.filter((c) => c.status === "fail").map((c) => c.indicator);
      expect(p.computed.standardsFailed).toEqual(failed);
      const applies =
        p.input.landUse?.startsWith("1001") === true &&
        (p.input.constructionStatus === "completed" || p.input.constructionStatus === "in-production");
      if (!applies) expect(p.checks).toEqual([]);
      for (const c of p.checks) {
        if (c.value === null) expect(c.status).toBe("not-assessed");
        else
          expect(c.status === "fail").toBe(c.kind === "min" ? c.value < c.threshold : c.value > c.threshold);
      }
    }
  });

  it("idle statuses agree with the dates", () => {
    for (const p of result.parcels) {
      const { agreedStartDate: agreed, actualStartDate: actual } = p.input;
      const s = p.computed.idleStatus;
      if (s === "overdue" || s === "idle-1y" || s === "idle-2y") {
        expect(agreed).toBeDefined();
        expect(actual === undefined || actual > asOf).toBe(true);
        const a = agreed as string;
        expect(asOf >= a).toBe(true);
        if (s === "overdue") expect(asOf < addYears(a, 1)).toBe(true);
        if (s === "idle-1y") expect(asOf >= addYears(a, 1) && asOf < addYears(a, 2)).toBe(true);
        if (s === "idle-2y") expect(asOf >= addYears(a, 2)).toBe(true);
      }
      if (s === "idle-halted") {
        expect(p.input.constructionStatus).toBe("halted");
        expect(asOf >= addYears(p.input.haltedSince as string, 1)).toBe(true);
      }
      // fee only for idle-1y / idle-halted, 0 with a government cause, never negative
      const fee = p.computed.idleFee;
      if (s !== "idle-1y" && s !== "idle-halted") expect(fee).toBeNull();
      else if (p.input.governmentCause) expect(fee).toBe(0);
      else if (p.input.landPrice === undefined) expect(fee).toBeNull();
      else expect(fee).toBeCloseTo(0.2 * p.input.landPrice, 9);
      expect(p.idleReasons.length).toBeGreaterThan(0);
    }
  });

  it("efficiency classes follow the rank rule; equal scores share a class", () => {
    const evaluated = result.parcels.filter((p) => p.computed.efficiencyScore !== null);
    const n = evaluated.length;
    expect(n).toBeGreaterThan(100);
    const scores = evaluated.map((p) => p.computed.efficiencyScore as number);
    for (const p of evaluated) {
      const s = p.computed.efficiencyScore as number;
      const higher = scores.filter((x) => x > s).length;
      const pos = higher / n;
      const expected = pos < 0.25 ? "A" : pos < 0.7 ? "B" : pos < 0.95 ? "C" : "D";
      expect(p.computed.efficiencyClass, p.input.id).toBe(expected);
      expect(p.input.constructionStatus).toBe("in-production");
      expect(p.computed.areaMu).toBeGreaterThanOrEqual(3);
    }
    for (const p of result.parcels)
      if (p.computed.efficiencyScore === null) {
        expect(p.computed.efficiencyClass).toBeNull();
        expect(p.efficiencyReasons.length).toBeGreaterThan(0);
      }
  });

  it("reallocation candidates are exactly idle-1y/idle-2y/idle-halted or class D, and the summary adds up", () => {
    let count = 0;
    let area = 0;
    for (const p of result.parcels) {
      const c = p.computed;
      const idle = c.idleStatus === "idle-1y" || c.idleStatus === "idle-2y" || c.idleStatus === "idle-halted";
      expect(c.reallocationCandidate).toBe(idle || c.efficiencyClass === "D");
      expect(c.reallocationReasons.length > 0).toBe(c.reallocationCandidate);
      if (c.reallocationCandidate) {
        count++;
        area += p.input.landAreaM2 ?? c.areaM2;
      }
    }
    expect(result.summary.reallocationCandidates).toBe(count);
    expect(result.summary.reallocationAreaM2).toBeCloseTo(area, 6);
    const byZone = Object.values(result.summaryByZone);
    expect(byZone.reduce((s, z) => s + z.reallocationCandidates, 0)).toBe(count);
    expect(Object.values(result.summary.byIdleStatus).reduce((a, b) => a + b, 0)).toBe(parcels.length);
    expect(Object.values(result.summary.byEfficiencyClass).reduce((a, b) => a + b, 0)).toBe(parcels.length);
  });

  it("the analysis does not modify its input and is deterministic", () => {
    const again = randomParcels(3000, 7);
    expect(parcels).toEqual(again);
    const second = analyzeParcels(again, { standards: STANDARDS, asOf });
    expect(second.summary).toEqual(result.summary);
  });
});
