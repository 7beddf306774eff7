import { describe, expect, it } from "vitest";
import {
  CUSTOM_BASEMAP_DEFAULTS,
  type CustomBasemapDraft,
  draftOf,
  parseSubdomains,
  sanitizeCustomBasemap,
  tileTemplate,
  validateCustomBasemap,
} from "../../../src/state/customBasemap";

/** Templates that are accepted, with what MapLibre gets. */
const ACCEPTED: {
  name: string;
  url: string;
  subdomains?: string;
  kind: string;
  tiles: string[];
  scheme: string;
}[] = [
  {
    name: "XYZ",
    url: "https://tiles.example.cn/base/{z}/{x}/{y}.png",
    kind: "xyz",
    tiles: ["https://tiles.example.cn/base/{z}/{x}/{y}.png"],
    scheme: "xyz",
  },
  {
    name: "XYZ on an intranet IP with a port, http",
    url: "http://10.12.0.5:8080/tiles/{z}/{x}/{y}.jpg?v=2",
    kind: "xyz",
    tiles: ["http://10.12.0.5:8080/tiles/{z}/{x}/{y}.jpg?v=2"],
    scheme: "xyz",
  },
  {
    name: "XYZ with {s} and the default subdomains",
    url: "https://{s}.tile.example.org/{z}/{x}/{y}.png",
    kind: "xyz",
    tiles: [
      "https://a.tile.example.org/{z}/{x}/{y}.png",
      "https://b.tile.example.org/{z}/{x}/{y}.png",
      "https://c.tile.example.org/{z}/{x}/{y}.png",
    ],
    scheme: "xyz",
  },
  {
    name: "{s} with listed subdomains",
    url: "https://t{s}.example.cn/{z}/{x}/{y}.png",
    subdomains: "0, 1 ,2",
    kind: "xyz",
    tiles: [
      "https://t0.example.cn/{z}/{x}/{y}.png",
      "https://t1.example.cn/{z}/{x}/{y}.png",
      "https://t2.example.cn/{z}/{x}/{y}.png",
    ],
    scheme: "xyz",
  },
  {
    name: "TMS ({-y})",
    url: "https://gis.county.gov.cn/tms/1.0.0/base/{z}/{x}/{-y}.png",
    kind: "tms",
    tiles: ["https://gis.county.gov.cn/tms/1.0.0/base/{z}/{x}/{y}.png"],
    scheme: "tms",
  },
  {
    name: "upper-case placeholders are normalised",
    url: "https://h.example/{Z}/{X}/{Y}.png",
    kind: "xyz",
    tiles: ["https://h.example/{z}/{x}/{y}.png"],
    scheme: "xyz",
  },
  {
    name: "WMTS KVP (as Tianditu's)",
    url: "https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY",
    kind: "wmts-kvp",
    tiles: [
      "https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY",
    ],
    scheme: "xyz",
  },
  {
    name: "WMTS KVP with GeoServer's prefixed tile matrix and WMTS names",
    url: "http://gs.local/geoserver/gwc/service/wmts?service=WMTS&request=GetTile&layer=park&tilematrixset=EPSG:900913&TileMatrix=EPSG:900913:{TileMatrix}&TileRow={TileRow}&TileCol={TileCol}&format=image/png",
    kind: "wmts-kvp",
    tiles: [
      "http://gs.local/geoserver/gwc/service/wmts?service=WMTS&request=GetTile&layer=park&tilematrixset=EPSG:900913&TileMatrix=EPSG:900913:{z}&TileRow={y}&TileCol={x}&format=image/png",
    ],
    scheme: "xyz",
  },
  {
    name: "WMTS REST",
    url: "https://gis.example/wmts/park/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png",
    kind: "wmts-rest",
    tiles: ["https://gis.example/wmts/park/default/GoogleMapsCompatible/{z}/{y}/{x}.png"],
    scheme: "xyz",
  },
  {
    name: "quadkey",
    url: "https://q.example/tiles/{quadkey}.jpeg",
    kind: "quadkey",
    tiles: ["https://q.example/tiles/{quadkey}.jpeg"],
    scheme: "xyz",
  },
  {
    name: "WMS GetMap with {bbox-epsg-3857}",
    url: "http://10.0.0.2/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=dlg&CRS=EPSG:3857&BBOX={bbox-epsg-3857}&WIDTH=256&HEIGHT=256&FORMAT=image/png",
    kind: "wms",
    tiles: [
      "http://10.0.0.2/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=dlg&CRS=EPSG:3857&BBOX={bbox-epsg-3857}&WIDTH=256&HEIGHT=256&FORMAT=image/png",
    ],
    scheme: "xyz",
  },
  {
    name: "surrounding spaces are trimmed",
    url: "  https://h.example/{z}/{x}/{y}.png \n",
    kind: "xyz",
    tiles: ["https://h.example/{z}/{x}/{y}.png"],
    scheme: "xyz",
  },
];

