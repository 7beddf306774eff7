/**
 * The map's colours, once: land-use groups, idle status, efficiency class and the flag overlay
 * (fills and hatches). Pure data, read by the map style (`src/map/landuse.ts`, `src/map/patterns.ts`),
 * the UI legend (`src/ui/colouring.ts`) and the print renderer (`src/io/pdf/`), so a printed map
 * is coloured exactly as the screen map.
 */
import type { LandUseGroup } from "./landuse";

/** Conventional planning colours per land-use group (工业 brown, 居住 yellow, 绿地 green …). */
export const LAND_USE_COLORS: Record<LandUseGroup, string> = {
  industrial: "#b9906a",
  logistics: "#8e63b0",
  residential: "#fff04d",
  publicService: "#f47fa0",
  commercial: "#e8453c",
  green: "#6cbf5e",
  transport: "#a8a8a8",
  utilities: "#4a90c8",
  vacant: "#f4f4ef",
  other: "#d8cbb4",
  unknown: "#e6e6e6",
};

/** Idle status (闲置土地) fills. */
export const IDLE_COLORS: Record<string, string> = {
  none: "#e9e6dc",
  overdue: "#fdd87d",
  "idle-1y": "#f08c3a",
  "idle-2y": "#b8321f",
  "idle-halted": "#5e3c99",
};
/** Efficiency class (亩均效益评价 A–D) fills. */
export const CLASS_COLORS: Record<string, string> = {
  A: "#1a9850",
  B: "#a6d96a",
  C: "#fdae61",
  D: "#d73027",
};
/** Flag (idle / underperforming / none) fills. */
export const FLAG_COLORS: Record<string, string> = { idle: "#b8321f", under: "#f08c3a", none: "#e9e6dc" };
/** A category without a colour of its own. */
export const OTHER_COLOR = "#e0e0e0";

/**
 * The flag overlay's hatches: near-black so they read in greyscale and over any fill; idle land
 * diagonal lines "////", underperforming land (class D, below standard) a cross-hatch "XXXX".
 * RGBA 0–255.
 */
export const FLAG_HATCH = {
  idle: { rgba: [20, 20, 20, 230], cross: false },
  under: { rgba: [60, 20, 20, 210], cross: true },
} as const satisfies Record<
  "idle" | "under",
  { rgba: readonly [number, number, number, number]; cross: boolean }
>;
