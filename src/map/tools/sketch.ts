/**
 * A point, line or polygon being clicked onto the map, and the generic drawing tool over it.
 *
 * Gestures (the same for every drawing tool): a click adds a vertex; a double click or Enter
 * finishes (a line needs 2 vertices, a polygon 3); Backspace removes the last vertex; Escape
 * cancels. Between clicks the sketch follows the pointer. A point finishes at its click.
 */
import { ClickTracker } from "./gesture";
import type {
  DrawnGeometry,
  LngLat,
  MapTool,
  ToolContext,
  ToolFeature,
  ToolKeyEvent,
  ToolPointerEvent,
  ToolRender,
} from "./types";

export type SketchKind = "point" | "line" | "polygon";

export const MIN_VERTICES: Record<SketchKind, number> = { point: 1, line: 2, polygon: 3 };

/** The state of one sketch: its vertices, where the pointer is, and whether it was finished. */
export class Sketch {
  vertices: LngLat[] = [];
  /** The pointer's position while drawing (the rubber-band vertex), null when off the map or done. */
  cursor: LngLat | null = null;
  done = false;

  constructor(readonly kind: SketchKind) {}

  get drawing(): boolean {
    return this.vertices.length > 0 && !this.done;
  }

  /** Enough vertices to finish. */
  get complete(): boolean {
    return this.vertices.length >= MIN_VERTICES[this.kind];
  }

  /** Add a vertex (a finished sketch starts over). */
  add(v: LngLat): void {
    if (this.done) this.clear();
    const last = this.vertices.at(-1);
    if (last && last[0] === v[0] && last[1] === v[1]) return;
    this.vertices.push(v);
  }

  /** Finish when complete; false (nothing changes) otherwise. */
  finish(): boolean {
    if (this.done || !this.complete) return false;
    this.done = true;
    this.cursor = null;
    return true;
  }

  undoVertex(): boolean {
    if (!this.drawing) return false;
    this.vertices.pop();
    return true;
  }

  clear(): void {
    this.vertices = [];
    this.cursor = null;
    this.done = false;
  }

  /** The vertices plus the pointer while drawing (what the user sees). */
  live(): LngLat[] {
    return this.drawing && this.cursor ? [...this.vertices, this.cursor] : [...this.vertices];
  }

  /** The finished geometry (lon/lat; the polygon ring closed). */
  geometry(): DrawnGeometry | null {
    const v = this.vertices;
    if (!this.complete) return null;
    if (this.kind === "point") return { type: "Point", coordinates: v[0] as LngLat };
    if (this.kind === "line") return { type: "LineString", coordinates: [...v] };
    return { type: "Polygon", coordinates: [[...v, v[0] as LngLat]] };
  }

  /** The sketch as render features: the line or polygon (closed once it has 3 points) and its vertices. */
  features(): ToolFeature[] {
    const pts = this.live();
    const out: ToolFeature[] = [];
    const active = !this.done;
    if (this.kind === "polygon" && pts.length >= 3)
      out.push({
        type: "Feature",
        properties: { role: "sketch", active },
        geometry: { type: "Polygon", coordinates: [[...pts, pts[0] as LngLat]] },
      });
    else if (this.kind !== "point" && pts.length >= 2)
      out.push({
        type: "Feature",
        properties: { role: "sketch", active },
        geometry: { type: "LineString", coordinates: pts },
      });
    for (const v of this.vertices)
      out.push({
        type: "Feature",
        properties: { role: "vertex", active },
        geometry: { type: "Point", coordinates: v },
      });
    return out;
  }
}

/**
 * Shared gesture handling of drawing tools: clicks, double clicks and keys drive a `Sketch`;
 * subclasses say what a finished sketch does (`finished`) and may add render features.
 */
export abstract class SketchTool implements MapTool {
  abstract readonly id: string;
  protected ctx: ToolContext | null = null;
  protected readonly sketch: Sketch;
  private readonly clicks = new ClickTracker();

  constructor(kind: SketchKind) {
    this.sketch = new Sketch(kind);
  }

  /** The sketch was finished (double click, Enter, or a point's click). */
  protected abstract finished(geometry: DrawnGeometry): void;
  /** The sketch changed (a vertex, the pointer, cleared). */
  protected changed(): void {}

  activate(ctx: ToolContext): void {
    this.ctx = ctx;
    ctx.setCursor("crosshair");
    ctx.setDoubleClickZoom(false);
  }

  deactivate(): void {
    this.sketch.clear();
    this.clicks.reset();
    this.changed();
    if (this.ctx) {
      this.ctx.setCursor("");
      this.ctx.setDoubleClickZoom(true);
      this.ctx.redraw();
    }
    this.ctx = null;
  }

  onPointerDown(e: ToolPointerEvent): void {
    this.clicks.pointerDown(e);
  }

  onPointerMove(e: ToolPointerEvent): void {
    if (!this.sketch.drawing) return;
    this.sketch.cursor = e.lngLat;
    this.update();
  }

  onPointerUp(e: ToolPointerEvent): void {
    const g = this.clicks.pointerUp(e);
    if (g === null) return;
    if (g === "double") {
      // The double click's first click added its vertex already.
      if (this.sketch.drawing) this.finish();
      return;
    }
    this.sketch.add(e.lngLat);
    if (this.sketch.kind === "point") this.finish();
    else this.update();
  }

  onKey(e: ToolKeyEvent): boolean {
    if (e.key === "Enter") {
      if (!this.sketch.drawing) return false;
      this.finish();
      return true;
    }
    if (e.key === "Escape") {
      if (this.sketch.vertices.length === 0) return false;
      this.sketch.clear();
      this.clicks.reset();
      this.update();
      return true;
    }
    if (e.key === "Backspace") {
      if (!this.sketch.undoVertex()) return false;
      this.update();
      return true;
    }
    return false;
  }

  render(): ToolRender {
    return { type: "FeatureCollection", features: this.sketch.features() };
  }

  protected update(): void {
    this.changed();
    this.ctx?.redraw();
  }

  private finish(): void {
    if (!this.sketch.finish()) return;
    const g = this.sketch.geometry();
    if (g) this.finished(g);
    this.update();
  }
}

/**
 * The generic drawing tool: a point, a line or a polygon clicked onto the map, handed over in
 * lon/lat to `onFinish` (placing a facility, a bus line, a split line …); then the tool is ready
 * for the next one.
 */
export class DrawTool extends SketchTool {
  readonly id: string;

  constructor(
    kind: SketchKind,
    private readonly onFinish: (geometry: DrawnGeometry) => void,
  ) {
    super(kind);
    this.id = `draw-${kind}`;
  }

  protected finished(geometry: DrawnGeometry): void {
    this.onFinish(geometry);
    this.sketch.clear();
  }
}
