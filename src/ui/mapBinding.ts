/**
 * Binds the store to the map controller outside React (zustand `subscribeWithSelector`): each
 * piece of state goes to the one controller method that handles it, and only when it changed.
 * A colouring change calls `setColouring` only; the parcels are re-sent only after a new
 * analysis. Map clicks come back as selection actions (Shift/Ctrl toggles); a selection made
 * elsewhere (table, candidate list) brings its parcel into view; the active tool and the
 * measurement go both ways.
 */
import { DEFAULT_ANALYSIS_CRS } from "../domain/crs";
import type { AnalysedParcel } from "../domain/types";
import type {
  Basemap,
  DrawnGeometry,
  MapControllerApi,
  MapParcelProperties,
  MapParcels,
  ToolSpec,
} from "../map/api";
import { toMapParcels, toMapProperties } from "../map/features";
import { type BBox, bboxOf } from "../map/geometry";
import { mapBboxOf, mapDataOf, onEarlyMapData } from "../state/map-data";
import { selectMapContext, selectPlanOverlay } from "../state/planner";
import { selectFilteredIds } from "../state/selectors";
import type { AppStore } from "../state/store";
import type { AppState, MapToolId, PlannerToolId } from "../state/types";
import { selectColouring } from "./colouring";
import { hoverText } from "./hoverText";
import { onPlanDrawn } from "./planner/onPlanDrawn";
import { finishSplit } from "./scenarios/actions";

const changedCache = new WeakMap<object, string[]>();
/** The ids of the parcels a comparison found changed that the map shows (changed and new ones). */
export function selectChangedIds(s: AppState): string[] | null {
  const c = s.comparison;
  if (!c) return null;
  let ids = changedCache.get(c);
  if (!ids) {
    ids = c.parcels.filter((p) => p.change !== "removed").map((p) => p.id);
    changedCache.set(c, ids);
  }
  return ids;
}

const DRAW_GEOMETRY: Record<PlannerToolId, "point" | "line" | "polygon"> = {
  "place-point": "point",
  "place-polygon": "polygon",
  "move-facility": "point",
  "draw-bus": "line",
};

/**
 * The map tool for the store's tool id (measures in the dataset's analysis CRS; the planner's
 * drawing tools hand their geometry to `onDrawn`).
 */
export function toolSpecOf(
  tool: MapToolId,
  crs: string | undefined,
  onDrawn?: (tool: PlannerToolId, g: DrawnGeometry) => void,
): ToolSpec {
  if (tool === "select") return { kind: "select" };
  if (tool in DRAW_GEOMETRY) {
    const t = tool as PlannerToolId;
    return { kind: "draw", geometry: DRAW_GEOMETRY[t], onFinish: (g) => onDrawn?.(t, g) };
  }
  return {
    kind: "measure",
    measure: tool === "measure-area" ? "area" : "distance",
    crs: crs ?? DEFAULT_ANALYSIS_CRS,
  };
}

/** The map's basemap for the store's settings (the initial one too, see `MapView`). */
export function basemapOf(s: AppState): Basemap {
  if (s.basemap === "tianditu" && s.tiandituKey) return { kind: "tianditu", key: s.tiandituKey };
  if (s.basemap === "osm") return { kind: "osm" };
  if (s.basemap === "custom" && s.customBasemap) return { kind: "custom", custom: s.customBasemap };
  return { kind: "none" };
}
const sameBasemap = (a: Basemap, b: Basemap) =>
  a.kind === b.kind &&
  (a.kind !== "tianditu" || (b.kind === "tianditu" && a.key === b.key)) &&
  (a.kind !== "custom" || (b.kind === "custom" && a.custom === b.custom));

/** Same ids (the filter set is rebuilt when the filter changes, often with the same members). */
export function sameIdSet(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** Connect; returns a function that disconnects everything. */
export interface BindOptions {
  /**
   * How to run the parcel hand-over (flattening every parcel and `setParcels`) after a new
   * analysis. Default: its own task, so the page paints the table and panels first and no single
   * task holds the page for long at 50,000 parcels. Tests pass an immediate runner.
   */
  defer?: (fn: () => void) => void;
}

/**
 * A parcel's map feature whose properties (`toMapProperties`) are made on first read and kept;
 * `id` is set, so the map reads ids without making them. The getter is an own enumerable
 * property: a structured clone or a spread reads the properties like a plain feature's.
 */
function lazyFeature(p: AnalysedParcel): MapParcels["features"][number] {
  let props: MapParcelProperties | undefined;
  return {
    type: "Feature",
    id: p.input.id,
    geometry: p.geometry,
    get properties() {
      props ??= toMapProperties(p);
      return props;
    },
  };
}

/** Parcels flattened per task in the hand-over (175,000 at once held the page for half a second). */
const SLICE = 5_000;

/**
 * The map's features of `parcels` (`toMapParcels`), made `slice` at a time, each slice in its own
 * task (`defer`), so the page stays responsive at province scale; then `done`, with the worker's
 * GeoJSON Blob of the same parcels when there is one. Stops when `current()` turns false.
 */
export function mapParcelsInSlices(
  parcels: readonly AnalysedParcel[],
  defer: (fn: () => void) => void,
  current: () => boolean,
  done: (fc: MapParcels) => void,
  slice = SLICE,
): void {
  const features: MapParcels["features"] = new Array(parcels.length);
  // With the worker's GeoJSON the map draws from that; the page's features are for framing,
  // outlines and feature-state colours, so their properties are made when first read.
  const lazy = mapDataOf(parcels) !== undefined;
  // The collection's bbox: the worker's when it sent one with the map data (reading every
  // position again took a third of each slice at 175,000), else a slice at a time (framing it in
  // one go was 100-200 ms at 175,000).
  const known = mapBboxOf(parcels);
  let box: BBox | null = known ?? null;
  const step = (from: number) => {
    if (!current()) return;
    const to = Math.min(parcels.length, from + slice);
    for (let i = from; i < to; i++) {
      const p = parcels[i] as AnalysedParcel;
      features[i] = lazy
        ? lazyFeature(p)
        : { type: "Feature", properties: toMapProperties(p), geometry: p.geometry };
    }
    const b = known ? null : bboxOf(features.slice(from, to));
    if (b)
      box = box
        ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])]
        : b;
    if (to < parcels.length) {
      defer(() => step(to));
      return;
    }
    const data = mapDataOf(parcels);
    done({ type: "FeatureCollection", features, ...(box ? { bbox: box } : {}), ...(data ? { data } : {}) });
  };
  step(0);
}

