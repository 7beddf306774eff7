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
} satisfies Record<string, Bilingual>;

/** The CSV writer's synthetic column in `lang`. */
export function csvSyntheticMark(lang: Lang): { column: string; cell: string } {
  return { column: EXPORT_TEXT.syntheticColumn[lang], cell: EXPORT_TEXT.syntheticCell[lang] };
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
