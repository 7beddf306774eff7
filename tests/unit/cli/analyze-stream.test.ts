/**
 * The streaming `analyze` — one pass keeping the prepared parcels (a file that fits in memory),
 * and two passes over the file keeping compact per-parcel numbers (a larger one) — against the
 * whole-file `analyze`, as a user runs them (the built CLI, `JIYUE_STREAM_FROM_BYTES` and
 * `JIYUE_ONE_PASS_BYTES` choosing the path): on every GeoJSON fixture of the repository and the
 * sample data, the same stdout byte for byte, the same stderr lines and the same exit code —
 * GeoJSON and CSV, with and without options.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 120_000 });

const ROOT = resolve(__dirname, "../../..");
const CLI = join(ROOT, "build/cli/jiyue.mjs");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-stream-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function geojsonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) geojsonFiles(p, out);
    else if (/\.geojson$/.test(name) && !/expected/.test(p)) out.push(p);
  }
  return out;
}

/** `streamFrom` "0" streams every file, "1e15" none; `onePass` "0" makes every streamed file two passes. */
function run(streamFrom: string, args: string[], onePass = "1e15") {
  const r = spawnSync(process.execPath, [CLI, "analyze", ...args], {
    cwd: ROOT,
    env: { ...process.env, JIYUE_STREAM_FROM_BYTES: streamFrom, JIYUE_ONE_PASS_BYTES: onePass },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

/** The three paths on the same arguments: equal in everything the user sees. */
function expectSame(args: string[]) {
  const whole = run("1e15", args);
  for (const onePass of ["1e15", "0"]) {
    const streamed = run("0", args, onePass);
    expect(streamed.stderr).toBe(whole.stderr);
    expect(streamed.code).toBe(whole.code);
    expect(Buffer.compare(streamed.stdout, whole.stdout)).toBe(0);
  }
  return whole;
}

const FILES = [...geojsonFiles(join(ROOT, "tests/fixtures")), ...geojsonFiles(join(ROOT, "geodata"))].map(
  (p) => p.slice(ROOT.length + 1),
);

describe("streaming analyze = whole-file analyze", () => {
  it("covers the fixtures, and the built CLI exists", () => {
    expect(FILES.length).toBeGreaterThan(25);
    expect(statSync(CLI).isFile()).toBe(true);
  });
  for (const file of FILES) {
    it(file, () => {
      expectSame([file, "--lang", "en", "--as-of", "2026-06-30"]);
      expectSame([file, "--format", "csv", "--lang", "zh", "--as-of", "2026-06-30"]);
    }, 60_000);
  }

  it("with --out-crs source, --crs and the survey date as the as-of date", () => {
    expectSame(["tests/fixtures/io/read/crs-4525-prefixed/in.geojson", "--out-crs", "source"]);
    expectSame(["tests/fixtures/io/read/crs-4546-option/in.geojson", "--crs", "EPSG:4546", "--lang", "en"]);
    const r = expectSame(["geodata/parcels.geojson", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/数据截至日期/);
  });

  it("writes --out the same", () => {
    const a = join(tmp, "a.geojson");
    const b = join(tmp, "b.geojson");
    const c = join(tmp, "c.geojson");
    expect(run("0", ["geodata/parcels.geojson", "--out", a]).code).toBe(0);
    expect(run("1e15", ["geodata/parcels.geojson", "--out", b]).code).toBe(0);
    expect(run("0", ["geodata/parcels.geojson", "--out", c], "0").code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(c).equals(readFileSync(b))).toBe(true);
  });

  it("a crs member after the features array is used as if it came first", () => {
    const text = readFileSync(join(ROOT, "tests/fixtures/io/read/crs-legacy-member/in.geojson"), "utf8");
    const fc = JSON.parse(text);
    const { crs, ...rest } = fc;
    expect(crs).toBeDefined();
    const late = join(tmp, "late-crs.geojson");
    writeFileSync(late, JSON.stringify({ ...rest, crs }));
    const r = expectSame([late, "--lang", "en"]);
    expect(r.code).toBe(0);
  });

  it("mixed entries: not-a-feature and unusable features between good ones keep their order", () => {
    const good = (i: number, lon: number) => ({
      type: "Feature",
      properties: { id: `P${i}`, landUse: "100101", constructionStatus: "in-production", taxRevenue: 10 * i },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [lon, 30.6],
            [lon + 0.001, 30.6],
            [lon + 0.001, 30.601],
            [lon, 30.601],
            [lon, 30.6],
          ],
        ],
      },
    });
    const features: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      if (i % 7 === 3) features.push({ type: "Point", coordinates: [1, 2] });
      else if (i % 11 === 5) features.push({ ...good(i, 109.7), geometry: null });
      else features.push(good(i % 13 === 0 ? 1 : i, 109.7 + i * 0.002));
    }
    const mixed = join(tmp, "mixed.geojson");
    writeFileSync(mixed, JSON.stringify({ type: "FeatureCollection", features }));
    const r = expectSame([mixed, "--lang", "en", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not a GeoJSON Feature/);
    expectSame([mixed, "--format", "csv", "--as-of", "2026-06-30"]);
  });
});

describe("streaming analyze = whole-file analyze on the text encoding", () => {
  const feature = (i: number, name: string) =>
    `{"type":"Feature","properties":{"id":"P${i}","enterprise":"${name}","landUse":"100101"},"geometry":{"type":"Polygon","coordinates":[[[${109.7 + i * 0.002},30.6],[${109.701 + i * 0.002},30.6],[${109.701 + i * 0.002},30.601],[${109.7 + i * 0.002},30.6]]]}}`;
  const utf8 = (n: number, name: (i: number) => string) =>
    Buffer.from(
      `{"type":"FeatureCollection","features":[\n${Array.from({ length: n }, (_, i) => feature(i, name(i))).join(",\n")}\n]}\n`,
      "utf8",
    );

  it("a stray invalid byte in UTF-8 (early, and after the first megabyte) is named at its offset", () => {
    for (const n of [40, 6000]) {
      const bytes = utf8(n, (i) => `建始企业${i}`);
      // a stray 0xFF inside the last feature's name (past 1 MB for 6000 features)
      const at = bytes.lastIndexOf(Buffer.from("建始企业", "utf8"));
      bytes[at] = 0xff;
      const path = join(tmp, `stray-${n}.geojson`);
      writeFileSync(path, bytes);
      const r = expectSame([path, "--lang", "en", "--as-of", "2026-06-30"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`byte offset ${at}`);
      expect(r.stderr).not.toMatch(/read it as GBK/);
    }
  }, 120_000);

  it("ASCII for the first megabyte, then GBK: read as GBK by both", () => {
    const ascii = utf8(6000, (i) => `firm ${i}`).toString("latin1");
    const gbkName = Buffer.from([0xbd, 0xa8, 0xca, 0xbc]); // 建始 in GBK
    const text = Buffer.concat([
      Buffer.from(ascii.slice(0, ascii.lastIndexOf("firm")), "latin1"),
      gbkName,
      Buffer.from(ascii.slice(ascii.lastIndexOf("firm") + 4), "latin1"),
    ]);
    const path = join(tmp, "late-gbk.geojson");
    writeFileSync(path, text);
    const r = expectSame([path, "--format", "csv", "--lang", "en", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
    expect(r.stdout.toString("utf8")).toContain("建始");
  }, 120_000);

  it("--encoding decides the text of a GeoJSON file, as for Shapefiles and sheets", () => {
    const gbk = "tests/fixtures/io/read/gbk/in.geojson";
    const args = [gbk, "--format", "csv", "--lang", "en", "--as-of", "2026-06-30"];
    const auto = expectSame(args);
    expect(auto.code).toBe(0);
    expect(auto.stdout.toString("utf8")).not.toContain("\uFFFD");
    const asGbk = expectSame([...args, "--encoding", "gbk"]);
    expect(asGbk.stdout.equals(auto.stdout)).toBe(true);
    // read as UTF-8 because the user says so: the GBK names come out as replacement characters
    const asUtf8 = expectSame([...args, "--encoding", "utf8"]);
    expect(asUtf8.code).toBe(0);
    expect(asUtf8.stdout.toString("utf8")).toContain("\uFFFD");
    // and a UTF-8 file read as GBK is GBK's reading of those bytes, not refused as implausible
    const utf8 = join(tmp, "utf8-as-gbk.geojson");
    writeFileSync(utf8, readFileSync(join(ROOT, "tests/fixtures/io/read/gbk/in.utf8.txt")));
    const r = expectSame([utf8, "--encoding", "gbk", "--lang", "en", "--as-of", "2026-06-30"]);
    expect(r.code).toBe(0);
  }, 120_000);

  it("binary and implausible text are refused alike", () => {
    const path = join(tmp, "noise.geojson");
    const noise = Buffer.alloc(3000);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((i * 37) % 127);
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('{"type":"FeatureCollection","features":[{"a":"'),
        noise,
        Buffer.from('"}]}'),
      ]),
    );
    const r = expectSame([path, "--lang", "en"]);
    expect(r.code).toBe(2);
  }, 60_000);
});
