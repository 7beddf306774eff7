/**
 * A synthetic parcel file of any size for the scale benchmark, written as a stream (bounded
 * memory: one tile of parcels at a time) — synthetic, not real data.
 *
 * The parcels are the app's own synthetic parcels (`syntheticParcels` in src/io/synthetic.ts, the
 * same generator as `?synthetic=N` and the in-process bench): every property of the schema,
 * 5-vertex rings (the sample's are 5–7), lon/lat. That generator builds one collection in memory
 * on a √n × √n grid of 160 m cells, which at a million parcels would be 160 km across and several
 * GB; here it is called for one tile of `TILE` parcels at a time (20 × 20 cells, 3.2 km square,
 * the size of a zone), and the tiles are laid alternately over the two park zones, Huangtukan and
 * Dayangbang (the south-west corners of their outlines in geodata/zones.geojson), each tile shifted
 * a little from the one before so that no two tiles coincide. Stacked tiles overlap, which the
 * analysis does not look at (it has no parcel-to-parcel geometry); it keeps the coordinates where
 * the sample's are, so the CLI's default path (lon/lat in, areas in EPSG:4546) is the one measured.
 * A tile's `zone`, `id` (HTK-/DYB-S0000001 …, unique over the file), `name` and `enterprise`
 * are rewritten to its place in the file.
 *
 * One feature per line, as geodata/parcels.geojson is written; the same `(n, seed)` gives the same
 * bytes.
 */
import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import { syntheticParcels } from "../../src/io/synthetic";

/** Parcels per call of `syntheticParcels`: 20 × 20 cells of 160 m (a multiple of 3 is not needed: zones are set per tile). */
const TILE = 400;
/** Where the generator puts its origin (src/io/synthetic.ts), to move each tile from. */
const GEN_ORIGIN = [109.76, 30.58] as const;
/** South-west corners of the bounding boxes of the two zones' outlines (geodata/zones.geojson), lon/lat. */
const ZONE_ORIGINS = [
  { zone: "huangtukan", prefix: "HTK", lon: 109.74203, lat: 30.61769 },
  { zone: "dayangbang", prefix: "DYB", lon: 109.6798, lat: 30.56483 },
] as const;
/** Shift between successive tiles on the same zone, degrees (≈ 3.7 m east, 2.9 m north), wrapping every 40. */
const JITTER = [0.0000387, 0.0000263] as const;

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A tile's own seed, from the file's seed (so tiles differ, and the same seed gives the same file). */
const tileSeed = (seed: number, tile: number) => (Math.imul(seed, 0x9e3779b1) + tile) >>> 0;

/**
 * Write `n` synthetic parcels to `path` (through `path.partial`, renamed when complete).
 *
 * @returns the number of bytes written
 * @example writeSyntheticParcels(100_000, "/tmp/p.geojson", 1) // ≈ 110 MB
 */
export function writeSyntheticParcels(n: number, path: string, seed = 1): number {
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  let bytes = 0;
  const put = (s: string) => {
    const b = Buffer.from(s, "utf8");
    writeSync(fd, b);
    bytes += b.length;
  };
  try {
    put(
      `{\n"type": "FeatureCollection",\n"name": "合成地块（基准测试，${n} 宗）",\n"synthetic": true,\n"surveyDate": "2026-06-30",\n"features": [\n`,
    );
    let written = 0;
    for (let t = 0; written < n; t++) {
      const k = Math.min(TILE, n - written);
      const at = ZONE_ORIGINS[t % 2] ?? ZONE_ORIGINS[0];
      const layer = Math.floor(t / 2) % 40;
      const dLon = at.lon - GEN_ORIGIN[0] + layer * JITTER[0];
      const dLat = at.lat - GEN_ORIGIN[1] + layer * JITTER[1];
      const tile = syntheticParcels(k, tileSeed(seed, t));
      const lines: string[] = [];
      for (let j = 0; j < k; j++) {
        const f = tile.features[j];
        if (!f) break;
        const i = written + j + 1;
        const p = f.properties ?? {};
        p.id = `${at.prefix}-S${String(i).padStart(7, "0")}`;
        p.name = `合成地块 ${i}`;
        p.zone = at.zone;
        p.enterprise = `合成企业${(i % 997) + 1}有限公司`;
        for (const ring of f.geometry.coordinates)
          for (const c of ring) {
            c[0] = round7((c[0] ?? 0) + dLon);
            c[1] = round7((c[1] ?? 0) + dLat);
          }
        lines.push(JSON.stringify(f));
      }
      written += k;
      put(lines.join(",\n") + (written < n ? ",\n" : "\n"));
    }
    put("]\n}\n");
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return bytes;
}
