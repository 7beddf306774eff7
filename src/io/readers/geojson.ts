/**
 * The GeoJSON container reader: bytes or text → raw features (geometry as written, properties
 * under the file's own names), plus what the file says about itself (legacy `crs` member,
 * survey date, synthetic marker). Accepts a FeatureCollection, one Feature, or a bare
 * Polygon/MultiPolygon geometry (read as one parcel without properties).
 *
 * Geometry checks, CRS detection, projection, areas and property typing are the shared
 * preparer's (`src/io/prepare.ts`). Never throws: an unusable file gives a fatal problem and no
 * features; an entry of a FeatureCollection that is not a Feature is named and left out (its
 * position is kept in `RawFeature.index`, so later features keep theirs).
 */
import { valid as geojsonProblems } from "geojson-validation";
import { crsMemberName } from "../crs-detect";
import { decodeText } from "../decode";
import { parseJson } from "../json";
import { parseDate, rawText } from "../numbers";
import type { Problem } from "../types";
import { decodeImportText } from "./text";
import type {
  DeclaredCrs,
  EncodingChoice,
  ImportOptions,
  InputFile,
  RawFeature,
  RawFeatureSet,
} from "./types";

type Params = Record<string, string | number | boolean | null>;

/** Top-level members naming the dataset's survey date. */
const SURVEY_DATE_KEYS = ["surveyDate", "数据截至日期"];

/**
 * Read a GeoJSON file into raw features.
 *
 * @param file the file as the user gave it (name for messages, bytes: UTF-8 or GBK detected)
 * @param opts `encoding` (the preview's switch) overrides detection; `crs` only to say that it
 *   overrides a `crs` member; the rest is the preparer's
 * @returns raw features in file coordinates; `problems` with a fatal one when nothing is usable
 * @example readGeoJsonRaw({ name: "p.geojson", bytes }, {}).features.length
 */
export function readGeoJsonRaw(file: InputFile, opts: ImportOptions): RawFeatureSet {
  return readGeoJsonInput(file.bytes, file.name, opts);
}

/**
 * As `readGeoJsonRaw`, for text already decoded or bytes; `file` may be empty when the caller
 * has no name (then problems carry none).
 */
export function readGeoJsonInput(
  input: string | Uint8Array,
  file: string,
  opts: ImportOptions,
): RawFeatureSet {
  const set: RawFeatureSet = { file, format: "geojson", features: [], fields: [], problems: [] };
  try {
    readInto(set, input, opts);
  } catch (err) {
    // A bug, not the user's data: still a result with one sentence, never an exception.
    const message = err instanceof Error ? err.message : String(err);
    set.features = [];
    set.problems.push({
      severity: "error",
      code: "read-failed",
      fatal: true,
      ...(file !== "" ? { file } : {}),
      params: { message },
    });
  }
  return set;
}

function readInto(set: RawFeatureSet, input: string | Uint8Array, opts: ImportOptions): void {
  const file = set.file === "" ? undefined : set.file;
  const where = file === undefined ? {} : { file };
  const problems = set.problems;
  const fail = (code: string, params?: Params) => {
    problems.push({ severity: "error", code, fatal: true, ...where, ...(params ? { params } : {}) });
  };

  const parsed = decodeAndParse(input, file, opts, problems);
  if (!parsed.ok) {
    if (parsed.code !== undefined) fail(parsed.code, parsed.params);
    return;
  }
  if (parsed.encoding !== undefined) set.encoding = parsed.encoding;
  readRoot(set, parsed.value, opts);
}

/**
 * The parsed root → raw features, survey date, crs member and synthetic marker. `streamed`:
 * the entries of the `features` array when they were read one by one (`geojson-stream.ts`), the
 * root then holding an empty array.
 */
export function readRoot(set: RawFeatureSet, root: unknown, opts: ImportOptions, streamed?: unknown[]): void {
  const file = set.file === "" ? undefined : set.file;
  const where = file === undefined ? {} : { file };
  const listed = readHeader(set, root, opts);
  if (listed === undefined) return;
  const entries = streamed ?? listed;
  set.featureCount = entries.length;
  const fields = new Set<string>();
  for (let index = 0; index < entries.length; index++) {
    const raw = rawFeatureOf(entries[index], index, where, set.problems, fields);
    if (raw) set.features.push(raw);
  }
  set.fields = [...fields];
}

/**
 * The root's own members: the survey date, the legacy `crs` member and the synthetic marker into
 * `set` (with their problems); the root's entries (a FeatureCollection's `features`, one
 * Feature, a bare geometry as one parcel), or undefined with a fatal `not-geojson`.
 */
