/**
 * Holds the one active tool and hands it the map's events: the controller feeds pointer and key
 * events in and draws `render()` when asked (`draw`). Switching tools deactivates the old one
 * first, so a half-drawn sketch never survives a switch.
 */
import {
  EMPTY_RENDER,
  type MapTool,
  type ToolContext,
  type ToolKeyEvent,
  type ToolPointerEvent,
  type ToolRender,
} from "./types";

export class ToolManager {
  private tool: MapTool | null = null;

  /**
   * @param ctx what tools may ask of the map (its `redraw` is wrapped: the manager draws the
   *   active tool's output through `draw`)
   * @param draw draws a tool's render output (the controller's tool source)
   */
  constructor(
    private readonly ctx: Omit<ToolContext, "redraw">,
    private readonly draw: (render: ToolRender) => void,
  ) {}

  get active(): MapTool | null {
    return this.tool;
  }

  /** Make `tool` the active one (null: none). The same tool again changes nothing. */
  setTool(tool: MapTool | null): void {
    if (tool === this.tool) return;
    const old = this.tool;
    this.tool = null;
    old?.deactivate();
    this.tool = tool;
    if (tool) {
      const c = this.ctx;
      tool.activate({
        project: (ll) => c.project(ll),
        unproject: (pt) => c.unproject(pt),
        parcelAt: (pt) => c.parcelAt(pt),
        setCursor: (cursor) => c.setCursor(cursor),
        setDoubleClickZoom: (on) => c.setDoubleClickZoom(on),
        // A tool that was switched away from draws nothing any more.
        redraw: () => {
          if (this.tool === tool) this.draw(tool.render());
        },
      });
      this.draw(tool.render());
    } else this.draw(EMPTY_RENDER);
  }

  pointerDown(e: ToolPointerEvent): void {
    this.tool?.onPointerDown?.(e);
  }

  pointerMove(e: ToolPointerEvent): void {
    this.tool?.onPointerMove?.(e);
  }

  pointerUp(e: ToolPointerEvent): void {
    this.tool?.onPointerUp?.(e);
  }

  /** True when the active tool used the key. */
  key(e: ToolKeyEvent): boolean {
    return this.tool?.onKey?.(e) ?? false;
  }

  setLanguage(lang: "zh" | "en"): void {
    this.tool?.setLanguage?.(lang);
  }

  destroy(): void {
    this.setTool(null);
  }
}
