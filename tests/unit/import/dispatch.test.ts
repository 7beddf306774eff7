import { describe, expect, it } from "vitest";
import { decodeImportBundle, encodeImportBundle } from "../../../src/io/import-bundle";
import { classifyFile, groupInputFiles, readInputFiles } from "../../../src/io/readers/index";
import type { InputFile } from "../../../src/io/readers/types";
import { conversionCommand } from "../../../src/io/unsupported";

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array | string): InputFile => ({
  name,
  bytes: typeof bytes === "string" ? enc(s(bytes)) : bytes,
});
const s = (x: string) => x;
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
const SHP = new Uint8Array([0x00, 0x00, 0x27, 0x0a, ...new Array(96).fill(0)]);
/** A zip whose first entry is `name` (local header: the name length at byte 26, the name at 30). */
function zipWithFirst(name: string): Uint8Array {
  const n = enc(name);
  const b = new Uint8Array(30 + n.length);
  b.set([0x50, 0x4b, 0x03, 0x04]);
  b[26] = n.length;
  b.set(n, 30);
  return b;
}
const POLY = '{"type":"Polygon","coordinates":[[[109.7,30.6],[109.701,30.6],[109.701,30.601],[109.7,30.6]]]}';

describe("classifyFile: magic bytes first, then the extension, then the first byte", () => {
  it("a zip by its signature, whatever its name", () => {
    expect(classifyFile(file("宗地数据", ZIP))).toEqual({ kind: "zip" });
    expect(classifyFile(file("parcels.ZIP", ZIP))).toEqual({ kind: "zip" });
  });
  it("an XLSX and a KMZ are zips too, told apart by name or first entry", () => {
    expect(classifyFile(file("figures.xlsx", ZIP))).toEqual({ kind: "xlsx" });
    expect(classifyFile(file("figures", zipWithFirst("[Content_Types].xml")))).toEqual({ kind: "xlsx" });
    expect(classifyFile(file("sites", zipWithFirst("doc.kml")))).toEqual({
      kind: "unsupported",
      format: "kmz",
    });
  });
  it("a .shp by its file code 9994 even without the extension; parts by extension, any case", () => {
    expect(classifyFile(file("宗地.SHP", SHP))).toEqual({ kind: "shapefile-part", base: "宗地" });
    expect(classifyFile(file("宗地.dbf", new Uint8Array([3, 1, 2])))).toEqual({
      kind: "shapefile-part",
      base: "宗地",
    });
    expect(classifyFile(file("宗地.shp.xml", "<x/>"))).toEqual({ kind: "shapefile-part", base: "宗地" });
    expect(classifyFile(file("noext", SHP)).kind).toBe("shapefile-part");
  });
  it("JSON by extension or by a leading { or [ (after a BOM and blanks)", () => {
    expect(classifyFile(file("a.geojson", POLY))).toEqual({ kind: "geojson" });
    expect(classifyFile(file("export", `\uFEFF \n${POLY}`))).toEqual({ kind: "geojson" });
    expect(classifyFile(file("a.csv", "宗地编号,面积\n"))).toEqual({ kind: "csv" });
  });
  it("formats that are not read are named", () => {
    const kinds = [
      "a.gdb/a00000001.gdbtable",
      "a.mdb",
      "a.dwg",
      "a.dxf",
      "a.kml",
      "a.kmz",
      "a.tab",
      "a.gpkg",
    ].map((n) => classifyFile(file(n, "x")));
    expect(kinds.map((k) => (k.kind === "unsupported" ? k.format : k.kind))).toEqual([
      "filegdb",
      "mdb",
      "dwg",
      "dxf",
      "kml",
      "kmz",
      "tab",
      "gpkg",
    ]);
    expect(classifyFile(file("x.bin", enc("SQLite format 3\0...")))).toEqual({
      kind: "unsupported",
      format: "gpkg",
    });
    expect(classifyFile(file("x.bin", enc("AC1027....")))).toEqual({ kind: "unsupported", format: "dwg" });
    expect(classifyFile(file("x.bin", enc("hello")))).toEqual({ kind: "unsupported", format: "unknown" });
  });
});

describe("groupInputFiles", () => {
  it("groups the loose parts of each Shapefile by base name, and names a File Geodatabase once", () => {
    const g = groupInputFiles([
      file("宗地.shp", SHP),
      file("宗地.dbf", new Uint8Array([3])),
      file("道路.shp", SHP),
      file("宗地.prj", 'PROJCS["x"]'),
      file("宗地.cpg", "GBK"),
      file("a.gdb/a1.gdbtable", "x"),
      file("a.gdb/a1.gdbtablx", "x"),
      file("b.geojson", POLY),
    ]);
    expect(g.groups.map((x) => [x.format, x.files.map((f) => f.name)])).toEqual([
      ["shapefile", ["宗地.shp", "宗地.dbf", "宗地.prj", "宗地.cpg"]],
      ["shapefile", ["道路.shp"]],
      ["geojson", ["b.geojson"]],
    ]);
    expect(g.problems).toHaveLength(1);
    expect(g.problems[0]).toMatchObject({
      code: "unsupported-format",
      params: { format: "File Geodatabase (.gdb)" },
    });
    expect(String(g.problems[0]?.params?.command)).toBe(
      'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 a.shp.zip a.gdb',
    );
  });
  it("the ogr2ogr command quotes names and asks for DXF first for a DWG", () => {
    expect(conversionCommand("dwg", "总图 $1.dwg")).toBe(
      'ogr2ogr -f GeoJSON "总图 \\$1.geojson" "总图 \\$1.dxf"',
    );
    expect(conversionCommand("kml", 'a"b.kml')).toBe('ogr2ogr -f GeoJSON "a\\"b.geojson" "a\\"b.kml"');
  });
});

describe("readInputFiles", () => {
  it("reads a GeoJSON through its reader, names what it cannot read, never throws", async () => {
    const r = await readInputFiles([file("p.geojson", POLY), file("cad.dwg", "AC1027")], {});
    expect(r.sets).toHaveLength(1);
    expect(r.sets[0]).toMatchObject({ file: "p.geojson", format: "geojson" });
    expect(r.sets[0]?.features).toHaveLength(1);
    expect(r.problems.map((p) => p.code)).toEqual(["unsupported-dwg"]);
    expect((await readInputFiles([], {})).problems.map((p) => p.code)).toEqual(["no-files"]);
  });
});

describe("import bundle", () => {
  it("gives back the same files and choices", () => {
    const src = {
      files: [file("宗地.shp", SHP), file("宗地.dbf", new Uint8Array([1, 2, 3]))],
      options: { encoding: "gbk" as const, crs: "EPSG:4546" },
      join: { file: "f.xlsx", tableField: "宗地号", featureField: "ZDDM" },
    };
    const back = decodeImportBundle(encodeImportBundle(src));
    expect(back?.options).toEqual(src.options);
    expect(back?.join).toEqual(src.join);
    expect(back?.files.map((f) => [f.name, [...f.bytes]])).toEqual(
      src.files.map((f) => [f.name, [...f.bytes]]),
    );
    expect(encodeImportBundle(src)).toEqual(encodeImportBundle(src));
  });
  it("a cut-off bundle or other bytes are not a bundle", () => {
    const b = encodeImportBundle({ files: [file("a.geojson", POLY)], options: {} });
    expect(decodeImportBundle(b.subarray(0, b.length - 5))).toBeNull();
    expect(decodeImportBundle(enc(POLY))).toBeNull();
  });
});
