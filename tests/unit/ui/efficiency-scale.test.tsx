// @vitest-environment happy-dom
/**
 * The efficiency score says what it is relative to wherever it is shown (domain.md §6): the
 * score of a parcel with every indicator at its benchmark is the total weight, 100 by default.
 */
import { act } from "react";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { efficiencyScaleText, fieldInfo } from "../../../src/domain/fields";
import type { ParcelInput, Standards } from "../../../src/domain/types";
import { csvHeader, writeCsv } from "../../../src/io/csv-write";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { useAppStore } from "../../../src/state/store";
import { selectLegend } from "../../../src/ui/colouring";
import { DetailPanel } from "../../../src/ui/DetailPanel";
import { headerLabel } from "../../../src/ui/table/columns";
import { withReactRoot } from "./react-root";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
      [0, 0],
    ],
  ],
};
/** One producing factory with every indicator exactly at the default benchmarks (10,000 m² = 15 亩). */
function atBenchmarks(s: Standards): ParcelInput {
  const b = s.efficiency.benchmarks;
  const mu = 15;
  const valueAdded = (b.valueAddedPerMu ?? 0) * mu;
  return {
    id: "F1",
    landUse: "100101",
    constructionStatus: "in-production",
    taxRevenue: (b.taxPerMu ?? 0) * mu,
    valueAdded,
    energyTce: valueAdded / (b.energyProductivity ?? 1),
    employees: valueAdded / (b.laborProductivity ?? 1),
    revenue: 1000,
    rdExpense: 1000 * (b.rdIntensity ?? 0),
  };
}
const analyse = (s: Standards) =>
  analyzeParcels([{ input: atBenchmarks(s), geometry: square, areaM2: 10000, extra: {} }], {
    standards: s,
    asOf: "2026-06-30",
  });

const dom = withReactRoot();

describe("efficiency score scale", () => {
  it("a parcel at every benchmark scores the scale: 100 with the default weights, the total weight otherwise", () => {
    const r = analyse(DEFAULT_STANDARDS);
    expect(r.efficiencyScale).toBe(100);
    expect(r.parcels[0]!.computed.efficiencyScore).toBeCloseTo(100, 9);
    const w = DEFAULT_STANDARDS.efficiency.weights;
    const fractions = Object.fromEntries(Object.entries(w).map(([k, v]) => [k, (v ?? 0) / 100]));
    const r1 = analyse({
      ...DEFAULT_STANDARDS,
      efficiency: { ...DEFAULT_STANDARDS.efficiency, weights: fractions },
    });
    expect(r1.efficiencyScale).toBeCloseTo(1, 12);
    expect(r1.parcels[0]!.computed.efficiencyScore).toBeCloseTo(1, 9);
    expect(efficiencyScaleText(r1.efficiencyScale!, "zh")).toBe("1 = 各项指标均达到基准值");
  });

  it("CSV header, table tooltip, legend and detail all state it, zh and en", () => {
    const r = analyse(DEFAULT_STANDARDS);
    for (const lang of ["zh", "en"] as const) {
      const scale = efficiencyScaleText(100, lang);
      const header = writeCsv(r, { lang }).split("\r\n")[0]!.split(",");
      const base = csvHeader(fieldInfo("efficiencyScore")!, lang);
      expect(header).toContain(lang === "zh" ? `${base}(${scale})` : `${base} (${scale})`);
      expect(headerLabel("efficiencyScore", lang, "mu", 100).hint).toBe(scale);
    }
    expect(efficiencyScaleText(100, "en")).toBe("100 = every indicator at its benchmark");

    act(() => {
      const s = useAppStore.getState();
      s.setStandards({ standards: DEFAULT_STANDARDS, fileName: "standards.json", problems: [] });
      s.analysisSucceeded(r);
      s.setIndicator("efficiencyScore");
      s.select(["F1"]);
    });
    expect(selectLegend(useAppStore.getState()).unit).toBe("100 = 各项指标均达到基准值");
    act(() => dom.root.render(<DetailPanel />));
    expect(dom.el.querySelector('[data-testid="detail.efficiencyScore"]')?.textContent).toBe(
      "100.0（100 = 各项指标均达到基准值）",
    );
    act(() => useAppStore.getState().setLang("en"));
    expect(dom.el.querySelector('[data-testid="detail.efficiencyScore"]')?.textContent).toBe(
      "100.0 (100 = every indicator at its benchmark)",
    );
    expect(selectLegend(useAppStore.getState()).unit).toBe("100 = every indicator at its benchmark");
  });
});
