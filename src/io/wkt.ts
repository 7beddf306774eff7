/**
 * Well-known text geometries as they come in spreadsheet columns: `POLYGON ((x y, …))`,
 * `MULTIPOLYGON (((…)))`, `POINT (x y)`, with or without `Z`/`M`/`ZM` (extra ordinates are
 * dropped), `EMPTY`, and PostGIS's EWKT prefix `SRID=4546;`. Never throws: returns the geometry or
 * a reason code.
 */
import type { MultiPolygon, Point, Polygon, Position } from "geojson";

export interface WktResult {
  geometry?: Polygon | MultiPolygon | Point;
  /** The EWKT `SRID=n;` prefix, as `EPSG:n`. */
  srid?: string;
  /** Why the text is not a geometry: `wkt-syntax`, `wkt-unsupported-type`, `wkt-empty`. */
  error?: "wkt-syntax" | "wkt-unsupported-type" | "wkt-empty";
  /** The geometry type named in the text (for `wkt-unsupported-type`). */
  type?: string;
}

/** Whether a text looks like (E)WKT of any geometry type (for finding the geometry column). */
export function looksLikeWkt(s: string): boolean {
  return /^\s*(srid\s*=\s*\d+\s*;\s*)?(multi)?(polygon|point|linestring|geometrycollection)\b/i.test(s);
}

/** Positions are nested at most this deep in what we accept (MULTIPOLYGON: 3 levels). */
const MAX_DEPTH = 3;

/**
 * Parse (E)WKT.
 * @example parseWkt("SRID=4546;POLYGON((0 0,1 0,1 1,0 0))") // → { geometry: {type:"Polygon",…}, srid: "EPSG:4546" }
 */
export function parseWkt(input: string): WktResult {
  let s = input.trim();
  let srid: string | undefined;
  const m = /^srid\s*=\s*(\d{1,9})\s*;/i.exec(s);
  if (m) {
    srid = `EPSG:${Number(m[1])}`;
    s = s.slice(m[0].length).trim();
  }
  const head = /^([a-z]+)\s*(zm|z|m)?\s*/i.exec(s);
  if (!head) return { error: "wkt-syntax", ...(srid ? { srid } : {}) };
  const type = (head[1] as string).toUpperCase();
  const dims = (head[2] ?? "").toUpperCase();
  const rest = s.slice(head[0].length);
  const withSrid = srid ? { srid } : {};
  if (type !== "POLYGON" && type !== "MULTIPOLYGON" && type !== "POINT") {
    return { error: "wkt-unsupported-type", type, ...withSrid };
  }
  if (/^empty\s*$/i.test(rest)) return { error: "wkt-empty", type, ...withSrid };
  const tree = parseNested(rest);
  if (tree === undefined) return { error: "wkt-syntax", type, ...withSrid };
  const minOrd = dims === "ZM" ? 4 : dims === "Z" || dims === "M" ? 3 : 2;
  const depthWanted = type === "POINT" ? 1 : type === "POLYGON" ? 2 : 3;
  const coords = toCoords(tree, depthWanted, minOrd);
  if (coords === undefined) return { error: "wkt-syntax", type, ...withSrid };
  if (type === "POINT") {
    const p = (coords as Position[])[0];
    if (!p || (coords as Position[]).length !== 1) return { error: "wkt-syntax", type, ...withSrid };
    return { geometry: { type: "Point", coordinates: p }, ...withSrid };
  }
  if (type === "POLYGON")
    return { geometry: { type: "Polygon", coordinates: coords as Position[][] }, ...withSrid };
  return { geometry: { type: "MultiPolygon", coordinates: coords as Position[][][] }, ...withSrid };
}

/** A parenthesised list: groups of groups … of coordinate tuples (arrays of numbers). */
type Node = Node[] | number[];

/**
 * `((0 0, 1 0), (…))` → nested arrays; a leaf is one tuple of numbers. Undefined on bad syntax,
 * trailing text, or nesting deeper than MULTIPOLYGON needs.
 */
function parseNested(s: string): Node | undefined {
  let i = 0;
  const n = s.length;
  const ws = () => {
    while (i < n && /\s/.test(s[i] as string)) i++;
  };
  const NUM = /[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y;
  const tuple = (): number[] | undefined => {
    const out: number[] = [];
    for (;;) {
      ws();
      NUM.lastIndex = i;
      const mm = NUM.exec(s);
      if (!mm) break;
      out.push(Number(mm[0]));
      i = NUM.lastIndex;
      if (out.length > 4) return undefined;
    }
    return out.length >= 1 ? out : undefined;
  };
  const group = (depth: number): Node | undefined => {
    ws();
    if (s[i] !== "(") return undefined;
    if (depth > MAX_DEPTH) return undefined;
    i++;
    ws();
    const items: Node[] = [];
    const nestedGroups = s[i] === "(";
    for (;;) {
      ws();
      const item = nestedGroups ? group(depth + 1) : tuple();
      if (item === undefined) return undefined;
      items.push(item);
      ws();
      if (s[i] === ",") {
        i++;
        continue;
      }
      if (s[i] === ")") {
        i++;
        break;
      }
      return undefined;
    }
    return items;
  };
  const tree = group(1);
  ws();
  return tree !== undefined && i === n ? tree : undefined;
}

/** Check the nesting depth and cut tuples to x, y. */
function toCoords(node: Node, depth: number, minOrd: number): unknown[] | undefined {
  if (!Array.isArray(node) || node.length === 0) return undefined;
  if (depth === 1) {
    const out: Position[] = [];
    for (const t of node) {
      if (
        !Array.isArray(t) ||
        typeof t[0] !== "number" ||
        t.length < 2 ||
        (minOrd > 2 && t.length < minOrd)
      ) {
        return undefined;
      }
      out.push([t[0] as number, t[1] as number]);
    }
    return out;
  }
  const out: unknown[] = [];
  for (const child of node) {
    if (!Array.isArray(child) || typeof child[0] === "number") return undefined;
    const c = toCoords(child as Node, depth - 1, minOrd);
    if (c === undefined) return undefined;
    out.push(c);
  }
  return out;
}
