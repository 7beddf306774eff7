/**
 * The Shapefile reader and zip handling, on fixtures made by GDAL (tests/fixtures/shapefile/make.sh)
 * with the areas GDAL/PROJ computed for them (expected.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { prepareParcels } from "../../../src/io/prepare";
import { readShapefile } from "../../../src/io/readers/shapefile";
import type { InputFile } from "../../../src/io/readers/types";
import { unsupportedFormat } from "../../../src/io/unsupported";
import { unzip } from "../../../src/io/zip";

const DIR = join(__dirname, "../../fixtures/shapefile");
const ROOT = join(__dirname, "../../..");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<string, number[]>;
const zipFile = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
const sample = JSON.parse(readFileSync(join(ROOT, "geodata/parcels.geojson"), "utf8")) as {
  features: { properties: { id: string; name: string; landAreaM2: number } }[];
};
const opts = { analysisCrs: "EPSG:4546" };
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);
/** The parts of a fixture zip, as loose files. */
const parts = (name: string) => unzip(zipFile(name).bytes, name).files;

describe("zipped Shapefiles in each CRS (areas against GDAL/PROJ)", () => {
  it.each([
    ["4546-gbk-cpg.zip", "EPSG:4546", "cpg", "gbk"],
    ["4525-utf8-nocpg.zip", "EPSG:4525", "detected", "utf-8"],
    ["xian80-2382-ldid.zip", "EPSG:2382", "ldid", "gbk"],
  ] as const)("%s: CRS %s from the .prj, encoding by %s (%s)", (name, crs, how, used) => {
    const sets = readShapefile([zipFile(name)], {});
    expect(sets).toHaveLength(1);
    const raw = sets[0]!;
    expect(raw.file).toBe(`${name}/宗地.shp`); // GBK (or UTF-8) entry name decoded
    expect(raw.crs).toMatchObject({ spec: crs, how: "prj" });
    expect(raw.encoding).toMatchObject({ used, how });
    expect(raw.fields).toEqual(["宗地号", "MC", "DLBM", "TBMJ", "投资额", "GDRQ", "已建"]);
    const r = prepareParcels(raw, opts);
    expect(r.ok).toBe(true);
    expect(r.crs).toMatchObject({ crs, how: "prj" });
    expect(r.parcels.map((p) => p.input.id)).toEqual(sample.features.slice(0, 4).map((f) => f.properties.id));
    // Chinese text never garbled
    expect(r.parcels.map((p) => p.input.name)).toEqual(
      sample.features.slice(0, 4).map((f) => f.properties.name),
    );
    expect(r.parcels[0]?.input.landAreaM2).toBe(sample.features[0]?.properties.landAreaM2); // TBMJ alias
    // GDAL wrote GDRQ as a DBF date (D → ISO) and 已建 as a number; GDRQ (供地日期) is the
    // supply date's DBF name (DBF_NAMES, as the Shapefile export writes it)
    expect(r.parcels[0]?.input.supplyDate).toBe("2019-06-30");
    expect(r.parcels[0]?.extra).toMatchObject({ 已建: 1 });
    r.parcels.forEach((p, i) => {
      expect(Math.abs(p.areaM2 - (expected[crs]?.[i] as number))).toBeLessThan(1e-4);
      expect(p.areaBasis).toBe(`${crs} planar`);
    });
    expect(r.problems.find((p) => p.code === "area-basis")?.params).toMatchObject({
      basis: `${crs} planar`,
      how: "own-crs",
    });
  });

  it("Xi'an 1980: measured in its own CRS, with the no-datum-shift warning", () => {
    const r = prepareParcels(readShapefile([zipFile("xian80-2382-ldid.zip")], {})[0]!, opts);
    const w = r.problems.find((p) => p.code === "crs-no-datum-shift");
    expect(w).toMatchObject({ severity: "warning", params: { crs: "EPSG:2382", datum: "xian1980" } });
    expect(formatProblem(w!, "zh")).toContain("西安 1980");
    expect(formatProblem(w!, "en")).toContain("areas are unaffected");
  });

  it("the same parcels given as lon/lat are measured in the analysis CRS, as GDAL does", () => {
    const text = readFileSync(join(ROOT, "geodata/parcels.geojson"), "utf8");
    const r = readParcelsGeoJson(text, opts);
    r.parcels.slice(0, 4).forEach((p, i) => {
      expect(Math.abs(p.areaM2 - (expected["lonlat-in-EPSG:4546"]?.[i] as number))).toBeLessThan(0.01);
      expect(p.areaBasis).toBe("EPSG:4546 planar");
    });
  });

  it("no .prj and no .cpg: CRS assumed (the analysis zone) and GBK detected from the bytes", () => {
    const raw = readShapefile([zipFile("4546-noprj.zip")], {})[0]!;
    expect(raw.crs).toBeUndefined();
    expect(raw.encoding).toMatchObject({ used: "gbk", how: "detected" });
    expect(codes(raw.problems)).toContain("missing-prj");
    const r = prepareParcels(raw, opts);
    expect(codes(r.problems)).toContain("crs-assumed");
    expect(r.parcels[0]?.input.name).toBe(sample.features[0]?.properties.name);
  });

  it("--encoding overrides the .cpg (and says so)", () => {
    const raw = readShapefile([zipFile("4546-gbk-cpg.zip")], { encoding: "utf-8" })[0]!;
    expect(raw.encoding).toEqual({ used: "utf-8", how: "option", certain: true });
  });

  it("a MultiPolygon whose parts overlap: one warning and the area of the union (GDAL: 15,000 m²)", () => {
    const r = prepareParcels(readShapefile([zipFile("overlap.zip")], {})[0]!, opts);
    expect(r.parcels[0]?.areaM2).toBeCloseTo(expected["overlap-union"]?.[0] as number, 3);
    const w = r.problems.filter((p) => p.code === "multipolygon-overlap");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ featureIndex: 0, params: { parts: 20000, union: 15000 } });
  });
});

