import { describe, expect, it } from "vitest";
import {
  addYears,
  asOfWarning,
  compareIsoDates,
  dayNumber,
  daysBetween,
  earliestDate,
  isIsoDate,
  isOnOrAfter,
  isOnOrBefore,
  isoDateAt,
  isUsableAsOf,
  parseIsoDate,
} from "../../../src/domain/dates";

describe("parseIsoDate / isIsoDate", () => {
  it.each(["2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31"])("accepts %s", (s) => {
    expect(isIsoDate(s)).toBe(true);
  });
  it.each([
    "2025-02-29",
    "1900-02-29",
    "2023-04-31",
    "2023-13-01",
    "2023-00-10",
    "2023-01-00",
    "2023-1-5",
    "23-01-05",
    "2023/01/05",
    "2023-01-05T00:00:00Z",
    " 2023-01-05",
    "0000-01-01",
    "",
  ])("rejects %s", (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
  it("rejects non-strings", () => {
    expect(isIsoDate(20230105)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
  it("returns the parts", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ y: 2024, m: 2, d: 29 });
  });
});

describe("addYears", () => {
  it.each([
    ["2024-06-30", 1, "2025-06-30"],
    ["2024-06-30", 2, "2026-06-30"],
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-29", 2, "2026-02-28"],
    ["2096-02-29", 4, "2100-02-28"],
    ["2023-02-28", 1, "2024-02-28"],
    ["2023-12-31", 1, "2024-12-31"],
    ["2025-03-01", -1, "2024-03-01"],
  ])("%s + %i years = %s", (d, n, out) => {
    expect(addYears(d, n)).toBe(out);
  });
  it("throws on an invalid date", () => {
    expect(() => addYears("2025-02-30", 1)).toThrow(RangeError);
  });
});

describe("comparisons", () => {
  it("orders dates", () => {
    expect(compareIsoDates("2025-02-27", "2025-02-28")).toBeLessThan(0);
    expect(compareIsoDates("2025-02-28", "2025-02-28")).toBe(0);
    expect(compareIsoDates("2026-01-01", "2025-12-31")).toBeGreaterThan(0);
    expect(isOnOrBefore("2025-02-28", "2025-02-28")).toBe(true);
    expect(isOnOrBefore("2025-03-01", "2025-02-28")).toBe(false);
    expect(isOnOrAfter("2026-06-30", "2026-06-30")).toBe(true);
    expect(isOnOrAfter("2026-06-29", "2026-06-30")).toBe(false);
  });
  it("counts days across leap days without a Date object", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2000-03-01")).toBe(11017);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
    expect(daysBetween("2024-06-30", "2026-06-30")).toBe(730);
  });
  it("dayNumber agrees with UTC Date for a range of dates", () => {
    for (const iso of ["1999-12-31", "2000-02-29", "2024-02-29", "2038-01-19", "2100-03-01"]) {
      expect(dayNumber(iso)).toBe(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8)) / 86400000);
    }
  });
});

describe("isoDateAt", () => {
  it("gives the Beijing calendar date by default", () => {
    expect(isoDateAt(Date.UTC(2026, 5, 29, 17, 0))).toBe("2026-06-30");
    expect(isoDateAt(Date.UTC(2026, 5, 29, 15, 59))).toBe("2026-06-29");
  });
  it("honours another offset", () => {
    expect(isoDateAt(Date.UTC(2024, 1, 29, 23, 0), 0)).toBe("2024-02-29");
    expect(isoDateAt(Date.UTC(2024, 1, 29, 23, 0), 60)).toBe("2024-03-01");
  });
});

describe("as-of date checks", () => {
  it("isUsableAsOf: a real date from 1900 on; the years a digit-by-digit typing passes are not", () => {
    for (const s of ["0002-06-30", "0020-06-30", "0202-06-30", "1899-12-31", "2026-02-30", "", "2026-6-30"])
      expect(isUsableAsOf(s)).toBe(false);
    for (const s of ["1900-01-01", "2026-06-30", "9999-12-31"]) expect(isUsableAsOf(s)).toBe(true);
  });

  it("earliestDate skips missing and invalid dates", () => {
    expect(earliestDate(["2020-01-02", undefined, "2019-12-31", "2019-02-30", null])).toBe("2019-12-31");
    expect(earliestDate([undefined])).toBeNull();
  });

  it("asOfWarning: before the earliest date, after today, boundaries inclusive of both", () => {
    expect(asOfWarning("2015-02-28", "2015-03-01", "2026-06-30")).toEqual({
      kind: "before-data",
      earliest: "2015-03-01",
    });
    expect(asOfWarning("2015-03-01", "2015-03-01", "2026-06-30")).toBeNull();
    expect(asOfWarning("2026-06-30", "2015-03-01", "2026-06-30")).toBeNull();
    expect(asOfWarning("2026-07-01", "2015-03-01", "2026-06-30")).toEqual({
      kind: "future",
      today: "2026-06-30",
    });
    expect(asOfWarning("1990-01-01", null, "2026-06-30")).toBeNull();
  });
});
