import { describe, expect, it } from "vitest";
import { landUseGroup as defaultLandUseGroup } from "../../../src/domain/landuse";
import {
  isFilterActive,
  selectCandidates,
  selectDetailParcel,
  selectFilteredIds,
  selectFocusSummary,
  selectRows,
  selectZoneIds,
} from "../../../src/state/selectors";
import { EMPTY_FILTER } from "../../../src/state/slices/selection";
import { freshStore, parcel, result } from "./helpers";

function loaded() {
  const store = freshStore();
  store.getState().analysisSucceeded(
    result([
      parcel(
        {
          id: "HTK-001",
          zone: "huangtukan",
          landUse: "100101",
          name: "硒谷食品",
          industryCluster: "selenium-food-pharma",
          constructionStatus: "in-production",
        },
        { efficiencyClass: "A", areaM2: 10000 },
      ),
      parcel(
        {
          id: "HTK-002",
          zone: "huangtukan",
          landUse: "1101",
          enterprise: "物流公司",
          constructionStatus: "not-started",
        },
        {
          idleStatus: "idle-1y",
          reallocationCandidate: true,
          reallocationReasons: ["idle-1y"],
          areaM2: 5000,
        },
      ),
      parcel(
        { id: "DYB-001", zone: "dayangbang", landUse: "100102", constructionStatus: "in-production" },
        {
          efficiencyClass: "D",
          reallocationCandidate: true,
          reallocationReasons: ["class-D"],
          standardsFailed: ["taxPerMu"],
          areaM2: 20000,
        },
      ),
      parcel({ id: "DYB-002", zone: "dayangbang", landUse: "1401" }),
    ]),
  );
  return store;
}
const ids = (ps: { input: { id: string } }[]) => ps.map((p) => p.input.id);

describe("selectRows and selectFilteredIds", () => {
  it("no filter: every parcel, and no dimming set", () => {
    const s = loaded().getState();
    expect(selectRows(s)).toHaveLength(4);
    expect(selectFilteredIds(s)).toBeNull();
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });

  it.each([
    [{ zone: "dayangbang" }, ["DYB-001", "DYB-002"]],
    [{ landUseGroup: "industrial" }, ["HTK-001", "DYB-001"]],
    [{ landUseGroup: "logistics" }, ["HTK-002"]],
    [{ industryCluster: "selenium-food-pharma" }, ["HTK-001"]],
    [{ constructionStatus: "in-production" }, ["HTK-001", "DYB-001"]],
    [{ idleStatus: "idle-1y" }, ["HTK-002"]],
    [{ efficiencyClass: "D" }, ["DYB-001"]],
    [{ efficiencyClass: "none" }, ["HTK-002", "DYB-002"]],
    [{ candidateOnly: true }, ["HTK-002", "DYB-001"]],
    [{ belowStandardOnly: true }, ["DYB-001"]],
    [{ text: "硒谷" }, ["HTK-001"]],
    [{ text: "  dyb " }, ["DYB-001", "DYB-002"]],
    [{ text: "物流" }, ["HTK-002"]],
    [{ zone: "huangtukan", candidateOnly: true }, ["HTK-002"]],
  ])("filter %j → %j", (patch, expected) => {
    const store = loaded();
    store.getState().setFilter(patch);
    const s = store.getState();
    expect(ids(selectRows(s))).toEqual(expected);
    expect([...(selectFilteredIds(s) ?? [])]).toEqual(expected);
  });

  it("is memoised: same inputs give the same array and set", () => {
    const store = loaded();
    store.getState().setFilter({ zone: "huangtukan" });
    const a = store.getState();
    store.getState().setHovered("HTK-001");
    const b = store.getState();
    expect(selectRows(b)).toBe(selectRows(a));
    expect(selectFilteredIds(b)).toBe(selectFilteredIds(a));
  });

  it("before any analysis there are no rows", () => {
    expect(selectRows(freshStore().getState())).toEqual([]);
  });
});

describe("other selectors", () => {
  it("detail parcel is the first selected parcel that exists", () => {
    const store = loaded();
    expect(selectDetailParcel(store.getState())).toBeNull();
    store.getState().select(["DYB-001"]);
    expect(selectDetailParcel(store.getState())?.input.id).toBe("DYB-001");
  });

  it("candidates in the focused zone, largest first", () => {
    const store = loaded();
    expect(ids(selectCandidates(store.getState()))).toEqual(["DYB-001", "HTK-002"]);
    store.getState().setZoneFocus("huangtukan");
    expect(ids(selectCandidates(store.getState()))).toEqual(["HTK-002"]);
  });

  it("focus summary: overall, per zone, or null for an unknown zone", () => {
    const store = loaded();
    expect(selectFocusSummary(store.getState())?.parcels).toBe(4);
    store.getState().setZoneFocus("huangtukan");
    expect(selectFocusSummary(store.getState())?.parcels).toBe(1);
    store.getState().setZoneFocus("nowhere");
    expect(selectFocusSummary(store.getState())).toBeNull();
  });

  it("zone ids come from the parcels when no zones layer is loaded", () => {
    expect(selectZoneIds(loaded().getState())).toEqual(["huangtukan", "dayangbang"]);
  });

  it.each([
    ["100101", "industrial"],
    ["0702", "publicService"],
    ["0701", "residential"],
    ["080404", "publicService"],
    ["2301", "vacant"],
    [undefined, "unknown"],
    ["9999", "other"],
  ])("default land-use group of %s is %s", (code, group) => {
    expect(defaultLandUseGroup(code)).toBe(group);
  });
});
