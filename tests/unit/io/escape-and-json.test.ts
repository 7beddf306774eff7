/** Echoed values cannot forge lines (issue 12), and a JSON syntax error always has a line and column. */
import { describe, expect, it } from "vitest";
import { printable } from "../../../src/i18n/escape";
import { formatProblem } from "../../../src/i18n/problems";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { parseJson, syntaxErrorAt } from "../../../src/io/json";

describe("printable", () => {
  it("escapes line breaks, terminal escapes, separators and bidi controls; keeps Chinese and backslashes", () => {
    expect(printable("abc\nerror: fake")).toBe("abc\\nerror: fake");
    expect(printable("a\r\tb")).toBe("a\\r\\tb");
    expect(printable("\u001b[31mred")).toBe("\\u001b[31mred");
    expect(printable("x\u2028y\u2029z\u0085")).toBe("x\\u2028y\\u2029z\\u0085");
    expect(printable("id\u202eTXT")).toBe("id\\u202eTXT");
    expect(printable("C:\\数据\\地块.geojson")).toBe("C:\\数据\\地块.geojson");
  });
});

describe("every problem is one line", () => {
  it("raw values, ids, field names, CRS names and file names with newlines stay on one line", () => {
    const fc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { id: "A\nerror: fake id", "\n税收": "bad", fixedInvestment: "abc\nerror: fake" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [109.7, 30.6],
                [109.701, 30.6],
                [109.701, 30.601],
                [109.7, 30.6],
              ],
            ],
          },
        },
        { type: "Feature\nerror: fake type", properties: {}, geometry: null },
      ],
    };
    const r = readParcelsGeoJson(JSON.stringify(fc), { fileName: "a\nb.geojson", analysisCrs: "EPSG:4546" });
    expect(r.problems.length).toBeGreaterThanOrEqual(3);
    expect(r.problems.some((p) => p.field === "\n税收")).toBe(true);
    for (const lang of ["zh", "en"] as const)
      for (const p of r.problems) {
        const line = formatProblem(p, lang);
        expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
      }
    const crs = readParcelsGeoJson(
      JSON.stringify({ ...fc, crs: { type: "name", properties: { name: "EPSG:9999\nerror: fake crs" } } }),
      { fileName: "c.geojson", analysisCrs: "EPSG:4546" },
    ).problems.find((p) => p.fatal);
    expect(formatProblem(crs as NonNullable<typeof crs>, "en")).toMatch(
      /^c\.geojson: [^\n]*EPSG:9999\\nerror: fake crs/,
    );
    const value = r.problems.find((p) => p.field === "fixedInvestment");
    expect(formatProblem(value as NonNullable<typeof value>, "en")).toBe(
      "a\\nb.geojson, feature 1 (id A\\nerror: fake id), field fixedInvestment: cannot read the number “abc\\nerror: fake”; treated as missing",
    );
  });
});

describe("JSON syntax errors", () => {
  const cases: [string, number, number][] = [
    ['{"a": }', 1, 7], // the engine names no position for an unexpected token
    ["[1,]", 1, 4],
    ['{\n  "a": 1,\n  "b": \n}', 4, 1],
    ['{"a": 1', 1, 8],
    ["[", 1, 2], // "Unexpected end of JSON input"
    ['{"a":"x\nb"}', 1, 8],
    ['{"a":1}x', 1, 8],
    ["tru", 1, 1],
  ];
  it.each(cases)("%j → line %i, column %i", (text, line, column) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.params.line, r.params.column]).toEqual([line, column]);
  });

  it("the scanner accepts what JSON.parse accepts, at any depth", () => {
    for (const t of [
      '{"a":[1,-2.5e-3,true,false,null,"\\u00e9\\n"],"b":{}}',
      "[]",
      " 0 ",
      `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
    ])
      expect(syntaxErrorAt(t)).toBe(-1);
  });

  it("a not-json problem always reads with line and column", () => {
    const r = readParcelsGeoJson('{"type": "FeatureCollection", "features": [}', {
      fileName: "x.geojson",
      analysisCrs: "EPSG:4546",
    });
    const p = r.problems.find((x) => x.code === "not-json");
    expect(formatProblem(p as NonNullable<typeof p>, "en")).toMatch(
      /^x\.geojson: not valid JSON \(line 1, column 44: /,
    );
  });
});
