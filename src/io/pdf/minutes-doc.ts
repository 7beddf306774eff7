/**
 * The minutes document (issue 9 contract): built by the meeting workspace from its state
 * (`buildMinutesDoc`), written as CSV by `src/io/minutes-csv.ts` (where the type lives) and
 * rendered as PDF by the print module (`renderMinutesPdf` in `src/i18n/print.ts`). Every string
 * is already in the document's language.
 */
export type { MinutesDoc } from "../minutes-csv";
