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
