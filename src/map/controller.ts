/**
 * The one class that owns MapLibre. React creates it once and talks to it only through
 * `MapControllerApi` (`api.ts`). Every method compares with what the map already shows and does
 * the smallest update: data goes to the worker only when the parcel object changes; a colouring
 * is baked into the fill expression before the first data and written as per-parcel feature-state
 * afterwards (only where a colour changes); the table filter is feature-state; the selection is a
 * tiny source of its own; theme/language/basemap are layer diffs (`diff.ts`) — never `setStyle`,
 * which would re-send the parcels.
 *
 * Calls made before the style has loaded are remembered and applied on load. The container's
 * `data-map-idle` attribute and `debugState()` are there for end-to-end tests and the benchmark.
 */
import type { FeatureCollection } from "geojson";
import * as maplibregl from "maplibre-gl";
import { BLOB_PATH } from "./blob-path";
import workerUrl from "./maplibre-worker.ts?worker&url";
import "maplibre-gl/dist/maplibre-gl.css";
import type {
  AllLayoutProperties,
  AllPaintProperties,
  LayerSpecification,
} from "@maplibre/maplibre-gl-style-spec";
import { TILE_PROPERTIES } from "../domain/map-properties";
import type { Lang } from "../i18n/lang";
import { mapToolText } from "../i18n/mapTools";
import type {
  Basemap,
  Colouring,
  ContextLayers,
  ContextVisibility,
  MapControllerApi,
  MapDebugState,
  MapEvents,
  MapOptions,
  MapParcels,
  MapViewState,
  ToolKey,
  ToolSpec,
  ZoneFocus,
} from "./api";
import { ChunkedWrites } from "./chunked-writes";
import { layerOps } from "./diff";
import {
  type BBox,
  bboxOf,
  bboxOverlap,
  diffIds,
  dimmedIds,
  type FrameInsets,
  focusBbox,
  framePadding,
  framePaddingBox,
  labelPoints,
  NO_INSETS,
  parcelLabelPoints,
  REVEAL_MARGIN_PX,
  revealAction,
} from "./geometry";
import { landUseColouring } from "./landuse";
import { flagPatterns } from "./patterns";
import { PLAN_LAYER_IDS, PLAN_SOURCE, planLayers, planSource } from "./plan-style";
import {
  BASEMAP_LAYERS,
  BASEMAP_SOURCES,
  buildBasemapSources,
  buildLayers,
  buildStyle,
  colourFor,
  LAYER,
  PARCEL_LABEL_MINZOOM,
  redactKey,
  SOURCE,
  STATE,
  type StyleOptions,
  type Theme,
} from "./style";
import { TOOL_LAYER_IDS, TOOL_SOURCE, toolLayers, toolSource } from "./tools/layers";
import { ToolManager } from "./tools/manager";
import { MeasureTool } from "./tools/measure";
import { SelectTool } from "./tools/select";
import { DrawTool } from "./tools/sketch";
import type { MapTool, ToolPointerEvent, ToolRender } from "./tools/types";
import { EMPTY_RENDER } from "./tools/types";

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's worker while the app is still starting up, not when the map is created: the
// worker script is large and the map cannot load its style before the worker answers.
maplibregl.prewarm();

export type MapControllerOptions = MapOptions;

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** A parcel feature as MapLibre is given it (properties as data, no top-level id). */
const plainFeature = (f: MapParcels["features"][number]): MapParcels["features"][number] => ({
  type: "Feature",
  properties: f.properties,
  geometry: f.geometry,
});

/** Can the worker's tiles (`TILE_PROPERTIES` only) be painted with this colouring's expression? */
const tileReadable = (c: Colouring): boolean =>
  c.kind === "categorical" && (TILE_PROPERTIES as readonly string[]).includes(c.field);
/** MapLibre's UI strings per language (the keys its controls read). */
const UI_LOCALE_EN: Record<string, string> = {
  "NavigationControl.ZoomIn": "Zoom in",
  "NavigationControl.ZoomOut": "Zoom out",
  "NavigationControl.ResetBearing": "Reset bearing to north",
  "AttributionControl.ToggleAttribution": "Toggle attribution",
  "ScaleControl.Meters": "m",
  "ScaleControl.Kilometers": "km",
};
const UI_LOCALE_ZH: Record<string, string> = {
  "NavigationControl.ZoomIn": "放大",
  "NavigationControl.ZoomOut": "缩小",
  "NavigationControl.ResetBearing": "指北",
  "AttributionControl.ToggleAttribution": "显示/隐藏版权信息",
  "ScaleControl.Meters": "米",
  "ScaleControl.Kilometers": "千米",
};

type Handlers = { [K in keyof MapEvents]: Set<MapEvents[K]> };

