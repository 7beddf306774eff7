/**
 * Formats the bureau's data also comes in that are not read (File Geodatabase, Personal
 * Geodatabase, CAD drawings, KML/KMZ, MapInfo, GeoPackage): named, with the `ogr2ogr` (GDAL)
 * command that converts them into something that is read. One table, used by the CLI (by file
 * name) and by the browser's dispatcher (by magic bytes or name, `src/io/readers/index.ts`).
 *
 * - Layered containers (File Geodatabase, MDB, GeoPackage) and MapInfo become a zipped
 *   Shapefile, `*.shp.zip`: GDAL (≥ 3.1) writes one Shapefile per layer into that zip, and the
 *   Shapefile reader lets the user choose the layer. `-lco ENCODING=CP936` keeps Chinese field
 *   names at five characters in the 10-byte DBF names (UTF-8 would allow three) and writes a
 *   `.cpg`.
 * - Drawings and KML (points, lines and polygons in one layer, which a Shapefile cannot hold)
 *   become GeoJSON in their own CRS. A DWG must first be saved as DXF: GDAL reads DWG only with a
 *   proprietary library.
 */
import type { Problem } from "./types";

/** Formats named but not read. */
export type UnsupportedFormat = "filegdb" | "mdb" | "dwg" | "dxf" | "kml" | "kmz" | "tab" | "gpkg";

interface FormatEntry {
  /** The format's product name (the same in both languages). */
  name: string;
  /** What `ogr2ogr` converts it to. */
  to: "shp.zip" | "geojson";
  /** Extensions (lower case) that identify it; the first is the file GDAL opens. */
  exts: readonly string[];
}

/** The one table: format → its name, the extensions naming it, what it is converted to. */
export const UNSUPPORTED_FORMATS: Readonly<Record<UnsupportedFormat, FormatEntry>> = {
  filegdb: {
    name: "File Geodatabase (.gdb)",
    to: "shp.zip",
    exts: ["gdb", "gdbtable", "gdbtablx", "gdbindexes", "freelist", "atx", "spx"],
  },
  mdb: { name: "Personal Geodatabase / Access (.mdb)", to: "shp.zip", exts: ["mdb", "accdb"] },
  dwg: { name: "AutoCAD DWG (.dwg)", to: "geojson", exts: ["dwg"] },
  dxf: { name: "AutoCAD DXF (.dxf)", to: "geojson", exts: ["dxf"] },
  kml: { name: "KML (.kml)", to: "geojson", exts: ["kml"] },
  kmz: { name: "KMZ (.kmz)", to: "geojson", exts: ["kmz"] },
  tab: { name: "MapInfo TAB/MIF", to: "shp.zip", exts: ["tab", "mif", "mid", "map", "id", "ind", "dat"] },
  gpkg: { name: "GeoPackage (.gpkg)", to: "shp.zip", exts: ["gpkg", "sqlite"] },
};

const BY_EXT = new Map<string, UnsupportedFormat>();
for (const [format, f] of Object.entries(UNSUPPORTED_FORMATS) as [UnsupportedFormat, FormatEntry][])
  for (const ext of f.exts) if (!BY_EXT.has(ext)) BY_EXT.set(ext, format);
// `.dat` alone is far too common a name to be called MapInfo; it is only a MapInfo part beside a `.tab`.
BY_EXT.delete("dat");

/**
 * The unsupported format a file name names (by extension, or a path inside a `.gdb` folder), or
 * undefined.
 * @example unsupportedFormatOf("宗地.gdb/a00000009.gdbtable") // "filegdb"
 */
export function unsupportedFormatOf(name: string): UnsupportedFormat | undefined {
  const trimmed = name.replace(/[/\\]+$/, "");
  if (/\.gdb([/\\]|\.zip$|$)/i.test(trimmed)) return "filegdb";
  const base = trimmed.split(/[/\\]/).pop() ?? trimmed;
  const dot = base.lastIndexOf(".");
  return dot < 0 ? undefined : BY_EXT.get(base.slice(dot + 1).toLowerCase());
}

/** A name safe to show inside a shell command (quoted when it has spaces, quotes or `$`). */
const quote = (s: string) =>
  /^[\w./\-\u4e00-\u9fff]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`;

/**
 * The file GDAL opens for a file of this format: a File Geodatabase is its `.gdb` folder (or a
 * `.gdb.zip`, which GDAL reads as it is), a MapInfo table its `.tab` (or `.mif`), a DWG the DXF
 * it must first be saved as.
 */
function gdalInput(format: UnsupportedFormat, fileName: string): string {
  const name = fileName.replace(/[/\\]+$/, "");
  if (format === "filegdb") {
    const m = /^(.*?\.gdb(?:\.zip)?)(?:[/\\]|$)/i.exec(name);
    return m?.[1] ?? name;
  }
  if (format === "dwg") return name.replace(/\.dwg$/i, ".dxf");
  if (format === "tab") {
    if (/\.mi[fd]$/i.test(name)) return name.replace(/\.mid$/i, ".mif");
    return name.replace(/\.(map|id|ind|dat)$/i, ".tab");
  }
  return name;
}

/**
 * The `ogr2ogr` command converting a file of this format into one that is read.
 * @example conversionCommand("filegdb", "宗地.gdb/a00000009.gdbtable")
 * // 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.gdb'
 */
export function conversionCommand(format: UnsupportedFormat, fileName: string): string {
  const input = gdalInput(format, fileName);
  const stem = (input.split(/[/\\]/).pop() ?? input).replace(/(\.gdb)?\.[^.]*$/i, "") || "parcels";
  return UNSUPPORTED_FORMATS[format].to === "shp.zip"
    ? `ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 ${quote(`${stem}.shp.zip`)} ${quote(input)}`
    : `ogr2ogr -f GeoJSON ${quote(`${stem}.geojson`)} ${quote(input)}`;
}

/**
 * The `unsupported-format` problem (`unsupported-dwg` for a drawing to be saved as DXF first) for a
 * file of a format that is not read, or undefined when the format is read.
 *
 * @param name the file (or folder) name as the user gave it
 * @param format what the file was recognised as from its bytes; else taken from `name`
 * @example unsupportedFormat("宗地.gdb")?.params?.command // 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.gdb'
 */
export function unsupportedFormat(
  name: string,
  format: UnsupportedFormat | undefined = unsupportedFormatOf(name),
): Problem | undefined {
  if (!format) return undefined;
  return {
    severity: "error",
    code: format === "dwg" ? "unsupported-dwg" : "unsupported-format",
    fatal: true,
    file: name,
    params: { format: UNSUPPORTED_FORMATS[format].name, command: conversionCommand(format, name) },
  };
}
