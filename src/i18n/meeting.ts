/**
 * Texts of the land review meeting (issue 9): meeting mode, the agenda, the 处置决定 control, the
 * rule warnings of a decision, the steps the meeting records, and the minutes (the CSV's headers
 * and the `MinutesDoc` the print helper renders), in zh and en.
 */
import { currentAgenda } from "../domain/agenda";
import { checkDecision, type DecisionWarning, type MeetingWork } from "../domain/decisions";
import { DECISION_LABELS, isDecisionKind, type MeetingSetup, memberLabel } from "../domain/meeting";
import type { AnalysedParcel, IdleStatus } from "../domain/types";
import { IDLE_STATUS_LABELS } from "../domain/vocabulary";
import { parkZoneName } from "../domain/zones";
import type { MinutesCsvText, MinutesDoc, MinutesTrail } from "../io/minutes-csv";
import { EXPORT_TEXT } from "./exports";
import { type Bilingual, fill, type Lang } from "./lang";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** The key that enters and leaves meeting mode (no modifier, outside text fields). */
export const MEETING_KEY = "m";

export const MEETING_UI = {
  enter: b("会议模式", "Meeting mode"),
  enterTitle: b(
    "会议模式：投影汇报、议程、处置决定（快捷键 M）",
    "Meeting mode: projector, agenda, decisions (key M)",
  ),
  leave: b("退出会议模式", "Leave meeting mode"),
  leaveTitle: b(
    "退出会议模式，恢复原来的界面（快捷键 M）",
    "Leave meeting mode and restore the layout (key M)",
  ),
  setup: b("会议信息", "Meeting"),
  title: b("会议名称", "Title"),
  defaultTitle: b(
    "建始县工业园区土地利用联席会议",
    "Jianshi County Industrial Park joint meeting on land use",
  ),
  date: b("会议日期", "Date"),
  place: b("会议地点", "Place"),
  chair: b("主持人", "Chair"),
  attendees: b("参会单位", "Attending members"),
  recorder: b("记录人", "Recorder"),
  recorderHint: b(
    "本次会议的每项处置决定都记录记录人与时间（全过程留痕）",
    "Every decision records the recorder and the time (full audit trail)",
  ),
  departments: b("责任单位清单（每行一个）", "Responsible departments (one a line)"),
  saveSetup: b("保存会议信息", "Save meeting details"),
  setupSaved: b("会议信息已保存", "Meeting details saved"),
  needSetup: b(
    "请先填写会议信息并选择记录人，再记录处置决定",
    "Fill in the meeting details and choose the recorder before recording decisions",
  ),
  agenda: b("会议议程", "Agenda"),
  agendaDefault: b(
    "默认议程：腾笼换鸟候选地块（按处置优先级），再列未达标地块（按亩均效益得分由低到高）",
    "Default agenda: reallocation candidates (by disposal priority), then below-standard parcels (by efficiency score, lowest first)",
  ),
  agendaCustom: b("议程已由主持人调整", "Agenda arranged by the chair"),
  agendaReset: b("恢复默认议程", "Back to the default agenda"),
  agendaEmpty: b(
    "没有候选或未达标地块；可在下方按编号添加地块",
    "No candidates or below-standard parcels; add parcels by id below",
  ),
  agendaMissing: b(
    "议程中 {n} 宗地块不在当前数据中，已略过：{ids}",
    "{n} agenda parcels are not in the current data and were skipped: {ids}",
  ),
  addParcel: b("添加地块（宗地编号）", "Add a parcel (id)"),
  add: b("添加", "Add"),
  addUnknown: b("没有编号为「{id}」的地块", "No parcel has the id “{id}”"),
  remove: b("移出议程", "Remove from agenda"),
  moveUp: b("上移", "Move up"),
  moveDown: b("下移", "Move down"),
  reorderHint: b(
    "拖动排序，或选中后按 Alt+↑/Alt+↓ 移动",
    "Drag to reorder, or focus an item and press Alt+↑/Alt+↓",
  ),
  itemLabel: b("第 {n} 项：{id}", "Item {n}: {id}"),
  start: b("开始逐项审议", "Start the review"),
  keysHint: b(
    "→ / PageDown 下一项 · ← / PageUp 上一项 · Home / Esc 返回总览 · M 退出",
    "→ / PageDown next · ← / PageUp previous · Home / Esc overview · M leave",
  ),
  progress: b("第 {n} 项 / 共 {total} 项", "Item {n} of {total}"),
  overview: b("总览", "Overview"),
  overviewProgress: b("总览 · 共 {total} 项", "Overview · {total} items"),
  toOverview: b("返回总览", "Back to overview"),
  next: b("下一项", "Next"),
  previous: b("上一项", "Previous"),
  candidate: b("腾笼换鸟候选", "Reallocation candidate"),
  belowStandard: b("未达标", "Below standard"),
  manual: b("主持人添加", "Added by the chair"),
  indicators: b("指标与标准", "Indicators against standards"),
  noChecks: b("本地块没有适用的控制指标", "No standards apply to this parcel"),
  idle: b("闲置认定", "Idle land"),
  idleFee: b("闲置费 {fee} 万元", "Idle fee {fee} (10k yuan)"),
  reasons: b("原因", "Reasons"),
  area: b("面积 {mu} 亩（{m2} 平方米）", "Area {mu} mu ({m2} m²)"),
  potential: b("按标准引进合规项目可带来", "A compliant project on this land would bring"),
  potentialInvestment: b("固定资产投资 ≥ {v} 万元", "fixed investment ≥ {v} (10k yuan)"),
  potentialOutput: b("年产值 ≥ {v} 万元（现 {now}）", "yearly output ≥ {v} (10k yuan; now {now})"),
  potentialTax: b("年税收 ≥ {v} 万元（现 {now}）", "yearly tax ≥ {v} (10k yuan; now {now})"),
  potentialNone: b(
    "标准未规定投资、产值或税收下限",
    "The standards set no minimum investment, output or tax",
  ),
  notes: b("备注与照片", "Notes and photos"),
  addNote: b("添加备注", "Add a note"),
  addPhoto: b("添加照片", "Add a photo"),
  photoTooLarge: b("照片压缩后仍过大，未添加", "The photo is too large even when reduced; not added"),
  photoUnreadable: b("无法读取照片「{file}」", "Cannot read the photo “{file}”"),
  deleteAttachment: b("删除", "Delete"),
  attachedBy: b("{by} 添加于 {at}", "added by {by} at {at}"),
  decision: b("处置决定", "Decision"),
  decisionNone: b("（未作决定）", "(no decision)"),
  department: b("责任单位", "Responsible department"),
  deadline: b("完成期限", "Deadline"),
  note: b("说明", "Note"),
  record: b("记录决定", "Record decision"),
  clear: b("撤回决定", "Withdraw decision"),
  recorded: b("已记录：{decision} · 记录人 {by} · {at}", "Recorded: {decision} · recorded by {by} · {at}"),
  warningTitle: b("规则提示（可记录，但请确认）", "Rule warning (may be recorded; please confirm)"),
  exportCsv: b("导出会议纪要", "Export minutes"),
  exportCsvTitle: b("会议纪要 CSV（Excel 可直接打开）", "Minutes as CSV (opens in Excel)"),
  exportPdf: b("会议纪要 PDF", "Minutes PDF"),
  exported: b("已导出 {file}", "Exported {file}"),
  pdfNotReady: b("会议纪要 PDF 尚未接入打印模块", "The minutes PDF is not connected to the print module yet"),
  syntheticNotice: b("合成示例数据 · 非真实宗地", "Synthetic sample data · not real parcels"),
  noData: b("尚未加载地块数据", "No parcels loaded"),
  notInData: b("地块 {id} 不在当前数据中", "Parcel {id} is not in the current data"),
  minutesFile: b("会议纪要", "minutes"),
} satisfies Record<string, Bilingual>;
export type MeetingUiKey = keyof typeof MEETING_UI;

