/**
 * The MapLibre style of the app, built by pure functions (no maplibre-gl import, no DOM): the
 * controller applies what they return, the tests validate it against the style spec.
 *
 * Sources are GeoJSON and start empty; the controller fills them with `setData`. Labels use no
 * `glyphs` URL: MapLibre 6.17 draws them locally with the browser's fonts (Chinese included,
 * offline). Patterns for the flag overlay are added at runtime (`patterns.ts`), never a sprite URL.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from "@maplibre/maplibre-gl-style-spec";
import { classIndex } from "../domain/classify";
import type { Lang } from "../i18n/lang";
import { tileTemplate } from "../state/customBasemap";
import type { Basemap, Colouring, ContextVisibility } from "./api";
import { PATTERN_IDLE, PATTERN_UNDER } from "./patterns";

export type Theme = "default" | "projector";

export interface StyleOptions {
  basemap: Basemap;
  theme: Theme;
  lang: Lang;
  /**
   * Parcel fill colouring. Not part of the layers (colours are feature-state, see `STATE`); kept
   * here so the controller holds one options object.
   */
  colouring?: Colouring;
  /** Flag overlay visible (default true). */
  flagsVisible?: boolean;
  /** Context layers drawn (default: all). */
  contextVisible?: ContextVisibility;
}

/** Source ids. The data sources are filled by the controller; basemap sources come and go. */
export const SOURCE = {
  parcels: "parcels",
  zones: "zones",
  zoneLabels: "zone-labels",
  roads: "roads",
  facilities: "facilities",
  central: "central-urban-area",
  /** The selected parcels' geometry only (a few features), outlined on top. */
  selection: "selection",
  /** The parcels a scenario comparison found changed (a few features), drawn over the parcels. */
  changed: "changed",
  /** One label point per parcel (inside it), filled when the view first reaches label zoom. */
  parcelLabels: "parcel-labels",
  basemap: "basemap",
  basemapLabels: "basemap-labels",
} as const;

/** Layer ids, bottom to top. */
export const LAYER = {
  background: "background",
  basemap: "basemap",
  centralFill: "central-fill",
  zonesFill: "zones-fill",
  parcelsFill: "parcels-fill",
  flagHatch: "flags-hatch",
  parcelsOutline: "parcels-outline",
  roadsCasing: "roads-casing",
  roads: "roads",
  basemapLabels: "basemap-labels",
  centralLine: "central-line",
  facilitiesFill: "facilities-fill",
  flagLine: "flags-line",
  zonesLine: "zones-line",
  selection: "selection-line",
  changedFill: "changed-fill",
  changedLine: "changed-line",
  facilities: "facilities-circle",
  roadLabels: "roads-label",
  parcelLabels: "parcels-label",
  facilityLabels: "facilities-label",
  centralLabel: "central-label",
  zoneLabels: "zones-label",
} as const;

/** Parcel id labels are drawn from this zoom up. */
export const PARCEL_LABEL_MINZOOM = 15.5;
/** The flag overlay is drawn from this zoom up (see the hatch layer). */
export const FLAG_MINZOOM = 11;
/** Layers of the flag overlay (shown/hidden together by `setFlagsVisible`). */
export const FLAG_LAYERS = [LAYER.flagHatch, LAYER.flagLine];
/** Layers that belong to the basemap (replaced when the basemap changes). */
export const BASEMAP_LAYERS = [LAYER.basemap, LAYER.basemapLabels];
export const BASEMAP_SOURCES = [SOURCE.basemap, SOURCE.basemapLabels];
/** The layers of each context layer of the layer list (shown/hidden together). */
export const CONTEXT_LAYERS: Record<keyof ContextVisibility, readonly string[]> = {
  roads: [LAYER.roadsCasing, LAYER.roads, LAYER.roadLabels],
  facilities: [LAYER.facilitiesFill, LAYER.facilities, LAYER.facilityLabels],
  zones: [LAYER.zonesFill, LAYER.zonesLine, LAYER.zoneLabels],
  centralUrbanArea: [LAYER.centralFill, LAYER.centralLine, LAYER.centralLabel],
};

