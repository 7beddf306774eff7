/**
 * Coordinate reference systems: the CGCS2000 3-degree Gauss–Krüger zones (EPSG:4513–4554),
 * CGCS2000 geographic (EPSG:4490) and WGS 84 (EPSG:4326), resolution of user-given CRS specs
 * (EPSG codes, OGC URNs, proj4 strings, Esri `.prj` WKT) and cached proj4 transforms.
 *
 * Axis order everywhere in this module is GeoJSON's: `[easting, northing]` for projected CRSs
 * and `[longitude, latitude]` (degrees) for geographic ones — not EPSG's northing-first order.
 *
 * CGCS2000 and WGS 84 are treated as identical (no datum shift): they differ by centimetres,
 * far below map scale, and Chinese cadastral data makes the same assumption.
 */
import proj4 from "proj4";

/** A resolved CRS: a canonical code (EPSG code, or the normalised proj4 string) and its proj4 definition. */
export interface ResolvedCrs {
  ok: true;
  /** `EPSG:nnnn` for a known CRS (also when a proj4 string or WKT matches one), else the proj4 string. */
  code: string;
  proj4: string;
}
/** Why a CRS spec could not be resolved. */
export interface UnresolvedCrs {
  ok: false;
  reason: "unknown-crs" | "unsupported-wkt";
}

/** First and last CGCS2000 3-degree Gauss–Krüger zone numbers (central meridian = zone × 3°). */
export const GK3_FIRST_ZONE = 25;
export const GK3_LAST_ZONE = 45;
/** EPSG:4513 is zone 25 with zone-prefixed eastings; EPSG:4534 is zone 25 (CM 75°E) without. */
const PREFIXED_BASE = 4513;
const UNPREFIXED_BASE = 4534;

/** The default analysis CRS for Jianshi (CM 111°E, no zone prefix). */
export const DEFAULT_ANALYSIS_CRS = "EPSG:4546";
/** WGS 84 lon/lat, the CRS of RFC 7946 GeoJSON. */
export const WGS84 = "EPSG:4326";
/** CGCS2000 geographic lon/lat. */
export const CGCS2000_GEOGRAPHIC = "EPSG:4490";