export function readHeader(set: RawFeatureSet, root: unknown, opts: ImportOptions): unknown[] | undefined {
  const file = set.file === "" ? undefined : set.file;
  const where = file === undefined ? {} : { file };
  const problems = set.problems;
  const fail = (code: string, params?: Params) => {
    problems.push({ severity: "error", code, fatal: true, ...where, ...(params ? { params } : {}) });
  };
  const rootObj =
    root && typeof root === "object" && !Array.isArray(root) ? (root as Record<string, unknown>) : null;
  let entries: unknown[];
  if (rootObj?.type === "FeatureCollection" && Array.isArray(rootObj.features)) {
    entries = rootObj.features;
  } else if (rootObj?.type === "Feature") {
    entries = [rootObj];
  } else if (rootObj?.type === "Polygon" || rootObj?.type === "MultiPolygon") {
    // A bare geometry: one parcel, no properties.
    entries = [{ type: "Feature", geometry: rootObj, properties: {} }];
  } else {
    const type = rootObj ? rootObj.type : Array.isArray(root) ? "array" : typeof root;
    fail("not-geojson", { type: typeof type === "string" ? type : rawText(type) });
    return undefined;
  }

  // Survey date declared by the dataset.
  for (const key of SURVEY_DATE_KEYS) {
    if (!rootObj || rootObj[key] === undefined) continue;
    const d = parseDate(rootObj[key]);
    if (d.value) set.surveyDate = d.value;
    else if (d.issue)
      problems.push({
        severity: "warning",
        code: d.issue.code,
        ...where,
        field: key,
        params: d.issue.params,
      });
    break;
  }

  // Legacy `crs` member (an option given by the user overrides it: said here).
  const member = crsMemberName(rootObj?.crs);
  if (rootObj?.crs !== undefined && member === undefined) {
    problems.push({
      severity: "warning",
      code: "crs-member-unreadable",
      ...where,
      params: { raw: rawText(rootObj.crs) },
    });
  }
  if (opts.crs !== undefined && member !== undefined) {
    problems.push({
      severity: "info",
      code: "crs-member-overridden",
      ...where,
      params: { member, crs: opts.crs },
    });
  }
  if (member !== undefined) set.crs = { spec: member, how: "crs-member" } satisfies DeclaredCrs;
  if (isMarkedSynthetic(rootObj)) set.synthetic = true;
  return entries;
}

/**
 * One entry of the root's features → a raw feature, or undefined with `not-a-feature` (its
 * position `index` kept). Its property names are added to `fields` (up to 1000).
 */
export function rawFeatureOf(
  entry: unknown,
  index: number,
  where: { file?: string },
  problems: Problem[],
  fields: Set<string>,
): RawFeature | undefined {
  const feature = entry as Record<string, unknown> | null;
  if (!feature || typeof feature !== "object" || feature.type !== "Feature") {
    const type = rawText(feature?.type ?? feature);
    problems.push({
      severity: "error",
      code: "not-a-feature",
      ...where,
      featureIndex: index,
      params: { type },
    });
    return undefined;
  }
  const props =
    feature.properties && typeof feature.properties === "object" && !Array.isArray(feature.properties)
      ? (feature.properties as Record<string, unknown>)
      : {};
  for (const k in props) if (fields.size < 1000) fields.add(k);
  const raw: RawFeature = {
    geometry: (feature.geometry ?? null) as RawFeature["geometry"],
    properties: props,
    index,
  };
  if (feature.id !== undefined) raw.id = feature.id;
  // The Feature's own members (properties, bbox …), checked without its geometry: the preparer
  // checks the geometry after closing rings. Without a `bbox` and with `properties` (the common
  // case) geojson-validation finds nothing to say: not asked, and no copy of the feature made.
  if ("bbox" in feature || !("properties" in feature)) {
    const own = geojsonProblems({ ...feature, geometry: null }, true);
    if (own.length > 0) raw.invalid = own;
  }
  return raw;
}

/**
 * Bytes or text → parsed JSON. Kept apart so that the decoded text (hundreds of MB for 100,000
 * parcels) is garbage as soon as it is parsed.
 */
function decodeAndParse(
  input: string | Uint8Array,
  file: string | undefined,
  opts: ImportOptions,
  problems: Problem[],
): { ok: true; value: unknown; encoding?: EncodingChoice } | { ok: false; code?: string; params?: Params } {
  // Bytes in the encoding the user chose in the preview, else as detected; text is text.
  const decoded: { text?: string; encoding?: EncodingChoice; problems: Problem[] } =
    typeof input === "string"
      ? { text: decodeText(input).text, problems: [] }
      : decodeImportText(input, file ?? "", opts);
  problems.push(...decoded.problems);
  if (decoded.text === undefined) return { ok: false };
  if (decoded.text.trim() === "") return { ok: false, code: "empty-file" };
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) return { ok: false, code: "not-json", params: parsed.params };
  return decoded.encoding === undefined
    ? { ok: true, value: parsed.value }
    : { ok: true, value: parsed.value, encoding: decoded.encoding };
}

/**
 * The dataset says it is synthetic: a top-level `"synthetic": true` (the sample data, `synthetic.ts`)
 * or a Jiyue export of such a dataset (`"jiyue": {"synthetic": true}`).
 */
function isMarkedSynthetic(root: Record<string, unknown> | null | undefined): boolean {
  if (!root) return false;
  const j = root.jiyue;
  return (
    root.synthetic === true ||
    (typeof j === "object" && j !== null && (j as { synthetic?: unknown }).synthetic === true)
  );
}