export function bindMap(store: AppStore, map: MapControllerApi, options: BindOptions = {}): () => void {
  const defer = options.defer ?? ((fn: () => void) => setTimeout(fn, 0));
  const subs: (() => void)[] = [];
  let disposed = false;
  const on = <T>(sel: (s: AppState) => T, fn: (v: T) => void, equalityFn?: (a: T, b: T) => boolean) =>
    subs.push(store.subscribe(sel, fn, { fireImmediately: true, ...(equalityFn ? { equalityFn } : {}) }));

  on(
    (s) => s.theme,
    (theme) => map.setTheme(theme),
  );
  on(
    (s) => s.lang,
    (lang) => map.setLanguage(lang),
  );
  on(basemapOf, (b) => map.setBasemap(b), sameBasemap);
  on(selectMapContext, (ctx) => {
    if (ctx) map.setContext(ctx);
  });
  let parcelsShown = false;
  on(
    (s) => s.result?.parcels ?? null,
    (parcels) => {
      if (!parcels) {
        // a new dataset replaced the analysed one: its parcels leave the map with it
        if (parcelsShown) map.setParcels(toMapParcels([]));
        parcelsShown = false;
        return;
      }
      parcelsShown = true;
      // Only the newest result goes to the map (an older deferred hand-over is skipped).
      const current = () => !disposed && store.getState().result?.parcels === parcels;
      defer(() => {
        if (current()) mapParcelsInSlices(parcels, defer, current, (fc) => map.setParcels(fc));
      });
    },
  );
  // A large analysis's map data, ahead of its parcels (see `onEarlyMapData`).
  subs.push(onEarlyMapData((data, bbox) => map.preloadParcels?.(data, bbox)));
  on(selectColouring, (c) => map.setColouring(c));
  on(
    (s) => s.flagsVisible,
    (v) => map.setFlagsVisible(v),
  );
  on(
    (s) => s.contextVisible,
    (v) => map.setContextVisibility?.(v),
  );
  on(selectFilteredIds, (ids) => map.setFilterIds(ids), sameIdSet);
  on(
    (s) => s.selectedIds,
    (ids) => map.setSelection([...ids]),
  );
  // A selection made off the map (a table row, the arrow keys, the candidate list) brings the
  // newly selected parcel into view; one made on the map is on screen already.
  let fromMap = false;
  subs.push(
    store.subscribe(
      (s) => s.selectedIds,
      (ids, prev) => {
        if (fromMap) return;
        const added = [...ids].filter((id) => !prev.has(id));
        const last = added.at(-1);
        if (last !== undefined) map.revealParcels([last]);
      },
    ),
  );
  // The controller frames the parcels itself on first load; every zone button press frames.
  subs.push(
    store.subscribe(
      (s) => s.frameRequest,
      (req) => {
        if (req) map.fitZone(req.zone);
      },
    ),
  );
  subs.push(
    store.subscribe(
      (s) => s.zoomRequest,
      (req) => {
        if (req) map.fitParcels(req.ids);
      },
    ),
  );
  on(
    (s) => [s.mapTool, s.dataset?.analysisCrs] as const,
    ([tool, crs]) => map.setTool(toolSpecOf(tool, crs, (t, g) => onPlanDrawn(store, t, g))),
    (a, b) => a[0] === b[0] && a[1] === b[1],
  );
  on(selectPlanOverlay, (fc) => map.setPlan?.(fc));
  // Scenarios: the parcels a comparison found changed, outlined; the draw tool for a split line.
  on(
    (s) => (s.mode === "scenarios" ? selectChangedIds(s) : null),
    (ids) => map.setChangedIds?.(ids),
  );
  subs.push(
    store.subscribe(
      (s) => s.splitDrawing,
      (drawing) => {
        const s = store.getState();
        if (!drawing)
          map.setTool(toolSpecOf(s.mapTool, s.dataset?.analysisCrs, (t, g) => onPlanDrawn(store, t, g)));
        else
          map.setTool({
            kind: "draw",
            geometry: "line",
            onFinish: (g) => {
              if (g.type === "LineString")
                finishSplit(
                  store,
                  g.coordinates.map((c) => [c[0], c[1]]),
                );
            },
          });
      },
    ),
  );
  map.setHoverText((id) => hoverText(store.getState(), id));
  subs.push(() => map.setHoverText(null));
  subs.push(map.on("measure", (m) => store.getState().setMeasurement(m)));
  subs.push(
    map.on("parcelClick", (id, how) => {
      const st = store.getState();
      fromMap = true;
      try {
        if (id === null) st.clearSelection();
        else st.select([id], how);
      } finally {
        fromMap = false;
      }
    }),
  );
  return () => {
    disposed = true;
    for (const u of subs) u();
  };
}
