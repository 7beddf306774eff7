/**
 * The park's default standards file (`geodata/standards.json`), in the format of
 * `shared/spec/standards.example.json`. Values taken from national documents say so; the rest
 * are park defaults, placeholders the park committee (园区管委会) is expected to set.
 */
import { ThresholdResolver } from "../../domain/standards";
import type { MinChecked, Standards } from "../../domain/types";

const PARK_DEFAULT = "园区默认值，待园区管委会审定 (park default, to be set by the park committee)";

export const PARK_STANDARDS: Standards = {
  name: "建始县工业园区 园区用地标准（默认值，待管委会审定）",
  edition: "park-default-2026",
  sources: {
    investmentPerMu: `投资强度 ≥ 120 万元/亩（大样榜片区 ≥ 100 万元/亩，征地拆迁尚未完成、地形条件较差）: ${PARK_DEFAULT}; 参考: 开发区土地集约利用评价 全国工业用地固定资产投入强度均值 8984 万元/公顷 (≈ 599 万元/亩)`,
    far: "《工业项目建设用地控制指标》(国土资发〔2008〕24号) 容积率下限，按行业 (表中为 GB/T 4754-2002 代码，此处已对应为 2017 代码: 2002 的 31 非金属矿物 = 2017 的 30); 其余行业 0.8: park default",
    buildingCoverage: "《工业项目建设用地控制指标》(国土资发〔2008〕24号): 建筑系数 ≥ 30%",
    outputPerMu: `亩均产出 ≥ 120 万元/亩: ${PARK_DEFAULT}`,
    taxPerMu: `亩均税收 ≥ 6 万元/亩: ${PARK_DEFAULT}; 参考: 全国工业用地地均税收 679 万元/公顷 (≈ 45 万元/亩)`,
    adminRatio: "《工业项目建设用地控制指标》(国土资发〔2008〕24号): 行政办公及生活服务设施用地 ≤ 7%",
    greenRatio: "《工业项目建设用地控制指标》(国土资发〔2008〕24号): 绿地率 ≤ 20%",
    idle: "《闲置土地处置办法》(国土资源部令第53号, 2012): 土地闲置费按出让价款的 20% 征缴",
    efficiency: `亩均效益评价权重、基准值与分类比例 (参照浙江“亩均论英雄”): ${PARK_DEFAULT}`,
    services: "GB 50180-2018《城市居住区规划设计标准》生活圈服务半径",
  },
  defaults: {
    min: { investmentPerMu: 120, far: 0.8, buildingCoverage: 0.3, outputPerMu: 120, taxPerMu: 6 },
    max: { adminRatio: 0.07, greenRatio: 0.2 },
  },
  zones: {
    dayangbang: { min: { investmentPerMu: 100 } },
  },
  industries: {
    "13": { min: { far: 1.0 } },
    "14": { min: { far: 1.0 } },
    "15": { min: { far: 1.0 } },
    "18": { min: { far: 1.0 } },
    "27": { min: { far: 0.7 } },
    "30": { min: { far: 0.7 } },
    "33": { min: { far: 0.7 } },
    "34": { min: { far: 0.7 } },
    "35": { min: { far: 0.7 } },
    "38": { min: { far: 0.7 } },
    "39": { min: { far: 1.0 } },
    "42": { min: { far: 0.7 } },
  },
  idle: { feeRate: 0.2 },
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
    classCutoffs: { A: 0.25, B: 0.7, C: 0.95 },
  },
  services: {
    kindergarten: { distanceM: 300 },
    school: { distanceM: 500, juniorDistanceM: 1000 },
    clinic: { distanceM: 1000 },
    leisure: { distanceM: 500 },
    green: { distanceM: 500, minAreaM2: 10000 },
    bus: { stopDistanceM: 500, preferredStopDistanceM: 300, speedKmh: 25, dwellSeconds: 30 },
  },
  analysisCrs: "EPSG:4546",
};

const resolver = new ThresholdResolver(PARK_STANDARDS);

/**
 * The minimum of `indicator` that applies to a parcel before its own agreed targets (§4),
 * resolved by the analysis itself so the generator places its cases against the same numbers.
 */
export function minThreshold(indicator: MinChecked, zone: string, industryCode: string): number {
  const t = resolver.resolve(zone, industryCode).find((r) => r.kind === "min" && r.indicator === indicator);
  return t?.threshold ?? 0;
}