export function meetingText(key: MeetingUiKey, lang: Lang, params?: Record<string, unknown>): string {
  return params ? fill(MEETING_UI[key][lang], params) : MEETING_UI[key][lang];
}

const status = (s: unknown, lang: Lang) =>
  typeof s === "string" && Object.hasOwn(IDLE_STATUS_LABELS, s)
    ? IDLE_STATUS_LABELS[s as IdleStatus][lang]
    : String(s);

const WARNING_TEXT: Record<DecisionWarning["code"], Bilingual> = {
  "recovery-not-idle-2y": b(
    "无偿收回须满两年未动工（闲置土地处置办法第十四条），本地块为「{statusText}」",
    "Recovery without compensation needs two full years without a start (53号令 art. 14); this parcel is “{statusText}”",
  ),
  "recovery-government-cause": b(
    "本地块闲置由政府原因造成，任何期限均不适用无偿收回（第八条），可与用地者协商处置（第十二条）",
    "The delay was the government's: recovery without compensation never applies (art. 8); disposal may be agreed with the holder (art. 12)",
  ),
  "fee-no-fee-status": b(
    "闲置费只适用于闲置满一年或停建闲置的土地，本地块为「{statusText}」",
    "The idle fee applies only to land idle one year or halted; this parcel is “{statusText}”",
  ),
  "fee-government-cause": b(
    "本地块闲置由政府原因造成，不收取闲置费（第八条），可与用地者协商处置（第十二条）",
    "The delay was the government's: no idle fee (art. 8); disposal may be agreed with the holder (art. 12)",
  ),
  "rectify-no-deadline": b("限期整改应写明完成期限", "Rectify by a deadline: give the deadline"),
  "deadline-before-meeting": b(
    "完成期限 {deadline} 早于会议日期 {date}",
    "The deadline {deadline} is before the meeting date {date}",
  ),
};

