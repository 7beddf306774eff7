/**
 * Print layouts as data: paper sizes, the frames of a map page (title, map, side panel, footer,
 * synthetic notice), the print scale (a round 1:N that fits the extent), the scale bar (a round
 * length and its label) and the legend rows. Pure functions of numbers, in millimetres from the
 * page's top-left corner; the renderer (`render.ts`) turns them into points or pixels.
 */

export type Paper = "A4" | "A3";
export type Orientation = "portrait" | "landscape";

/** ISO 216 paper, portrait, millimetres. */
export const PAPER_MM: Record<Paper, { w: number; h: number }> = {
  A4: { w: 210, h: 297 },
  A3: { w: 297, h: 420 },
};

/** PDF points per millimetre (1 pt = 1/72 in). */
export const PT_PER_MM = 72 / 25.4;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageSize {
  paper: Paper;
  orientation: Orientation;
  widthMm: number;
  heightMm: number;
  /** PDF page size in points (A4 portrait 595.28 × 841.89). */
  widthPt: number;
  heightPt: number;
}

export function pageSize(paper: Paper, orientation: Orientation): PageSize {
  const p = PAPER_MM[paper];
  const [w, h] = orientation === "portrait" ? [p.w, p.h] : [p.h, p.w];
  return { paper, orientation, widthMm: w, heightMm: h, widthPt: w * PT_PER_MM, heightPt: h * PT_PER_MM };
}

export interface MapPageLayout {
  page: PageSize;
  margin: number;
  title: Rect;
  map: Rect;
  /** Legend, scale bar, north arrow, the parcel card: beside the map (landscape) or below it (portrait). */
  panel: Rect;
  /** The synthetic-data notice band over the map's foot (null when the data is real). */
  notice: Rect | null;
  footer: Rect;
  /** Type size multiplier (A3 prints larger type). */
  type: number;
}

/** The frames of a map page. */
export function mapPageLayout(paper: Paper, orientation: Orientation, synthetic: boolean): MapPageLayout {
  const page = pageSize(paper, orientation);
  const type = paper === "A3" ? 1.3 : 1;
  const margin = paper === "A3" ? 14 : 10;
  const innerW = page.widthMm - 2 * margin;
  const titleH = 14 * type;
  const footerH = 9 * type;
  const title = { x: margin, y: margin, w: innerW, h: titleH };
  const footer = { x: margin, y: page.heightMm - margin - footerH, w: innerW, h: footerH };
  const bodyY = title.y + title.h + 2;
  const bodyH = footer.y - 2 - bodyY;
  let map: Rect;
  let panel: Rect;
  if (orientation === "landscape") {
    const panelW = 72 * type;
    map = { x: margin, y: bodyY, w: innerW - panelW - 4, h: bodyH };
    panel = { x: margin + map.w + 4, y: bodyY, w: panelW, h: bodyH };
  } else {
    const panelH = Math.round(bodyH * 0.36);
    map = { x: margin, y: bodyY, w: innerW, h: bodyH - panelH - 4 };
    panel = { x: margin, y: bodyY + map.h + 4, w: innerW, h: panelH };
  }
  const notice = synthetic ? { x: map.x, y: map.y + map.h - 7 * type, w: map.w, h: 7 * type } : null;
  return { page, margin, title, map, panel, notice, footer, type };
}

/** The nice print scales: 1, 2, 2.5 and 5 × 10ⁿ (1:500, 1:1 000, 1:2 000, 1:2 500, 1:5 000 …). */
const NICE_SCALES = [1, 2, 2.5, 5];

/**
 * The print scale 1:N that shows `extent` (metres, width × height) inside `frame` (mm) with
 * `pad` of the frame kept free on each side: the smallest nice N not below the exact fit.
 * @example fitScale({ w: 800, h: 400 }, { w: 200, h: 150 }, 0) // 5000 (exactly 4000 → 5000)
 */
export function fitScale(
  extent: { w: number; h: number },
  frame: { w: number; h: number },
  pad = 0.05,
): number {
  const fw = frame.w * (1 - 2 * pad);
  const fh = frame.h * (1 - 2 * pad);
  // metres per mm on paper × 1000 = the denominator
  const exact = Math.max(extent.w / fw, extent.h / fh, 1e-9) * 1000;
  let mag = 10 ** Math.floor(Math.log10(exact));
  for (;;) {
    for (const s of NICE_SCALES) {
      const n = s * mag;
      // tolerate float noise: 1:4000 exactly stays 1:5000 only when above, not at 3999.9999
      if (n >= exact * (1 - 1e-9)) return Math.max(1, Math.round(n));
    }
    mag *= 10;
  }
}

export interface ScaleBar {
  /** Ground length of the whole bar, metres (1, 2 or 5 × 10ⁿ). */
  metres: number;
  /** Its length on paper, mm. */
  lengthMm: number;
  /** Number of alternating segments. */
  segments: number;
  /** End label: "500 米" / "500 m", "1 千米" / "1 km" from 1000 m. */
  label: string;
}

/**
 * The scale bar at 1:`denominator`: the longest round ground length (1, 2, 5 × 10ⁿ m) whose bar
 * fits in `maxMm` of paper.
 * @example scaleBar(5000, 40, "zh") // { metres: 200, lengthMm: 40, segments: 4, label: "200 米" }
 */
export function scaleBar(denominator: number, maxMm: number, lang: "zh" | "en"): ScaleBar {
  const maxMetres = (maxMm * denominator) / 1000;
  let mag = 10 ** Math.floor(Math.log10(maxMetres));
  let metres = mag;
  for (const s of [5, 2, 1]) {
    if (s * mag <= maxMetres * (1 + 1e-9)) {
      metres = s * mag;
      break;
    }
  }
  if (metres > maxMetres * (1 + 1e-9)) {
    mag /= 10;
    metres = 5 * mag;
  }
  const lead = Math.round(metres / 10 ** Math.floor(Math.log10(metres)));
  const segments = lead === 2 ? 4 : 5;
  return { metres, lengthMm: (metres * 1000) / denominator, segments, label: lengthLabel(metres, lang) };
}

/** A round ground length for a label: metres below 1 km, kilometres from 1 km. */
export function lengthLabel(metres: number, lang: "zh" | "en"): string {
  const km = metres >= 1000;
  const v = km ? metres / 1000 : metres;
  const n = Number(v.toPrecision(6)).toString();
  if (lang === "zh") return `${n} ${km ? "千米" : "米"}`;
  return `${n} ${km ? "km" : "m"}`;
}

/** "1:5 000" style (thin space groups in zh and en alike: readable, not a decimal comma). */
export function scaleText(denominator: number): string {
  return `1:${String(Math.round(denominator)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}
