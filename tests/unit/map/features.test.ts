import { describe, expect, it } from "vitest";
import { parcelFlag } from "../../../src/domain/flags";
import type { AnalysedParcel, ParcelComputed } from "../../../src/domain/types";
import { toMapParcels } from "../../../src/map/features";

const computed = (over: Partial<ParcelComputed> = {}): ParcelComputed => ({
  areaM2: 6667,
  areaMu: 10,
  investmentPerMu: 250,
  far: 1.2,
  buildingCoverage: 0.4,
  greenRatio: 0.1,
  adminRatio: 0.05,
  outputPerMu: null,
  valueAddedPerMu: null,
  taxPerMu: 12,
  laborProductivity: null,
  energyProductivity: null,
  rdIntensity: null,
  areaDiscrepancy: null,
  standardsFailed: [],
  idleStatus: "none",
  idleFee: null,
  efficiencyScore: 80,
  efficiencyClass: "B",
  reallocationCandidate: false,
  reallocationReasons: [],
  ...over,
});

describe("parcelFlag", () => {
  it("idle statuses are idle; overdue is not flagged", () => {
    for (const s of ["idle-1y", "idle-2y", "idle-halted"] as const)
      expect(parcelFlag(computed({ idleStatus: s }))).toBe("idle");
    expect(parcelFlag(computed({ idleStatus: "overdue" }))).toBe("none");
  });
  it("class D or a failed standard is underperforming; idle wins over both", () => {
    expect(parcelFlag(computed({ efficiencyClass: "D" }))).toBe("under");
    expect(parcelFlag(computed({ standardsFailed: ["far"] }))).toBe("under");
    expect(parcelFlag(computed({ efficiencyClass: "D", idleStatus: "idle-2y" }))).toBe("idle");
    expect(parcelFlag(computed())).toBe("none");
  });
});

describe("toMapParcels", () => {
  it("keeps only what the styles read, derives landUseGroup and flag, keeps nulls and exact numbers", () => {
    const p: AnalysedParcel = {
      input: { id: "HTK-001", zone: "huangtukan", landUse: "100102", name: "地块一" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      extra: {},
      computed: computed({ standardsFailed: ["far", "taxPerMu"], investmentPerMu: 123.456789 }),
      checks: [],
      idleReasons: [],
      efficiencyReasons: [],
      nullReasons: {},
    };
    const fc = toMapParcels([p]);
    const props = fc.features[0]?.properties;
    expect(props).toEqual({
      id: "HTK-001",
      zone: "huangtukan",
      landUseGroup: "industrial",
      idleStatus: "none",
      efficiencyClass: "B",
      reallocationCandidate: false,
      flag: "under",
      areaM2: 6667,
      areaMu: 10,
      investmentPerMu: 123.456789,
      far: 1.2,
      buildingCoverage: 0.4,
      greenRatio: 0.1,
      adminRatio: 0.05,
      outputPerMu: null,
      valueAddedPerMu: null,
      taxPerMu: 12,
      laborProductivity: null,
      energyProductivity: null,
      rdIntensity: null,
      areaDiscrepancy: null,
      idleFee: null,
      efficiencyScore: 80,
    });
    for (const v of Object.values(props ?? {})) expect(typeof v === "object" && v !== null).toBe(false);
    expect(fc.features[0]?.geometry).toBe(p.geometry);
  });
});
