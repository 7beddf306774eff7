import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCsv, readTable, readTableFeatures } from "../../../../src/io/readers/table";
import { excelSerialToIso, isDateFormatCode, readXlsxGrid } from "../../../../src/io/readers/xlsx";
import { encodeGbk } from "../gbk-encode";
import { writeXlsx } from "../xlsx-write";

const FIX = join(__dirname, "../../../fixtures/io/sheets");
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FIX, name))) });
const text = (name: string, s: string) => ({ name, bytes: new TextEncoder().encode(s) });

describe("CSV", () => {
  it("reads GBK (detected, said) and UTF-8 with BOM and semicolons to the same table", async () => {
    const gbk = await readTable(file("figures-gbk.csv"), {});
    const utf = await readTable(file("figures-utf8-bom.csv"), {});
    expect(gbk.encoding).toEqual({ used: "gbk", how: "detected", certain: true });
    expect(gbk.problems.map((p) => p.code)).toContain("decoded-gbk");
    expect(utf.encoding).toEqual({ used: "utf-8", how: "detected", certain: true });
    expect(gbk.table?.fields).toEqual([
      "宗地编号",
      "企业名称",
      "投资额(万元)",
      "税收(万元)",
      "行业代码",
      "备注",
    ]);
    expect(utf.table?.fields).toEqual(gbk.table?.fields);
    expect(utf.table?.rows).toEqual(gbk.table?.rows);
  });

  it('keeps Excel\'s ="0012" as the code 0012 (quoted or not), a quoted line break, and drops blank trailing rows', async () => {
    const t = (await readTable(file("figures-gbk.csv"), {})).table;
    expect(t?.rows[0]?.行业代码).toBe("0012");
    expect(t?.rows[1]?.行业代码).toBe("06");
    expect(t?.rows[0]?.备注).toBe("一期，\n二期");
    expect(t?.rows).toHaveLength(6);
    // the record after the two-line cell starts on line 4
    expect(t?.rowNumbers?.slice(0, 2)).toEqual([2, 4]);
    expect((await readTable(file("figures-utf8-bom.csv"), {})).table?.rows[0]?.行业代码).toBe("0012");
  });

  it("an empty cell is absent from the record, not an empty string", async () => {
    const t = (await readTable(text("a.csv", "a,b,c\n1,,3\n"), {})).table;
    expect(t?.rows).toEqual([{ a: "1", c: "3" }]);
  });

  it("guesses tab and semicolon separators, comma on a tie", () => {
    expect(parseCsv("a\tb\n1\t2").delimiter).toBe("\t");
    expect(parseCsv("a;b\n1;2").delimiter).toBe(";");
    expect(parseCsv("a;b,c\n").delimiter).toBe(",");
    expect(parseCsv('"x;y",b\n').delimiter).toBe(",");
  });

  it('CRLF, LF and CR all end records; "" inside quotes is a quote', () => {
    expect(parseCsv('a,b\r\n1,"say ""hi"""\r2,3\n').rows.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", 'say "hi"'],
      ["2", "3"],
    ]);
  });

  it("an unclosed quote is named with its line, the rest is kept", async () => {
    const r = await readTable(text("a.csv", 'a,b\n1,"open\n2,3\n'), {});
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: "csv-unclosed-quote", params: { line: 2 } }),
    );
    expect(r.table?.rows[0]?.b).toBe("open\n2,3");
  });

  it("the encoding option overrides detection; a short UTF-8 text is uncertain", async () => {
    const bytes = encodeGbk("宗地编号,企业\nA,某某\n");
    const forced = await readTable({ name: "g.csv", bytes }, { encoding: "gbk" });
    expect(forced.encoding).toEqual({ used: "gbk", how: "option", certain: true });
    expect(forced.table?.fields).toEqual(["宗地编号", "企业"]);
    const short = await readTable(text("s.csv", "编号\nA\n"), {});
    expect(short.encoding?.certain).toBe(false);
    const ascii = await readTable(text("s.csv", "id\nA\n"), {});
    expect(ascii.encoding?.certain).toBe(true);
  });

  it("removes the tab and apostrophe this tool's CSV export puts before codes and formula-like text", async () => {
    const t = (await readTable(text("x.csv", "a,b,c\n\t0701,'-7.25,'plain\n"), {})).table;
    expect(t?.rows[0]).toEqual({ a: "0701", b: "-7.25", c: "'plain" });
  });

  it("names empty and repeated headers, and data under no header", async () => {
    const r = await readTable(text("h.csv", "a,,a,a (2)\n1,2,3,4,5\n"), {});
    expect(r.table?.fields).toEqual(["a", "B列", "a (2)", "a (2) (2)", "E列"]);
    expect(r.table?.rows[0]).toEqual({ a: "1", B列: "2", "a (2)": "3", "a (2) (2)": "4", E列: "5" });
    expect(r.problems.map((p) => p.code)).toEqual([
      "table-header-empty",
      "table-header-duplicate",
      "table-header-duplicate",
      "table-header-empty",
    ]);
  });

  it("an empty file, a blank sheet and an old .xls are named, fatal", async () => {
    expect((await readTable(text("e.csv", ""), {})).problems[0]?.code).toBe("empty-file");
    expect((await readTable(text("b.csv", "\n,,\n\n"), {})).problems[0]?.code).toBe("table-empty");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await readTable({ name: "old.xls", bytes: ole }, {})).problems[0]).toMatchObject({
      code: "xls-not-supported",
      fatal: true,
    });
  });
});

