/**
 * The streaming GeoJSON reader against the whole-file reader: on every GeoJSON fixture of the
 * repository and the sample data, cut into chunks of several sizes (1 byte, a prime, 64 KiB,
 * whole), it gives the same raw features and the same problems. Plus the scanner's own cases:
 * strings holding braces and escaped quotes, GBK text whose second bytes are `\`, truncation.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readGeoJsonRaw } from "../../../src/io/readers/geojson";
import { FeatureSplitter, readGeoJsonStream } from "../../../src/io/readers/geojson-stream";
import { encodeGbk } from "./gbk-encode";

const ROOT = resolve(__dirname, "../../..");

function geojsonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) geojsonFiles(p, out);
    else if (/\.geojson$/.test(name) && !/expected/.test(p)) out.push(p);
  }
  return out;
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

/** What must agree; the position in a JSON syntax error is the file's offset in one, the entry's in the other. */
function comparable(set: Awaited<ReturnType<typeof readGeoJsonStream>>) {
  const fatal = set.problems.find((p) => p.fatal);
  if (fatal?.code === "not-json") return { fatal: fatal.code };
  return set;
}

const FILES = [...geojsonFiles(join(ROOT, "tests/fixtures")), ...geojsonFiles(join(ROOT, "geodata"))];

describe("readGeoJsonStream = readGeoJsonRaw", () => {
  it("covers the fixtures", () => {
    expect(FILES.length).toBeGreaterThan(25);
  });
  for (const path of FILES) {
    const rel = path.slice(ROOT.length + 1);
    it(rel, async () => {
      const bytes = new Uint8Array(readFileSync(path));
      const whole = readGeoJsonRaw({ name: "in.geojson", bytes }, {});
      for (const size of [1, 97, 65536, bytes.length || 1]) {
        if (size === 1 && bytes.length > 20_000) continue; // byte-by-byte on the small files only
        const streamed = await readGeoJsonStream(chunked(bytes, size), "in.geojson", {});
        expect(comparable(streamed), `chunks of ${size}`).toEqual(comparable(whole));
      }
    });
  }
});

describe("readGeoJsonStream = readGeoJsonRaw on GBK text", () => {
  const feature = (i: number, name: string) =>
    `{"type":"Feature","id":"P${i}","properties":{"id":"P${i}","enterprise":"${name}"},"geometry":{"type":"Polygon","coordinates":[[[109.7,30.6],[109.701,30.6],[109.701,30.601],[109.7,30.6]]]}}`;
  const collection = (names: string[]) =>
    `{"type":"FeatureCollection","features":[${names.map((n, i) => feature(i, n)).join(",")}]}`;

  it("Chinese from the first byte", async () => {
    const bytes = encodeGbk(collection(["建始县猏业", "黄土坎", "大样榜"]));
    const whole = readGeoJsonRaw({ name: "g.geojson", bytes }, {});
    const streamed = await readGeoJsonStream(chunked(bytes, 13), "g.geojson", {});
    expect(streamed).toEqual(whole);
    expect(streamed.features[0]?.properties.enterprise).toBe("建始县猏业");
  });

  it("Chinese only after the first megabyte: the entries are read as GBK from there", async () => {
    const names = Array.from({ length: 6000 }, () => "ascii");
    names.push("大样榜片区");
    const bytes = encodeGbk(collection(names));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const streamed = await readGeoJsonStream(chunked(bytes, 65536), "g.geojson", {});
    expect(streamed.features.at(-1)?.properties.enterprise).toBe("大样榜片区");
    expect(streamed.problems.map((p) => p.code)).toContain("decoded-gbk");
  });
});

