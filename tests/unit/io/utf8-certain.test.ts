import { describe, expect, it } from "vitest";
import { decodedUtf8Certain, utf8Certain } from "../../../src/io/readers/text";

const enc = new TextEncoder();
const bytesOf = (s: string, bom = false) => {
  const b = enc.encode(s);
  if (!bom) return b;
  const out = new Uint8Array(b.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(b, 3);
  return out;
};
const decoded = (b: Uint8Array) => new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(b);

describe("is a UTF-8 reading certain, from the decoded text", () => {
  it.each([
    ["plain ASCII", '{"id":"HTK-1"}', false, true],
    ["empty", "", false, true],
    ["ASCII after a byte-order mark (the mark is one multi-byte character)", "abc", true, false],
    ["seven Chinese characters: could be GBK", "合成地块一二三", false, false],
    ["eight: certain", "合成地块一二三四", false, true],
    ["a mark and seven characters: eight", "合成地块一二三", true, true],
    ["emoji count once each", "😀😀😀😀 abc 😀😀😀", false, false],
    ["eight emoji", "😀😀😀😀😀😀😀😀", false, true],
    ["a mark in the middle is a character", "a\uFEFFb", false, false],
  ])("%s", (_what, text, bom, certain) => {
    const b = bytesOf(text, bom);
    expect(utf8Certain(b)).toBe(certain);
    expect(decodedUtf8Certain(b, decoded(b))).toBe(certain);
  });

  it("agrees with the byte scan on 3,000 random texts", () => {
    const pool = ["a", "1", " ", "\n", "é", "合", "地", "😀", "\uFEFF", "—"];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 3000; n++) {
      let s = "";
      const len = Math.floor(rnd() * 14);
      // mostly ASCII, as real files are
      for (let i = 0; i < len; i++)
        s += rnd() < 0.6 ? "x" : (pool[Math.floor(rnd() * pool.length)] as string);
      const b = bytesOf(s, rnd() < 0.2);
      expect(decodedUtf8Certain(b, decoded(b)), JSON.stringify(s)).toBe(utf8Certain(b));
    }
  });
});
