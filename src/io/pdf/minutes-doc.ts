/**
 * The minutes document (issue 9 contract): built by the meeting workspace from its state, rendered
 * by the print module (`renderMinutesPdf` in `src/i18n/print.ts`). Every string is already in the
 * document's language.
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
  rows: Array<{
    parcelId: string;
    zone: string;
    enterprise?: string;
    areaMu: number;
    decision: string;
    department: string;
    deadline?: string;
    note?: string;
    warning?: string;
  }>;
}
