/**
 * The park's default standards file (`geodata/standards.json`), in the format of
 * `shared/spec/standards.example.json`. Values taken from national documents say so; the rest
 * are park defaults, placeholders the park committee (园区管委会) is expected to set.
 */
import { ThresholdResolver } from "../../domain/standards";
import type { MinChecked, Standards } from "../../domain/types";
import { DEFAULT_STANDARDS } from "../../io/default-standards";

/** Chinese only: the source text is printed inside Chinese reasons (an English aside read as a stray fragment). */
const PARK_DEFAULT = "园区默认值，待园区管委会审定";

export const PARK_STANDARDS: Standards = {
  name: "建始县工业园区 园区用地标准（默认值，待管委会审定）",
  edition: "park-default-2026",
  sources: {
    investmentPerMu: `投资强度 ≥ 120 万元/亩（大样榜片区 ≥ 100 万元/亩，征地拆迁尚未完成、地形条件较差）: ${PARK_DEFAULT}; 参考: 开发区土地集约利用评价 全国工业用地固定资产投入强度均值 8984 万元/公顷 (≈ 599 万元/亩)`,
    far: "《工业项目建设用地控制指标》(国土资发〔2008〕24号) 容积率下限，按行业 (表中为 GB/T 4754-2002 代码，此处已对应为 2017 代码: 2002 的 31 非金属矿物 = 2017 的 30); 其余行业 0.8（园区默认值）",
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
  // The control-indicator floors by industry, the idle fee rate, the efficiency evaluation and the
  // service distances are those of the standards example (the built-in defaults); the park's own
  // choices are the sources, names and minimums above.
  industries: DEFAULT_STANDARDS.industries,
  idle: DEFAULT_STANDARDS.idle,
  efficiency: DEFAULT_STANDARDS.efficiency,
  services: DEFAULT_STANDARDS.services,
  analysisCrs: DEFAULT_STANDARDS.analysisCrs,
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
