/**
 * The minutes PDF (issue 9): the `MinutesDoc` built by `minutes.ts`, rendered by the print
 * module — header, one row per parcel with a map thumbnail, decision, department, deadline and
 * note, then the signatures block. The print module (pdf-lib, the CJK font) is loaded only now.
 */
import type { MinutesDoc } from "../../io/minutes-csv";

export async function renderMinutesPdf(doc: MinutesDoc): Promise<Blob | null> {
  const { minutesPdfBlob } = await import("../print/exportPrint");
  return minutesPdfBlob(doc);
}
