/**
 * 会议信息: the meeting's date, place, chair, attending members and the recorder (chosen at the
 * start: every decision names them), and the list of responsible departments (one a line;
 * a member's name is stored as its code). Saving is one undoable step.
 */
import { useState } from "react";
import { MEETING_STEP_CODES } from "../../domain/decisions";
import {
  defaultMeetingSetup,
  JOINT_MEETING_MEMBERS,
  MEMBER_CODES,
  type MeetingSetup,
  memberFromText,
  memberLabel,
} from "../../domain/meeting";
import type { Lang } from "../../i18n/lang";
import { meetingText } from "../../i18n/meeting";
import { todayIso } from "../../state/clock";
import { selectMeetingWork } from "../../state/meeting";
import { useAppStore } from "../../state/store";

export function SetupForm({ lang }: { lang: Lang }) {
  const stored = useAppStore((s) => selectMeetingWork(s).setup);
  const commit = useAppStore((s) => s.commitEdits);
  const initial = stored ?? defaultMeetingSetup(todayIso());
  const [title, setTitle] = useState(initial.title);
  const [date, setDate] = useState(initial.date);
  const [place, setPlace] = useState(initial.place);
  const [chair, setChair] = useState(memberLabel(initial.chair, lang));
  const [attendees, setAttendees] = useState<string[]>(initial.attendees);
  const [recorder, setRecorder] = useState(initial.recorder);
  const [departments, setDepartments] = useState(
    initial.departments.map((d) => memberLabel(d, lang)).join("\n"),
  );
  const [saved, setSaved] = useState(false);

  const others = attendees.filter((a) => !(MEMBER_CODES as string[]).includes(a));
  const setup: MeetingSetup = {
    title: title.trim(),
    date,
    place: place.trim(),
    chair: memberFromText(chair),
    attendees,
    recorder: attendees.includes(recorder) ? recorder : "",
    departments: [
      ...new Set(
        departments
          .split(/\r?\n/)
          .map(memberFromText)
          .filter((d) => d !== ""),
      ),
    ],
  };
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && setup.recorder !== "";

  return (
    <form
      className="mt-setup"
      data-testid="meeting.setup"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        commit({ code: MEETING_STEP_CODES.setup, params: { date } }, [
          { kind: "meeting-setup", before: stored, after: setup },
        ]);
        setSaved(true);
      }}
    >
      <div className="mt-setup__grid">
        <label className="mt-field mt-field--wide">
          <span>{meetingText("title", lang)}</span>
          <input
            data-testid="meeting.setup.title"
            value={title}
            placeholder={meetingText("defaultTitle", lang)}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="mt-field">
          <span>{meetingText("date", lang)}</span>
          <input
            type="date"
            data-testid="meeting.setup.date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label className="mt-field">
          <span>{meetingText("place", lang)}</span>
          <input data-testid="meeting.setup.place" value={place} onChange={(e) => setPlace(e.target.value)} />
        </label>
        <label className="mt-field mt-field--wide">
          <span>{meetingText("chair", lang)}</span>
          <input
            data-testid="meeting.setup.chair"
            list="mt-members"
            value={chair}
            onChange={(e) => setChair(e.target.value)}
          />
        </label>
      </div>
      <datalist id="mt-members">
        {MEMBER_CODES.map((c) => (
          <option key={c} value={JOINT_MEETING_MEMBERS[c][lang]} />
        ))}
      </datalist>
      <fieldset className="mt-attendees">
        <legend>{meetingText("attendees", lang)}</legend>
        {[...MEMBER_CODES, ...others].map((c) => (
          <label key={c} className="mt-check-label">
            <input
              type="checkbox"
              checked={attendees.includes(c)}
              onChange={(e) => setAttendees((a) => (e.target.checked ? [...a, c] : a.filter((x) => x !== c)))}
            />
            {memberLabel(c, lang)}
          </label>
        ))}
      </fieldset>
      <label className="mt-field mt-field--wide">
        <span>{meetingText("recorder", lang)}</span>
        <select
          data-testid="meeting.setup.recorder"
          value={setup.recorder}
          onChange={(e) => setRecorder(e.target.value)}
        >
          <option value="">—</option>
          {attendees.map((a) => (
            <option key={a} value={a}>
              {memberLabel(a, lang)}
            </option>
          ))}
        </select>
        <small>{meetingText("recorderHint", lang)}</small>
      </label>
      <label className="mt-field mt-field--wide">
        <span>{meetingText("departments", lang)}</span>
        <textarea
          data-testid="meeting.setup.departments"
          rows={4}
          value={departments}
          onChange={(e) => setDepartments(e.target.value)}
        />
      </label>
      <button type="submit" className="btn btn--primary" data-testid="meeting.setup.save" disabled={!valid}>
        {meetingText("saveSetup", lang)}
      </button>
      {saved && <output className="mt-hint">{meetingText("setupSaved", lang)}</output>}
    </form>
  );
}
