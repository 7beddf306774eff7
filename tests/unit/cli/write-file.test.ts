/** Output files are written whole or not at all (issue 12: a crash left a truncated --out file). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileChunks } from "../../../src/cli/write-file";

const dir = mkdtempSync(join(tmpdir(), "jiyue-write-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function* failingHalfWay(): Generator<string> {
  yield "first half,";
  throw new RangeError("Maximum call stack size exceeded");
}

describe("writeFileChunks", () => {
  it("writes a new file whole, leaving no temporary file", () => {
    const out = join(dir, "new.csv");
    writeFileChunks(out, ["a,", "b\r\n"]);
    expect(readFileSync(out, "utf8")).toBe("a,b\r\n");
    expect(readdirSync(dir)).toEqual(["new.csv"]);
  });

  it("a failure half-way leaves the previous file untouched and nothing half-written", () => {
    const out = join(dir, "kept.csv");
    writeFileSync(out, "previous report");
    expect(() => writeFileChunks(out, failingHalfWay())).toThrow(RangeError);
    expect(readFileSync(out, "utf8")).toBe("previous report");
    expect(readdirSync(dir).filter((f) => f.includes("kept"))).toEqual(["kept.csv"]);
  });

  it("a failure half-way creates no file where there was none", () => {
    const out = join(dir, "never.csv");
    expect(() => writeFileChunks(out, failingHalfWay())).toThrow(RangeError);
    expect(readdirSync(dir).filter((f) => f.includes("never"))).toEqual([]);
  });

  it("through a symbolic link, the linked file is replaced and the link stays", () => {
    const target = join(dir, "target.csv");
    writeFileSync(target, "old");
    symlinkSync(target, join(dir, "link.csv"));
    writeFileChunks(join(dir, "link.csv"), ["new"]);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readFileSync(join(dir, "link.csv"), "utf8")).toBe("new");
  });

  it("a folder as the output is refused with EISDIR, the folder untouched", () => {
    expect(() => writeFileChunks(dir, ["x"])).toThrow(expect.objectContaining({ code: "EISDIR" }));
  });
});
