import { describe, expect, it } from "vitest";
import { mapProperties } from "../../../src/io/properties";

describe("mapProperties", () => {
  it.each([
    ["宗地面积", "landAreaM2"],
    ["ZDMJ", "landAreaM2"],
    ["zdmj", "landAreaM2"],
    [" 投资额 ", "fixedInvestment"],
    ["LANDAREAM2", "landAreaM2"],
    ["实缴税金", "taxRevenue"],
    ["职工人数", "employees"],
  ])("maps the alias %j to %s", (name, key) => {
    const m = mapProperties({ [name]: 12 });
    expect(m.input).toEqual({ id: "", [key]: 12 });
    expect(m.extra).toEqual({});
  });

  it.each([
    ["landStatus", "已供", "supplied"],
    ["landStatus", "未供地", "unsupplied"],
    ["landStatus", "储备", "reserved"],
    ["landStatus", "征收中", "acquiring"],
    ["landStatus", "Supplied", "supplied"],
    ["constructionStatus", "未动工", "not-started"],
    ["constructionStatus", "在建", "under-construction"],
    ["constructionStatus", "停工", "halted"],
    ["constructionStatus", "竣工", "completed"],
    ["constructionStatus", "在产", "in-production"],
    ["constructionStatus", "投产", "in-production"],
    ["constructionStatus", "in-production", "in-production"],
    ["industryCluster", "富硒食品与医药", "selenium-food-pharma"],
    ["industryCluster", "光伏发电", "photovoltaic"],
    ["industryCluster", "其他", "other"],
    ["zone", "大样榜片区", "dayangbang"],
    ["zone", "黄土坎", "huangtukan"],
    ["zone", "other-zone", "other-zone"],
  ])("%s %j → %j", (key, raw, code) => {
    expect((mapProperties({ [key]: raw }).input as unknown as Record<string, unknown>)[key]).toBe(code);
  });

  it("sets an unknown enumeration value aside with a problem", () => {
    const m = mapProperties({ 建设状态: "烂尾" });
    expect(m.input).toEqual({ id: "" });
    expect(m.issues).toEqual([
      { field: "建设状态", code: "unknown-enum", params: { raw: "烂尾", key: "constructionStatus" } },
    ]);
  });

  it("keeps unknown properties unchanged in extra, drops computed ones", () => {
    const m = mapProperties({ 备注: { a: [1] }, areaM2: 5, idleStatus: "idle-1y", x: null });
    expect(m.extra).toEqual({ 备注: { a: [1] }, x: null });
  });

  it("takes the id raw, for the reader to resolve", () => {
    expect(mapProperties({ BSM: 17 }).rawId).toBe(17);
    expect(mapProperties({ 宗地号: "A-1" }).idField).toBe("宗地号");
  });

  it("reads 0 and decimals for integer fields correctly", () => {
    expect(mapProperties({ employees: 0 }).input.employees).toBe(0);
    expect(mapProperties({ employees: 3 }).input.employees).toBe(3);
    expect(mapProperties({ employees: 3.5 }).issues[0]?.code).toBe("not-integer");
  });
});