describe("XLSX", () => {
  it("reads the first sheet: numbers as numbers, dates as ISO, errors empty and counted; lists the sheets", async () => {
    const r = await readTable(file("figures.xlsx"), {});
    expect(r.sheets).toEqual(["企业数据", "说明"]);
    expect(r.table?.sheet).toBe("企业数据");
    const rows = r.table?.rows ?? [];
    expect(rows[0]).toMatchObject({
      宗地编号: "HTK-001",
      "投资额(万元)": 1200,
      "税收(万元)": 35.5,
      供地日期: "2019-03-01",
    });
    // a Chinese date format (yyyy"年"m"月"d"日") is a date too; #N/A is empty
    expect(rows[1]?.供地日期).toBe("2020-06-30");
    expect(rows[1]?.["税收(万元)"]).toBeUndefined();
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "xlsx-error-cells",
        params: { sheet: "企业数据", error: "#N/A", count: 1 },
      }),
    );
    // a formula's cached value, a date typed as text
    expect(rows[3]).toMatchObject({ 宗地编号: "htk-004", "投资额(万元)": 600, 供地日期: "2021-01-05" });
    // blank rows at the end are not records
    expect(rows).toHaveLength(6);
    expect(r.table?.rowNumbers).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("skips the merged title row, names the repeated and the empty header", async () => {
    const r = await readTable(file("figures.xlsx"), {});
    expect(r.table?.fields).toEqual([
      "宗地编号",
      "企业名称",
      "投资额(万元)",
      "税收(万元)",
      "供地日期",
      "备注",
      "备注 (2)",
      "H列",
      "职工人数",
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["table-title-skipped", "table-header-duplicate", "table-header-empty"]),
    );
  });

  it("a merged header cell names every column it covers", async () => {
    const bytes = writeXlsx([
      {
        name: "S",
        rows: [
          ["宗地编号", "投资额", null],
          ["A", 1, 2],
        ],
        merges: ["B1:C1"],
      },
    ]);
    const r = await readTable({ name: "m.xlsx", bytes }, {});
    expect(r.table?.fields).toEqual(["宗地编号", "投资额", "投资额 (2)"]);
    expect(r.table?.rows[0]).toEqual({ 宗地编号: "A", 投资额: 1, "投资额 (2)": 2 });
  });

  it("reads another sheet by name, and names a missing one with the sheets there are", async () => {
    const other = await readTable(file("figures.xlsx"), { sheet: "说明" });
    expect(other.table?.fields).toEqual(["本表为合成示例数据"]);
    const missing = await readTable(file("figures.xlsx"), { sheet: "Sheet9" });
    expect(missing.problems[0]).toMatchObject({
      code: "xlsx-sheet-not-found",
      fatal: true,
      params: { sheet: "Sheet9", sheets: "企业数据、说明" },
    });
  });

  it("the 1904 date system (old Mac Excel) gives the same days", async () => {
    const r = await readTable(file("dates-1904.xlsx"), {});
    expect(r.table?.rows.map((x) => x.供地日期)).toEqual(["2024-06-30", "1904-01-01"]);
  });

  it("inline strings, booleans, phonetic guides left out", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>宗地</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const sst = `<sst><si><r><t>建</t></r><r><t>始</t></r><rPh><t>ケン</t></rPh></si></sst>`;
    const bytes = zipSync({
      "xl/workbook.xml": new TextEncoder().encode(
        '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": new TextEncoder().encode(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": new TextEncoder().encode(xml),
      "xl/sharedStrings.xml": new TextEncoder().encode(sst),
    });
    expect(readXlsxGrid(bytes, "x.xlsx").rows[0]?.cells).toEqual(["宗地", true, "建始"]);
  });

  it("a part that claims to unpack to gigabytes (a zip bomb) is refused before it is inflated", async () => {
    const bytes = zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>".repeat(100)) });
    const view = new DataView(bytes.buffer);
    let patched = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 0x7fffffff, true); // central directory: uncompressed size
        patched++;
      }
    }
    expect(patched).toBe(1);
    const r = await readTable({ name: "bomb.xlsx", bytes }, {});
    expect(r.problems[0]).toMatchObject({ code: "xlsx-too-large", fatal: true, params: { limitMb: 512 } });
  });

  it("a damaged or non-workbook zip is one fatal sentence", async () => {
    const notWorkbook = zipSync({ "readme.txt": new TextEncoder().encode("hi") });
    expect((await readTable({ name: "x.xlsx", bytes: notWorkbook }, {})).problems[0]?.code).toBe(
      "xlsx-damaged",
    );
    const cut = file("figures.xlsx").bytes.slice(0, 200);
    expect((await readTable({ name: "x.xlsx", bytes: cut }, {})).problems[0]).toMatchObject({
      code: "xlsx-damaged",
      fatal: true,
    });
  });
});