export class MapController implements MapControllerApi {
  private readonly map: maplibregl.Map;
  private opts: StyleOptions;
  /** The layers currently on the map (what `buildLayers` returned last). */
  private layers: LayerSpecification[];
  private loaded = false;
  private isReady = false;
  private destroyed = false;
  private parcels: MapParcels | null = null;
  /** The parcels whose label points are in the label source (computed at label zoom only). */
  private labelsFor: MapParcels | null = null;
  private parcelIds: string[] = [];
  private context: ContextLayers | null = null;
  private sentParcels: MapParcels | null = null;
  private sentContext: Partial<Record<keyof ContextLayers, unknown>> = {};
  private selected = new Set<string>();
  private wantedSelection = new Set<string>();
  private dimmed = new Set<string>();
  /** Feature-state writes spread over tasks (dimming and colours of up to 175,000 parcels). */
  private readonly writes = new ChunkedWrites((fn) => setTimeout(fn, 16));
  private filter: ReadonlySet<string> | null = null;
  private framed = false;
  private pendingFocus: ZoneFocus | null = null;
  /** Something changed since the last `idle` event. */
  private dirty = true;
  private sourceDataVersion = 0;
  private colouringVersion = 0;
  private readonly handlers: Handlers = {
    parcelClick: new Set(),
    ready: new Set(),
    basemapStatus: new Set(),
    measure: new Set(),
    viewChange: new Set(),
  };
  /**
   * The current basemap's tiles: none settled yet, a failure reported (`basemapStatus` "failed",
   * once per basemap), or a tile loaded (later failures of single tiles are not reported).
   */
  private basemapTiles: "pending" | "failed" | "loaded" = "pending";
  /** Basemap tile requests started since the basemap was chosen (404s fire no error event). */
  private basemapTilesRequested = 0;
  private basemapCheckTimer: ReturnType<typeof setTimeout> | null = null;
  /** The parcel with feature-state `hover` (under the mouse). */
  private hoveredId: string | null = null;
  /** Small label near the cursor with the hovered parcel's id (text only, never HTML). */
  private readonly tooltip: HTMLDivElement;
  /** The colouring baked into the fill expression (see `parcelFillPaint`). */
  private baked: Colouring;
  /** Colour written to each parcel's feature-state (absent: the baked colouring applies). */
  private colours = new Map<string, string>();
  /** The parcels' features by id, made when first needed (a selection, a changed outline). */
  private featureByIdMap = new Map<string, MapParcels["features"][number]>();
  private featureByIdFor: MapParcels | null = null;
  private get featureById(): Map<string, MapParcels["features"][number]> {
    const sent = this.sentParcels;
    if (sent && this.featureByIdFor !== sent) {
      const m = new Map<string, MapParcels["features"][number]>();
      for (const f of sent.features) m.set(this.idOf(f), f);
      this.featureByIdMap = m;
      this.featureByIdFor = sent;
    }
    return this.featureByIdMap;
  }
  /** Set when the basemap/lang changed before load (the initial style has the old sources). */
  private rebuildBasemapSourcesBeforeLoad = false;
  /** The active tool and what it draws (see `src/map/tools`). */
  private tools!: ToolManager;
  private readonly selectTool: SelectTool;
  private toolSpec: ToolSpec = { kind: "select" };
  private toolRender: ToolRender = EMPTY_RENDER;
  /** The plan overlay's features (see `setPlan`). */
  private plan: FeatureCollection = { type: "FeatureCollection", features: [] };
  private hoverText: ((id: string) => string) | null = null;
  /**
   * What the view was last framed on (home, a zone, parcels), kept until the user moves the map:
   * a resize (the table hidden or shown, the window) frames it again instead of cropping it.
   */
  private lastFrame: { bbox: BBox; maxZoom: number; padding: "frame" | number } | null = null;
  /** What the UI's controls over the map cover (see `setFrameInsets`). */
  private frameInsets: FrameInsets = NO_INSETS;
  /** The bbox the home view framed last (a new dataset elsewhere is framed anew). */
  private homeBbox: BBox | null = null;

