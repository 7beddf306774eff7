/**
 * The print font in the browser: the same Noto Sans SC WOFF as the CLI (`src/io/pdf/font.ts`),
 * a separate asset fetched only when the user exports, unwrapped with the browser's own inflate
 * (`DecompressionStream`). The canvas (PNG) draws with the same face, registered as a FontFace.
 */
import fontUrl from "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url";
import { woffToSfnt } from "../../io/pdf/font";

export const CANVAS_FONT_FAMILY = "JiyuePrintSC";

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

let loaded: Promise<{ woff: Uint8Array; sfnt: Uint8Array }> | undefined;

/** The font as WOFF (for a FontFace) and as TrueType (for the PDF), fetched once. */
export function loadPrintFont(): Promise<{ woff: Uint8Array; sfnt: Uint8Array }> {
  loaded ??= (async () => {
    const res = await fetch(fontUrl);
    if (!res.ok) throw new Error(`${fontUrl}: HTTP ${res.status}`);
    const woff = new Uint8Array(await res.arrayBuffer());
    return { woff, sfnt: await woffToSfnt(woff, inflate) };
  })();
  loaded.catch(() => {
    loaded = undefined; // a failed fetch can be retried
  });
  return loaded;
}

let face: Promise<void> | undefined;

/** Register the print font for canvas drawing (once). */
export function registerCanvasFont(woff: Uint8Array): Promise<void> {
  face ??= (async () => {
    const f = new FontFace(CANVAS_FONT_FAMILY, woff.slice().buffer);
    await f.load();
    document.fonts.add(f);
  })();
  return face;
}
