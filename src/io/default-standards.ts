/**
 * The built-in standards: a copy of `shared/spec/standards.example.json` (an EXAMPLE edition whose
 * park defaults are placeholders for the park committee). Used when no standards file is given
 * and `geodata/standards.json` is absent, and to fill sections missing from a standards file.
 */
import type { Standards } from "../domain/types";

export const DEFAULT_STANDARDS: Standards = {
  name: "建始县工业园区 园区用地标准（示例）",
  edition: "example-2026",
  sources: {
    buildingCoverage: "工业项目建设用地控制指标 (国土资发〔2008〕24号): 建筑系数 ≥ 30%",
    adminRatio: "same: 行政办公及生活服务设施用地 ≤ 7%",
    greenRatio: "same: 绿地率 ≤ 20% where the process requires green land",
    far: "same: 容积率 floors by industry (GB/T 4754-2002 codes, mapped to 2017 codes here)",
    investmentPerMu: "park default, to be set by the park committee",
    outputPerMu: "park default, to be set by the park committee",
    taxPerMu: "park default, to be set by the park committee",
  },
  defaults: {
    min: {
      investmentPerMu: 120,
      far: 0.8,
      buildingCoverage: 0.3,
      outputPerMu: 150,
      taxPerMu: 8,
    },
    max: {
      adminRatio: 0.07,
      greenRatio: 0.2,
    },
  },
  zones: {
    dayangbang: {
      min: {
        investmentPerMu: 100,
      },
    },
  },
  industries: {
    "13": {
      min: {
        far: 1.0,
      },
    },
    "14": {
      min: {
        far: 1.0,
      },
    },
    "15": {
      min: {
        far: 1.0,
      },
    },
    "18": {
      min: {
        far: 1.0,
      },
    },
    "27": {
      min: {
        far: 0.7,
      },
    },
    "30": {
      min: {
        far: 0.7,
      },
    },
    "33": {
      min: {
        far: 0.7,
      },
    },
    "34": {
      min: {
        far: 0.7,
      },
    },
    "35": {
      min: {
        far: 0.7,
      },
    },
    "38": {
      min: {
        far: 0.7,
      },
    },
    "39": {
      min: {
        far: 1.0,
      },
    },
    "42": {
      min: {
        far: 0.7,
      },
    },
  },
  idle: {
    feeRate: 0.2,
  },
  efficiency: {
    minAreaMu: 3,
    cap: 2,
    weights: {
      taxPerMu: 40,
      valueAddedPerMu: 20,
      energyProductivity: 15,
      laborProductivity: 10,
      rdIntensity: 15,
    },
    benchmarks: {
      taxPerMu: 10,
      valueAddedPerMu: 60,
      energyProductivity: 2,
      laborProductivity: 15,
      rdIntensity: 0.02,
    },
    classCutoffs: {
      A: 0.25,
      B: 0.7,
      C: 0.95,
    },
  },
  services: {
    kindergarten: {
      distanceM: 300,
    },
    school: {
      distanceM: 500,
      juniorDistanceM: 1000,
    },
    clinic: {
      distanceM: 1000,
    },
    leisure: {
      distanceM: 500,
    },
    green: {
      distanceM: 500,
      minAreaM2: 10000,
    },
    bus: {
      stopDistanceM: 500,
      preferredStopDistanceM: 300,
      speedKmh: 25,
      dwellSeconds: 30,
    },
  },
  analysisCrs: "EPSG:4546",
};
