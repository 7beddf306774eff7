/**
 * One rule for the formats that are not read: the CLI (by file name) and the browser's dispatcher
 * (by magic bytes, extension or a zip's entries) name the same format with the same `ogr2ogr`
 * command. The commands were run with GDAL 3.6.2 on files of each format made by GDAL itself
 * (File Geodatabase with two layers, zipped too; GeoPackage; KML; DXF; MapInfo TAB and MIF): each
 * produced a Shapefile zip (one Shapefile per layer) or a GeoJSON.
 */
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { readInputFiles } from "../../../src/io/readers/index";
import { readShapefile } from "../../../src/io/readers/shapefile";
import type { InputFile } from "../../../src/io/readers/types";
import { conversionCommand, unsupportedFormat, unsupportedFormatOf } from "../../../src/io/unsupported";

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array | string): InputFile => ({
  name,
  bytes: typeof bytes === "string" ? enc(bytes) : bytes,
});
/** SQLite's and DWG's magic bytes: the dispatcher knows them without an extension. */
const SQLITE = enc("SQLite format 3\0 rest of the header");
const DWG = enc("AC1027 rest of the drawing");

/** Each format, a file name for it, and the command written by hand from GDAL's documentation. */
const CASES: [string, string, string][] = [
  [
    "filegdb",
    "宗地.gdb/a00000009.gdbtable",
    'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.gdb',
  ],
  ["filegdb", "宗地.gdb.zip", 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.gdb.zip'],
  [
    "mdb",
    "地籍 2023.mdb",
    'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 "地籍 2023.shp.zip" "地籍 2023.mdb"',
  ],
  ["gpkg", "园区.gpkg", 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 园区.shp.zip 园区.gpkg'],
  ["tab", "宗地.map", 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.tab'],
  ["tab", "宗地.mid", 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.mif'],
  ["kml", "厂址.kml", "ogr2ogr -f GeoJSON 厂址.geojson 厂址.kml"],
  ["kmz", "厂址.kmz", "ogr2ogr -f GeoJSON 厂址.geojson 厂址.kmz"],
  ["dxf", "总图.dxf", "ogr2ogr -f GeoJSON 总图.geojson 总图.dxf"],
  ["dwg", "总图.dwg", "ogr2ogr -f GeoJSON 总图.geojson 总图.dxf"],
];

describe("one table of the formats that are not read", () => {
  it.each(CASES)("%s (%s) → %s", (format, name, command) => {
    expect(unsupportedFormatOf(name)).toBe(format);
    expect(conversionCommand(format as never, name)).toBe(command);
    expect(unsupportedFormat(name)?.params?.command).toBe(command);
  });

  it("the dispatcher gives the same problem as the CLI, not fatal to the other files", async () => {
    for (const [, name] of CASES) {
      if (name.endsWith(".zip")) continue; // a zip is opened, below
      const cli = unsupportedFormat(name);
      const r = await readInputFiles([file(name, "x")], {});
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: cli?.code, file: name, params: cli?.params });
      expect(r.problems[0]?.fatal).toBeUndefined();
    }
  });

  it("recognised by magic bytes alone, the format still gets its command", async () => {
    const gpkg = await readInputFiles([file("export", SQLITE)], {});
    expect(gpkg.problems[0]?.params).toEqual({
      format: "GeoPackage (.gpkg)",
      command: 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 export.shp.zip export',
    });
    const dwg = await readInputFiles([file("总图", DWG)], {});
    expect(dwg.problems[0]).toMatchObject({ code: "unsupported-dwg" });
  });

  it("the many files of one .gdb folder or MapInfo table are named once", async () => {
    const r = await readInputFiles(
      ["a.gdb/a1.gdbtable", "a.gdb/a1.gdbtablx", "a.gdb/a1.spx", "t.tab", "t.map", "t.id", "t.dat"].map((n) =>
        file(n, "x"),
      ),
      {},
    );
    expect(r.problems.map((p) => p.params?.command)).toEqual([
      'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 a.shp.zip a.gdb',
      'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 t.shp.zip t.tab',
    ]);
  });

  it("a zip that holds a File Geodatabase instead of a Shapefile names it and its folder", () => {
    const zip = zipSync({ "宗地.gdb/a00000001.gdbtable": enc("x"), "宗地.gdb/timestamps": enc("x") });
    const [set] = readShapefile([file("数据.zip", zip)], {});
    expect(set?.problems).toEqual([
      {
        severity: "error",
        code: "unsupported-in-zip",
        fatal: true,
        file: "数据.zip",
        params: {
          format: "File Geodatabase (.gdb)",
          entry: "宗地.gdb",
          command: 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 宗地.shp.zip 宗地.gdb',
        },
      },
    ]);
    const plain = readShapefile([file("空.zip", zipSync({ "说明.txt": enc("x") }))], {});
    expect(plain[0]?.problems.map((p) => p.code)).toEqual(["no-shapefile"]);
  });

  it("messages name the format and the command in both languages, never a flag of this tool", () => {
    const problems = [
      ...CASES.map(([, name]) => unsupportedFormat(name)),
      readShapefile([file("d.zip", zipSync({ "x.gdb/a1.gdbtable": enc("x") }))], {})[0]?.problems[0],
    ];
    for (const p of problems) {
      for (const lang of ["zh", "en"] as const) {
        const text = formatProblem(p!, lang, "browser");
        expect(text).toContain(String(p?.params?.format));
        expect(text).toContain(String(p?.params?.command));
        expect(text).not.toMatch(/--[a-z]/);
        expect(text).not.toMatch(/\{[a-z]+\}/);
      }
    }
    expect(unsupportedFormatOf("宗地.zip")).toBeUndefined();
    expect(unsupportedFormatOf("数据.dat")).toBeUndefined();
  });
});
