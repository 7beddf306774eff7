/**
 * The Shapefile reader: `.shp` geometry, `.dbf` attributes, `.prj` CRS, `.cpg` code page, from a
 * `.zip` or loose parts, into raw features (one set per shapefile; the preparer does the rest).
 *
 * Hand-written (ESRI Shapefile Technical Description, 1998; dBASE III+ table format) rather than
 * the npm `shapefile` package: that package is unmaintained and decodes DBF text itself, hiding
 * the encoding this reader must choose and show (`.cpg`, the DBF language-driver byte, detection).
 *
 * - Polygon, PolygonZ, PolygonM (Z and M dropped); rings grouped into outer rings (clockwise in
 *   the file) and holes (counter-clockwise) by containment; written out in RFC 7946 orientation.
 * - A null shape or a shape of another type is named and left out; its record position is kept.
 * - Record counts that disagree between `.shp`, `.shx` and `.dbf` are named; records are paired
 *   by position.
 * - DBF types C (text), N and F (numbers), D (→ `YYYY-MM-DD`), L (→ true/false); others as text.
 *
 * Never throws at the user: a damaged file is a fatal problem naming it, a damaged record is
 * named and left out.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { readPrj } from "../prj";
import type { Problem } from "../types";
import { unsupportedFormat, unsupportedFormatOf } from "../unsupported";
import { unzip } from "../zip";
import type {
  EncodingChoice,
  ImportOptions,
  InputFile,
  RawFeature,
  RawFeatureSet,
  ShapefileLayer,
  TextEncoding,
} from "./types";

type Params = Record<string, string | number | boolean | null>;

const PARTS = ["shp", "shx", "dbf", "prj", "cpg"] as const;
type Part = (typeof PARTS)[number];

/** Shape type numbers → names (for messages about shapes that are not polygons). */
const SHAPE_TYPES: Record<number, string> = {
  0: "Null",
  1: "Point",
  3: "PolyLine",
  5: "Polygon",
  8: "MultiPoint",
  11: "PointZ",
  13: "PolyLineZ",
  15: "PolygonZ",
  18: "MultiPointZ",
  21: "PointM",
  23: "PolyLineM",
  25: "PolygonM",
  28: "MultiPointM",
  31: "MultiPatch",
};
const POLYGON_TYPES = new Set([5, 15, 25]);

/**
 * Read one or more shapefiles.
 *
 * @param files `.zip` archives and/or loose parts (`.shp .shx .dbf .prj .cpg`), grouped by base name
 * @param opts `encoding` overrides `.cpg`/language byte/detection
 * @returns one raw set per shapefile; a set with a fatal problem for a damaged one, or when no
 *   `.shp` is found at all
 */
export function readShapefile(files: InputFile[], opts: ImportOptions): RawFeatureSet[] {
  const sets: RawFeatureSet[] = [];
  const loose: InputFile[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) {
      const z = unzip(f.bytes, f.name);
      if (z.problems.some((p) => p.fatal)) {
        sets.push(emptySet(f.name, z.problems));
        continue;
      }
      const inner = groupParts(z.files);
      if (inner.length === 0) {
        sets.push(emptySet(f.name, [...z.problems, noShapefileInZip(f.name, z.files)]));
        continue;
      }
      for (const g of inner) sets.push(readGroup(g, opts, f.name, z.problems));
    } else loose.push(f);
  }
  if (loose.length > 0) {
    const groups = groupParts(loose);
    for (const g of groups) sets.push(readGroup(g, opts, undefined, []));
    if (groups.length === 0 && sets.length === 0)
      sets.push(emptySet(loose[0]?.name ?? "", [fatalProblem("no-shapefile", loose[0]?.name ?? "")]));
  }
  return sets;
}

/**
 * Why a zip holds no Shapefile: when it holds a format that is not read (a File Geodatabase folder,
 * a KML, a MapInfo table …), that format is named with the command converting it once unzipped.
 */
function noShapefileInZip(archive: string, entries: InputFile[]): Problem {
  for (const e of entries) {
    const format = unsupportedFormatOf(e.name);
    const named = format ? unsupportedFormat(e.name, format) : undefined;
    if (!format || !named) continue;
    const entry = format === "filegdb" ? (/^(.*?\.gdb)(?:[/\\]|$)/i.exec(e.name)?.[1] ?? e.name) : e.name;
    return fatalProblem("unsupported-in-zip", archive, { ...named.params, entry });
  }
  return fatalProblem("no-shapefile", archive);
}

