/**
 * The one renderer: draws page specs (map pages, a title page, minutes pages) as vector paths and
 * real text onto a `Surface` — the PDF (`pdf.ts`, pdf-lib) or a canvas at print resolution (the
 * 300-DPI PNG, `src/ui/print/`). All coordinates in mm from the page's top-left; type sizes in pt.
 * Pure apart from the surface it is handed, so the browser and the CLI draw the same pages.
 */
import { FLAG_HATCH } from "../../domain/palette";
import type { MapPageLayout, PageSize, Rect, ScaleBar } from "./layout";
import { type Scene, toPaper, type View, type XY } from "./scene";

export interface Style {
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeOpacity?: number;
  /** Line width, mm. */
  width?: number;
  dash?: number[];
}

export interface TextStyle {
  /** pt */
  size: number;
  color?: string;
  align?: "left" | "center" | "right";
}

/** What a page is drawn on: a PDF page or a canvas, both in mm from the top-left. */
export interface Surface {
  /** Closed rings (nonzero fill), or open polylines when `closed` is false. */
  path(rings: readonly (readonly XY[])[], style: Style, closed?: boolean): void;
  /** Text with its baseline at y. */
  text(s: string, x: number, y: number, style: TextStyle): void;
  /** Width of the text, mm. */
  measure(s: string, size: number): number;
  /** Restrict drawing to the rings until `restore`. */
  clip(rings: readonly (readonly XY[])[]): void;
  restore(): void;
}

const PT = 25.4 / 72; // mm per pt

export interface LegendEntry {
  label: string;
  color: string;
  count: number;
  hatch?: "idle" | "under";
}

export interface LegendSpec {
  title: string;
  /** Unit of the class values ("" for categories). */
  unit: string;
  entries: LegendEntry[];
  /** "{n} 宗" / "{n} parcels" with the count filled in. */
  countText: (n: number) => string;
}

export interface CardSpec {
  heading: string;
  /** Label, value, and whether it fails its standard. */
  rows: Array<{ label: string; value: string; bad?: boolean }>;
  paragraphs: string[];
}

export interface MapPageSpec {
  kind: "map";
  layout: MapPageLayout;
  title: string;
  subtitle: string;
  scene: Scene;
  view: View;
  /** The parcel an atlas page is about: drawn with a heavy outline. */
  focusId?: string;
  hatches: boolean;
  layers: { zones: boolean; roads: boolean; facilities: boolean };
  legend: LegendSpec;
  scaleBar: ScaleBar;
  scaleCaption: string;
  northLabel: string;
  footer: string[];
  notice?: string;
  card?: CardSpec;
}

export interface TitlePageSpec {
  kind: "title";
  page: PageSize;
  title: string;
  subtitle: string;
  lines: string[];
  table: { head: string[]; widths: number[]; rows: string[][] };
  footer: string[];
  notice?: string;
}

export interface TablePageSpec {
  kind: "table";
  page: PageSize;
  title: string;
  /** Lines under the title (meeting date, place …). */
  lines: string[];
  head: string[];
  /** Column widths as fractions of the table width; a `thumb` column draws the row's map. */
  widths: number[];
  thumbColumn?: number;
  rowHeight: number;
  rows: Array<{ cells: string[]; thumb?: { scene: Scene; view: View; focusId: string } }>;
  /** Drawn after the last row (the signatures block). */
  after?: string[];
  footer: string[];
  notice?: string;
}

export type PageSpec = MapPageSpec | TitlePageSpec | TablePageSpec;

export function pageOf(spec: PageSpec): PageSize {
  return spec.kind === "map" ? spec.layout.page : spec.page;
}

const INK = "#222222";
const GREY = "#666666";
const RED = "#b00020";

function rectRing(r: Rect): XY[] {
  return [
    [r.x, r.y],
    [r.x + r.w, r.y],
    [r.x + r.w, r.y + r.h],
    [r.x, r.y + r.h],
  ];
}

/**
 * Break text into lines no wider than `maxW` mm: at spaces for Latin text, between any two
 * characters for Chinese (never before closing punctuation).
 */
