/** Print layouts (src/io/pdf/layout.ts): page sizes in points, round print scales, scale bars. */
import { describe, expect, it } from "vitest";
import {
  fitScale,
  lengthLabel,
  mapPageLayout,
  pageSize,
  scaleBar,
  scaleText,
} from "../../../src/io/pdf/layout";

describe("page sizes", () => {
  it("A4 and A3 in points, both orientations", () => {
    expect(pageSize("A4", "portrait").widthPt).toBeCloseTo(595.28, 2);
    expect(pageSize("A4", "portrait").heightPt).toBeCloseTo(841.89, 2);
    expect(pageSize("A4", "landscape").widthPt).toBeCloseTo(841.89, 2);
    expect(pageSize("A3", "portrait").widthPt).toBeCloseTo(841.89, 2);
    expect(pageSize("A3", "landscape").heightPt).toBeCloseTo(841.89, 2);
    expect(pageSize("A3", "landscape").widthPt).toBeCloseTo(1190.55, 2);
  });
  it("the frames stay inside the page margins and do not overlap", () => {
    for (const paper of ["A4", "A3"] as const)
      for (const o of ["portrait", "landscape"] as const) {
        const L = mapPageLayout(paper, o, true);
        for (const r of [L.title, L.map, L.panel, L.footer]) {
          expect(r.x).toBeGreaterThanOrEqual(L.margin - 1e-9);
          expect(r.x + r.w).toBeLessThanOrEqual(L.page.widthMm - L.margin + 1e-9);
          expect(r.y + r.h).toBeLessThanOrEqual(L.page.heightMm - L.margin + 1e-9);
        }
        expect(L.title.y + L.title.h).toBeLessThanOrEqual(L.map.y);
        expect(L.map.y + L.map.h).toBeLessThanOrEqual(L.footer.y);
        if (o === "landscape") expect(L.map.x + L.map.w).toBeLessThanOrEqual(L.panel.x);
        else expect(L.map.y + L.map.h).toBeLessThanOrEqual(L.panel.y);
        expect(L.notice).not.toBeNull();
      }
    expect(mapPageLayout("A4", "landscape", false).notice).toBeNull();
  });
});

describe("print scale", () => {
  it("is the smallest of 1, 2, 2.5, 5 × 10ⁿ that fits the extent", () => {
    // 800 m into 200 mm = exactly 1:4000 → 1:5000; 400 m into 150 mm is looser
    expect(fitScale({ w: 800, h: 400 }, { w: 200, h: 150 }, 0)).toBe(5000);
    expect(fitScale({ w: 1000, h: 100 }, { w: 100, h: 100 }, 0)).toBe(10000); // exactly 1:10 000
    expect(fitScale({ w: 1001, h: 100 }, { w: 100, h: 100 }, 0)).toBe(20000);
    expect(fitScale({ w: 2100, h: 100 }, { w: 100, h: 100 }, 0)).toBe(25000);
    expect(fitScale({ w: 120, h: 900 }, { w: 100, h: 100 }, 0)).toBe(10000);
    // 5 % padding each side: 900 m into 90 mm of 100 → 1:10 000
    expect(fitScale({ w: 900, h: 10 }, { w: 100, h: 100 })).toBe(10000);
  });
  it("says the ratio with digit groups", () => {
    expect(scaleText(5000)).toBe("1:5,000");
    expect(scaleText(100000)).toBe("1:100,000");
    expect(scaleText(500)).toBe("1:500");
  });
});

describe("scale bar", () => {
  it("the longest 1, 2, 5 × 10ⁿ m that fits, its paper length and label", () => {
    // 1:5000, 40 mm = 200 m → 200 m, 40 mm
    expect(scaleBar(5000, 40, "zh")).toEqual({ metres: 200, lengthMm: 40, segments: 4, label: "200 米" });
    // 1:10 000, 45 mm = 450 m → 200 m, 20 mm
    expect(scaleBar(10000, 45, "en")).toEqual({ metres: 200, lengthMm: 20, segments: 4, label: "200 m" });
    // 1:100 000, 45 mm = 4.5 km → 2 km
    expect(scaleBar(100000, 45, "zh")).toEqual({ metres: 2000, lengthMm: 20, segments: 4, label: "2 千米" });
    // 1:2500, 45 mm = 112.5 m → 100 m, 40 mm
    expect(scaleBar(2500, 45, "en")).toEqual({ metres: 100, lengthMm: 40, segments: 5, label: "100 m" });
    // 1:25 000, 45 mm = 1125 m → 1 km
    expect(scaleBar(25000, 45, "en")).toMatchObject({ metres: 1000, lengthMm: 40, label: "1 km" });
    // 1:20 000, 30 mm = 600 m → 500 m, 25 mm
    expect(scaleBar(20000, 30, "zh")).toMatchObject({
      metres: 500,
      lengthMm: 25,
      segments: 5,
      label: "500 米",
    });
  });
  it("labels lengths below 1 km in metres, from 1 km in kilometres", () => {
    expect(lengthLabel(999, "zh")).toBe("999 米");
    expect(lengthLabel(1500, "en")).toBe("1.5 km");
  });
});