function fatalProblem(code: string, file: string, params?: Params): Problem {
  return {
    severity: "error",
    code,
    fatal: true,
    ...(file !== "" ? { file } : {}),
    ...(params ? { params } : {}),
  };
}

function emptySet(file: string, problems: Problem[]): RawFeatureSet {
  return { file, format: "shapefile", features: [], fields: [], problems };
}

interface Group {
  /** Path without extension, as given (for names). */
  base: string;
  parts: Partial<Record<Part, InputFile>>;
}

/** Files grouped by path without extension (case-insensitive); groups with any part are kept. */
function groupParts(files: InputFile[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of files) {
    const m = /^(.*)\.([^./\\]+)$/.exec(f.name);
    if (!m) continue;
    const ext = (m[2] ?? "").toLowerCase();
    if (!(PARTS as readonly string[]).includes(ext)) continue;
    const base = m[1] ?? "";
    const key = base.toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { base, parts: {} };
      groups.set(key, g);
    }
    g.parts[ext as Part] = f;
  }
  return [...groups.values()].filter((g) => g.parts.shp || g.parts.dbf);
}

function readGroup(
  g: Group,
  opts: ImportOptions,
  archive: string | undefined,
  inherited: Problem[],
): RawFeatureSet {
  const shpName = g.parts.shp?.name ?? `${g.base}.shp`;
  const file = archive !== undefined ? `${archive}/${shpName}` : shpName;
  const set: RawFeatureSet = {
    file,
    format: "shapefile",
    features: [],
    fields: [],
    problems: [...inherited],
  };
  try {
    readInto(set, g, opts, archive);
  } catch (err) {
    // A bug, not the user's data: one sentence, never an exception.
    set.features = [];
    const message = err instanceof Error ? err.message : String(err);
    set.problems.push(fatalProblem("read-failed", file, { message }));
  }
  return set;
}

/** The layer a Shapefile is, from its header (its records counted later when they are read). */
function layerOf(
  g: Group,
  archive: string | undefined,
  shp: Uint8Array,
  records: number | undefined,
): ShapefileLayer {
  const type = shp.length >= 36 ? new DataView(shp.buffer, shp.byteOffset).getInt32(32, true) : -1;
  const name = archive !== undefined ? g.base : (g.base.split(/[/\\]/).pop() ?? g.base);
  return {
    name,
    ...(archive !== undefined ? { archive } : {}),
    shapeType: SHAPE_TYPES[type] ?? String(type),
    polygons: type === 0 || POLYGON_TYPES.has(type),
    ...(records !== undefined ? { records } : {}),
  };
}

/** The record count in a `.dbf` header (bytes 4–7), or undefined when the header is short. */
function dbfRecordCount(dbf: Uint8Array): number | undefined {
  return dbf.length >= 32 ? new DataView(dbf.buffer, dbf.byteOffset).getUint32(4, true) : undefined;
}

function readInto(set: RawFeatureSet, g: Group, opts: ImportOptions, archive: string | undefined): void {
  const file = set.file;
  const problems = set.problems;
  const { shp, shx, dbf, prj, cpg } = g.parts;
  if (!shp) {
    problems.push(fatalProblem("missing-shp", file));
    return;
  }
  if (!dbf) problems.push({ severity: "warning", code: "missing-dbf", file });
  if (!shx) problems.push({ severity: "info", code: "missing-shx", file });

  // CRS from the .prj (else detected from the coordinates by the preparer).
  if (prj) {
    const text = new TextDecoder("utf-8")
      .decode(prj.bytes)
      .replace(/^\uFEFF/, "")
      .trim();
    const r = readPrj(text, file);
    problems.push(...r.problems);
    if (r.crs) set.crs = r.crs;
  } else if (opts.crs === undefined) {
    problems.push({ severity: "info", code: "missing-prj", file });
  }

  const shxCount = shx ? shxRecordCount(shx.bytes) : undefined;
  set.layer = layerOf(g, archive, shp.bytes, shxCount ?? (dbf ? dbfRecordCount(dbf.bytes) : undefined));
  const geo = readShp(shp.bytes, file, problems);
  if (!geo) return;

  const table = dbf ? readDbf(dbf.bytes, dbf.name, cpg, opts, problems) : undefined;
  if (dbf && !table) return; // fatal problem already said
  if (table) {
    set.fields = table.fields.map((f) => f.name);
    if (table.encoding) set.encoding = table.encoding;
  }

  const counts = { shp: geo.records.length };
  if ((shxCount !== undefined && shxCount !== counts.shp) || (table && table.count !== counts.shp)) {
    const params: Params = { shp: counts.shp, shx: shxCount ?? "—", dbf: table ? table.count : "—" };
    problems.push({ severity: "warning", code: "shapefile-count-mismatch", file, params });
  }
  set.featureCount = counts.shp;
  set.layer.records = counts.shp;
  for (let i = 0; i < geo.records.length; i++) {
    const rec = geo.records[i] as ShpRecord;
    if (rec.problem) {
      problems.push({
        severity: "error",
        code: rec.problem.code,
        file,
        featureIndex: i,
        ...paramsOf(rec.problem.params),
      });
      continue;
    }
    let properties: Record<string, unknown> = {};
    if (table && i < table.count) {
      const row = table.row(i);
      if (row.deleted) {
        problems.push({ severity: "warning", code: "dbf-record-deleted", file, featureIndex: i });
        continue;
      }
      properties = row.values;
    }
    const f: RawFeature = { geometry: rec.geometry ?? null, properties, index: i };
    set.features.push(f);
  }
}

