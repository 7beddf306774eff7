import type { Feature, FeatureCollection, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  bboxOf,
  bboxOverlap,
  diffIds,
  dimmedIds,
  focusBbox,
  framePaddingBox,
  labelPoint,
  labelPoints,
  parcelLabelPoints,
  pointInPolygon,
  revealAction,
} from "../../../src/map/geometry";

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const feature = (g: Polygon, properties: Record<string, unknown>): Feature<Polygon> => ({
  type: "Feature",
  properties,
  geometry: g,
});
const ZONES: FeatureCollection<Polygon> = {
  type: "FeatureCollection",
  features: [
    feature(square(109.8, 30.6, 109.82, 30.62), { id: "huangtukan", name: "黄土坎片区" }),
    feature(square(109.9, 30.55, 109.91, 30.57), {
      id: "dayangbang",
      name: "大样榜片区",
      nameEn: "Dayangbang",
    }),
  ],
};
const PARCELS: FeatureCollection<Polygon> = {
  type: "FeatureCollection",
  features: [feature(square(110, 31, 110.001, 31.001), { id: "P1", zone: "elsewhere" })],
};

describe("bboxOf / focusBbox", () => {
  it("boxes all coordinates, skipping non-finite ones", () => {
    const bad = feature(square(109.8, 30.6, 109.82, Number.NaN), {});
    expect(bboxOf([bad])).toEqual([109.8, 30.6, 109.82, 30.6]);
    expect(bboxOf([])).toBeNull();
  });
  it("frames a zone's parcels, or all parcels; the zone outlines only where there are no parcels", () => {
    const inZones: FeatureCollection<Polygon> = {
      type: "FeatureCollection",
      features: [
        feature(square(109.905, 30.56, 109.906, 30.561), { id: "D1", zone: "dayangbang" }),
        feature(square(109.81, 30.61, 109.812, 30.612), { id: "H1", zone: "huangtukan" }),
      ],
    };
    expect(focusBbox(ZONES, inZones, "dayangbang")).toEqual([109.905, 30.56, 109.906, 30.561]);
    expect(focusBbox(ZONES, inZones, "all")).toEqual([109.81, 30.56, 109.906, 30.612]);
    // No parcels in the zone (or none at all): its outline.
    expect(focusBbox(ZONES, PARCELS, "dayangbang")).toEqual([109.9, 30.55, 109.91, 30.57]);
    expect(focusBbox(ZONES, null, "all")).toEqual([109.8, 30.55, 109.91, 30.62]);
    expect(focusBbox(ZONES, PARCELS, "elsewhere")).toEqual([110, 31, 110.001, 31.001]);
    expect(focusBbox(ZONES, PARCELS, "nowhere")).toBeNull();
    expect(focusBbox(null, PARCELS, "all")).toEqual([110, 31, 110.001, 31.001]);
  });
});

describe("labelPoint", () => {
  it("uses the centroid of a convex polygon", () => {
    const p = labelPoint(square(0, 0, 2, 2));
    expect(p?.[0]).toBeCloseTo(1, 9);
    expect(p?.[1]).toBeCloseTo(1, 9);
  });
  it("stays inside a U-shaped polygon whose centroid is outside", () => {
    const u: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const p = labelPoint(u);
    expect(p).not.toBeNull();
    expect(pointInPolygon(p as number[], u.coordinates)).toBe(true);
  });
  it("uses the largest part of a MultiPolygon", () => {
    const p = labelPoint({
      type: "MultiPolygon",
      coordinates: [square(0, 0, 1, 1).coordinates, square(10, 10, 14, 14).coordinates],
    });
    expect(p?.[0]).toBeCloseTo(12, 9);
  });
});

describe("labelPoints", () => {
  it("writes zh and en labels (feature's English name, else the known zone name)", () => {
    const fc = labelPoints(ZONES);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: "huangtukan", label_zh: "黄土坎片区", label_en: "Huangtukan Zone" },
      { id: "dayangbang", label_zh: "大样榜片区", label_en: "Dayangbang" },
    ]);
  });
});

describe("diffIds / dimmedIds", () => {
  it("lists only what changed", () => {
    expect(diffIds(new Set(["a", "b"]), new Set(["b", "c"]))).toEqual({ added: ["c"], removed: ["a"] });
    expect(diffIds(new Set(["a"]), new Set(["a"]))).toEqual({ added: [], removed: [] });
  });
  it("dims everything outside the filter, nothing without a filter", () => {
    expect([...dimmedIds(["a", "b", "c"], new Set(["b"]))]).toEqual(["a", "c"]);
    expect(dimmedIds(["a", "b"], null).size).toBe(0);
  });
});

