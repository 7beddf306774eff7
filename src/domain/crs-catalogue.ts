/**
 * The coordinate reference systems an official can pick when a file does not say its own (the
 * import dialog's CRS picker): CGCS2000 3° and 6° Gauss–Krüger zones (zone-prefixed eastings and
 * not), Xi'an 1980 and Beijing 1954 Gauss–Krüger zones, WGS 84 and CGCS2000 lon/lat, and WGS 84 /
 * UTM zones over China. Names in Chinese and English, proj4 definitions from the EPSG parameters.
 *
 * Xi'an 1980 and Beijing 1954 are given without a datum shift (no `+towgs84`): positions on the
 * map may then be off by tens of metres; planar areas are measured in the CRS itself and are
 * unaffected.
 */

export type CatalogueDatum = "cgcs2000" | "xian80" | "beijing54" | "wgs84";

export interface CatalogueCrs {
  /** `EPSG:nnnn`. */
  code: string;
  zh: string;
  en: string;
  proj4: string;
  datum: CatalogueDatum;
}

const ELLPS: Record<CatalogueDatum, string> = {
  cgcs2000: "+ellps=GRS80",
  xian80: "+a=6378140 +rf=298.257",
  beijing54: "+ellps=krass",
  wgs84: "+datum=WGS84",
};
const DATUM_NAME: Record<Exclude<CatalogueDatum, "wgs84">, { zh: string; en: string }> = {
  cgcs2000: { zh: "CGCS2000", en: "CGCS2000" },
  xian80: { zh: "西安1980", en: "Xian 1980" },
  beijing54: { zh: "北京1954", en: "Beijing 1954" },
};

const tmerc = (datum: CatalogueDatum, lon0: number, x0: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 ${ELLPS[datum]} +units=m +no_defs`;

/** First EPSG code of each Gauss–Krüger series: zone-prefixed, then central-meridian (unprefixed). */
const GK_SERIES: { datum: Exclude<CatalogueDatum, "wgs84">; width: 3 | 6; prefixed: number; cm: number }[] = [
  { datum: "cgcs2000", width: 3, prefixed: 4513, cm: 4534 },
  { datum: "cgcs2000", width: 6, prefixed: 4491, cm: 4502 },
  { datum: "xian80", width: 3, prefixed: 2349, cm: 2370 },
  { datum: "xian80", width: 6, prefixed: 2327, cm: 2338 },
  { datum: "beijing54", width: 3, prefixed: 2401, cm: 2422 },
  { datum: "beijing54", width: 6, prefixed: 21413, cm: 21453 },
];

function buildCatalogue(): CatalogueCrs[] {
  const out: CatalogueCrs[] = [];
  for (const s of GK_SERIES) {
    const [first, last] = s.width === 3 ? [25, 45] : [13, 23];
    const d = DATUM_NAME[s.datum];
    for (let zone = first; zone <= last; zone++) {
      const cm = s.width === 3 ? zone * 3 : zone * 6 - 3;
      const i = zone - first;
      const band = { zh: `${s.width}度带`, en: s.width === 3 ? "3-degree " : "" };
      out.push({
        code: `EPSG:${s.cm + i}`,
        zh: `${d.zh} 高斯-克吕格 ${band.zh} 中央经线 ${cm}°E`,
        en: `${d.en} / ${band.en}Gauss-Kruger CM ${cm}E`,
        proj4: tmerc(s.datum, cm, 500000),
        datum: s.datum,
      });
      out.push({
        code: `EPSG:${s.prefixed + i}`,
        zh: `${d.zh} 高斯-克吕格 ${band.zh} 第 ${zone} 带（坐标带带号）`,
        en: `${d.en} / ${band.en}Gauss-Kruger zone ${zone}`,
        proj4: tmerc(s.datum, cm, zone * 1e6 + 500000),
        datum: s.datum,
      });
    }
  }
  out.push(
    {
      code: "EPSG:4490",
      zh: "CGCS2000 经纬度",
      en: "China Geodetic Coordinate System 2000 (lon/lat)",
      proj4: "+proj=longlat +ellps=GRS80 +no_defs",
      datum: "cgcs2000",
    },
    {
      code: "EPSG:4326",
      zh: "WGS 84 经纬度",
      en: "WGS 84 (lon/lat)",
      proj4: "+proj=longlat +datum=WGS84 +no_defs",
      datum: "wgs84",
    },
  );
  for (let zone = 43; zone <= 53; zone++)
    out.push({
      code: `EPSG:${32600 + zone}`,
      zh: `WGS 84 / UTM 第 ${zone}N 带`,
      en: `WGS 84 / UTM zone ${zone}N`,
      proj4: `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`,
      datum: "wgs84",
    });
  return out;
}

/** Every CRS of the picker. */
export const CRS_CATALOGUE: readonly CatalogueCrs[] = buildCatalogue();

/** A catalogue entry by its code (`EPSG:4546`, or `4546`). */
export function catalogueCrs(code: string): CatalogueCrs | undefined {
  const c = /^\d+$/.test(code.trim()) ? `EPSG:${code.trim()}` : code.trim().toUpperCase();
  return CRS_CATALOGUE.find((e) => e.code === c);
}

/**
 * Entries matching every word of `query` in the code or either name (case-insensitive; `4546`,
 * `epsg:4546`, `西安 111`, `xian cm 111`). An empty query gives all.
 */
export function searchCrs(query: string): CatalogueCrs[] {
  const words = query.toLowerCase().replace(/[’']/g, "").split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...CRS_CATALOGUE];
  return CRS_CATALOGUE.filter((e) => {
    const hay = `${e.code} ${e.zh} ${e.en.replace(/'/g, "")}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Is this CRS on the Xi'an 1980 or Beijing 1954 datum without a datum shift (a catalogue code,
 * or a proj4 string on their ellipsoids without `+towgs84`)?
 */
export function legacyDatum(spec: string | undefined): "xian80" | "beijing54" | null {
  if (!spec) return null;
  const e = catalogueCrs(spec);
  if (e) return e.datum === "xian80" || e.datum === "beijing54" ? e.datum : null;
  if (/\+towgs84=/.test(spec)) return null;
  if (/\+ellps=krass\b/.test(spec) || /Krassowsky|Beijing[ _]1954/i.test(spec)) return "beijing54";
  if (/\+a=6378140\b/.test(spec) || /Xian[ _]1980|IAG[ _]1975/i.test(spec)) return "xian80";
  return null;
}
