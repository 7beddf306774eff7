/**
 * Texts of the user's edits: undo/redo step names ("撤销：修改 HTK-012 累计固定资产投资"), the
 * "edited" mark and original value, and why a typed value was refused (nothing is changed then —
 * unlike an import, where such a value is set aside as missing).
 */

import { isFacilityKind } from "../domain/coverage";
import type { EditStep, StepLabel } from "../domain/edits";
import { fieldInfo } from "../domain/fields";
import type { ParseIssue } from "../io/numbers";
import { type Bilingual, fill, type Lang } from "./lang";
import { MEETING_STEP_TEXT, meetingStepParams } from "./meeting";
import { FACILITY_KIND_TEXT, FACILITY_STEP_TEXT } from "./planner";
import { SCENARIO_STEP_TEXT } from "./scenarios";
import { TARGET_FIELD_TEXT, TARGET_STEP_TEXT } from "./targets";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** Step names by label code; `{field}` is the field's label in the language. */
export const STEP_TEXT: Record<string, Bilingual> = {
  "edit-field": b("修改 {parcelId} {field}", "edit {parcelId} {field}"),
  "revert-field": b("恢复 {parcelId} {field} 原值", "revert {parcelId} {field}"),
  "edit-fields": b(
    "批量修改 {parcels} 宗地块（{count} 处）",
    "bulk edit of {parcels} parcels ({count} values)",
  ),
  // a dataset step (src/ui/loadData.ts importLabel, src/ui/project.ts openProjectLabel)
  "import-dataset": b("导入 {file}", "import {file}"),
  "open-project": b("打开项目 {file}", "open project {file}"),
  // the import dialog's zone notice: the same files in another CRS (src/ui/import/)
  "reimport-dataset": b("按 {crs} 重新导入 {file}", "import {file} again in {crs}"),
};
const STEP_FALLBACK = b("更改", "change");

export const EDIT_UI = {
  undo: b("撤销", "Undo"),
  redo: b("重做", "Redo"),
  undoStep: b("撤销：{step}", "Undo: {step}"),
  redoStep: b("重做：{step}", "Redo: {step}"),
  nothingToUndo: b("没有可撤销的操作", "Nothing to undo"),
  nothingToRedo: b("没有可重做的操作", "Nothing to redo"),
  edited: b("已修改", "edited"),
  original: b("原值 {value}", "original {value}"),
  revert: b("恢复原值", "Revert"),
  revertField: b("恢复原值：{field}", "Revert {field}"),
  editHint: b("回车或离开输入框即保存，Esc 取消", "Enter or leaving the field saves, Esc cancels"),
  cellLabel: b("{field}（{id}）", "{field} ({id})"),
  refused: b("{field}：{why}，未作修改", "{field}: {why}; nothing was changed"),
  noValue: b("（空）", "(empty)"),
} satisfies Record<string, Bilingual>;
export type EditUiKey = keyof typeof EDIT_UI;

export function editText(key: EditUiKey, lang: Lang, params?: Record<string, unknown>): string {
  return params ? fill(EDIT_UI[key][lang], params) : EDIT_UI[key][lang];
}

/** The name of a step in `lang`, e.g. `修改 HTK-012 累计固定资产投资`. */
export function stepText(label: StepLabel, lang: Lang): string {
  const params: Record<string, unknown> = { ...label.params };
  const kind = label.params.kind;
  if (isFacilityKind(kind)) params.kindText = FACILITY_KIND_TEXT[kind][lang];
  const field = label.params.field;
  if (typeof field === "string") params.field = fieldInfo(field)?.[lang] ?? field;
  // targets steps: the target's name in the language, the changed field by name
  const target = lang === "zh" ? label.params.targetZh : label.params.targetEn;
  if (typeof target === "string") params.target = target;
  const what = label.params.what;
  if (typeof what === "string") params.what = TARGET_FIELD_TEXT[what]?.[lang] ?? what;
  const meeting = MEETING_STEP_TEXT[label.code];
  if (meeting) return fill(meeting[lang], { ...params, ...meetingStepParams(label.params, lang) });
  if (typeof label.params.indicator === "string")
    params.indicator = fieldInfo(label.params.indicator)?.[lang] ?? label.params.indicator;
  return fill(
    (STEP_TEXT[label.code] ??
      FACILITY_STEP_TEXT[label.code] ??
      TARGET_STEP_TEXT[label.code] ??
      SCENARIO_STEP_TEXT[label.code] ??
      STEP_FALLBACK)[lang],
    params,
  );
}

/** The undo button's name: `撤销：修改 HTK-012 累计固定资产投资`, or that there is nothing to undo. */
export function undoText(step: EditStep | undefined, lang: Lang): string {
  return step
    ? editText("undoStep", lang, { step: stepText(step.label, lang) })
    : editText("nothingToUndo", lang);
}

export function redoText(step: EditStep | undefined, lang: Lang): string {
  return step
    ? editText("redoStep", lang, { step: stepText(step.label, lang) })
    : editText("nothingToRedo", lang);
}

/** Why a typed value cannot be used, by the parser's issue code. */
const ISSUE_TEXT: Record<string, Bilingual> = {
  "unparseable-number": b("「{raw}」不是可识别的数值", "“{raw}” is not a number"),
  "unit-mismatch": b(
    "单位「{unit}」与该字段（{fieldUnit}）不符",
    "the unit “{unit}” does not fit this field ({fieldUnit})",
  ),
  "negative-value": b("「{raw}」为负数", "“{raw}” is negative"),
  "not-integer": b("「{raw}」应为整数", "“{raw}” should be a whole number"),
  "unparseable-boolean": b("「{raw}」不是“是”或“否”", "“{raw}” is not yes or no"),
  "excel-serial-date": b(
    "「{raw}」像是 Excel 日期序号，请写作 YYYY-MM-DD",
    "“{raw}” looks like an Excel serial number; write YYYY-MM-DD",
  ),
  "unparseable-date": b("「{raw}」不是可识别的日期（应为 YYYY-MM-DD）", "“{raw}” is not a date (YYYY-MM-DD)"),
  "invalid-date": b("日期「{raw}」不存在", "the date “{raw}” does not exist"),
  "unknown-enum": b("「{raw}」不是可选的取值", "“{raw}” is not one of the allowed values"),
};
const ISSUE_FALLBACK = b("「{raw}」无法使用", "“{raw}” cannot be used");

/** A refused value as one sentence: `累计固定资产投资：「约100」不是可识别的数值，未作修改`. */
export function refusedText(fieldKey: string, issue: ParseIssue, lang: Lang, fieldUnit = ""): string {
  const why = fill((ISSUE_TEXT[issue.code] ?? ISSUE_FALLBACK)[lang], { ...issue.params, fieldUnit });
  return editText("refused", lang, { field: fieldInfo(fieldKey)?.[lang] ?? fieldKey, why });
}
