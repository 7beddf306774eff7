/**
 * The user's files → raw feature sets, by file type: each file is recognised by its magic bytes
 * first (a zip `PK\x03\x04`, a Shapefile `0x0000270a`, SQLite, DWG, Access), then by its extension,
 * then by its first byte (`{` or `[`: JSON). The loose parts of a Shapefile chosen together
 * (`.shp .shx .dbf .prj .cpg …`) are grouped by base name and read as one. Formats that are not
 * read (File Geodatabase, MDB, DWG, DXF, KML/KMZ, MapInfo TAB, GeoPackage) are named with the
 * `ogr2ogr` command that converts them. Never throws.
 */
import type { Problem } from "../types";
import { type UnsupportedFormat, unsupportedFormat, unsupportedFormatOf } from "../unsupported";
import { readGeoJsonRaw } from "./geojson";
import { readShapefile } from "./shapefile";
import { readTableFeatures } from "./table";
import type { ImportFormat, ImportOptions, InputFile, RawFeatureSet } from "./types";

/** Parts of a Shapefile (sidecars included), lower-case extensions. */
const SHAPEFILE_PARTS = new Set([
  "shp",
  "shx",
  "dbf",
  "prj",
  "cpg",
  "qix",
  "sbn",
  "sbx",
  "fix",
  "shp.xml",
  "qmd",
]);

/** What a file was recognised as. */
export type FileKind =
  | { kind: "zip" }
  | { kind: "shapefile-part"; base: string }
  | { kind: "geojson" }
  | { kind: "csv" }
  | { kind: "xlsx" }
  | { kind: "unsupported"; format: UnsupportedFormat | "unknown" };

/** Extension after the last dot, lower case (`shp.xml` for a Shapefile's metadata). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const lower = base.toLowerCase();
  if (lower.endsWith(".shp.xml")) return "shp.xml";
  const dot = lower.lastIndexOf(".");
  return dot < 0 ? "" : lower.slice(dot + 1);
}

/** A file's name without folder and without its (Shapefile) extension, lower case. */
function baseOf(name: string): string {
  const ext = extensionOf(name);
  return name.slice(0, name.length - (ext ? ext.length + 1 : 0)).toLowerCase();
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Name of the first entry of a zip (to tell an XLSX or a KMZ from a zipped Shapefile). */
function firstZipEntry(bytes: Uint8Array): string {
  if (bytes.length < 30) return "";
  const n = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  return new TextDecoder("latin1").decode(bytes.subarray(30, Math.min(30 + n, bytes.length)));
}

/**
 * What a file is, from its bytes and name.
 * @example classifyFile({ name: "宗地.SHP", bytes }) // { kind: "shapefile-part", base: "宗地" }
 */
export function classifyFile(file: InputFile): FileKind {
  const { bytes } = file;
  const ext = extensionOf(file.name);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const first = firstZipEntry(bytes);
    if (ext === "xlsx" || first === "[Content_Types].xml" || first.startsWith("xl/")) return { kind: "xlsx" };
    if (ext === "kmz" || /\.kml$/i.test(first)) return { kind: "unsupported", format: "kmz" };
    return { kind: "zip" };
  }
  if (startsWith(bytes, ascii("SQLite format 3"))) return { kind: "unsupported", format: "gpkg" };
  if (startsWith(bytes, ascii("AC10"))) return { kind: "unsupported", format: "dwg" };
  if (startsWith(bytes, ascii("Standard Jet DB"), 4) || startsWith(bytes, ascii("Standard ACE DB"), 4))
    return { kind: "unsupported", format: "mdb" };
  if (
    startsWith(bytes, [0x00, 0x00, 0x27, 0x0a]) &&
    (ext === "shp" || ext === "shx" || !SHAPEFILE_PARTS.has(ext))
  )
    return {
      kind: "shapefile-part",
      base: ext === "shp" || ext === "shx" ? baseOf(file.name) : file.name.toLowerCase(),
    };
  if (SHAPEFILE_PARTS.has(ext)) return { kind: "shapefile-part", base: baseOf(file.name) };
  if (ext === "zip") return { kind: "zip" };
  if (ext === "xlsx" || ext === "xls")
    return ext === "xls" ? { kind: "unsupported", format: "unknown" } : { kind: "xlsx" };
  if (ext === "geojson" || ext === "json") return { kind: "geojson" };
  if (ext === "csv" || ext === "tsv") return { kind: "csv" };
  const unsupported = unsupportedFormatOf(file.name);
  if (unsupported) return { kind: "unsupported", format: unsupported };
  if (startsWith(bytes, ascii("<?xml")) || startsWith(bytes, ascii("<kml"))) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
    if (/<kml\b/i.test(head)) return { kind: "unsupported", format: "kml" };
  }
  // JSON by its first non-blank byte (after a UTF-8 byte-order mark).
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return { kind: "geojson" };
  return { kind: "unsupported", format: "unknown" };
}

