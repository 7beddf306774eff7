import {
  type Color,
  expression,
  latest,
  type StylePropertySpecification,
  validateStyleMin,
} from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../../src/i18n/lang";
import type { Basemap, Colouring } from "../../../src/map/api";
import { layerOps } from "../../../src/map/diff";
import { landUseColouring } from "../../../src/map/landuse";
import {
  BASEMAP_LAYERS,
  buildLayers,
  buildStyle,
  CONTEXT_LAYERS,
  colourFor,
  FACILITY_KINDS,
  FLAG_LAYERS,
  LAYER,
  labelText,
  parcelFillColor,
  parcelFillPaint,
  redactKey,
  SOURCE,
  type Theme,
} from "../../../src/map/style";

const CUSTOM_XYZ: Extract<Basemap, { kind: "custom" }> = {
  kind: "custom",
  custom: {
    name: "县影像",
    url: "https://{s}.img.county.local/{z}/{x}/{y}.jpg",
    subdomains: "t0,t1",
    attribution: '建始县 <script>alert("x")</script> & 自然资源局',
    minzoom: 3,
    maxzoom: 17,
    tileSize: 512,
  },
};
const CUSTOM_TMS: Basemap = {
  kind: "custom",
  custom: { ...CUSTOM_XYZ.custom, url: "http://10.0.0.5/tms/{z}/{x}/{-y}.png", attribution: "" },
};
const CUSTOM_WMTS: Basemap = {
  kind: "custom",
  custom: {
    ...CUSTOM_XYZ.custom,
    url: "https://gis.local/wmts/park/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png",
  },
};
const BASEMAPS: Basemap[] = [
  { kind: "none" },
  { kind: "osm" },
  { kind: "tianditu", key: "abc123" },
  CUSTOM_XYZ,
  CUSTOM_TMS,
  CUSTOM_WMTS,
];
const THEMES: Theme[] = ["default", "projector"];
const LANGS: Lang[] = ["zh", "en"];
const GRADUATED: Colouring = {
  kind: "graduated",
  field: "investmentPerMu",
  breaks: [100, 200, 300],
  colors: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
  nullColor: "#d9d9d9",
};
const CATEGORICAL: Colouring = {
  kind: "categorical",
  field: "efficiencyClass",
  categories: [
    { value: "A", color: "#1a9850" },
    { value: "D", color: "#d73027" },
  ],
  otherColor: "#bbbbbb",
};
const BOOLEAN_CAT: Colouring = {
  kind: "categorical",
  field: "reallocationCandidate",
  categories: [{ value: "true", color: "#d73027" }],
  otherColor: "#eeeeee",
};

const errorsOf = (style: ReturnType<typeof buildStyle>) => validateStyleMin(style).map((e) => e.message);