  constructor(container: HTMLElement, options: MapControllerOptions) {
    this.opts = {
      basemap: options.basemap,
      theme: options.theme,
      lang: options.lang,
      colouring: options.colouring ?? landUseColouring(),
      flagsVisible: true,
    };
    this.baked = this.opts.colouring ?? landUseColouring();
    const style = buildStyle(this.opts);
    this.layers = style.layers;
    this.map = new maplibregl.Map({
      container,
      style: style as maplibregl.StyleSpecification,
      center: options.center ?? [109.8, 30.59],
      zoom: options.zoom ?? 12.5,
      maxZoom: 19,
      minZoom: 4,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      attributionControl: { compact: false },
      locale: options.lang === "zh" ? UI_LOCALE_ZH : UI_LOCALE_EN,
      dragRotate: false,
      // No label fade animation: every animated frame is a full software-rendered frame here, and
      // a repaint should reach idle in one or two frames.
      fadeDuration: 0,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.addControls();

    this.map.on("styleimagemissing", (e) => this.addPatterns(e.id));
    this.map.on("load", () => this.onLoad());
    container.dataset.mapIdle = "false";
    this.map.on("idle", () => {
      // Between two chunks of feature-state writes the map is not done: the last chunk repaints.
      if (this.writes.pending) return;
      this.dirty = false;
      this.revokeStaleUrls();
      container.dataset.mapIdle = "true";
      if (this.loaded && !this.isReady) {
        this.isReady = true;
        performance.mark("jiyue:map-first-idle");
        for (const h of this.handlers.ready) h();
      }
    });
    this.map.on("movestart", () => this.touch());
    this.map.on("zoomend", () => this.flushLabels());
    this.map.on("error", (e) => this.onMapError(e));
    this.map.on("sourcedata", (e) => {
      if (e.tile && (BASEMAP_SOURCES as readonly string[]).includes(e.sourceId)) this.onBasemapTile(true);
    });
    this.map.on("sourcedataloading", (e) => {
      if (!e.tile || !(BASEMAP_SOURCES as readonly string[]).includes(e.sourceId)) return;
      this.basemapTilesRequested++;
      this.scheduleBasemapCheck();
    });
    this.selectTool = new SelectTool({ onSelect: (id, how) => this.emitClick(id, how) });
    this.initTools();
    this.initView();
    this.tooltip = hoverTooltip();
    container.appendChild(this.tooltip);
    this.map.on("mousemove", LAYER.parcelsFill, (e) => this.onHover(e.features?.[0]?.id, e.point));
    this.map.on("mouseleave", LAYER.parcelsFill, () => this.onHover(undefined));
  }

  // --- data -----------------------------------------------------------------------------------

  setContext(layers: ContextLayers): void {
    this.context = layers;
    this.flushContext();
    // The view frames the parcels, not the context: with parcels known a zone focus asked for
    // before the zones arrived can now be framed.
    if (!this.framed && this.parcels) this.fitZone(this.pendingFocus ?? "all", false);
  }

  /**
   * The worker's GeoJSON of the parcels about to arrive, given to the source now: MapLibre's worker
   * fetches, parses and tiles it while the page is still receiving the analysed parcels (issue 13).
   * The `setParcels` that follows with the same Blob does not send it again.
   */
  preloadParcels(data: Blob, bbox?: BBox): void {
    this.preloaded = data;
    this.flushPreload();
    // Framed now as `setParcels` will frame them (home view), so the tiles made are the framed ones.
    if (bbox && (this.pendingFocus ?? "all") === "all") {
      const moved =
        this.homeBbox !== null &&
        !(bboxOverlap(this.homeBbox, bbox) > 0.5 && bboxOverlap(bbox, this.homeBbox) > 0.5);
      if (!this.framed || moved) {
        this.pendingFocus = null;
        this.homeBbox = bbox;
        this.frame(bbox, 17, "frame", false);
      }
    }
  }

  private preloaded: Blob | null = null;
  /** The Blob the parcel source was last given (by `preloadParcels` or `setParcels`). */
  private sentData: Blob | null = null;
  private flushPreload(): void {
    if (!this.loaded || !this.preloaded || this.sentData === this.preloaded) return;
    this.sendParcelData(this.preloaded);
    this.touch();
  }

  /**
   * Give the parcel source a worker Blob by URL (MapLibre's worker fetches it itself). Its tiles
   * carry only `TILE_PROPERTIES`: a colouring baked on another field (a numeric indicator) is
   * baked back to land use first, and `flushColours` writes the wanted colours as feature-state.
   */
  private sendParcelData(data: Blob): void {
    if (!tileReadable(this.baked)) {
      this.baked = landUseColouring();
      if (this.loaded) this.applyLayerOps(this.buildLayers());
    }
    const url = URL.createObjectURL(data);
    // By a same-origin http path: MapLibre's worker fetches that itself (a `blob:` URL it would
    // hand to the page to fetch and clone back, see maplibre-worker-fetch.ts).
    this.geojson(SOURCE.parcels)?.setData(
      `${location.origin}${BLOB_PATH}${url.slice(url.lastIndexOf("/") + 1)}`,
    );
    this.revokeParcelsUrl();
    this.parcelsUrl = url;
    this.sentData = data;
  }

  setParcels(parcels: MapParcels): void {
    if (parcels === this.parcels) return;
    this.parcels = parcels;
    this.parcelIds = parcels.features.map((f) => this.idOf(f));
    this.flushParcels();
    this.frameNewParcels();
  }

  setColouring(colouring: Colouring): void {
    if (JSON.stringify(colouring) === JSON.stringify(this.opts.colouring)) return;
    this.opts = { ...this.opts, colouring };
    this.colouringVersion++;
    if (this.sentParcels === null) {
      // No parcel tiles yet: baking the colouring into the fill expression costs nothing now, and
      // the first tiling then paints it without any feature-state.
      this.baked = colouring;
      if (this.loaded) this.applyLayerOps(this.buildLayers());
      return;
    }
    this.flushColours();
  }

  setFlagsVisible(visible: boolean): void {
    if ((this.opts.flagsVisible !== false) === visible) return;
    this.applyOptions({ ...this.opts, flagsVisible: visible });
  }

  setSelection(ids: readonly string[]): void {
    this.wantedSelection = new Set(ids);
    this.flushSelection();
  }

  setChangedIds(ids: readonly string[] | null): void {
    this.wantedChanged = ids ?? [];
    this.flushChanged();
  }

  private wantedChanged: readonly string[] = [];
  private flushChanged(): void {
    if (!this.loaded) return;
    const features = this.wantedChanged.flatMap((id) => {
      const f = this.featureById.get(id);
      return f ? [plainFeature(f)] : [];
    });
    this.geojson(SOURCE.changed)?.setData({ type: "FeatureCollection", features } as FeatureCollection);
    this.touch();
  }

  setFilterIds(ids: ReadonlySet<string> | null): void {
    this.filter = ids;
    this.flushDim();
  }

  // --- view -----------------------------------------------------------------------------------

  // (fitZone, fitHome, fitParcels, revealParcels, flyTo, getView, setView: see "view and
  // framing" below; project/unproject and the tools: "tools" below.)

  setBasemap(basemap: Basemap): void {
    if (JSON.stringify(basemap) === JSON.stringify(this.opts.basemap)) return;
    this.applyOptions({ ...this.opts, basemap });
  }

  setContextVisibility(visible: ContextVisibility): void {
    const now = this.opts.contextVisible;
    if (now && (Object.keys(visible) as (keyof ContextVisibility)[]).every((k) => now[k] === visible[k]))
      return;
    if (!now && Object.values(visible).every(Boolean)) return;
    this.applyOptions({ ...this.opts, contextVisible: { ...visible } });
  }

  setLanguage(lang: Lang): void {
    if (lang === this.opts.lang) return;
    this.applyOptions({ ...this.opts, lang });
    this.tools.setLanguage(lang);
    // MapLibre has no public setter for its UI strings: update the map's locale table and
    // re-create the controls, which read it when they are built.
    Object.assign(
      (this.map as unknown as { _locale: Record<string, string> })._locale,
      lang === "zh" ? UI_LOCALE_ZH : UI_LOCALE_EN,
    );
    for (const c of this.controls) this.map.removeControl(c);
    this.addControls();
  }

  private controls: maplibregl.IControl[] = [];

  private addControls(): void {
    const nav = new maplibregl.NavigationControl({ showCompass: false });
    const home = new HomeControl(mapToolText("home", this.opts.lang), () => this.fitHome());
    const scale = new maplibregl.ScaleControl({ unit: "metric", maxWidth: 140 });
    this.map.addControl(nav, "top-right");
    this.map.addControl(home, "top-right");
    this.map.addControl(scale, "bottom-left");
    this.controls = [nav, home, scale];
  }

  setTheme(theme: Theme): void {
    if (theme === this.opts.theme) return;
    this.applyOptions({ ...this.opts, theme });
    if (this.loaded) {
      this.addPatterns(undefined, true);
      this.addPlanLayers();
      this.addToolLayers();
    }
  }

  async exportPng(): Promise<Blob> {
    await this.whenIdle();
    const canvas = this.map.getCanvas();
    return new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"),
    );
  }

  on<K extends keyof MapEvents>(event: K, handler: MapEvents[K]): () => void {
    const set = this.handlers[event] as Set<MapEvents[K]>;
    set.add(handler);
    if (event === "ready" && this.isReady) (handler as MapEvents["ready"])();
    return () => {
      set.delete(handler);
    };
  }

  whenIdle(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    if (this.loaded && !this.dirty && this.map.loaded() && !this.map.isMoving()) return Promise.resolve();
    return new Promise((resolve) => {
      const wait = () =>
        this.map.once("idle", () => {
          if (this.writes.pending) wait();
          else resolve();
        });
      wait();
      this.map.triggerRepaint();
    });
  }

  /** Counters for tests: a colouring change must not bump `sourceDataVersion`. */
  debugState(): MapDebugState {
    return {
      sourceDataVersion: this.sourceDataVersion,
      ...(this.sentParcels
        ? {
            sentParcels: {
              count: this.sentParcels.features.length,
              via: this.sentParcels.data ? ("url" as const) : ("objects" as const),
            },
          }
        : {}),
      colouringVersion: this.colouringVersion,
      selection: [...this.selected],
      dimmed: this.dimmed.size,
      hoveredId: this.hoveredId,
      loaded: this.loaded,
      hiddenLayers: this.loaded
        ? this.layers
            .filter((l) => this.map.getLayoutProperty(l.id, "visibility") === "none")
            .map((l) => l.id)
        : [],
      basemapTiles: { state: this.basemapTiles, requested: this.basemapTilesRequested },
      planLayers: this.plan.features.reduce<Record<string, number>>((acc, f) => {
        const layer = String(f.properties?.layer ?? "");
        acc[layer] = (acc[layer] ?? 0) + 1;
        return acc;
      }, {}),
      moving: this.map.isMoving(),
      zoom: this.map.getZoom(),
      center: this.map.getCenter().toArray() as [number, number],
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.writes.cancel();
    this.destroyed = true;
    if (this.basemapCheckTimer !== null) clearTimeout(this.basemapCheckTimer);
    this.tools.destroy();
    for (const set of Object.values(this.handlers)) set.clear();
    this.tooltip.remove();
    this.map.remove();
    this.revokeStaleUrls(true);
  }

  // --- internals ------------------------------------------------------------------------------

  /** The layers for the current options, with the baked colouring in the fill expression. */
  private buildLayers(): LayerSpecification[] {
    return buildLayers({ ...this.opts, colouring: this.baked });
  }

  /**
   * Something changed: not idle until MapLibre says so. The container's `data-map-idle`
   * attribute mirrors this for end-to-end tests and the browser benchmark (no globals).
   */
  private touch(): void {
    this.dirty = true;
    if (!this.destroyed) this.map.getContainer().dataset.mapIdle = "false";
  }

  private onLoad(): void {
    this.loaded = true;
    performance.mark("jiyue:map-loaded");
    this.addPatterns();
    // The style was built with the options at construction; catch up with later calls.
    this.applyLayerOps(this.buildLayers());
    this.flushContext();
    this.flushPreload();
    this.flushParcels();
    this.flushSelection();
    this.flushChanged();
    this.flushDim();
    this.addPlanLayers();
    this.addToolLayers();
    this.touch();
  }

  private applyOptions(next: StyleOptions): void {
    const prev = this.opts;
    this.opts = next;
    if (!this.loaded) {
      // Applied in onLoad (basemap sources included).
      if (prev.basemap !== next.basemap || prev.lang !== next.lang)
        this.rebuildBasemapSourcesBeforeLoad = true;
      if (prev.basemap !== next.basemap) this.onBasemapChanged();
      return;
    }
    const basemapChanged =
      JSON.stringify(prev.basemap) !== JSON.stringify(next.basemap) ||
      (next.basemap.kind === "tianditu" && prev.lang !== next.lang);
    if (basemapChanged) {
      this.onBasemapChanged();
      for (const id of BASEMAP_LAYERS) if (this.map.getLayer(id)) this.map.removeLayer(id);
      for (const id of BASEMAP_SOURCES) if (this.map.getSource(id)) this.map.removeSource(id);
      this.layers = this.layers.filter(
        (l) => !BASEMAP_LAYERS.includes(l.id as (typeof BASEMAP_LAYERS)[number]),
      );
      for (const [id, src] of Object.entries(buildBasemapSources(next.basemap, next.lang)))
        this.map.addSource(id, src as maplibregl.SourceSpecification);
    }
    this.applyLayerOps(this.buildLayers());
    this.touch();
  }

  private applyLayerOps(next: LayerSpecification[]): void {
    if (this.rebuildBasemapSourcesBeforeLoad) {
      this.rebuildBasemapSourcesBeforeLoad = false;
      for (const id of BASEMAP_LAYERS) if (this.map.getLayer(id)) this.map.removeLayer(id);
      for (const id of BASEMAP_SOURCES) if (this.map.getSource(id)) this.map.removeSource(id);
      this.layers = this.layers.filter(
        (l) => !BASEMAP_LAYERS.includes(l.id as (typeof BASEMAP_LAYERS)[number]),
      );
      for (const [id, src] of Object.entries(buildBasemapSources(this.opts.basemap, this.opts.lang)))
        this.map.addSource(id, src as maplibregl.SourceSpecification);
    }
    for (const op of layerOps(this.layers, next)) {
      switch (op.op) {
        case "removeLayer":
          if (this.map.getLayer(op.id)) this.map.removeLayer(op.id);
          break;
        case "addLayer":
          this.map.addLayer(
            op.layer as maplibregl.AddLayerObject,
            op.beforeId && this.map.getLayer(op.beforeId) ? op.beforeId : undefined,
          );
          break;
        case "setPaintProperty":
          this.map.setPaintProperty(op.id, op.name as keyof AllPaintProperties, op.value as never);
          break;
        case "setLayoutProperty":
          this.map.setLayoutProperty(op.id, op.name as keyof AllLayoutProperties, op.value as never);
          break;
        case "setFilter":
          this.map.setFilter(op.id, op.filter as maplibregl.FilterSpecification | null);
          break;
      }
    }
    this.layers = next;
    this.raiseToolLayers();
  }

  private addPatterns(onlyId?: string, replace = false): void {
    const patterns = flagPatterns(this.opts.theme);
    for (const [id, img] of Object.entries(patterns)) {
      if (onlyId !== undefined && id !== onlyId) continue;
      if (this.map.hasImage(id)) {
        if (!replace) continue;
        this.map.removeImage(id);
      }
      this.map.addImage(id, img, { pixelRatio: 1 });
    }
  }

  private geojson(id: string): maplibregl.GeoJSONSource | undefined {
    return this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
  }

  private flushParcels(): void {
    if (!this.loaded || !this.parcels || this.sentParcels === this.parcels) return;
    performance.mark("jiyue:map-set-data");
    const source = this.geojson(SOURCE.parcels);
    if (this.parcels.data) {
      // The analysis worker's GeoJSON: MapLibre's worker fetches and parses it from the Blob, so
      // the page never structured-clones the collection (seconds at 175,000 parcels). Given
      // already ahead of the parcels (`preloadParcels`): not again.
      if (this.sentData !== this.parcels.data) this.sendParcelData(this.parcels.data);
    } else {
      source?.setData(this.parcels as FeatureCollection);
      this.revokeParcelsUrl();
      this.sentData = null;
    }
    this.preloaded = null;
    this.sentParcels = this.parcels;
    this.sourceDataVersion++;
    this.touch();
    this.featureByIdFor = null;
    this.flushLabels();
    // Feature state outlives setData; bring colours and dimming in line with the new parcels.
    this.flushColours();
    this.flushDim();
    this.flushSelection(true);
    this.flushChanged();
  }

  /** The Blob URL the parcel source was last given (revoked once replaced, see `revokeStaleUrls`). */
  private parcelsUrl: string | null = null;
  /** Replaced parcel URLs, revoked at the next idle (MapLibre has then fetched or dropped them). */
  private staleUrls: string[] = [];
  private revokeParcelsUrl(): void {
    if (this.parcelsUrl) this.staleUrls.push(this.parcelsUrl);
    this.parcelsUrl = null;
  }
  private revokeStaleUrls(all = false): void {
    for (const u of this.staleUrls) URL.revokeObjectURL(u);
    this.staleUrls = [];
    if (all && this.parcelsUrl) URL.revokeObjectURL(this.parcelsUrl);
  }

  private flushContext(): void {
    if (!this.loaded || !this.context) return;
    const c = this.context;
    const send = (key: keyof ContextLayers, source: string, data: FeatureCollection) => {
      if (this.sentContext[key] === c[key]) return;
      this.geojson(source)?.setData(data);
      this.sentContext[key] = c[key];
      this.touch();
    };
    const zonesChanged = this.sentContext.zones !== c.zones;
    send("zones", SOURCE.zones, (c.zones as FeatureCollection) ?? EMPTY);
    if (zonesChanged) this.geojson(SOURCE.zoneLabels)?.setData(labelPoints(c.zones as FeatureCollection));
    send("roads", SOURCE.roads, (c.roads as FeatureCollection) ?? EMPTY);
    send("facilities", SOURCE.facilities, (c.facilities as FeatureCollection) ?? EMPTY);
    send("centralUrbanArea", SOURCE.central, (c.centralUrbanArea as FeatureCollection) ?? EMPTY);
  }

  /**
   * The selection outline is its own tiny source (the selected parcels' geometry), so selecting
   * never touches the big parcel source.
   */
  private flushSelection(force = false): void {
    if (!this.loaded) return;
    const { added, removed } = diffIds(this.selected, this.wantedSelection);
    if (!force && added.length + removed.length === 0) return;
    const features = [...this.wantedSelection].flatMap((id) => {
      const f = this.featureById.get(id);
      return f ? [plainFeature(f)] : [];
    });
    this.geojson(SOURCE.selection)?.setData({ type: "FeatureCollection", features } as FeatureCollection);
    this.selected = new Set(this.wantedSelection);
    this.touch();
  }

  /**
   * Bring each parcel's shown colour in line with the current colouring: where it differs from
   * what the parcel shows now (its feature-state colour, else the baked colouring), write it into
   * feature-state. No data is re-sent and no tile is rebuilt (see `STATE` in style.ts).
   */
  private flushColours(): void {
    if (!this.loaded || !this.parcels || this.sentParcels !== this.parcels) return;
    // Nothing in feature-state and the colouring is the baked one: every parcel shows its colour.
    if (this.colours.size === 0 && (this.opts.colouring ?? this.baked) === this.baked) return;
    const want = colourFor(this.opts.colouring ?? this.baked);
    const shown = colourFor(this.baked);
    const ids: string[] = [];
    const fills: string[] = [];
    for (const f of this.parcels.features) {
      const id = String(f.properties?.id ?? f.id ?? "");
      const c = want(f.properties);
      if ((this.colours.get(id) ?? shown(f.properties)) === c) continue;
      ids.push(id);
      fills.push(c);
    }
    // A chunk per task at province scale (`ChunkedWrites`); `colours` holds what was written.
    this.writes.run(
      "colour",
      ids.length,
      (i) => {
        const id = ids[i] as string;
        const c = fills[i] as string;
        this.colours.set(id, c);
        this.map.setFeatureState({ source: SOURCE.parcels, id }, { [STATE.fill]: c });
      },
      () => this.touch(),
    );
  }

  /**
   * Label points for the current parcels, computed the first time the view reaches label zoom
   * (opening the app at overview zoom costs nothing for them).
   */
  private flushLabels(): void {
    if (!this.loaded || !this.parcels || this.labelsFor === this.parcels) return;
    if (this.map.getZoom() < PARCEL_LABEL_MINZOOM - 1) return;
    this.geojson(SOURCE.parcelLabels)?.setData(parcelLabelPoints(this.parcels as FeatureCollection));
    this.labelsFor = this.parcels;
    this.flushLabelDim();
  }

  private flushDim(): void {
    if (!this.loaded) return;
    this.dimmed = dimmedIds(this.parcelIds, this.filter);
    this.writeDim(SOURCE.parcels, this.dimWritten, this.dimmed);
    this.flushLabelDim();
  }

  /** The ids written as dimmed in the parcel source (`dimmed` is what is wanted). */
  private readonly dimWritten = new Set<string>();
  /** The ids written as dimmed in the label source (see `flushLabelDim`). */
  private readonly labelDimWritten = new Set<string>();
  /**
   * The labels' dimming, in line with the parcels' once the labels of these parcels are drawn
   * (label zoom): at overview zoom a filter of 175,000 parcels writes half the feature states.
   */
  private flushLabelDim(): void {
    if (!this.loaded || this.labelsFor !== this.parcels) return;
    this.writeDim(SOURCE.parcelLabels, this.labelDimWritten, this.dimmed);
  }

  /**
   * Make `written` (the source's ids with feature-state `dim`) equal `wanted`, by feature-state
   * writes a chunk per task (`ChunkedWrites`, one lane per source).
   */
  private writeDim(source: string, written: Set<string>, wanted: ReadonlySet<string>): void {
    const { added, removed } = diffIds(written, wanted);
    const off = removed.length;
    this.writes.run(
      source,
      off + added.length,
      (i) => {
        const dim = i >= off;
        const id = (dim ? added[i - off] : removed[i]) as string;
        this.map.setFeatureState({ source, id }, { [STATE.dim]: dim });
        if (dim) written.add(id);
        else written.delete(id);
      },
      () => this.touch(),
    );
  }

  private emitClick(id: string | null, how: "replace" | "toggle"): void {
    for (const h of this.handlers.parcelClick) h(id, how);
  }

  /**
   * MapLibre's errors. Without a handler MapLibre logs each one with `console.error`, and a failed
   * Tianditu tile's message carries the tile URL with the user's key (`tk=`): basemap tile
   * failures (offline, wrong key) are reported once per basemap as a warning, without the URL;
   * anything else is logged with any key redacted.
   */
  private onMapError(e: { error?: unknown; sourceId?: unknown }): void {
    if (typeof e.sourceId === "string" && (BASEMAP_SOURCES as readonly string[]).includes(e.sourceId)) {
      this.onBasemapTile(false);
      return;
    }
    const err = e.error instanceof Error ? e.error : new Error(String(e.error));
    console.error(/tk=/i.test(err.message) ? redactKey(err.message) : err);
  }

  /**
   * A basemap tile loaded (`ok`) or failed. The first failure for a basemap is reported once
   * (`basemapStatus` "failed" and one console warning without the URL, which may carry a key); a
   * tile that loads afterwards clears it ("ok"). Once a tile has loaded, single failed tiles are
   * not reported.
   */
  private onBasemapTile(ok: boolean): void {
    if (ok) {
      const wasFailed = this.basemapTiles === "failed";
      this.basemapTiles = "loaded";
      if (wasFailed) this.emitBasemapStatus("ok");
      return;
    }
    if (this.basemapTiles !== "pending") return;
    this.basemapTiles = "failed";
    console.warn(`Jiyue: ${this.opts.basemap.kind} basemap tiles failed to load (network or address).`);
    this.emitBasemapStatus("failed");
  }

  /**
   * MapLibre fires no error for a tile answered 404 (it takes that as "no tile here"), which is how
   * a wrong path on an intranet tile server shows, and no repaint follows it. So while no basemap
   * tile has loaded, look again shortly after tiles were asked for: when the basemap source has
   * settled (every tile loaded or failed) and none loaded, that is a failure.
   */
  private scheduleBasemapCheck(): void {
    if (this.basemapCheckTimer !== null || this.basemapTiles !== "pending") return;
    this.basemapCheckTimer = setTimeout(() => {
      this.basemapCheckTimer = null;
      if (this.destroyed || this.basemapTiles !== "pending" || this.basemapTilesRequested === 0) return;
      const settled = BASEMAP_SOURCES.every((id) => !this.map.getSource(id) || this.map.isSourceLoaded(id));
      if (settled) this.onBasemapTile(false);
      else this.scheduleBasemapCheck();
    }, 1000);
  }

  /** A new basemap: its tiles have not settled yet; a shown failure of the old one is cleared. */
  private onBasemapChanged(): void {
    const wasFailed = this.basemapTiles === "failed";
    this.basemapTiles = "pending";
    this.basemapTilesRequested = 0;
    if (wasFailed) this.emitBasemapStatus("ok");
  }

  private emitBasemapStatus(status: "ok" | "failed"): void {
    for (const h of this.handlers.basemapStatus) h(status);
  }

  /**
   * The mouse moved over a parcel (`id`) or off the parcels (undefined). Feature-state only: no
   * data is sent and nothing outside the map re-renders; the tooltip follows the cursor.
   */
  private onHover(rawId: string | number | undefined, point?: { x: number; y: number }): void {
    const id = rawId === undefined || rawId === "" ? null : String(rawId);
    if (id !== this.hoveredId) {
      if (this.hoveredId !== null)
        this.map.setFeatureState({ source: SOURCE.parcels, id: this.hoveredId }, { [STATE.hover]: false });
      if (id !== null) this.map.setFeatureState({ source: SOURCE.parcels, id }, { [STATE.hover]: true });
      this.hoveredId = id;
      this.tooltip.hidden = id === null;
    }
    // The text is asked for on every move: the indicator or language may have changed meanwhile.
    const text = id === null ? "" : this.hoverLabel(id);
    if (this.tooltip.textContent !== text) this.tooltip.textContent = text;
    if (id !== null && point) {
      // Right of and below the cursor; flipped to the other side near the map's right/bottom edge.
      const c = this.map.getContainer();
      const w = this.tooltip.offsetWidth;
      const h = this.tooltip.offsetHeight;
      const x = point.x + 14 + w > c.clientWidth ? Math.max(0, point.x - 14 - w) : point.x + 14;
      const y = point.y + 14 + h > c.clientHeight ? Math.max(0, point.y - 14 - h) : point.y + 14;
      this.tooltip.style.transform = `translate(${x}px, ${y}px)`;
    }
  }

  private hoverLabel(id: string): string {
    if (!this.hoverText) return id;
    try {
      return this.hoverText(id) || id;
    } catch {
      return id;
    }
  }

  setHoverText(text: ((id: string) => string) | null): void {
    this.hoverText = text;
    if (this.hoveredId !== null) this.tooltip.textContent = this.hoverLabel(this.hoveredId);
  }

  // --- view and framing (home, zones, parcels, reveal, resize) ------------------------------------

  private initView(): void {
    // A gesture (drag, wheel, the zoom buttons) ends the framed view: a resize then keeps the
    // centre, as MapLibre does. Framing calls have no original event.
    this.map.on("movestart", (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) this.lastFrame = null;
    });
    this.map.on("resize", () => {
      if (this.lastFrame)
        this.frame(this.lastFrame.bbox, this.lastFrame.maxZoom, this.lastFrame.padding, false);
    });
    this.map.on("moveend", () => {
      const view = this.getView();
      for (const h of this.handlers.viewChange) h(view);
    });
  }

  setFrameInsets(insets: FrameInsets): void {
    const same = (Object.keys(insets) as (keyof FrameInsets)[]).every(
      (k) => insets[k] === this.frameInsets[k],
    );
    if (same) return;
    this.frameInsets = { ...insets };
    // The framed view (home, a zone) is framed again; a view the user moved to is left alone.
    if (this.lastFrame)
      this.frame(this.lastFrame.bbox, this.lastFrame.maxZoom, this.lastFrame.padding, false);
  }

  /** Padding of a framed box (px): a fixed number, or `framePadding` of the container. */
  private paddingPx(padding: "frame" | number): number {
    if (padding !== "frame") return padding;
    const c = this.map.getContainer();
    return framePadding(c.clientWidth, c.clientHeight);
  }

  private frame(bbox: BBox, maxZoom: number, padding: "frame" | number, animate: boolean): void {
    this.framed = true;
    this.lastFrame = { bbox, maxZoom, padding };
    const c = this.map.getContainer();
    // A hidden or collapsed container has no size to frame in: remember the frame for the resize.
    if (c.clientWidth < 2 || c.clientHeight < 2) return;
    const pad = Math.min(this.paddingPx(padding), Math.floor(Math.min(c.clientWidth, c.clientHeight) / 4));
    const box = framePaddingBox(c.clientWidth, c.clientHeight, pad, this.frameInsets);
    this.map.fitBounds(bbox, { padding: box, duration: animate ? 400 : 0, maxZoom });
    this.touch();
  }

  /** A parcel feature's id: its `id` when set (then its properties may be made on demand), else `properties.id`. */
  private idOf(f: MapParcels["features"][number]): string {
    return String(f.id ?? f.properties?.id ?? "");
  }

  /** The bbox of all parcels (cached per parcel object). */
  private parcelsBboxFor: MapParcels | null = null;
  private parcelsBbox: BBox | null = null;
  private allParcelsBbox(): BBox | null {
    if (!this.parcels) return null;
    if (this.parcelsBboxFor !== this.parcels) {
      // The collection's own bbox when its maker computed it (the map binding does, in slices).
      const b = this.parcels.bbox;
      this.parcelsBbox = b && b.length === 4 ? (b as BBox) : bboxOf(this.parcels.features);
      this.parcelsBboxFor = this.parcels;
    }
    return this.parcelsBbox;
  }

  /** First parcels: frame them (or a zone asked for before). A new dataset elsewhere: frame it too. */
  private frameNewParcels(): void {
    const bbox = this.allParcelsBbox();
    if (!bbox) return;
    const moved =
      this.homeBbox !== null &&
      !(bboxOverlap(this.homeBbox, bbox) > 0.5 && bboxOverlap(bbox, this.homeBbox) > 0.5);
    if (!this.framed || moved) this.fitZone(this.framed ? "all" : (this.pendingFocus ?? "all"), false);
  }

  fitZone(zone: ZoneFocus, animate = true): void {
    const bbox: BBox | null =
      zone === "all"
        ? (this.allParcelsBbox() ??
          focusBbox((this.context?.zones as FeatureCollection | undefined) ?? null, null, "all"))
        : focusBbox(
            (this.context?.zones as FeatureCollection | undefined) ?? null,
            this.parcels as FeatureCollection | null,
            zone,
          );
    if (!bbox) {
      this.pendingFocus = zone;
      return;
    }
    this.pendingFocus = null;
    if (zone === "all") this.homeBbox = bbox;
    this.frame(bbox, 17, "frame", animate);
  }

  fitHome(): void {
    this.fitZone("all");
  }

  private bboxOfIds(ids: readonly string[]): BBox | null {
    if (!this.parcels || ids.length === 0) return null;
    const feats = ids.flatMap((id) => {
      const f = this.featureById.get(id);
      return f ? [f] : [];
    });
    if (feats.length > 0) return bboxOf(feats);
    const want = new Set(ids);
    return bboxOf(this.parcels.features.filter((f) => want.has(this.idOf(f))));
  }

  /** Frame the given parcels (e.g. a table row or the reallocation list); unknown ids are ignored. */
  fitParcels(ids: readonly string[]): void {
    const bbox = this.bboxOfIds(ids);
    if (bbox) this.frame(bbox, 17.5, 80, true);
  }

  revealParcels(ids: readonly string[]): void {
    const bbox = this.bboxOfIds(ids);
    if (!bbox) return;
    const c = this.map.getContainer();
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (w < 2 || h < 2) return;
    const [x0, y1] = this.project([bbox[0], bbox[1]]);
    const [x1, y0] = this.project([bbox[2], bbox[3]]);
    const action = revealAction({ x0, y0, x1, y1 }, w, h, REVEAL_MARGIN_PX);
    if (action === "none") return;
    if (action === "fit") {
      this.frame(bbox, 17.5, 80, true);
      return;
    }
    this.lastFrame = null;
    this.map.easeTo({ center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], duration: 400 });
    this.touch();
  }

