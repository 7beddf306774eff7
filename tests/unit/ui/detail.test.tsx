// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { DetailPanel } from "../../../src/ui/DetailPanel";
import { parcel, result, STANDARDS } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();

function show(p: ReturnType<typeof parcel>) {
  act(() => {
    const s = useAppStore.getState();
    s.setStandards({ standards: STANDARDS, fileName: "standards.json", problems: [] });
    s.analysisSucceeded(result([p]));
    s.select([p.input.id]);
  });
  act(() => dom.root.render(<DetailPanel />));
}
const byTestId = (id: string) => dom.el.querySelector(`[data-testid="${id}"]`);

describe("parcel detail", () => {
  it("shows a hint when nothing is selected", () => {
    act(() => dom.root.render(<DetailPanel />));
    expect(byTestId("detail.empty")).not.toBeNull();
    expect(byTestId("detail.panel")).toBeNull();
  });

  it("a null indicator shows — with its reason, never 0", () => {
    const p = parcel({ id: "HTK-001" }, { far: null });
    p.nullReasons.far = { code: "missing-input", params: { field: "floorAreaM2" } };
    show(p);
    const row = byTestId("detail.indicator.far");
    expect(row?.textContent).toContain("—");
    expect(row?.textContent).not.toMatch(/\b0(\.0+)?\b/);
    const why = byTestId("detail.reason.far");
    expect(why).not.toBeNull();
    expect(why?.textContent?.length).toBeGreaterThan(0);
  });

  it("values are rounded for display with units: 亩 to 0.01, ratios as %", () => {
    show(
      parcel(
        { id: "A" },
        { areaMu: 12.345678, areaM2: 8230.45, buildingCoverage: 0.42345, taxPerMu: 45.678 },
      ),
    );
    expect(byTestId("detail.indicator.areaMu")?.textContent).toContain("12.35 亩");
    expect(byTestId("detail.indicator.buildingCoverage")?.textContent).toContain("42.3%");
    expect(byTestId("detail.indicator.taxPerMu")?.textContent).toContain("45.68 万元/亩");
    act(() => useAppStore.getState().setUnit("ha"));
    expect(byTestId("detail.indicator.taxPerMu")?.textContent).toContain("685.17 万元/公顷");
  });

  it("a parcel name with markup renders as text, not HTML", () => {
    show(parcel({ id: "X1", name: "<img src=x onerror=alert(1)>", enterprise: "<b>bold</b>" }));
    expect(dom.el.querySelector("img")).toBeNull();
    expect(dom.el.querySelector("b")).toBeNull();
    expect(byTestId("detail.name")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("each standards check shows threshold, level, source and pass/fail", () => {
    const p = parcel(
      { id: "C1", zone: "dayangbang" },
      { investmentPerMu: 80, standardsFailed: ["investmentPerMu"] },
    );
    p.checks = [
      {
        indicator: "investmentPerMu",
        kind: "min",
        threshold: 100,
        level: "zone",
        source: "park default, to be set by the park committee",
        value: 80,
        status: "fail",
      },
    ];
    show(p);
    const row = byTestId("detail.check.investmentPerMu");
    expect(row?.textContent).toContain("80.00 万元/亩");
    expect(row?.textContent).toContain("≥ 100.00 万元/亩");
    expect(row?.textContent).toContain("片区标准");
    expect(row?.textContent).toContain("park default");
    expect(row?.textContent).toContain("未达标");
  });

  it("warns when the legal area differs from the mapped area by more than 1 %", () => {
    show(parcel({ id: "D1" }, { areaDiscrepancy: 0.0125 }));
    expect(byTestId("detail.areaWarning")?.textContent).toContain("1.3%");
  });

  it("no warning at exactly 1 %", () => {
    show(parcel({ id: "D2" }, { areaDiscrepancy: 0.01 }));
    expect(byTestId("detail.areaWarning")).toBeNull();
  });

  it("a candidate lists its reasons and the area freed; English labels after the switch", () => {
    show(
      parcel(
        { id: "R1" },
        { reallocationCandidate: true, reallocationReasons: ["idle-2y"], idleStatus: "idle-2y", areaMu: 30 },
      ),
    );
    expect(byTestId("detail.realloc")?.textContent).toContain("闲置满两年");
    expect(byTestId("detail.realloc")?.textContent).toContain("30.00 亩");
    act(() => useAppStore.getState().setLang("en"));
    expect(byTestId("detail.realloc")?.textContent).toContain("Idle ≥ 2 years");
    expect(byTestId("detail.idleStatus")?.textContent).toContain("Idle ≥ 2 years");
  });

  it("the compliant project is the domain's reallocation potential, not the parcel's own contract", () => {
    // An agreed (标准地) investment of 400 万元/亩 is the contract being ended: a new project is held
    // to the park's standard (120 万元/亩 × 10 亩 = 1,200 万元), as reallocationPotential says.
    const p = parcel(
      { id: "DYB-9", landAreaM2: 20000 / 3 },
      { areaMu: 10, reallocationCandidate: true, reallocationReasons: ["idle-1y"], idleStatus: "idle-1y" },
    );
    p.checks = [
      {
        indicator: "investmentPerMu",
        kind: "min",
        threshold: 400,
        level: "agreed",
        source: "agreedInvestmentPerMu",
        value: 50,
        status: "fail",
      },
    ];
    show(p);
    const text = byTestId("detail.realloc")?.textContent ?? "";
    expect(text).toContain("≥ 1,200.00 万元");
    expect(text).not.toContain("4,000.00");
  });

  it("a check shows the applied threshold as the rule and the source text as a citation, flagged when stale", () => {
    const stale = "投资强度 要求 ≥ 200 万元/亩";
    const p = parcel({ id: "C1" });
    p.checks = [
      {
        indicator: "investmentPerMu",
        kind: "min",
        threshold: 120,
        level: "default",
        source: stale,
        value: 100,
        status: "fail",
      },
    ];
    show(p);
    const vals = dom.el.querySelector('[data-testid="detail.check.investmentPerMu"] .chk__vals')?.textContent;
    expect(vals).toContain("要求 ≥ 120");
    expect(vals).toContain("（园区默认）");
    const src = byTestId("detail.check.investmentPerMu.source");
    expect(src?.querySelector("cite")?.textContent).toBe(`依据：${stale}`);
    expect(src?.textContent).not.toContain("以上面的要求为准");
    act(() =>
      useAppStore.getState().setStandards({
        standards: STANDARDS,
        fileName: "standards.json",
        problems: [
          {
            severity: "warning",
            code: "source-disagrees",
            file: "standards.json",
            field: "sources.investmentPerMu",
            params: { indicator: "investmentPerMu", quoted: "≥ 200", kind: "min", applied: "120" },
          },
        ],
      }),
    );
    expect(byTestId("detail.check.investmentPerMu.source")?.textContent).toContain(
      "⚠ 依据文字中的数值与所用标准不符，以上面的要求为准",
    );
  });

  it("the inputs show the zone's name, not its id", () => {
    show(parcel({ id: "Z1", zone: "huangtukan" }));
    expect(byTestId("detail.input.zone")?.textContent).toContain("黄土坎片区");
    expect(byTestId("detail.input.zone")?.textContent).not.toContain("huangtukan");
    act(() => useAppStore.getState().setLang("en"));
    expect(byTestId("detail.input.zone")?.textContent).toContain("Huangtukan");
  });
});
