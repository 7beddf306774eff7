/**
 * Overlapping parts of a MultiPolygon: the area of their union (planar, m²), so that land drawn
 * twice is counted once. Only computed when two parts' bounding boxes overlap.
 */
import union from "@turf/union";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { planarAreaM2 } from "../domain/area";

type Box = [number, number, number, number];

function box(rings: Position[][]): Box {
  const b: Box = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const p of rings[0] ?? []) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

const boxesOverlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Area of the union of a MultiPolygon's parts, or undefined when no two parts can overlap (or
 * the union cannot be computed).
 *
 * @param geom the geometry (lon/lat when `project` is given, else already in metres)
 * @param project lon/lat → planar metres of the area basis
 */
export function unionAreaM2(
  geom: MultiPolygon,
  project: ((xy: [number, number]) => [number, number]) | undefined,
): number | undefined {
  const parts = project
    ? geom.coordinates.map((rings) =>
        rings.map((r) => r.map((p) => project([p[0] as number, p[1] as number]) as Position)),
      )
    : geom.coordinates;
  const boxes = parts.map(box);
  let any = false;
  for (let i = 0; i < boxes.length && !any; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (boxesOverlap(boxes[i] as Box, boxes[j] as Box)) {
        any = true;
        break;
      }
  if (!any) return undefined;
  try {
    const features: Feature<Polygon>[] = parts.map((coordinates) => ({
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates },
    }));
    const u = union({ type: "FeatureCollection", features });
    return u ? planarAreaM2(u.geometry) : undefined;
  } catch {
    return undefined; // a degenerate part the clipper refuses: the parts' sum stands
  }
}
