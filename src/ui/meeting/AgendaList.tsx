/**
 * The agenda: the parcels in the chair's order, each with why it is on it and its decision.
 * Reorder by drag, by Alt+↑/Alt+↓ on a focused item, or by the ↑/↓ buttons; add by id, remove,
 * back to the default. Every change is one undoable step (an `agenda` edit with the whole list).
 */
import { useState } from "react";
import { addToAgenda, agendaKind, moveAgendaItem, removeFromAgenda } from "../../domain/agenda";
import { MEETING_STEP_CODES } from "../../domain/decisions";
import type { Lang } from "../../i18n/lang";
import { decisionLabel, meetingText } from "../../i18n/meeting";
import { selectAgenda, selectMeetingWork } from "../../state/meeting";
import { useAppStore } from "../../state/store";
import { formatNumber } from "../format";

export function AgendaList({ lang, onOpen }: { lang: Lang; onOpen(index: number): void }) {
  const { ids, missing } = useAppStore(selectAgenda);
  const work = useAppStore(selectMeetingWork);
  const byId = useAppStore((s) => s.byId);
  const commit = useAppStore((s) => s.commitEdits);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [addId, setAddId] = useState("");
  const [addProblem, setAddProblem] = useState<string | null>(null);

  const setAgenda = (after: string[] | null) =>
    commit({ code: MEETING_STEP_CODES.agenda, params: { count: after?.length ?? ids.length } }, [
      { kind: "agenda", before: work.agenda, after },
    ]);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    setAgenda(moveAgendaItem(ids, from, to));
  };

  return (
    <section className="mt-agenda" aria-label={meetingText("agenda", lang)}>
      <h2>{meetingText("agenda", lang)}</h2>
      <p className="mt-hint">{meetingText(work.agenda === null ? "agendaDefault" : "agendaCustom", lang)}</p>
      {missing.length > 0 && (
        <p className="mt-warn">
          {meetingText("agendaMissing", lang, { n: missing.length, ids: missing.join("、") })}
        </p>
      )}
      {ids.length === 0 && <p>{meetingText("agendaEmpty", lang)}</p>}
      <p className="mt-hint">{meetingText("reorderHint", lang)}</p>
      <ol className="mt-agenda__list" data-testid="meeting.agenda">
        {ids.map((id, i) => {
          const p = byId.get(id);
          const kind = p ? agendaKind(p) : null;
          const d = work.decisions.get(id)?.decision;
          return (
            <li
              key={id}
              className={dragFrom === i ? "mt-agenda__item is-dragging" : "mt-agenda__item"}
              data-testid={`meeting.agenda.item.${id}`}
              draggable
              onDragStart={(e) => {
                setDragFrom(i);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", id);
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) move(dragFrom, i);
                setDragFrom(null);
              }}
              onDragEnd={() => setDragFrom(null)}
            >
              <button
                type="button"
                className="mt-agenda__open"
                aria-label={meetingText("itemLabel", lang, { n: i + 1, id })}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onClick={() => onOpen(i)}
                onKeyDown={(e) => {
                  if (!e.altKey) return;
                  if (e.key === "ArrowUp") {
                    e.preventDefault();
                    e.stopPropagation();
                    move(i, i - 1);
                  } else if (e.key === "ArrowDown") {
                    e.preventDefault();
                    e.stopPropagation();
                    move(i, i + 1);
                  }
                }}
              >
                <span className="mt-agenda__n">{i + 1}</span>
                <span className="mt-agenda__id">{id}</span>
                <span className="mt-agenda__meta">
                  {kind === "candidate"
                    ? meetingText("candidate", lang)
                    : kind === "below-standard"
                      ? meetingText("belowStandard", lang)
                      : meetingText("manual", lang)}
                  {p ? ` · ${formatNumber(p.computed.areaMu, 2, lang)} ${lang === "zh" ? "亩" : "mu"}` : ""}
                </span>
                <span className="mt-agenda__decision">{d ? `✔ ${decisionLabel(d.kind, lang)}` : ""}</span>
              </button>
              <span className="mt-agenda__tools">
                <button
                  type="button"
                  className="btn btn--quiet"
                  title={meetingText("moveUp", lang)}
                  aria-label={`${meetingText("moveUp", lang)} ${id}`}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn--quiet"
                  title={meetingText("moveDown", lang)}
                  aria-label={`${meetingText("moveDown", lang)} ${id}`}
                  disabled={i === ids.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn--quiet"
                  title={meetingText("remove", lang)}
                  aria-label={`${meetingText("remove", lang)} ${id}`}
                  onClick={() => setAgenda(removeFromAgenda(ids, id))}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <form
        className="mt-agenda__add"
        onSubmit={(e) => {
          e.preventDefault();
          const id = addId.trim();
          if (!id) return;
          if (!byId.has(id)) {
            setAddProblem(meetingText("addUnknown", lang, { id }));
            return;
          }
          setAddProblem(null);
          setAgenda(addToAgenda(ids, id));
          setAddId("");
        }}
      >
        <label className="mt-field">
          <span>{meetingText("addParcel", lang)}</span>
          <input
            data-testid="meeting.agenda.addId"
            value={addId}
            onChange={(e) => setAddId(e.target.value)}
          />
        </label>
        <button type="submit" className="btn">
          {meetingText("add", lang)}
        </button>
        {work.agenda !== null && (
          <button type="button" className="btn btn--quiet" onClick={() => setAgenda(null)}>
            {meetingText("agendaReset", lang)}
          </button>
        )}
        {addProblem && (
          <p className="mt-warn" role="alert">
            {addProblem}
          </p>
        )}
      </form>
    </section>
  );
}
