/**
 * The split between the map and the bottom panel (exports, filters, parcel table). The panel's
 * height is kept as a fraction of the window height (so it scales with the screen it is reloaded
 * on) and clamped in pixels when drawn, so neither the map nor the table becomes unusable.
 */

/** The map keeps at least this height, CSS px. */
export const MIN_MAP_PX = 200;
/** The bottom panel keeps at least this height when shown, CSS px (export bar, filters, header, ≥ 1 row). */
export const MIN_TABLE_PX = 150;
/** Keyboard step of the splitter: 5 % of the window height. */
export const TABLE_STEP = 0.05;
/** Default panel height: 32 % of the window height (the former `--bottom-h: 32vh`). */
export const DEFAULT_TABLE_FRACTION = 0.32;

export interface TableLayout {
  /** Bottom panel height as a fraction (0–1) of the window height, as the user last left it. */
  tableFraction: number;
  /** The panel is hidden and the map takes the whole height. */
  tableCollapsed: boolean;
}

export const DEFAULT_TABLE_LAYOUT: TableLayout = {
  tableFraction: DEFAULT_TABLE_FRACTION,
  tableCollapsed: false,
};

/**
 * Panel height in px for a wanted height, given the px the map and the panel share.
 * At least MIN_TABLE_PX; at most what leaves MIN_MAP_PX for the map.
 * When the space is too small for both minimums, the table keeps its minimum.
 */
export function clampTableHeight(wantedPx: number, sharedPx: number): number {
  const want = Number.isFinite(wantedPx) ? wantedPx : 0;
  const max = sharedPx - MIN_MAP_PX;
  return Math.round(Math.max(MIN_TABLE_PX, Math.min(want, max)));
}

/** Panel height in px to draw (0 when collapsed). `windowPx`: window height; `sharedPx`: map + panel px. */
export function tableHeightPx(layout: TableLayout, windowPx: number, sharedPx: number): number {
  if (layout.tableCollapsed) return 0;
  return clampTableHeight(layout.tableFraction * windowPx, sharedPx);
}

/** The layout after the panel was dragged to `heightPx` (clamped; dragging always shows the panel). */
export function dragTable(heightPx: number, windowPx: number, sharedPx: number): TableLayout {
  const px = clampTableHeight(heightPx, sharedPx);
  return { tableFraction: windowPx > 0 ? px / windowPx : DEFAULT_TABLE_FRACTION, tableCollapsed: false };
}

/**
 * The layout after a splitter key (ArrowUp: taller panel by 5 % of the window, ArrowDown: shorter,
 * Home: collapse, End: show). Null for any other key. From collapsed, ArrowUp shows the panel.
 */
export function keyTable(
  layout: TableLayout,
  key: string,
  windowPx: number,
  sharedPx: number,
): TableLayout | null {
  if (key === "Home") return { ...layout, tableCollapsed: true };
  if (key === "End") return { ...layout, tableCollapsed: false };
  if (key !== "ArrowUp" && key !== "ArrowDown") return null;
  if (layout.tableCollapsed) return key === "ArrowUp" ? { ...layout, tableCollapsed: false } : layout;
  const now = tableHeightPx(layout, windowPx, sharedPx);
  const step = TABLE_STEP * windowPx * (key === "ArrowUp" ? 1 : -1);
  return dragTable(now + step, windowPx, sharedPx);
}

/** Stored layout fields of the right shape over `current` (bad or missing values keep `current`). */
export function sanitizeTableLayout(stored: unknown, current: TableLayout): TableLayout {
  const p = (typeof stored === "object" && stored !== null ? stored : {}) as Partial<
    Record<keyof TableLayout, unknown>
  >;
  const f = p.tableFraction;
  return {
    tableFraction: typeof f === "number" && Number.isFinite(f) && f > 0 && f < 1 ? f : current.tableFraction,
    tableCollapsed: typeof p.tableCollapsed === "boolean" ? p.tableCollapsed : current.tableCollapsed,
  };
}
