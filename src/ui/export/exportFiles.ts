/**
 * What the export bar writes: the analysis result scoped to all parcels or the current filter,
 * serialised by the same writers as the CLI (`src/io/csv-write.ts`, `src/io/geojson-write.ts`),
 * and the file names (`建始工业园区地块_2026-06-30.csv`, with the as-of date). Pure, tested in
 * `tests/unit/ui/export-files.test.ts`; the browser download is `download.ts`.
 */
import type { AnalysedParcel, AnalysisResult } from "../../domain/types";
import {
  csvSyntheticMark,
  EXPORT_TEXT,
  editedFieldsOptions,
  geoJsonSyntheticMark,
  shapefileTexts,
} from "../../i18n/exports";
import type { Lang } from "../../i18n/lang";
import { csvChunks } from "../../io/csv-write";
import { geoJsonChunks } from "../../io/geojson-write";

export type ExportScope = "all" | "filter";
export type ExportFormat = "csv" | "geojson" | "png" | "shp";
/** Coordinates of an export: lon/lat (经纬度, RFC 7946) or the data's own CRS (原坐标系). */
export type ExportCrs = "lonlat" | "source";

/** The result restricted to `rows` (the filtered parcels), or unchanged for scope `all`. */
export function scopedResult(
  result: AnalysisResult,
  scope: ExportScope,
  rows: readonly AnalysedParcel[],
): AnalysisResult {
  if (scope === "all" || rows === result.parcels) return result;
  return { ...result, parcels: [...rows] };
}

const BASE: Record<"parcels" | "map", Record<Lang, string>> = {
  parcels: { zh: "建始工业园区地块", en: "Jianshi-industrial-park-parcels" },
  map: { zh: "建始工业园区地图", en: "Jianshi-industrial-park-map" },
};
const FILTERED: Record<Lang, string> = { zh: "筛选", en: "filtered" };

/**
 * The download file name, e.g. `建始工业园区地块_2026-06-30.csv`, `建始工业园区地块_筛选_2026-06-30.geojson`,
 * `Jianshi-industrial-park-map_2026-06-30.png`; a synthetic dataset's files say so
 * (`建始工业园区地块_合成示例_2026-06-30.csv`), so the name alone gives it away.
 */
export function exportFileName(
  format: ExportFormat,
  lang: Lang,
  asOf: string,
  scope: ExportScope = "all",
  synthetic = false,
): string {
  const base = BASE[format === "png" ? "map" : "parcels"][lang];
  const parts = [base];
  if (synthetic) parts.push(EXPORT_TEXT.syntheticFile[lang]);
  if (scope === "filter" && format !== "png") parts.push(FILTERED[lang]);
  parts.push(asOf);
  return `${parts.join("_")}.${format === "shp" ? "zip" : format}`;
}

export const MIME: Record<ExportFormat, string> = {
  csv: "text/csv;charset=utf-8",
  geojson: "application/geo+json",
  png: "image/png",
  shp: "application/zip",
};

/** The output CRS code for a choice: the dataset's source CRS, or EPSG:4326 when it has none. */
export function exportCrsCode(choice: ExportCrs, sourceCrs: string | undefined): string {
  return choice === "source" && sourceCrs ? sourceCrs : "EPSG:4326";
}

/**
 * A zipped Shapefile of the result (`src/io/shapefile-write.ts`: GBK `.dbf`, Esri `.prj`, the
 * field legend and README in `lang`), in `outCrs`. The writer and its zip library load on the
 * first Shapefile export, not with the page.
 */
export async function exportShapefile(
  result: AnalysisResult,
  lang: Lang,
  outCrs: string,
  synthetic = false,
): Promise<Uint8Array<ArrayBuffer>> {
  const { writeShapefileZip } = await import("../../io/shapefile-write");
  const { bytes } = writeShapefileZip(result, { outCrs, ...shapefileTexts(lang, outCrs, synthetic) });
  return bytes as Uint8Array<ArrayBuffer>;
}

/**
 * The parts of a CSV (headers and values in `lang`) or GeoJSON export, as the writers yield them:
 * handed to `new Blob(parts)` so a 100,000-parcel export never becomes one several-hundred-MB
 * string. A synthetic dataset's export is marked (the CSV's first column, the GeoJSON's `jiyue`).
 */
export function exportParts(
  result: AnalysisResult,
  format: "csv" | "geojson",
  lang: Lang,
  synthetic = false,
  outCrs = "EPSG:4326",
): string[] {
  // Parcels edited in the app: their edited fields are listed (the values are the edited ones).
  const edited = editedFieldsOptions(result, lang);
  if (format === "csv")
    return [
      ...csvChunks(result, {
        lang,
        ...(synthetic ? { synthetic: csvSyntheticMark(lang) } : {}),
        ...edited.csv,
      }),
    ];
  return [
    ...geoJsonChunks(result, {
      ...(synthetic ? { synthetic: geoJsonSyntheticMark(lang) } : {}),
      ...edited.geojson,
      ...(outCrs !== "EPSG:4326" ? { outCrs } : {}),
    }),
  ];
}

/** The whole text of an export (tests and small exports). */
export function exportText(
  result: AnalysisResult,
  format: "csv" | "geojson",
  lang: Lang,
  synthetic = false,
): string {
  return exportParts(result, format, lang, synthetic).join("");
}
