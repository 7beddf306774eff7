/**
 * Decisions of the land review meeting (处置决定, issue 9) checked against the idle-land rules
 * (闲置土地处置办法 国土资源部令第53号; domain.md §5, §7), and the meeting's work read from the
 * edit history.
 *
 * Any decision may be recorded — the meeting decides, the tool does not — but one the rules do
 * not support is warned, with the reason, from the analysis' own results (idle status, idle
 * reasons, reallocation reasons), never by re-deriving the rules:
 * - 无偿收回 (`recovery-without-compensation`) for a parcel that is not idle two full years
 *   (`idleStatus` ≠ `idle-2y`; 第十四条), or whose delay the government caused (第八条: never, at
 *   any duration; disposal by agreement, 第十二条);
 * - 收取闲置费 (`idle-fee`) for a parcel whose status carries no fee (only `idle-1y` and
 *   `idle-halted` do; `idle-2y` means recovery, not a fee), or whose delay the government caused
 *   (the fee is 0);
 * - 限期整改 (`rectify`) without a deadline (the decision names one);
 * - a deadline before the meeting date.
 */
import type { AttachmentEdit, DecisionEdit, EditHistory, StepLabel } from "./edits";
import type { Attachment, Decision, DecisionKind, MeetingSetup } from "./meeting";
import type { AnalysedParcel, IdleStatus, IsoDate } from "./types";

/** Why a decision is not supported by the rules: a code and the values its sentence needs (i18n). */
export interface DecisionWarning {
  code:
    | "recovery-not-idle-2y"
    | "recovery-government-cause"
    | "fee-no-fee-status"
    | "fee-government-cause"
    | "rectify-no-deadline"
    | "deadline-before-meeting";
  params: Record<string, string | number | boolean | null>;
}

type Judged = Pick<AnalysedParcel, "computed" | "idleReasons">;

/** The delay was the government's, as the analysis says (a `government-cause` idle or reallocation reason). */
export function governmentCaused(p: Judged): boolean {
  return (
    p.computed.reallocationReasons.includes("government-cause") ||
    p.idleReasons.some((r) => r.code === "government-cause")
  );
}

/** Statuses for which the rules charge an idle fee (domain.md §5). */
const FEE_STATUSES: readonly IdleStatus[] = ["idle-1y", "idle-halted"];

/**
 * The rule warnings of a decision on a parcel (empty: the rules support it).
 * @param parcel the analysed parcel (`undefined`: not in the data — only the date checks apply)
 * @param meetingDate the meeting's date, for the deadline check
 * @example checkDecision({kind:"recovery-without-compensation", …}, idle1yParcel)
 * // [{code:"recovery-not-idle-2y", params:{status:"idle-1y"}}]
 */
export function checkDecision(
  decision: Pick<Decision, "kind" | "deadline">,
  parcel: Judged | undefined,
  meetingDate?: IsoDate,
): DecisionWarning[] {
  const out: DecisionWarning[] = [];
  const kind: DecisionKind = decision.kind;
  if (parcel) {
    const status = parcel.computed.idleStatus;
    const gov = governmentCaused(parcel);
    if (kind === "recovery-without-compensation") {
      if (status !== "idle-2y") out.push({ code: "recovery-not-idle-2y", params: { status } });
      if (gov) out.push({ code: "recovery-government-cause", params: { status } });
    }
    if (kind === "idle-fee") {
      if (!FEE_STATUSES.includes(status)) out.push({ code: "fee-no-fee-status", params: { status } });
      if (gov) out.push({ code: "fee-government-cause", params: { status } });
    }
  }
  if (kind === "rectify" && !decision.deadline) out.push({ code: "rectify-no-deadline", params: {} });
  if (decision.deadline && meetingDate && decision.deadline < meetingDate)
    out.push({ code: "deadline-before-meeting", params: { deadline: decision.deadline, date: meetingDate } });
  return out;
}

