/**
 * The land review meeting's work as the store holds it: read from the edit history (decisions,
 * setup, agenda and attachments are edits, `domain/decisions.ts`), memoised per history and result.
 */
import { currentAgenda } from "../domain/agenda";
import { type MeetingWork, meetingWork } from "../domain/decisions";
import type { EditHistory } from "../domain/edits";
import type { AppState } from "./types";

const workCache = new WeakMap<EditHistory, MeetingWork>();

/** The meeting's setup, agenda, decisions and attachments of the applied steps. */
export function selectMeetingWork(s: Pick<AppState, "history">): MeetingWork {
  let w = workCache.get(s.history);
  if (!w) {
    w = meetingWork(s.history);
    workCache.set(s.history, w);
  }
  return w;
}

let agendaCache: {
  history: EditHistory;
  result: unknown;
  value: { ids: string[]; missing: string[] };
} | null = null;

/** The agenda in force (the chair's list, else the default of the data) and stored ids not in the data. */
export function selectAgenda(s: Pick<AppState, "history" | "result">): { ids: string[]; missing: string[] } {
  if (agendaCache && agendaCache.history === s.history && agendaCache.result === s.result)
    return agendaCache.value;
  const value = currentAgenda(s.result?.parcels ?? [], selectMeetingWork(s).agenda);
  agendaCache = { history: s.history, result: s.result, value };
  return value;
}
