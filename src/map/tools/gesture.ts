/**
 * Turns pointer down/up pairs into clicks and double clicks: a press that moved more than a few
 * pixels was a pan of the map, not a click; a click soon after another one at the same place is a
 * double click. Times and positions come from the events, so tests drive it with plain numbers.
 */
import type { ScreenPoint, ToolPointerEvent } from "./types";

/** A press that moves further than this (px) is a drag, not a click. */
export const CLICK_TOLERANCE_PX = 4;
/** Two clicks closer than this in time (ms) and space (px) make a double click. */
export const DOUBLE_CLICK_MS = 350;
export const DOUBLE_CLICK_PX = 6;

const dist = (a: ScreenPoint, b: ScreenPoint) => Math.hypot(a[0] - b[0], a[1] - b[1]);

export type Gesture = "click" | "double" | null;

export class ClickTracker {
  private down: ToolPointerEvent | null = null;
  private lastClick: ToolPointerEvent | null = null;

  pointerDown(e: ToolPointerEvent): void {
    this.down = e.button === "left" ? e : null;
  }

  /** What the release completes: a click, the second click of a double click, or nothing (a drag). */
  pointerUp(e: ToolPointerEvent): Gesture {
    const d = this.down;
    this.down = null;
    if (!d || e.button !== "left" || dist(d.point, e.point) > CLICK_TOLERANCE_PX) return null;
    const prev = this.lastClick;
    if (prev && e.time - prev.time <= DOUBLE_CLICK_MS && dist(prev.point, e.point) <= DOUBLE_CLICK_PX) {
      this.lastClick = null;
      return "double";
    }
    this.lastClick = e;
    return "click";
  }

  reset(): void {
    this.down = null;
    this.lastClick = null;
  }
}
