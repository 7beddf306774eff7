/**
 * The land review meeting's minutes (会议纪要, issue 9) as CSV for Excel and WPS: UTF-8 with a
 * byte-order mark, CRLF line ends, headers and values in the minutes' language, one row per
 * agenda parcel, cells through the same spreadsheet-safe writer as the parcel CSV
 * (`csv-write.ts`: formula characters neutralised, codes Excel would mangle kept as text).
 *
 * The meeting's own facts (title, date, place, chair, attendees, recorder) are columns repeated
 * in every row, as the synthetic mark is: they survive sorting, filtering and copied rows, and
 * row 1 stays the header.
 */
import { csvNumber, csvText } from "./csv-write";

/**
 * The minutes document (the issue 9 contract shared with the print helper, which renders it as a
 * PDF): plain data, every string already in the document's language.
 */
export interface MinutesDoc {
  lang: "zh" | "en";
  synthetic: boolean;
  meeting: {
    title: string;
    date: string;
    place: string;
    chair: string;
    attendees: string[];
    recorder: string;
  };
  rows: MinutesRow[];
}

export interface MinutesRow {
  parcelId: string;
  zone: string;
  enterprise?: string;
  areaMu: number;
  decision: string;
  department: string;
  deadline?: string;
  note?: string;
  warning?: string;
}

/** What the minutes carry beyond the shared shape: when and by whom each decision was recorded. */
export interface MinutesTrail {
  /** Per row (same order as `rows`): the recording time as text and the recorder ("" when none). */
  recorded: { at: string; by: string }[];
}

/** Headers and fixed cells of the minutes CSV in the document's language (from i18n). */
export interface MinutesCsvText {
  synthetic: { column: string; cell: string };
  headers: {
    title: string;
    date: string;
    place: string;
    chair: string;
    attendees: string;
    recorder: string;
    index: string;
    parcelId: string;
    zone: string;
    enterprise: string;
    areaMu: string;
    decision: string;
    department: string;
    deadline: string;
    note: string;
    warning: string;
    recordedAt: string;
    recordedBy: string;
  };
  /** Joins the attendees in one cell (`、` in Chinese). */
  listSeparator: string;
}

const BOM = "\uFEFF";
const CRLF = "\r\n";

/** The minutes as CSV text (BOM first). */
export function writeMinutesCsv(doc: MinutesDoc, text: MinutesCsvText, trail?: MinutesTrail): string {
  const h = text.headers;
  const header = [
    ...(doc.synthetic ? [text.synthetic.column] : []),
    h.title,
    h.date,
    h.place,
    h.chair,
    h.attendees,
    h.recorder,
    h.index,
    h.parcelId,
    h.zone,
    h.enterprise,
    h.areaMu,
    h.decision,
    h.department,
    h.deadline,
    h.note,
    h.warning,
    ...(trail ? [h.recordedAt, h.recordedBy] : []),
  ];
  const m = doc.meeting;
  const meetingCells = [
    m.title,
    m.date,
    m.place,
    m.chair,
    m.attendees.join(text.listSeparator),
    m.recorder,
  ].map(csvText);
  const lines = [header.map(csvText).join(",")];
  doc.rows.forEach((r, i) => {
    const rec = trail?.recorded[i];
    lines.push(
      [
        ...(doc.synthetic ? [csvText(text.synthetic.cell)] : []),
        ...meetingCells,
        String(i + 1),
        csvText(r.parcelId),
        csvText(r.zone),
        csvText(r.enterprise ?? ""),
        csvNumber(r.areaMu, 4),
        csvText(r.decision),
        csvText(r.department),
        csvText(r.deadline ?? ""),
        csvText(r.note ?? ""),
        csvText(r.warning ?? ""),
        ...(trail ? [csvText(rec?.at ?? ""), csvText(rec?.by ?? "")] : []),
      ].join(","),
    );
  });
  return BOM + lines.join(CRLF) + CRLF;
}
