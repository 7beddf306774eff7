/**
 * A custom raster basemap: the user's own tile server (a county office's intranet tile server,
 * a provincial 天地图 node, a WMTS service). Pure functions: the dialog validates with them, the
 * persisted settings are re-checked with them field by field, and the map's style builder turns
 * the user's template into MapLibre tile URLs with them.
 *
 * Accepted templates (http/https only):
 * - XYZ: `https://host/{z}/{x}/{y}.png`, optionally `{s}` for subdomains (`{s}.host`);
 * - TMS: `{-y}` instead of `{y}` (rows counted from the south);
 * - WMTS KVP: `…?SERVICE=WMTS&REQUEST=GetTile&…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`;
 * - WMTS REST: `…/{TileMatrix}/{TileRow}/{TileCol}.png` (case-insensitive names);
 * - also MapLibre's own `{quadkey}` and `{bbox-epsg-3857}` (a WMS GetMap URL).
 * The tile grid must be Web Mercator (EPSG:3857, "GoogleMapsCompatible"), the only one MapLibre draws.
 */

export interface CustomBasemap {
  /** Shown in the basemap list and in messages (1–40 characters). */
  name: string;
  /** The template as the user gave it (trimmed). */
  url: string;
  /** Values for `{s}`: "abc" (one per character) or "t0,t1,t2" (comma/space separated). */
  subdomains: string;
  /** Plain text (escaped before MapLibre shows it as HTML). */
  attribution: string;
  minzoom: number;
  maxzoom: number;
  tileSize: 256 | 512;
}

/** What the dialog holds: every field as typed. */
export interface CustomBasemapDraft {
  name: string;
  url: string;
  subdomains: string;
  attribution: string;
  minzoom: string;
  maxzoom: string;
  tileSize: string;
}

export type TileTemplateKind = "xyz" | "tms" | "wmts-kvp" | "wmts-rest" | "quadkey" | "wms";

/** A template converted for MapLibre: one URL per subdomain, `{z}/{x}/{y}` only, and the row scheme. */
export interface TileTemplate {
  kind: TileTemplateKind;
  tiles: string[];
  scheme: "xyz" | "tms";
}

/** Why a URL or a field cannot be used; `detail` is the offending text (a placeholder, a scheme). */
export type CustomBasemapProblem =
  | { field: "url"; code: "empty" | "tooLong" | "spaces" | "notUrl" | "scheme" | "credentials" }
  | { field: "url"; code: "unknownPlaceholder" | "badBrace"; detail: string }
  | { field: "url"; code: "missingPlaceholders"; detail: string }
  | { field: "url"; code: "yAndMinusY" | "wmtsCapabilities" | "wmtsParams" }
  | { field: "subdomains"; code: "subdomains" }
  | { field: "name"; code: "tooLong" }
  | { field: "attribution"; code: "tooLong" }
  | { field: "minzoom" | "maxzoom"; code: "zoom" }
  | { field: "maxzoom"; code: "zoomOrder" }
  | { field: "tileSize"; code: "tileSize" };

export const CUSTOM_BASEMAP_LIMITS = {
  urlLength: 2000,
  nameLength: 40,
  attributionLength: 200,
  maxSubdomains: 16,
  zoomMax: 24,
} as const;

export const CUSTOM_BASEMAP_DEFAULTS: CustomBasemapDraft = {
  name: "",
  url: "",
  subdomains: "abc",
  attribution: "",
  minzoom: "0",
  maxzoom: "18",
  tileSize: "256",
};

/** Placeholders we accept, by their lower-case name, and what MapLibre gets for them. */
const PLACEHOLDERS: Record<string, string> = {
  z: "{z}",
  x: "{x}",
  y: "{y}",
  "-y": "{y}",
  s: "{s}",
  tilematrix: "{z}",
  tilerow: "{y}",
  tilecol: "{x}",
  quadkey: "{quadkey}",
  "bbox-epsg-3857": "{bbox-epsg-3857}",
};
/** A stand-in value per placeholder, to parse the template as a URL. */
const SAMPLE: Record<string, string> = { s: "a", quadkey: "0", "bbox-epsg-3857": "0,0,1,1" };

