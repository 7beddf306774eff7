import { describe, expect, it } from "vitest";
import { formatArea, formatField, formatNumber, fromDisplay, toDisplay } from "../../../src/ui/format";

describe("display formatting (rounding only for display)", () => {
  it.each([
    ["areaM2", 8230.456, "zh", "mu", "8,230 m²"],
    ["areaMu", 12.345, "zh", "mu", "12.35 亩"],
    ["taxPerMu", 45.678, "zh", "mu", "45.68 万元/亩"],
    ["taxPerMu", 45.678, "zh", "ha", "685.17 万元/公顷"],
    ["taxPerMu", 45.678, "en", "ha", "685.17 10k yuan/ha"],
    ["buildingCoverage", 0.42345, "zh", "mu", "42.3%"],
    ["far", 1.234, "zh", "mu", "1.23"],
    ["idleFee", 12.345, "zh", "mu", "12.35 万元"],
    ["employees", 120, "zh", "mu", "120 人"],
    ["efficiencyScore", 87.65, "zh", "mu", "87.7"],
    ["far", null, "zh", "mu", "—"],
    ["far", Number.NaN, "zh", "mu", "—"],
  ] as const)("%s %s (%s, %s) → %s", (key, v, lang, unit, expected) => {
    expect(formatField(key, v, lang, unit)).toBe(expected);
  });

  it("a zero is shown as 0, not —", () => {
    expect(formatField("taxPerMu", 0, "zh", "mu")).toBe("0.00 万元/亩");
  });

  it("no negative zero", () => {
    expect(formatNumber(-0.001, 2, "zh")).toBe("0.00");
  });

  it("toDisplay and fromDisplay are inverse (manual breaks typed in 万元/公顷 or %)", () => {
    expect(toDisplay(0.3, "ratio", "mu")).toBeCloseTo(30);
    expect(fromDisplay(30, "ratio", "mu")).toBeCloseTo(0.3);
    expect(toDisplay(10, "wan-yuan-per-mu", "ha")).toBe(150);
    expect(fromDisplay(150, "wan-yuan-per-mu", "ha")).toBe(10);
    expect(fromDisplay(150, "wan-yuan-per-mu", "mu")).toBe(150);
  });

  it("area in 亩 with m² in brackets", () => {
    expect(formatArea(10000, "zh")).toBe("15.00 亩（10,000 m²）");
    expect(formatArea(10000, "en")).toBe("15.00 mu (10,000 m²)");
  });
});