const paramsOf = (p: Params | undefined) => (p ? { params: p } : {});

// ---------------------------------------------------------------------------------------------
// .shp

interface ShpRecord {
  geometry?: Polygon | MultiPolygon;
  problem?: { code: string; params?: Params };
}

/** The records of a `.shp` (null, foreign or damaged shapes as problems), or undefined (fatal, said). */
function readShp(bytes: Uint8Array, file: string, problems: Problem[]): { records: ShpRecord[] } | undefined {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || v.getInt32(0, false) !== 9994) {
    problems.push(fatalProblem("bad-shp", file, { reason: "header" }));
    return undefined;
  }
  const fileType = v.getInt32(32, true);
  if (fileType !== 0 && !POLYGON_TYPES.has(fileType)) {
    problems.push(
      fatalProblem("not-polygon-layer", file, { type: SHAPE_TYPES[fileType] ?? String(fileType) }),
    );
    return undefined;
  }
  const declaredEnd = v.getInt32(24, false) * 2;
  const end = declaredEnd >= 100 && declaredEnd <= bytes.length ? declaredEnd : bytes.length;
  if (declaredEnd > bytes.length)
    problems.push({
      severity: "warning",
      code: "shp-truncated",
      file,
      params: { bytes: bytes.length, declared: declaredEnd },
    });
  const records: ShpRecord[] = [];
  let off = 100;
  while (off + 8 <= end) {
    const len = v.getInt32(off + 4, false) * 2;
    const start = off + 8;
    if (len < 4 || start + len > end) {
      // the record runs past the end of the file: the rest cannot be read
      problems.push({ severity: "error", code: "shp-record-damaged", file, featureIndex: records.length });
      break;
    }
    records.push(readShape(v, start, len));
    off = start + len;
  }
  return { records };
}

function readShape(v: DataView, start: number, len: number): ShpRecord {
  const type = v.getInt32(start, true);
  if (type === 0) return { problem: { code: "null-shape" } };
  if (!POLYGON_TYPES.has(type))
    return { problem: { code: "not-polygon", params: { type: SHAPE_TYPES[type] ?? String(type) } } };
  if (len < 44) return { problem: { code: "shp-record-damaged" } };
  const numParts = v.getInt32(start + 36, true);
  const numPoints = v.getInt32(start + 40, true);
  const partsAt = start + 44;
  const pointsAt = partsAt + 4 * numParts;
  if (numParts < 1 || numPoints < 1 || numParts > numPoints || pointsAt + 16 * numPoints > start + len)
    return { problem: { code: numPoints === 0 ? "empty-geometry" : "shp-record-damaged" } };
  const rings: Position[][] = [];
  for (let p = 0; p < numParts; p++) {
    const from = v.getInt32(partsAt + 4 * p, true);
    const to = p + 1 < numParts ? v.getInt32(partsAt + 4 * (p + 1), true) : numPoints;
    if (from < 0 || to > numPoints || to < from) return { problem: { code: "shp-record-damaged" } };
    const ring: Position[] = new Array(to - from);
    for (let i = from; i < to; i++) {
      const at = pointsAt + 16 * i;
      ring[i - from] = [v.getFloat64(at, true), v.getFloat64(at + 8, true)];
    }
    if (ring.length > 0) rings.push(ring);
  }
  return { geometry: assemble(rings) };
}