describe("Excel serial days", () => {
  // ISO days counted independently from 1899-12-31 (serial 1 = 1900-01-01)
  const plain = (days: number) =>
    new Date(Date.UTC(1899, 11, 31) + days * 86_400_000).toISOString().slice(0, 10);
  it("before 1900-03-01 Excel counts the day 1900-02-29 that never was", () => {
    expect(excelSerialToIso(1, false)).toBe("1900-01-01");
    expect(excelSerialToIso(59, false)).toBe("1900-02-28");
    expect(excelSerialToIso(60, false)).toBe("1900-02-29"); // reported downstream as a day that does not exist
    expect(excelSerialToIso(61, false)).toBe("1900-03-01");
    expect(excelSerialToIso(61, false)).toBe(plain(60));
    expect(excelSerialToIso(45473, false)).toBe(plain(45472));
    expect(excelSerialToIso(45473, false)).toBe("2024-06-30");
  });
  it("1904 system, times, and what is not a day", () => {
    expect(excelSerialToIso(0, true)).toBe("1904-01-01");
    expect(excelSerialToIso(45473 - 1462, true)).toBe("2024-06-30");
    expect(excelSerialToIso(45473.75, false)).toBe("2024-06-30"); // 18:00 that day
    expect(excelSerialToIso(0.25, false)).toBeUndefined();
    expect(excelSerialToIso(-1, false)).toBeUndefined();
    expect(excelSerialToIso(Number.NaN, false)).toBeUndefined();
    expect(excelSerialToIso(2_958_465, false)).toBe("9999-12-31");
    expect(excelSerialToIso(2_958_466, false)).toBeUndefined();
  });
  it("date format codes", () => {
    for (const c of [
      "yyyy/m/d",
      'yyyy"年"m"月"d"日"',
      "[$-F800]dddd, mmmm dd, yyyy",
      "yyyy-mm-dd hh:mm:ss.000",
      "mmm-yy",
      "m/d",
    ])
      expect(isDateFormatCode(c), c).toBe(true);
    // time-only formats are not days
    for (const c of [
      "General",
      "0.00",
      '#,##0.00 "万元"',
      '0.0 "亩"',
      "0%",
      "@",
      "[Red]0.00",
      "h:mm:ss",
      "[h]:mm",
      "mm:ss",
    ])
      expect(isDateFormatCode(c), c).toBe(false);
  });
});

describe("readTableFeatures", () => {
  it("WKT column: POLYGON and MULTIPOLYGON as geometry, broken WKT named with its row, the WKT column not a field", async () => {
    const r = await readTableFeatures(file("parcels-wkt.csv"), {});
    expect(r.format).toBe("csv");
    expect(r.fields).toEqual(["宗地编号", "企业名称", "投资额"]);
    expect(r.features.map((f) => f.geometry?.type ?? null)).toEqual(["Polygon", "MultiPolygon", null, null]);
    expect(r.features[0]?.properties).toEqual({
      宗地编号: "HTK-001",
      企业名称: "建始某某建材有限公司",
      投资额: "1200",
    });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "wkt-syntax",
        featureIndex: 2,
        field: "WKT",
        params: expect.objectContaining({ row: 4 }),
      }),
    );
    expect(r.problems.some((p) => p.fatal)).toBe(false);
  });

  it("EWKT SRID=4546 declares the CRS", async () => {
    const r = await readTableFeatures(file("parcels-ewkt.xlsx"), {});
    expect(r.format).toBe("xlsx");
    expect(r.crs).toEqual({ spec: "EPSG:4546", how: "crs-member" });
    const g = r.features[0]?.geometry;
    const x = g?.type === "Polygon" ? (g.coordinates[0]?.[0]?.[0] ?? 0) : 0;
    expect(x).toBeGreaterThan(300_000);
    expect(x).toBeLessThan(700_000);
  });

  it("a row in another SRID than the first gets no geometry, named", async () => {
    const csv =
      'id,wkt\nA,"SRID=4546;POLYGON((0 0,1 0,1 1,0 0))"\nB,"SRID=4326;POLYGON((0 0,1 0,1 1,0 0))"\n';
    const r = await readTableFeatures(text("s.csv", csv), {});
    expect(r.features[1]?.geometry).toBeNull();
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "wkt-srid-differs",
        featureIndex: 1,
        params: { row: 3, srid: "EPSG:4326", first: "EPSG:4546" },
      }),
    );
  });

  it("a WKT column is found by its content whatever its name", async () => {
    const r = await readTableFeatures(text("s.csv", 'id,边界坐标\nA,"POLYGON((0 0,1 0,1 1,0 0))"\n'), {});
    expect(r.features[0]?.geometry?.type).toBe("Polygon");
    expect(r.fields).toEqual(["id"]);
  });

  it("X/Y rows are points, not parcels: a fatal sentence says to join them", async () => {
    const r = await readTableFeatures(file("points-xy.csv"), {});
    expect(r.features[0]?.geometry).toEqual({ type: "Point", coordinates: [3388000.5, 37500123.2] });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: "table-points-not-parcels",
        fatal: true,
        params: { rows: 2, x: "X", y: "Y" },
      }),
    );
  });

  it("a sheet without geometry is a table for joining", async () => {
    const r = await readTableFeatures(file("figures-gbk.csv"), {});
    expect(r.features.every((f) => f.geometry === null)).toBe(true);
    expect(r.features).toHaveLength(6);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: "table-no-geometry", fatal: true }));
  });
});