/**
 * Feature-state keys on parcels: `fill` is the parcel's colour when it differs from the colouring
 * baked into the fill expression (`parcelFillPaint`), `dim` is set outside the table filter.
 * Colour changes go through feature-state because a change of a data-driven paint property makes
 * MapLibre re-tile the whole source in its worker (seconds at 10,000 parcels), whereas
 * feature-state is applied on the main thread per feature. `hover` is true on the parcel under the
 * mouse: the fill's 1 px outline and (from z14) the outline layer turn the hover colour.
 */
export const STATE = { fill: "fill", dim: "dim", hover: "hover" } as const;

/**
 * The `flag` parcel property (see `features.ts`): `idle` (闲置土地: idle-1y, idle-2y, idle-halted),
 * `under` (低效: class D or below a standard), `none`.
 */
export const FLAG_PROP = "flag";

const FONT = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];
const FONT_BOLD = ["Noto Sans CJK SC Bold", "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif"];

interface ThemeParams {
  background: string;
  fillOpacity: number;
  dimOpacity: number;
  parcelOutline: string;
  parcelOutlineWidth: number;
  zoneLine: string;
  zoneLineWidth: number;
  zoneFill: string;
  road: string;
  roadCasing: string;
  roadScale: number;
  flagIdleLine: string;
  flagUnderLine: string;
  flagLineWidth: number;
  selection: string;
  selectionWidth: number;
  /** Outline of the parcel under the mouse (light, thinner than the selection). */
  hover: string;
  hoverWidth: number;
  text: string;
  halo: string;
  haloWidth: number;
  labelScale: number;
}

const THEMES: Record<Theme, ThemeParams> = {
  default: {
    background: "#f3f1ea",
    fillOpacity: 0.88,
    dimOpacity: 0.18,
    parcelOutline: "#ffffff",
    parcelOutlineWidth: 0.8,
    zoneLine: "#c62828",
    zoneLineWidth: 2.5,
    zoneFill: "#fbfaf6",
    road: "#ffffff",
    roadCasing: "#9a9a9a",
    roadScale: 1,
    flagIdleLine: "#111111",
    flagUnderLine: "#5b1010",
    flagLineWidth: 2.5,
    selection: "#0057d9",
    selectionWidth: 4,
    hover: "#4fc3f7",
    hoverWidth: 2.5,
    text: "#222222",
    halo: "#ffffff",
    haloWidth: 1.5,
    labelScale: 1,
  },
  projector: {
    background: "#ffffff",
    fillOpacity: 1,
    dimOpacity: 0.12,
    parcelOutline: "#333333",
    parcelOutlineWidth: 1.2,
    zoneLine: "#b00000",
    zoneLineWidth: 4.5,
    zoneFill: "#ffffff",
    road: "#ffffff",
    roadCasing: "#555555",
    roadScale: 1.5,
    flagIdleLine: "#000000",
    flagUnderLine: "#000000",
    flagLineWidth: 4,
    selection: "#0040ff",
    selectionWidth: 6,
    hover: "#00b0ff",
    hoverWidth: 3,
    text: "#000000",
    halo: "#ffffff",
    haloWidth: 2.5,
    labelScale: 1.35,
  },
};

/** The flag overlay's outline colours and width for a theme, for the legend's key. */
export function flagLineStyle(theme: Theme): { idle: string; under: string; width: number } {
  const t = THEMES[theme];
  return { idle: t.flagIdleLine, under: t.flagUnderLine, width: t.flagLineWidth };
}

/** Neutral parcel fill until a colouring is set. */
export const DEFAULT_PARCEL_COLOR = "#cfc8b8";

