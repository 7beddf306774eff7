/**
 * Analysis results → a zipped ESRI Shapefile, so results go back into the bureau's GIS (issue 8,
 * "Writing back"). The zip holds `<base>.shp/.shx` (Polygon, type 5: outer rings clockwise,
 * holes counter-clockwise, a MultiPolygon's parts as the rings of one record), `<base>.dbf`
 * (text in GBK by default, with a `.cpg` saying so; numbers `N` with the decimals of their unit,
 * text `C`, dates `D`, yes/no `L`), `<base>.prj` (Esri WKT, when the CRS has one), a field legend
 * `<base>_fields.csv` (the ≤ 10-byte DBF name → Chinese and English name, unit), and
 * `README.txt`. Coordinates in lon/lat (EPSG:4326, 8 decimals) or the source CRS (metres, 3).
 *
 * DBF field names are ASCII codes of at most 10 bytes (ZDBH 宗地编号, TXMJ 图形面积 …), unique,
 * which ArcGIS and QGIS accept whatever their encoding settings. A synthetic dataset gets a first
 * field `SJXZ` = 合成示例数据 in every record, and the README says so.
 */
import { zipSync } from "fflate";
import type { MultiPolygon, Polygon, Position } from "geojson";
import {
  COMPUTED_FIELDS,
  DBF_NAMES,
  exportDecimals,
  type FieldInfo,
  INPUT_FIELDS,
  UNIT_TEXT,
} from "../domain/fields";
import type { AnalysedParcel, AnalysisResult } from "../domain/types";
import { AREA_BASIS_LABEL } from "../domain/vocabulary";
import { encodeGbk } from "./gbk";
import { outCoords, outGeometry } from "./out-coords";
import { esriPrj } from "./prj";
import type { Problem } from "./types";

export interface WriteShapefileOptions {
  /** Output CRS: the source CRS (an `EPSG:` code or proj4 string) or `EPSG:4326` (default). */
  outCrs?: string;
  /** Text encoding of the `.dbf` (default GBK, what the bureau's GIS expects). */
  encoding?: "gbk" | "utf-8";
  /** File name of the layer inside the zip (default `parcels`). */
  baseName?: string;
  /** A synthetic dataset: the `SJXZ` field's value and the README's notice. */
  synthetic?: { cell: string; notice: string };
  /** The README's text about the files (the caller's language). */
  readme: string;
}

type Kind = "C" | "N" | "D" | "L";
interface Column {
  name: string;
  zh: string;
  en: string;
  unit: string;
  kind: Kind;
  length: number;
  decimals: number;
  value: (p: AnalysedParcel) => unknown;
}

const N_LENGTH = 19;

