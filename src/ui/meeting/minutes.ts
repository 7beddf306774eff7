/**
 * Minutes export from the store: the `MinutesDoc` (issue 9 contract) and its CSV download.
 * The PDF goes through `minutesPdf.ts`, a placeholder the print helper's renderer replaces.
 */

import { EXPORT_TEXT } from "../../i18n/exports";
import type { Lang } from "../../i18n/lang";
import { buildMinutesDoc, minutesCsvText } from "../../i18n/meeting";
import { type MinutesDoc, type MinutesTrail, writeMinutesCsv } from "../../io/minutes-csv";
import { todayIso } from "../../state/clock";
import { selectMeetingWork } from "../../state/meeting";
import type { AppState } from "../../state/types";

/** The minutes of the meeting as the store holds it, in `lang`. */
export function minutesFromState(s: AppState, lang: Lang = s.lang): { doc: MinutesDoc; trail: MinutesTrail } {
  return buildMinutesDoc(
    {
      parcels: s.result?.parcels ?? [],
      work: selectMeetingWork(s),
      synthetic: s.dataset?.synthetic ?? false,
      today: todayIso(),
    },
    lang,
  );
}

/** The CSV file name: `会议纪要_2026-12-02.csv`, with `_合成示例` for synthetic data. */
export function minutesFileName(doc: MinutesDoc, ext: "csv" | "pdf"): string {
  const base = doc.lang === "zh" ? "会议纪要" : "minutes";
  const syn = doc.synthetic ? `_${EXPORT_TEXT.syntheticFile[doc.lang]}` : "";
  return `${base}_${doc.meeting.date}${syn}.${ext}`;
}

export function minutesCsv(s: AppState, lang: Lang = s.lang): { file: string; text: string } {
  const { doc, trail } = minutesFromState(s, lang);
  return { file: minutesFileName(doc, "csv"), text: writeMinutesCsv(doc, minutesCsvText(lang), trail) };
}