describe("loose parts, missing parts, disagreeing counts", () => {
  it("reads the loose parts chosen together, like the zip", () => {
    const sets = readShapefile(parts("4546-gbk-cpg.zip"), {});
    expect(sets.map((s) => s.file)).toEqual(["宗地.shp"]);
    expect(sets[0]?.features).toHaveLength(4);
  });

  it("several shapefiles in one zip: one set each", () => {
    const a = parts("4546-gbk-cpg.zip");
    const b = parts("overlap.zip");
    const both = zipSync(
      Object.fromEntries([...a.map((f) => [`a/${f.name}`, f.bytes]), ...b.map((f) => [f.name, f.bytes])]),
    );
    const sets = readShapefile([{ name: "both.zip", bytes: both }], {});
    expect(sets.map((s) => s.file).sort()).toEqual(["both.zip/a/宗地.shp", "both.zip/overlap.shp"]);
  });

  it("without the .dbf: shapes without attributes, said; without the .shp: fatal", () => {
    const noDbf = parts("4546-gbk-cpg.zip").filter((f) => !f.name.endsWith(".dbf"));
    const s = readShapefile(noDbf, {})[0]!;
    expect(codes(s.problems)).toContain("missing-dbf");
    expect(prepareParcels(s, opts).parcels).toHaveLength(4);
    const noShp = parts("4546-gbk-cpg.zip").filter((f) => !f.name.endsWith(".shp"));
    const t = readShapefile(noShp, {})[0]!;
    expect(t.problems.find((p) => p.fatal)?.code).toBe("missing-shp");
    expect(prepareParcels(t, opts).ok).toBe(false);
  });

  it("a .dbf with fewer records than the .shp: the counts named, shapes kept", () => {
    const files = parts("4546-gbk-cpg.zip").map((f) => {
      if (!f.name.endsWith(".dbf")) return f;
      const b = f.bytes.slice();
      new DataView(b.buffer).setUint32(4, 3, true);
      return { ...f, bytes: b };
    });
    const s = readShapefile(files, {})[0]!;
    expect(s.problems.find((p) => p.code === "shapefile-count-mismatch")?.params).toEqual({
      shp: 4,
      shx: 4,
      dbf: 3,
    });
    expect(s.features).toHaveLength(4);
    expect(s.features[3]?.properties).toEqual({});
  });

  it("a null shape and a point layer are named", () => {
    const files = parts("4546-gbk-cpg.zip").map((f) => {
      if (!f.name.endsWith(".shp")) return f;
      const b = f.bytes.slice();
      new DataView(b.buffer).setInt32(108, 0, true); // first record's shape type → Null
      return { ...f, bytes: b };
    });
    const s = readShapefile(files, {})[0]!;
    expect(s.problems.find((p) => p.code === "null-shape")).toMatchObject({ featureIndex: 0 });
    const r = prepareParcels(s, opts);
    expect(r.parcels).toHaveLength(3);
    expect(r.parcels[0]?.input.id).toBe(sample.features[1]?.properties.id);
    const point = files.map((f) => {
      if (!f.name.endsWith(".shp")) return f;
      const b = f.bytes.slice();
      new DataView(b.buffer).setInt32(32, 1, true);
      return { ...f, bytes: b };
    });
    const p = readShapefile(point, {})[0]!;
    expect(p.problems.find((x) => x.fatal)).toMatchObject({
      code: "not-polygon-layer",
      params: { type: "Point" },
    });
  });
});

