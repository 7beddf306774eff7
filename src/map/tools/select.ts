/**
 * The selection tool (the map's default): a click on a parcel selects it, a click on empty map
 * clears the selection; with Shift or Ctrl (⌘) held a click adds the parcel to the selection or
 * removes it, and a modified click on empty map changes nothing. A press that pans the map is not
 * a click. Hovering a parcel shows the pointer cursor.
 */
import { ClickTracker } from "./gesture";
import {
  EMPTY_RENDER,
  type MapTool,
  type ToolContext,
  type ToolPointerEvent,
  type ToolRender,
} from "./types";

export type SelectHow = "replace" | "toggle";

export interface SelectToolOptions {
  /** A click chose a parcel (`id`) or empty map (null). */
  onSelect(id: string | null, how: SelectHow): void;
}

export class SelectTool implements MapTool {
  readonly id = "select";
  private ctx: ToolContext | null = null;
  private readonly clicks = new ClickTracker();
  private overParcel = false;

  constructor(private readonly opts: SelectToolOptions) {}

  activate(ctx: ToolContext): void {
    this.ctx = ctx;
    this.overParcel = false;
    ctx.setCursor("");
  }

  deactivate(): void {
    this.ctx?.setCursor("");
    this.ctx = null;
    this.clicks.reset();
  }

  onPointerDown(e: ToolPointerEvent): void {
    this.clicks.pointerDown(e);
  }

  onPointerMove(e: ToolPointerEvent): void {
    if (!this.ctx) return;
    const over = this.ctx.parcelAt(e.point) !== null;
    if (over === this.overParcel) return;
    this.overParcel = over;
    this.ctx.setCursor(over ? "pointer" : "");
  }

  onPointerUp(e: ToolPointerEvent): void {
    // A double click is two clicks here (the second one selects the same parcel again).
    if (!this.ctx || this.clicks.pointerUp(e) === null) return;
    const id = this.ctx.parcelAt(e.point);
    const toggle = e.shiftKey || e.ctrlKey;
    if (toggle && id === null) return;
    this.opts.onSelect(id, toggle ? "toggle" : "replace");
  }

  render(): ToolRender {
    return EMPTY_RENDER;
  }
}
