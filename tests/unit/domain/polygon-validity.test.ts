/**
 * The self-intersection check (issue 12: @turf/kinks took 36 s on one 100,000-vertex ring). It
 * finds what kinks found — on hand-made cases, random rings and every polygon of the fixtures and
 * the sample — except kinks' false positive: a hole touching its shell at one point is valid.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import kinks from "@turf/kinks";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { polygonSelfIntersection } from "../../../src/domain/polygon-validity";

type Rings = number[][][];
/** Both code paths: pair by pair, and through the segment index. */
const both = (rings: Rings) => {
  const pairwise = polygonSelfIntersection(rings, { indexThreshold: Number.POSITIVE_INFINITY });
  const indexed = polygonSelfIntersection(rings, { indexThreshold: 0 });
  expect(indexed).toEqual(pairwise);
  return pairwise;
};
const kink = (rings: Rings): Position | undefined =>
  kinks({ type: "Polygon", coordinates: rings }).features[0]?.geometry.coordinates;

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe("polygonSelfIntersection: cases", () => {
  it("a valid square, a square with a hole: nothing", () => {
    expect(both([square(0, 0, 10)])).toBeUndefined();
    expect(both([square(0, 0, 10), square(2, 2, 3)])).toBeUndefined();
  });

  it("a bow-tie: its crossing, at the point kinks reports", () => {
    const bowtie = [
      [
        [109.754, 30.6],
        [109.755, 30.601],
        [109.755, 30.6],
        [109.754, 30.601],
        [109.754, 30.6],
      ],
    ];
    expect(both(bowtie)).toEqual(kink(bowtie));
    expect(both(bowtie)?.map((v) => Math.round(v * 1e7) / 1e7)).toEqual([109.7545, 30.6005]);
  });

  it("a ring passing twice through one vertex, a vertex on a non-adjacent edge: reported", () => {
    const figureEight = [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [4, 2],
        [4, 4],
        [2, 4],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ];
    expect(both(figureEight)).toEqual([2, 2]);
    expect(kink(figureEight)).toBeDefined();
    const tJunction = [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0],
        [0, 4],
        [0, 0],
      ],
    ];
    expect(both(tJunction)).toEqual([2, 0]);
  });

  it("a hole crossing its shell, sharing an edge with it, or touching it twice: reported", () => {
    expect(both([square(0, 0, 10), square(8, 2, 4)])).toEqual([10, 2]);
    const sharedEdge = [
      square(0, 0, 10),
      [
        [0, 2],
        [3, 2],
        [3, 5],
        [0, 5],
        [0, 2],
      ],
    ];
    expect(both(sharedEdge)).toBeDefined();
    const twoTouches = [
      square(0, 0, 10),
      [
        [0, 5],
        [5, 2],
        [10, 5],
        [5, 8],
        [0, 5],
      ],
    ];
    // touching the right edge is allowed; the second touch (left edge) is reported
    expect(both(twoTouches)).toEqual([0, 5]);
  });

  it("a hole touching its shell at one vertex is valid (kinks' false positive)", () => {
    const rings = [
      square(0, 0, 10),
      [
        [0, 5],
        [4, 3],
        [4, 7],
        [0, 5],
      ],
    ];
    expect(kink(rings)).toEqual([0, 5]);
    expect(both(rings)).toBeUndefined();
    // a hole vertex on a shell vertex
    const atCorner = [
      square(0, 0, 10),
      [
        [0, 0],
        [3, 1],
        [1, 3],
        [0, 0],
      ],
    ];
    expect(both(atCorner)).toBeUndefined();
  });

  it("repeated consecutive positions are no intersection", () => {
    const rings = [
      [
        [0, 0],
        [10, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    expect(both(rings)).toBeUndefined();
  });

  it("a 20,000-vertex circle is valid; with one vertex pushed across it, the crossing is found", () => {
    const n = 20_000;
    const ring: number[][] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      ring.push([109.7 + 0.01 * Math.cos(a), 30.6 + 0.01 * Math.sin(a)]);
    }
    ring.push(ring[0] as number[]);
    expect(polygonSelfIntersection([ring])).toBeUndefined();
    const bad = ring.map((p) => [...p]);
    bad[n / 2] = [109.7 + 0.011, 30.6]; // the opposite side, beyond the rim: crosses its neighbourhood
    expect(polygonSelfIntersection([bad])).toBeDefined();
  });
});

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("polygonSelfIntersection agrees with kinks", () => {
  it("on 1,500 random rings of 4–40 vertices (valid and not), and at the same first point", () => {
    const r = rng(12);
    let invalid = 0;
    for (let k = 0; k < 1500; k++) {
      const n = 3 + Math.floor(r() * 38);
      const ring: number[][] = [];
      const star = k % 2 === 0; // half star-shaped (valid), half random points (mostly invalid)
      for (let i = 0; i < n; i++) {
        const a = (2 * Math.PI * i) / n;
        const rad = 1 + r() * 4;
        ring.push(star ? [rad * Math.cos(a), rad * Math.sin(a)] : [r() * 10, r() * 10]);
      }
      ring.push(ring[0] as number[]);
      const ours = both([ring]);
      expect(ours).toEqual(kink([ring]));
      if (ours) invalid++;
    }
    expect(invalid).toBeGreaterThan(500);
  });

  it("on every polygon of the fixtures and the sample", () => {
    const files = [
      "geodata/parcels.geojson",
      "tests/fixtures/io/read/validation/in.geojson",
      "tests/fixtures/io/read/fields/in.geojson",
      "tests/fixtures/io/read/crs-lonlat/in.geojson",
      "tests/fixtures/domain/area/holes-and-multipolygons/in.json",
    ];
    let polygons = 0;
    for (const f of files) {
      const json = JSON.parse(readFileSync(join(__dirname, "../../..", f), "utf8"));
      const features: { geometry?: { type?: string; coordinates?: unknown } }[] =
        json.features ?? json.parcels ?? [];
      for (const feat of features) {
        const g = feat.geometry;
        if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
        const parts = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as Rings[];
        for (const rings of parts) {
          if (!rings.every((ring) => Array.isArray(ring) && ring.length >= 4)) continue;
          if (!rings.flat().every((p) => typeof p[0] === "number" && typeof p[1] === "number")) continue;
          polygons++;
          expect(both(rings), `${f}`).toEqual(kink(rings));
        }
      }
    }
    expect(polygons).toBeGreaterThan(190);
  });
});
