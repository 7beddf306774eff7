/**
 * The real `analyze` command, spawned as a user would run it (`tsx src/cli/main.ts analyze …`):
 * exit codes, stdout carrying only the result, stderr lines naming file, feature and field, and
 * never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../..");
const FIX = "tests/fixtures/io";
const TSX = join(ROOT, "node_modules/.bin/tsx");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", "analyze", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderrLines = r.stderr.split("\n").filter((l) => l !== "");
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: stderrLines };
}

function expectNoStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain("    at ");
}

describe("analyze: success", () => {
  it("writes GeoJSON to stdout and notes to stderr (as-of from the survey date)", () => {
    const r = cli(`${FIX}/read/fields/in.geojson`, "--lang", "en");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe("FeatureCollection");
    expect(out.asOf).toBe("2025-12-31");
    expect(out.features).toHaveLength(2);
    expect(r.lines).toContain("note: as-of date 2025-12-31 (the dataset's survey date)");
    expect(r.lines.at(-1)).toMatch(/^done: 2 features, 2 parcels analysed, 0 skipped/);
    expectNoStack(r.stderr);
  });

  it("names every set-aside field on its own stderr line (file, feature, id, field)", () => {
    const r = cli(`${FIX}/read/fields/in.geojson`, "--lang", "en", "--as-of", "2026-06-30");
    const warnings = r.lines.filter((l) => l.startsWith("warning: "));
    expect(warnings).toContain(
      `warning: ${FIX}/read/fields/in.geojson, feature 2 (id HTK-002), field fixedInvestment: cannot read the number “约100”; treated as missing`,
    );
    expect(warnings).toHaveLength(14);
    expect(JSON.parse(r.stdout).asOf).toBe("2026-06-30");
  });

  it("names every skipped feature, in Chinese by default", () => {
    const r = cli(`${FIX}/read/validation/in.geojson`);
    expect(r.code).toBe(0);
    const skipped = r.lines.filter((l) => l.startsWith("错误：") && l.includes("已跳过"));
    expect(skipped).toHaveLength(11);
    expect(skipped).toContain(
      `错误：${FIX}/read/validation/in.geojson 第 9 个要素（宗地编号 BOWTIE）：多边形自相交（交点约 109.7545, 30.6005），面积无法确定，已跳过`,
    );
    expect(r.lines.at(-1)).toMatch(/^完成：19 个要素，分析 8 宗，跳过 11 个/);
  });

  it("writes CSV with BOM and English headers", () => {
    const r = cli(`${FIX}/read/fields/in.geojson`, "--format", "csv", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("\uFEFFParcel ID,")).toBe(true);
    expect(r.stdout.split("\r\n")).toHaveLength(4);
  });

  it("a Chinese CSV writes Chinese values; a dataset marked synthetic is marked in CSV and GeoJSON", () => {
    const fixture = `${FIX}/write/excel/in.geojson`;
    const zh = cli(fixture, "--format", "csv", "--lang", "zh", "--as-of", "2026-06-30");
    expect(zh.code).toBe(0);
    const [header, ...rows] = zh.stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(header!.startsWith("数据性质,宗地编号,")).toBe(true);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.startsWith("合成示例数据（非真实）,")).toBe(true);
    expect(rows[0]).toContain(",黄土坎片区,城镇住宅用地 0701,已供,");
    expect(rows[2]).toContain(",闲置满一年,");
    expect(zh.lines).toContain(
      "提示：数据集注明为合成示例数据，输出中已标注（CSV 首列“数据性质”，GeoJSON 顶层 jiyue 成员）",
    );
  });

  it("an English CSV writes English labels; the GeoJSON of a synthetic dataset has the jiyue member", () => {
    const fixture = `${FIX}/write/excel/in.geojson`;
    const en = cli(fixture, "--format", "csv", "--lang", "en", "--as-of", "2026-06-30");
    expect(en.stdout.split("\r\n")[1]).toContain(",Huangtukan,Urban housing 0701,Supplied,");
    const gj = JSON.parse(cli(fixture, "--lang", "en", "--as-of", "2026-06-30").stdout);
    expect(gj.jiyue).toEqual({ synthetic: true, notice: expect.stringMatching(/^Synthetic sample data/) });
  });

  it("a dataset not marked synthetic carries no mark", () => {
    const real = cli(`${FIX}/read/single-feature/in.geojson`, "--format", "csv");
    expect(real.stdout.startsWith("\uFEFF宗地编号,")).toBe(true);
    expect(JSON.parse(cli(`${FIX}/read/single-feature/in.geojson`).stdout).jiyue).toBeUndefined();
  });

  it("writes to --out and keeps stdout empty", () => {
    const out = join(tmp, "out.csv");
    const r = cli(
      `${FIX}/read/single-feature/in.geojson`,
      "--format=csv",
      `--out=${out}`,
      "--as-of=2026-06-30",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8").startsWith("\uFEFF宗地编号,")).toBe(true);
    expect(r.lines).toContain("提示：分析基准日 2026-06-30（--as-of）");
  });

  it("says when it assumed the analysis CRS, and --crs silences it", () => {
    const assumed = cli(
      `${FIX}/read/crs-4546-unprefixed/in.geojson`,
      "--lang",
      "en",
      "--as-of",
      "2026-06-30",
    );
    expect(assumed.code).toBe(0);
    expect(assumed.lines.some((l) => l.startsWith("warning:") && l.includes("EPSG:4546"))).toBe(true);
    const given = cli(
      `${FIX}/read/crs-4546-unprefixed/in.geojson`,
      "--crs",
      "EPSG:4546",
      "--lang",
      "en",
      "--as-of",
      "2026-06-30",
    );
    expect(given.code).toBe(0);
    expect(given.lines.filter((l) => l.startsWith("warning:"))).toEqual([]);
    expect(JSON.parse(given.stdout).features[0].properties.areaM2).toBeCloseTo(
      JSON.parse(assumed.stdout).features[0].properties.areaM2,
      9,
    );
  });

  it("takes the CRS from an Esri .prj file (Gauss_Kruger WKT)", () => {
    const r = cli(
      `${FIX}/read/crs-4546-unprefixed/in.geojson`,
      "--crs",
      `${FIX}/cli/gk37.prj`,
      "--lang",
      "en",
    );
    expect(r.code).toBe(0);
    expect(r.lines).toContain("note: input CRS EPSG:4546; areas are planar in EPSG:4546");
    expect(r.lines.filter((l) => l.startsWith("warning:"))).toEqual([]);
  });

  it("reads a GBK file and says so", () => {
    const r = cli(`${FIX}/read/gbk/in.geojson`, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.lines).toContain(`note: ${FIX}/read/gbk/in.geojson: the file is not UTF-8; read it as GBK`);
    expect(JSON.parse(r.stdout).features[0].properties.name).toBe("黄土坎一号地块");
  });
});

describe("analyze: unusable input → exit 2, one line, no stack", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "missing file",
      ["nope/missing.geojson", "--lang", "en"],
      /^error: nope\/missing\.geojson: file not found$/,
    ],
    ["no input", ["--lang", "en"], /^error: no input file given$/],
    ["not JSON", [`${FIX}/read/not-json/in.geojson`, "--lang", "en"], /not valid JSON \(line 2, column 22/],
    [
      "not GeoJSON",
      [`${FIX}/read/not-geojson/in.geojson`, "--lang", "en"],
      /not a GeoJSON FeatureCollection/,
    ],
    [
      "no polygon parcels",
      [`${FIX}/read/all-skipped/in.geojson`, "--lang", "en"],
      /none of the 2 features is a usable polygon parcel/,
    ],
    [
      "unknown CRS",
      [`${FIX}/read/crs-nonsense/in.geojson`, "--lang", "en"],
      /cannot determine the coordinate reference system/,
    ],
    [
      "unknown --crs",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--crs", "EPSG:9999"],
      /无法识别坐标参考系「EPSG:9999」/,
    ],
    [
      "bad --as-of",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--as-of", "2026-02-30", "--lang", "en"],
      /invalid --as-of date “2026-02-30”/,
    ],
    [
      "bad standards",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--standards", `${FIX}/cli/bad-standards.json`, "--lang", "en"],
      /field defaults\.min\.far: the threshold “零点八” is not a number/,
    ],
    [
      "missing standards",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--standards", "nope.json", "--lang", "en"],
      /nope\.json: file not found/,
    ],
    [
      "unknown option",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--colour", "red", "--lang", "en"],
      /unknown option --colour/,
    ],
    [
      "bad format",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--format", "xlsx", "--lang", "en"],
      /invalid value “xlsx” for --format \(allowed: geojson, csv, shp\)/,
    ],
    ["input is a directory", [FIX, "--lang", "en"], /cannot read the file/],
    [
      "missing .prj",
      [`${FIX}/read/crs-lonlat/in.geojson`, "--crs", "nope.prj", "--lang", "en"],
      /nope\.prj: file not found/,
    ],
    [
      "--crs that does not fit",
      [`${FIX}/read/crs-4525-prefixed/in.geojson`, "--crs", "EPSG:4546", "--lang", "en"],
      /does not fit the coordinates/,
    ],
  ];
  it.each(cases)("%s", (_name, args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(message);
    expectNoStack(r.stderr);
  });
});

describe("npm run --silent cli", () => {
  it("prints only the result on stdout, so it can be piped", () => {
    const r = spawnSync(
      "npm",
      ["run", "--silent", "cli", "--", "analyze", `${FIX}/read/single-feature/in.geojson`, "--format", "csv"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("\uFEFF宗地编号,")).toBe(true);
    expect(r.stdout.split("\r\n")).toHaveLength(3);
    expectNoStack(r.stderr);
  });
});
