/**
 * Mutated files against every reader of issue 8 (zip, Shapefile .shp/.shx/.dbf, .prj, GeoJSON
 * container) followed by the preparer: bounded (a few hundred mutations, fixed seed, a time
 * limit), and for each: no exception, no internal-error problem, problems that read as
 * sentences (no stack trace, no JavaScript type names).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { prepareParcels } from "../../../src/io/prepare";
import { readGeoJsonRaw } from "../../../src/io/readers/geojson";
import { readShapefile } from "../../../src/io/readers/shapefile";
import type { InputFile, RawFeatureSet } from "../../../src/io/readers/types";
import { unzip } from "../../../src/io/zip";

const DIR = join(__dirname, "../../fixtures/shapefile");
const zipBytes = new Uint8Array(readFileSync(join(DIR, "4546-gbk-cpg.zip")));
const looseParts = unzip(zipBytes, "z.zip").files;

/** mulberry32: a small seeded generator, so every run mutates the same way. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, r: () => number): Uint8Array {
  const b = bytes.slice();
  const kind = Math.floor(r() * 4);
  if (kind === 0) {
    // truncate
    return b.subarray(0, Math.floor(r() * b.length));
  }
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * b.length);
    if (kind === 1) b[at] = Math.floor(r() * 256);
    else if (kind === 2) b[at] = r() < 0.5 ? 0xff : 0;
    else b[at] = (b[at] as number) ^ (1 << Math.floor(r() * 8));
  }
  return b;
}

const JS_WORDS =
  /“undefined”|「undefined」|\(undefined\)|\bNaN\b|TypeError|RangeError|\[object|at \w+ \(|EISDIR|ENOENT/;

function check(sets: RawFeatureSet[]) {
  for (const raw of sets) {
    const r = prepareParcels(raw, { analysisCrs: "EPSG:4546" });
    for (const p of r.problems) {
      expect(p.code).not.toBe("read-failed"); // an exception caught: a bug
      for (const lang of ["zh", "en"] as const) expect(formatProblem(p, lang)).not.toMatch(JS_WORDS);
    }
  }
}

const BUDGET_MS = 8000;

describe("fuzzing the readers (fixed seed, bounded)", () => {
  it("mutated zips", () => {
    const r = rng(8);
    const t0 = Date.now();
    for (let i = 0; i < 150 && Date.now() - t0 < BUDGET_MS; i++) {
      const f: InputFile = { name: "m.zip", bytes: mutate(zipBytes, r) };
      check(readShapefile([f], {}));
    }
  });

  it("mutated .shp, .shx, .dbf, .prj and .cpg parts", () => {
    const r = rng(80);
    const t0 = Date.now();
    for (let i = 0; i < 300 && Date.now() - t0 < BUDGET_MS; i++) {
      const which = Math.floor(r() * looseParts.length);
      const files = looseParts.map((f, j) => (j === which ? { ...f, bytes: mutate(f.bytes, r) } : f));
      check(readShapefile(files, {}));
    }
  });

  it("mutated GeoJSON", () => {
    const r = rng(800);
    const all = JSON.parse(readFileSync(join(__dirname, "../../../geodata/parcels.geojson"), "utf8"));
    const src = new TextEncoder().encode(JSON.stringify({ ...all, features: all.features.slice(0, 3) }));
    const t0 = Date.now();
    for (let i = 0; i < 150 && Date.now() - t0 < BUDGET_MS; i++) {
      check([readGeoJsonRaw({ name: "m.geojson", bytes: mutate(src, r) }, {})]);
    }
  });
});
