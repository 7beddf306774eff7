/**
 * A Shapefile's `.prj` (Esri WKT1, or WKT2 as QGIS writes it) → the CRS it declares.
 */
import { gaussKrugerInfo, resolveCrs } from "../domain/crs";
import type { DeclaredCrs } from "./readers/types";
import type { Problem } from "./types";

/** The WKT's own name for its CRS (`PROJCS["CGCS2000_3_Degree_GK_CM_111E", …]`), if any. */
function wktName(wkt: string): string | undefined {
  return /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1];
}

/**
 * Read a `.prj` text.
 *
 * @returns the declared CRS (its spec resolves with `resolveCrs`), or a warning
 *   `prj-unreadable` (then the CRS is detected from the coordinates)
 * @example readPrj('PROJCS["CGCS2000_3_Degree_GK_CM_111E",…]', "a.shp").crs?.spec // "EPSG:4546"
 */
export function readPrj(text: string, file: string): { crs?: DeclaredCrs; problems: Problem[] } {
  const wkt = text.trim();
  if (wkt === "")
    return { problems: [{ severity: "warning", code: "prj-unreadable", file, params: { raw: "" } }] };
  const r = resolveCrs(wkt);
  const name = wktName(wkt);
  if (!r.ok)
    return {
      problems: [
        { severity: "warning", code: "prj-unreadable", file, params: { raw: (name ?? wkt).slice(0, 80) } },
      ],
    };
  const known = gaussKrugerInfo(r.code)?.name ?? name;
  return { crs: { spec: r.code, how: "prj", ...(known ? { name: known } : {}) }, problems: [] };
}

const ESRI_GEOGCS: Record<string, string> = {
  cgcs2000:
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  xian1980:
    'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  beijing1954:
    'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  wgs84:
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};
const ESRI_DATUM_PREFIX = {
  cgcs2000: "CGCS2000",
  xian1980: "Xian_1980",
  beijing1954: "Beijing_1954",
} as const;

/**
 * A `.prj` text (Esri WKT1, as ArcGIS writes it) for a CRS code: WGS 84 (`EPSG:4326`),
 * CGCS2000 geographic (`EPSG:4490`), and every Gauss–Krüger zone known by code (CGCS2000,
 * Xi'an 1980, Beijing 1954; 3° and 6°; `_Zone_NN` for zone-prefixed eastings, `_CM_NNNE` else).
 * `undefined` for any other CRS (the Shapefile then has no `.prj`).
 *
 * @example esriPrj("EPSG:4546") // 'PROJCS["CGCS2000_3_Degree_GK_CM_111E",GEOGCS[…],PROJECTION["Gauss_Kruger"],…]'
 */
export function esriPrj(code: string): string | undefined {
  if (code === "EPSG:4326") return ESRI_GEOGCS.wgs84;
  if (code === "EPSG:4490") return ESRI_GEOGCS.cgcs2000;
  const n = Number(/^EPSG:(\d+)$/.exec(code)?.[1]);
  // CGCS2000 3° zones: 4513–4533 zone-prefixed (zones 25–45), 4534–4554 not
  const cgcs3 =
    n >= 4513 && n <= 4554
      ? { datum: "cgcs2000" as const, width: 3, prefixed: n <= 4533, zone: n <= 4533 ? n - 4488 : n - 4509 }
      : undefined;
  const info = cgcs3 ? { ...cgcs3, centralMeridian: cgcs3.zone * 3 } : gaussKrugerInfo(code);
  if (!info) return undefined;
  const deg = info.width === 3 ? "3_Degree_GK" : "GK";
  const tail = info.prefixed ? `Zone_${info.zone}` : `CM_${info.centralMeridian}E`;
  const x0 = info.prefixed ? info.zone * 1e6 + 500000 : 500000;
  return (
    `PROJCS["${ESRI_DATUM_PREFIX[info.datum]}_${deg}_${tail}",${ESRI_GEOGCS[info.datum]},` +
    `PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${x0.toFixed(1)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${info.centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
