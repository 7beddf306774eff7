/**
 * 处置决定: the meeting's decision on one parcel — the kind, the responsible department (from the
 * meeting's list), a deadline and a note — with the rule warnings of `checkDecision` shown while
 * choosing (a decision the rules do not support may still be recorded). Recording is one undoable
 * step naming the recorder; the step's time is the trail's time.
 */
import { useId, useState } from "react";
import { checkDecision, decisionStep, sameDecision } from "../../domain/decisions";
import { DECISION_KINDS, type Decision, type DecisionKind, memberLabel } from "../../domain/meeting";
import type { AnalysedParcel } from "../../domain/types";
import type { Lang } from "../../i18n/lang";
import { decisionLabel, localDateTime, meetingText, warningText } from "../../i18n/meeting";
import { selectMeetingWork } from "../../state/meeting";
import { useAppStore } from "../../state/store";

export function DecisionControl({ parcel, lang }: { parcel: AnalysedParcel; lang: Lang }) {
  const id = parcel.input.id;
  const recorded = useAppStore((s) => selectMeetingWork(s).decisions.get(id) ?? null);
  const setup = useAppStore((s) => selectMeetingWork(s).setup);
  const commit = useAppStore((s) => s.commitEdits);
  const base = recorded?.decision ?? null;
  const [kind, setKind] = useState<DecisionKind | "">(base?.kind ?? "");
  const [department, setDepartment] = useState(base?.department ?? "");
  const [deadline, setDeadline] = useState(base?.deadline ?? "");
  const [note, setNote] = useState(base?.note ?? "");
  const uid = useId();
  const recorder = setup?.recorder ?? "";
  const departments = setup?.departments ?? [];

  const draft: Decision | null =
    kind === ""
      ? null
      : {
          kind,
          department,
          ...(deadline ? { deadline } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          recorder,
        };
  const warnings = draft ? checkDecision(draft, parcel, setup?.date) : [];
  const canRecord = draft !== null && recorder !== "" && !sameDecision(draft, base);

  return (
    <section className="mt-decision" aria-labelledby={`${uid}-h`} data-testid="meeting.decision">
      <h3 id={`${uid}-h`}>{meetingText("decision", lang)}</h3>
      {recorded && (
        <p className="mt-recorded" data-testid="meeting.decision.recorded">
          {meetingText("recorded", lang, {
            decision: decisionLabel(recorded.decision.kind, lang),
            by: memberLabel(recorded.decision.recorder, lang),
            at: localDateTime(recorded.at),
          })}
        </p>
      )}
      <div className="mt-decision__grid">
        <label className="mt-field">
          <span>{meetingText("decision", lang)}</span>
          <select
            data-testid="meeting.decision.kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as DecisionKind | "")}
          >
            <option value="">{meetingText("decisionNone", lang)}</option>
            {DECISION_KINDS.map((k) => (
              <option key={k} value={k}>
                {decisionLabel(k, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="mt-field">
          <span>{meetingText("department", lang)}</span>
          <select
            data-testid="meeting.decision.department"
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
          >
            <option value="">—</option>
            {[...new Set([...departments, ...(department ? [department] : [])])].map((d) => (
              <option key={d} value={d}>
                {memberLabel(d, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="mt-field">
          <span>{meetingText("deadline", lang)}</span>
          <input
            type="date"
            data-testid="meeting.decision.deadline"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </label>
        <label className="mt-field mt-field--wide">
          <span>{meetingText("note", lang)}</span>
          <textarea
            data-testid="meeting.decision.note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
      </div>
      {warnings.length > 0 && (
        <div className="mt-warn" role="status" data-testid="meeting.decision.warning">
          <strong>⚠ {meetingText("warningTitle", lang)}</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w.code}>{warningText(w, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {!recorder && <p className="mt-hint">{meetingText("needSetup", lang)}</p>}
      <div className="mt-decision__actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="meeting.decision.record"
          disabled={!canRecord}
          onClick={() => {
            if (!draft) return;
            const { label, edits } = decisionStep(id, base, draft, recorder);
            commit(label, edits);
          }}
        >
          {meetingText("record", lang)}
        </button>
        {base && (
          <button
            type="button"
            className="btn"
            data-testid="meeting.decision.clear"
            onClick={() => {
              const { label, edits } = decisionStep(id, base, null, recorder);
              commit(label, edits);
              setKind("");
            }}
          >
            {meetingText("clear", lang)}
          </button>
        )}
      </div>
    </section>
  );
}
