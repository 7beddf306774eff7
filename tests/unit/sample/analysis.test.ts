/**
 * The analysis of the committed sample data at its own survey date exercises every rule:
 * each idle status, each efficiency class, each standards check failing somewhere, reallocation
 * candidates of both kinds, a government-caused delay without fee, and null indicators.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { MAX_CHECKED, MIN_CHECKED } from "../../../src/domain/types";
import { formatCheck, formatReason } from "../../../src/i18n/reasons";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { readStandards } from "../../../src/io/standards-read";

const GEODATA = resolve(__dirname, "../../../geodata");
const imp = readParcelsGeoJson(readFileSync(join(GEODATA, "parcels.geojson"), "utf8"), {
  fileName: "parcels.geojson",
  analysisCrs: "EPSG:4546",
});
const std = readStandards(readFileSync(join(GEODATA, "standards.json"), "utf8"), "standards.json");
const result =
  imp.ok && std.standards && imp.surveyDate
    ? analyzeParcels(imp.parcels, { standards: std.standards, asOf: imp.surveyDate })
    : undefined;
const byId = (id: string) => result?.parcels.find((p) => p.input.id === id);
const byEnterprise = (name: string) => result?.parcels.find((p) => p.input.enterprise === name);

describe("analysis of the sample data at its survey date", () => {
  it("reads cleanly: every feature kept, no errors, lon/lat detected, survey date 2026-06-30", () => {
    expect(imp.ok).toBe(true);
    expect(imp.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(imp.parcels.length).toBe(imp.featureCount);
    expect(imp.surveyDate).toBe("2026-06-30");
    expect(std.ok).toBe(true);
    expect(std.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result).toBeDefined();
  });

  it("produces every idle status at least once", () => {
    const statuses = new Set(result?.parcels.map((p) => p.computed.idleStatus));
    expect([...statuses].sort()).toEqual(["idle-1y", "idle-2y", "idle-halted", "none", "overdue"]);
  });

  it("puts the date boundaries on the right side (exactly 1 and 2 years, one day short, 29 February)", () => {
    const status = (name: string) => byEnterprise(name)?.computed.idleStatus;
    expect(status("建始县瑞丰机械有限公司")).toBe("idle-1y"); // 2025-06-30: exactly 1 year
    expect(status("建始县光辉新能源有限公司")).toBe("overdue"); // 2025-07-01: one day short of 1 year
    expect(status("建始县天宇电子科技有限公司")).toBe("idle-2y"); // 2024-06-30: exactly 2 years
    expect(status("建始县聚鑫食品有限公司")).toBe("idle-1y"); // 2024-07-01: one day short of 2 years
    expect(status("建始县富华硒业有限公司")).toBe("idle-2y"); // 2024-02-29
    expect(status("建始县佳禾食品有限公司")).toBe("none"); // agreed start still ahead
  });

  it("flags halted land on both paths, and not at exactly 25 % invested or within the year", () => {
    const status = (name: string) => byEnterprise(name)?.computed.idleStatus;
    expect(status("建始县金鼎新材料有限公司")).toBe("idle-halted"); // 25 % developed
    expect(status("建始县鑫源机电设备有限公司")).toBe("idle-halted"); // 18 % invested
    expect(status("建始县恩达食品有限公司")).toBe("none"); // exactly 25 % invested, 40 % developed
    expect(status("建始县大样榜建材有限公司")).toBe("none"); // halted less than a year
  });

  it("charges no idle fee for a government-caused delay, and none without a land price", () => {
    const gov = byEnterprise("建始县兴业电子元件有限公司");
    expect(gov?.computed.idleStatus).toBe("idle-1y");
    expect(gov?.computed.idleFee).toBe(0);
    const charged = byEnterprise("建始县瑞丰机械有限公司");
    expect(charged?.computed.idleFee).toBeCloseTo(0.2 * (charged?.input.landPrice ?? Number.NaN), 6);
    expect(byEnterprise("建始县聚鑫食品有限公司")?.computed.idleFee).toBeNull();
  });

  it("produces every efficiency class from at least 20 evaluated parcels", () => {
    const evaluated = result?.parcels.filter((p) => p.computed.efficiencyClass !== null) ?? [];
    expect(evaluated.length).toBeGreaterThanOrEqual(20);
    expect([...new Set(evaluated.map((p) => p.computed.efficiencyClass))].sort()).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
    expect(byEnterprise("建始县巧手服装加工有限公司")?.computed.efficiencyClass).toBe("D");
  });

  it("fails each minimum and maximum standard somewhere, including an agreed 标准地 target", () => {
    const failed = new Set(result?.parcels.flatMap((p) => p.computed.standardsFailed));
    for (const k of [...MIN_CHECKED, ...MAX_CHECKED]) expect(failed, k).toContain(k);
    const agreed = byEnterprise("建始县硒味坊食品有限公司");
    const tax = agreed?.checks.find((c) => c.indicator === "taxPerMu");
    expect(tax?.level).toBe("agreed");
    expect(tax?.status).toBe("fail");
  });

  it("has reallocation candidates from idle land and from class D", () => {
    const reasons = new Set(result?.parcels.flatMap((p) => p.computed.reallocationReasons));
    for (const r of ["idle-1y", "idle-2y", "idle-halted", "class-D"]) expect(reasons).toContain(r);
  });

  it("has parcels with missing data: null indicators, and one in production not evaluated", () => {
    const partial = byEnterprise("建始县绿循环保科技有限公司");
    expect(partial?.computed.far).toBeNull();
    expect(partial?.computed.energyProductivity).toBeNull();
    expect(partial?.computed.efficiencyClass).not.toBeNull();
    const none = byEnterprise("建始县光耀光伏支架有限公司");
    expect(none?.computed.taxPerMu).toBeNull();
    expect(none?.computed.efficiencyClass).toBeNull();
  });

  it("warns about a few legal areas more than 1 % off the drawn one", () => {
    const off = result?.parcels.filter((p) => Math.abs(p.computed.areaDiscrepancy ?? 0) > 0.01) ?? [];
    expect(off.length).toBeGreaterThanOrEqual(2);
    expect(off.length).toBeLessThanOrEqual(5);
    expect(byId("HTK-001")?.computed.areaDiscrepancy).not.toBeNull();
  });
});

describe("the sample's Chinese reasons", () => {
  it("have no English fragments (standard codes such as GB/T aside)", () => {
    const texts: string[] = [];
    for (const p of result?.parcels ?? []) {
      for (const c of p.checks) texts.push(formatCheck(c, "zh"));
      for (const r of [...p.idleReasons, ...p.efficiencyReasons, ...Object.values(p.nullReasons).flat()])
        texts.push(formatReason(r, "zh"));
    }
    expect(texts.length).toBeGreaterThan(100);
    const english = texts
      .map((t) => t.replace(/GB(\/T)?|EPSG:\d+/g, ""))
      .filter((t) => /[A-Za-z]{2,}/.test(t));
    expect(english).toEqual([]);
  });
});
