import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../../src/io/decode";
import { encodeGbk } from "./gbk-encode";

const FIX = join(__dirname, "../../fixtures/io");

describe("decodeText", () => {
  it("reads UTF-8 and strips the byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("宗地")]);
    expect(decodeText(bytes)).toEqual({ text: "宗地", encoding: "utf-8", problems: [] });
  });

  it("strips a BOM from a string too", () => {
    expect(decodeText("\ufeff{}").text).toBe("{}");
  });

  it("decodes GBK and says so", () => {
    const r = decodeText(encodeGbk("宗地编号 黄土坎片区"), "a.geojson");
    expect(r.text).toBe("宗地编号 黄土坎片区");
    expect(r.encoding).toBe("gbk");
    expect(r.problems).toEqual([{ severity: "info", code: "decoded-gbk", file: "a.geojson" }]);
  });

  it("decodes the GBK fixture file (same text as its UTF-8 twin)", () => {
    const r = decodeText(new Uint8Array(readFileSync(join(FIX, "read/gbk/in.geojson"))));
    expect(r.encoding).toBe("gbk");
    expect(r.text).toBe(readFileSync(join(FIX, "read/gbk/in.utf8.txt"), "utf8"));
  });

  it("rejects binary data", () => {
    const r = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), "x.zip");
    expect(r.text).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ code: "not-text", fatal: true, file: "x.zip" });
  });

  it("rejects bytes that are neither UTF-8 nor GBK", () => {
    const r = decodeText(new Uint8Array([0x7b, 0xff, 0xff, 0xff, 0x80, 0x7d]));
    expect(r.problems[0]?.code).toBe("not-text");
  });
});
