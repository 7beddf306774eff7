/**
 * The minutes PDF: a placeholder for the print helper's renderer (issue 9). It receives the
 * `MinutesDoc` built by `minutes.ts` and returns the PDF, or `null` while no renderer is
 * connected (the button then says so). Replace the body with the print module's lazy import.
 */
import type { MinutesDoc } from "../../io/minutes-csv";

export async function renderMinutesPdf(_doc: MinutesDoc): Promise<Blob | null> {
  return null;
}
