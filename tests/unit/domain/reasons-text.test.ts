import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { REASON_CODES } from "../../../src/domain/reasons";
import type { Reason, StandardCheck } from "../../../src/domain/types";
import {
  EFFICIENCY_CLASS_LABEL,
  formatCheck,
  formatFailed,
  formatReason,
  formatReasons,
  IDLE_STATUS_LABEL,
} from "../../../src/i18n/reasons";
import { fixtureDirs, loadFixture, ROOT } from "./fixture-helpers";

const LANGS = ["zh", "en"] as const;

describe("formatReason", () => {
  it("the idle-2y sentence states the facts; recovery is its own sentence, with may (可)", () => {
    const r = { code: "idle-2y", params: { agreedStartDate: "2024-06-30", asOf: "2026-06-30", years: 2 } };
    expect(formatReason(r, "zh")).toBe(
      "约定动工日期 2024-06-30，截至 2026-06-30 已满两年未动工，构成闲置土地",
    );
    expect(formatReason(r, "en")).toBe(
      "Agreed start 2024-06-30; not started two full years later (as of 2026-06-30): idle land",
    );
    const rec = { code: "idle-recovery", params: {} };
    expect(formatReason(rec, "zh")).toBe("可无偿收回国有建设用地使用权（53号令第十四条）");
    expect(formatReason(rec, "en")).toContain("may be recovered without compensation");
  });

  it("the idle fee sentence names the rate and, for idle-1y, the day recovery may follow", () => {
    const r = { code: "idle-fee", params: { status: "idle-1y", feeRate: 0.2, recoveryFrom: "2026-06-30" } };
    expect(formatReason(r, "zh")).toBe(
      "可按出让价款的 20% 征收土地闲置费（53号令第十四条）；至 2026-06-30 满两年仍未动工的，可无偿收回",
    );
    const h = { code: "idle-fee", params: { status: "idle-halted", feeRate: 0.2 } };
    expect(formatReason(h, "en")).toBe(
      "An idle land fee of 20% of the land price may be charged (Order No. 53, art. 14)",
    );
  });

  it("null reasons use the field catalogue's labels", () => {
    const r = { code: "missing-input", params: { field: "floorAreaM2" } };
    expect(formatReason(r, "zh")).toBe("未填报总建筑面积");
    expect(formatReason(r, "en")).toBe("no floor area recorded");
    const two = { code: "missing-input", params: { field: "valueAdded", field2: "employees" } };
    expect(formatReason(two, "zh")).toBe("未填报工业增加值和从业人员");
    expect(formatReason(two, "en")).toBe("no value added or employees recorded");
    const zero = { code: "zero-denominator", params: { field: "employees" } };
    expect(formatReason(zero, "zh")).toBe("从业人员为 0，无法计算");
    expect(formatReason(zero, "en")).toBe("employees recorded as 0: cannot be computed");
  });

  it("a halted parcel just under one third shows enough decimals to be visibly under it", () => {
    const r = {
      code: "idle-halted",
      params: {
        haltedSince: "2025-06-30",
        asOf: "2026-06-30",
        developedRatio: 999.99 / 3000,
        investedRatio: 0.25,
        criterion: "developed",
      },
    };
    expect(formatReason(r, "zh")).toBe(
      "自 2025-06-30 停工，截至 2026-06-30 已满一年，且已开发面积仅占 33.333%（不足三分之一），构成停工闲置",
    );
  });

  it("a government-caused delay: no fee, no recovery without compensation, disposal may be agreed (art. 8)", () => {
    for (const status of ["overdue", "idle-1y", "idle-2y", "idle-halted"]) {
      const zh = formatReason({ code: "government-cause", params: { status } }, "zh");
      expect(zh).toContain("不征收土地闲置费，不适用无偿收回；可与土地使用权人协商");
      expect(zh).toContain("协议有偿收回");
      const en = formatReason({ code: "government-cause", params: { status } }, "en");
      expect(en).toContain("no idle land fee is charged and recovery without compensation does not apply");
      expect(en).toContain("disposal may be agreed with the land user");
    }
  });

  it("a parcel just under the minimum area is not shown as equal to it", () => {
    const r = { code: "too-small", params: { areaMu: 2.999985, minAreaMu: 3 } };
    expect(formatReason(r, "zh")).toBe("用地 2.99999 亩，小于 3 亩，不参加亩均效益评价");
  });

  it("the class sentence names score, rank position and class label", () => {
    const r = { code: "class", params: { class: "B", score: 100, higher: 6, n: 20, p: 0.3 } };
    expect(formatReason(r, "zh")).toBe(
      "得分 100；20 个参评地块中得分更高的有 6 个（位次 30%），评为 B 类（提升发展）",
    );
    expect(formatReason(r, "en")).toBe(
      "Score 100; 6 of 20 evaluated parcels score higher (rank position 30%): class B (upgrade)",
    );
  });

  it("an unknown code is shown plainly, not dropped", () => {
    expect(formatReason({ code: "brand-new", params: { x: 1 } }, "en")).toBe("brand-new (x=1)");
  });

  it("every reason code has its own text in both languages", () => {
    for (const code of REASON_CODES) {
      for (const lang of LANGS) {
        const text = formatReason({ code, params: {} }, lang);
        expect(text, `${code} ${lang}`).not.toBe(code);
        expect(text.startsWith(`${code} (`), `${code} ${lang}`).toBe(false);
      }
    }
  });

  it("every reason produced by the fixtures formats cleanly (no placeholders, undefined or NaN)", () => {
    let count = 0;
    for (const rel of fixtureDirs()) {
      const { parcels, standards, asOf } = loadFixture(`${ROOT}/${rel}`);
      for (const p of analyzeParcels(parcels, { standards, asOf }).parcels) {
        const reasons = [...p.idleReasons, ...p.efficiencyReasons, ...Object.values(p.nullReasons)];
        for (const lang of LANGS) {
          for (const r of reasons) {
            const t = formatReason(r!, lang);
            expect(t, `${rel} ${p.input.id} ${r!.code}`).not.toMatch(/\{|undefined|NaN|—/);
            count++;
          }
          for (const c of p.checks) expect(formatCheck(c, lang)).not.toMatch(/\{|undefined|NaN/);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it("formatReasons joins with the language's separator", () => {
    const rs: Reason[] = [
      { code: "started", params: { actualStartDate: "2023-01-01" } },
      { code: "no-land-price", params: {} },
    ];
    expect(formatReasons(rs, "zh")).toBe("已于 2023-01-01 动工；未填报出让价款，无法计算土地闲置费");
  });
});

describe("formatCheck", () => {
  const check = (over: Partial<StandardCheck>): StandardCheck => ({
    indicator: "far",
    kind: "min",
    threshold: 0.8,
    level: "default",
    source: "",
    value: 0.75,
    status: "fail",
    ...over,
  });

  it("a failed minimum", () => {
    expect(formatCheck(check({}), "zh")).toBe("容积率 0.75，低于下限 0.8（园区默认标准）");
    expect(formatCheck(check({}), "en")).toBe(
      "Floor-area ratio 0.75 is below the minimum 0.8 (park default)",
    );
  });

  it("a value just under the threshold is shown with the decimals that make the difference", () => {
    expect(formatCheck(check({ value: 0.799999 }), "zh")).toBe(
      "容积率 0.799999，低于下限 0.8（园区默认标准）",
    );
  });

  it("ratios as percent, maxima, and per-mu units", () => {
    expect(
      formatCheck(check({ indicator: "adminRatio", kind: "max", threshold: 0.07, value: 0.070001 }), "zh"),
    ).toBe("行政办公及生活服务设施用地比例 7.0001%，超过上限 7%（园区默认标准）");
    expect(
      formatCheck(
        check({ indicator: "taxPerMu", threshold: 8, value: 8, status: "pass", level: "zone" }),
        "en",
      ),
    ).toBe("Tax per mu 8 10k yuan/mu meets the minimum 8 10k yuan/mu (zone standard)");
  });

  it("an agreed threshold names the contract field; not assessed says so", () => {
    expect(
      formatCheck(
        check({ level: "agreed", source: "agreedFar", threshold: 1.2, value: null, status: "not-assessed" }),
        "zh",
      ),
    ).toBe("容积率无法计算，未评估（下限 1.2，标准地合同约定（约定容积率））");
  });

  it("the source text is a citation after the applied threshold, never the rule", () => {
    const stale = "投资强度 ≥ 200 万元/亩（旧版）";
    const c = check({ indicator: "investmentPerMu", threshold: 120, value: 100, source: stale });
    expect(formatCheck(c, "zh")).toBe(
      "投资强度 100 万元/亩，低于下限 120 万元/亩（园区默认标准；依据：投资强度 ≥ 200 万元/亩（旧版））",
    );
    expect(formatCheck(c, "en")).toBe(
      "Investment intensity 100 10k yuan/mu is below the minimum 120 10k yuan/mu (park default; source: 投资强度 ≥ 200 万元/亩（旧版）)",
    );
  });

  it("failed list and labels", () => {
    expect(formatFailed(["far", "taxPerMu"], "zh")).toBe("容积率、亩均税收");
    expect(IDLE_STATUS_LABEL["idle-2y"].zh).toBe("闲置满两年");
    expect(EFFICIENCY_CLASS_LABEL.A.zh).toBe("优先发展");
    expect(EFFICIENCY_CLASS_LABEL.D.zh).toBe("倒逼整治");
  });
});
