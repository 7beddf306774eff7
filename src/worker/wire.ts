/**
 * Compact wire form of an analysis result. Structured clone copies every string in full, and
 * each standards check carries its threshold's source text (a sentence, the same few sentences
 * for every parcel): at 10,000 parcels that was a quarter of the bytes the page had to decode.
 * The worker replaces each source with an index into a table; the client puts the strings back
 * (shared, so the page also holds each sentence once).
 *
 * Large results also travel in parts: decoding one message of 50,000 parcels froze the page for
 * seconds; parts of a few thousand are decoded in separate tasks, with input and rendering between.
 */
import type { AnalysedParcel, AnalysisResult, StandardCheck } from "../domain/types";

export interface WireResult {
  result: AnalysisResult;
  /** Source texts; `check.source` holds an index into this table (as a number). */
  sources: string[];
}

/** The check source table being filled, and `encode`: a check with its source as an index into it. */
function sourceTable(): { sources: string[]; encode: (c: StandardCheck) => StandardCheck } {
  const index = new Map<string, number>();
  const sources: string[] = [];
  const encoded = new Map<StandardCheck, StandardCheck>();
  const encode = (c: StandardCheck): StandardCheck => {
    let e = encoded.get(c);
    if (!e) {
      let i = index.get(c.source);
      if (i === undefined) {
        i = sources.length;
        sources.push(c.source);
        index.set(c.source, i);
      }
      e = { ...c, source: i as unknown as string };
      encoded.set(c, e);
    }
    return e;
  };
  return { sources, encode };
}

/** Intern check sources (new parcel and check objects: the analysis may freeze and share its checks). */
export function encodeResult(result: AnalysisResult): WireResult {
  const { sources, encode } = sourceTable();
  const parcels = result.parcels.map((p) => (p.checks.length ? { ...p, checks: p.checks.map(encode) } : p));
  return { result: { ...result, parcels }, sources };
}

/** One `part` message's content: parcels, and their geometries packed when they could be. */
export interface WirePart {
  /** Without `geometry` when `geometry` is given (in order, one per parcel). */
  part: AnalysedParcel[];
  geometry?: PackedGeometries;
}

/**
 * A result's parcels as the worker sends them: in parts of `size`, check sources interned (the
 * first part brings `sources`), each part's geometries packed beside it (`packGeometries`) unless
 * one of them cannot be. Each parcel is copied at most once; the parcels given are not changed.
 */
export function encodeParts(
  parcels: readonly AnalysedParcel[],
  size = PART_SIZE,
): { parts: WirePart[]; sources: string[] } {
  const { sources, encode } = sourceTable();
  const parts = splitParts(parcels, size).map((whole): WirePart => {
    const geometry = packGeometries(whole.map((p) => p.geometry));
    const part = whole.map((p) => {
      if (!geometry) return p.checks.length ? { ...p, checks: p.checks.map(encode) } : p;
      const { geometry: _packed, ...rest } = p;
      if (p.checks.length) rest.checks = p.checks.map(encode);
      return rest as AnalysedParcel;
    });
    return geometry ? { part, geometry } : { part };
  });
  return { parts, sources };
}

/** Put the source texts back (in place: the objects are the page's own copies after the message). */
export function decodeResult(wire: WireResult): AnalysisResult {
  decodeParcels(wire.result.parcels, wire.sources);
  return wire.result;
}

/** `decodeResult` for some of the parcels (a `part` as it arrives). */
export function decodeParcels(parcels: readonly AnalysedParcel[], sources: readonly string[]): void {
  for (const p of parcels)
    for (const c of p.checks as (Omit<StandardCheck, "source"> & { source: unknown })[]) {
      if (typeof c.source === "number") c.source = sources[c.source] ?? "";
    }
}

/**
 * Parcels per `part` message: each is received (structured-clone decoded) and decoded in its own
 * task, so the page is never frozen long. 2,000 took 150–600 ms to receive on the 2 loaded cores
 * of the browser benchmark (175,000 parcels, issue 13), 500 still 200–370 ms there; 250 halve that.
 */
export const PART_SIZE = 250;

/** Split the parcels into parts of `size` (the last may be shorter). */
export function splitParts<T>(items: readonly T[], size = PART_SIZE): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

/**
 * A part's geometries as two typed arrays, handed over with the part instead of cloned: sending
 * and receiving 175,000 parcels' coordinates as nested arrays took about 0.5 s in the worker and
 * 0.6 s on the page (issue 13). `shape` holds, per geometry, its type (0 Polygon, 1 MultiPolygon),
 * then (MultiPolygon) its polygon count, per polygon its ring count and per ring its position
 * count; `coords` holds the positions' x, y in order.
 */
export interface PackedGeometries {
  shape: Uint32Array;
  coords: Float64Array;
}

type ParcelGeometry = AnalysedParcel["geometry"];

/** Pack the geometries, or null when one has a position that is not exactly [x, y]. */
export function packGeometries(geoms: readonly ParcelGeometry[]): PackedGeometries | null {
  let shapeLen = 0;
  let coordLen = 0;
  for (const g of geoms) {
    if (g.type !== "Polygon" && g.type !== "MultiPolygon") return null;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    shapeLen += g.type === "Polygon" ? 1 : 2;
    for (const poly of polys) {
      shapeLen += 1 + poly.length;
      for (const ring of poly) {
        for (const pt of ring) if (pt.length !== 2) return null;
        coordLen += ring.length * 2;
      }
    }
  }
  const shape = new Uint32Array(shapeLen);
  const coords = new Float64Array(coordLen);
  let s = 0;
  let c = 0;
  for (const g of geoms) {
    const multi = g.type === "MultiPolygon";
    shape[s++] = multi ? 1 : 0;
    const polys = multi ? g.coordinates : [g.coordinates];
    if (multi) shape[s++] = polys.length;
    for (const poly of polys) {
      shape[s++] = poly.length;
      for (const ring of poly) {
        shape[s++] = ring.length;
        for (const pt of ring) {
          coords[c++] = pt[0] as number;
          coords[c++] = pt[1] as number;
        }
      }
    }
  }
  return { shape, coords };
}

/** The geometries `packGeometries` packed, as GeoJSON. */
export function unpackGeometries(packed: PackedGeometries): ParcelGeometry[] {
  const { shape, coords } = packed;
  let s = 0;
  let c = 0;
  const polygon = (): number[][][] => {
    const rings: number[][][] = new Array(shape[s++] as number);
    for (let r = 0; r < rings.length; r++) {
      const ring: number[][] = new Array(shape[s++] as number);
      for (let p = 0; p < ring.length; p++) {
        ring[p] = [coords[c] as number, coords[c + 1] as number];
        c += 2;
      }
      rings[r] = ring;
    }
    return rings;
  };
  const out: ParcelGeometry[] = [];
  while (s < shape.length) {
    if (shape[s++] === 1) {
      const polys: number[][][][] = new Array(shape[s++] as number);
      for (let i = 0; i < polys.length; i++) polys[i] = polygon();
      out.push({ type: "MultiPolygon", coordinates: polys });
    } else out.push({ type: "Polygon", coordinates: polygon() });
  }
  return out;
}