/** A rule warning as a sentence. */
export function warningText(w: DecisionWarning, lang: Lang): string {
  return fill(WARNING_TEXT[w.code][lang], { ...w.params, statusText: status(w.params.status, lang) });
}

export function decisionLabel(kind: unknown, lang: Lang): string {
  return isDecisionKind(kind) ? DECISION_LABELS[kind][lang] : String(kind);
}

/** Step names of the meeting's edits (the undo button, the history). */
export const MEETING_STEP_TEXT: Record<string, Bilingual> = {
  "meeting-decision": b(
    "处置决定 {parcelId}：{decisionText}（记录人 {recorderText}）",
    "decision on {parcelId}: {decisionText} (recorded by {recorderText})",
  ),
  "meeting-decision-clear": b("撤回 {parcelId} 的处置决定", "withdraw the decision on {parcelId}"),
  "meeting-setup": b("会议信息 {date}", "meeting details {date}"),
  "meeting-agenda": b("调整议程（{count} 项）", "arrange the agenda ({count} items)"),
  "meeting-attach": b("为 {parcelId} 添加{typeText}", "add a {typeText} to {parcelId}"),
  "meeting-detach": b("删除 {parcelId} 的{typeText}", "delete a {typeText} of {parcelId}"),
};

/** Extra params the meeting's step texts need, from a label's own params. */
export function meetingStepParams(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ("decision" in params) out.decisionText = decisionLabel(params.decision, lang);
  if (typeof params.recorder === "string") out.recorderText = memberLabel(params.recorder, lang);
  if (params.type === "note" || params.type === "photo")
    out.typeText =
      params.type === "note" ? (lang === "zh" ? "备注" : "note") : lang === "zh" ? "照片" : "photo";
  return out;
}

