import { describe, expect, it } from "vitest";
import { type CellContext, columnOf, headerLabel, TABLE_COLUMNS } from "../../../src/ui/table/columns";
import { compareValues, nextSort, type SortValue, sortRows } from "../../../src/ui/table/sort";
import { parcel } from "./table-fixtures";

const ctx = (over: Partial<CellContext> = {}): CellContext => ({
  lang: "zh",
  unit: "mu",
  zoneName: (id) => ({ huangtukan: "黄土坎片区", dayangbang: "大样榜片区" })[id] ?? id,
  ...over,
});

const byKey = (rows: { k: SortValue; tag: string }[], dir: "asc" | "desc") =>
  sortRows(rows, (r) => r.k, dir).map((r) => r.tag);

describe("sortRows", () => {
  const rows = [
    { k: 3, tag: "a" },
    { k: null, tag: "n1" },
    { k: 1, tag: "b" },
    { k: 2, tag: "c" },
    { k: null, tag: "n2" },
  ];

  it("sorts numbers ascending with nulls last", () => {
    expect(byKey(rows, "asc")).toEqual(["b", "c", "a", "n1", "n2"]);
  });

  it("sorts numbers descending with nulls still last", () => {
    expect(byKey(rows, "desc")).toEqual(["a", "c", "b", "n1", "n2"]);
  });

  it("is stable: equal keys keep their incoming order in both directions", () => {
    const ties = [
      { k: 1, tag: "x1" },
      { k: 0, tag: "y" },
      { k: 1, tag: "x2" },
      { k: 1, tag: "x3" },
    ];
    expect(byKey(ties, "asc")).toEqual(["y", "x1", "x2", "x3"]);
    expect(byKey(ties, "desc")).toEqual(["x1", "x2", "x3", "y"]);
  });

  it("treats NaN like null (last)", () => {
    expect(
      byKey(
        [
          { k: Number.NaN, tag: "nan" },
          { k: -5, tag: "neg" },
        ],
        "desc",
      ),
    ).toEqual(["neg", "nan"]);
  });

  it("orders text with embedded numbers numerically", () => {
    const ids = ["HTK-10", "HTK-2", "DYB-1", "HTK-1"].map((k) => ({ k, tag: k }));
    expect(byKey(ids, "asc")).toEqual(["DYB-1", "HTK-1", "HTK-2", "HTK-10"]);
  });

  it("does not modify its input", () => {
    const copy = rows.map((r) => r.tag);
    sortRows(rows, (r) => r.k, "asc");
    expect(rows.map((r) => r.tag)).toEqual(copy);
  });

  it("compares zero as a value, not as missing", () => {
    expect(compareValues(0, null, "asc")).toBeLessThan(0);
    expect(compareValues(0, null, "desc")).toBeLessThan(0);
    expect(compareValues(null, null, "desc")).toBe(0);
  });
});

describe("nextSort", () => {
  it("cycles a header through ascending, descending and unsorted", () => {
    const a = nextSort(null, "taxPerMu");
    expect(a).toEqual({ field: "taxPerMu", dir: "asc" });
    const d = nextSort(a, "taxPerMu");
    expect(d).toEqual({ field: "taxPerMu", dir: "desc" });
    expect(nextSort(d, "taxPerMu")).toBeNull();
  });
  it("starts ascending on another column", () => {
    expect(nextSort({ field: "far", dir: "desc" }, "areaMu")).toEqual({ field: "areaMu", dir: "asc" });
  });
});

describe("table columns", () => {
  const p = parcel(
    { id: "HTK-001", zone: "huangtukan", landUse: "100101", industryCluster: "garments" },
    {
      taxPerMu: 12.345,
      far: null,
      areaMu: 20.006,
      reallocationCandidate: true,
      standardsFailed: ["far"],
      idleStatus: "idle-2y",
    },
  );
  const text = (field: string, c = ctx()) => columnOf(field)?.text(p, c);

  it("has the columns of the brief in order, each per-mu indicator after its editable input figure", () => {
    expect(TABLE_COLUMNS.map((c) => c.field)).toEqual([
      "id",
      "name",
      "zone",
      "landUse",
      "enterprise",
      "industryCluster",
      "areaMu",
      "fixedInvestment",
      "investmentPerMu",
      "far",
      "outputValue",
      "outputPerMu",
      "taxRevenue",
      "taxPerMu",
      "idleStatus",
      "efficiencyClass",
      "flags",
    ]);
  });

  it("the input figures are editable columns with their unit in the header", () => {
    expect(TABLE_COLUMNS.filter((c) => c.input).map((c) => c.input)).toEqual([
      "fixedInvestment",
      "outputValue",
      "taxRevenue",
    ]);
    expect(headerLabel("fixedInvestment", "zh", "mu")).toEqual({ label: "累计固定资产投资", unit: "万元" });
    expect(headerLabel("taxRevenue", "en", "mu")).toEqual({ label: "Tax revenue", unit: "10k yuan/year" });
  });

  it("shows null and missing values as a dash, never as 0", () => {
    expect(text("far")).toBe("—");
    expect(text("name")).toBe("—");
    expect(text("efficiencyClass")).toBe("—");
    expect(columnOf("far")?.sortValue(p, ctx())).toBeNull();
  });

  it("rounds for display only, per 亩 or per 公顷", () => {
    expect(text("taxPerMu")).toBe("12.35");
    expect(text("taxPerMu", ctx({ unit: "ha" }))).toBe("185.18");
    expect(columnOf("taxPerMu")?.sortValue(p, ctx({ unit: "ha" }))).toBeCloseTo(12.345 * 15, 10);
    expect(text("areaMu")).toBe("20.01");
  });

  it("labels codes in the UI language", () => {
    expect(text("zone")).toBe("黄土坎片区");
    expect(text("industryCluster")).toBe("服装加工");
    expect(text("industryCluster", ctx({ lang: "en" }))).toBe("Garments");
    expect(text("idleStatus")).toBe("闲置满两年");
    // The code's own name (2023 classification), as the exports write it.
    expect(text("landUse")).toBe("一类工业用地 100101");
    expect(text("flags")).toBe("腾笼换鸟候选、未达标");
    expect(text("flags", ctx({ lang: "en" }))).toBe("Reallocation candidate, Below standard");
  });

  it("headers come from the field catalogue with the unit setting", () => {
    expect(headerLabel("taxPerMu", "zh", "mu")).toEqual({ label: "亩均税收", unit: "万元/亩" });
    expect(headerLabel("taxPerMu", "zh", "ha")).toEqual({ label: "亩均税收", unit: "万元/公顷" });
    expect(headerLabel("investmentPerMu", "en", "ha")).toEqual({
      label: "Investment",
      unit: "10k yuan/ha",
    });
    expect(headerLabel("areaMu", "zh", "mu")).toEqual({ label: "面积", unit: "亩" });
    expect(headerLabel("id", "zh", "mu")).toEqual({ label: "宗地编号", unit: null });
  });

  it("sorts the flags column candidates first when descending", () => {
    const rows = [
      parcel({ id: "a" }),
      parcel({ id: "b" }, { standardsFailed: ["far"] }),
      parcel({ id: "c" }, { reallocationCandidate: true }),
    ];
    const col = columnOf("flags");
    if (!col) throw new Error("no flags column");
    expect(sortRows(rows, (r) => col.sortValue(r, ctx()), "desc").map((r) => r.input.id)).toEqual([
      "c",
      "b",
      "a",
    ]);
  });
});