  flyTo(target: { center: [number, number]; zoom?: number }): void {
    this.framed = true;
    this.lastFrame = null;
    this.map.flyTo({
      center: target.center,
      ...(target.zoom !== undefined ? { zoom: target.zoom } : {}),
      duration: 600,
    });
    this.touch();
  }

  getView(): MapViewState {
    return { center: this.map.getCenter().toArray() as [number, number], zoom: this.map.getZoom() };
  }

  /** Jump to a view (tests, restoring a saved view). */
  setView(view: Partial<MapViewState>): void {
    this.framed = true;
    this.lastFrame = null;
    this.map.jumpTo(view);
    this.touch();
  }

  // --- tools (select, measure, draw: src/map/tools) -----------------------------------------------

  /** Screen pixel (relative to the map container) of a lon/lat: for tools that know no map library. */
  project(lngLat: [number, number]): [number, number] {
    const p = this.map.project(lngLat);
    return [p.x, p.y];
  }

  /** Lon/lat of a screen pixel (relative to the map container). */
  unproject(point: [number, number]): [number, number] {
    return this.map.unproject(point).toArray() as [number, number];
  }

  private initTools(): void {
    this.tools = new ToolManager(
      {
        project: (ll) => this.project(ll),
        unproject: (pt) => this.unproject(pt),
        parcelAt: (pt) => this.parcelAt(pt),
        setCursor: (cursor) => {
          this.map.getCanvas().style.cursor = cursor;
        },
        setDoubleClickZoom: (on) => {
          if (on) this.map.doubleClickZoom.enable();
          else this.map.doubleClickZoom.disable();
        },
      },
      (render) => this.drawTool(render),
    );
    this.tools.setTool(this.selectTool);
    const toEvent = (e: maplibregl.MapMouseEvent): ToolPointerEvent => {
      const o = e.originalEvent;
      return {
        lngLat: e.lngLat.toArray() as [number, number],
        point: [e.point.x, e.point.y],
        button:
          o.type === "mousemove" && o.buttons === 0
            ? "none"
            : ((["left", "middle", "right"][o.button] as ToolPointerEvent["button"]) ?? "none"),
        shiftKey: o.shiftKey,
        ctrlKey: o.ctrlKey || o.metaKey,
        altKey: o.altKey,
        time: o.timeStamp,
      };
    };
    this.map.on("mousedown", (e) => this.tools.pointerDown(toEvent(e)));
    this.map.on("mousemove", (e) => this.tools.pointerMove(toEvent(e)));
    this.map.on("mouseup", (e) => this.tools.pointerUp(toEvent(e)));
  }

