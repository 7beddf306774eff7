import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { applyEdits } from "../../../src/domain/edits";
import type { AnalysisResult } from "../../../src/domain/types";
import { editedFieldsOptions } from "../../../src/i18n/exports";
import { csvCell, csvText, writeCsv } from "../../../src/io/csv-write";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { writeGeoJson } from "../../../src/io/geojson-write";
import { splitCsvLine } from "../../csv";

const ROOT = join(__dirname, "../../fixtures/io");
const options = { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" };

function analyse(text: string, crs?: string): AnalysisResult {
  const r = readParcelsGeoJson(text, { analysisCrs: "EPSG:4546", ...(crs ? { crs } : {}) });
  expect(r.ok).toBe(true);
  return analyzeParcels(r.parcels, options);
}

const fieldsText = readFileSync(join(ROOT, "read/fields/in.geojson"), "utf8");
const projectedText = readFileSync(join(ROOT, "read/crs-4525-prefixed/in.geojson"), "utf8");

describe("writeGeoJson", () => {
  const result = analyse(fieldsText);
  const out = JSON.parse(writeGeoJson(result));

  it("writes an RFC 7946 collection with as-of date and standards", () => {
    expect(out.type).toBe("FeatureCollection");
    expect(out.asOf).toBe("2026-06-30");
    expect(out.standards).toEqual({ name: DEFAULT_STANDARDS.name, edition: DEFAULT_STANDARDS.edition });
    expect(out.crs).toBeUndefined();
    expect(out.features[0].geometry.coordinates[0][0]).toEqual([109.75, 30.6]);
  });

  it("writes inputs under schema names, extra unchanged, every computed property", () => {
    const props = out.features[0].properties;
    expect(props.id).toBe("HTK-001");
    expect(props.fixedInvestment).toBe(12000);
    expect(props.supplyDate).toBe("2019-03-01");
    expect(props.备注).toBe('=HYPERLINK("x")');
    expect(props.投资额).toBeUndefined();
    for (const k of [
      "areaM2",
      "areaMu",
      "investmentPerMu",
      "far",
      "standardsFailed",
      "idleStatus",
      "idleFee",
    ]) {
      expect(props).toHaveProperty(k);
    }
    expect(out.features[1].properties.investmentPerMu).toBeNull();
    expect(Object.keys(props).indexOf("id")).toBe(0);
  });

  it("round-trips: write → read → analyse gives the same indicators (lon/lat input)", () => {
    const again = analyse(writeGeoJson(result));
    expect(again.parcels.map((p) => p.input)).toEqual(result.parcels.map((p) => p.input));
    expect(again.parcels.map((p) => p.extra)).toEqual(result.parcels.map((p) => p.extra));
    expect(again.parcels.map((p) => p.computed)).toEqual(result.parcels.map((p) => p.computed));
  });

  it("round-trips projected input through lon/lat to within 1e-6 m²", () => {
    const first = analyse(projectedText);
    const again = analyse(writeGeoJson(first));
    first.parcels.forEach((p, i) => {
      const q = again.parcels[i]!;
      expect(Math.abs(q.computed.areaM2 - p.computed.areaM2)).toBeLessThan(1e-6);
      expect(q.computed.investmentPerMu).toEqual(p.computed.investmentPerMu);
    });
  });

  it("writes each parcel's area basis (areaBasis) after the computed properties", () => {
    const own = JSON.parse(writeGeoJson(analyse(projectedText)));
    expect(own.features[0].properties.areaBasis).toBe("EPSG:4525 planar");
    const keys = Object.keys(out.features[0].properties);
    expect(keys[keys.indexOf("reallocationReasons") + 1]).toBe("areaBasis");
    expect(out.features[0].properties.areaBasis).toBe("EPSG:4546 planar");
  });
});

describe("exported coordinates at cadastral precision", () => {
  const decimals = (v: number) => (String(v).split(".")[1] ?? "").length;
  const positions = (fc: { features: { geometry: { coordinates: unknown } }[] }) =>
    fc.features.flatMap((f) => (f.geometry.coordinates as unknown[]).flat(3) as number[]);
  const result = analyse(projectedText);

  it("lon/lat to at most 8 decimals, no crs member (RFC 7946)", () => {
    const fc = JSON.parse(writeGeoJson(result));
    expect(fc.crs).toBeUndefined();
    const xs = positions(fc);
    expect(Math.max(...xs.map(decimals))).toBeLessThanOrEqual(8);
    // the parcel's lon/lat as projected back by proj4 is 30.599999999999998: written 30.6
    expect(result.parcels[0]!.geometry.coordinates[0]![0]![1]).not.toBe(30.6);
    expect(fc.features[0].geometry.coordinates[0][0][1]).toBe(30.6);
  });

  it("source CRS in metres to at most 3 decimals under a legacy crs member; re-read gives the same areas", () => {
    const text = writeGeoJson(result, { outCrs: "EPSG:4525" });
    const fc = JSON.parse(text);
    expect(fc.crs).toEqual({ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4525" } });
    const xs = positions(fc);
    expect(Math.max(...xs.map(decimals))).toBeLessThanOrEqual(3);
    expect(xs[0]).toBeGreaterThan(35_000_000); // zone-prefixed eastings of zone 35
    // Rounding each vertex by ≤ 0.5 mm per axis moves the area by at most the perimeter × 1 mm
    // (this input has 8 decimals of metres; data already at mm comes back exactly, see shapefile-write).
    const again = analyse(text);
    result.parcels.forEach((p, i) => {
      const g = fc.features[i].geometry;
      const rings = (g.type === "Polygon" ? g.coordinates : g.coordinates.flat(1)) as number[][][];
      let perimeter = 0;
      for (const ring of rings)
        for (let k = 1; k < ring.length; k++)
          perimeter += Math.hypot(ring[k]![0]! - ring[k - 1]![0]!, ring[k]![1]! - ring[k - 1]![1]!);
      expect(Math.abs(again.parcels[i]!.computed.areaM2 - p.computed.areaM2)).toBeLessThan(perimeter * 0.001);
    });
    // compact chunks and the object path agree
    expect(JSON.stringify(JSON.parse(writeGeoJson(result, { outCrs: "EPSG:4525", indent: 2 })))).toBe(text);
  });
});

describe("area basis in the CSV", () => {
  it("is a column 面积计算基准 / Area basis right after the area in 亩, in the CSV's language", () => {
    const result = analyse(projectedText);
    for (const [lang, header, cell] of [
      ["zh", "面积计算基准", "EPSG:4525 平面"],
      ["en", "Area basis", "EPSG:4525 planar"],
    ] as const) {
      const lines = writeCsv(result, { lang }).slice(1).split("\r\n");
      const head = splitCsvLine(lines[0] as string);
      const at = head.indexOf(header);
      expect(head[at - 1]).toBe(lang === "zh" ? "面积(亩)" : "Area (mu)");
      expect(splitCsvLine(lines[1] as string)[at]).toBe(cell);
    }
  });
});

describe("csv cells", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+86 718", "'+86 718"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["黄土坎", "黄土坎"],
    // Text that looks like a negative number is text: neutralised like any formula start.
    ["-7.25", "'-7.25"],
    // Digit strings Excel would change (leading zero, ≥ 12 digits, an exponent) keep their form behind a tab.
    ["0701", "\t0701"],
    ["06", "\t06"],
    ["422822000000", "\t422822000000"],
    ["914228221234567890", "\t914228221234567890"],
    ["0503E000", "\t0503E000"],
    ["42282200000", "42282200000"],
    ["30", "30"],
    ["0", "0"],
    ["0.5", "0.5"],
  ])("text %j → %j", (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it("numbers are not text: a negative number stays a number, unformatted", () => {
    expect(csvCell(-20, "zh")).toBe("-20");
    expect(csvCell(1234567.891, "zh")).toBe("1234567.891");
    expect(csvCell(0.1 + 0.2, "en")).toBe("0.30000000000000004");
  });

  it("null is empty, booleans by language, lists joined with ;", () => {
    expect(csvCell(null, "zh")).toBe("");
    expect(csvCell(undefined, "en")).toBe("");
    expect(csvCell(true, "zh")).toBe("是");
    expect(csvCell(false, "zh")).toBe("否");
    expect(csvCell(true, "en")).toBe("yes");
    expect(csvCell(false, "en")).toBe("no");
    expect(csvCell(["far", "taxPerMu"], "en")).toBe("far;taxPerMu");
    expect(csvCell([], "en")).toBe("");
  });
});

describe("writeCsv", () => {
  const result = analyse(fieldsText);

  it("starts with a BOM, ends lines with CRLF, one row per parcel", () => {
    const csv = writeCsv(result, { lang: "zh" });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(result.parcels.length + 2); // header + rows + final empty
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("has Chinese headers with units, and English ones", () => {
    const zh = writeCsv(result, { lang: "zh" }).slice(1).split("\r\n")[0]!.split(",");
    expect(zh[0]).toBe("宗地编号");
    expect(zh).toContain("投资强度(万元/亩)");
    expect(zh).toContain("宗地面积(平方米)");
    expect(zh).toContain("面积(亩)");
    expect(zh).toContain("备注");
    const en = writeCsv(result, { lang: "en" }).slice(1).split("\r\n")[0]!.split(",");
    expect(en[0]).toBe("Parcel ID");
    expect(en).toContain("Investment intensity (10k yuan/mu)");
  });

  it("neutralises formulas in data but keeps numbers", () => {
    const csv = writeCsv(result, { lang: "en" });
    const header = csv.slice(1).split("\r\n")[0]!.split(",");
    const row = csv.split("\r\n")[1]!;
    expect(row).toContain('"\'=HYPERLINK(""x"")"');
    const cells = row.split(","); // no quoted commas in this row before the value-added column
    expect(cells[header.indexOf("Value added (10k yuan/year)")]).toBe("-20");
    expect(cells[header.indexOf("Fixed investment (10k yuan)")]).toBe("12000");
  });
});

describe("writeGeoJson text", () => {
  it("is exactly the JSON of toFeatureCollection, compact or indented", async () => {
    const { toFeatureCollection } = await import("../../../src/io/geojson-write");
    const result = analyse(fieldsText);
    expect(writeGeoJson(result)).toBe(JSON.stringify(toFeatureCollection(result)));
    expect(JSON.parse(writeGeoJson(result, { indent: 2 }))).toEqual(toFeatureCollection(result));
  });
});

describe("chunked writers", () => {
  it("concatenate to exactly the whole text, across chunk boundaries", async () => {
    const { geoJsonChunks } = await import("../../../src/io/geojson-write");
    const { csvChunks } = await import("../../../src/io/csv-write");
    const { syntheticParcels } = await import("../../../src/io/synthetic");
    const r = analyse(JSON.stringify(syntheticParcels(1203, 7)));
    const g = [...geoJsonChunks(r)];
    expect(g.length).toBeGreaterThan(3);
    expect(g.join("")).toBe(writeGeoJson(r));
    expect(JSON.parse(g.join("")).features).toHaveLength(1203);
    const c = [...csvChunks(r, { lang: "zh" })];
    expect(c.length).toBeGreaterThan(2);
    expect(c.join("")).toBe(writeCsv(r, { lang: "zh" }));
    expect(c.join("").split("\r\n")).toHaveLength(1203 + 2);
  });
});

describe("exports of edited parcels", () => {
  const r = readParcelsGeoJson(fieldsText, { analysisCrs: "EPSG:4546" });
  const edits = [
    {
      kind: "parcel-field" as const,
      parcelId: "HTK-001",
      field: "taxRevenue" as const,
      before: null,
      after: 77,
    },
    {
      kind: "parcel-field" as const,
      parcelId: "HTK-001",
      field: "fixedInvestment" as const,
      before: 12000,
      after: 15000,
    },
  ];
  const applied = applyEdits(r.parcels, edits);
  const result = analyzeParcels(applied.parcels, { ...options, edited: applied.originals });
  const zhOpts = editedFieldsOptions(result, "zh");

  it("without an edited parcel the writers get no edited-fields option (no column)", () => {
    expect(editedFieldsOptions(analyzeParcels(r.parcels, options), "zh")).toEqual({ csv: {}, geojson: {} });
  });

  it("GeoJSON carries the edited values and, per parcel, the edited fields in schema order", () => {
    const out = JSON.parse(writeGeoJson(result, zhOpts.geojson));
    const [a, ...rest] = out.features;
    expect(a.properties.fixedInvestment).toBe(15000);
    expect(a.properties.taxRevenue).toBe(77);
    expect(a.properties.editedFields).toEqual(["fixedInvestment", "taxRevenue"]);
    for (const f of rest) expect(f.properties.editedFields).toEqual([]);
    // The fast writer and the object form agree.
    expect(JSON.parse(writeGeoJson(result, { indent: 2, ...zhOpts.geojson }))).toEqual(out);
  });

  it("CSV has a last column 已修改字段 / Edited fields; unedited parcels leave it empty", () => {
    const zh = writeCsv(result, { lang: "zh", ...zhOpts.csv })
      .slice(1)
      .split("\r\n");
    const header = zh[0]!.split(",");
    expect(header.at(-1)).toBe("已修改字段");
    expect(zh[1]!.split(",").at(-1)).toBe("累计固定资产投资；税收");
    expect(zh[1]!.split(",")[header.indexOf("累计固定资产投资(万元)")]).toBe("15000");
    expect(zh[2]!.split(",").at(-1)).toBe("");
    const en = writeCsv(result, { lang: "en", ...editedFieldsOptions(result, "en").csv })
      .slice(1)
      .split("\r\n");
    expect(en[0]!.split(",").at(-1)).toBe("Edited fields");
    expect(en[1]!.split(",").at(-1)).toBe("Fixed investment; Tax revenue");
  });

  it("re-importing an export drops the list (the edited values are the data then)", () => {
    const again = readParcelsGeoJson(writeGeoJson(result, zhOpts.geojson), { analysisCrs: "EPSG:4546" });
    expect(again.parcels[0]?.extra).not.toHaveProperty("editedFields");
    expect(again.parcels[0]?.input.fixedInvestment).toBe(15000);
  });
});
