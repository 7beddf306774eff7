/**
 * The physical layout of the synthetic park: each zone is a slightly rotated rectangle in its
 * local frame (metres) with a jittered road grid; the blocks between the roads are subdivided
 * into rectangular parcels that share their boundaries exactly (no overlap, no gaps inside a
 * block). Everything is driven by the seeded PRNG.
 */
import { type Frame, type Local, type Rect, rectRing } from "./geometry";
import type { Rng } from "./prng";

export type ZoneId = "huangtukan" | "dayangbang";
export type RoadClass = "main" | "branch" | "access";

export interface ZoneSpec {
  id: ZoneId;
  name: string;
  nameEn: string;
  /** Short Chinese name used in parcel and road names. */
  short: string;
  /** Parcel id prefix. */
  prefix: "HTK" | "DYB";
  frame: Frame;
  /** Target spacing of the road grid along u and v (m). */
  colSpacingM: number;
  rowSpacingM: number;
  /** Number of blocks subdivided into small lots (standard factory plots for small firms). */
  fineBlocks: number;
  /** Number of blocks kept whole (one large parcel). */
  wholeBlocks: number;
}

/** The two zones, a few km from the county seat 业州镇 (≈ 109.72°E, 30.60°N). */
export const ZONES: readonly ZoneSpec[] = [
  {
    id: "huangtukan",
    name: "黄土坎片区",
    nameEn: "Huangtukan zone",
    short: "黄土坎",
    prefix: "HTK",
    frame: { centre: [109.7555, 30.6265], rotationDeg: 14, widthM: 2300, heightM: 1420 },
    colSpacingM: 320,
    rowSpacingM: 270,
    fineBlocks: 3,
    wholeBlocks: 3,
  },
  {
    id: "dayangbang",
    name: "大样榜片区",
    nameEn: "Dayangbang zone",
    short: "大样榜",
    prefix: "DYB",
    frame: { centre: [109.6905, 30.5725], rotationDeg: -22, widthM: 1760, heightM: 1140 },
    colSpacingM: 290,
    rowSpacingM: 280,
    fineBlocks: 2,
    wholeBlocks: 2,
  },
];

/** Road widths by class (m), used to set the blocks back from the centre lines. */
export const ROAD_WIDTH_M: Record<RoadClass, number> = { main: 30, branch: 18, access: 12 };
/** Extra setback of parcels from the road's edge (m). */
const SETBACK_M = 4;
/** Distance of the perimeter road's centre line from the zone rectangle's edge (m). */
const PERIMETER_M = 12;

/** A grid line: constant u (runs along v) or constant v (runs along u). */
export interface GridLine {
  axis: "u" | "v";
  at: number;
  index: number;
  cls: RoadClass;
}

export interface Block {
  col: number;
  row: number;
  rect: Rect;
  kind: "fine" | "normal" | "whole";
}

export interface ParcelShape {
  zone: ZoneId;
  block: Block;
  /** Index of the parcel within its block. */
  indexInBlock: number;
  rect: Rect;
  /** Counter-clockwise local ring with shared boundary vertices, not closed. */
  ring: Local[];
}

export interface ZoneLayout {
  spec: ZoneSpec;
  uLines: GridLine[];
  vLines: GridLine[];
  blocks: Block[];
  parcels: ParcelShape[];
  /** Zone boundary, local, counter-clockwise, not closed; contains the whole rectangle. */
  boundary: Local[];
  /** The central block (kept whole). */
  centreBlock: Block;
}

function gridPositions(rng: Rng, length: number, spacing: number): number[] {
  const span = length - 2 * PERIMETER_M;
  const n = Math.max(2, Math.round(span / spacing));
  const out: number[] = [];
  for (let i = 0; i <= n; i++) {
    const base = PERIMETER_M + (span * i) / n;
    const jitter = i === 0 || i === n ? 0 : rng.uniform(-0.12, 0.12) * (span / n);
    out.push(Math.round(base + jitter));
  }
  return out;
}

function lineClasses(count: number, internal: RoadClass): RoadClass[] {
  const middle = Math.floor((count - 1) / 2);
  return Array.from({ length: count }, (_, i) =>
    i === 0 || i === count - 1 ? "branch" : i === middle ? "main" : internal,
  );
}

/** Split [a, b] into n parts with jittered cut points (integer metres). */
function cuts(rng: Rng, a: number, b: number, n: number, jitter: number): number[] {
  const out = [a];
  for (let i = 1; i < n; i++) out.push(Math.round(a + ((b - a) * (i + rng.uniform(-jitter, jitter))) / n));
  out.push(b);
  return out;
}

