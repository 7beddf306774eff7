/**
 * The scale benchmark's inputs and its floor (tests/bench/synthetic-file.ts, io-floor.mjs), on a
 * small file: if the generator or the floor were wrong, the benchmark's ratios would be too.
 * Expectations come from the sample data and the zones' outlines, not from the generator's output.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticParcels } from "../../bench/synthetic-file";

const ROOT = resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "jiyue-scale-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Fc {
  synthetic?: boolean;
  surveyDate?: string;
  features: {
    geometry: { type: string; coordinates: number[][][] };
    properties: Record<string, unknown>;
  }[];
}
const readFc = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Fc;

const N = 1_001; // not a multiple of the tile size: the last tile is partial
const file = join(dir, "p.geojson");
const bytes = writeSyntheticParcels(N, file, 7);

describe("writeSyntheticParcels", () => {
  it("writes one valid FeatureCollection of n polygons, marked synthetic, and says its size", () => {
    const fc = readFc(file);
    expect(fc.features).toHaveLength(N);
    expect(fc.synthetic).toBe(true);
    expect(fc.surveyDate).toBe("2026-06-30");
    expect(statSync(file).size).toBe(bytes);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe("Polygon");
      const ring = f.geometry.coordinates[0] ?? [];
      expect(ring[0]).toEqual(ring.at(-1)); // closed
      expect(ring.length).toBeGreaterThanOrEqual(4);
    }
  });

  it("writes one feature per line (what the floor relies on)", () => {
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines.filter((l) => l.startsWith('{"type":"Feature"'))).toHaveLength(N);
  });

  it("gives unique ids whose prefix matches the zone, and only the two zones", () => {
    const fc = readFc(file);
    const ids = fc.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(N);
    for (const f of fc.features) {
      const zone = f.properties.zone;
      expect(["huangtukan", "dayangbang"]).toContain(zone);
      expect(String(f.properties.id).slice(0, 3)).toBe(zone === "huangtukan" ? "HTK" : "DYB");
    }
  });

  it("carries the property names of the sample's enterprise parcels", () => {
    const sample = readFc(join(ROOT, "geodata/parcels.geojson"));
    const enterprise = sample.features.find((f) => f.properties.fixedInvestment !== undefined);
    expect(enterprise).toBeDefined();
    const generated = new Set(Object.keys(readFc(file).features[0]?.properties ?? {}));
    const core = [
      "id",
      "zone",
      "landUse",
      "landAreaM2",
      "fixedInvestment",
      "floorAreaM2",
      "constructionStatus",
    ];
    for (const k of core) expect(generated.has(k), k).toBe(true);
    for (const k of core) expect(Object.keys(enterprise?.properties ?? {})).toContain(k);
  });

  it("places every vertex within a few km of one of the two zones' outlines", () => {
    const zones = readFc(join(ROOT, "geodata/zones.geojson"));
    const boxes = zones.features.map((z) => {
      const ring = z.geometry.coordinates[0] ?? [];
      const lons = ring.map((c) => c[0] ?? 0);
      const lats = ring.map((c) => c[1] ?? 0);
      // a tile is 3.2 km square plus the layers' shift: 0.05° ≈ 4.8 km east, 5.5 km north
      return [Math.min(...lons), Math.min(...lats), Math.max(...lons) + 0.05, Math.max(...lats) + 0.05];
    });
    for (const f of readFc(file).features)
      for (const [lon = 0, lat = 0] of f.geometry.coordinates[0] ?? []) {
        const inside = boxes.some(
          ([x0 = 0, y0 = 0, x1 = 0, y1 = 0]) => lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1,
        );
        expect(inside, `${lon},${lat}`).toBe(true);
      }
  });

  it("writes the same bytes for the same seed, other bytes for another", () => {
    const again = join(dir, "again.geojson");
    const other = join(dir, "other.geojson");
    writeSyntheticParcels(N, again, 7);
    writeSyntheticParcels(N, other, 8);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
    expect(readFileSync(other).equals(readFileSync(file))).toBe(false);
  });
});

describe("io-floor.mjs", () => {
  for (const target of [bytes * 2 + 13, Math.floor(bytes / 3)]) {
    it(`parses every feature and writes exactly the bytes asked for (${target > bytes ? "more" : "fewer"} than the input)`, () => {
      const out = join(dir, `floor-${target}.out`);
      const r = spawnSync(
        process.execPath,
        [join(ROOT, "tests/bench/io-floor.mjs"), file, out, String(target)],
        {
          encoding: "utf8",
        },
      );
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(String(N));
      expect(statSync(out).size).toBe(target);
    });
  }
});