describe("readGeoJsonStream = readGeoJsonRaw, one feature per line (entries taken whole by JSON.parse)", () => {
  const feature = (i: number, name = `firm ${i}`) =>
    `{"type":"Feature","properties":{"id":"P${i}","enterprise":"${name}"},"geometry":{"type":"Polygon","coordinates":[[[109.7,30.6],[109.701,30.6],[109.701,30.601],[109.7,30.6]]]}}`;
  const lines = (parts: string[], eol = "\n") =>
    `{"type":"FeatureCollection","features":[${eol}${parts.join(`,${eol}`)}${eol}]}${eol}`;
  const cases: Record<string, string | Uint8Array> = {
    plain: lines(Array.from({ length: 50 }, (_, i) => feature(i, i % 2 ? "建始企业" : `firm ${i}`))),
    crlf: lines(
      Array.from({ length: 20 }, (_, i) => feature(i)),
      "\r\n",
    ),
    "a broken line in the middle": lines([
      feature(0),
      feature(1),
      '{"type":"Feature","properties":{',
      feature(3),
    ]),
    "two features on a line": lines([feature(0), `${feature(1)},${feature(2)}`, feature(3)]),
    "a brace and a line feed inside a string": lines([feature(0), feature(1, "a}\nb"), feature(2)]),
    "the end of the array on the last line": `{"type":"FeatureCollection","features":[\n${feature(0)},\n${feature(1)}]}`,
    "a line that is one object but not a feature": lines([
      feature(0),
      '{"type":"Point","coordinates":[1,2]}',
      feature(2),
    ]),
    "GBK text, read as GBK from the first byte": encodeGbk(
      lines([feature(0, "建始"), feature(1, "黄土坎"), feature(2)]),
    ),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, async () => {
      const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
      const whole = readGeoJsonRaw({ name: "in.geojson", bytes }, {});
      for (const size of [7, 61, 4096, bytes.length]) {
        const streamed = await readGeoJsonStream(chunked(bytes, size), "in.geojson", {});
        expect(comparable(streamed), `chunks of ${size}`).toEqual(comparable(whole));
      }
    });
  }
});

describe("FeatureSplitter", () => {
  const split = (text: string | Uint8Array, encoding: "utf-8" | "gbk" = "utf-8", size = 3) => {
    const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
    const out: string[] = [];
    const s = new FeatureSplitter(encoding, (b) => out.push(new TextDecoder(encoding).decode(b)));
    for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
    const end = s.end();
    return { out, header: new TextDecoder(encoding).decode(end.header), end };
  };

  it("hands on each entry and keeps the rest as the header", () => {
    const r = split(
      '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4546"}},"features":[{"a":"}]\\""} , 7,null,{"b":[1,[2]]}],"surveyDate":"2025-12-31"}',
    );
    expect(r.out).toEqual(['{"a":"}]\\""}', "7", "null", '{"b":[1,[2]]}']);
    expect(JSON.parse(r.header)).toEqual({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "EPSG:4546" } },
      features: [],
      surveyDate: "2025-12-31",
    });
    expect(r.end.truncated).toBe(false);
  });

  it("does not take a nested `features` key for the collection's", () => {
    const r = split('{"meta":{"features":[1,2]},"features":[{"x":1}]}');
    expect(r.out).toEqual(['{"x":1}']);
    expect(JSON.parse(r.header)).toEqual({ meta: { features: [1, 2] }, features: [] });
  });

  it("skips GBK second bytes that are a backslash inside strings", () => {
    // 乗 has no GBK code; 猏 (0xAA 0x5C) does: its second byte is `\`.
    const text = '{"features":[{"n":"猏"},{"n":"中"}]}';
    const bytes = encodeGbk(text);
    expect([...bytes].some((b, i) => b === 0x5c && (bytes[i - 1] as number) >= 0x81)).toBe(true);
    const r = split(bytes, "gbk", 1);
    expect(r.out.map((t) => JSON.parse(t).n)).toEqual(["猏", "中"]);
  });

  it("says when the input ends inside the array", () => {
    const r = split('{"features":[{"x":1},{"y":');
    expect(r.end.truncated).toBe(true);
    expect(r.out).toEqual(['{"x":1}', '{"y":']);
  });
});

describe("readGeoJsonStream: whole-file problems", () => {
  it("a truncated collection is not JSON, fatal", async () => {
    const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[{"type":"Feature"');
    const r = await readGeoJsonStream(chunked(bytes, 5), "cut.geojson", {});
    expect(r.problems.find((p) => p.fatal)?.code).toBe("not-json");
    expect(r.features).toHaveLength(0);
  });
  it("binary input is not text", async () => {
    const r = await readGeoJsonStream(chunked(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 2), "x.zip", {});
    expect(r.problems.map((p) => p.code)).toEqual(["not-text"]);
  });
});
