/** Small analysed-parcel builders for the table tests (plain data, no analysis run). */
import type { AnalysedParcel, ParcelComputed, ParcelInput } from "../../../src/domain/types";

const BASE_COMPUTED: ParcelComputed = {
  areaM2: 10000,
  areaMu: 15,
  investmentPerMu: null,
  far: null,
  buildingCoverage: null,
  greenRatio: null,
  adminRatio: null,
  outputPerMu: null,
  valueAddedPerMu: null,
  taxPerMu: null,
  laborProductivity: null,
  energyProductivity: null,
  rdIntensity: null,
  areaDiscrepancy: null,
  standardsFailed: [],
  idleStatus: "none",
  idleFee: null,
  efficiencyScore: null,
  efficiencyClass: null,
  reallocationCandidate: false,
  reallocationReasons: [],
};

export function parcel(
  input: Partial<ParcelInput> & { id: string },
  computed: Partial<ParcelComputed> = {},
): AnalysedParcel {
  return {
    input,
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [109.7, 30.6],
          [109.701, 30.6],
          [109.701, 30.601],
          [109.7, 30.6],
        ],
      ],
    },
    extra: {},
    computed: { ...BASE_COMPUTED, ...computed },
    checks: [],
    idleReasons: [],
    efficiencyReasons: [],
    nullReasons: {},
  };
}
