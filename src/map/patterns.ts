/**
 * Fill patterns for the flag overlay, generated at runtime as RGBA pixels (no sprite URL, works
 * offline): MapLibre takes them through `map.addImage(id, {width, height, data})`. Pure: plain
 * typed arrays, tested in node.
 *
 * Both patterns are near-black on transparent so they read in greyscale, on a projector and over
 * any fill colour; they differ in shape, not only in colour:
 * - idle land (闲置土地): diagonal lines "////";
 * - underperforming land (低效用地: class D, below standard): cross-hatch "XXXX".
 */

import { FLAG_HATCH } from "../domain/palette";

export const PATTERN_IDLE = "jiyue-hatch-idle";
export const PATTERN_UNDER = "jiyue-hatch-under";

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A square tile of diagonal lines, seamless when repeated.
 * @param size tile edge in pixels (the line period along each axis)
 * @param lineWidth line thickness in pixels
 * @param rgba line colour, 0–255 each
 * @param cross add the other diagonal too (cross-hatch)
 */
export function hatchImage(
  size: number,
  lineWidth: number,
  rgba: readonly [number, number, number, number],
  cross = false,
): PatternImage {
  const data = new Uint8Array(size * size * 4);
  const half = lineWidth / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance (along x) to the nearest "/" line x + y ≡ 0 (mod size), and "\" line x − y ≡ 0.
      const a = (x + y + 0.5) % size;
      const da = Math.min(a, size - a);
      const b = (((x - y) % size) + size) % size;
      const db = Math.min(b, size - b);
      const on = da <= half || (cross && db <= half);
      if (!on) continue;
      const o = (y * size + x) * 4;
      data[o] = rgba[0];
      data[o + 1] = rgba[1];
      data[o + 2] = rgba[2];
      data[o + 3] = rgba[3];
    }
  }
  return { width: size, height: size, data };
}

/** The flag patterns for a theme (the projector gets bolder lines on a larger period). */
export function flagPatterns(theme: "default" | "projector"): Record<string, PatternImage> {
  const p = theme === "projector";
  return {
    [PATTERN_IDLE]: hatchImage(p ? 16 : 12, p ? 3 : 2, FLAG_HATCH.idle.rgba, FLAG_HATCH.idle.cross),
    [PATTERN_UNDER]: hatchImage(p ? 16 : 12, p ? 2.5 : 1.5, FLAG_HATCH.under.rgba, FLAG_HATCH.under.cross),
  };
}

/**
 * A pattern tile as an SVG data URL, pixel for pixel (one unit square per opaque pixel, same
 * colour and alpha), so a CSS swatch repeats exactly the tile the map repeats. Colours are hex
 * with `fill-opacity`: no parentheses inside the CSS `url(…)`.
 * @example patternDataUrl(hatchImage(4, 1, [0, 0, 0, 255])) // "data:image/svg+xml,%3Csvg…"
 */
export function patternDataUrl(img: PatternImage): string {
  const byColour = new Map<string, string[]>();
  const { width, height, data } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const a = data[o + 3]!;
      if (a === 0) continue;
      const hex = [data[o]!, data[o + 1]!, data[o + 2]!].map((c) => c.toString(16).padStart(2, "0")).join("");
      const fill = `#${hex}" fill-opacity="${Number((a / 255).toFixed(3))}`;
      let d = byColour.get(fill);
      if (!d) {
        d = [];
        byColour.set(fill, d);
      }
      d.push(`M${x} ${y}h1v1h-1z`);
    }
  }
  const paths = [...byColour].map(([fill, d]) => `<path fill="${fill}" d="${d.join("")}"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" shape-rendering="crispEdges">${paths}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
