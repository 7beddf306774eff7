/**
 * Hostile input to the real commands, spawned as a user runs them (issue 12, robustness): deep
 * nesting, write failures, forged stderr lines, targets reading, CRS and file-type mistakes.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTransform } from "../../../src/domain/crs";
import { encodeGbk } from "../io/gbk-encode";

const ROOT = resolve(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-robust-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(command: string, ...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", command, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    lines: r.stderr.split("\n").filter((l) => l !== ""),
  };
}
const cli = (...args: string[]) => run("analyze", ...args);

function expectNoStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
}

const square = (x = 109.7, y = 30.6, d = 0.001) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const feature = (id: string, props: Record<string, unknown> = {}, ring = square()) => ({
  type: "Feature",
  properties: { id, ...props },
  geometry: { type: "Polygon", coordinates: [ring] },
});
function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
const collection = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

describe("deep nesting", () => {
  it("a 6,000-level property is set aside and named; the --out file is complete", () => {
    const text = collection(feature("P1", { 备注: "@DEEP@" }), feature("P2")).replace(
      '"@DEEP@"',
      `${"[".repeat(6000)}1${"]".repeat(6000)}`,
    );
    const input = file("deep.geojson", text);
    const out = join(tmp, "deep-out.geojson");
    const r = cli(input, "--lang", "en", "--out", out);
    expect(r.code).toBe(0);
    expect(r.lines.filter((l) => l.includes("field 备注"))).toEqual([
      `warning: ${input}, feature 1 (id P1), field 备注: the value nests more than 32 levels deep and cannot be handled safely; set aside (not exported)`,
    ]);
    expect(JSON.parse(readFileSync(out, "utf8")).features).toHaveLength(2);
    expectNoStack(r.stderr);
  });
});

describe("write failures are one line", () => {
  const input = "tests/fixtures/io/read/fields/in.geojson";
  it("--out to a folder: one line in words, no error code, the folder untouched", () => {
    const dir = join(tmp, "a-folder");
    mkdirSync(dir);
    const r = cli(input, "--lang", "en", "--out", dir);
    expect(r.code).toBe(2);
    expect(r.lines.at(-1)).toBe(`error: ${dir}: cannot write the file: it is a folder; give a file name`);
    expect(r.stderr).not.toMatch(/EISDIR|Error:/);
    expect(readdirSync(dir)).toEqual([]);
    expectNoStack(r.stderr);
  });

  it.runIf(existsSync("/dev/full"))("--out /dev/full: one line, in Chinese by default", () => {
    const r = cli(input, "--format", "csv", "--out", "/dev/full");
    expect(r.code).toBe(2);
    expect(r.lines.at(-1)).toBe("错误：/dev/full：无法写入文件：磁盘空间已满");
    expect(r.stderr).not.toMatch(/ENOSPC/);
  });
});

describe("stderr cannot be forged", () => {
  it("values, ids and field names with newlines print one line each; no forged line appears", () => {
    const input = file(
      "forged.geojson",
      collection(
        feature("A\nerror: fake id", {
          fixedInvestment: "abc\nerror: fake value",
          "\n税收": "x\r\nwarning: fake",
        }),
        { type: "Feature\nerror: fake type", properties: {}, geometry: null },
        feature("B\u001b[2K"),
      ),
    );
    for (const lang of ["en", "zh"]) {
      const r = cli(input, "--lang", lang, "--crs", "EPSG:4326");
      expect(r.code).toBe(0);
      expect(
        r.lines.filter((l) => /^(error|warning|错误|警告)[:：] ?fake/.test(l) || l.startsWith("fake")),
      ).toEqual([]);
      expect(r.lines.every((l) => /^(error|warning|note|done|错误|警告|提示|完成)[:：]/.test(l))).toBe(true);
      expect(r.stderr).not.toContain("\u001b");
      if (lang === "en")
        expect(r.lines).toContain(
          `warning: ${input}, feature 1 (id A\\nerror: fake id), field fixedInvestment: cannot read the number “abc\\nerror: fake value”; treated as missing`,
        );
    }
  });

  it("a JSON syntax error names line and column, and its echoed text stays on one line", () => {
    const input = file("broken.geojson", '{"type": "FeatureCollection",\n "features": [\n  }\n');
    const r = cli(input, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(new RegExp(`^error: ${input}: not valid JSON \\(line 3, column 3: `));
  });
});

describe("files and options analyze did not accept", () => {
  it("targets reads its files as analyze does: a BOM on targets.json, parcels in GBK", () => {
    const dir = join(tmp, "targets-data");
    mkdirSync(dir);
    const parcels = readFileSync(join(ROOT, "geodata/parcels.geojson"), "utf8");
    writeFileSync(join(dir, "parcels.geojson"), encodeGbk(parcels));
    writeFileSync(
      join(dir, "targets.json"),
      `\uFEFF${readFileSync(join(ROOT, "geodata/targets.json"), "utf8")}`,
    );
    const r = run("targets", "--data", dir, "--format", "json", "--lang", "en");
    expect(r.stderr).toBe(`note: ${join(dir, "parcels.geojson")}: the file is not UTF-8; read it as GBK\n`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const reference = JSON.parse(run("targets", "--format", "json").stdout);
    expect(out.rows).toEqual(reference.rows);
    expect(out.dataset).toBe(reference.dataset);
  });

  it("targets: a broken targets.json names line and column, on one line", () => {
    const dir = join(tmp, "targets-broken");
    mkdirSync(dir);
    writeFileSync(join(dir, "parcels.geojson"), readFileSync(join(ROOT, "geodata/parcels.geojson")));
    writeFileSync(join(dir, "targets.json"), '{\n  "name": "x",\n  "targets": [\n}');
    const r = run("targets", "--data", dir, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^error: .*targets\.json: not valid JSON \(line 4, column 1: /);
  });

  it("--crs EPSG:3857 (Web Mercator) is accepted; areas are those of the lon/lat original", () => {
    const toMerc = makeTransform("EPSG:4326", "EPSG:3857");
    const ring = square(109.7, 30.6, 0.002);
    const input = file(
      "merc.geojson",
      collection(
        feature(
          "M1",
          {},
          ring.map((p) => toMerc(p as [number, number])),
        ),
      ),
    );
    const lonlat = file("lonlat.geojson", collection(feature("M1", {}, ring)));
    const r = cli(input, "--crs", "EPSG:3857", "--lang", "en", "--as-of", "2026-06-30");
    expect(r.code).toBe(0);
    expect(r.lines).toContain("note: input CRS EPSG:3857; areas are planar in EPSG:4546");
    const area = JSON.parse(r.stdout).features[0].properties.areaM2;
    const reference = JSON.parse(cli(lonlat, "--as-of", "2026-06-30").stdout).features[0].properties.areaM2;
    expect(area).toBeCloseTo(reference, 2);
  });

  it("a GeoJSON given as --standards is refused as such, in one line", () => {
    const r = cli(
      "tests/fixtures/io/read/fields/in.geojson",
      "--standards",
      "geodata/parcels.geojson",
      "--lang",
      "en",
    );
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      "error: geodata/parcels.geojson: this is a GeoJSON data file (FeatureCollection), not a standards file; a standards file holds JSON settings like geodata/standards.json — parcels are read as the parcels file",
    ]);
  });

  it("a zero-width sliver is skipped and named, not analysed as 40.9 m²", () => {
    const sliver = [
      [109.7, 30.6],
      [109.71, 30.6],
      [109.72, 30.6],
      [109.7, 30.6],
    ];
    const input = file("sliver.geojson", collection(feature("SLIVER", {}, sliver), feature("OK")));
    const r = cli(input, "--lang", "en", "--as-of", "2026-06-30");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).features.map((f: { id: string }) => f.id)).toEqual(["OK"]);
    expect(r.lines).toContain(
      `error: ${input}, feature 1 (id SLIVER): the polygon is degenerate (a ring's vertices all lie on one line: zero width), so it has no area; skipped`,
    );
  });

  it("one invalid byte in a UTF-8 file is reported at its offset and line, the file still read", () => {
    const bytes = readFileSync(join(ROOT, "geodata/parcels.geojson"));
    const at = bytes.indexOf(Buffer.from("黄"));
    const line = bytes.subarray(0, at).toString("latin1").split("\n").length;
    const broken = Buffer.from(bytes);
    broken[at] = 0xff;
    const input = file("badbyte.geojson", broken);
    const r = cli(input, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.lines).toContain(
      `warning: ${input}: invalid UTF-8 byte at line ${line} (byte offset ${at}; 1 in the file), replaced with �; check the value there`,
    );
    expect(r.stderr).not.toContain("not a text file");
  });
});
