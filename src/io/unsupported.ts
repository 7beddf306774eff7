/**
 * Formats the bureau's data also comes in that are not read (File Geodatabase, Personal
 * Geodatabase, CAD drawings, KML, MapInfo, GeoPackage): named, with the `ogr2ogr` (GDAL) command
 * that converts them to a zipped Shapefile or GeoJSON.
 */
import type { Problem } from "./types";

interface Unsupported {
  /** The format's product name (the same in both languages). */
  name: string;
  /** Output of the conversion. */
  to: "shp" | "geojson";
}

const FORMATS: Array<{ test: RegExp; f: Unsupported }> = [
  {
    test: /\.gdb(\.zip)?\/?$/i,
    f: { name: "File Geodatabase (.gdb)", to: "shp" },
  },
  {
    test: /\.mdb$/i,
    f: { name: "Personal Geodatabase (.mdb)", to: "shp" },
  },
  { test: /\.dwg$/i, f: { name: "AutoCAD DWG (.dwg)", to: "shp" } },
  { test: /\.dxf$/i, f: { name: "DXF (.dxf)", to: "shp" } },
  { test: /\.kmz$/i, f: { name: "KMZ (.kmz)", to: "geojson" } },
  { test: /\.kml$/i, f: { name: "KML (.kml)", to: "geojson" } },
  { test: /\.tab$/i, f: { name: "MapInfo TAB (.tab)", to: "shp" } },
  { test: /\.gpkg$/i, f: { name: "GeoPackage (.gpkg)", to: "shp" } },
];

/** A name safe to show inside a shell command (quoted when it has spaces or quotes). */
const quote = (s: string) =>
  /^[\w./\-\u4e00-\u9fff]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`;

/**
 * The `unsupported-format` problem for a file of a format that is not read, or undefined.
 *
 * @param name the file (or folder) name as the user gave it
 * @example unsupportedFormat("宗地.gdb")?.params?.command // "ogr2ogr -f \"ESRI Shapefile\" -lco ENCODING=GBK 宗地.shp 宗地.gdb"
 */
export function unsupportedFormat(name: string): Problem | undefined {
  const hit = FORMATS.find((x) => x.test.test(name));
  if (!hit) return undefined;
  const base = (
    name
      .replace(/[/\\]+$/, "")
      .split(/[/\\]/)
      .pop() ?? name
  ).replace(/(\.gdb)?\.[^.]+$/i, "");
  const command =
    hit.f.to === "shp"
      ? `ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK ${quote(`${base}.shp`)} ${quote(name)}`
      : `ogr2ogr -f GeoJSON ${quote(`${base}.geojson`)} ${quote(name)}`;
  return {
    severity: "error",
    code: "unsupported-format",
    fatal: true,
    file: name,
    params: { format: hit.f.name, command },
  };
}
