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
