import { describe, expect, it } from "vitest";
import { matchesFilter } from "../../../src/state/selectors";
import { EMPTY_FILTER } from "../../../src/state/slices/selection";
import {
  filterChoices,
  filterValueOf,
  SELECT_FILTERS,
  selectPatch,
} from "../../../src/ui/table/filterOptions";
import { parcel } from "./table-fixtures";

const zoneName = (id: string) => ({ huangtukan: "黄土坎片区", dayangbang: "大样榜片区" })[id] ?? id;

const parcels = [
  parcel(
    { id: "H1", zone: "huangtukan", landUse: "100101", constructionStatus: "in-production" },
    { efficiencyClass: "A" },
  ),
  parcel(
    { id: "H2", zone: "huangtukan", landUse: "100102", constructionStatus: "not-started" },
    { idleStatus: "idle-2y", reallocationCandidate: true },
  ),
  parcel(
    { id: "D1", zone: "dayangbang", landUse: "1101", industryCluster: "photovoltaic" },
    { idleStatus: "idle-1y", reallocationCandidate: true },
  ),
  parcel({ id: "D2", zone: "dayangbang", landUse: "0701" }, { standardsFailed: ["far"] }),
  parcel({ id: "X" }),
];

describe("filterChoices", () => {
  it("offers each zone present, in the zones layer's order, with counts", () => {
    expect(filterChoices(parcels, "zone", "zh", zoneName, ["huangtukan", "dayangbang"])).toEqual([
      { value: "huangtukan", label: "黄土坎片区", count: 2 },
      { value: "dayangbang", label: "大样榜片区", count: 2 },
    ]);
  });

  it("orders idle statuses by the code order and labels them in the language", () => {
    expect(
      filterChoices(parcels, "idleStatus", "en", zoneName).map((c) => [c.value, c.label, c.count]),
    ).toEqual([
      ["none", "Not idle", 3],
      ["idle-1y", "Idle ≥ 1 year", 1],
      ["idle-2y", "Idle ≥ 2 years", 1],
    ]);
  });

  it("groups land-use codes and counts missing values as `none` / `unknown`", () => {
    expect(filterChoices(parcels, "landUseGroup", "zh", zoneName).map((c) => [c.value, c.count])).toEqual([
      ["industrial", 2],
      ["logistics", 1],
      ["residential", 1],
      ["unknown", 1],
    ]);
    expect(filterChoices(parcels, "efficiencyClass", "zh", zoneName).map((c) => [c.value, c.count])).toEqual([
      ["A", 1],
      ["none", 4],
    ]);
  });

  it("counts of every drop-down add up to the parcels that have a value", () => {
    for (const name of SELECT_FILTERS) {
      const sum = filterChoices(parcels, name, "zh", zoneName).reduce((s, c) => s + c.count, 0);
      const withValue = parcels.filter((p) => filterValueOf(p, name) !== null).length;
      expect(sum, name).toBe(withValue);
    }
  });
});

describe("a choice selects exactly the parcels counted for it (the store's matchesFilter)", () => {
  for (const name of SELECT_FILTERS) {
    it(name, () => {
      for (const c of filterChoices(parcels, name, "zh", zoneName)) {
        const f = { ...EMPTY_FILTER, ...selectPatch(name, c.value) };
        expect(parcels.filter((p) => matchesFilter(p, f)).length, `${name}=${c.value}`).toBe(c.count);
      }
    });
  }

  it("the empty choice clears the filter", () => {
    expect(selectPatch("zone", "")).toEqual({ zone: null });
  });

  it("flags and text narrow together", () => {
    const f = { ...EMPTY_FILTER, candidateOnly: true, text: "d1" };
    expect(parcels.filter((p) => matchesFilter(p, f)).map((p) => p.input.id)).toEqual(["D1"]);
  });
});
