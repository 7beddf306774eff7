/**
 * Reading a parcel GeoJSON file into prepared parcels: the GeoJSON container reader
 * (`readers/geojson.ts`) followed by the shared preparer (`prepare.ts`), for callers that have
 * one GeoJSON file (the CLI, the worker, tests).
 */

import { prepareParcels } from "./prepare";
import { readGeoJsonInput } from "./readers/geojson";
import type { TextEncoding } from "./readers/types";
import type { ParcelImport } from "./types";

export interface ReadParcelsOptions {
  /** File name as the user gave it, for messages. */
  fileName?: string;
  /** CRS of the coordinates (`EPSG:4546`, a proj4 string, WKT); overrides detection. */
  crs?: string;
  /** The analysis CRS for areas (projected, e.g. `EPSG:4546`). */
  analysisCrs: string;
  /** Text encoding of bytes (`--encoding`); overrides detection. */
  encoding?: TextEncoding;
}

/**
 * Read parcels from a GeoJSON file (text or bytes).
 *
 * @param input file contents: bytes (UTF-8 or GBK are detected) or text
 * @param opts file name for messages, optional CRS override, and the analysis CRS for areas
 * @returns usable parcels (lon/lat geometry, planar area in m²), problems, the CRS used,
 *   the dataset's survey date; `ok` false with a `fatal` problem when nothing can be used
 * @example readParcelsGeoJson(text, { fileName: "parcels.geojson", analysisCrs: "EPSG:4546" })
 */
export function readParcelsGeoJson(input: string | Uint8Array, opts: ReadParcelsOptions): ParcelImport {
  const importOpts = {
    analysisCrs: opts.analysisCrs,
    ...(opts.crs !== undefined ? { crs: opts.crs } : {}),
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
  };
  return prepareParcels(readGeoJsonInput(input, opts.fileName ?? "", importOpts), importOpts);
}
