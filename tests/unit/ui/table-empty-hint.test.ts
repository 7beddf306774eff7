import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "../../../src/state/slices/selection";
import { emptyHint } from "../../../src/ui/table/emptyHint";
import { parcel } from "./table-fixtures";

const PARCELS = [
  parcel({ id: "HTK-001", zone: "huangtukan", landUse: "100101" }),
  parcel({ id: "HTK-002", zone: "huangtukan", landUse: "1101" }),
  parcel({ id: "DYB-001", zone: "dayangbang", landUse: "100101" }, { reallocationCandidate: true }),
  parcel({ id: "DYB-002", zone: "dayangbang", landUse: "100101" }),
];

describe("emptyHint", () => {
  it("a search for a Dayangbang id under 黄土坎 points to the one zone that has it", () => {
    const h = emptyHint(PARCELS, { ...EMPTY_FILTER, zone: "huangtukan", text: "DYB-001" });
    expect(h).toEqual({ kind: "otherZone", zone: "dayangbang", count: 1, patch: { zone: null } });
  });

  it("matches in several other zones name no single zone", () => {
    const h = emptyHint([...PARCELS, parcel({ id: "X-DYB", zone: "elsewhere" })], {
      ...EMPTY_FILTER,
      zone: "huangtukan",
      text: "DYB",
    });
    expect(h).toMatchObject({ kind: "otherZone", zone: null, count: 3 });
  });

  it("other filters hiding the search's matches: clear them and keep the search", () => {
    const h = emptyHint(PARCELS, { ...EMPTY_FILTER, landUseGroup: "logistics", text: "DYB" });
    expect(h).toEqual({
      kind: "otherFilters",
      keepsText: true,
      count: 2,
      patch: { ...EMPTY_FILTER, text: "DYB" },
    });
  });

  it("zone and other filters both: the zone comes first only when dropping it is enough", () => {
    const f = { ...EMPTY_FILTER, zone: "huangtukan", candidateOnly: true, text: "DYB-002" };
    expect(emptyHint(PARCELS, f)).toMatchObject({ kind: "otherFilters", count: 1 });
  });

  it("filters without a search that find nothing: clearing them shows every parcel", () => {
    const h = emptyHint(PARCELS, { ...EMPTY_FILTER, zone: "huangtukan", belowStandardOnly: true });
    expect(h).toMatchObject({ kind: "otherFilters", keepsText: false, count: 4 });
  });

  it("no hint when rows are found, when only the search is set, or when nothing matches anywhere", () => {
    expect(emptyHint(PARCELS, { ...EMPTY_FILTER, zone: "huangtukan" })).toBeNull();
    expect(emptyHint(PARCELS, { ...EMPTY_FILTER, text: "nothing" })).toBeNull();
    expect(emptyHint(PARCELS, { ...EMPTY_FILTER, zone: "huangtukan", text: "nothing" })).toBeNull();
    expect(emptyHint([], { ...EMPTY_FILTER, zone: "huangtukan" })).toBeNull();
  });
});
