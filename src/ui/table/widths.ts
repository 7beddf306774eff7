/**
 * Column widths sized to their content: each column as wide as its widest header line (label plus
 * sort arrow, or unit) or cell text, within bounds, so English headers do not truncate while there
 * is room and long names stop at a readable width (the full text is the cell's title). The grid
 * keeps fixed widths (virtualised rows must line up), so they are computed once per dataset,
 * language, unit and font, not per visible row. Pure: the text measurer is passed in (a canvas in
 * the browser, `estimateTextWidth` in tests).
 */
import type { AnalysedParcel } from "../../domain/types";
import type { CellContext, TableColumn } from "./columns";

/** Width of `text` in px at a font size of `fontPx` (a measurer may ignore the size it was made for). */
export type MeasureText = (text: string, fontPx: number, bold?: boolean) => number;

/** Horizontal padding of a cell and header (6 px each side, table.css) plus a little air. */
export const CELL_PADDING_PX = 16;
/** Room for the sort arrow beside a header label. */
const SORT_ARROW_EM = 1.1;
export const MIN_COLUMN_PX = 56;
/** Names and enterprises can be long: past this the cell ends with … and shows all in its title. */
export const MAX_COLUMN_PX = 280;
/** Rows looked at: all of them up to this many, else an even sample (10,000 parcels stay fast). */
export const SAMPLE_ROWS = 2000;
/** Per column, the texts estimated widest are measured exactly (measuring all would be slow). */
const MEASURED_CANDIDATES = 6;

/**
 * A fast estimate of a text's width: CJK and full-width characters 1 em, digits and most Latin
 * letters about 0.6 em, narrow punctuation less. Good enough to pick the widest texts, and the
 * measurer where no canvas exists.
 */
export function estimateTextWidth(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80 || (c >= 0x3000 && c <= 0xffef)) em += 1;
    else if (/[iIl.,:;'|!·]/.test(ch)) em += 0.3;
    else if (/[A-Z MWmw%]/.test(ch)) em += 0.72;
    else em += 0.58;
  }
  return em * fontPx * (bold ? 1.06 : 1);
}

export interface HeaderText {
  label: string;
  unit: string | null;
}

/** Evenly spaced rows of `rows`, at most `max` of them. */
function sample<T>(rows: readonly T[], max: number): readonly T[] {
  if (rows.length <= max) return rows;
  const out: T[] = [];
  const step = rows.length / max;
  for (let i = 0; i < max; i++) out.push(rows[Math.floor(i * step)] as T);
  return out;
}

/**
 * Width in px of each column (in `columns` order).
 *
 * @param headers header label and unit of each column (same order)
 * @param fontPx the table's font size; `smallPx` the unit line's
 */
export function columnWidths(
  columns: readonly TableColumn[],
  headers: readonly HeaderText[],
  rows: readonly AnalysedParcel[],
  ctx: CellContext,
  measure: MeasureText,
  fontPx: number,
  smallPx: number = fontPx,
): number[] {
  const seen = sample(rows, SAMPLE_ROWS);
  return columns.map((col, i) => {
    const h = headers[i] ?? { label: col.field, unit: null };
    let w = Math.max(
      measure(h.label, fontPx, true) + SORT_ARROW_EM * fontPx,
      h.unit ? measure(h.unit, smallPx) : 0,
    );
    // The widest cell texts by estimate, then measured.
    const top: { text: string; est: number }[] = [];
    const seenText = new Set<string>();
    for (const p of seen) {
      const text = col.text(p, ctx);
      if (seenText.has(text)) continue;
      seenText.add(text);
      const est = estimateTextWidth(text, fontPx);
      if (top.length < MEASURED_CANDIDATES || est > (top.at(-1)?.est ?? 0)) {
        top.push({ text, est });
        top.sort((a, b) => b.est - a.est);
        if (top.length > MEASURED_CANDIDATES) top.pop();
      }
    }
    for (const t of top) w = Math.max(w, measure(t.text, fontPx));
    return Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, w + CELL_PADDING_PX)));
  });
}

/** A measurer drawing with `fontFamily` on a canvas; the estimate where there is no canvas (tests). */
export function canvasMeasurer(fontFamily: string): MeasureText {
  const canvas = typeof document === "undefined" ? null : document.createElement("canvas");
  let g: CanvasRenderingContext2D | null = null;
  try {
    g = canvas?.getContext("2d") ?? null;
  } catch {
    g = null;
  }
  if (!g) return estimateTextWidth;
  const ctx2d = g;
  return (text, fontPx, bold = false) => {
    ctx2d.font = `${bold ? "600 " : ""}${fontPx}px ${fontFamily}`;
    return ctx2d.measureText(text).width;
  };
}