/** Twice the signed area of a ring (positive: counter-clockwise with y up). */
function signedArea2(ring: Position[]): number {
  let a = 0;
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = ring[0]?.[0] as number;
  const y0 = ring[0]?.[1] as number;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Position;
    const q = ring[(i + 1) % n] as Position;
    a +=
      ((p[0] as number) - x0) * ((q[1] as number) - y0) - ((q[0] as number) - x0) * ((p[1] as number) - y0);
  }
  return a;
}

/** Even–odd point-in-ring test. */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]?.[0] as number;
    const yi = ring[i]?.[1] as number;
    const xj = ring[j]?.[0] as number;
    const yj = ring[j]?.[1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is (most of) ring `inner` inside ring `outer`? Tested at a vertex not on `outer`'s boundary. */
function ringInside(inner: Position[], outer: Position[]): boolean {
  // a few vertices: a hole touching its outer ring at one vertex still has others inside
  let yes = 0;
  let no = 0;
  const step = Math.max(1, Math.floor(inner.length / 5));
  for (let i = 0; i < inner.length && yes + no < 5; i += step) {
    const p = inner[i] as Position;
    if (inRing(p[0] as number, p[1] as number, outer)) yes++;
    else no++;
  }
  return yes > no;
}

/**
 * Shapefile rings → Polygon or MultiPolygon: clockwise rings are outer rings, counter-clockwise
 * rings holes of the smallest outer ring containing them (a hole inside none becomes an outer
 * ring, as GDAL reads it; so does every ring when none is clockwise). Output in RFC 7946
 * orientation: outer rings counter-clockwise, holes clockwise.
 */
function assemble(rings: Position[][]): Polygon | MultiPolygon {
  const areas = rings.map(signedArea2);
  let outerIdx = rings.map((_, i) => i).filter((i) => (areas[i] as number) < 0);
  if (outerIdx.length === 0) outerIdx = rings.map((_, i) => i);
  const outerSet = new Set(outerIdx);
  const polys = outerIdx.map((i) => ({
    outer: rings[i] as Position[],
    abs: Math.abs(areas[i] as number),
    holes: [] as Position[][],
  }));
  for (let i = 0; i < rings.length; i++) {
    if (outerSet.has(i)) continue;
    const ring = rings[i] as Position[];
    let best: (typeof polys)[number] | undefined;
    for (const p of polys) if (ringInside(ring, p.outer) && (!best || p.abs < best.abs)) best = p;
    if (best) best.holes.push(ring);
    else polys.push({ outer: ring, abs: Math.abs(areas[i] as number), holes: [] });
  }
  const orient = (ring: Position[], ccw: boolean) =>
    signedArea2(ring) > 0 === ccw ? ring : ring.slice().reverse();
  const parts = polys.map((p) => [orient(p.outer, true), ...p.holes.map((h) => orient(h, false))]);
  return parts.length === 1
    ? { type: "Polygon", coordinates: parts[0] as Position[][] }
    : { type: "MultiPolygon", coordinates: parts };
}

/** Records indexed by a `.shx` (100-byte header, 8 bytes per record). */
function shxRecordCount(bytes: Uint8Array): number | undefined {
  if (bytes.length < 100) return undefined;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt32(0, false) !== 9994) return undefined;
  const len = Math.min(v.getInt32(24, false) * 2, bytes.length);
  return Math.max(0, Math.floor((len - 100) / 8));
}

// ---------------------------------------------------------------------------------------------
// .dbf

interface DbfField {
  name: string;
  type: string;
  offset: number;
  length: number;
  decimals: number;
}

interface DbfTable {
  fields: DbfField[];
  count: number;
  encoding?: EncodingChoice;
  row(i: number): { deleted: boolean; values: Record<string, unknown> };
}

/** Code page names a `.cpg` may hold. */
function cpgEncoding(text: string): TextEncoding | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, "");
  if (t === "UTF8" || t === "65001") return "utf-8";
  if (["GBK", "936", "CP936", "GB2312", "GB18030", "ANSI936", "WINDOWS936", "CP54936", "54936"].includes(t))
    return "gbk";
  return undefined;
}