function subdivide(rng: Rng, block: Block): Rect[] {
  const { u0, u1, v0, v1 } = block.rect;
  const w = u1 - u0;
  const d = v1 - v0;
  // A whole block stays one parcel unless it would exceed ~142 亩 (parcels are 5–150 亩): then halves.
  if (block.kind === "whole") {
    if (w * d <= 95000) return [block.rect];
    const mid = Math.round((u0 + u1) / 2);
    return [
      { u0, u1: mid, v0, v1 },
      { u0: mid, u1, v0, v1 },
    ];
  }
  // Fine blocks: two rows of small lots, back to back, about 60–75 m wide.
  const rows = block.kind === "fine" || (d > 200 && rng.chance(0.35)) ? 2 : 1;
  const vCuts = rows === 2 ? cuts(rng, v0, v1, 2, 0.12) : [v0, v1];
  const rects: Rect[] = [];
  for (let r = 0; r < rows; r++) {
    const lotWidth = block.kind === "fine" ? rng.uniform(58, 72) : rng.uniform(105, 175);
    const n = Math.max(1, Math.round(w / lotWidth));
    const uCuts = cuts(rng, u0, u1, n, block.kind === "fine" ? 0.08 : 0.2);
    for (let c = 0; c < n; c++)
      rects.push({ u0: uCuts[c]!, u1: uCuts[c + 1]!, v0: vCuts[r]!, v1: vCuts[r + 1]! });
  }
  return rects;
}

/** Outward-bulging boundary around the rectangle [0, W] × [0, H] (so it contains every block). */
function zoneBoundary(rng: Rng, w: number, h: number): Local[] {
  const edge = (from: Local, to: Local, normal: Local): Local[] => {
    const pts: Local[] = [from];
    const n = rng.int(2, 3);
    for (let i = 1; i <= n; i++) {
      const t = (i + rng.uniform(-0.25, 0.25)) / (n + 1);
      const off = rng.uniform(8, 70);
      pts.push([
        Math.round(from[0] + (to[0] - from[0]) * t + normal[0] * off),
        Math.round(from[1] + (to[1] - from[1]) * t + normal[1] * off),
      ]);
    }
    return pts;
  };
  return [
    ...edge([0, 0], [w, 0], [0, -1]),
    ...edge([w, 0], [w, h], [1, 0]),
    ...edge([w, h], [0, h], [0, 1]),
    ...edge([0, h], [0, 0], [-1, 0]),
  ];
}

export function layoutZone(rng: Rng, spec: ZoneSpec): ZoneLayout {
  const { widthM: w, heightM: h } = spec.frame;
  const boundary = zoneBoundary(rng, w, h);
  const us = gridPositions(rng, w, spec.colSpacingM);
  const vs = gridPositions(rng, h, spec.rowSpacingM);
  const uCls = lineClasses(us.length, "branch");
  const vCls = lineClasses(vs.length, "access");
  const uLines = us.map((at, index): GridLine => ({ axis: "u", at, index, cls: uCls[index]! }));
  const vLines = vs.map((at, index): GridLine => ({ axis: "v", at, index, cls: vCls[index]! }));
  const half = (l: GridLine) => ROAD_WIDTH_M[l.cls] / 2 + SETBACK_M;

  const blocks: Block[] = [];
  for (let row = 0; row + 1 < vLines.length; row++)
    for (let col = 0; col + 1 < uLines.length; col++) {
      const a = uLines[col]!;
      const b = uLines[col + 1]!;
      const c = vLines[row]!;
      const d = vLines[row + 1]!;
      blocks.push({
        col,
        row,
        kind: "normal",
        rect: { u0: a.at + half(a), u1: b.at - half(b), v0: c.at + half(c), v1: d.at - half(d) },
      });
    }
  // Whole blocks: the central block (the park's green heart) plus random inner blocks;
  // fine blocks: random inner blocks.
  const cols = uLines.length - 1;
  const rows = vLines.length - 1;
  const centre = blocks.find((b) => b.col === Math.floor(cols / 2) - 1 && b.row === Math.floor(rows / 2));
  if (!centre) throw new Error(`${spec.id}: grid too small`);
  const inner = rng.shuffle(blocks.filter((b) => b !== centre && b.col > 0 && b.row > 0 && b.col < cols - 1));
  centre.kind = "whole";
  for (const b of inner.slice(0, spec.wholeBlocks - 1)) b.kind = "whole";
  for (const b of inner.slice(spec.wholeBlocks - 1, spec.wholeBlocks - 1 + spec.fineBlocks)) b.kind = "fine";

  const parcels: ParcelShape[] = [];
  for (const block of blocks) {
    const rects = subdivide(rng, block);
    rects.forEach((rect, i) => {
      parcels.push({
        zone: spec.id,
        block,
        indexInBlock: i,
        rect,
        ring: rectRing(
          rect,
          rects.filter((o) => o !== rect),
        ),
      });
    });
  }
  return { spec, uLines, vLines, blocks, parcels, boundary, centreBlock: centre };
}