  private parcelAt(point: [number, number]): string | null {
    if (!this.loaded || !this.map.getLayer(LAYER.parcelsFill)) return null;
    const f = this.map.queryRenderedFeatures(point, { layers: [LAYER.parcelsFill] })[0];
    return f ? String(f.id ?? f.properties?.id ?? "") || null : null;
  }

  setTool(spec: ToolSpec): void {
    if (sameToolSpec(spec, this.toolSpec) && this.tools.active) return;
    this.toolSpec = spec;
    let tool: MapTool;
    if (spec.kind === "select") tool = this.selectTool;
    else if (spec.kind === "measure")
      tool = new MeasureTool({
        kind: spec.measure,
        crs: spec.crs,
        lang: this.opts.lang,
        onChange: (m) => {
          for (const h of this.handlers.measure) h(m);
        },
      });
    else tool = new DrawTool(spec.geometry, (g) => spec.onFinish(g));
    this.tools.setTool(tool);
    if (spec.kind !== "measure") for (const h of this.handlers.measure) h(null);
  }

  toolKey(key: ToolKey): boolean {
    return this.tools.key({ key: key.key, shiftKey: key.shiftKey ?? false, ctrlKey: key.ctrlKey ?? false });
  }

  clearMeasurement(): void {
    this.tools.key({ key: "Escape", shiftKey: false, ctrlKey: false });
  }

