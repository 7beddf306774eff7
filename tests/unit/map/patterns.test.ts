import { describe, expect, it } from "vitest";
import { flagPatterns, hatchImage, PATTERN_IDLE, PATTERN_UNDER } from "../../../src/map/patterns";

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