/** The minutes CSV's headers and fixed cells in `lang`. */
export function minutesCsvText(lang: Lang): MinutesCsvText {
  const h = (zh: string, en: string) => (lang === "zh" ? zh : en);
  return {
    synthetic: { column: EXPORT_TEXT.syntheticColumn[lang], cell: EXPORT_TEXT.syntheticCell[lang] },
    listSeparator: lang === "zh" ? "、" : "; ",
    headers: {
      title: h("会议名称", "Meeting"),
      date: h("会议日期", "Date"),
      place: h("会议地点", "Place"),
      chair: h("主持人", "Chair"),
      attendees: h("参会单位", "Attendees"),
      recorder: h("记录人", "Recorder"),
      index: h("序号", "No."),
      parcelId: h("宗地编号", "Parcel id"),
      zone: h("片区", "Zone"),
      enterprise: h("企业名称", "Enterprise"),
      areaMu: h("面积(亩)", "Area (mu)"),
      decision: h("处置决定", "Decision"),
      department: h("责任单位", "Responsible department"),
      deadline: h("完成期限", "Deadline"),
      note: h("说明", "Note"),
      warning: h("规则提示", "Rule warning"),
      recordedAt: h("记录时间", "Recorded at"),
      recordedBy: h("决定记录人", "Recorded by"),
    },
  };
}

/** An ISO date-time as local `YYYY-MM-DD HH:MM` (the trail's time in the minutes). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export interface MinutesInput {
  parcels: readonly AnalysedParcel[];
  work: MeetingWork;
  synthetic: boolean;
  /** Used when no meeting was set up (the meeting date then defaults to it). */
  today: string;
}

/**
 * The minutes document (issue 9 contract `MinutesDoc`, for the print helper's PDF and the CSV):
 * one row per agenda parcel in agenda order, then decided parcels no longer on the agenda; rows
 * without a decision say so. Also the trail (when and by whom each decision was recorded).
 */
export function buildMinutesDoc(input: MinutesInput, lang: Lang): { doc: MinutesDoc; trail: MinutesTrail } {
  const { parcels, work } = input;
  const setup: MeetingSetup | null = work.setup;
  const byId = new Map(parcels.map((p) => [p.input.id, p]));
  const agenda = currentAgenda(parcels, work.agenda).ids;
  const ids = [...agenda, ...[...work.decisions.keys()].filter((id) => !agenda.includes(id))];
  const sep = lang === "zh" ? "；" : "; ";
  const rows: MinutesDoc["rows"] = [];
  const recorded: MinutesTrail["recorded"] = [];
  for (const id of ids) {
    const p = byId.get(id);
    const rec = work.decisions.get(id);
    const d = rec?.decision;
    const warnings = d ? checkDecision(d, p, setup?.date) : [];
    const zone = p?.input.zone;
    rows.push({
      parcelId: id,
      zone: zone ? (parkZoneName(zone, lang) ?? zone) : "",
      ...(p?.input.enterprise ? { enterprise: p.input.enterprise } : {}),
      areaMu: p?.computed.areaMu ?? 0,
      decision: d ? decisionLabel(d.kind, lang) : meetingText("decisionNone", lang),
      department: d ? memberLabel(d.department, lang) : "",
      ...(d?.deadline ? { deadline: d.deadline } : {}),
      ...(d?.note ? { note: d.note } : {}),
      ...(warnings.length > 0 ? { warning: warnings.map((w) => warningText(w, lang)).join(sep) } : {}),
    });
    recorded.push({ at: rec ? localDateTime(rec.at) : "", by: d ? memberLabel(d.recorder, lang) : "" });
  }
  const doc: MinutesDoc = {
    lang,
    synthetic: input.synthetic,
    meeting: {
      title: setup?.title || meetingText("defaultTitle", lang),
      date: setup?.date ?? input.today,
      place: setup?.place ?? "",
      chair: setup ? memberLabel(setup.chair, lang) : "",
      attendees: setup ? setup.attendees.map((a) => memberLabel(a, lang)) : [],
      recorder: setup ? memberLabel(setup.recorder, lang) : "",
    },
    rows,
  };
  return { doc, trail: { recorded } };
}
