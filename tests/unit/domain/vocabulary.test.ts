import { describe, expect, it } from "vitest";
import { COMPUTED_FIELDS, NUMERIC_INDICATORS } from "../../../src/domain/fields";
import { isIdleLand, parcelFlag } from "../../../src/domain/flags";
import { landUseGroup, landUseName } from "../../../src/domain/landuse";
import { reallocationReasons } from "../../../src/domain/reallocation";
import type { IdleStatus } from "../../../src/domain/types";
import { m2ToMu } from "../../../src/domain/units";
import { EFFICIENCY_CLASS_LABELS, efficiencyClassShort } from "../../../src/domain/vocabulary";
import { parkZoneName, zoneIdOfName } from "../../../src/domain/zones";
import { filterValueOf } from "../../../src/ui/table/filterOptions";
import { parcel } from "../state/helpers";

describe("land-use grouping: one rule for map, table filter and exports", () => {
  // The table filter used its own prefix grouping and put "07x" under 居住 while the map said 其他.
  it.each(["07x", "10 01", "1001a", "١٠٠١", "0", "1234567"])("malformed code %j is `other`", (code) => {
    expect(landUseGroup(code)).toBe("other");
    const p = parcel({ id: "p", landUse: code });
    expect(filterValueOf(p, "landUseGroup")).toBe("other");
  });
  it("names codes by their own name where the schema lists them, else by group", () => {
    expect(landUseName("0701", "zh")).toBe("城镇住宅用地");
    expect(landUseName("100102", "en")).toBe("Class 2 industrial");
    expect(landUseName("1305", "zh")).toBe("公用设施用地");
    expect(landUseName("abc", "zh")).toBe("其他用地");
  });
});

describe("indicator list", () => {
  it("is exactly the catalogue's numeric computed fields", () => {
    const catalogue = COMPUTED_FIELDS.filter((f) => f.kind === "number").map((f) => f.key);
    expect([...NUMERIC_INDICATORS].sort()).toEqual([...catalogue].sort());
  });
});

describe("idle land and flags", () => {
  const all: IdleStatus[] = ["none", "overdue", "idle-1y", "idle-2y", "idle-halted"];
  it("the flag and the reallocation reasons agree on what idle land is", () => {
    for (const s of all) {
      const flag = parcelFlag({ idleStatus: s, efficiencyClass: null, standardsFailed: [] });
      expect(flag === "idle").toBe(isIdleLand(s));
      expect(reallocationReasons(s, null).length > 0).toBe(isIdleLand(s));
    }
  });
});

describe("zones and labels", () => {
  it("zone names both ways", () => {
    expect(parkZoneName("huangtukan", "zh")).toBe("黄土坎片区");
    expect(parkZoneName("huangtukan", "zh", true)).toBe("黄土坎");
    expect(parkZoneName("dayangbang", "en")).toBe("Dayangbang");
    expect(parkZoneName("elsewhere", "zh")).toBeUndefined();
    expect(parkZoneName("toString", "zh")).toBeUndefined();
    expect(zoneIdOfName("大样榜")).toBe("dayangbang");
    expect(zoneIdOfName("黄土坎片区")).toBe("huangtukan");
    expect(zoneIdOfName("其他片区")).toBeUndefined();
  });
  it("class labels", () => {
    expect(EFFICIENCY_CLASS_LABELS.D.zh).toBe("D 类 倒逼整治");
    expect(efficiencyClassShort("D")).toEqual({ zh: "D 类", en: "Class D" });
  });
  it("m² → 亩 gives exact mu for round areas", () => {
    expect(m2ToMu(20000)).toBe(30);
  });
});