/** A decision as recorded, with when (the step's time) and by whom. */
export interface RecordedDecision {
  decision: Decision;
  /** ISO date-time of the step that recorded it. */
  at: string;
  stepId: string;
}

/** The meeting's work as the applied edits leave it. */
export interface MeetingWork {
  setup: MeetingSetup | null;
  /** The chair's agenda, `null` = the default agenda. */
  agenda: string[] | null;
  decisions: Map<string, RecordedDecision>;
  /** Per parcel id, its attachments in the order attached. */
  attachments: Map<string, Attachment[]>;
}

/** The meeting setup, agenda, decisions and attachments of the applied steps (the last edit wins). */
export function meetingWork(history: EditHistory): MeetingWork {
  let setup: MeetingSetup | null = null;
  let agenda: string[] | null = null;
  const decisions = new Map<string, RecordedDecision>();
  const byParcel = new Map<string, Map<string, Attachment>>();
  for (let i = 0; i < history.applied; i++) {
    const step = history.steps[i];
    if (!step) continue;
    for (const e of step.edits) {
      if (e.kind === "meeting-setup") setup = e.after;
      else if (e.kind === "agenda") agenda = e.after;
      else if (e.kind === "decision") {
        if (e.after) decisions.set(e.parcelId, { decision: e.after, at: step.at, stepId: step.id });
        else decisions.delete(e.parcelId);
      } else if (e.kind === "attachment") {
        let m = byParcel.get(e.parcelId);
        if (!m) {
          m = new Map();
          byParcel.set(e.parcelId, m);
        }
        if (e.after) m.set(e.attachmentId, e.after);
        else m.delete(e.attachmentId);
      }
    }
  }
  const attachments = new Map<string, Attachment[]>();
  for (const [id, m] of byParcel) if (m.size > 0) attachments.set(id, [...m.values()]);
  return { setup, agenda, decisions, attachments };
}

/** Label codes of the meeting's steps (i18n `STEP_TEXT` formats them). */
export const MEETING_STEP_CODES = {
  /** `{ parcelId, decision, recorder }` — decision: a `DecisionKind`. */
  decision: "meeting-decision",
  /** `{ parcelId, recorder }` */
  clearDecision: "meeting-decision-clear",
  /** `{ date }` */
  setup: "meeting-setup",
  /** `{ count }` */
  agenda: "meeting-agenda",
  /** `{ parcelId, type }` */
  attach: "meeting-attach",
  /** `{ parcelId, type }` */
  detach: "meeting-detach",
} as const;

/** The step recording `after` (or clearing the decision, `null`) on a parcel. */
export function decisionStep(
  parcelId: string,
  before: Decision | null,
  after: Decision | null,
  recorder: string,
): { label: StepLabel; edits: DecisionEdit[] } {
  const label: StepLabel = after
    ? { code: MEETING_STEP_CODES.decision, params: { parcelId, decision: after.kind, recorder } }
    : { code: MEETING_STEP_CODES.clearDecision, params: { parcelId, recorder } };
  return { label, edits: [{ kind: "decision", parcelId, before, after }] };
}

/** The step attaching (or removing, `after: null`) a note or photo. */
export function attachmentStep(
  parcelId: string,
  before: Attachment | null,
  after: Attachment | null,
): { label: StepLabel; edits: AttachmentEdit[] } {
  const a = (after ?? before) as Attachment;
  return {
    label: {
      code: after ? MEETING_STEP_CODES.attach : MEETING_STEP_CODES.detach,
      params: { parcelId, type: a.type },
    },
    edits: [{ kind: "attachment", parcelId, attachmentId: a.id, before, after }],
  };
}

/** Two decisions say the same (no step is needed to change one into the other). */
export function sameDecision(a: Decision | null, b: Decision | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.kind === b.kind &&
    a.department === b.department &&
    (a.deadline ?? "") === (b.deadline ?? "") &&
    (a.note ?? "") === (b.note ?? "") &&
    a.recorder === b.recorder
  );
}