/** A file (or group of files) to read, with the reader that reads it. */
export interface InputGroup {
  format: ImportFormat;
  files: InputFile[];
}

/**
 * Sort the files into groups each reader takes (a zip, the loose parts of one Shapefile, one
 * GeoJSON, one sheet), and problems for the files that are not read.
 */
export function groupInputFiles(files: InputFile[]): { groups: InputGroup[]; problems: Problem[] } {
  const groups: InputGroup[] = [];
  const problems: Problem[] = [];
  const shapefiles = new Map<string, InputGroup>();
  const reportedCommands = new Set<string>();
  // A MapInfo table's `.dat` is only known as such beside its `.tab`.
  const tables = new Set(files.filter((f) => extensionOf(f.name) === "tab").map((f) => baseOf(f.name)));
  for (const file of files) {
    let k = classifyFile(file);
    if (k.kind === "unsupported" && extensionOf(file.name) === "dat" && tables.has(baseOf(file.name)))
      k = { kind: "unsupported", format: "tab" };
    if (k.kind === "zip") groups.push({ format: "shapefile", files: [file] });
    else if (k.kind === "shapefile-part") {
      let g = shapefiles.get(k.base);
      if (!g) {
        g = { format: "shapefile", files: [] };
        shapefiles.set(k.base, g);
        groups.push(g);
      }
      g.files.push(file);
    } else if (k.kind === "geojson") groups.push({ format: "geojson", files: [file] });
    else if (k.kind === "csv" || k.kind === "xlsx") groups.push({ format: k.kind, files: [file] });
    else if (k.format === "unknown")
      problems.push({ severity: "error", code: "unknown-format", file: file.name });
    else {
      const p = unsupportedFormat(file.name, k.format);
      if (!p) continue;
      // A File Geodatabase or a MapInfo table arrives as many files: name it once.
      const command = String(p.params?.command);
      if (reportedCommands.has(command)) continue;
      reportedCommands.add(command);
      // Not fatal here: the other files the user chose are still read.
      const { fatal: _fatal, ...named } = p;
      problems.push(named);
    }
  }
  return { groups, problems };
}

/**
 * Read every file the user gave into raw feature sets (one per GeoJSON, Shapefile or sheet).
 * @example await readInputFiles([{ name: "宗地.zip", bytes }], {}) // { sets: [...], problems: [] }
 */
export async function readInputFiles(
  files: InputFile[],
  opts: ImportOptions,
): Promise<{ sets: RawFeatureSet[]; problems: Problem[] }> {
  const { groups, problems } = groupInputFiles(files);
  const sets: RawFeatureSet[] = [];
  for (const g of groups) {
    try {
      if (g.format === "shapefile") sets.push(...readShapefile(g.files, opts));
      else if (g.format === "geojson") sets.push(readGeoJsonRaw(g.files[0] as InputFile, opts));
      else sets.push(await readTableFeatures(g.files[0] as InputFile, opts));
    } catch (e) {
      // A reader's bug, not the user's data: one sentence, never an exception.
      problems.push({
        severity: "error",
        code: "read-failed",
        fatal: true,
        file: g.files[0]?.name ?? "",
        params: { message: e instanceof Error ? e.message : String(e) },
      });
    }
  }
  if (files.length === 0) problems.push({ severity: "error", code: "no-files", fatal: true });
  return { sets, problems };
}
