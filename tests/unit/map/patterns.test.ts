import { describe, expect, it } from "vitest";
import {
  flagPatterns,
  hatchImage,
  PATTERN_IDLE,
  PATTERN_UNDER,
  patternDataUrl,
} from "../../../src/map/patterns";

const alphaAt = (img: ReturnType<typeof hatchImage>, x: number, y: number) =>
  img.data[(y * img.width + x) * 4 + 3] ?? -1;

describe("hatch patterns", () => {
  it("has the right size and RGBA layout", () => {
    const img = hatchImage(8, 2, [0, 0, 0, 255]);
    expect(img.width).toBe(8);
    expect(img.data.length).toBe(8 * 8 * 4);
  });
  it("is seamless: the left column continues the right one, the top row the bottom one", () => {
    const img = hatchImage(12, 2, [0, 0, 0, 255]);
    // A diagonal "/" line through (x, y) continues at (x − 1, y + 1); across the tile edge that is
    // (size − 1, y + 1) for x = 0.
    for (let y = 0; y < 11; y++) expect(alphaAt(img, 0, y) > 0).toBe(alphaAt(img, 11, y + 1) > 0);
    for (let x = 1; x < 12; x++) expect(alphaAt(img, x, 11) > 0).toBe(alphaAt(img, x - 1, 0) > 0);
  });
  it("covers a fraction of the tile close to lineWidth/size (single) and about double (cross)", () => {
    const cover = (img: ReturnType<typeof hatchImage>) => {
      let on = 0;
      for (let i = 3; i < img.data.length; i += 4) if ((img.data[i] ?? 0) > 0) on++;
      return on / (img.width * img.height);
    };
    const single = cover(hatchImage(12, 2, [0, 0, 0, 255]));
    const cross = cover(hatchImage(12, 2, [0, 0, 0, 255], true));
    expect(single).toBeGreaterThan(0.1);
    expect(single).toBeLessThan(0.35);
    expect(cross).toBeGreaterThan(single * 1.5);
  });
  it("idle and underperforming patterns differ in shape, and projector ones are bolder", () => {
    const d = flagPatterns("default");
    const p = flagPatterns("projector");
    expect(d[PATTERN_IDLE]?.data).not.toEqual(d[PATTERN_UNDER]?.data);
    expect(p[PATTERN_IDLE]?.width).toBeGreaterThan(d[PATTERN_IDLE]?.width ?? 0);
  });
});

/** The opaque pixels an SVG data URL of `patternDataUrl` paints, as "x,y:rgba" strings. */
function svgPixels(url: string): string[] {
  const svg = decodeURIComponent(url.replace(/^data:image\/svg\+xml,/, ""));
  const out: string[] = [];
  for (const m of svg.matchAll(/<path fill="#(\w{6})" fill-opacity="([\d.]+)" d="([^"]+)"\/>/g)) {
    const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(m[1]!.slice(i, i + 2), 16));
    for (const c of m[3]!.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
      out.push(`${c[1]},${c[2]}:rgba(${r},${g},${b},${m[2]})`);
  }
  return out.sort();
}
function imagePixels(img: ReturnType<typeof hatchImage>): string[] {
  const out: string[] = [];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const o = (y * img.width + x) * 4;
      const a = img.data[o + 3]!;
      if (a > 0)
        out.push(
          `${x},${y}:rgba(${img.data[o]},${img.data[o + 1]},${img.data[o + 2]},${Number((a / 255).toFixed(3))})`,
        );
    }
  return out.sort();
}

describe("pattern tiles as SVG (the legend's key)", () => {
  for (const theme of ["default", "projector"] as const) {
    it(`paints exactly the map tile's pixels (${theme})`, () => {
      for (const id of [PATTERN_IDLE, PATTERN_UNDER]) {
        const img = flagPatterns(theme)[id]!;
        const url = patternDataUrl(img);
        expect(url).toMatch(new RegExp(`width%3D%22${img.width}%22`));
        const px = svgPixels(url);
        expect(px.length).toBeGreaterThan(0);
        expect(px).toEqual(imagePixels(img));
      }
    });
  }
});