/** Templates refused, with the problem. */
const REFUSED: { name: string; url: string; subdomains?: string; problem: Record<string, string> }[] = [
  { name: "empty", url: "   ", problem: { field: "url", code: "empty" } },
  { name: "not a URL", url: "tiles/{z}/{x}/{y}.png", problem: { field: "url", code: "notUrl" } },
  { name: "file: scheme", url: "file:///tiles/{z}/{x}/{y}.png", problem: { field: "url", code: "scheme" } },
  {
    name: "javascript: scheme",
    url: "javascript:alert(1)//{z}{x}{y}",
    problem: { field: "url", code: "scheme" },
  },
  { name: "ftp", url: "ftp://h.example/{z}/{x}/{y}.png", problem: { field: "url", code: "scheme" } },
  {
    name: "credentials in the URL",
    url: "https://user:pw@h.example/{z}/{x}/{y}.png",
    problem: { field: "url", code: "credentials" },
  },
  {
    name: "a space inside",
    url: "https://h.example/my tiles/{z}/{x}/{y}.png",
    problem: { field: "url", code: "spaces" },
  },
  {
    name: "no placeholders",
    url: "https://h.example/tile.png",
    problem: { field: "url", code: "missingPlaceholders", detail: "{z} {x} {y}" },
  },
  {
    name: "{y} missing",
    url: "https://h.example/{z}/{x}.png",
    problem: { field: "url", code: "missingPlaceholders", detail: "{y}" },
  },
  {
    name: "both {y} and {-y}",
    url: "https://h.example/{z}/{x}/{y}/{-y}.png",
    problem: { field: "url", code: "yAndMinusY" },
  },
  {
    name: "unknown placeholder (Leaflet's {r})",
    url: "https://h.example/{z}/{x}/{y}{r}.png",
    problem: { field: "url", code: "unknownPlaceholder", detail: "{r}" },
  },
  {
    name: "WMTS capabilities address",
    url: "https://gis.example/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
    problem: { field: "url", code: "wmtsCapabilities" },
  },
  {
    name: "WMTS GetTile with a fixed tile matrix",
    url: "https://gis.example/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX=5&TILEROW={y}&TILECOL={x}&z={z}",
    problem: { field: "url", code: "wmtsParams" },
  },
  {
    name: "{s} with malformed subdomains",
    url: "https://{s}.h.example/{z}/{x}/{y}.png",
    subdomains: "a.b, c/d",
    problem: { field: "subdomains", code: "subdomains" },
  },
  {
    name: "{s} with no subdomains",
    url: "https://{s}.h.example/{z}/{x}/{y}.png",
    subdomains: "  ",
    problem: { field: "subdomains", code: "subdomains" },
  },
  {
    name: "too long",
    url: `https://h.example/${"a".repeat(2000)}/{z}/{x}/{y}.png`,
    problem: { field: "url", code: "tooLong" },
  },
];

describe("tile URL templates", () => {
  for (const c of ACCEPTED)
    it(`accepts ${c.name}`, () => {
      const r = tileTemplate(c.url, c.subdomains);
      expect(r).toEqual({ ok: true, template: { kind: c.kind, tiles: c.tiles, scheme: c.scheme } });
    });
  for (const c of REFUSED)
    it(`refuses ${c.name}`, () => {
      const r = tileTemplate(c.url, c.subdomains);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const { detail: _d, ...rest } = c.problem;
      expect(r.problem).toMatchObject(rest);
      if (c.problem.detail) expect(r.problem).toHaveProperty("detail", c.problem.detail);
    });
  it("a lone brace names where it is", () => {
    const r = tileTemplate("https://h.example/{z}/{x}/{y.png");
    expect(r).toMatchObject({ ok: false, problem: { code: "badBrace" } });
    if (!r.ok && "detail" in r.problem) expect(r.problem.detail).toContain("{y.png");
  });
});

