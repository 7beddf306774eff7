/**
 * Results of reading and writing files. Readers never throw at the user: they return what they
 * could use plus a list of problems, each naming the file, the feature and the field.
 * Problems carry a code and parameters; `src/i18n/problems.ts` turns them into zh/en sentences.
 */
import type { PreparedParcel } from "../domain/types";

export type Severity = "error" | "warning" | "info";

export interface Problem {
  severity: Severity;
  /** Stable code, e.g. `not-utf8`, `unclosed-ring`, `negative-value`, `crs-assumed`. */
  code: string;
  /** File name as the user gave it. */
  file?: string;
  /** Feature index in the file (0-based) and its id when known. */
  featureIndex?: number;
  featureId?: string;
  /** Property name as found in the file (may be a Chinese alias). */
  field?: string;
  /** Values a sentence needs (the raw value, the detected CRS …). */
  params?: Record<string, string | number | boolean | null>;
  /** The whole file cannot be used (not JSON, not GeoJSON, unknown CRS …); `severity` is `error`. */
  fatal?: boolean;
}

/** How the input CRS was determined. */
export interface CrsDetection {
  /** The CRS the coordinates were read in: `EPSG:4326`, `EPSG:4525`, or a proj4 string. */
  crs: string;
  how: "crs-member" | "option" | "prj" | "zone-prefix" | "lonlat" | "assumed-analysis-crs";
  /** Axes were northing, easting and have been swapped. */
  swappedAxes: boolean;
}

export interface ParcelImport {
  /** Usable parcels (bad features left out, bad fields set aside). */
  parcels: PreparedParcel[];
  problems: Problem[];
  /** Undefined when the file could not be used at all (then a `fatal` problem says why). */
  crs?: CrsDetection;
  /** Survey date declared by the dataset (top-level `surveyDate` / `数据截至日期`), if any. */
  surveyDate?: string;
  /** The dataset declares itself synthetic (top-level `synthetic: true`, or a Jiyue export of one). */
  synthetic?: boolean;
  /** Whether the file can be used at all (at least one parcel). */
  ok: boolean;
  /** Number of features in the file. */
  featureCount: number;
}