  private drawTool(render: ToolRender): void {
    this.toolRender = render;
    if (!this.loaded) return;
    this.geojson(TOOL_SOURCE)?.setData(render as FeatureCollection);
    this.touch();
  }

  private addToolLayers(): void {
    if (!this.map.getSource(TOOL_SOURCE))
      this.map.addSource(TOOL_SOURCE, toolSource() as maplibregl.SourceSpecification);
    for (const id of TOOL_LAYER_IDS) if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const l of toolLayers(this.opts.theme)) this.map.addLayer(l as maplibregl.AddLayerObject);
    this.geojson(TOOL_SOURCE)?.setData(this.toolRender as FeatureCollection);
  }

  /** Tool layers stay above every other layer when the style's layers change (the plan's just under them). */
  private raiseToolLayers(): void {
    if (!this.loaded) return;
    for (const id of PLAN_LAYER_IDS) if (this.map.getLayer(id)) this.map.moveLayer(id);
    for (const id of TOOL_LAYER_IDS) if (this.map.getLayer(id)) this.map.moveLayer(id);
  }

  setPlan(features: FeatureCollection): void {
    if (features === this.plan) return;
    this.plan = features;
    if (!this.loaded) return;
    this.geojson(PLAN_SOURCE)?.setData(features);
    this.touch();
  }

  private addPlanLayers(): void {
    if (!this.map.getSource(PLAN_SOURCE))
      this.map.addSource(PLAN_SOURCE, planSource() as maplibregl.SourceSpecification);
    for (const id of PLAN_LAYER_IDS) if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const l of planLayers(this.opts.theme)) this.map.addLayer(l as maplibregl.AddLayerObject);
    this.geojson(PLAN_SOURCE)?.setData(this.plan);
  }
}

