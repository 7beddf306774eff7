/**
 * `npx tsx scripts/generate-parcels.ts <n> <out.geojson>`: a large synthetic parcel file for
 * measuring `analyze` at scale (issue 13: 1.6 million parcels, ≈ 1 GB) — written feature by
 * feature, never held whole. Synthetic, not real data: blocks of 10,000 parcels from
 * `syntheticParcels` (each block its own seed) laid side by side, ids renumbered so they stay
 * unique. The same `n` always gives the same file.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { syntheticParcels } from "../src/io/synthetic";

const BLOCK = 10_000;
/** Blocks per row, and the block's extent in degrees (100 × 160 m ≈ 16 km; a little road between). */
const PER_ROW = 12;
const BLOCK_LON = 0.17;
const BLOCK_LAT = 0.15;

const n = Number(process.argv[2]);
const out = process.argv[3];
if (!Number.isInteger(n) || n < 1 || out === undefined) {
  process.stderr.write("usage: tsx scripts/generate-parcels.ts <n> <out.geojson>\n");
  process.exit(2);
}
const fd = openSync(out, "w");
writeSync(fd, '{"type":"FeatureCollection","surveyDate":"2026-06-30","synthetic":true,"features":[\n');
for (let b = 0; b * BLOCK < n; b++) {
  const count = Math.min(BLOCK, n - b * BLOCK);
  const fc = syntheticParcels(count, b + 1);
  const dLon = (b % PER_ROW) * BLOCK_LON;
  const dLat = Math.floor(b / PER_ROW) * BLOCK_LAT;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = fc.features[i]!;
    const k = b * BLOCK + i;
    const props = f.properties as Record<string, unknown>;
    props.id = `${String(props.id).slice(0, 5)}${String(k + 1).padStart(7, "0")}`;
    props.name = `合成地块 ${k + 1}`;
    for (const ring of f.geometry.coordinates)
      for (const p of ring) {
        p[0] = Math.round((p[0]! + dLon) * 1e7) / 1e7;
        p[1] = Math.round((p[1]! + dLat) * 1e7) / 1e7;
      }
    parts.push(JSON.stringify(f));
  }
  writeSync(fd, (b === 0 ? "" : ",\n") + parts.join(",\n"));
}
writeSync(fd, "\n]}\n");
closeSync(fd);