export function wrapText(
  s: string,
  maxW: number,
  size: number,
  measure: (s: string, size: number) => number,
): string[] {
  const out: string[] = [];
  for (const para of s.split("\n")) {
    const tokens = para.match(/[A-Za-z0-9.,:;%()'’\-/+]+\s*|\s+|./gu) ?? [];
    let line = "";
    for (const tok of tokens) {
      const next = line + tok;
      if (line !== "" && measure(next.trimEnd(), size) > maxW && !/^[，。、；：）」』！？,.;:)]/u.test(tok)) {
        out.push(line.trimEnd());
        line = tok.trimStart();
      } else line = next;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** Draw the map of a scene into `frame`: parcels, hatches, zones, roads, facilities, a focus outline. */
export function drawMap(
  s: Surface,
  scene: Scene,
  view: View,
  frame: Rect,
  opts: {
    hatches: boolean;
    layers: { zones: boolean; roads: boolean; facilities: boolean };
    focusId?: string;
    thin?: boolean;
  },
): void {
  const at = toPaper(view, frame);
  const k = 1000 / view.denominator; // mm per metre
  s.path([rectRing(frame)], { fill: "#fbfaf6" });
  s.clip([rectRing(frame)]);
  const w = opts.thin ? 0.5 : 1;
  for (const p of scene.parcels) {
    for (const poly of p.polygons)
      s.path(
        poly.map((r) => r.map(at)),
        { fill: p.fill, stroke: "#ffffff", width: 0.2 * w },
      );
  }
  if (opts.hatches) {
    for (const p of scene.parcels) {
      if (!p.hatch) continue;
      const h = FLAG_HATCH[p.hatch];
      const color = `#${h.rgba
        .slice(0, 3)
        .map((c) => c.toString(16).padStart(2, "0"))
        .join("")}`;
      for (const poly of p.polygons) {
        const rings = poly.map((r) => r.map(at));
        s.clip(rings);
        hatchLines(s, rings[0] ?? [], opts.thin ? 1.2 : 2, color, h.rgba[3] / 255, h.cross);
        s.restore();
      }
    }
  }
  if (opts.layers.zones)
    for (const z of scene.zones)
      s.path(
        z.map((r) => r.map(at)),
        { stroke: "#c62828", width: 0.5 * w, dash: [2.5 * w, 1.2 * w] },
      );
  if (opts.layers.roads) {
    const roads = scene.roads.map((l) => l.map(at));
    if (roads.length > 0) {
      s.path(roads, { stroke: "#9a9a9a", width: Math.max(0.6, 6 * k) * w }, false);
      s.path(roads, { stroke: "#ffffff", width: Math.max(0.35, 4.5 * k) * w }, false);
    }
  }
  if (opts.layers.facilities)
    for (const f of scene.facilities) {
      const [x, y] = at(f.at);
      const r = opts.thin ? 0.7 : 1.2;
      s.path([circle(x, y, r)], { fill: f.color, stroke: "#ffffff", width: 0.25 });
    }
  if (opts.focusId !== undefined) {
    const focus = scene.parcels.find((p) => p.id === opts.focusId);
    if (focus)
      for (const poly of focus.polygons)
        s.path(
          poly.map((r) => r.map(at)),
          { stroke: "#0057d9", width: opts.thin ? 0.5 : 0.8 },
        );
  }
  s.restore();
  s.path([rectRing(frame)], { stroke: INK, width: 0.3 });
}

function circle(x: number, y: number, r: number, n = 16): XY[] {
  return Array.from(
    { length: n },
    (_, i) => [x + r * Math.cos((2 * Math.PI * i) / n), y + r * Math.sin((2 * Math.PI * i) / n)] as XY,
  );
}

/** Diagonal hatch lines across a ring's box (the caller has clipped to the ring). */
function hatchLines(
  s: Surface,
  ring: readonly XY[],
  period: number,
  color: string,
  opacity: number,
  cross: boolean,
) {
  if (ring.length === 0) return;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const lines: XY[][] = [];
  const span = maxX - minX + (maxY - minY);
  // "/" lines x + y = c, on a fixed paper grid so neighbouring parcels' hatches line up
  const start = Math.floor((minX + minY) / period) * period;
  for (let c = start; c <= maxX + maxY + period; c += period) {
    lines.push([
      [c - minY + span, minY - span],
      [c - maxY - span, maxY + span],
    ]);
    if (cross) {
      const d = c - minY - maxY; // "\" lines x − y = d, over the same range of the box
      lines.push([
        [d + minY - span, minY - span],
        [d + maxY + span, maxY + span],
      ]);
    }
  }
  s.path(lines, { stroke: color, strokeOpacity: opacity, width: 0.18 }, false);
}

function drawLegend(s: Surface, spec: LegendSpec, x: number, y: number, w: number, type: number): number {
  const size = 8.5 * type;
  s.text(spec.unit ? `${spec.title}（${spec.unit}）` : spec.title, x, y + size * PT, {
    size: 9.5 * type,
    color: INK,
  });
  let yy = y + 9.5 * type * PT + 2.5;
  const sw = 6 * type;
  const sh = 3.6 * type;
  for (const e of spec.entries) {
    const box: XY[] = rectRing({ x, y: yy, w: sw, h: sh });
    s.path([box], { fill: e.color, stroke: "#555555", width: 0.15 });
    if (e.hatch) {
      const h = FLAG_HATCH[e.hatch];
      s.clip([box]);
      hatchLines(s, box, 1.4, "#222222", h.rgba[3] / 255, h.cross);
      s.restore();
    }
    s.text(e.label, x + sw + 2, yy + sh - 0.6, { size, color: INK });
    s.text(spec.countText(e.count), x + w, yy + sh - 0.6, { size, color: GREY, align: "right" });
    yy += sh + 1.6 * type;
  }
  return yy;
}

function drawScaleBar(
  s: Surface,
  bar: ScaleBar,
  caption: string,
  x: number,
  y: number,
  type: number,
): number {
  s.text(caption, x, y + 8 * type * PT, { size: 8 * type, color: INK });
  const by = y + 8 * type * PT + 2;
  const seg = bar.lengthMm / bar.segments;
  for (let i = 0; i < bar.segments; i++)
    s.path([rectRing({ x: x + i * seg, y: by, w: seg, h: 1.6 })], {
      fill: i % 2 === 0 ? INK : "#ffffff",
      stroke: INK,
      width: 0.2,
    });
  const ly = by + 1.6 + 7 * type * PT + 0.8;
  s.text("0", x, ly, { size: 7 * type, color: INK, align: "center" });
  s.text(bar.label, x + bar.lengthMm, ly, { size: 7 * type, color: INK, align: "center" });
  return ly + 1;
}

function drawNorthArrow(s: Surface, label: string, cx: number, top: number, rad: number, type: number): void {
  const h = 11 * type;
  const cy = top + 4 + h / 2;
  const rot = (p: XY): XY => {
    const [dx, dy] = [p[0] - cx, p[1] - cy];
    return [cx + dx * Math.cos(rad) - dy * Math.sin(rad), cy + dx * Math.sin(rad) + dy * Math.cos(rad)];
  };
  const tip: XY = [cx, cy - h / 2];
  const left: XY = [cx - h / 4, cy + h / 2];
  const right: XY = [cx + h / 4, cy + h / 2];
  const notch: XY = [cx, cy + h / 4];
  s.path([[tip, left, notch].map(rot)], { fill: "#ffffff", stroke: INK, width: 0.25 });
  s.path([[tip, notch, right].map(rot)], { fill: INK, stroke: INK, width: 0.25 });
  s.text(label, cx, top + 3, { size: 8 * type, color: INK, align: "center" });
}

function drawFooter(s: Surface, lines: string[], r: Rect, type: number) {
  s.path(
    [
      [
        [r.x, r.y],
        [r.x + r.w, r.y],
      ],
    ],
    { stroke: "#999999", width: 0.2 },
    false,
  );
  const size = 7 * type;
  let y = r.y + 1 + size * PT;
  // As many lines as fit, each cut to the width by wrapping and keeping the first line.
  for (const line of lines) {
    const first = wrapText(line, r.w, size, s.measure)[0] ?? "";
    s.text(first, r.x, y, { size, color: GREY });
    y += size * PT * 1.35;
    if (y > r.y + r.h + 1) break;
  }
}

function drawNotice(s: Surface, notice: string, r: Rect, type: number) {
  s.path([rectRing(r)], { fill: "#fff3f3", fillOpacity: 0.92, stroke: RED, width: 0.3 });
  const size = Math.min(8.5 * type, (r.h / PT) * 0.55);
  const lines = wrapText(notice, r.w - 4, size, s.measure);
  s.text(lines[0] ?? "", r.x + r.w / 2, r.y + r.h / 2 + (size * PT) / 2.8, {
    size,
    color: RED,
    align: "center",
  });
}

function drawMapPage(s: Surface, p: MapPageSpec) {
  const L = p.layout;
  const t = L.type;
  s.text(p.title, L.title.x, L.title.y + 15 * t * PT, { size: 15 * t, color: INK });
  s.text(p.subtitle, L.title.x, L.title.y + L.title.h - 1, { size: 8.5 * t, color: GREY });
  drawMap(s, p.scene, p.view, L.map, {
    hatches: p.hatches,
    layers: p.layers,
    ...(p.focusId !== undefined ? { focusId: p.focusId } : {}),
  });
  if (p.notice && L.notice) drawNotice(s, p.notice, L.notice, t);
  // Panel: legend, then scale and north arrow; the parcel card below (landscape) or beside (portrait).
  const pn = L.panel;
  const portrait = L.page.orientation === "portrait";
  const colW = portrait ? pn.w * 0.42 : pn.w;
  const legendBottom = drawLegend(s, p.legend, pn.x, pn.y, colW - (portrait ? 4 : 0), t);
  const scaleY = portrait ? legendBottom + 3 : legendBottom + 4;
  drawScaleBar(s, p.scaleBar, p.scaleCaption, pn.x, scaleY, t);
  drawNorthArrow(s, p.northLabel, pn.x + colW - 8 * t, scaleY - 3, p.scene.northRad, t);
  if (p.card) {
    const cx = portrait ? pn.x + colW + 4 : pn.x;
    const cy = portrait ? pn.y : scaleY + 20 * t;
    drawCard(s, p.card, { x: cx, y: cy, w: portrait ? pn.w - colW - 4 : pn.w, h: pn.y + pn.h - cy }, t);
  }
  drawFooter(s, p.footer, L.footer, t);
}

function drawCard(s: Surface, card: CardSpec, r: Rect, type: number) {
  s.path([rectRing(r)], { stroke: "#bbbbbb", width: 0.2 });
  const size = 7.6 * type;
  const lh = size * PT * 1.45;
  let y = r.y + 2 + 9.5 * type * PT;
  s.text(card.heading, r.x + 2, y, { size: 9.5 * type, color: INK });
  y += 2.2;
  const bottom = r.y + r.h - 1.5;
  for (const row of card.rows) {
    y += lh;
    if (y > bottom) return;
    s.text(row.label, r.x + 2, y, { size, color: GREY });
    s.text(row.value, r.x + r.w - 2, y, { size, color: row.bad ? RED : INK, align: "right" });
  }
  y += 1.5;
  for (const para of card.paragraphs) {
    for (const line of wrapText(para, r.w - 4, size, s.measure)) {
      y += lh;
      if (y > bottom) return;
      s.text(line, r.x + 2, y, { size, color: INK });
    }
  }
}

function drawTable(
  s: Surface,
  x: number,
  y: number,
  w: number,
  head: string[],
  widths: number[],
  rows: Array<{ cells: string[]; thumb?: { scene: Scene; view: View; focusId: string } }>,
  rowH: number,
  size: number,
  thumbColumn?: number,
): number {
  const cols = widths.map((f) => f * w);
  const lh = size * PT * 1.35;
  const headH = lh + 2.5;
  s.path([rectRing({ x, y, w, h: headH })], { fill: "#eeeeee", stroke: "#999999", width: 0.2 });
  let cx = x;
  head.forEach((h, i) => {
    s.text(wrapText(h, cols[i]! - 2, size, s.measure)[0] ?? "", cx + 1, y + headH - 1.6, {
      size,
      color: INK,
    });
    cx += cols[i]!;
  });
  let yy = y + headH;
  for (const row of rows) {
    s.path([rectRing({ x, y: yy, w, h: rowH })], { stroke: "#bbbbbb", width: 0.15 });
    cx = x;
    row.cells.forEach((c, i) => {
      if (i === thumbColumn && row.thumb) {
        drawMap(
          s,
          row.thumb.scene,
          row.thumb.view,
          { x: cx + 0.8, y: yy + 0.8, w: cols[i]! - 1.6, h: rowH - 1.6 },
          {
            hatches: true,
            layers: { zones: false, roads: true, facilities: false },
            focusId: row.thumb.focusId,
            thin: true,
          },
        );
      } else {
        const lines = wrapText(c, cols[i]! - 2, size, s.measure);
        const max = Math.max(1, Math.floor((rowH - 1) / lh));
        lines.slice(0, max).forEach((line, li) => {
          s.text(line, cx + 1, yy + 1 + lh * (li + 1) - 0.6, { size, color: INK });
        });
      }
      cx += cols[i]!;
    });
    yy += rowH;
  }
  return yy;
}

function drawTitlePage(s: Surface, p: TitlePageSpec) {
  const m = 18;
  const w = p.page.widthMm - 2 * m;
  let y = m + 22;
  s.text(p.title, p.page.widthMm / 2, y, { size: 22, color: INK, align: "center" });
  y += 10;
  s.text(p.subtitle, p.page.widthMm / 2, y, { size: 11, color: GREY, align: "center" });
  y += 10;
  if (p.notice) {
    drawNotice(s, p.notice, { x: m, y, w, h: 9 }, 1);
    y += 14;
  }
  for (const line of p.lines) {
    for (const l of wrapText(line, w, 10, s.measure)) {
      s.text(l, m, y, { size: 10, color: INK });
      y += 5.2;
    }
  }
  y += 3;
  const rows = p.table.rows.map((cells) => ({ cells }));
  const fit = Math.max(0, Math.floor((p.page.heightMm - m - 14 - y - 8) / 6));
  drawTable(s, m, y, w, p.table.head, p.table.widths, rows.slice(0, fit), 6, 8.5);
  drawFooter(s, p.footer, { x: m, y: p.page.heightMm - m - 9, w, h: 9 }, 1);
}

function drawTablePage(s: Surface, p: TablePageSpec) {
  const m = 14;
  const w = p.page.widthMm - 2 * m;
  let y = m + 8;
  s.text(p.title, p.page.widthMm / 2, y, { size: 16, color: INK, align: "center" });
  y += 5;
  if (p.notice) {
    drawNotice(s, p.notice, { x: m, y, w, h: 7 }, 1);
    y += 9;
  }
  for (const line of p.lines)
    for (const l of wrapText(line, w, 9.5, s.measure)) {
      y += 5;
      s.text(l, m, y, { size: 9.5, color: INK });
    }
  y += 4;
  y = drawTable(s, m, y, w, p.head, p.widths, p.rows, p.rowHeight, 8, p.thumbColumn);
  y += 8;
  for (const line of p.after ?? []) {
    s.text(line, m, y, { size: 10, color: INK });
    y += 9;
  }
  drawFooter(s, p.footer, { x: m, y: p.page.heightMm - m - 6, w, h: 6 }, 1);
}

export function drawPage(s: Surface, p: PageSpec): void {
  if (p.kind === "map") drawMapPage(s, p);
  else if (p.kind === "title") drawTitlePage(s, p);
  else drawTablePage(s, p);
}