function sameToolSpec(a: ToolSpec, b: ToolSpec): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "measure" && b.kind === "measure") return a.measure === b.measure && a.crs === b.crs;
  if (a.kind === "draw" && b.kind === "draw") return a.geometry === b.geometry && a.onFinish === b.onFinish;
  return true;
}

/** The home / full-extent button, in its own control group under the zoom buttons. */
class HomeControl implements maplibregl.IControl {
  private el: HTMLDivElement | null = null;
  constructor(
    private readonly label: string,
    private readonly onHome: () => void,
  ) {}
  onAdd(): HTMLElement {
    const el = document.createElement("div");
    el.className = "maplibregl-ctrl maplibregl-ctrl-group";
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "jiyue-ctrl-home";
    btn.title = this.label;
    btn.setAttribute("aria-label", this.label);
    btn.dataset.testid = "map.home";
    // A house outline (no icon font, no image request).
    btn.innerHTML =
      '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><path d="M3 10 10 3.5 17 10M5.5 8v8.5h3.5v-5h2v5h3.5V8" fill="none" stroke="#333" stroke-width="1.6" stroke-linejoin="round"/></svg>';
    btn.addEventListener("click", () => this.onHome());
    el.appendChild(btn);
    this.el = el;
    return el;
  }
  onRemove(): void {
    this.el?.remove();
    this.el = null;
  }
}

/** The hover tooltip element: absolutely positioned in the map container, moved by transform. */
function hoverTooltip(): HTMLDivElement {
  const el = document.createElement("div");
  el.className = "map-hover-tip";
  el.dataset.testid = "map.hoverTip";
  el.hidden = true;
  el.setAttribute("aria-hidden", "true");
  Object.assign(el.style, {
    position: "absolute",
    left: "0",
    top: "0",
    zIndex: "3",
    pointerEvents: "none",
    padding: "2px 6px",
    borderRadius: "3px",
    background: "rgba(255, 255, 255, 0.94)",
    border: "1px solid rgba(0, 0, 0, 0.25)",
    boxShadow: "0 1px 4px rgba(0, 0, 0, 0.2)",
    color: "#1f2328",
    font: "600 12px/1.4 sans-serif",
    whiteSpace: "nowrap",
  });
  return el;
}
