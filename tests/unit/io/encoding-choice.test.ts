/**
 * The import preview's encoding switch (`ImportOptions.encoding`) reaches the GeoJSON and CSV
 * readers: a file in GBK or UTF-8 is decoded as the user chose, whatever detection guessed. The
 * expected text is the UTF-8 source each GBK fixture was made from (tests/fixtures/io/make-gbk.ts),
 * or written here by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runImportPipeline } from "../../../src/io/import-pipeline";
import { readGeoJsonRaw } from "../../../src/io/readers/geojson";
import { readTable } from "../../../src/io/readers/table";
import type { InputFile, TextEncoding } from "../../../src/io/readers/types";

const FIX = join(__dirname, "../../fixtures/io");
const fixture = (path: string, name = path.split("/").pop() ?? path): InputFile => ({
  name,
  bytes: new Uint8Array(readFileSync(join(FIX, path))),
});
/** The same parcel in GBK and in UTF-8 (the GBK file is made from the UTF-8 text). */
const GBK = fixture("read/gbk/in.geojson");
const UTF8 = fixture("read/gbk/in.utf8.txt", "in-utf8.geojson");
const NAME = "黄土坎一号地块";
const nameOf = (file: InputFile, encoding?: TextEncoding) => {
  const set = readGeoJsonRaw(file, encoding ? { encoding } : {});
  return { set, name: set.features[0]?.properties.地块名称, fields: set.fields };
};

describe("GeoJSON in the encoding chosen in the preview", () => {
  it("a GBK file: detected as GBK; chosen GBK reads it right, chosen UTF-8 does not", () => {
    expect(nameOf(GBK).set.encoding).toEqual({ used: "gbk", how: "detected", certain: true });
    const gbk = nameOf(GBK, "gbk");
    expect(gbk.name).toBe(NAME);
    expect(gbk.set.encoding).toEqual({ used: "gbk", how: "option", certain: true });
    const utf8 = nameOf(GBK, "utf-8");
    expect(utf8.set.encoding).toEqual({ used: "utf-8", how: "option", certain: true });
    // GBK bytes read as UTF-8: the Chinese field names are not there, the text is replaced.
    expect(utf8.fields).not.toContain("地块名称");
    expect(JSON.stringify(utf8.set.features[0]?.properties ?? {})).toContain("\uFFFD");
  });

  it("a UTF-8 file: chosen UTF-8 reads it right, chosen GBK does not", () => {
    expect(nameOf(UTF8).set.encoding).toEqual({ used: "utf-8", how: "detected", certain: true });
    expect(nameOf(UTF8, "utf-8").name).toBe(NAME);
    const gbk = nameOf(UTF8, "gbk");
    expect(gbk.fields).not.toContain("地块名称");
    expect(gbk.set.encoding?.used).toBe("gbk");
  });

  it("GBK bytes that are valid UTF-8 too: detected UTF-8 but uncertain, right once GBK is chosen", () => {
    const both = fixture("encoding/gbk-valid-utf8.geojson");
    const guessed = readGeoJsonRaw(both, {});
    expect(guessed.encoding).toEqual({ used: "utf-8", how: "detected", certain: false });
    expect(guessed.features[0]?.properties.MC).not.toBe("山庄");
    const chosen = readGeoJsonRaw(both, { encoding: "gbk" });
    expect(chosen.features[0]?.properties).toMatchObject({ MC: "山庄", HY: "农业" });
  });

  it("a UTF-8 byte-order mark is dropped whichever encoding is chosen", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...UTF8.bytes]);
    for (const encoding of ["utf-8", "gbk"] as const) {
      const set = readGeoJsonRaw({ name: "bom.geojson", bytes: bom }, { encoding });
      expect(set.problems.filter((p) => p.fatal)).toEqual([]);
      expect(set.features).toHaveLength(1);
    }
  });

  it("through the import pipeline the preview shows what was chosen", async () => {
    const both = fixture("encoding/gbk-valid-utf8.geojson");
    const run = (encoding?: TextEncoding) =>
      runImportPipeline({ files: [both], options: encoding ? { encoding } : {} }, "EPSG:4546");
    const first = await run();
    expect(first.summary.needs).toContain("encoding");
    const chosen = await run("gbk");
    expect(chosen.summary.encoding).toEqual({ used: "gbk", how: "option", certain: true });
    expect(chosen.summary.needs).not.toContain("encoding");
    expect(chosen.summary.fields.find((f) => f.name === "MC")?.samples).toEqual(["山庄"]);
  });
});

describe("CSV in the encoding chosen in the preview", () => {
  it("a GBK sheet: chosen GBK gives its Chinese header, chosen UTF-8 does not", async () => {
    const csv = fixture("sheets/figures-gbk.csv");
    const gbk = await readTable(csv, { encoding: "gbk" });
    expect(gbk.table?.fields.slice(0, 2)).toEqual(["宗地编号", "企业名称"]);
    expect(gbk.table?.rows[0]?.企业名称).toBe("建始某某建材有限公司");
    const utf8 = await readTable(csv, { encoding: "utf-8" });
    expect(utf8.encoding).toEqual({ used: "utf-8", how: "option", certain: true });
    expect(utf8.table?.fields).not.toContain("宗地编号");
  });
  it("a UTF-8 sheet with a BOM: chosen UTF-8 reads it right, chosen GBK does not", async () => {
    const csv = fixture("sheets/figures-utf8-bom.csv");
    expect((await readTable(csv, { encoding: "utf-8" })).table?.fields[0]).toBe("宗地编号");
    expect((await readTable(csv, { encoding: "gbk" })).table?.fields).not.toContain("宗地编号");
  });
});