/** Facility kinds with their labels (unknown kinds show the kind string itself). */
export const FACILITY_KINDS: Record<string, { zh: string; en: string; color: string }> = {
  kindergarten: { zh: "幼儿园", en: "Kindergarten", color: "#e65100" },
  school: { zh: "学校", en: "School", color: "#ef6c00" },
  clinic: { zh: "卫生室", en: "Clinic", color: "#c62828" },
  leisure: { zh: "文体活动场所", en: "Leisure", color: "#6a1b9a" },
  green: { zh: "公园绿地", en: "Park", color: "#2e7d32" },
  "bus-stop": { zh: "公交站", en: "Bus stop", color: "#1565c0" },
  canteen: { zh: "食堂", en: "Canteen", color: "#795548" },
  housing: { zh: "职工宿舍", en: "Staff housing", color: "#9e9d24" },
  incubator: { zh: "孵化园", en: "Incubator", color: "#00838f" },
  "sewage-plant": { zh: "污水处理厂", en: "Sewage plant", color: "#37474f" },
  "water-plant": { zh: "水厂", en: "Water plant", color: "#0277bd" },
  substation: { zh: "变电站", en: "Substation", color: "#6d4c41" },
  "fire-station": { zh: "消防站", en: "Fire station", color: "#b71c1c" },
};

// ---------------------------------------------------------------------------------------------

const get = (field: string): ExpressionSpecification => ["get", field];

/**
 * The fill-color expression of a colouring.
 * - categorical: `match` on the property as a string (booleans read "true"/"false"); anything else
 *   and null → `otherColor`.
 * - graduated: `step` over the inner breaks (a value exactly at a break takes the upper class, as in
 *   `classify.ts`); a property that is not a number (null, missing, text) → `nullColor`.
 * Defensive: breaks are sorted and de-duplicated, colours padded/truncated to breaks + 1.
 */
export function parcelFillColor(colouring: Colouring): DataDrivenPropertyValueSpecification<string> {
  if (colouring.kind === "categorical") {
    const seen = new Set<string>();
    const pairs: string[] = [];
    for (const c of colouring.categories) {
      if (c.value === "" || seen.has(c.value)) continue;
      seen.add(c.value);
      pairs.push(c.value, c.color);
    }
    if (pairs.length === 0) return colouring.otherColor;
    return [
      "match",
      ["to-string", get(colouring.field)],
      ...pairs,
      colouring.otherColor,
    ] as unknown as ExpressionSpecification;
  }
  const breaks = [...new Set(colouring.breaks.filter(Number.isFinite))].sort((a, b) => a - b);
  const colors = colouring.colors.length > 0 ? colouring.colors : [DEFAULT_PARCEL_COLOR];
  const colorAt = (i: number) => colors[Math.min(i, colors.length - 1)] as string;
  const isNumber: ExpressionSpecification = ["==", ["typeof", get(colouring.field)], "number"];
  if (breaks.length === 0) return ["case", isNumber, colorAt(0), colouring.nullColor];
  const step: unknown[] = ["step", ["to-number", get(colouring.field)], colorAt(0)];
  breaks.forEach((b, i) => {
    step.push(b, colorAt(i + 1));
  });
  return ["case", isNumber, step as ExpressionSpecification, colouring.nullColor];
}

/**
 * The parcel fill's paint value: the colour in feature-state `fill` when there is one, else the
 * colouring's expression over the feature's properties. The controller bakes a colouring into the
 * expression while that is free (before the parcel data is sent) and switches later colourings
 * through feature-state, which needs no re-tiling.
 */
export function parcelFillPaint(colouring: Colouring | undefined): ExpressionSpecification {
  const fromProps = colouring ? parcelFillColor(colouring) : DEFAULT_PARCEL_COLOR;
  return [
    "case",
    ["==", ["typeof", ["feature-state", STATE.fill]], "string"],
    ["to-color", ["feature-state", STATE.fill]],
    fromProps as ExpressionSpecification,
  ];
}

/** MapLibre's `to-string` of a property value (null/missing → ""). */
function toStringLikeMapLibre(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return JSON.stringify(v);
}

