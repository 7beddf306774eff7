/**
 * Our Shapefile writer as GDAL reads it. `tests/fixtures/shapefile/make-writer-check.sh` gave the
 * Shapefile `writer-sample.ts` makes to GDAL's ogrinfo and committed its report with the SHA-256
 * of the parts it read. Here the Shapefile is made again: the same bytes (so the committed report
 * is still true of today's writer — if this fails, rerun the script and read the report), and the
 * report agrees with the bytes: field names, types and widths, the code page, the CRS, the
 * record count, the extent, the first features' values.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPrj } from "../../../src/io/prj";
import { readShapefile } from "../../../src/io/readers/shapefile";
import { BASE, sha256, writerSample } from "../../fixtures/shapefile/writer-sample";

const DIR = join(__dirname, "../../fixtures/shapefile");
const report = readFileSync(join(DIR, "writer-check.ogrinfo.txt"), "utf8");
const hashes = JSON.parse(readFileSync(join(DIR, "writer-check.sha256.json"), "utf8")) as Record<
  string,
  string
>;
const parts = writerSample();
const part = (ext: string) => parts[`${BASE}.${ext}`] as Uint8Array;

/** The DBF's field descriptors, read from the header by the dBASE layout (not by our reader). */
function dbfFields(dbf: Uint8Array): { name: string; type: string; width: number; decimals: number }[] {
  const headerLength = dbf[8]! | (dbf[9]! << 8);
  const out = [];
  for (let off = 32; off + 32 <= headerLength && dbf[off] !== 0x0d; off += 32) {
    const raw = dbf.subarray(off, off + 11);
    const end = raw.indexOf(0);
    out.push({
      name: new TextDecoder("gbk").decode(raw.subarray(0, end < 0 ? 11 : end)),
      type: String.fromCharCode(dbf[off + 11]!),
      width: dbf[off + 16]!,
      decimals: dbf[off + 17]!,
    });
  }
  return out;
}

describe("the Shapefile writer, checked by GDAL", () => {
  it("writes the very bytes GDAL's report was made of", () => {
    expect(Object.keys(hashes).sort()).toEqual(Object.keys(parts).sort());
    for (const [name, bytes] of Object.entries(parts)) expect(sha256(bytes), name).toBe(hashes[name]);
  });

  it("GDAL reads the field names, types and widths the .dbf declares", () => {
    const listed = [...report.matchAll(/^(\S+): (String|Real|Integer|Integer64|Date) \((\d+)\.(\d+)\)$/gm)];
    const fields = dbfFields(part("dbf"));
    expect(listed.map((m) => m[1])).toEqual(fields.map((f) => f.name));
    const gdalType: Record<string, string[]> = {
      C: ["String"],
      D: ["Date"],
      N: ["Real", "Integer", "Integer64"],
      L: ["String"],
    };
    listed.forEach((m, i) => {
      const f = fields[i]!;
      expect(gdalType[f.type], f.name).toContain(m[2]);
      if (f.type !== "D") expect([Number(m[3]), Number(m[4])], f.name).toEqual([f.width, f.decimals]);
    });
    // Chinese field names within 10 bytes of GBK survive (the fixture's 已建)
    expect(listed.map((m) => m[1])).toContain("已建");
  });

  it("GDAL takes the code page from the .cpg and the language byte alike", () => {
    const cpg = new TextDecoder().decode(part("cpg")).trim();
    expect(report).toContain(`CPG_VALUE=${cpg}`);
    expect(report).toContain(`LDID_VALUE=${part("dbf")[29]}`);
    expect(report).toMatch(/ENCODING_FROM_LDID=CP936/);
  });

  it("GDAL recognises the .prj as the CRS our reader takes it for", () => {
    const ids = [...report.matchAll(/^ {4}ID\["EPSG",(\d+)\]\]$/gm)];
    expect(ids).toHaveLength(1);
    const prj = readPrj(new TextDecoder().decode(part("prj")), `${BASE}.prj`);
    expect(prj.crs?.spec).toBe(`EPSG:${ids[0]?.[1]}`);
  });

  it("GDAL counts the records and the extent the .shp and .shx declare", () => {
    const count = Number(/^Feature Count: (\d+)$/m.exec(report)?.[1]);
    expect(count).toBe((part("shx").length - 100) / 8);
    const shp = new DataView(part("shp").buffer, part("shp").byteOffset);
    const box = [36, 44, 52, 60].map((o) => shp.getFloat64(o, true));
    const m = /^Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)$/m.exec(report);
    expect(m?.slice(1).map(Number)).toEqual(box.map((v) => Number(v.toFixed(6))));
  });

  it("GDAL reads the first features' values as our reader does (GBK text, decimals)", () => {
    const [set] = readShapefile(
      Object.entries(parts).map(([name, bytes]) => ({ name, bytes })),
      {},
    );
    const logical = new Set(
      dbfFields(part("dbf"))
        .filter((f) => f.type === "L")
        .map((f) => f.name),
    );
    const features = report.split(/^OGRFeature\(.*\):\d+$/m).slice(1);
    expect(features).toHaveLength(2);
    features.forEach((block, i) => {
      const props = set?.features[i]?.properties ?? {};
      for (const m of block.matchAll(/^ {2}(\S+) \((String|Real|Date)\) = (.*)$/gm)) {
        const [, name, type, value] = m as unknown as [string, string, string, string];
        const ours = props[name];
        if (value === "(null)") expect(ours ?? null, name).toBeNull();
        else if (type === "Real") expect(Number(ours), name).toBeCloseTo(Number(value), 6);
        else if (logical.has(name))
          expect(ours ? "T" : "F", name).toBe(value); // GDAL shows L as T/F
        else if (type === "Date") expect(String(ours).replace(/-/g, "/"), name).toBe(value);
        else expect(String(ours), name).toBe(value);
      }
    });
    expect(report).toContain("DKMC (String) = 黄土坎");
  });
});
