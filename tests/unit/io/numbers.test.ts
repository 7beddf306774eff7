import { describe, expect, it } from "vitest";
import { fieldInfo } from "../../../src/domain/fields";
import { parseBoolean, parseDate, parseNumber, parseText } from "../../../src/io/numbers";

const field = (key: string) => {
  const f = fieldInfo(key);
  if (!f) throw new Error(key);
  return f;
};
const ratioField = { key: "someRatio", kind: "number", unit: "ratio" } as const;

describe("parseNumber", () => {
  // [field key, raw, expected value | problem code | "missing"]
  const cases: [string, unknown, number | string][] = [
    ["fixedInvestment", 1200, 1200],
    ["fixedInvestment", "1200", 1200],
    ["fixedInvestment", "1,200", 1200],
    ["fixedInvestment", "1,200.5", 1200.5],
    ["fixedInvestment", " 850万元 ", 850],
    ["fixedInvestment", "850 万元", 850],
    ["fixedInvestment", "850万", 850],
    ["fixedInvestment", "1.2亿元", 12000],
    ["fixedInvestment", "3000000元", 300],
    ["outputValue", "500万元/年", 500],
    ["fixedInvestment", "３５０", 350],
    ["fixedInvestment", "１，２００．５万元", 1200.5],
    ["fixedInvestment", "0", 0],
    ["fixedInvestment", "-0", 0],
    ["fixedInvestment", ".5", 0.5],
    ["fixedInvestment", "1e3", 1000],
    ["landAreaM2", "10000平方米", 10000],
    ["landAreaM2", "10000㎡", 10000],
    ["landAreaM2", "10000 m²", 10000],
    ["landAreaM2", "15亩", 10000],
    ["landAreaM2", "1公顷", 10000],
    ["landAreaM2", "1.2万平方米", 12000],
    ["fixedInvestment", "1.2万平方米", "unit-mismatch"],
    ["agreedInvestmentPerMu", "150万元/亩", 150],
    ["agreedInvestmentPerMu", "1500万元/公顷", 100],
    ["employees", "120人", 120],
    ["employees", "12.5", "not-integer"],
    ["energyTce", "300吨标煤", 300],
    ["fixedInvestment", null, "missing"],
    ["fixedInvestment", undefined, "missing"],
    ["fixedInvestment", "", "missing"],
    ["fixedInvestment", "   ", "missing"],
    ["fixedInvestment", "约100", "unparseable-number"],
    ["fixedInvestment", "1.200,5", "unparseable-number"],
    ["fixedInvestment", "1,20", "unparseable-number"],
    ["fixedInvestment", "1,2345", "unparseable-number"],
    ["fixedInvestment", "100-200", "unparseable-number"],
    ["fixedInvestment", "N/A", "unparseable-number"],
    ["fixedInvestment", "—", "unparseable-number"],
    ["fixedInvestment", "1 200", "unparseable-number"],
    ["fixedInvestment", "100美元", "unparseable-number"],
    ["fixedInvestment", true, "unparseable-number"],
    ["fixedInvestment", [1], "unparseable-number"],
    ["fixedInvestment", Number.NaN, "unparseable-number"],
    ["fixedInvestment", Number.POSITIVE_INFINITY, "unparseable-number"],
    ["fixedInvestment", "500平方米", "unit-mismatch"],
    ["landAreaM2", "500万元", "unit-mismatch"],
    ["fixedInvestment", "12.5%", "unit-mismatch"],
    ["fixedInvestment", -5, "negative-value"],
    ["fixedInvestment", "-1,200", "negative-value"],
    ["taxRevenue", "-3万元", "negative-value"],
    ["valueAdded", -5, -5],
    ["valueAdded", "-1,200万元", -1200],
  ];
  it.each(cases)("%s %j → %j", (key, raw, expected) => {
    const r = parseNumber(raw, field(key));
    if (typeof expected === "number") {
      expect(r.issue).toBeUndefined();
      expect(r.value).toBeCloseTo(expected, 9);
    } else if (expected === "missing") {
      expect(r).toEqual({});
    } else {
      expect(r.value).toBeUndefined();
      expect(r.issue?.code).toBe(expected);
    }
  });

  it("reads a percent only for a ratio field", () => {
    expect(parseNumber("12.5%", ratioField).value).toBeCloseTo(0.125, 12);
    expect(parseNumber("0.42", ratioField).value).toBe(0.42);
  });

  it("keeps the raw value for the message", () => {
    expect(parseNumber("约100", field("fixedInvestment")).issue?.params.raw).toBe("约100");
    expect(parseNumber("500平方米", field("fixedInvestment")).issue?.params.unit).toBe("平方米");
  });

  it("does not round", () => {
    expect(parseNumber("1234.56789012", field("fixedInvestment")).value).toBe(1234.56789012);
  });
});

describe("parseBoolean", () => {
  const cases: [unknown, boolean | string][] = [
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["是", true],
    ["否", false],
    ["true", true],
    ["FALSE", false],
    ["Y", true],
    ["n", false],
    ["yes", true],
    ["1", true],
    ["0", false],
    ["", "missing"],
    [null, "missing"],
    ["可能", "unparseable-boolean"],
    [2, "unparseable-boolean"],
  ];
  it.each(cases)("%j → %j", (raw, expected) => {
    const r = parseBoolean(raw);
    if (typeof expected === "boolean") expect(r.value).toBe(expected);
    else if (expected === "missing") expect(r).toEqual({});
    else expect(r.issue?.code).toBe(expected);
  });
});

describe("parseDate", () => {
  const cases: [unknown, string][] = [
    ["2024-06-30", "2024-06-30"],
    ["2024-6-3", "2024-06-03"],
    ["2024/6/30", "2024-06-30"],
    ["2024.06.30", "2024-06-30"],
    ["2024年6月30日", "2024-06-30"],
    ["2024年6月30", "2024-06-30"],
    ["２０２４年６月３０日", "2024-06-30"],
    ["2024-02-29", "2024-02-29"],
    [" 2024-06-30 ", "2024-06-30"],
    ["20240630", "2024-06-30"],
    [20240630, "2024-06-30"],
    ["20230229", "invalid-date"],
    [20231301, "invalid-date"],
    ["", "missing"],
    [null, "missing"],
    ["2023-02-29", "invalid-date"],
    ["2024-13-01", "invalid-date"],
    ["2024-04-31", "invalid-date"],
    ["1900-02-29", "invalid-date"],
    [45473, "excel-serial-date"],
    ["45473", "excel-serial-date"],
    ["2024-06-30T00:00:00Z", "unparseable-date"],
    ["30/06/2024", "unparseable-date"],
    ["6/30/2024", "unparseable-date"],
    ["去年", "unparseable-date"],
    [true, "unparseable-date"],
  ];
  it.each(cases)("%j → %j", (raw, expected) => {
    const r = parseDate(raw);
    if (/^\d{4}-/.test(expected)) expect(r).toEqual({ value: expected });
    else if (expected === "missing") expect(r).toEqual({});
    else expect(r.issue?.code).toBe(expected);
  });
});

describe("parseText", () => {
  it("trims, stringifies numbers, rejects objects", () => {
    expect(parseText("  HTK-1 ")).toEqual({ value: "HTK-1" });
    expect(parseText(100101)).toEqual({ value: "100101" });
    expect(parseText("")).toEqual({});
    expect(parseText({ a: 1 }).issue?.code).toBe("not-text-value");
  });
});
