/**
 * A zip holding several Shapefiles (parcels beside roads, facilities, a second parcel layer): one
 * layer is read, chosen by name (`--layer`, or in the import preview), else the default — the
 * polygon layer with the most features (the first such in the zip on a tie). What was chosen and
 * what else the zip holds is said in one sentence (points and lines named as not parcels). One rule
 * for the CLI and the browser.
 */
import type { Problem } from "../types";
import type { RawFeatureSet, ShapefileLayer } from "./types";

/** A layer as the preview lists it. */
export interface LayerChoice {
  name: string;
  archive: string;
  shapeType: string;
  polygons: boolean;
  /** Features read (polygon layers) or records in the file (other layers), when known. */
  count?: number;
  chosen: boolean;
}

/** Shape type names in Chinese (Z and M variants are the same kind of shape). */
const SHAPE_ZH: Record<string, string> = {
  Point: "点",
  MultiPoint: "多点",
  PolyLine: "线",
  Polygon: "面",
  MultiPatch: "多面体",
  Null: "空",
};
const SHAPE_EN: Record<string, string> = {
  Point: "points",
  MultiPoint: "multipoints",
  PolyLine: "lines",
  Polygon: "polygons",
  MultiPatch: "multipatches",
  Null: "no shapes",
};
const kind = (t: string) => t.replace(/[ZM]$/, "");

const countOf = (s: RawFeatureSet): number | undefined =>
  s.layer?.polygons ? s.features.length : s.layer?.records;

/**
 * A layer in words: `设施（点，不是宗地）`, `预留地（面，1 个要素）`; `withName: false` gives the
 * bracketed part alone (`点，不是宗地`) for the preview's list.
 */
export function describeLayer(
  l: Pick<LayerChoice, "name" | "shapeType" | "polygons" | "count">,
  lang: "zh" | "en",
  withName = true,
): string {
  const t = kind(l.shapeType);
  const n = l.count;
  if (lang === "zh") {
    const what = `${SHAPE_ZH[t] ?? l.shapeType}，${l.polygons ? `${n ?? "?"} 个要素` : "不是宗地"}`;
    return withName ? `${l.name}（${what}）` : what;
  }
  const what = `${SHAPE_EN[t] ?? l.shapeType}, ${l.polygons ? `${n ?? "?"} feature${n === 1 ? "" : "s"}` : "not parcels"}`;
  return withName ? `${l.name} (${what})` : what;
}

const describeSet = (s: RawFeatureSet & { layer: ShapefileLayer }, lang: "zh" | "en") => {
  const count = countOf(s);
  return describeLayer({ ...s.layer, ...(count !== undefined ? { count } : {}) }, lang);
};

const matches = (layer: ShapefileLayer, wanted: string) => {
  const w = wanted
    .trim()
    .replace(/\.shp$/i, "")
    .toLowerCase();
  const name = layer.name.toLowerCase();
  return name === w || (name.split(/[/\\]/).pop() ?? name) === w;
};

/**
 * Keep one layer of each zip that holds several; every other set is kept as it is.
 *
 * @param wanted the layer the user named (its path in the zip or its file name, `.shp` optional)
 * @returns the sets to read, the layers of multi-layer zips for the preview, and problems: info
 *   `several-layers` naming the choice and the others, fatal `layer-not-found` when `wanted`
 *   names no layer
 * @example chooseLayers(readShapefile([zip], {}), "宗地").sets.length // 1
 */
export function chooseLayers(
  sets: RawFeatureSet[],
  wanted?: string,
): { sets: RawFeatureSet[]; layers: LayerChoice[]; problems: Problem[] } {
  const byArchive = new Map<string, (RawFeatureSet & { layer: ShapefileLayer })[]>();
  for (const s of sets) {
    if (s.layer?.archive === undefined) continue;
    const list = byArchive.get(s.layer.archive) ?? [];
    list.push(s as RawFeatureSet & { layer: ShapefileLayer });
    byArchive.set(s.layer.archive, list);
  }
  const all = sets.filter((s): s is RawFeatureSet & { layer: ShapefileLayer } => s.layer !== undefined);
  if (wanted !== undefined && wanted.trim() !== "" && !all.some((s) => matches(s.layer, wanted))) {
    const problem: Problem = {
      severity: "error",
      code: "layer-not-found",
      fatal: true,
      ...(all[0]?.layer.archive ? { file: all[0].layer.archive } : {}),
      params: { raw: wanted, layers: all.map((s) => s.layer.name).join("、") },
    };
    return { sets: [], layers: [], problems: [problem] };
  }
  const dropped = new Set<RawFeatureSet>();
  const layers: LayerChoice[] = [];
  const problems: Problem[] = [];
  for (const [archive, list] of byArchive) {
    if (list.length < 2) continue;
    const named = wanted !== undefined ? list.find((s) => matches(s.layer, wanted)) : undefined;
    let chosen = named;
    if (!chosen) {
      // the polygon layer with the most features; the first in the zip on a tie
      for (const s of list)
        if (s.layer.polygons && (!chosen || s.features.length > chosen.features.length)) chosen = s;
      chosen ??= list[0];
    }
    for (const s of list) {
      if (s !== chosen) dropped.add(s);
      const count = countOf(s);
      layers.push({
        name: s.layer.name,
        archive,
        shapeType: s.layer.shapeType,
        polygons: s.layer.polygons,
        ...(count !== undefined ? { count } : {}),
        chosen: s === chosen,
      });
    }
    if (!chosen) continue;
    const others = list.filter((s) => s !== chosen);
    problems.push({
      severity: "info",
      code: "several-layers",
      file: archive,
      params: {
        count: list.length,
        used: chosen.layer.name,
        reason_zh: named ? "所指定的图层" : "要素最多的面图层",
        reason_en: named ? "the layer named" : "the polygon layer with the most features",
        used_zh: describeSet(chosen, "zh"),
        used_en: describeSet(chosen, "en"),
        others_zh: others.map((s) => describeSet(s, "zh")).join("、"),
        others_en: others.map((s) => describeSet(s, "en")).join(", "),
      },
    });
  }
  return { sets: sets.filter((s) => !dropped.has(s)), layers, problems };
}