/**
 * A colouring as a plain function of a feature's properties: the parcel's fill colour, exactly as
 * `parcelFillColor`'s expression evaluates (tests check they agree). The controller writes it into
 * feature-state.
 */
export function colourFor(
  colouring: Colouring,
): (props: Record<string, unknown> | null | undefined) => string {
  if (colouring.kind === "categorical") {
    const table = new Map<string, string>();
    for (const c of colouring.categories)
      if (c.value !== "" && !table.has(c.value)) table.set(c.value, c.color);
    const field = colouring.field;
    const other = colouring.otherColor;
    return (p) => table.get(toStringLikeMapLibre(p?.[field])) ?? other;
  }
  const breaks = [...new Set(colouring.breaks.filter(Number.isFinite))].sort((a, b) => a - b);
  const colors = colouring.colors.length > 0 ? colouring.colors : [DEFAULT_PARCEL_COLOR];
  const field = colouring.field;
  const nullColor = colouring.nullColor;
  return (p) => {
    const v = p?.[field];
    if (typeof v !== "number" || !Number.isFinite(v)) return nullColor;
    const i = classIndex(v, breaks);
    return colors[Math.min(i, colors.length - 1)] as string;
  };
}

/**
 * A constant written as a per-feature expression. MapLibre compiles one shader program per
 * combination of constant/per-feature paint properties, and in software rendering (SwiftShader,
 * as on machines without a GPU) each costs ~70 ms on first draw. Writing the constants of small
 * layers this way lets them share the programs of the big parcel layers: about 0.5 s less before
 * the first complete frame. The value is the same for every feature.
 */
function shared(v: unknown): ExpressionSpecification {
  const x = Array.isArray(v) ? ["literal", v] : v;
  return ["case", ["has", "__jiyue_never"], x, x] as ExpressionSpecification;
}

/** `hovered` when the parcel is under the mouse (feature-state `hover`), else `other`. */
function hoverCase(hovered: unknown, other: unknown): ExpressionSpecification {
  return [
    "case",
    ["boolean", ["feature-state", STATE.hover], false],
    hovered,
    other,
  ] as ExpressionSpecification;
}

/** Fill opacity with the filter-dim feature state. */
function dimmed(base: number, dim: number): ExpressionSpecification {
  return ["case", ["boolean", ["feature-state", STATE.dim], false], dim, base];
}

const FLAGGED: FilterSpecification = ["match", ["get", FLAG_PROP], ["idle", "under"], true, false];

function basemapSources(b: Basemap, lang: Lang): Record<string, SourceSpecification> {
  if (b.kind === "osm") {
    return {
      [SOURCE.basemap]: {
        type: "raster",
        tiles: ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"],
        tileSize: 256,
        maxzoom: 19,
        attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      },
    };
  }
  if (b.kind === "tianditu") {
    const tk = encodeURIComponent(b.key);
    const wmts = (layer: string) =>
      [0, 1, 2, 3, 4, 5, 6, 7].map(
        (s) =>
          `https://t${s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
          `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
      );
    const attribution = '© <a href="https://www.tianditu.gov.cn/">天地图</a> 审图号 GS(2024)0568号';
    return {
      [SOURCE.basemap]: { type: "raster", tiles: wmts("vec"), tileSize: 256, maxzoom: 18, attribution },
      // Annotation: Chinese (cva) or English (eia) labels.
      [SOURCE.basemapLabels]: {
        type: "raster",
        tiles: wmts(lang === "zh" ? "cva" : "eia"),
        tileSize: 256,
        maxzoom: 18,
        attribution,
      },
    };
  }
  if (b.kind === "custom") return customBasemapSources(b.custom);
  return {};
}

/** Escape text for MapLibre's attribution control, which shows it as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

/**
 * The raster source of the user's own tile server: the template converted to MapLibre's
 * placeholders (`customBasemap.ts`), TMS rows as `scheme: "tms"`, the attribution as plain text.
 * A template that no longer validates gives no source (and so no basemap layer).
 */
