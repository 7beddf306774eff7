import { describe, expect, it } from "vitest";
import { LAND_USE_GROUPS, landUseGroup } from "../../../src/domain/landuse";
import { LAND_USE_GROUP_INFO, landUseColouring } from "../../../src/map/landuse";

describe("landUseGroup (2023 用地用海分类 codes)", () => {
  const cases: [string | undefined | null, string][] = [
    ["1001", "industrial"],
    ["100101", "industrial"],
    ["100102", "industrial"],
    ["100103", "industrial"],
    ["1101", "logistics"],
    ["0701", "residential"],
    ["0702", "publicService"],
    ["0804", "publicService"],
    ["080403", "publicService"],
    ["080404", "publicService"],
    ["0806", "publicService"],
    ["0901", "commercial"],
    ["1401", "green"],
    ["1402", "green"],
    ["1403", "green"],
    ["1207", "transport"],
    ["1208", "transport"],
    ["1301", "utilities"],
    ["1313", "utilities"],
    ["2301", "vacant"],
    [" 100101 ", "industrial"],
    ["0101", "other"],
    ["工业", "other"],
    ["", "unknown"],
    [undefined, "unknown"],
    [null, "unknown"],
  ];
  for (const [code, group] of cases)
    it(`${JSON.stringify(code)} → ${group}`, () => {
      expect(landUseGroup(code)).toBe(group);
    });
});

describe("land-use group table", () => {
  it("has a colour and zh/en labels for every group, colours distinct", () => {
    const colors = LAND_USE_GROUPS.map((g) => LAND_USE_GROUP_INFO[g].color);
    expect(new Set(colors).size).toBe(colors.length);
    for (const g of LAND_USE_GROUPS) {
      expect(LAND_USE_GROUP_INFO[g].color).toMatch(/^#[0-9a-f]{6}$/);
      expect(LAND_USE_GROUP_INFO[g].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(LAND_USE_GROUP_INFO[g].en.length).toBeGreaterThan(0);
    }
  });
  it("conventional planning colours: industrial brownish, residential yellow, green green", () => {
    const rgb = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as number[];
    const [ir, ig, ib] = rgb(LAND_USE_GROUP_INFO.industrial.color);
    expect(ir).toBeGreaterThan(ig as number);
    expect(ig).toBeGreaterThan(ib as number);
    const [yr, yg, yb] = rgb(LAND_USE_GROUP_INFO.residential.color);
    expect(Math.min(yr as number, yg as number)).toBeGreaterThan((yb as number) + 100);
    const [gr, gg, gb] = rgb(LAND_USE_GROUP_INFO.green.color);
    expect(gg).toBeGreaterThan(Math.max(gr as number, gb as number));
  });
  it("the default colouring covers every group but other (which is its fallback)", () => {
    const c = landUseColouring();
    if (c.kind !== "categorical") throw new Error("categorical expected");
    expect(c.field).toBe("landUseGroup");
    expect(c.categories.map((x) => x.value).sort()).toEqual(
      LAND_USE_GROUPS.filter((g) => g !== "other").sort(),
    );
    expect(c.otherColor).toBe(LAND_USE_GROUP_INFO.other.color);
  });
});