describe("subdomains", () => {
  it.each([
    ["abc", ["a", "b", "c"]],
    ["0123", ["0", "1", "2", "3"]],
    ["t0,t1 t2", ["t0", "t1", "t2"]],
    ["a, a, b", ["a", "b"]],
  ])("%s", (text, want) => {
    expect(parseSubdomains(text)).toEqual(want);
  });
  it.each(["", " ", "a.b", "x/y", "a".repeat(17).split("").join(",")])("refuses %j", (text) => {
    expect(parseSubdomains(text)).toBeNull();
  });
});

const draft = (patch: Partial<CustomBasemapDraft> = {}): CustomBasemapDraft => ({
  ...CUSTOM_BASEMAP_DEFAULTS,
  url: "https://tiles.county.local/{z}/{x}/{y}.png",
  ...patch,
});

describe("validateCustomBasemap", () => {
  it("a good draft: trimmed fields, numbers, the host as name when none is given", () => {
    expect(validateCustomBasemap(draft({ attribution: "  县自然资源局  " }))).toEqual({
      ok: true,
      value: {
        name: "tiles.county.local",
        url: "https://tiles.county.local/{z}/{x}/{y}.png",
        subdomains: "abc",
        attribution: "县自然资源局",
        minzoom: 0,
        maxzoom: 18,
        tileSize: 256,
      },
    });
    const named = validateCustomBasemap(
      draft({ name: " 县影像 ", url: "https://{s}.img.local/{z}/{x}/{y}.jpg", tileSize: "512" }),
    );
    expect(named).toMatchObject({ ok: true, value: { name: "县影像", tileSize: 512 } });
  });

  it("lists every bad field once", () => {
    const r = validateCustomBasemap(
      draft({
        url: "ftp://x/{z}/{x}/{y}",
        name: "名".repeat(41),
        attribution: "a".repeat(201),
        minzoom: "-1",
        maxzoom: "25",
        tileSize: "300",
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "url:scheme",
      "name:tooLong",
      "attribution:tooLong",
      "minzoom:zoom",
      "maxzoom:zoom",
      "tileSize:tileSize",
    ]);
  });

  it("zoom bounds: 0 and 24 are accepted, max below min is refused, decimals are not zooms", () => {
    expect(validateCustomBasemap(draft({ minzoom: "0", maxzoom: "24" })).ok).toBe(true);
    expect(validateCustomBasemap(draft({ minzoom: "12", maxzoom: "12" })).ok).toBe(true);
    expect(validateCustomBasemap(draft({ minzoom: "13", maxzoom: "12" }))).toMatchObject({
      ok: false,
      problems: [{ field: "maxzoom", code: "zoomOrder" }],
    });
    expect(validateCustomBasemap(draft({ minzoom: "1.5" }))).toMatchObject({
      ok: false,
      problems: [{ field: "minzoom", code: "zoom" }],
    });
  });

  it("round-trips through the dialog's draft", () => {
    const r = validateCustomBasemap(draft({ name: "影像", minzoom: "3", maxzoom: "17", tileSize: "512" }));
    if (!r.ok) throw new Error("expected ok");
    expect(validateCustomBasemap(draftOf(r.value))).toEqual(r);
    expect(draftOf(null)).toEqual(CUSTOM_BASEMAP_DEFAULTS);
  });
});

describe("sanitizeCustomBasemap (stored settings)", () => {
  const good = {
    name: "县影像",
    url: "https://img.local/{z}/{x}/{y}.jpg",
    subdomains: "abc",
    attribution: "",
    minzoom: 0,
    maxzoom: 18,
    tileSize: 256,
  };
  it("keeps a good one", () => {
    expect(sanitizeCustomBasemap(good)).toEqual(good);
  });
  it.each([
    ["null", null],
    ["a list", [good]],
    ["a string", "https://img.local/{z}/{x}/{y}.jpg"],
    ["no url", { ...good, url: undefined }],
    ["a javascript: url", { ...good, url: "javascript:alert(1)//{z}/{x}/{y}" }],
    ["zoom as text", { ...good, maxzoom: "18" }],
    ["zoom out of range", { ...good, maxzoom: 99 }],
    ["tile size 300", { ...good, tileSize: 300 }],
    ["name not a string", { ...good, name: 5 }],
  ])("drops %s", (_label, stored) => {
    expect(sanitizeCustomBasemap(stored)).toBeNull();
  });
});