function customBasemapSources(
  c: Extract<Basemap, { kind: "custom" }>["custom"],
): Record<string, SourceSpecification> {
  const t = tileTemplate(c.url, c.subdomains);
  if (!t.ok) return {};
  return {
    [SOURCE.basemap]: {
      type: "raster",
      tiles: t.template.tiles,
      scheme: t.template.scheme,
      tileSize: c.tileSize,
      minzoom: c.minzoom,
      maxzoom: c.maxzoom,
      ...(c.attribution ? { attribution: escapeHtml(c.attribution) } : {}),
    },
  };
}

/**
 * A text with the Tianditu key of any tile URL (`tk=…`, see `basemapSources`) replaced by
 * `tk=***`: for messages that may reach a log. The key is the user's own and never logged.
 */
export function redactKey(text: string): string {
  // Also the usual key parameters of other tile servers (a custom basemap's URL may carry one).
  return text.replace(/([?&](?:tk|key|token|access_token|apikey|api_key)=)[^&\s]*/gi, "$1***");
}

const emptyGeoJson = (extra: Record<string, unknown> = {}): SourceSpecification =>
  ({
    type: "geojson",
    data: { type: "FeatureCollection", features: [] },
    ...extra,
  }) as SourceSpecification;

/** Parcels a scenario changed (compare): magenta, apart from every colouring's palette. */
export const CHANGED_COLOUR = "#d1008f";

/** The data sources (empty; the controller fills them). Parcels get `promoteId: "id"` for feature-state. */
export function dataSources(): Record<string, SourceSpecification> {
  return {
    [SOURCE.central]: emptyGeoJson(),
    [SOURCE.zones]: emptyGeoJson(),
    // Parcels: promoted ids for feature-state; a slightly coarser simplification and a small buffer
    // keep worker tiling fast at tens of thousands of parcels.
    [SOURCE.parcels]: emptyGeoJson({ promoteId: "id", tolerance: 0.5, buffer: 64 }),
    [SOURCE.roads]: emptyGeoJson(),
    [SOURCE.facilities]: emptyGeoJson(),
    [SOURCE.zoneLabels]: emptyGeoJson(),
    [SOURCE.selection]: emptyGeoJson(),
    [SOURCE.changed]: emptyGeoJson(),
    [SOURCE.parcelLabels]: emptyGeoJson({ promoteId: "id" }),
  };
}

/**
 * Text expression of a label in the current language: the controller's `label_zh`/`label_en`,
 * else the feature's own `nameEn` (English) or `name`.
 */
export const labelText = (lang: Lang): ExpressionSpecification =>
  lang === "zh"
    ? ["coalesce", ["get", "label_zh"], ["get", "name"], ""]
    : ["coalesce", ["get", "label_en"], ["get", "nameEn"], ["get", "name"], ""];

function facilityKindText(lang: Lang): ExpressionSpecification {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(FACILITY_KINDS)) pairs.push(k, v[lang]);
  return [
    "match",
    ["to-string", ["get", "kind"]],
    ...pairs,
    ["to-string", ["get", "kind"]],
  ] as unknown as ExpressionSpecification;
}

function facilityColor(): ExpressionSpecification {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(FACILITY_KINDS)) pairs.push(k, v.color);
  return ["match", ["to-string", ["get", "kind"]], ...pairs, "#455a64"] as unknown as ExpressionSpecification;
}

/**
 * Parcel outline width growing with zoom (×3 from z16 to z19); `hoverWidth` for the parcel under
 * the mouse (feature-state, so per-feature like the dim opacity).
 */
const hoverZoomWidth = (w12: number, w16: number, hoverWidth: number): ExpressionSpecification => [
  "interpolate",
  ["exponential", 1.6],
  ["zoom"],
  12,
  hoverCase(hoverWidth, w12),
  16,
  hoverCase(hoverWidth, w16),
  19,
  hoverCase(hoverWidth * 1.5, w16 * 3),
];

