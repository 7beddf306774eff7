/**
 * Pages → PDF with pdf-lib: every map shape a vector path, every text real text in the embedded
 * CJK font subset (searchable, extractable with `pdftotext`). pdf-lib and fontkit are imported
 * lazily, so the app loads them only when exporting.
 *
 * fontkit 2 (not pdf-lib's own 1.x fork, which drops glyphs when it subsets Noto Sans SC) is handed
 * to pdf-lib through a small adapter: pdf-lib wants `encodeStream()` where fontkit 2 has
 * `encode()`, and text is mapped character by character through the cmap (no OpenType shaping:
 * Chinese and Latin labels need none, and skipping the GSUB/GPOS tables of a CJK font keeps a
 * page fast).
 */
import type { PDFFont, PDFPage } from "pdf-lib";
import { PT_PER_MM } from "./layout";
import { drawPage, type PageSpec, pageOf, type Surface } from "./render";
import type { XY } from "./scene";

interface FkGlyph {
  id: number;
  advanceWidth: number;
}
interface FkFont {
  createSubset(): { encode(): Uint8Array; includeGlyph(g: FkGlyph | number): number; encodeStream?: unknown };
  glyphForCodePoint(cp: number): FkGlyph;
  layout: unknown;
}

function fontkitAdapter(fontkit: { create(b: Uint8Array): unknown }) {
  return {
    create(bytes: Uint8Array) {
      const font = fontkit.create(bytes) as FkFont;
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        subset.encodeStream = () => {
          const handlers: Record<string, (x?: unknown) => void> = {};
          const stream = {
            on(event: string, cb: (x?: unknown) => void) {
              handlers[event] = cb;
              if (event === "end")
                queueMicrotask(() => {
                  try {
                    handlers.data?.(subset.encode());
                    cb();
                  } catch (e) {
                    handlers.error?.(e);
                  }
                });
              return stream;
            },
          };
          return stream;
        };
        return subset;
      };
      font.layout = (text: string) => {
        const glyphs: FkGlyph[] = [];
        for (const ch of text) glyphs.push(font.glyphForCodePoint(ch.codePointAt(0) ?? 0x3f));
        return {
          glyphs,
          positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })),
        };
      };
      return font;
    },
  };
}

function hex(c: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(c);
  const v = m ? Number.parseInt(m[1]!, 16) : 0;
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/** Render pages to a PDF. `font` is a TrueType/OpenType font (see `font.ts`). */
export async function renderPdf(
  pages: readonly PageSpec[],
  font: Uint8Array,
  meta: { title: string; subject?: string; creationDate?: Date } = { title: "Jiyue" },
): Promise<Uint8Array> {
  const lib = await import("pdf-lib");
  const fontkit = await import("fontkit");
  const { PDFDocument, rgb, pushGraphicsState, popGraphicsState, moveTo, lineTo, closePath, clip, endPath } =
    lib;
  const doc = await PDFDocument.create();
  const fk = fontkit as unknown as {
    create?: (b: Uint8Array) => unknown;
    default?: { create(b: Uint8Array): unknown };
  };
  const create = fk.create ?? fk.default?.create;
  if (!create) throw new Error("fontkit: no create()");
  doc.registerFontkit(fontkitAdapter({ create }) as never);
  const pdfFont: PDFFont = await doc.embedFont(font, { subset: true });
  doc.setTitle(meta.title);
  if (meta.subject) doc.setSubject(meta.subject);
  doc.setProducer("Jiyue 集约");
  doc.setCreator("Jiyue 集约");
  // A fixed date when asked (tests compare bytes), else now.
  const date = meta.creationDate ?? new Date();
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const k = PT_PER_MM;
  const f = (n: number) => Number(n.toFixed(3));

  for (const spec of pages) {
    const size = pageOf(spec);
    const page: PDFPage = doc.addPage([size.widthPt, size.heightPt]);
    const H = size.heightPt;
    const svg = (rings: readonly (readonly XY[])[], closed: boolean) =>
      rings
        .filter((r) => r.length > 1)
        .map((r) => `M${r.map(([x, y]) => `${f(x * k)} ${f(y * k)}`).join("L")}${closed ? "Z" : ""}`)
        .join("");
    const surface: Surface = {
      path(rings, style, closed = true) {
        const d = svg(rings, closed);
        if (!d) return;
        page.drawSvgPath(d, {
          x: 0,
          y: H,
          ...(style.fill && closed
            ? { color: rgb(...hex(style.fill)), opacity: style.fillOpacity ?? 1 }
            : {}),
          ...(style.stroke
            ? {
                borderColor: rgb(...hex(style.stroke)),
                borderWidth: (style.width ?? 0.2) * k,
                borderOpacity: style.strokeOpacity ?? 1,
                ...(style.dash ? { borderDashArray: style.dash.map((n) => n * k) } : {}),
              }
            : { borderWidth: 0 }),
        });
      },
      text(s, x, y, style) {
        if (!s) return;
        const w = pdfFont.widthOfTextAtSize(s, style.size);
        const dx = style.align === "center" ? w / 2 : style.align === "right" ? w : 0;
        page.drawText(s, {
          x: x * k - dx,
          y: H - y * k,
          size: style.size,
          font: pdfFont,
          color: rgb(...hex(style.color ?? "#000000")),
        });
      },
      measure: (s, size) => pdfFont.widthOfTextAtSize(s, size) / k,
      clip(rings) {
        const ops = [pushGraphicsState()];
        for (const r of rings) {
          r.forEach(([x, y], i) => {
            ops.push(i === 0 ? moveTo(x * k, H - y * k) : lineTo(x * k, H - y * k));
          });
          ops.push(closePath());
        }
        ops.push(clip(), endPath());
        page.pushOperators(...ops);
      },
      restore() {
        page.pushOperators(popGraphicsState());
      },
    };
    drawPage(surface, spec);
  }
  return doc.save({ useObjectStreams: true });
}