/** The subdomains as a list ("abc" → a, b, c; "t0,t1" → t0, t1); null when malformed. */
export function parseSubdomains(text: string): string[] | null {
  const t = text.trim();
  if (t === "") return null;
  const parts = /[\s,;]/.test(t) ? t.split(/[\s,;]+/).filter((p) => p !== "") : [...t];
  if (parts.length === 0 || parts.length > CUSTOM_BASEMAP_LIMITS.maxSubdomains) return null;
  if (!parts.every((p) => /^[A-Za-z0-9-]{1,32}$/.test(p))) return null;
  return [...new Set(parts)];
}

/**
 * Check a tile URL template and convert it for MapLibre. The template keeps everything the user
 * wrote except the placeholders, which become MapLibre's (`{-y}` → `{y}` with `scheme: "tms"`,
 * `{TileMatrix}` → `{z}` …, `{s}` expanded into one URL per subdomain).
 */
export function tileTemplate(
  rawUrl: string,
  subdomains = CUSTOM_BASEMAP_DEFAULTS.subdomains,
): { ok: true; template: TileTemplate } | { ok: false; problem: CustomBasemapProblem } {
  const url = rawUrl.trim();
  const fail = (problem: CustomBasemapProblem) => ({ ok: false as const, problem });
  if (url === "") return fail({ field: "url", code: "empty" });
  if (url.length > CUSTOM_BASEMAP_LIMITS.urlLength) return fail({ field: "url", code: "tooLong" });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return fail({ field: "url", code: "spaces" });

  // Placeholders: every {...} must be one we know; a lone brace is a typo.
  const names = new Set<string>();
  const stripped = url.replace(/\{([^{}]*)\}/g, (_m, inner: string) => {
    names.add(inner.toLowerCase());
    return "";
  });
  if (/[{}]/.test(stripped)) {
    const at = stripped.search(/[{}]/);
    return fail({ field: "url", code: "badBrace", detail: stripped.slice(Math.max(0, at - 8), at + 8) });
  }
  for (const n of names)
    if (!(n in PLACEHOLDERS)) return fail({ field: "url", code: "unknownPlaceholder", detail: `{${n}}` });

  // Parse with sample values in place of the placeholders (a `{s}` in the host is not a host).
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{([^{}]*)\}/g, (_m, inner: string) => SAMPLE[inner.toLowerCase()] ?? "0"));
  } catch {
    return fail({ field: "url", code: "notUrl" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return fail({ field: "url", code: "scheme" });
  if (parsed.hostname === "") return fail({ field: "url", code: "notUrl" });
  // fetch() refuses URLs with user:password@ (MapLibre could never load them).
  if (parsed.username !== "" || parsed.password !== "") return fail({ field: "url", code: "credentials" });

  // WMTS key-value requests: a capabilities address is a common paste; GetTile needs the three
  // tile parameters as placeholders.
  const query = new Map([...parsed.searchParams].map(([k, v]) => [k.toLowerCase(), v]));
  const isWmtsKvp = query.get("service")?.toLowerCase() === "wmts" || query.has("tilematrix");
  if (isWmtsKvp && query.get("request")?.toLowerCase() === "getcapabilities")
    return fail({ field: "url", code: "wmtsCapabilities" });

  const hasY = names.has("y") || names.has("tilerow");
  if (hasY && names.has("-y")) return fail({ field: "url", code: "yAndMinusY" });
  const hasXyz = (names.has("z") || names.has("tilematrix")) && (names.has("x") || names.has("tilecol"));
  const grid = hasXyz && (hasY || names.has("-y"));
  if (!grid && !names.has("quadkey") && !names.has("bbox-epsg-3857")) {
    const missing = [
      names.has("z") || names.has("tilematrix") ? null : "{z}",
      names.has("x") || names.has("tilecol") ? null : "{x}",
      hasY || names.has("-y") ? null : "{y}",
    ].filter((m): m is string => m !== null);
    return fail({ field: "url", code: "missingPlaceholders", detail: missing.join(" ") });
  }
  if (isWmtsKvp) {
    // Each tile parameter must carry a placeholder (a prefix such as `EPSG:3857:{z}` is fine).
    const carries = (k: string) => new RegExp(`[?&]${k}=[^&#]*\\{`, "i").test(url);
    if (!carries("tilematrix") || !carries("tilerow") || !carries("tilecol"))
      return fail({ field: "url", code: "wmtsParams" });
  }

  let subs: string[] = [];
  if (names.has("s")) {
    const list = parseSubdomains(subdomains);
    if (!list) return fail({ field: "subdomains", code: "subdomains" });
    subs = list;
  }
  const converted = url.replace(
    /\{([^{}]*)\}/g,
    (_m, inner: string) => PLACEHOLDERS[inner.toLowerCase()] ?? "",
  );
  const tiles = names.has("s") ? subs.map((s) => converted.split("{s}").join(s)) : [converted];
  const kind: TileTemplateKind = isWmtsKvp
    ? "wmts-kvp"
    : names.has("tilematrix") || names.has("tilerow") || names.has("tilecol")
      ? "wmts-rest"
      : names.has("bbox-epsg-3857")
        ? "wms"
        : names.has("quadkey") && !grid
          ? "quadkey"
          : names.has("-y")
            ? "tms"
            : "xyz";
  return { ok: true, template: { kind, tiles, scheme: names.has("-y") ? "tms" : "xyz" } };
}

function zoomOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n <= CUSTOM_BASEMAP_LIMITS.zoomMax ? n : null;
}

/** The host of a URL template (for a default name), or "" when it has none. */
function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#:]+)/i.exec(url.trim());
  return (m?.[1] ?? "").replace(/\{s\}\.?/gi, "");
}