/** Road width by class (main > branch > access), growing with zoom; `scale` widens the casing/theme. */
const roadWidth = (scale: number): ExpressionSpecification => {
  const byClass = (main: number, branch: number, access: number): ExpressionSpecification => [
    "*",
    scale,
    ["match", ["get", "class"], "main", main, "branch", branch, access],
  ];
  return [
    "interpolate",
    ["exponential", 1.6],
    ["zoom"],
    12,
    byClass(1.6, 1, 0.6),
    16,
    byClass(9, 5.5, 3.5),
    19,
    byClass(36, 22, 14),
  ];
};

/** The layers for the options (no basemap sources needed for `none`). */
export function buildLayers(opts: StyleOptions): LayerSpecification[] {
  const t = THEMES[opts.theme];
  const lang = opts.lang;
  const flagsVisibility = opts.flagsVisible === false ? "none" : "visible";
  const isPoint: FilterSpecification = ["==", ["geometry-type"], "Point"];
  const isPolygon: FilterSpecification = ["==", ["geometry-type"], "Polygon"];
  const text = (size: number) => size * t.labelScale;
  const layers: LayerSpecification[] = [
    { id: LAYER.background, type: "background", paint: { "background-color": t.background } },
  ];
  if (opts.basemap.kind !== "none" && (opts.basemap.kind !== "custom" || hasCustomSource(opts.basemap))) {
    layers.push({
      id: LAYER.basemap,
      type: "raster",
      source: SOURCE.basemap,
      paint: { "raster-opacity": 0.9 },
    });
  }
  layers.push(
    {
      id: LAYER.centralFill,
      type: "fill",
      source: SOURCE.central,
      filter: isPolygon,
      paint: { "fill-color": shared("#e0d8f0"), "fill-opacity": shared(0.6), "fill-antialias": false },
    },
    {
      id: LAYER.zonesFill,
      type: "fill",
      source: SOURCE.zones,
      paint: {
        "fill-color": shared(t.zoneFill),
        "fill-opacity": shared(opts.basemap.kind === "none" ? 0.9 : 0.35),
        "fill-antialias": false,
      },
    },
    {
      id: LAYER.parcelsFill,
      type: "fill",
      source: SOURCE.parcels,
      paint: {
        "fill-color": parcelFillPaint(opts.colouring),
        "fill-opacity": dimmed(t.fillOpacity, t.dimOpacity),
        // A 1 px outline for free (no extra line bucket at overview zooms); the hover colour under
        // the mouse, so hovering needs no layer of its own below z14.
        "fill-outline-color": hoverCase(t.hover, t.parcelOutline),
      },
    },
    {
      id: LAYER.flagHatch,
      type: "fill",
      source: SOURCE.parcels,
      // Below z11 (40 km and more in view) a parcel is a couple of pixels: neither hatch nor
      // outline can be read there, and each costs worker time for every flagged parcel. Both zones
      // of the park together are framed at about z12; further out the "flag" colouring shows the
      // same thing.
      minzoom: FLAG_MINZOOM,
      filter: FLAGGED,
      layout: { visibility: flagsVisibility },
      paint: {
        "fill-pattern": ["match", ["get", FLAG_PROP], "idle", PATTERN_IDLE, PATTERN_UNDER],
        "fill-opacity": dimmed(1, 0.2),
        "fill-antialias": false,
      },
    },
    {
      id: LAYER.parcelsOutline,
      type: "line",
      source: SOURCE.parcels,
      minzoom: 14,
      paint: {
        "line-color": hoverCase(t.hover, t.parcelOutline),
        "line-width": hoverZoomWidth(t.parcelOutlineWidth * 0.5, t.parcelOutlineWidth * 1.5, t.hoverWidth),
        "line-opacity": hoverCase(1, dimmed(1, 0.3)),
      },
    },
    {
      id: LAYER.roadsCasing,
      type: "line",
      source: SOURCE.roads,
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": shared(t.roadCasing),
        "line-width": roadWidth(t.roadScale * 1.35),
        "line-opacity": shared(1),
      },
    },
    {
      id: LAYER.roads,
      type: "line",
      source: SOURCE.roads,
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": shared(t.road),
        "line-width": roadWidth(t.roadScale),
        "line-opacity": shared(1),
      },
    },
  );
  if (opts.basemap.kind === "tianditu") {
    layers.push({
      id: LAYER.basemapLabels,
      type: "raster",
      source: SOURCE.basemapLabels,
      paint: { "raster-opacity": 0.9 },
    });
  }
  layers.push(
    {
      id: LAYER.centralLine,
      type: "line",
      source: SOURCE.central,
      filter: isPolygon,
      paint: {
        "line-color": shared("#5e35b1"),
        "line-width": shared(2 * t.roadScale),
        "line-dasharray": shared([4, 2]),
        "line-opacity": shared(1),
      },
    },
    {
      id: LAYER.facilitiesFill,
      type: "fill",
      source: SOURCE.facilities,
      filter: isPolygon,
      paint: { "fill-color": facilityColor(), "fill-opacity": shared(0.35), "fill-antialias": false },
    },
    {
      // Idle: long dashes; underperforming: dots. Distinct in greyscale, not by colour alone.
      id: LAYER.flagLine,
      type: "line",
      source: SOURCE.parcels,
      minzoom: FLAG_MINZOOM,
      filter: FLAGGED,
      layout: { visibility: flagsVisibility, "line-join": "round" },
      paint: {
        "line-color": ["match", ["get", FLAG_PROP], "idle", t.flagIdleLine, t.flagUnderLine],
        "line-width": shared(t.flagLineWidth),
        "line-dasharray": [
          "match",
          ["get", FLAG_PROP],
          "idle",
          ["literal", [3, 1.5]],
          ["literal", [0.6, 1.2]],
        ],
        "line-opacity": dimmed(1, 0.25),
      },
    },
    {
      id: LAYER.zonesLine,
      type: "line",
      source: SOURCE.zones,
      layout: { "line-join": "round" },
      paint: {
        "line-color": shared(t.zoneLine),
        "line-width": shared(t.zoneLineWidth),
        "line-dasharray": shared([5, 2.5]),
        "line-opacity": shared(1),
      },
    },
    {
      id: LAYER.changedFill,
      type: "fill",
      source: SOURCE.changed,
      paint: { "fill-color": shared(CHANGED_COLOUR), "fill-opacity": shared(0.25) },
    },
    {
      id: LAYER.changedLine,
      type: "line",
      source: SOURCE.changed,
      layout: { "line-join": "round" },
      paint: {
        "line-color": shared(CHANGED_COLOUR),
        "line-width": shared(3 * t.labelScale),
        "line-dasharray": shared([2, 1]),
        "line-opacity": shared(1),
      },
    },
    {
      id: LAYER.selection,
      type: "line",
      source: SOURCE.selection,
      layout: { "line-join": "round" },
      paint: {
        "line-color": shared(t.selection),
        "line-width": shared(t.selectionWidth),
        "line-opacity": shared(1),
      },
    },
    {
      id: LAYER.facilities,
      type: "circle",
      source: SOURCE.facilities,
      filter: isPoint,
      paint: {
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 12, 4 * t.labelScale, 16, 8 * t.labelScale],
        // Existing: filled; planned/proposed: hollow ring in the kind colour.
        "circle-color": ["match", ["get", "status"], ["planned", "proposed"], "#ffffff", facilityColor()],
        "circle-stroke-color": [
          "match",
          ["get", "status"],
          ["planned", "proposed"],
          facilityColor(),
          "#ffffff",
        ],
        "circle-stroke-width": 2 * t.labelScale,
      },
    },
    {
      id: LAYER.roadLabels,
      type: "symbol",
      source: SOURCE.roads,
      minzoom: 14,
      filter: ["has", "name"],
      layout: {
        "symbol-placement": "line",
        "text-field": ["to-string", ["get", "name"]],
        "text-font": FONT,
        "text-size": text(11),
      },
      paint: { "text-color": "#555555", "text-halo-color": t.halo, "text-halo-width": t.haloWidth },
    },
    {
      id: LAYER.parcelLabels,
      type: "symbol",
      // A point per parcel: labels placed on the polygons were placed once per tile, so a parcel
      // across a tile edge showed its id two or three times.
      source: SOURCE.parcelLabels,
      minzoom: PARCEL_LABEL_MINZOOM,
      layout: {
        "text-field": ["to-string", ["get", "id"]],
        "text-font": FONT,
        "text-size": text(10.5),
        "text-max-width": 8,
        "text-padding": 1,
      },
      paint: {
        "text-color": t.text,
        "text-halo-color": t.halo,
        "text-halo-width": t.haloWidth,
        "text-opacity": dimmed(1, 0.35),
      },
    },
    {
      id: LAYER.facilityLabels,
      type: "symbol",
      source: SOURCE.facilities,
      minzoom: 13.5,
      filter: isPoint,
      layout: {
        "text-field": facilityKindText(lang),
        "text-font": FONT,
        "text-size": text(11),
        "text-offset": [0, 1.1],
        "text-anchor": "top",
        "text-optional": true,
      },
      paint: { "text-color": t.text, "text-halo-color": t.halo, "text-halo-width": t.haloWidth },
    },
    {
      id: LAYER.centralLabel,
      type: "symbol",
      source: SOURCE.central,
      filter: isPoint,
      layout: {
        "text-field": labelText(lang),
        "text-font": FONT_BOLD,
        "text-size": text(14),
        "text-allow-overlap": true,
      },
      paint: { "text-color": "#4527a0", "text-halo-color": t.halo, "text-halo-width": t.haloWidth },
    },
    {
      id: LAYER.zoneLabels,
      type: "symbol",
      source: SOURCE.zoneLabels,
      layout: {
        "text-field": labelText(lang),
        "text-font": FONT_BOLD,
        "text-size": ["interpolate", ["linear"], ["zoom"], 11, text(13), 15, text(20)],
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": t.zoneLine, "text-halo-color": t.halo, "text-halo-width": t.haloWidth + 0.5 },
    },
  );
  return withContextVisibility(layers, opts.contextVisible);
}