describe("parcelLabelPoints: one label point per parcel", () => {
  const square = (x: number, y: number, d: number) => [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ];
  // An L-shaped parcel whose centroid lies outside it, and a MultiPolygon with a large and a small part.
  const lShape = [
    [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ];
  const fc: FeatureCollection = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { id: "L" }, geometry: { type: "Polygon", coordinates: lShape } },
      {
        type: "Feature",
        properties: { id: "M" },
        geometry: { type: "MultiPolygon", coordinates: [square(10, 10, 0.1), square(20, 20, 2)] },
      },
      { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: square(5, 5, 1) } },
    ],
  };
  const out = parcelLabelPoints(fc);
  it("keeps the id and drops a feature without one", () => {
    expect(out.features.map((f) => f.properties?.id)).toEqual(["L", "M"]);
  });
  it("puts the point inside the parcel, even where the centroid is outside", () => {
    const p = out.features[0]?.geometry.coordinates ?? [];
    expect(pointInPolygon(p, lShape)).toBe(true);
  });
  it("labels a MultiPolygon once, in its largest part", () => {
    const p = out.features[1]?.geometry.coordinates ?? [];
    expect(pointInPolygon(p, square(20, 20, 2))).toBe(true);
  });
});

describe("revealAction (a table row brings its parcel into view)", () => {
  const W = 800;
  const H = 500;
  it("does nothing for a parcel on screen, also near the edge but inside the margin", () => {
    expect(revealAction({ x0: 100, y0: 100, x1: 200, y1: 180 }, W, H, 16)).toBe("none");
    expect(revealAction({ x0: 16, y0: 16, x1: 784, y1: 484 }, W, H, 16)).toBe("none");
  });
  it("pans (same zoom) for a parcel off screen or cut by the edge that fits at this zoom", () => {
    expect(revealAction({ x0: 2000, y0: -900, x1: 2050, y1: -860 }, W, H, 16)).toBe("pan");
    expect(revealAction({ x0: 780, y0: 100, x1: 900, y1: 200 }, W, H, 16)).toBe("pan");
  });
  it("frames a parcel too large for the map at this zoom", () => {
    expect(revealAction({ x0: 0, y0: 0, x1: 900, y1: 100 }, W, H, 16)).toBe("fit");
    expect(revealAction({ x0: 100, y0: 10, x1: 200, y1: 480 }, W, H, 16)).toBe("fit");
  });
});

describe("bboxOverlap", () => {
  it("is the share of the first box inside the second", () => {
    expect(bboxOverlap([0, 0, 2, 2], [0, 0, 2, 2])).toBe(1);
    expect(bboxOverlap([0, 0, 2, 2], [1, 0, 3, 2])).toBe(0.5);
    expect(bboxOverlap([0, 0, 1, 1], [5, 5, 6, 6])).toBe(0);
    expect(bboxOverlap([1, 1, 1, 1], [0, 0, 2, 2])).toBe(1);
  });
});

describe("framePaddingBox", () => {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };

  it("is the base padding on every side when nothing covers the map", () => {
    expect(framePaddingBox(752, 389, 32, none)).toEqual({ top: 32, right: 32, bottom: 32, left: 32 });
  });

  it("adds what the tool bar covers at the bottom (1024×768: a 76 px strip under a 752×389 map)", () => {
    expect(framePaddingBox(752, 389, 32, { ...none, bottom: 76 })).toEqual({
      top: 32,
      right: 32,
      bottom: 108,
      left: 32,
    });
  });

  it("keeps each axis within half the map, shrinking both sides in proportion", () => {
    // 200 px high: 17 + (17 + 76) = 110 > 100, so both scale by 100/110: 15.45 → 15, 84.5 → 84.
    expect(framePaddingBox(300, 200, 17, { ...none, bottom: 76 })).toEqual({
      top: 15,
      right: 17,
      bottom: 84,
      left: 17,
    });
    // Exactly half is allowed unchanged.
    expect(framePaddingBox(400, 200, 20, { ...none, top: 20, bottom: 40 }).bottom).toBe(60);
  });

  it("ignores negative insets (a bar measured outside the map)", () => {
    expect(framePaddingBox(752, 389, 32, { ...none, bottom: -50 }).bottom).toBe(32);
  });
});
