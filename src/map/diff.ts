/**
 * The small, targeted updates that turn one list of style layers into another, so a theme,
 * language or basemap change never calls `setStyle` (which would re-send the parcel data to the
 * worker). Pure: the controller applies the operations.
 */
import type { LayerSpecification } from "@maplibre/maplibre-gl-style-spec";

export type LayerOp =
  | { op: "removeLayer"; id: string }
  | { op: "addLayer"; layer: LayerSpecification; beforeId: string | undefined }
  | { op: "setPaintProperty"; id: string; name: string; value: unknown }
  | { op: "setLayoutProperty"; id: string; name: string; value: unknown }
  | { op: "setFilter"; id: string; filter: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const props = (l: LayerSpecification, key: "paint" | "layout"): Record<string, unknown> =>
  ((l as unknown as Record<string, unknown>)[key] as Record<string, unknown> | undefined) ?? {};

/**
 * Operations from `prev` to `next`: removed layers first, then property and filter changes of the
 * layers in both, then added layers (each inserted before the next layer of `next` that is on the map).
 * A layer whose type, source or zoom range changed is removed and added again.
 * A property missing in `next` is reset with `undefined` (the style-spec default).
 */
export function layerOps(
  prev: readonly LayerSpecification[],
  next: readonly LayerSpecification[],
): LayerOp[] {
  const ops: LayerOp[] = [];
  const prevById = new Map(prev.map((l) => [l.id, l]));
  const nextIds = new Set(next.map((l) => l.id));
  const structural = (a: LayerSpecification, b: LayerSpecification) =>
    a.type !== b.type ||
    (a as { source?: unknown }).source !== (b as { source?: unknown }).source ||
    a.minzoom !== b.minzoom ||
    a.maxzoom !== b.maxzoom;
  const kept = new Set<string>();
  for (const l of prev) {
    const n = next.find((x) => x.id === l.id);
    if (!nextIds.has(l.id) || (n && structural(l, n))) ops.push({ op: "removeLayer", id: l.id });
    else kept.add(l.id);
  }
  for (const n of next) {
    const p = prevById.get(n.id);
    if (!p || !kept.has(n.id)) continue;
    for (const key of ["paint", "layout"] as const) {
      const a = props(p, key);
      const b = props(n, key);
      for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (same(a[name], b[name])) continue;
        ops.push({
          op: key === "paint" ? "setPaintProperty" : "setLayoutProperty",
          id: n.id,
          name,
          value: b[name],
        });
      }
    }
    const fa = (p as { filter?: unknown }).filter;
    const fb = (n as { filter?: unknown }).filter;
    if (!same(fa, fb)) ops.push({ op: "setFilter", id: n.id, filter: fb ?? null });
  }
  // Added layers: walk `next` from the top so each knows the layer it goes under.
  const onMap = new Set(kept);
  const adds: LayerOp[] = [];
  let above: string | undefined;
  for (let i = next.length - 1; i >= 0; i--) {
    const n = next[i] as LayerSpecification;
    if (!onMap.has(n.id)) {
      adds.unshift({ op: "addLayer", layer: n, beforeId: above });
      onMap.add(n.id);
    }
    above = n.id;
  }
  return [...ops, ...adds];
}
