/** Small builders for store tests: analysed parcels and results with just the fields a test needs. */
import type {
  AnalysedParcel,
  AnalysisResult,
  AnalysisSummary,
  ParcelComputed,
  ParcelInput,
  Standards,
} from "../../../src/domain/types";
import { memoryStorage } from "../../../src/state/persist";
import { createAppStore } from "../../../src/state/store";
import type { ParcelsDataset } from "../../../src/state/types";

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
    computed: {
      areaM2: 6666.67,
      areaMu: 10,
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
      ...computed,
    },
    checks: [],
    idleReasons: [],
    efficiencyReasons: [],
    nullReasons: {},
  };
}

export function emptySummary(n = 0): AnalysisSummary {
  return {
    parcels: n,
    byIdleStatus: { none: n, overdue: 0, "idle-1y": 0, "idle-2y": 0, "idle-halted": 0 },
    byEfficiencyClass: { A: 0, B: 0, C: 0, D: 0, none: n },
    belowStandard: 0,
    reallocationCandidates: 0,
    reallocationAreaM2: 0,
  };
}

export function result(parcels: AnalysedParcel[], asOf = "2026-06-30"): AnalysisResult {
  return {
    asOf,
    standardsName: "test",
    standardsEdition: "t1",
    parcels,
    summary: emptySummary(parcels.length),
    summaryByZone: { huangtukan: emptySummary(1) },
  };
}

export function dataset(patch: Partial<ParcelsDataset> = {}): ParcelsDataset {
  return {
    fileName: "parcels.geojson",
    parcelCount: 0,
    analysisCrs: "EPSG:4546",
    parcels: [],
    problems: [],
    featureCount: 0,
    ok: true,
    synthetic: true,
    datasetId: 1,
    ...patch,
  };
}

export const STANDARDS: Standards = {
  name: "测试标准",
  edition: "t1",
  sources: {},
  defaults: { min: { investmentPerMu: 120 } },
  zones: {},
  industries: {},
  idle: { feeRate: 0.2 },
  efficiency: {
    minAreaMu: 3,
    cap: 2,
    weights: {},
    benchmarks: {},
    classCutoffs: { A: 0.25, B: 0.7, C: 0.95 },
  },
  services: {},
  analysisCrs: "EPSG:4546",
};

/** A fresh store with in-memory settings storage (no shared state between tests). */
export function freshStore() {
  return createAppStore({ storage: memoryStorage() });
}
