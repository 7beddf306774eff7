/**
 * Export the current map or an atlas as PDF, the current map as a 300-DPI PNG, and the minutes as
 * PDF — the same page specs (`src/i18n/print.ts`) drawn by the same renderer as the CLI. The PDF
 * library and the font load only here, when the user exports.
 */
import { atlasPages, currentMapPages, minutesPages, type PrintInput, printScene } from "../../i18n/print";
import type { MinutesDoc } from "../../io/pdf/minutes-doc";
import { drawPage, type PageSpec, pageOf } from "../../io/pdf/render";
import { useAppStore } from "../../state/store";
import { canvasSurface } from "./canvasSurface";
import { CANVAS_FONT_FAMILY, loadPrintFont, registerCanvasFont } from "./font";
import { printInputFrom } from "./printInput";

type Extent = Parameters<typeof currentMapPages>[1];

export function printPages(input: PrintInput, agenda: readonly string[] | null, extent?: Extent): PageSpec[] {
  return agenda === null ? currentMapPages(input, extent) : atlasPages(input, agenda);
}

export async function pagesToPdf(pages: readonly PageSpec[], title: string): Promise<Blob> {
  const [{ sfnt }, { renderPdf }] = await Promise.all([loadPrintFont(), import("../../io/pdf/pdf")]);
  const bytes = await renderPdf(pages, sfnt, { title });
  return new Blob([bytes as BlobPart], { type: "application/pdf" });
}

/** One page as a PNG at `dpi` (300: A4 landscape is 3508 × 2480 px). */
export async function pageToPng(page: PageSpec, dpi = 300): Promise<Blob> {
  const { woff } = await loadPrintFont();
  await registerCanvasFont(woff);
  const size = pageOf(page);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round((size.widthMm / 25.4) * dpi);
  canvas.height = Math.round((size.heightMm / 25.4) * dpi);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  drawPage(canvasSurface(ctx, dpi, CANVAS_FONT_FAMILY), page);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"),
  );
}

/**
 * The minutes PDF of the meeting workspace's `MinutesDoc`, with a map thumbnail per parcel from
 * the current analysis (coloured as the map). For the 导出会议纪要 button.
 * @public
 */
export async function minutesPdfBlob(doc: MinutesDoc): Promise<Blob> {
  const input = printInputFrom(useAppStore.getState(), "A4", "portrait");
  const scene = input ? printScene({ ...input, lang: doc.lang }) : undefined;
  const pages = minutesPages(doc, scene);
  return pagesToPdf(pages, doc.meeting.title);
}