/** ASCII name of at most 10 bytes for a property outside the schema, unique among `used`. */
function uniqueName(wanted: string, used: Set<string>): string {
  let base = wanted
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, "")
    .slice(0, 10);
  if (base === "" || /^[0-9_]/.test(base)) base = `F${base}`.slice(0, 10);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 10 - String(n).length - 1)}_${n}`;
  used.add(name);
  return name;
}

/** A field's name in the DBF's encoding. */
function nameBytes(name: string, encoding: "gbk" | "utf-8"): Uint8Array {
  return encoding === "gbk" ? encodeGbk(name).bytes : new TextEncoder().encode(name);
}

/**
 * A property outside the schema keeps its own name when it fits the DBF (≤ 10 bytes in the DBF's
 * encoding — 5 Chinese characters in GBK —, encodable, no control characters or spaces) and is
 * not taken (case-insensitively, as the GIS compare).
 */
function ownName(name: string, used: Set<string>, encoding: "gbk" | "utf-8"): string | undefined {
  if (!/^[^\s\p{Cc}]+$/u.test(name) || /^[0-9_]/.test(name)) return undefined;
  if (encoding === "gbk" && encodeGbk(name).unencodable > 0) return undefined;
  if (nameBytes(name, encoding).length > 10 || used.has(name.toUpperCase())) return undefined;
  used.add(name.toUpperCase());
  return name;
}

function unitText(f: FieldInfo): string {
  if (f.unit === "ratio") return "0–1";
  const u = UNIT_TEXT[f.unit];
  return u ? `${u.zh} / ${u.en}` : "";
}

function schemaColumn(f: FieldInfo, used: Set<string>, get: (p: AnalysedParcel) => unknown): Column {
  const name = uniqueName(DBF_NAMES[f.key] ?? f.key, used);
  const base = { name, zh: f.zh, en: f.en, unit: unitText(f), value: get, length: 1, decimals: 0 };
  if (f.kind === "number" || f.kind === "integer") {
    // ratios are written as stored (0–1), so two more decimals than their percent
    const d = exportDecimals(f) + (f.unit === "ratio" ? 2 : 0);
    return { ...base, kind: "N", length: N_LENGTH, decimals: d };
  }
  if (f.kind === "date") return { ...base, kind: "D", length: 8 };
  if (f.kind === "boolean") return { ...base, kind: "L", length: 1 };
  return { ...base, kind: "C" };
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(String).join(";");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Signed area of a ring (shoelace; > 0 counter-clockwise with y up). */
function signedArea(r: Position[]): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a = r[j] as Position;
    const b = r[i] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s / 2;
}

/** The rings of one record: outer rings clockwise, holes counter-clockwise (the Shapefile rule). */
function shapeRings(g: Polygon | MultiPolygon): Position[][] {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const rings: Position[][] = [];
  for (const poly of polys) {
    poly.forEach((ring, k) => {
      if (ring.length === 0) return;
      const ccw = signedArea(ring) > 0;
      const wantCcw = k > 0;
      rings.push(ccw === wantCcw ? ring : [...ring].reverse());
    });
  }
  return rings;
}

interface Bytes {
  buf: Uint8Array;
  view: DataView;
}
const alloc = (n: number): Bytes => {
  const buf = new Uint8Array(n);
  return { buf, view: new DataView(buf.buffer) };
};

function shpHeader(b: Bytes, lengthBytes: number, box: number[]): void {
  b.view.setInt32(0, 9994, false);
  b.view.setInt32(24, lengthBytes / 2, false);
  b.view.setInt32(28, 1000, true);
  b.view.setInt32(32, 5, true);
  for (let i = 0; i < 4; i++) b.view.setFloat64(36 + i * 8, box[i] as number, true);
}

/** The `.shp` and `.shx` of the rings of each record (an empty list: a null shape). */
function writeShp(records: Position[][][]): { shp: Uint8Array; shx: Uint8Array } {
  const sizes = records.map((rings) => {
    if (rings.length === 0) return 4;
    const points = rings.reduce((n, r) => n + r.length, 0);
    return 44 + 4 * rings.length + 16 * points;
  });
  const total = 100 + sizes.reduce((n, s) => n + 8 + s, 0);
  const shp = alloc(total);
  const shx = alloc(100 + 8 * records.length);
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  let at = 100;
  records.forEach((rings, i) => {
    const size = sizes[i] as number;
    shx.view.setInt32(100 + 8 * i, at / 2, false);
    shx.view.setInt32(104 + 8 * i, size / 2, false);
    shp.view.setInt32(at, i + 1, false);
    shp.view.setInt32(at + 4, size / 2, false);
    const c = at + 8;
    if (rings.length === 0) shp.view.setInt32(c, 0, true);
    else {
      const rb = [Infinity, Infinity, -Infinity, -Infinity];
      for (const r of rings)
        for (const p of r) {
          const x = p[0] as number;
          const y = p[1] as number;
          if (x < (rb[0] as number)) rb[0] = x;
          if (y < (rb[1] as number)) rb[1] = y;
          if (x > (rb[2] as number)) rb[2] = x;
          if (y > (rb[3] as number)) rb[3] = y;
        }
      shp.view.setInt32(c, 5, true);
      for (let k = 0; k < 4; k++) {
        shp.view.setFloat64(c + 4 + k * 8, rb[k] as number, true);
        box[k] =
          k < 2 ? Math.min(box[k] as number, rb[k] as number) : Math.max(box[k] as number, rb[k] as number);
      }
      shp.view.setInt32(c + 36, rings.length, true);
      shp.view.setInt32(c + 40, sizes[i] === 4 ? 0 : (size - 44 - 4 * rings.length) / 16, true);
      let part = c + 44;
      let pt = c + 44 + 4 * rings.length;
      let start = 0;
      for (const r of rings) {
        shp.view.setInt32(part, start, true);
        part += 4;
        start += r.length;
        for (const p of r) {
          shp.view.setFloat64(pt, p[0] as number, true);
          shp.view.setFloat64(pt + 8, p[1] as number, true);
          pt += 16;
        }
      }
    }
    at += 8 + size;
  });
  const fileBox = Number.isFinite(box[0]) ? box : [0, 0, 0, 0];
  shpHeader(shp, total, fileBox);
  shpHeader(shx, 100 + 8 * records.length, fileBox);
  return { shp: shp.buf, shx: shx.buf };
}

/** The `.dbf` (dBase III): header, field descriptors, records, end mark. */
function writeDbf(
  columns: Column[],
  cells: Uint8Array[][],
  encoding: "gbk" | "utf-8",
  today: Date,
): Uint8Array {
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((n, c) => n + c.length, 0);
  const b = alloc(headerLength + recordLength * cells.length + 1);
  b.buf[0] = 0x03;
  b.buf[1] = today.getUTCFullYear() - 1900;
  b.buf[2] = today.getUTCMonth() + 1;
  b.buf[3] = today.getUTCDate();
  b.view.setUint32(4, cells.length, true);
  b.view.setUint16(8, headerLength, true);
  b.view.setUint16(10, recordLength, true);
  b.buf[29] = encoding === "gbk" ? 0x4d : 0x00; // language driver: 0x4D = cp936
  columns.forEach((c, i) => {
    const at = 32 + 32 * i;
    b.buf.set(nameBytes(c.name, encoding), at);
    b.buf[at + 11] = c.kind.charCodeAt(0);
    b.buf[at + 16] = c.length;
    b.buf[at + 17] = c.decimals;
  });
  b.buf[headerLength - 1] = 0x0d;
  let at = headerLength;
  for (const row of cells) {
    b.buf.fill(0x20, at, at + recordLength);
    let k = at + 1;
    row.forEach((cell, i) => {
      b.buf.set(cell, k);
      k += (columns[i] as Column).length;
    });
    at += recordLength;
  }
  b.buf[at] = 0x1a;
  return b.buf;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** One cell's bytes (at most the column's length; numbers right-aligned). */
function cellBytes(c: Column, v: unknown, encode: (s: string) => Uint8Array): Uint8Array {
  if (v === null || v === undefined || v === "") return new Uint8Array(0);
  switch (c.kind) {
    case "N": {
      if (typeof v !== "number" || !Number.isFinite(v)) return new Uint8Array(0);
      const t = v.toFixed(c.decimals);
      return ascii(t.length > c.length ? "" : t.padStart(c.length, " "));
    }
    case "D":
      return ascii(typeof v === "string" ? v.replace(/-/g, "").slice(0, 8) : "");
    case "L":
      return ascii(v === true ? "T" : v === false ? "F" : "?");
    default:
      return encode(textOf(v));
  }
}

/** Cut text bytes to `max` without splitting a GBK / UTF-8 character. */
function cut(bytes: Uint8Array, max: number, encoding: "gbk" | "utf-8"): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const n = encoding === "gbk" ? (b >= 0x81 ? 2 : 1) : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (i + n > max) break;
    i += n;
    end = i;
  }
  return bytes.slice(0, end);
}

/** The field legend: one row per DBF field (UTF-8 with BOM, for Excel and WPS). */
function legendCsv(columns: Column[]): string {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["字段 Field,中文名称,English name,单位 Unit,类型 Type"];
  for (const c of columns) {
    const type = c.kind === "N" ? `N(${c.length},${c.decimals})` : `${c.kind}(${c.length})`;
    lines.push([c.name, c.zh, c.en, c.unit, type].map(q).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The columns of a result: SJXZ (synthetic), inputs, area basis after 亩, extras, computed. */
function columnsOf(result: AnalysisResult, opts: WriteShapefileOptions): Column[] {
  const encoding = opts.encoding ?? "gbk";
  const used = new Set<string>();
  const cols: Column[] = [];
  if (opts.synthetic) {
    const cell = opts.synthetic.cell;
    used.add("SJXZ");
    cols.push({
      name: "SJXZ",
      zh: "数据性质",
      en: "Data",
      unit: "",
      kind: "C",
      length: 1,
      decimals: 0,
      value: () => cell,
    });
  }
  for (const f of INPUT_FIELDS)
    cols.push(schemaColumn(f, used, (p) => (p.input as unknown as Record<string, unknown>)[f.key]));
  const extraKeys: string[] = [];
  const seen = new Set<string>();
  for (const p of result.parcels)
    for (const k of Object.keys(p.extra))
      if (!seen.has(k)) {
        seen.add(k);
        extraKeys.push(k);
      }
  for (const k of extraKeys) {
    const values = result.parcels.map((p) => p.extra[k]).filter((v) => v !== null && v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === "number" && Number.isFinite(v));
    const decimals = numeric
      ? Math.min(
          15,
          Math.max(0, ...values.map((v) => (String(v).split(".")[1] ?? "").replace(/e.*/, "").length)),
        )
      : 0;
    const get = (p: AnalysedParcel) => (Object.hasOwn(p.extra, k) ? p.extra[k] : undefined);
    cols.push({
      name: ownName(k, used, encoding) ?? uniqueName(k, used),
      zh: k,
      en: k,
      unit: "",
      kind: numeric ? "N" : "C",
      length: numeric ? N_LENGTH : 1,
      decimals,
      value: get,
    });
  }
  for (const f of COMPUTED_FIELDS) {
    cols.push(schemaColumn(f, used, (p) => (p.computed as unknown as Record<string, unknown>)[f.key]));
    if (f.key === "areaMu")
      cols.push({
        name: uniqueName(DBF_NAMES.areaBasis as string, used),
        zh: AREA_BASIS_LABEL.zh,
        en: AREA_BASIS_LABEL.en,
        unit: "",
        kind: "C",
        length: 1,
        decimals: 0,
        value: (p) => p.areaBasis,
      });
  }
  return cols;
}

/**
 * Write an analysis result as a zipped Shapefile.
 *
 * @returns the zip's bytes, and warnings: `shp-text-unencodable` (a character the encoding
 *   lacks, written `?`), `shp-text-truncated` (text over 254 bytes, cut), naming parcel and field
 * @example writeShapefileZip(result, { outCrs: "EPSG:4546", readme: "…" }).bytes // Uint8Array [0x50, 0x4b, …]
 */
export function writeShapefileZip(
  result: AnalysisResult,
  opts: WriteShapefileOptions,
  today: Date = new Date(),
): { bytes: Uint8Array; problems: Problem[] } {
  const encoding = opts.encoding ?? "gbk";
  const base = opts.baseName ?? "parcels";
  const oc = outCoords(opts.outCrs);
  const problems: Problem[] = [];
  const columns = columnsOf(result, opts);
  const utf8 = new TextEncoder();
  const cells: Uint8Array[][] = [];
  const records: Position[][][] = [];
  for (const p of result.parcels) {
    let lost = 0;
    const row = columns.map((c) => {
      const bytes = cellBytes(c, c.value(p), (s) => {
        if (encoding === "utf-8") return utf8.encode(s);
        const r = encodeGbk(s);
        lost += r.unencodable;
        return r.bytes;
      });
      return bytes;
    });
    if (lost > 0)
      problems.push({
        severity: "warning",
        code: "shp-text-unencodable",
        featureId: p.input.id,
        params: { count: lost },
      });
    cells.push(row);
    records.push(p.geometry.coordinates.length === 0 ? [] : shapeRings(outGeometry(p.geometry, oc)));
  }
  // Text widths: the longest value, 1–254 bytes.
  columns.forEach((c, i) => {
    if (c.kind !== "C") return;
    let w = 1;
    for (const row of cells) w = Math.max(w, (row[i] as Uint8Array).length);
    c.length = Math.min(254, w);
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r] as Uint8Array[];
      if ((row[i] as Uint8Array).length > 254) {
        row[i] = cut(row[i] as Uint8Array, 254, encoding);
        const id = (result.parcels[r] as AnalysedParcel).input.id;
        problems.push({
          severity: "warning",
          code: "shp-text-truncated",
          featureId: id,
          field: c.zh,
          params: { field: c.name },
        });
      }
    }
  });
  const { shp, shx } = writeShp(records);
  const files: Record<string, Uint8Array> = {
    [`${base}.shp`]: shp,
    [`${base}.shx`]: shx,
    [`${base}.dbf`]: writeDbf(columns, cells, encoding, today),
    [`${base}.cpg`]: ascii(encoding === "gbk" ? "GBK" : "UTF-8"),
  };
  const prj = esriPrj(oc.crs);
  if (prj) files[`${base}.prj`] = ascii(prj);
  files[`${base}_fields.csv`] = utf8.encode(legendCsv(columns));
  const readme = opts.synthetic ? `${opts.synthetic.notice}\r\n\r\n${opts.readme}` : opts.readme;
  files["README.txt"] = utf8.encode(`\uFEFF${readme.replace(/\r?\n/g, "\r\n")}\r\n`);
  return { bytes: zipSync(files, { level: 6 }), problems };
}