/** DBF language-driver ids that mean Chinese GBK (cp936). */
const GBK_LDID = new Set([0x4d, 0x7a]);
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Do these bytes decode as GBK without replacement characters? */
function plausibleGbk(bytes: Uint8Array): boolean {
  const text = new TextDecoder("gbk").decode(bytes);
  return !/[\uFFFD\uE000-\uF8FF]/.test(text);
}

/** Choose the DBF's text encoding: option, `.cpg`, language byte, else detected from the text bytes. */
function chooseEncoding(
  sample: Uint8Array,
  ldid: number,
  cpg: InputFile | undefined,
  opts: ImportOptions,
  problems: Problem[],
): EncodingChoice {
  if (opts.encoding) return { used: opts.encoding, how: "option", certain: true };
  if (cpg) {
    const text = new TextDecoder("utf-8").decode(cpg.bytes);
    const e = cpgEncoding(text);
    if (e) return { used: e, how: "cpg", certain: true };
    problems.push({
      severity: "warning",
      code: "cpg-unknown",
      file: cpg.name,
      params: { raw: text.trim().slice(0, 40) },
    });
  }
  if (GBK_LDID.has(ldid)) return { used: "gbk", how: "ldid", certain: true };
  let ascii = true;
  for (let i = 0; i < sample.length; i++)
    if ((sample[i] as number) > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii) return { used: "utf-8", how: "detected", certain: true };
  let isUtf8 = true;
  try {
    UTF8.decode(sample);
  } catch {
    isUtf8 = false;
  }
  if (isUtf8) return { used: "utf-8", how: "detected", certain: !plausibleGbk(sample) };
  return { used: "gbk", how: "detected", certain: true };
}

/** Most text bytes looked at to detect the encoding. */
const SAMPLE_BYTES = 1 << 20;

function readDbf(
  bytes: Uint8Array,
  name: string,
  cpg: InputFile | undefined,
  opts: ImportOptions,
  problems: Problem[],
): DbfTable | undefined {
  const file = name;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33) {
    problems.push(fatalProblem("bad-dbf", file, { reason: "header" }));
    return undefined;
  }
  const declared = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recordLen = v.getUint16(10, true);
  const ldid = bytes[29] as number;
  if (headerLen < 33 || headerLen > bytes.length || recordLen < 1) {
    problems.push(fatalProblem("bad-dbf", file, { reason: "header" }));
    return undefined;
  }
  // Field descriptors: 32 bytes each from offset 32 up to the 0x0D terminator.
  const rawFields: { nameBytes: Uint8Array; type: string; length: number; decimals: number }[] = [];
  let offset = 1; // after the deletion flag
  for (let at = 32; at + 32 <= headerLen && bytes[at] !== 0x0d; at += 32) {
    let n = 0;
    while (n < 11 && bytes[at + n] !== 0) n++;
    const length = bytes[at + 16] as number;
    rawFields.push({
      nameBytes: bytes.subarray(at, at + n),
      type: String.fromCharCode(bytes[at + 11] as number).toUpperCase(),
      length,
      decimals: bytes[at + 17] as number,
    });
  }
  // Records actually present (a truncated file has fewer than declared).
  const present = Math.max(0, Math.floor((bytes.length - headerLen) / recordLen));
  const count = Math.min(declared, present);
  if (present < declared)
    problems.push({ severity: "warning", code: "dbf-truncated", file, params: { declared, present } });

  // Sample for detection: field names and text values of the first records.
  const chunks: Uint8Array[] = rawFields.map((f) => f.nameBytes);
  let sampled = 0;
  const textFields: { off: number; len: number }[] = [];
  {
    let o = 1;
    for (const f of rawFields) {
      if (f.type === "C") textFields.push({ off: o, len: f.length });
      o += f.length;
    }
  }
  for (let r = 0; r < count && sampled < SAMPLE_BYTES; r++) {
    const base = headerLen + r * recordLen;
    for (const t of textFields) {
      const s = bytes.subarray(base + t.off, Math.min(base + t.off + t.len, base + recordLen));
      chunks.push(s, SPACE);
      sampled += s.length + 1;
    }
  }
  const sample = concat(chunks);
  const encoding = chooseEncoding(sample, ldid, cpg, opts, problems);
  const decoder = new TextDecoder(encoding.used);

  const fields: DbfField[] = [];
  const seen = new Set<string>();
  for (const f of rawFields) {
    let fname = decoder.decode(f.nameBytes).trim();
    if (fname === "") fname = `FIELD${fields.length + 1}`;
    if (seen.has(fname)) {
      const renamed = `${fname}_${fields.length + 1}`;
      problems.push({
        severity: "warning",
        code: "dbf-duplicate-field",
        file,
        field: fname,
        params: { renamed },
      });
      fname = renamed;
    }
    seen.add(fname);
    if (!"CNFDL".includes(f.type))
      problems.push({
        severity: "info",
        code: "dbf-field-type",
        file,
        field: fname,
        params: { type: f.type },
      });
    if (offset + f.length <= recordLen)
      fields.push({ name: fname, type: f.type, offset, length: f.length, decimals: f.decimals });
    offset += f.length;
  }
  if (offset > recordLen)
    problems.push({
      severity: "warning",
      code: "dbf-fields-overflow",
      file,
      params: { recordLength: recordLen },
    });

  const row = (i: number) => {
    const base = headerLen + i * recordLen;
    const deleted = bytes[base] === 0x2a; // '*'
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      const start = base + f.offset;
      const value = fieldValue(f, bytes, start, start + f.length, decoder);
      if (f.name === "__proto__")
        Object.defineProperty(values, f.name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else values[f.name] = value;
    }
    return { deleted, values };
  };
  return { fields, count, encoding, row };
}

