/** Notes and photos attached to a parcel (user work: undoable steps, kept with the edits). */
import { useState } from "react";
import { attachmentStep } from "../../domain/decisions";
import type { Attachment } from "../../domain/meeting";
import { memberLabel } from "../../domain/meeting";
import type { Lang } from "../../i18n/lang";
import { localDateTime, meetingText } from "../../i18n/meeting";
import { selectMeetingWork } from "../../state/meeting";
import { newStepId } from "../../state/slices/history";
import { useAppStore } from "../../state/store";
import { downscalePhoto } from "./photo";

const NONE: Attachment[] = [];

export function Attachments({ parcelId, lang }: { parcelId: string; lang: Lang }) {
  const list = useAppStore((s) => selectMeetingWork(s).attachments.get(parcelId) ?? NONE);
  const recorder = useAppStore((s) => selectMeetingWork(s).setup?.recorder ?? "");
  const commit = useAppStore((s) => s.commitEdits);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const add = (a: Omit<Attachment, "id" | "at" | "by">) => {
    const full: Attachment = { ...a, id: newStepId(), at: new Date().toISOString(), by: recorder };
    const { label, edits } = attachmentStep(parcelId, null, full);
    commit(label, edits);
  };

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const dataUrl = await downscalePhoto(file);
      if (!dataUrl) setProblem(meetingText("photoTooLarge", lang));
      else add({ type: "photo", text: "", dataUrl, name: file.name });
    } catch {
      setProblem(meetingText("photoUnreadable", lang, { file: file.name }));
    }
  };

  return (
    <section className="mt-card__sec mt-att" aria-label={meetingText("notes", lang)}>
      <h3>{meetingText("notes", lang)}</h3>
      <ul className="mt-att__list" data-testid="meeting.attachments">
        {list.map((a) => (
          <li key={a.id} className="mt-att__item">
            {a.type === "photo" && a.dataUrl ? (
              <img className="mt-att__photo" src={a.dataUrl} alt={a.name ?? ""} />
            ) : (
              <p className="mt-att__note">{a.text}</p>
            )}
            <small>
              {meetingText("attachedBy", lang, {
                by: a.by ? memberLabel(a.by, lang) : "—",
                at: localDateTime(a.at),
              })}
            </small>
            <button
              type="button"
              className="btn btn--quiet"
              onClick={() => {
                const { label, edits } = attachmentStep(parcelId, a, null);
                commit(label, edits);
              }}
            >
              {meetingText("deleteAttachment", lang)}
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-att__add">
        <label className="mt-field mt-field--wide">
          <span>{meetingText("addNote", lang)}</span>
          <textarea
            data-testid="meeting.note.text"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn"
          data-testid="meeting.note.add"
          disabled={note.trim() === ""}
          onClick={() => {
            add({ type: "note", text: note.trim() });
            setNote("");
          }}
        >
          {meetingText("addNote", lang)}
        </button>
        <label className="btn mt-file">
          {meetingText("addPhoto", lang)}
          <input
            type="file"
            accept="image/*"
            data-testid="meeting.photo"
            onChange={(e) => {
              void onPhoto(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
        {problem && (
          <p className="mt-warn" role="alert">
            {problem}
          </p>
        )}
      </div>
    </section>
  );
}
