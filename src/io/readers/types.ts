/**
 * The import contract shared by every reader (GeoJSON, Shapefile, CSV/XLSX) and the import UI.
 *
 * A reader turns the user's files into raw features — geometry in the file's own coordinates,
 * properties under the file's own field names — plus what it learnt about text encoding and CRS,
 * and problems naming file, feature and field. One shared preparer (`src/io/prepare.ts`) then
 * applies the field mapping, checks geometry, projects, measures and types the properties into a
 * `ParcelImport`. Readers never throw at the user.
 */
import type { Geometry } from "geojson";
import type { FieldMapping } from "../mapping";
import type { Problem } from "../types";

/** One file the user gave (dragged, picked, or named on the command line). */
export interface InputFile {
  /** Name as the user gave it (inside a zip: the entry's path, decoded). */
  name: string;
  bytes: Uint8Array;
}

/** Formats read; anything else is named with a conversion hint (`unsupported-format`). */
export type ImportFormat = "geojson" | "shapefile" | "csv" | "xlsx";

/** A text encoding the user can switch between when the guess is uncertain. */
export type TextEncoding = "utf-8" | "gbk";

export interface EncodingChoice {
  used: TextEncoding;
  /** `cpg` file, DBF language byte, detected from the bytes, or chosen by the user. */
  how: "cpg" | "ldid" | "detected" | "option";
  /** False when the bytes fit both encodings and the user should see a preview. */
  certain: boolean;
}

/** What the file says about its CRS (before detection from coordinates). */
export interface DeclaredCrs {
  /** Something `resolveCrs` accepts: `EPSG:4546`, a proj4 string or WKT. */
  spec: string;
  how: "prj" | "crs-member" | "option";
  /** Human name of the CRS when known (e.g. `CGCS2000 / 3-degree Gauss-Kruger CM 111E`). */
  name?: string;
}

export interface RawFeature {
  /** Geometry in the file's coordinates; null when the record has none (reported). */
  geometry: Geometry | null;
  /** Properties under the file's field names, values as read (strings, numbers, dates as text). */
  properties: Record<string, unknown>;
  /** The container's own feature id (GeoJSON `Feature.id`), used when no id property is given. */
  id?: unknown;
  /** 0-based position in the file, for messages (defaults to the position in `features`). */
  index?: number;
  /** What the container found wrong with the feature itself (not its geometry), for `invalid-geojson`. */
  invalid?: string[];
}

/** The output of a reader, input of the preparer. */
export interface RawFeatureSet {
  /** The file the features came from (the `.shp` or `.zip` for a Shapefile). */
  file: string;
  format: ImportFormat;
  features: RawFeature[];
  /** Field names in file order (for the field-mapping dialog). */
  fields: string[];
  encoding?: EncodingChoice;
  crs?: DeclaredCrs;
  surveyDate?: string;
  synthetic?: boolean;
  /** Records in the file, unreadable ones included (defaults to `features.length`). */
  featureCount?: number;
  /** Reader problems; those naming a `featureIndex` are reported with that feature. */
  problems: Problem[];
  /** A Shapefile: which layer of which archive it is (a zip may hold several). */
  layer?: ShapefileLayer;
}

/** One Shapefile as a layer: its name, its shape type, its records. */
export interface ShapefileLayer {
  /** The path inside the archive (or the file name) without `.shp`, names decoded (GBK/UTF-8). */
  name: string;
  /** The zip it came from; none for loose files. */
  archive?: string;
  /** The header's shape type (`Polygon`, `PointZ`, `PolyLine` …). */
  shapeType: string;
  /** Polygons (or a layer of null shapes only): parcels can be read from it. */
  polygons: boolean;
  /** Records in the layer (from the `.shp`, else the `.shx` or `.dbf` header); undefined when unknown. */
  records?: number;
}

/** Options the user (or the CLI) can set; every reader takes what concerns it. */
export interface ImportOptions {
  /** Overrides `.cpg`/LDID/detection. */
  encoding?: TextEncoding;
  /** Overrides `.prj` / crs member / detection (the CRS picker, or `--crs`). */
  crs?: string;
  /** Field mapping chosen in the dialog or given with `--mapping`. */
  mapping?: FieldMapping;
  /** The analysis CRS of the standards file, when it sets one. */
  analysisCrs?: string;
  /** Which Shapefile of a zip holding several to read (`--layer`, or chosen in the preview). */
  layer?: string;
}
