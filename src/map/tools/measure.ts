/**
 * Measuring on the map: a distance along a polyline, or the area (and perimeter) of a polygon,
 * computed planar in the analysis CRS — the same Gauss–Krüger plane the parcel areas are computed
 * in (`domain/area.ts`), so measuring a parcel's corners gives its official area. The result is
 * live while drawing (the pointer counts as the next vertex), finished by a double click or
 * Enter, cleared by Escape; a finished measurement stays on the map until the next click.
 */
import { planarAreaM2 } from "../../domain/area";
import { makeTransform, WGS84 } from "../../domain/crs";
import { m2ToMu } from "../../domain/units";
import { formatMeasurement } from "../../i18n/mapTools";
import { labelPoint } from "../geometry";
import { type Sketch, SketchTool } from "./sketch";
import type { LngLat, ToolRender } from "./types";

export type MeasureKind = "distance" | "area";

/** A measurement as the panel shows it. */
export interface Measurement {
  kind: MeasureKind;
  /** Vertices placed (the pointer not counted). */
  vertices: number;
  /** Finished by a double click or Enter. */
  done: boolean;
  /** Length of the line, or the polygon's perimeter, m. */
  lengthM: number;
  /** The polygon's area, m² (null for a distance, or with fewer than 3 points). */
  areaM2: number | null;
  /** The same area in 亩. */
  areaMu: number | null;
  /** The plane it was computed in (e.g. `EPSG:4546`). */
  crs: string;
}

type Planar = (lngLat: LngLat) => [number, number];

/** Planar length of a polyline (metres in the plane's units). */
export function planarLength(pts: readonly [number, number][], closed = false): number {
  let sum = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as [number, number];
    const b = pts[i] as [number, number];
    sum += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  if (closed && pts.length >= 3) {
    const a = pts.at(-1) as [number, number];
    const b = pts[0] as [number, number];
    sum += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return sum;
}

/** The measurement of lon/lat points in a plane (`toPlane` from `makeTransform`). */
export function measure(
  kind: MeasureKind,
  pts: readonly LngLat[],
  toPlane: Planar,
  crs: string,
): Omit<Measurement, "vertices" | "done"> {
  const xy = pts.map(toPlane);
  if (kind === "distance") return { kind, lengthM: planarLength(xy), areaM2: null, areaMu: null, crs };
  if (xy.length < 3) return { kind, lengthM: planarLength(xy), areaM2: null, areaMu: null, crs };
  const areaM2 = planarAreaM2({ type: "Polygon", coordinates: [[...xy, xy[0] as [number, number]]] });
  return { kind, lengthM: planarLength(xy, true), areaM2, areaMu: m2ToMu(areaM2), crs };
}

export interface MeasureToolOptions {
  kind: MeasureKind;
  /** The analysis CRS (planar, metres), e.g. `EPSG:4546`. */
  crs: string;
  lang: "zh" | "en";
  /** The measurement changed (null: cleared). */
  onChange?(m: Measurement | null): void;
}

export class MeasureTool extends SketchTool {
  readonly id: string;
  private readonly toPlane: Planar;
  private lang: "zh" | "en";
  private current: Measurement | null = null;

  constructor(private readonly opts: MeasureToolOptions) {
    super(opts.kind === "distance" ? "line" : "polygon");
    this.id = `measure-${opts.kind}`;
    this.toPlane = makeTransform(WGS84, opts.crs);
    this.lang = opts.lang;
  }

  /** The measurement shown now (null when nothing is measured). */
  measurement(): Measurement | null {
    return this.current;
  }

  setLanguage(lang: "zh" | "en"): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.ctx?.redraw();
  }

  protected finished(): void {
    // The sketch stays (done) with its label; the next click starts a new measurement.
  }

  protected override changed(): void {
    const s: Sketch = this.sketch;
    const pts = s.live();
    const next: Measurement | null =
      pts.length === 0
        ? null
        : {
            ...measure(this.opts.kind, pts, this.toPlane, this.opts.crs),
            vertices: s.vertices.length,
            done: s.done,
          };
    this.current = next;
    this.opts.onChange?.(next);
  }

  override render(): ToolRender {
    const base = super.render();
    const m = this.current;
    const pts = this.sketch.live();
    if (!m || pts.length < 2) return base;
    let at: LngLat | null = pts.at(-1) ?? null;
    if (m.kind === "area" && pts.length >= 3) {
      const p = labelPoint({ type: "Polygon", coordinates: [[...pts, pts[0] as LngLat]] });
      if (p) at = [p[0] as number, p[1] as number];
    }
    if (!at) return base;
    return {
      type: "FeatureCollection",
      features: [
        ...base.features,
        {
          type: "Feature",
          properties: { role: "label", label: formatMeasurement(m, this.lang, "map") },
          geometry: { type: "Point", coordinates: at },
        },
      ],
    };
  }
}
