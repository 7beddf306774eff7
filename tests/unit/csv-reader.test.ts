/** The tests' own CSV reader (tests/csv.ts): the RFC 4180 rules the writers' tests rely on. */
import { describe, expect, it } from "vitest";
import { parseCsv, splitCsvLine } from "../csv";

describe("tests/csv.ts", () => {
  it("splits a line: plain, quoted with a comma, doubled quotes, empty cells", () => {
    expect(splitCsvLine('a,"b,c","say ""hi""",,')).toEqual(["a", "b,c", 'say "hi"', "", ""]);
    expect(splitCsvLine("")).toEqual([""]);
    expect(splitCsvLine('""')).toEqual([""]);
  });

  it("reads rows ended by CRLF, a CRLF inside quotes staying in its cell, the BOM dropped", () => {
    expect(parseCsv('\uFEFFid,note\r\n1,"two\r\nlines"\r\n2,x\r\n')).toEqual([
      ["id", "note"],
      ["1", "two\r\nlines"],
      ["2", "x"],
    ]);
  });

  it("keeps a last row without its CRLF (it was dropped before)", () => {
    expect(parseCsv("a,b\r\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("a line reads the same cells alone as in a whole text", () => {
    const line = '=1+1,"a""b",中文';
    expect(splitCsvLine(line)).toEqual(parseCsv(`h1,h2,h3\r\n${line}\r\n`)[1]);
  });
});