/**
 * Validate a draft from the dialog. Every problem is listed (one per field at most), so the
 * dialog can show each next to its field. An empty name becomes the server's host name.
 */
export function validateCustomBasemap(
  draft: CustomBasemapDraft,
): { ok: true; value: CustomBasemap } | { ok: false; problems: CustomBasemapProblem[] } {
  const problems: CustomBasemapProblem[] = [];
  const url = draft.url.trim();
  const tpl = tileTemplate(url, draft.subdomains);
  if (!tpl.ok) problems.push(tpl.problem);
  const name = draft.name.trim() || hostOf(url).slice(0, CUSTOM_BASEMAP_LIMITS.nameLength);
  if (name.length > CUSTOM_BASEMAP_LIMITS.nameLength) problems.push({ field: "name", code: "tooLong" });
  const attribution = draft.attribution.trim();
  if (attribution.length > CUSTOM_BASEMAP_LIMITS.attributionLength)
    problems.push({ field: "attribution", code: "tooLong" });
  const minzoom = zoomOf(draft.minzoom);
  const maxzoom = zoomOf(draft.maxzoom);
  if (minzoom === null) problems.push({ field: "minzoom", code: "zoom" });
  if (maxzoom === null) problems.push({ field: "maxzoom", code: "zoom" });
  else if (minzoom !== null && maxzoom < minzoom) problems.push({ field: "maxzoom", code: "zoomOrder" });
  const tileSize = draft.tileSize.trim() === "512" ? 512 : draft.tileSize.trim() === "256" ? 256 : null;
  if (tileSize === null) problems.push({ field: "tileSize", code: "tileSize" });
  if (problems.length > 0 || minzoom === null || maxzoom === null || tileSize === null)
    return { ok: false, problems };
  return {
    ok: true,
    value: { name, url, subdomains: draft.subdomains.trim(), attribution, minzoom, maxzoom, tileSize },
  };
}

/** A saved basemap back into the dialog's fields (to edit it). */
export function draftOf(b: CustomBasemap | null): CustomBasemapDraft {
  if (!b) return { ...CUSTOM_BASEMAP_DEFAULTS };
  return {
    name: b.name,
    url: b.url,
    subdomains: b.subdomains || CUSTOM_BASEMAP_DEFAULTS.subdomains,
    attribution: b.attribution,
    minzoom: String(b.minzoom),
    maxzoom: String(b.maxzoom),
    tileSize: String(b.tileSize),
  };
}

/**
 * A stored custom basemap (localStorage, any shape) checked field by field through the same
 * validation as the dialog; null when anything is missing or wrong (the basemap falls back).
 */
export function sanitizeCustomBasemap(stored: unknown): CustomBasemap | null {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return null;
  const s = stored as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const num = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? String(v) : null);
  const fields = {
    name: str(s.name),
    url: str(s.url),
    subdomains: str(s.subdomains) ?? "",
    attribution: str(s.attribution) ?? "",
    minzoom: num(s.minzoom),
    maxzoom: num(s.maxzoom),
    tileSize: num(s.tileSize),
  };
  if (
    fields.name === null ||
    fields.url === null ||
    fields.minzoom === null ||
    fields.maxzoom === null ||
    fields.tileSize === null
  )
    return null;
  const r = validateCustomBasemap(fields as CustomBasemapDraft);
  return r.ok ? r.value : null;
}