describe("DBF numbers", () => {
  /** The fixture's first numeric field (name, offset in the record, width) and the DBF layout. */
  function numericField(dbf: Uint8Array) {
    const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
    const headerLen = v.getUint16(8, true);
    const recordLen = v.getUint16(10, true);
    let offset = 1;
    for (let at = 32; dbf[at] !== 0x0d; at += 32) {
      const name = String.fromCharCode(...dbf.subarray(at, at + 11)).replace(/\0.*$/, "");
      const type = String.fromCharCode(dbf[at + 11] as number);
      const width = dbf[at + 16] as number;
      if (type === "N" && width >= 10) return { name, offset, width, headerLen, recordLen };
      offset += width;
    }
    throw new Error("no numeric field");
  }

  it("read as Number reads the text: plain decimals fast, everything else as before", () => {
    const texts = [
      "-0",
      "+5",
      "5.",
      ".5",
      "0.1",
      "1e3",
      "1,5",
      "0x1F",
      "***",
      "  ",
      "12\0",
      "-.",
      "9007199254",
    ];
    const dbfOf = () => parts("4546-gbk-cpg.zip").find((f) => f.name.endsWith(".dbf")) as InputFile;
    const field = numericField(dbfOf().bytes);
    for (let k = 0; k < texts.length; k += 4) {
      const batch = texts.slice(k, k + 4);
      const files = parts("4546-gbk-cpg.zip").map((f) => {
        if (!f.name.endsWith(".dbf")) return f;
        const b = f.bytes.slice();
        batch.forEach((t, r) => {
          const at = field.headerLen + r * field.recordLen + field.offset;
          const cell = t.padStart(field.width, " ");
          for (let i = 0; i < cell.length; i++) b[at + i] = cell.charCodeAt(i);
        });
        return { ...f, bytes: b };
      });
      const s = readShapefile(files, {})[0]!;
      batch.forEach((t, r) => {
        const trimmed = t.trim();
        const n = Number(trimmed.replace(/,/g, "."));
        const want = trimmed === "" || /^\*+$/.test(trimmed) ? null : Number.isFinite(n) ? n : trimmed;
        expect(Object.is(s.features[r]?.properties[field.name], want), JSON.stringify(t)).toBe(true);
      });
    }
  });
});

describe("zip archives", () => {
  it("a malformed zip is one clear problem", () => {
    const r = unzip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "bad.zip");
    expect(r.files).toEqual([]);
    expect(r.problems).toEqual([
      { severity: "error", code: "bad-zip", fatal: true, file: "bad.zip", params: { reason: "corrupt" } },
    ]);
    expect(formatProblem(r.problems[0]!, "zh")).toBe(
      "bad.zip：不是有效的 zip 压缩包（文件损坏或不完整），无法读取",
    );
  });

  it("refuses a zip bomb by its compression ratio, before inflating it", () => {
    const bomb = zipSync({ "a.dbf": new Uint8Array(4 << 20) }, { level: 9 });
    const r = unzip(bomb, "bomb.zip");
    expect(r.problems[0]).toMatchObject({ code: "zip-bomb", fatal: true, params: { entry: "a.dbf" } });
  });

  it("refuses an archive that declares more than 1 GiB", () => {
    const z = zipSync({ "a.shp": new Uint8Array(10) }, { level: 0 });
    // central directory entry: uncompressed size at +24 → 2 GiB
    const v = new DataView(z.buffer);
    for (let i = z.length - 22; i >= 0; i--)
      if (v.getUint32(i, true) === 0x02014b50) {
        v.setUint32(i + 24, 2 ** 31, true);
        break;
      }
    expect(unzip(z, "big.zip").problems[0]).toMatchObject({ code: "zip-too-large", fatal: true });
  });

  it("decodes GBK entry names (no UTF-8 flag) and keeps UTF-8 ones", () => {
    const gbk = unzip(zipFile("4546-gbk-cpg.zip").bytes, "x.zip");
    expect(gbk.files.map((f) => f.name).sort()).toEqual([
      "宗地.cpg",
      "宗地.dbf",
      "宗地.prj",
      "宗地.shp",
      "宗地.shx",
    ]);
    expect(codes(gbk.problems)).toEqual(["zip-names-gbk"]);
    const utf8 = unzip(zipSync({ "宗地.txt": new Uint8Array(1) }), "y.zip");
    expect(utf8.files.map((f) => f.name)).toEqual(["宗地.txt"]);
    expect(utf8.problems).toEqual([]);
  });
});

describe("formats that are not read", () => {
  it.each(["宗地.gdb", "a.mdb", "b.dwg", "c.dxf", "d.kml", "e.kmz", "f.tab", "g.gpkg", "h.gdb.zip"])(
    "%s → named, with an ogr2ogr command",
    (name) => {
      const p = unsupportedFormat(name)!;
      expect(p).toMatchObject({
        code: name.endsWith(".dwg") ? "unsupported-dwg" : "unsupported-format",
        fatal: true,
        file: name,
      });
      expect(String(p.params?.command)).toMatch(/^ogr2ogr -f /);
      for (const lang of ["zh", "en"] as const) expect(formatProblem(p, lang)).toContain("ogr2ogr");
    },
  );
  it("formats that are read are not named", () => {
    expect(unsupportedFormat("a.zip")).toBeUndefined();
    expect(unsupportedFormat("a.shp")).toBeUndefined();
  });
});
