/**
 * Synthetic parcels for benchmarks and scale tests — not sample data and not real.
 *
 * `syntheticParcels(n, seed)` lays `n` square-ish parcels (≈ 8–40 亩) on a grid of blocks in
 * lon/lat (CGCS2000 ≈ WGS 84, RFC 7946) starting a few km east of the county seat of Jianshi
 * (109.72°E, 30.60°N), with every schema property a real dataset would carry, drawn from a seeded
 * generator so the same `(n, seed)` always gives the same collection.
 */
import type { Feature, FeatureCollection, Polygon } from "geojson";
import { m2ToMu } from "../domain/units";

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORIGIN_LON = 109.76;
const ORIGIN_LAT = 30.58;
/** Metres per degree at 30.6°N (spherical approximation; good enough for a synthetic layout). */
const M_PER_DEG_LAT = 110_860;
const M_PER_DEG_LON = 95_850;

const CLUSTERS = [
  ["selenium-food-pharma", "14"],
  ["building-materials", "30"],
  ["machinery-electronics", "34"],
  ["resource-recycling", "42"],
  ["garments", "18"],
  ["photovoltaic", "44"],
  ["electronic-components", "39"],
] as const;
const STATUSES = [
  "in-production",
  "in-production",
  "in-production",
  "completed",
  "under-construction",
  "not-started",
  "halted",
] as const;

const round = (x: number, dp: number) => {
  const m = 10 ** dp;
  return Math.round(x * m) / m;
};

function isoDate(rand: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(rand() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * @param n number of parcels
 * @param seed PRNG seed (default 1)
 * @returns a lon/lat FeatureCollection with top-level `surveyDate` and `synthetic: true`
 * @example syntheticParcels(10_000).features.length // 10000
 */
export function syntheticParcels(
  n: number,
  seed = 1,
): FeatureCollection<Polygon> & { surveyDate: string; synthetic: true } {
  const rand = mulberry32(seed);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(n)));
  const cell = 160; // metres between parcel origins
  const road = 20; // metres of road between parcels
  const features: Feature<Polygon>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    const w = (cell - road) * (0.55 + 0.45 * rand());
    const h = (cell - road) * (0.55 + 0.45 * rand());
    const x0 = col * cell;
    const y0 = row * cell;
    const lon = (x: number) => round(ORIGIN_LON + x / M_PER_DEG_LON, 7);
    const lat = (y: number) => round(ORIGIN_LAT + y / M_PER_DEG_LAT, 7);
    const ring = [
      [lon(x0), lat(y0)],
      [lon(x0 + w), lat(y0)],
      [lon(x0 + w), lat(y0 + h)],
      [lon(x0), lat(y0 + h)],
      [lon(x0), lat(y0)],
    ];
    const areaM2 = w * h;
    const mu = m2ToMu(areaM2);
    const [cluster, industryCode] = CLUSTERS[Math.floor(rand() * CLUSTERS.length)] ?? CLUSTERS[0];
    const status = STATUSES[Math.floor(rand() * STATUSES.length)] ?? "in-production";
    const producing = status === "in-production" || status === "completed";
    const started = status !== "not-started";
    const investPerMu = 60 + rand() * 400;
    const outputPerMu = producing ? 40 + rand() * 500 : 0;
    const zone = i % 3 === 2 ? "dayangbang" : "huangtukan";
    const prefix = zone === "huangtukan" ? "HTK" : "DYB";
    const properties: Record<string, unknown> = {
      id: `${prefix}-S${String(i + 1).padStart(6, "0")}`,
      name: `合成地块 ${i + 1}`,
      zone,
      landUse: rand() < 0.85 ? "100102" : "1101",
      landStatus: "supplied",
      enterprise: `合成企业${(i % 997) + 1}有限公司`,
      industryCode,
      industryCluster: cluster,
      landAreaM2: round(areaM2 * (1 + (rand() - 0.5) * 0.004), 2),
      floorAreaM2: started ? round(areaM2 * (0.3 + rand() * 1.2), 2) : 0,
      footprintAreaM2: started ? round(areaM2 * (0.2 + rand() * 0.4), 2) : 0,
      greenAreaM2: round(areaM2 * rand() * 0.25, 2),
      adminAreaM2: round(areaM2 * rand() * 0.09, 2),
      developedAreaM2: started ? round(areaM2 * (0.1 + rand() * 0.9), 2) : 0,
      fixedInvestment: round(investPerMu * mu * (started ? 1 : 0.05), 2),
      contractInvestment: round(investPerMu * mu * 1.2, 2),
      landPrice: round(mu * (8 + rand() * 6), 2),
      outputValue: round(outputPerMu * mu, 2),
      revenue: round(outputPerMu * mu * 0.95, 2),
      valueAdded: round(outputPerMu * mu * (0.18 + rand() * 0.12), 2),
      taxRevenue: round(outputPerMu * mu * (0.01 + rand() * 0.05), 2),
      employees: producing ? 10 + Math.floor(rand() * 300) : 0,
      energyTce: producing ? round(mu * (5 + rand() * 60), 1) : 0,
      rdExpense: producing ? round(outputPerMu * mu * rand() * 0.03, 2) : 0,
      aboveScale: producing && rand() < 0.25,
      highTech: producing && rand() < 0.2,
      supplyDate: isoDate(rand, 2015, 2023),
      agreedStartDate: isoDate(rand, 2016, 2025),
      actualStartDate: started ? isoDate(rand, 2016, 2025) : null,
      constructionStatus: status,
      haltedSince: status === "halted" ? isoDate(rand, 2022, 2025) : null,
      governmentCause: rand() < 0.05,
    };
    features[i] = { type: "Feature", geometry: { type: "Polygon", coordinates: [ring] }, properties };
  }
  return { type: "FeatureCollection", surveyDate: "2026-06-30", synthetic: true, features };
}
