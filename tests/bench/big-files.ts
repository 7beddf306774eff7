/**
 * Large import files for `npm run bench:browser` (issue 13 "The browser at province scale", issue 8
 * "Large and hostile files"), generated into `os.tmpdir()/jiyue-bench/` once and reused while
 * their generator is unchanged (the name carries the count and a version):
 *
 * - a GeoJSON FeatureCollection of `n` synthetic parcels (`syntheticParcels(n, 1)`, the same layout
 *   as `?synthetic=N`), with the properties a bureau layer usually has (ids, names, zone, land use,
 *   enterprise, areas, investment, output, tax, employees, dates, status): 175,000 parcels make
 *   ≈ 100 MB, the size issue 13 names;
 * - a zipped Shapefile of `n` parcels written by the project's own writer
 *   (`src/io/shapefile-write.ts`, GBK `.dbf`, `.prj`, `.cpg`) from the same parcels analysed with
 *   the built-in standards.
 *
 * Deterministic: the same `n` gives the same bytes.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeParcels } from "../../src/domain/analyze";
import { DEFAULT_STANDARDS } from "../../src/io/default-standards";
import { readParcelsGeoJson } from "../../src/io/geojson-read";
import { writeShapefileZip } from "../../src/io/shapefile-write";
import { syntheticParcels } from "../../src/io/synthetic";

/** Bump when the generated content changes (old files are then made again). */
const VERSION = 1;
const DIR = join(tmpdir(), "jiyue-bench");

/** The properties kept in the big GeoJSON (a bureau layer has these, not all of the schema). */
const KEEP = [
  "id",
  "name",
  "zone",
  "landUse",
  "landStatus",
  "enterprise",
  "industryCode",
  "landAreaM2",
  "floorAreaM2",
  "footprintAreaM2",
  "fixedInvestment",
  "outputValue",
  "taxRevenue",
  "employees",
  "supplyDate",
  "constructionStatus",
] as const;

export interface BigFile {
  path: string;
  name: string;
  bytes: number;
  features: number;
}

function slim(n: number) {
  const fc = syntheticParcels(n, 1);
  for (const f of fc.features) {
    const p = f.properties as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const k of KEEP) kept[k] = p[k];
    f.properties = kept;
  }
  return fc;
}

/** Write to a temporary name and rename, so an interrupted run never leaves half a file behind. */
async function writeStreamed(path: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  for (const c of chunks) if (!out.write(c)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, path);
}

/** The big GeoJSON of `n` parcels (made if missing). */
export async function bigGeoJson(n: number): Promise<BigFile> {
  mkdirSync(DIR, { recursive: true });
  const name = `parcels-${n}-v${VERSION}.geojson`;
  const path = join(DIR, name);
  if (!existsSync(path)) {
    const fc = slim(n);
    function* chunks() {
      yield `{"type":"FeatureCollection","surveyDate":"${fc.surveyDate}","features":[\n`;
      for (let i = 0; i < fc.features.length; i++)
        yield `${i > 0 ? ",\n" : ""}${JSON.stringify(fc.features[i])}`;
      yield "\n]}\n";
    }
    await writeStreamed(path, chunks());
  }
  return { path, name, bytes: statSync(path).size, features: n };
}

/** The big zipped Shapefile of `n` parcels (made if missing), written by the project's writer. */
export function bigShapefileZip(n: number): BigFile {
  mkdirSync(DIR, { recursive: true });
  const name = `parcels-${n}-v${VERSION}.zip`;
  const path = join(DIR, name);
  if (!existsSync(path)) {
    const read = readParcelsGeoJson(JSON.stringify(slim(n)), {
      fileName: name,
      analysisCrs: "EPSG:4546",
    });
    const result = analyzeParcels(read.parcels, { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" });
    const { bytes } = writeShapefileZip(
      result,
      { outCrs: "EPSG:4546", baseName: "宗地", readme: "jiyue bench: synthetic parcels" },
      new Date(Date.UTC(2026, 5, 30)),
    );
    writeFileSync(`${path}.part`, bytes);
    renameSync(`${path}.part`, path);
  }
  return { path, name, bytes: statSync(path).size, features: n };
}
