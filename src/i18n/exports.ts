/**
 * Texts written into exports and shown about them: the synthetic-data mark of the CSV column,
 * the GeoJSON `jiyue` member and the PNG, the edited-fields column, the sample-context notice.
 */
import { editedFieldsById } from "../domain/edits";
import type { AnalysisResult } from "../domain/types";
import type { Bilingual, Lang } from "./lang";

export const EXPORT_TEXT = {
  syntheticColumn: { zh: "数据性质", en: "Data" },
  syntheticCell: { zh: "合成示例数据（非真实）", en: "Synthetic sample data (not real)" },
  syntheticNotice: {
    zh: "合成示例数据：地块、企业和数值均为合成的示例数据，仅用于演示，并非建始县工业园区的真实宗地，不得作为决策依据。",
    en: "Synthetic sample data: the parcels, enterprises and figures are synthetic, for illustration only — not the real parcels of Jianshi County Industrial Park; not a basis for decisions.",
  },
  /** Drawn on the PNG of a synthetic dataset's map. */
  syntheticImage: { zh: "合成示例数据 · 非真实宗地", en: "Synthetic sample data · not real parcels" },
  /** File-name part of a synthetic dataset's exports. */
  syntheticFile: { zh: "合成示例", en: "synthetic-sample" },
  editedFieldsColumn: { zh: "已修改字段", en: "Edited fields" },
  /** README.txt of a Shapefile export ({crs}: the output CRS). */
  shpReadme: {
    zh: "集约 · 宗地分析结果（Shapefile）\n坐标系：{crs}（见 .prj）；属性表编码见 .cpg。\n字段名为不超过 10 字节的代码（如 ZDBH 宗地编号、TXMJ 图形面积），完整中英文名称和单位见 *_fields.csv。\n面积计算基准见字段 MJJZ。",
    en: "Jiyue · parcel analysis results (Shapefile)\nCRS: {crs} (see the .prj); the attribute encoding is in the .cpg.\nField names are codes of at most 10 bytes (e.g. ZDBH parcel ID, TXMJ planar area); full Chinese and English names and units are in *_fields.csv.\nThe area basis is in field MJJZ.",
  },
} satisfies Record<string, Bilingual>;

/** The CSV writer's synthetic column in `lang`. */
export function csvSyntheticMark(lang: Lang): { column: string; cell: string } {
  return { column: EXPORT_TEXT.syntheticColumn[lang], cell: EXPORT_TEXT.syntheticCell[lang] };
}

/** The Shapefile writer's texts in `lang`: README and, for a synthetic dataset, the SJXZ mark. */
export function shapefileTexts(
  lang: Lang,
  crs: string,
  synthetic: boolean,
): { readme: string; synthetic?: { cell: string; notice: string } } {
  return {
    readme: EXPORT_TEXT.shpReadme[lang].replace("{crs}", crs),
    ...(synthetic
      ? { synthetic: { cell: EXPORT_TEXT.syntheticCell[lang], notice: EXPORT_TEXT.syntheticNotice[lang] } }
      : {}),
  };
}

/** The GeoJSON writer's synthetic notice in `lang`. */
export function geoJsonSyntheticMark(lang: Lang): { notice: string } {
  return { notice: EXPORT_TEXT.syntheticNotice[lang] };
}

/**
 * The writers' edited-fields option for a result (issue 7): the CSV's last column `已修改字段` /
 * `Edited fields` and the GeoJSON's `editedFields`, present when any parcel was edited in the app.
 */
export function editedFieldsOptions(
  result: AnalysisResult,
  lang: Lang,
): {
  csv: { editedFields?: { column: string; byId: ReadonlyMap<string, readonly string[]> } };
  geojson: { editedFields?: ReadonlyMap<string, readonly string[]> };
} {
  const byId = editedFieldsById(result.parcels);
  if (!byId) return { csv: {}, geojson: {} };
  return {
    csv: { editedFields: { column: EXPORT_TEXT.editedFieldsColumn[lang], byId } },
    geojson: { editedFields: byId },
  };
}
