/**
 * Meeting mode's panel beside the map (`data-mode="meeting"`): the overview (meeting setup, the
 * agenda, the minutes) or one agenda parcel's card with the 处置决定 control.
 *
 * Keys (what presentation clickers send): → / PageDown next item, ← / PageUp previous, Home / Esc
 * back to the overview (not while typing in a field; Esc in a field leaves the field first).
 * Each step frames its parcel on the map and selects it; the overview frames the agenda.
 */
import { useCallback, useEffect, useState } from "react";
import { undoStep } from "../../domain/edits";
import { editText, undoText } from "../../i18n/edits";
import type { Lang } from "../../i18n/lang";
import { meetingText } from "../../i18n/meeting";
import type { MapControllerApi } from "../../map/api";
import { selectAgenda, selectMeetingWork } from "../../state/meeting";
import { useAppStore } from "../../state/store";
import { isTypingTarget } from "../edit/UndoRedo";
import { downloadBlob } from "../export/download";
import { AgendaList } from "./AgendaList";
import { DecisionControl } from "./DecisionControl";
import { minutesCsv, minutesFileName, minutesFromState } from "./minutes";
import { renderMinutesPdf } from "./minutesPdf";
import { ParcelCard } from "./ParcelCard";
import { SetupForm } from "./SetupForm";
import { leaveMeeting } from "./session";
import "./meeting.css";

const NEXT = new Set(["ArrowRight", "PageDown"]);
const PREV = new Set(["ArrowLeft", "PageUp"]);
const HOME = new Set(["Home", "Escape"]);

function MinutesButtons({ lang }: { lang: Lang }) {
  const [status, setStatus] = useState<string>("");
  return (
    <div className="mt-minutes">
      <button
        type="button"
        className="btn"
        data-testid="meeting.minutes.csv"
        title={meetingText("exportCsvTitle", lang)}
        onClick={() => {
          const { file, text } = minutesCsv(useAppStore.getState(), lang);
          downloadBlob(new Blob([text], { type: "text/csv;charset=utf-8" }), file);
          setStatus(meetingText("exported", lang, { file }));
        }}
      >
        {meetingText("exportCsv", lang)}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="meeting.minutes.pdf"
        onClick={async () => {
          const { doc } = minutesFromState(useAppStore.getState(), lang);
          const pdf = await renderMinutesPdf(doc);
          if (!pdf) {
            setStatus(meetingText("pdfNotReady", lang));
            return;
          }
          const file = minutesFileName(doc, "pdf");
          downloadBlob(pdf, file);
          setStatus(meetingText("exported", lang, { file }));
        }}
      >
        {meetingText("exportPdf", lang)}
      </button>
      <output className="mt-hint" data-testid="meeting.minutes.status" aria-live="polite">
        {status}
      </output>
    </div>
  );
}

export function MeetingPanel({ mapController: map }: { mapController: MapControllerApi | null }) {
  const lang = useAppStore((s) => s.lang);
  const { ids } = useAppStore(selectAgenda);
  const byId = useAppStore((s) => s.byId);
  const standards = useAppStore((s) => s.standards?.standards ?? null);
  const synthetic = useAppStore((s) => s.dataset?.synthetic ?? false);
  const hasSetup = useAppStore((s) => selectMeetingWork(s).setup !== null);
  const history = useAppStore((s) => s.history);
  const undo = useAppStore((s) => s.undo);
  const select = useAppStore((s) => s.select);
  const [index, setIndex] = useState(-1);
  const current = index >= 0 && index < ids.length ? index : -1;
  const id = current >= 0 ? ids[current] : undefined;
  const parcel = id ? byId.get(id) : undefined;
  const recordedStep = useAppStore((s) => (id ? (selectMeetingWork(s).decisions.get(id)?.stepId ?? "") : ""));

  const go = useCallback((i: number) => setIndex(Math.max(-1, Math.min(ids.length - 1, i))), [ids.length]);

  // Only when the item changes (not when the agenda is merely reordered around it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: ids/select are read at the change, not watched
  useEffect(() => {
    if (!map) return;
    if (id) {
      map.fitParcels([id]);
      select([id], "replace");
    } else if (ids.length > 0) map.fitParcels(ids);
    else map.fitHome();
  }, [id, map]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (isTypingTarget(t) || t?.tagName === "SELECT") {
        if (e.key === "Escape") t?.blur();
        return;
      }
      if (NEXT.has(e.key)) go(current + 1);
      else if (PREV.has(e.key)) go(current - 1);
      else if (HOME.has(e.key)) go(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, current]);

  const u = undoStep(history);
  return (
    <div className="mt-panel" data-testid="meeting.panel">
      <div className="mt-bar">
        <div className="mt-bar__top">
          <p className="mt-progress" data-testid="meeting.progress" aria-live="polite">
            {current >= 0
              ? meetingText("progress", lang, { n: current + 1, total: ids.length })
              : meetingText("overviewProgress", lang, { total: ids.length })}
          </p>
          {synthetic && <p className="mt-synthetic">{meetingText("syntheticNotice", lang)}</p>}
        </div>
        <div className="mt-bar__nav">
          <button
            type="button"
            className="btn"
            data-testid="meeting.prev"
            title="← / PageUp"
            disabled={current < 0}
            onClick={() => go(current - 1)}
          >
            ← {meetingText("previous", lang)}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="meeting.next"
            title="→ / PageDown"
            disabled={current >= ids.length - 1}
            onClick={() => go(current + 1)}
          >
            {meetingText("next", lang)} →
          </button>
          <button
            type="button"
            className="btn"
            data-testid="meeting.overview"
            title="Home / Esc"
            disabled={current < 0}
            onClick={() => go(-1)}
          >
            {meetingText("toOverview", lang)}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="meeting.undo"
            disabled={!u}
            aria-label={undoText(u, lang)}
            title={undoText(u, lang)}
            onClick={undo}
          >
            ↶ {editText("undo", lang)}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            data-testid="meeting.leave"
            title={meetingText("leaveTitle", lang)}
            onClick={() => leaveMeeting(useAppStore, map)}
          >
            {meetingText("leave", lang)}
          </button>
        </div>
      </div>
      {current < 0 ? (
        <div className="mt-overview" key="overview">
          <p className="mt-hint">{meetingText("keysHint", lang)}</p>
          <details className="mt-setup-box" open={!hasSetup}>
            <summary>{meetingText("setup", lang)}</summary>
            <SetupForm lang={lang} />
          </details>
          <AgendaList lang={lang} onOpen={go} />
          <button
            type="button"
            className="btn btn--primary"
            data-testid="meeting.start"
            disabled={ids.length === 0}
            onClick={() => go(0)}
          >
            {meetingText("start", lang)} →
          </button>
          <MinutesButtons lang={lang} />
        </div>
      ) : parcel ? (
        <div className="mt-item" key={`item:${id}`}>
          <ParcelCard parcel={parcel} standards={standards} lang={lang} />
          <DecisionControl key={`${parcel.input.id}:${recordedStep}`} parcel={parcel} lang={lang} />
        </div>
      ) : (
        <p>{meetingText("notInData", lang, { id: id ?? "" })}</p>
      )}
    </div>
  );
}