const SPACE = new Uint8Array([0x20]);

function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function latin(raw: Uint8Array): string {
  // One call per value (a loop adding a character at a time made 200,000 records slow, issue 8).
  return String.fromCharCode.apply(null, raw as unknown as number[]);
}

/** Are all these bytes ASCII (then every encoding read here decodes them as themselves)? */
function ascii(raw: Uint8Array): boolean {
  for (let i = 0; i < raw.length; i++) if ((raw[i] as number) >= 0x80) return false;
  return true;
}

/** Exact powers of ten up to 10^15 (literals, not `**`). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal (`-12.50`, `+3`, `.5`, `7.`) between spaces, as `Number` reads it, without
 * making a string; anything else (commas, exponents, NUL padding, more than 15 digits) is
 * `undefined`, for the general path. Exact: at most 15 digits are an integer below 2^53 and the
 * division by a power of ten up to 10^15 is correctly rounded, as `Number` of the text is.
 */
function plainDecimal(bytes: Uint8Array, start: number, end: number): number | undefined {
  let s = start;
  let e = end;
  while (s < e && bytes[s] === 0x20) s++;
  while (e > s && bytes[e - 1] === 0x20) e--;
  if (s === e) return undefined;
  let neg = false;
  if (bytes[s] === 0x2d || bytes[s] === 0x2b) {
    neg = bytes[s] === 0x2d;
    s++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (let i = s; i < e; i++) {
    const b = bytes[i] as number;
    if (b >= 0x30 && b <= 0x39) {
      m = m * 10 + (b - 0x30);
      digits++;
      if (frac >= 0) frac++;
    } else if (b === 0x2e && frac < 0) frac = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = frac > 0 ? m / (POW10[frac] as number) : m;
  return neg ? -v : v;
}

/** One DBF value: text trimmed, numbers parsed, dates as `YYYY-MM-DD`, logicals as booleans; blank → null. */
function fieldValue(
  f: DbfField,
  bytes: Uint8Array,
  start: number,
  end: number,
  decoder: TextDecoder,
): unknown {
  if (f.type === "N" || f.type === "F") {
    const n = plainDecimal(bytes, start, end);
    if (n !== undefined) return n;
  }
  const raw = bytes.subarray(start, end);
  switch (f.type) {
    case "N":
    case "F": {
      const t = latin(raw).trim();
      if (t === "" || /^\*+$/.test(t)) return null;
      const n = Number(t.replace(/,/g, "."));
      return Number.isFinite(n) ? n : t;
    }
    case "D": {
      const t = latin(raw).trim();
      if (t === "" || /^0+$/.test(t)) return null;
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
      return m ? `${m[1]}-${m[2]}-${m[3]}` : t;
    }
    case "L": {
      const t = latin(raw).trim().toUpperCase();
      if (t === "T" || t === "Y") return true;
      if (t === "F" || t === "N") return false;
      return null;
    }
    default: {
      let end = raw.length;
      while (end > 0 && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
      const text = raw.subarray(0, end);
      // ASCII (codes, ids, numbers as text): the same characters in UTF-8, GBK and Latin-1,
      // without a decoder call per value.
      const t = (text.length <= 64 && ascii(text) ? latin(text) : decoder.decode(text)).trim();
      return t === "" ? null : t;
    }
  }
}
