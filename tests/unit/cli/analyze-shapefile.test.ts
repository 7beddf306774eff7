/**
 * `analyze` on the bureau's Shapefiles, spawned as a user runs it: a zip, a loose .shp with its
 * parts, --encoding, formats not read, a folder given as input — same exit codes and one-line
 * problems as for GeoJSON, never a raw error code.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unzip } from "../../../src/io/zip";

const ROOT = resolve(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const FIX = join(ROOT, "tests/fixtures/shapefile");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-shp-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", "analyze", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    lines: r.stderr.split("\n").filter((l) => l !== ""),
  };
}

describe("analyze reads Shapefiles", () => {
  it("a GBK zip: Chinese names in the CSV, the area basis on stderr, exit 0", () => {
    const r = run(join(FIX, "4546-gbk-cpg.zip"), "--format", "csv", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("黄土坎");
    expect(r.stderr).toContain("areas are planar in EPSG:4546");
  });

  it("a loose .shp with its sibling parts, and --encoding overriding the .cpg", () => {
    for (const f of unzip(new Uint8Array(readFileSync(join(FIX, "xian80-2382-ldid.zip"))), "z").files)
      writeFileSync(join(tmp, f.name), f.bytes);
    const r = run(join(tmp, "宗地.shp"), "--format", "csv", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("areas are planar in EPSG:2382");
    expect(r.stderr).toContain("Xi'an 1980");
    const wrong = run(join(tmp, "宗地.shp"), "--format", "csv", "--encoding", "utf8");
    expect(wrong.code).toBe(0);
    expect(wrong.stdout).not.toContain("黄土坎"); // GBK bytes read as UTF-8: the user's choice, said
  });

  it("an unsupported format, a folder and a broken zip: one line each, exit 2, no raw error code", () => {
    for (const [input, expected] of [
      ["parcels.gdb", "ogr2ogr"],
      [FIX, "it is a folder"],
    ] as const) {
      const r = run(input, "--lang", "en");
      expect(r.code).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.stderr).toContain(expected);
      expect(r.stderr).not.toMatch(/EISDIR|ENOENT|type object|Error:/);
    }
    const bad = join(tmp, "bad.zip");
    copyFileSync(join(FIX, "expected.json"), bad);
    const r = run(bad, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      `error: ${bad}: not a valid zip archive (damaged or incomplete); cannot read it`,
    ]);
  });
});

describe("analyze on a zip of several Shapefiles (layers.zip, made by make-layers.sh)", () => {
  const zip = join(FIX, "layers.zip");
  it("without --layer: the largest polygon layer, and stderr says which and what else (zh/en)", () => {
    const en = run(zip, "--lang", "en", "--format", "csv");
    expect(en.code).toBe(0);
    expect(en.lines).toContainEqual(
      expect.stringContaining(
        "the archive holds 4 Shapefile layers; read 宗地 (polygons, 4 features), the polygon layer with the most features; the others: 设施 (points, not parcels), 预留地 (polygons, 1 feature), 道路 (lines, not parcels). Use --layer <name> to read another",
      ),
    );
    expect(en.stdout.trim().split("\n")).toHaveLength(1 + 4); // the header and the 4 parcels of 宗地
    const zh = run(zip, "--lang", "zh", "--format", "csv");
    expect(zh.lines).toContainEqual(
      expect.stringContaining("已读取 宗地（面，4 个要素），即要素最多的面图层"),
    );
  });
  it("--layer chooses; a name that is no layer is one line, exit 2", () => {
    const r = run(zip, "--lang", "en", "--layer", "预留地", "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toMatch(/^done: 1 features?, 1 parcels? analysed/);
    const bad = run(zip, "--lang", "en", "--layer", "道路网");
    expect(bad.code).toBe(2);
    expect(bad.lines).toEqual([
      `error: ${zip}: the archive holds no layer named “道路网”; its layers: 设施、预留地、宗地、道路`,
    ]);
  });
});