function hasCustomSource(b: Extract<Basemap, { kind: "custom" }>): boolean {
  return tileTemplate(b.custom.url, b.custom.subdomains).ok;
}

/** Context layers the options hide get `visibility: none`; the others `visible` (see `CONTEXT_LAYERS`). */
function withContextVisibility(
  layers: LayerSpecification[],
  visible: ContextVisibility | undefined,
): LayerSpecification[] {
  const hidden = new Set<string>();
  const shown = new Set<string>();
  for (const [key, ids] of Object.entries(CONTEXT_LAYERS))
    for (const id of ids) (visible?.[key as keyof ContextVisibility] === false ? hidden : shown).add(id);
  return layers.map((l) => {
    if (!hidden.has(l.id) && !shown.has(l.id)) return l;
    const layout = (l as { layout?: Record<string, unknown> }).layout ?? {};
    return {
      ...l,
      layout: { ...layout, visibility: hidden.has(l.id) ? "none" : "visible" },
    } as LayerSpecification;
  });
}

/** The whole style for the options. */
export function buildStyle(opts: StyleOptions): StyleSpecification {
  return {
    version: 8,
    name: "jiyue",
    // No paint transitions: a new colouring shows in the next frame (repaint budget < 150 ms).
    transition: { duration: 0, delay: 0 },
    sources: { ...basemapSources(opts.basemap, opts.lang), ...dataSources() },
    layers: buildLayers(opts),
  };
}

/** The basemap sources alone (used by the controller when only the basemap changes). */
export function buildBasemapSources(basemap: Basemap, lang: Lang): Record<string, SourceSpecification> {
  return basemapSources(basemap, lang);
}
