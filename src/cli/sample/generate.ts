/**
 * The synthetic sample dataset of the Jianshi County Industrial Park, generated from one seed.
 * `generateSample()` returns every file of `geodata/` (except the hand-written README) as text;
 * the same seed gives byte-identical files on every run (no clock, no Math.random, stable key
 * order, one feature per line, trailing newline).
 */
import type { Feature } from "geojson";
import { INPUT_FIELDS } from "../../domain/fields";
import { close } from "./geometry";
import {
  COUNTY_SEAT,
  centralUrbanAreaFeatures,
  facilityFeatures,
  roadFeatures,
  zoneFeatures,
} from "./layers";
import { layoutZone, ZONES } from "./layout";
import { buildParcels, type SampleParcel, SURVEY_DATE } from "./parcels";
import { mulberry32 } from "./prng";
import { PARK_STANDARDS } from "./standards";
import { PLAN_TARGETS } from "./targets-file";

/** The seed of the committed sample data. */
export const SAMPLE_SEED = 20260630;

export const SAMPLE_FILES = [
  "parcels.geojson",
  "zones.geojson",
  "roads.geojson",
  "facilities.geojson",
  "central-urban-area.geojson",
  "standards.json",
  "targets.json",
] as const;
export type SampleFile = (typeof SAMPLE_FILES)[number];

const DATASET = "建始县工业园区地块（合成示例数据）";

/** A FeatureCollection with foreign members first, one feature per line. */
function collection(header: Record<string, unknown>, features: readonly Feature[]): string {
  const head = Object.entries({ type: "FeatureCollection", ...header })
    .map(([k, v]) => `"${k}": ${JSON.stringify(v)},`)
    .join("\n");
  const body = features.map((f) => JSON.stringify(f)).join(",\n");
  return `{\n${head}\n"features": [\n${body}\n]\n}\n`;
}

/** Parcel properties in the order of the field catalogue (schema order), undefined left out. */
function orderedProps(p: SampleParcel["props"]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const src = p as unknown as Record<string, unknown>;
  for (const f of INPUT_FIELDS) if (src[f.key] !== undefined) out[f.key] = src[f.key];
  return out;
}

export interface Sample {
  files: Record<SampleFile, string>;
  parcels: SampleParcel[];
}

export function generateSample(seed: number = SAMPLE_SEED): Sample {
  const rng = mulberry32(seed);
  const layouts = ZONES.map((z) => layoutZone(rng, z));
  const parcels = buildParcels(rng, layouts, COUNTY_SEAT);
  const roads = roadFeatures(rng, layouts);
  const urban = centralUrbanAreaFeatures(rng);
  const meta = { synthetic: true, surveyDate: SURVEY_DATE };
  const parcelFeatures: Feature[] = parcels.map((p) => ({
    type: "Feature",
    properties: orderedProps(p.props),
    geometry: { type: "Polygon", coordinates: [close(p.ring)] },
  }));
  const files: Record<SampleFile, string> = {
    "parcels.geojson": collection({ name: DATASET, ...meta }, parcelFeatures),
    "zones.geojson": collection(
      { name: "建始县工业园区 片区范围（合成示例数据）", ...meta },
      zoneFeatures(layouts),
    ),
    "roads.geojson": collection({ name: "建始县工业园区 道路（合成示例数据）", ...meta }, roads),
    "facilities.geojson": collection(
      { name: "建始县工业园区 公共服务设施（合成示例数据）", ...meta },
      facilityFeatures(parcels),
    ),
    "central-urban-area.geojson": collection({ name: "建始县中心城区（业州镇，示意）", ...meta }, urban),
    "standards.json": `${JSON.stringify(PARK_STANDARDS, null, 2)}\n`,
    "targets.json": `${JSON.stringify(PLAN_TARGETS, null, 2)}\n`,
  };
  return { files, parcels };
}
