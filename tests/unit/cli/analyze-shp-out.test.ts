/**
 * `analyze --format shp` and `--out-crs`, spawned as a user runs them: a zipped Shapefile that
 * reads back with the same parcels; GeoJSON in the source CRS says it is not RFC 7946; one-line
 * problems for a missing or non-zip `--out` and a bad `--out-crs`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { prepareParcels } from "../../../src/io/prepare";
import { readShapefile } from "../../../src/io/readers/shapefile";

const ROOT = resolve(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const INPUT = join(ROOT, "tests/fixtures/shapefile/4546-gbk-cpg.zip");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-shpout-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", "analyze", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, lines: r.stderr.split("\n").filter((l) => l !== "") };
}

describe("analyze --format shp", () => {
  it("writes a zipped Shapefile in the source CRS that reads back with the same parcels", () => {
    const out = join(tmp, "结果.zip");
    const r = run(INPUT, "--format", "shp", "--out", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.lines.some((l) => l.includes("Shapefile CRS EPSG:4546"))).toBe(true);
    const bytes = new Uint8Array(readFileSync(out));
    expect(Object.keys(unzipSync(bytes))).toContain("parcels.prj");
    const back = prepareParcels(readShapefile([{ name: "结果.zip", bytes }], {})[0]!, {
      analysisCrs: "EPSG:4546",
    });
    const source = prepareParcels(
      readShapefile([{ name: "in.zip", bytes: new Uint8Array(readFileSync(INPUT)) }], {})[0]!,
      {
        analysisCrs: "EPSG:4546",
      },
    );
    expect(back.crs?.crs).toBe("EPSG:4546");
    expect(back.parcels.map((p) => p.input.id)).toEqual(source.parcels.map((p) => p.input.id));
    expect(back.parcels.map((p) => p.input.name)).toEqual(source.parcels.map((p) => p.input.name));
    // the input has 9 decimals of metres, the export 3: areas within 0.2 m² on 15,000–22,000 m²
    back.parcels.forEach((p, i) => {
      expect(Math.abs(p.areaM2 - source.parcels[i]!.areaM2)).toBeLessThan(0.2);
    });
  });

  it("--out-crs EPSG:4326 writes lon/lat with a WGS 84 .prj", () => {
    const out = join(tmp, "ll.zip");
    expect(run(INPUT, "--format", "shp", "--out", out, "--out-crs", "EPSG:4326").code).toBe(0);
    const prj = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(out)))["ll.prj"]);
    expect(prj).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
  });

  it("needs --out, ending in .zip: one line, exit 2", () => {
    for (const [args, text] of [
      [[], "name it with --out"],
      [["--out", join(tmp, "x.shp")], "must end in .zip"],
    ] as const) {
      const r = run(INPUT, "--format", "shp", "--lang", "en", ...args);
      expect(r.code).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toContain(text);
    }
  });
});

describe("analyze --out-crs for GeoJSON", () => {
  it("source: metres to 3 decimals under a legacy crs member, and says it is not RFC 7946", () => {
    const r = run(INPUT, "--out-crs", "source", "--lang", "en");
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout);
    expect(fc.crs.properties.name).toBe("urn:ogc:def:crs:EPSG::4546");
    const x = fc.features[0].geometry.coordinates[0][0][0] as number;
    expect(x).toBeGreaterThan(300_000);
    expect(Math.round(x * 1000) / 1000).toBe(x);
    expect(r.lines.some((l) => l.includes("not RFC 7946"))).toBe(true);
  });

  it("default and EPSG:4326: lon/lat, no crs member", () => {
    const fc = JSON.parse(run(INPUT, "--out-crs", "EPSG:4326").stdout);
    expect(fc.crs).toBeUndefined();
    expect(fc.features[0].geometry.coordinates[0][0][0]).toBeLessThan(180);
  });

  it("a bad value: one line naming the choices, exit 2", () => {
    const r = run(INPUT, "--out-crs", "EPSG:4546", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain("source");
  });
});