const tmerc = (lon0: number, x0: number, y0 = 0, k = 1) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} +ellps=GRS80 +units=m +no_defs`;

/** Web Mercator, the CRS of web maps. */
export const WEB_MERCATOR = "EPSG:3857";

/**
 * Are planar areas in this CRS true areas (a transverse Mercator, as cadastral CRSs are)? Not in
 * lon/lat and not in Mercator: coordinates in those are projected to the analysis CRS for areas.
 * @example planarAreasAreTrue("+proj=merc +a=6378137 …") // false
 */
export function planarAreasAreTrue(proj4Def: string): boolean {
  return !isGeographic(proj4Def) && !/\+proj=merc\b/.test(proj4Def);
}

/** Geodetic datums of the Chinese Gauss–Krüger families (each on its own ellipsoid). */
export type ChineseDatum = "cgcs2000" | "xian1980" | "beijing1954";

const ELLPS: Record<ChineseDatum, string> = { cgcs2000: "GRS80", xian1980: "IAU76", beijing1954: "krass" };
const DATUM_NAME: Record<ChineseDatum, string> = {
  cgcs2000: "CGCS2000",
  xian1980: "Xian 1980",
  beijing1954: "Beijing 1954",
};

/**
 * The Chinese Gauss–Krüger families by EPSG number: datum, zone width (3° or 6°), zone-prefixed
 * eastings or not, the first code and its zone. 6° zone n has its central meridian at 6n − 3;
 * 3° zone n at 3n. Xi'an 1980 and Beijing 1954 are defined without a datum shift (no
 * `+towgs84`): drawn as if CGCS2000, tens of metres off on the map, areas unaffected.
 */
const GK_FAMILIES: Array<{
  datum: ChineseDatum;
  width: 3 | 6;
  prefixed: boolean;
  first: number;
  firstZone: number;
  count: number;
}> = [
  { datum: "cgcs2000", width: 6, prefixed: true, first: 4491, firstZone: 13, count: 11 },
  { datum: "cgcs2000", width: 6, prefixed: false, first: 4502, firstZone: 13, count: 11 },
  { datum: "xian1980", width: 6, prefixed: true, first: 2327, firstZone: 13, count: 11 },
  { datum: "xian1980", width: 6, prefixed: false, first: 2338, firstZone: 13, count: 11 },
  { datum: "xian1980", width: 3, prefixed: true, first: 2349, firstZone: 25, count: 21 },
  { datum: "xian1980", width: 3, prefixed: false, first: 2370, firstZone: 25, count: 21 },
  { datum: "beijing1954", width: 3, prefixed: true, first: 2401, firstZone: 25, count: 21 },
  { datum: "beijing1954", width: 3, prefixed: false, first: 2422, firstZone: 25, count: 21 },
  { datum: "beijing1954", width: 6, prefixed: true, first: 21413, firstZone: 13, count: 11 },
  { datum: "beijing1954", width: 6, prefixed: false, first: 21453, firstZone: 13, count: 11 },
  // deprecated duplicates of 21453–21463, still found in older .prj files
  { datum: "beijing1954", width: 6, prefixed: false, first: 21473, firstZone: 13, count: 11 },
];

/** What is known about a Gauss–Krüger CRS by code. */
export interface GaussKrugerInfo {
  datum: ChineseDatum;
  width: 3 | 6;
  zone: number;
  centralMeridian: number;
  prefixed: boolean;
  /** EPSG's name, e.g. `Xian 1980 / 3-degree Gauss-Kruger CM 111E`. */
  name: string;
}

const GK_INFO = new Map<string, GaussKrugerInfo>();

/** proj4 definitions of every CRS known by code. */
const KNOWN: Map<string, string> = (() => {
  const m = new Map<string, string>();
  m.set("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");
  m.set("EPSG:4490", "+proj=longlat +ellps=GRS80 +no_defs");
  // Web Mercator (web maps, tile servers, many online exports): accepted as input only; its
  // areas are stretched by 1/cos²(latitude) (≈ 1.35× at Jianshi), so they are never used.
  m.set(
    WEB_MERCATOR,
    "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs",
  );
  for (let zone = GK3_FIRST_ZONE; zone <= GK3_LAST_ZONE; zone++) {
    const cm = zone * 3;
    m.set(`EPSG:${PREFIXED_BASE + zone - GK3_FIRST_ZONE}`, tmerc(cm, zone * 1e6 + 500000));
    m.set(`EPSG:${UNPREFIXED_BASE + zone - GK3_FIRST_ZONE}`, tmerc(cm, 500000));
  }
  for (const f of GK_FAMILIES) {
    for (let i = 0; i < f.count; i++) {
      const zone = f.firstZone + i;
      const cm = f.width === 3 ? zone * 3 : zone * 6 - 3;
      const code = `EPSG:${f.first + i}`;
      const x0 = f.prefixed ? zone * 1e6 + 500000 : 500000;
      if (!m.has(code))
        m.set(
          code,
          `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 +ellps=${ELLPS[f.datum]} +units=m +no_defs`,
        );
      const deg = f.width === 3 ? "3-degree " : "";
      GK_INFO.set(code, {
        datum: f.datum,
        width: f.width,
        zone,
        centralMeridian: cm,
        prefixed: f.prefixed,
        name: `${DATUM_NAME[f.datum]} / ${deg}Gauss-Kruger ${f.prefixed ? `zone ${zone}` : `CM ${cm}E`}`,
      });
    }
  }
  return m;
})();

/**
 * The Gauss–Krüger zone a code names (CGCS2000, Xi'an 1980 or Beijing 1954; 3° or 6°), if any.
 * @example gaussKrugerInfo("EPSG:2383") // {datum:"xian1980", width:3, zone:38, centralMeridian:114, …}
 */
export function gaussKrugerInfo(code: string): GaussKrugerInfo | undefined {
  return GK_INFO.get(code);
}

/**
 * Is this proj4 definition a Gauss–Krüger (transverse Mercator, scale 1, metres) CRS of a Chinese
 * datum? Used for the area basis: such input is measured planar in its own CRS.
 */
export function isGaussKruger(proj4Def: string): boolean {
  if (!/\+proj=tmerc\b/.test(proj4Def)) return false;
  const k = /\+k(?:_0)?=([-+0-9.eE]+)/.exec(proj4Def)?.[1];
  if (k !== undefined && !near(Number(k), 1, 1e-12)) return false; // UTM has k 0.9996
  return /\+ellps=(GRS80|IAU76|krass)\b/.test(proj4Def);
}

/**
 * Every CRS code this module knows by name (`EPSG:4326`, `EPSG:4490`, `EPSG:3857`, `EPSG:4513`…`EPSG:4554`).
 * @example knownCrsCodes().length // 45
 */
export function knownCrsCodes(): string[] {
  return [...KNOWN.keys()];
}

/**
 * EPSG code of a CGCS2000 3-degree Gauss–Krüger zone.
 *
 * @param zone zone number 25–45 (central meridian = zone × 3°E, e.g. 37 → 111°E)
 * @param prefixed true for the CRS whose eastings carry the zone number (x_0 = zone·10⁶ + 500 000)
 * @returns e.g. `"EPSG:4546"`; throws a RangeError for a zone outside 25–45 (a programming error)
 * @example epsgForZone(37, false) // "EPSG:4546"; epsgForZone(37, true) // "EPSG:4525"
 */
export function epsgForZone(zone: number, prefixed: boolean): string {
  if (!Number.isInteger(zone) || zone < GK3_FIRST_ZONE || zone > GK3_LAST_ZONE)
    throw new RangeError(`Gauss–Krüger 3° zone must be ${GK3_FIRST_ZONE}–${GK3_LAST_ZONE}, got ${zone}`);
  return `EPSG:${(prefixed ? PREFIXED_BASE : UNPREFIXED_BASE) + zone - GK3_FIRST_ZONE}`;
}

/**
 * The zone of a zone-prefixed Gauss–Krüger easting (metres): 8 digits before the decimal point,
 * the first two being a CGCS2000 3-degree zone 25–45.
 *
 * @param easting easting in metres, e.g. 37 412 345.6
 * @returns the zone number, or null when the value is not an 8-digit easting of zone 25–45
 * @example zoneFromPrefixedEasting(37412345.6) // 37; zoneFromPrefixedEasting(412345.6) // null
 */
export function zoneFromPrefixedEasting(easting: number): number | null {
  if (!Number.isFinite(easting) || easting < 1e7 || easting >= 1e8) return null;
  const zone = Math.floor(easting / 1e6);
  return zone >= GK3_FIRST_ZONE && zone <= GK3_LAST_ZONE ? zone : null;
}

/** Normalise a proj4 string: single spaces, `+type=crs` dropped. */
function normaliseProj4(s: string): string {
  return s
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "+type=crs")
    .join(" ");
}

/** Parse a proj4 string into `{key: value}` (flags get `""`). */
function proj4Params(s: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const tok of s.trim().split(/\s+/)) {
    if (!tok.startsWith("+")) continue;
    const eq = tok.indexOf("=");
    if (eq < 0) m.set(tok.slice(1), "");
    else m.set(tok.slice(1, eq), tok.slice(eq + 1));
  }
  return m;
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/**
 * If a transverse Mercator definition is exactly one of the known Chinese Gauss–Krüger zones
 * (CGCS2000, Xi'an 1980, Beijing 1954 — 3° or 6°, zone-prefixed or not: lat_0 0, k 1, y_0 0),
 * return its EPSG code.
 */
function matchGk3Zone(p: {
  lon0: number;
  x0: number;
  y0: number;
  k: number;
  lat0: number;
  grs80: boolean;
  datum?: ChineseDatum;
}): string | null {
  const datum: ChineseDatum | undefined = p.datum ?? (p.grs80 ? "cgcs2000" : undefined);
  if (!datum || !near(p.lat0, 0, 1e-9) || !near(p.k, 1, 1e-12) || !near(p.y0, 0, 1e-6)) return null;
  if (datum === "cgcs2000") {
    const zone = Math.round(p.lon0 / 3);
    if (near(p.lon0, zone * 3, 1e-9) && zone >= GK3_FIRST_ZONE && zone <= GK3_LAST_ZONE) {
      if (near(p.x0, 500000, 1e-6)) return epsgForZone(zone, false);
      if (near(p.x0, zone * 1e6 + 500000, 1e-6)) return epsgForZone(zone, true);
    }
  }
  for (const [code, info] of GK_INFO) {
    if (info.datum !== datum || !near(info.centralMeridian, p.lon0, 1e-9)) continue;
    const x0 = info.prefixed ? info.zone * 1e6 + 500000 : 500000;
    // a 3° CM that is also a 6° CM (e.g. 111°E) is the 3° zone's when unprefixed (listed first)
    if (near(p.x0, x0, 1e-6) && (info.prefixed || info.width === 3 || !hasUnprefixed3(datum, p.lon0)))
      return code;
  }
  return null;
}

/** Is there an unprefixed 3° zone of this datum with this central meridian? */
function hasUnprefixed3(datum: ChineseDatum, lon0: number): boolean {
  for (const info of GK_INFO.values())
    if (info.datum === datum && info.width === 3 && !info.prefixed && near(info.centralMeridian, lon0, 1e-9))
      return true;
  return false;
}

function resolveProj4String(spec: string): ResolvedCrs | UnresolvedCrs {
  const def = normaliseProj4(spec);
  const p = proj4Params(def);
  if (!p.has("proj")) return { ok: false, reason: "unknown-crs" };
  try {
    proj4(def, WGS84_PROJ4); // throws on an unknown projection or bad parameters
  } catch {
    return { ok: false, reason: "unknown-crs" };
  }
  const num = (k: string, d: number) => {
    const v = p.get(k);
    return v === undefined ? d : Number(v);
  };
  const plain = !p.has("towgs84") && !p.has("a") && !p.has("b") && !p.has("datum") && !p.has("nadgrids");
  const grs80 = p.get("ellps") === "GRS80" && plain;
  const ellps = p.get("ellps");
  const datum: ChineseDatum | undefined = !plain
    ? undefined
    : ellps === "GRS80"
      ? "cgcs2000"
      : ellps === "IAU76"
        ? "xian1980"
        : ellps === "krass"
          ? "beijing1954"
          : undefined;
  if (p.get("proj") === "tmerc" && (p.get("units") ?? "m") === "m") {
    const code = matchGk3Zone({
      ...(datum ? { datum } : {}),
      lon0: num("lon_0", 0),
      x0: num("x_0", 0),
      y0: num("y_0", 0),
      k: num("k", num("k_0", 1)),
      lat0: num("lat_0", 0),
      grs80,
    });
    if (code) return { ok: true, code, proj4: KNOWN.get(code)! };
  }
  return { ok: true, code: def, proj4: def };
}

const WGS84_PROJ4 = "+proj=longlat +datum=WGS84 +no_defs";

/** Read a numeric WKT `PARAMETER["name", value]` (name compared case-insensitively, `_`/space alike). */
function wktParam(wkt: string, names: string[]): number | undefined {
  // WKT1: PARAMETER["False_Easting",500000.0]; WKT2: PARAMETER["False easting",500000,LENGTHUNIT[…],ID[…]]
  const re = /PARAMETER\s*\[\s*"([^"]*)"\s*,\s*([-+0-9.eE]+)\s*[,\]]/gi;
  const wanted = names.map((n) => n.toLowerCase().replace(/[\s_]+/g, "_"));
  for (const m of wkt.matchAll(re)) {
    const name = (m[1] ?? "").toLowerCase().replace(/[\s_]+/g, "_");
    if (wanted.includes(name)) {
      const v = Number(m[2]);
      if (Number.isFinite(v)) return v;
    }
  }
  return undefined;
}

/** The WKT's ellipsoid: CGCS2000 / GRS80, WGS 84 (treated alike), Xi'an 1980 (IAU 1975) or Krassowsky (Beijing 1954). */
function wktEllipsoid(wkt: string): "grs80" | "wgs84" | "xian80" | "krass" | null {
  const sph = /(?:SPHEROID|ELLIPSOID)\s*\[\s*"([^"]*)"\s*,\s*([0-9.eE+-]+)\s*,\s*([0-9.eE+-]+)/i.exec(wkt);
  const text = wkt.toUpperCase();
  if (sph) {
    const a = Number(sph[2]);
    const rf = Number(sph[3]);
    if (near(a, 6378137, 1e-3) && near(rf, 298.257222101, 1e-6)) return "grs80";
    if (near(a, 6378137, 1e-3) && near(rf, 298.257223563, 1e-6)) return "wgs84";
    if (near(a, 6378140, 1e-3) && near(rf, 298.257, 1e-6)) return "xian80";
    if (near(a, 6378245, 1e-3) && near(rf, 298.3, 1e-6)) return "krass";
    return null;
  }
  if (/XIAN_1980|XIAN 1980|XI'AN/.test(text)) return "xian80";
  if (/BEIJING_1954|BEIJING 1954|KRASSOWSKY|KRASOVSKY/.test(text)) return "krass";
  if (/CHINA_GEODETIC_COORDINATE_SYSTEM_2000|CGCS2000|CGCS_2000|GRS_1980|GRS80/.test(text)) return "grs80";
  if (/WGS_1984|WGS84|WGS 84/.test(text)) return "wgs84";
  return null;
}

/** The WKT with its nested `GEOGCS[…]` block removed (so the linear UNIT can be found). */
function withoutGeogcs(wkt: string): string {
  const start = wkt.search(/GEOGCS\s*\[/i);
  if (start < 0) return wkt;
  let depth = 0;
  for (let i = wkt.indexOf("[", start); i < wkt.length; i++) {
    const c = wkt[i];
    if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return wkt.slice(0, start) + wkt.slice(i + 1);
  }
  return wkt;
}

function resolveWkt(wkt: string): ResolvedCrs | UnresolvedCrs {
  const head = /^\s*(\w+)\s*\[/.exec(wkt)?.[1]?.toUpperCase();
  const ell = wktEllipsoid(wkt);
  if (!ell) return { ok: false, reason: "unsupported-wkt" };
  if (head === "GEOGCS" || head === "GEOGCRS" || head === "GEODCRS") {
    // A .prj of lon/lat data: CGCS2000 or WGS 84 geographic (Xi'an 1980 / Beijing 1954 lon/lat
    // on their own ellipsoids, without a datum shift).
    if (ell === "xian80")
      return {
        ok: true,
        code: "+proj=longlat +ellps=IAU76 +no_defs",
        proj4: "+proj=longlat +ellps=IAU76 +no_defs",
      };
    if (ell === "krass")
      return {
        ok: true,
        code: "+proj=longlat +ellps=krass +no_defs",
        proj4: "+proj=longlat +ellps=krass +no_defs",
      };
    const code = ell === "grs80" ? CGCS2000_GEOGRAPHIC : WGS84;
    return { ok: true, code, proj4: KNOWN.get(code)! };
  }
  const wkt2 = head === "PROJCRS";
  if (head !== "PROJCS" && !wkt2) return { ok: false, reason: "unsupported-wkt" };
  const projection = (wkt2 ? /METHOD\s*\[\s*"([^"]*)"/i : /PROJECTION\s*\[\s*"([^"]*)"/i)
    .exec(wkt)?.[1]
    ?.toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace("gauss_krüger", "gauss_kruger");
  if (projection !== "gauss_kruger" && projection !== "transverse_mercator")
    return { ok: false, reason: "unsupported-wkt" };
  if (wkt2) {
    // Every length unit (parameters, axes) must be metres.
    for (const m of wkt.matchAll(/LENGTHUNIT\s*\[\s*"[^"]*"\s*,\s*([0-9.eE+-]+)/gi))
      if (!near(Number(m[1]), 1, 1e-12)) return { ok: false, reason: "unsupported-wkt" };
  } else {
    const unit = /UNIT\s*\[\s*"[^"]*"\s*,\s*([0-9.eE+-]+)/i.exec(withoutGeogcs(wkt));
    if (unit && !near(Number(unit[1]), 1, 1e-12)) return { ok: false, reason: "unsupported-wkt" };
  }
  const lon0 = wktParam(wkt, [
    "central_meridian",
    "longitude_of_center",
    "longitude_of_origin",
    "longitude_of_natural_origin",
  ]);
  if (lon0 === undefined) return { ok: false, reason: "unsupported-wkt" };
  const x0 = wktParam(wkt, ["false_easting"]) ?? 0;
  const y0 = wktParam(wkt, ["false_northing"]) ?? 0;
  const k = wktParam(wkt, ["scale_factor", "scale_factor_at_natural_origin"]) ?? 1;
  const lat0 = wktParam(wkt, ["latitude_of_origin", "latitude_of_center", "latitude_of_natural_origin"]) ?? 0;
  const datum: ChineseDatum | undefined =
    ell === "grs80"
      ? "cgcs2000"
      : ell === "xian80"
        ? "xian1980"
        : ell === "krass"
          ? "beijing1954"
          : undefined;
  const code = matchGk3Zone({ lon0, x0, y0, k, lat0, grs80: ell === "grs80", ...(datum ? { datum } : {}) });
  if (code) return { ok: true, code, proj4: KNOWN.get(code)! };
  const ellps =
    ell === "grs80"
      ? "+ellps=GRS80"
      : ell === "xian80"
        ? "+ellps=IAU76"
        : ell === "krass"
          ? "+ellps=krass"
          : "+datum=WGS84";
  const def = `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} ${ellps} +units=m +no_defs`;
  return { ok: true, code: def, proj4: def };
}

/**
 * Resolve a user-given CRS spec to a canonical code and proj4 definition.
 *
 * Accepts `EPSG:4546`, `epsg:4546`, `4546`, `urn:ogc:def:crs:EPSG::4546` (also with a version,
 * `urn:ogc:def:crs:EPSG:6.6:4546`), `urn:ogc:def:crs:OGC:1.3:CRS84` / `CRS84` (→ EPSG:4326),
 * a raw proj4 string (`+proj=tmerc …`; a CGCS2000 3° zone is recognised and given its EPSG code),
 * or an Esri `.prj` / WKT1 text (`PROJCS[…PROJECTION["Gauss_Kruger"]…]` read as transverse
 * Mercator with its central meridian, false easting/northing and scale factor; `GEOGCS[…]` of
 * CGCS2000 or WGS 84 as lon/lat; WKT2 `PROJCRS[…METHOD["Transverse Mercator"]…]` as QGIS writes it).
 *
 * @returns `{ok:true, code, proj4}`; `{ok:false, reason:"unknown-crs"}` for an EPSG code outside
 *   the known set or an unusable proj4 string; `{ok:false, reason:"unsupported-wkt"}` for WKT that
 *   is not a (Gauss–Krüger) transverse Mercator on CGCS2000/GRS80/WGS 84 in metres.
 * @example resolveCrs("urn:ogc:def:crs:EPSG::4525") // {ok:true, code:"EPSG:4525", proj4:"+proj=tmerc … +x_0=37500000 …"}
 */
export function resolveCrs(spec: string): ResolvedCrs | UnresolvedCrs {
  const s = spec.trim();
  if (s.startsWith("+")) return resolveProj4String(s);
  if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS|COMPOUNDCRS)\s*\[/i.test(s)) return resolveWkt(s);
  if (/^(urn:ogc:def:crs:OGC:(1\.3)?:CRS84|CRS:?84|OGC:CRS84)$/i.test(s))
    return { ok: true, code: WGS84, proj4: KNOWN.get(WGS84)! };
  const m = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[0-9.]*:)?(\d{4,6})$/i.exec(s);
  if (m) {
    // 900913, 3785, 102100, 102113: older names of Web Mercator still written by some software
    const n = Number(m[1]);
    const code = n === 900913 || n === 3785 || n === 102100 || n === 102113 ? WEB_MERCATOR : `EPSG:${n}`;
    const def = KNOWN.get(code);
    return def ? { ok: true, code, proj4: def } : { ok: false, reason: "unknown-crs" };
  }
  return { ok: false, reason: "unknown-crs" };
}

/**
 * Is a proj4 definition geographic (lon/lat degrees) rather than projected (metres)?
 * @example isGeographic("+proj=longlat +ellps=GRS80 +no_defs") // true
 */
export function isGeographic(proj4Def: string): boolean {
  return /\+proj=(longlat|latlong|lonlat|latlon)\b/.test(proj4Def);
}

type Converter = (xy: [number, number]) => [number, number];
const CONVERTERS = new Map<string, Converter>();

/**
 * A function that transforms one `[x, y]` position from one CRS to another (GeoJSON axis order:
 * easting/longitude first). Specs are anything `resolveCrs` accepts. Converters are cached, so
 * calling this per feature is cheap; the returned function allocates only its result array.
 *
 * Throws an Error when a spec cannot be resolved (callers resolve user input with `resolveCrs`
 * first and report problems there).
 *
 * @example makeTransform("EPSG:4326", "EPSG:4546")([111, 30.6]) // [500000, 3386...] metres
 */
export function makeTransform(from: string, to: string): Converter {
  const key = `${from}\u0000${to}`;
  const cached = CONVERTERS.get(key);
  if (cached) return cached;
  const a = resolveCrs(from);
  const b = resolveCrs(to);
  if (!a.ok) throw new Error(`cannot resolve CRS "${from}": ${a.reason}`);
  if (!b.ok) throw new Error(`cannot resolve CRS "${to}": ${b.reason}`);
  let fn: Converter;
  if (a.proj4 === b.proj4) {
    fn = (xy) => [xy[0], xy[1]];
  } else {
    const conv = proj4(a.proj4, b.proj4);
    // proj4 returns a new array and leaves its input alone (tested), so no defensive copy.
    fn = (xy) => conv.forward(xy) as [number, number];
  }
  CONVERTERS.set(key, fn);
  return fn;
}