describe("buildStyle validates against the MapLibre style spec", () => {
  for (const basemap of BASEMAPS)
    for (const theme of THEMES)
      for (const lang of LANGS)
        it(`${basemap.kind === "custom" ? basemap.custom.url : basemap.kind} × ${theme} × ${lang}`, () => {
          expect(errorsOf(buildStyle({ basemap, theme, lang }))).toEqual([]);
        });
  for (const colouring of [GRADUATED, CATEGORICAL, BOOLEAN_CAT, landUseColouring()])
    it(`with ${colouring.kind} colouring on ${colouring.field}`, () => {
      expect(
        errorsOf(buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh", colouring })),
      ).toEqual([]);
    });
  it("with degenerate colourings (no breaks, no categories, unsorted breaks, too few colours)", () => {
    const degenerate: Colouring[] = [
      { ...GRADUATED, breaks: [], colors: ["#ff0000"] },
      { ...GRADUATED, breaks: [300, 100, 100], colors: ["#000000", "#111111"] },
      { ...CATEGORICAL, categories: [] },
      { ...CATEGORICAL, categories: [...CATEGORICAL.categories, { value: "A", color: "#000000" }] },
    ];
    for (const colouring of degenerate)
      expect(
        errorsOf(buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh", colouring })),
      ).toEqual([]);
  });
});

describe("the validator itself", () => {
  it("reports a broken expression (so the checks above can fail)", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    s.layers.push({
      id: "bad",
      type: "fill",
      source: SOURCE.parcels,
      paint: { "fill-color": ["step", 1] as never },
    });
    expect(errorsOf(s).length).toBeGreaterThan(0);
  });
});

describe("buildStyle content", () => {
  it("has no glyphs or sprite URL (labels drawn locally, patterns added at runtime)", () => {
    const s = buildStyle({ basemap: { kind: "osm" }, theme: "default", lang: "zh" });
    expect(s.glyphs).toBeUndefined();
    expect(s.sprite).toBeUndefined();
  });
  it("basemap none needs no network source", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    for (const src of Object.values(s.sources)) expect(src.type).toBe("geojson");
    expect(s.layers.map((l) => l.id)).not.toContain(LAYER.basemap);
  });
  it("OSM raster with attribution", () => {
    const s = buildStyle({ basemap: { kind: "osm" }, theme: "default", lang: "zh" });
    const src = s.sources[SOURCE.basemap];
    expect(src?.type).toBe("raster");
    if (src?.type !== "raster") return;
    expect(src.tiles).toEqual(["https://tile.openstreetmap.org/{z}/{x}/{y}.png"]);
    expect(src.attribution).toContain("OpenStreetMap");
  });
  it("Tianditu vec_w + cva_w (zh) / eia_w (en) with the key, encoded, and 天地图 attribution", () => {
    const zh = buildStyle({ basemap: { kind: "tianditu", key: "k&y" }, theme: "default", lang: "zh" });
    const vec = zh.sources[SOURCE.basemap];
    const cva = zh.sources[SOURCE.basemapLabels];
    if (vec?.type !== "raster" || cva?.type !== "raster") throw new Error("raster sources expected");
    expect(vec.tiles?.[0]).toContain("/vec_w/wmts?");
    expect(vec.tiles?.[0]).toContain("tk=k%26y");
    expect(vec.attribution).toContain("天地图");
    expect(cva.tiles?.[0]).toContain("/cva_w/");
    const en = buildStyle({ basemap: { kind: "tianditu", key: "k" }, theme: "default", lang: "en" });
    const eia = en.sources[SOURCE.basemapLabels];
    if (eia?.type !== "raster") throw new Error("raster expected");
    expect(eia.tiles?.[0]).toContain("/eia_w/");
    for (const id of BASEMAP_LAYERS) expect(zh.layers.map((l) => l.id)).toContain(id);
  });
  it("parcels source promotes id for feature-state", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const p = s.sources[SOURCE.parcels];
    expect(p?.type === "geojson" && p.promoteId).toBe("id");
  });
  it("flag layers follow flagsVisible", () => {
    const hidden = buildStyle({
      basemap: { kind: "none" },
      theme: "default",
      lang: "zh",
      flagsVisible: false,
    });
    for (const id of FLAG_LAYERS) {
      const l = hidden.layers.find((x) => x.id === id);
      expect(l && "layout" in l ? l.layout : undefined).toMatchObject({ visibility: "none" });
    }
  });
  it("projector theme draws thicker zone lines and larger labels", () => {
    const d = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const p = buildStyle({ basemap: { kind: "none" }, theme: "projector", lang: "zh" });
    const width = (s: typeof d) => {
      const l = s.layers.find((x) => x.id === LAYER.zonesLine);
      const w = l?.type === "line" ? l.paint?.["line-width"] : undefined;
      // A constant written per feature (`shared` in style.ts): ["case", cond, v, v].
      return Array.isArray(w) && w[0] === "case" ? (w[2] as number) : (w as number);
    };
    expect(width(p)).toBeGreaterThan(width(d));
    const size = (s: typeof d) => {
      const l = s.layers.find((x) => x.id === LAYER.parcelLabels);
      return l?.type === "symbol" ? (l.layout?.["text-size"] as number) : Number.NaN;
    };
    expect(size(p)).toBeGreaterThan(size(d));
  });
  it("layer ids are unique", () => {
    const s = buildStyle({ basemap: { kind: "tianditu", key: "x" }, theme: "default", lang: "zh" });
    const ids = s.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** Evaluate a fill-color expression for a feature with these properties, as a hex string. */
function fillColorFor(colouring: Colouring, properties: Record<string, unknown>): string {
  const parsed = expression.createExpression(
    parcelFillColor(colouring),
    "fill-color",
    latest.paint_fill["fill-color"] as unknown as StylePropertySpecification,
  );
  if (parsed.result !== "success") throw new Error(parsed.value.map((e) => e.message).join("; "));
  const c = parsed.value.evaluate({ zoom: 14 }, { type: "Polygon", properties } as never) as Color;
  const hex = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

describe("parcelFillColor evaluates as the Colouring contract says", () => {
  it("graduated: below the first break → first class", () => {
    expect(fillColorFor(GRADUATED, { investmentPerMu: 99.99 })).toBe("#ffffb2");
    expect(fillColorFor(GRADUATED, { investmentPerMu: -5 })).toBe("#ffffb2");
  });
  it("graduated: exactly at a break → upper class", () => {
    expect(fillColorFor(GRADUATED, { investmentPerMu: 100 })).toBe("#fecc5c");
    expect(fillColorFor(GRADUATED, { investmentPerMu: 200 })).toBe("#fd8d3c");
    expect(fillColorFor(GRADUATED, { investmentPerMu: 300 })).toBe("#e31a1c");
    expect(fillColorFor(GRADUATED, { investmentPerMu: 1e6 })).toBe("#e31a1c");
  });
  it("graduated: null, missing or text → nullColor (never class 0)", () => {
    expect(fillColorFor(GRADUATED, { investmentPerMu: null })).toBe("#d9d9d9");
    expect(fillColorFor(GRADUATED, {})).toBe("#d9d9d9");
    expect(fillColorFor(GRADUATED, { investmentPerMu: "120" })).toBe("#d9d9d9");
  });
  it("graduated: 0 is a value, not missing", () => {
    expect(fillColorFor(GRADUATED, { investmentPerMu: 0 })).toBe("#ffffb2");
  });
  it("graduated without breaks: one class", () => {
    const one: Colouring = { ...GRADUATED, breaks: [], colors: ["#ff0000"] };
    expect(fillColorFor(one, { investmentPerMu: 5 })).toBe("#ff0000");
    expect(fillColorFor(one, { investmentPerMu: null })).toBe("#d9d9d9");
  });
  it("categorical: match, otherwise and null → otherColor", () => {
    expect(fillColorFor(CATEGORICAL, { efficiencyClass: "A" })).toBe("#1a9850");
    expect(fillColorFor(CATEGORICAL, { efficiencyClass: "D" })).toBe("#d73027");
    expect(fillColorFor(CATEGORICAL, { efficiencyClass: "B" })).toBe("#bbbbbb");
    expect(fillColorFor(CATEGORICAL, { efficiencyClass: null })).toBe("#bbbbbb");
    expect(fillColorFor(CATEGORICAL, {})).toBe("#bbbbbb");
  });
  it("categorical on a boolean property matches its string form", () => {
    expect(fillColorFor(BOOLEAN_CAT, { reallocationCandidate: true })).toBe("#d73027");
    expect(fillColorFor(BOOLEAN_CAT, { reallocationCandidate: false })).toBe("#eeeeee");
  });
  it("land-use colouring: industrial parcels are brown, missing land use has its own grey", () => {
    expect(fillColorFor(landUseColouring(), { landUseGroup: "industrial" })).toBe("#b9906a");
    expect(fillColorFor(landUseColouring(), { landUseGroup: "unknown" })).toBe("#e6e6e6");
    expect(fillColorFor(landUseColouring(), { landUseGroup: "zzz" })).toBe("#d8cbb4");
  });
});

describe("colourFor (what the controller writes to feature-state) agrees with the expression", () => {
  const samples: Record<string, unknown>[] = [
    {},
    { investmentPerMu: null },
    { investmentPerMu: "150" },
    { investmentPerMu: -1 },
    { investmentPerMu: 0 },
    { investmentPerMu: 99.999 },
    { investmentPerMu: 100 },
    { investmentPerMu: 150 },
    { investmentPerMu: 200 },
    { investmentPerMu: 300 },
    { investmentPerMu: 12345 },
    { efficiencyClass: "A" },
    { efficiencyClass: "B" },
    { efficiencyClass: "D" },
    { efficiencyClass: null },
    { reallocationCandidate: true },
    { reallocationCandidate: false },
    { landUseGroup: "industrial" },
    { landUseGroup: "vacant" },
    { landUseGroup: "unknown" },
    { landUseGroup: "nonsense" },
  ];
  const colourings: Colouring[] = [
    GRADUATED,
    CATEGORICAL,
    BOOLEAN_CAT,
    landUseColouring(),
    { ...GRADUATED, breaks: [300, 100, 100], colors: ["#000000", "#111111"] },
    { ...GRADUATED, breaks: [] },
  ];
  for (const c of colourings)
    it(`${c.kind} on ${c.field}`, () => {
      const f = colourFor(c);
      for (const p of samples) expect(f(p), JSON.stringify(p)).toBe(fillColorFor(c, p));
    });
  it("null properties → null/other colour", () => {
    expect(colourFor(GRADUATED)(null)).toBe("#d9d9d9");
    expect(colourFor(CATEGORICAL)(undefined)).toBe("#bbbbbb");
  });
});

describe("parcel layers stay few (each one on the big source costs worker time)", () => {
  it("below z14 only the fill and the flag overlay read the parcel source, below z11 only the fill", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const onParcels = s.layers.filter(
      (l) => "source" in l && l.source === SOURCE.parcels && (l.minzoom ?? 0) < 14,
    );
    expect(onParcels.map((l) => l.id).sort()).toEqual(
      [LAYER.flagHatch, LAYER.flagLine, LAYER.parcelsFill].sort(),
    );
    const below11 = onParcels.filter((l) => (l.minzoom ?? 0) < 11).map((l) => l.id);
    expect(below11).toEqual([LAYER.parcelsFill]);
  });
  it("the fill colour comes from feature-state", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const fill = s.layers.find((l) => l.id === LAYER.parcelsFill);
    expect(JSON.stringify(fill?.type === "fill" ? fill.paint?.["fill-color"] : null)).toContain(
      "feature-state",
    );
  });
});

describe("parcelFillPaint: feature-state colour first, else the baked colouring", () => {
  const evalPaint = (state: Record<string, unknown>, properties: Record<string, unknown>) => {
    const parsed = expression.createExpression(
      parcelFillPaint(GRADUATED),
      "fill-color",
      latest.paint_fill["fill-color"] as unknown as StylePropertySpecification,
    );
    if (parsed.result !== "success") throw new Error(parsed.value.map((e) => e.message).join("; "));
    const c = parsed.value.evaluate(
      { zoom: 14 },
      { type: "Polygon", properties } as never,
      state as never,
    ) as Color;
    return [c.r, c.g, c.b].map((x) => Math.round(x * 255));
  };
  it("uses the state colour when set", () => {
    expect(evalPaint({ fill: "#010203" }, { investmentPerMu: 150 })).toEqual([1, 2, 3]);
  });
  it("falls back to the baked expression", () => {
    expect(evalPaint({}, { investmentPerMu: 150 })).toEqual([0xfe, 0xcc, 0x5c]);
    expect(evalPaint({ dim: true }, { investmentPerMu: null })).toEqual([0xd9, 0xd9, 0xd9]);
  });
});

describe("facility kind labels", () => {
  it("every kind has zh and en labels and a hex colour", () => {
    for (const [kind, v] of Object.entries(FACILITY_KINDS)) {
      expect(v.zh, kind).toMatch(/[\u4e00-\u9fff]/);
      expect(v.en.length, kind).toBeGreaterThan(0);
      expect(v.color, kind).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
  it("covers the kinds of the sample data and the six-ones planner", () => {
    for (const k of [
      "kindergarten",
      "school",
      "clinic",
      "leisure",
      "green",
      "bus-stop",
      "incubator",
      "sewage-plant",
    ])
      expect(FACILITY_KINDS[k], k).toBeDefined();
  });
});

describe("labelText picks the label of the current language", () => {
  const evalText = (lang: Lang, properties: Record<string, unknown>): string => {
    const parsed = expression.createExpression(
      labelText(lang),
      "text-field",
      latest.layout_symbol["text-field"] as unknown as StylePropertySpecification,
    );
    if (parsed.result !== "success") throw new Error(parsed.value.map((e) => e.message).join("; "));
    return String(parsed.value.evaluate({ zoom: 14 }, { type: "Point", properties } as never));
  };
  it("English uses the feature's own nameEn when the controller wrote no label (the central urban area)", () => {
    const p = { name: "中心城区（业州镇）", nameEn: "Central urban area (Yezhou)" };
    expect(evalText("en", p)).toBe("Central urban area (Yezhou)");
    expect(evalText("zh", p)).toBe("中心城区（业州镇）");
  });
  it("falls back to the Chinese name when there is no English one, and prefers the controller's labels", () => {
    expect(evalText("en", { name: "孵化园" })).toBe("孵化园");
    expect(evalText("en", { label_en: "Huangtukan Zone", nameEn: "x", name: "黄土坎片区" })).toBe(
      "Huangtukan Zone",
    );
  });
});

describe("hover: the parcel under the mouse gets the hover outline (feature-state `hover`)", () => {
  const rgb = (c: Color) => [c.r, c.g, c.b].map((x) => Math.round(x * 255));
  const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  const layerOf = (theme: Theme, id: string) => {
    const s = buildStyle({ basemap: { kind: "none" }, theme, lang: "zh" });
    const l = s.layers.find((x) => x.id === id);
    if (!l) throw new Error(`no layer ${id}`);
    return l;
  };
  const evalPaint = (value: unknown, spec: unknown, state: Record<string, unknown>, zoom = 15): unknown => {
    const parsed = expression.createExpression(value, "paint", spec as StylePropertySpecification);
    if (parsed.result !== "success") throw new Error(parsed.value.map((e) => e.message).join("; "));
    return parsed.value.evaluate({ zoom }, { type: "Polygon", properties: {} } as never, state as never);
  };
  for (const [theme, hover, outline] of [
    ["default", "#4fc3f7", "#ffffff"],
    ["projector", "#00b0ff", "#333333"],
  ] as const) {
    it(`${theme}: the fill's outline is the hover colour when hovered, else the parcel outline`, () => {
      const fill = layerOf(theme, LAYER.parcelsFill);
      const v = fill.type === "fill" ? fill.paint?.["fill-outline-color"] : undefined;
      const spec = latest.paint_fill["fill-outline-color"];
      expect(rgb(evalPaint(v, spec, { hover: true }) as Color)).toEqual(hex(hover));
      expect(rgb(evalPaint(v, spec, { hover: false }) as Color)).toEqual(hex(outline));
      expect(rgb(evalPaint(v, spec, {}) as Color)).toEqual(hex(outline));
    });
    it(`${theme}: the outline layer (z14+) turns the hover colour, wider, and is not dimmed`, () => {
      const line = layerOf(theme, LAYER.parcelsOutline);
      const paint = line.type === "line" ? line.paint : undefined;
      const color = (st: Record<string, unknown>) =>
        rgb(evalPaint(paint?.["line-color"], latest.paint_line["line-color"], st) as Color);
      const width = (st: Record<string, unknown>) =>
        evalPaint(paint?.["line-width"], latest.paint_line["line-width"], st) as number;
      const opacity = (st: Record<string, unknown>) =>
        evalPaint(paint?.["line-opacity"], latest.paint_line["line-opacity"], st) as number;
      expect(color({ hover: true })).toEqual(hex(hover));
      expect(color({})).toEqual(hex(outline));
      expect(width({ hover: true })).toBeGreaterThan(width({}));
      expect(opacity({ hover: true, dim: true })).toBe(1);
      expect(opacity({ dim: true })).toBe(0.3);
    });
  }
  it("adds no layer on the parcel source (hover reuses the fill and outline layers)", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const onParcels = s.layers.filter((l) => "source" in l && l.source === SOURCE.parcels).map((l) => l.id);
    expect(onParcels.sort()).toEqual(
      [LAYER.parcelsFill, LAYER.flagHatch, LAYER.parcelsOutline, LAYER.flagLine].sort(),
    );
  });
  it("draws parcel ids from the one-point-per-parcel label source, not per polygon tile piece", () => {
    const s = buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" });
    const labels = s.layers.find((l) => l.id === LAYER.parcelLabels);
    expect(labels && "source" in labels ? labels.source : undefined).toBe(SOURCE.parcelLabels);
  });
});

describe("redactKey: the Tianditu key never reaches a log", () => {
  it("replaces the tk of every tile URL in a message, keeps the rest", () => {
    const s = buildStyle({ basemap: { kind: "tianditu", key: "s3cr3t-KEY" }, theme: "default", lang: "zh" });
    const src = s.sources[SOURCE.basemap];
    const url = src?.type === "raster" ? (src.tiles?.[0] ?? "") : "";
    expect(url).toContain("tk=s3cr3t-KEY");
    const msg = `AJAXError: Forbidden (403): ${url.replace("{z}", "14")} and ${url}`;
    const out = redactKey(msg);
    expect(out).not.toContain("s3cr3t");
    expect(out).toContain("tk=***");
    expect(out).toContain("AJAXError: Forbidden (403): https://t0.tianditu.gov.cn/vec_w/wmts?");
    expect(redactKey("https://x.test/a?tk=abc&LAYER=v")).toBe("https://x.test/a?tk=***&LAYER=v");
    expect(redactKey("no key here")).toBe("no key here");
  });
});

describe("custom basemap (the user's own tile server)", () => {
  const sourceOf = (b: Basemap) =>
    buildStyle({ basemap: b, theme: "default", lang: "zh" }).sources[SOURCE.basemap];
  it("XYZ with {s}: one tile URL per subdomain, zoom range, tile size, escaped attribution", () => {
    expect(sourceOf(CUSTOM_XYZ)).toEqual({
      type: "raster",
      tiles: ["https://t0.img.county.local/{z}/{x}/{y}.jpg", "https://t1.img.county.local/{z}/{x}/{y}.jpg"],
      scheme: "xyz",
      tileSize: 512,
      minzoom: 3,
      maxzoom: 17,
      attribution: "建始县 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 自然资源局",
    });
  });
  it("TMS rows ({-y}) as scheme tms; no attribution when none was given", () => {
    const src = sourceOf(CUSTOM_TMS);
    expect(src).toMatchObject({
      type: "raster",
      tiles: ["http://10.0.0.5/tms/{z}/{x}/{y}.png"],
      scheme: "tms",
    });
    expect(src).not.toHaveProperty("attribution");
  });
  it("WMTS REST placeholders become {z}/{y}/{x}", () => {
    expect(sourceOf(CUSTOM_WMTS)).toMatchObject({
      tiles: ["https://gis.local/wmts/park/default/GoogleMapsCompatible/{z}/{y}/{x}.png"],
    });
  });
  it("draws one raster layer under the parcels and no annotation layer", () => {
    const ids = buildLayers({ basemap: CUSTOM_XYZ, theme: "default", lang: "zh" }).map((l) => l.id);
    expect(ids.filter((id) => (BASEMAP_LAYERS as readonly string[]).includes(id))).toEqual([LAYER.basemap]);
    expect(ids.indexOf(LAYER.basemap)).toBeLessThan(ids.indexOf(LAYER.parcelsFill));
  });
  it("a template that no longer validates gives neither a source nor a layer (the style stays valid)", () => {
    const bad: Basemap = {
      kind: "custom",
      custom: { ...CUSTOM_XYZ.custom, url: "javascript:alert(1)//{z}{x}{y}" },
    };
    const style = buildStyle({ basemap: bad, theme: "default", lang: "zh" });
    expect(style.sources[SOURCE.basemap]).toBeUndefined();
    expect(style.layers.map((l) => l.id)).not.toContain(LAYER.basemap);
    expect(errorsOf(style)).toEqual([]);
  });
  it("redactKey also hides the usual key parameters of other servers", () => {
    expect(redactKey("https://h/x?key=K1&token=T2&access_token=A3&apikey=P4&layer=v")).toBe(
      "https://h/x?key=***&token=***&access_token=***&apikey=***&layer=v",
    );
  });
});

describe("context layer visibility (the layer list)", () => {
  const all = { roads: true, facilities: true, zones: true, centralUrbanArea: true };
  const visibility = (layers: ReturnType<typeof buildLayers>) =>
    Object.fromEntries(
      layers.map((l) => [l.id, (l as { layout?: { visibility?: string } }).layout?.visibility ?? "visible"]),
    );
  it("every context layer belongs to exactly one group, and every group's layers exist", () => {
    const ids = buildLayers({ basemap: { kind: "none" }, theme: "default", lang: "zh" }).map((l) => l.id);
    const grouped = Object.values(CONTEXT_LAYERS).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const id of grouped) expect(ids).toContain(id);
  });
  for (const key of Object.keys(CONTEXT_LAYERS) as (keyof typeof CONTEXT_LAYERS)[])
    it(`hiding ${key} hides its layers only`, () => {
      const layers = buildLayers({
        basemap: { kind: "none" },
        theme: "default",
        lang: "zh",
        contextVisible: { ...all, [key]: false },
      });
      const v = visibility(layers);
      for (const id of Object.keys(v))
        expect(v[id], id).toBe(CONTEXT_LAYERS[key].includes(id) ? "none" : "visible");
      expect(
        validateStyleMin({
          ...buildStyle({ basemap: { kind: "none" }, theme: "default", lang: "zh" }),
          layers,
        }),
      ).toEqual([]);
    });
  it("toggling is layout visibility only: no layer is removed or added, no paint or filter changes", () => {
    const opts = { basemap: { kind: "none" } as Basemap, theme: "default" as Theme, lang: "zh" as Lang };
    const before = buildLayers({ ...opts, contextVisible: all });
    const after = buildLayers({ ...opts, contextVisible: { ...all, roads: false, zones: false } });
    const ops = layerOps(before, after);
    expect(
      ops.every((o) => o.op === "setLayoutProperty" && o.name === "visibility" && o.value === "none"),
    ).toBe(true);
    expect(ops.map((o) => ("id" in o ? o.id : "")).sort()).toEqual(
      [...CONTEXT_LAYERS.roads, ...CONTEXT_LAYERS.zones].sort(),
    );
    expect(layerOps(after, before).every((o) => o.op === "setLayoutProperty" && o.value === "visible")).toBe(
      true,
    );
  });
});