describe("title rows and two-row grouped headers (grouped-header.xlsx / -gbk.csv, make-sheets.ts)", () => {
  /** Written by hand from the sheet: 产值 and 税收 occur under both years, 投资额 once and is a field. */
  const FIELDS = [
    "宗地编号",
    "企业名称",
    "2023年产值",
    "2023年税收",
    "投资额",
    "2024年产值",
    "2024年税收",
    "备注",
  ];
  it.each(["grouped-header.xlsx", "grouped-header-gbk.csv"])(
    "%s: one name per column, data from row 5",
    async (name) => {
      const r = await readTable(file(name), {});
      expect(r.table?.fields).toEqual(FIELDS);
      expect(r.table?.rows).toHaveLength(2);
      expect(r.table?.rowNumbers).toEqual([5, 6]);
      const first = r.table?.rows[0] ?? {};
      const v = (k: string) => (typeof first[k] === "number" ? first[k] : Number(first[k]));
      expect([v("2023年产值"), v("2023年税收"), v("投资额"), v("2024年产值"), v("2024年税收")]).toEqual([
        5200, 180, 1200, 5600, 195,
      ]);
      expect(first.备注).toBe("一期");
      // both titles said, and which rows the header came from
      const info = r.problems.filter((p) => p.severity === "info");
      expect(info.filter((p) => p.code === "table-title-skipped").map((p) => p.params?.row)).toEqual([1, 2]);
      expect(info.find((p) => p.code === "table-header-two-rows")?.params).toEqual({
        rows: "3–4",
        example: "2023年产值",
      });
    },
  );

  it("the import preview says which rows the header came from, and offers the joined names", async () => {
    const { runImportPipeline } = await import("../../../../src/io/import-pipeline");
    const out = await runImportPipeline(
      { files: [file("join-parcels.geojson"), file("grouped-header.xlsx")], options: {} },
      "EPSG:4546",
    );
    expect(out.summary.tables[0]?.fields.map((f) => f.name)).toEqual(FIELDS);
    expect(out.summary.tables[0]?.headerRows).toEqual({ first: 3, last: 4 });
    const said = out.summary.result.problems.find((p) => p.code === "table-header-two-rows");
    expect(said).toMatchObject({ file: "grouped-header.xlsx", params: { rows: "3–4" } });
  });

  it("a header below a title that is one row is said; a data row under a header is never taken for one", async () => {
    const one = await readTable(text("a.csv", "企业亩均效益表\n宗地编号,投资额\nA,1\n"), {});
    expect(one.table?.fields).toEqual(["宗地编号", "投资额"]);
    expect(one.problems.find((p) => p.code === "table-header-row")?.params).toEqual({ row: 2 });
    expect(one.table?.headerRows).toEqual({ first: 2, last: 2 });
    // text under a header with a blank column: data, not a second header row
    const data = await readTable(text("b.csv", "宗地编号,企业名称,,备注\nHTK-1,某公司,工业,无\n"), {});
    expect(data.table?.fields).toEqual(["宗地编号", "企业名称", "C列", "备注"]);
    expect(data.table?.rows).toHaveLength(1);
    // a grouped-looking row with numbers is data
    const nums = await readTable(text("c.csv", "宗地编号,2023年,\n,100,200\n"), {});
    expect(nums.table?.rows).toHaveLength(1);
  });
});
