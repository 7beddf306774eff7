/** The streaming UTF-8 scanner gives `scanUtf8`'s counts, offset and line on bytes cut anywhere. */
import { describe, expect, it } from "vitest";
import { scanUtf8 } from "../../../src/io/decode";
import { EntryTooLargeError, FeatureSplitter, Utf8Scanner } from "../../../src/io/readers/geojson-stream";
import { mulberry32 } from "../../../src/io/synthetic";

function scanned(bytes: Uint8Array, size: number) {
  const s = new Utf8Scanner();
  for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
  s.end();
  return { valid: s.valid, invalid: s.invalid, firstOffset: s.firstOffset, firstLine: s.firstLine };
}

describe("Utf8Scanner = scanUtf8", () => {
  const rand = mulberry32(7);
  const samples: Uint8Array[] = [
    new TextEncoder().encode("建始县\n工业园区 😀 abc\n"),
    Uint8Array.from([0x41, 0xe5, 0xbb, 0x0a, 0xff, 0xfe, 0xe5, 0xbb, 0xba, 0xf0, 0x9f, 0x98]),
  ];
  for (let k = 0; k < 40; k++) {
    const text = new TextEncoder().encode(`行${k}\n名称 😀 ${"x".repeat(k)}建始`);
    const b = Uint8Array.from(text);
    for (let j = 0; j < 3; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
    samples.push(b);
  }
  it("on valid, broken and cut sequences, in chunks of 1, 2, 3, 5 bytes and whole", () => {
    for (const bytes of samples) {
      const whole = scanUtf8(bytes);
      for (const size of [1, 2, 3, 5, bytes.length])
        expect(scanned(bytes, size), `size ${size}`).toEqual(whole);
    }
  });
});

describe("FeatureSplitter's entry limit", () => {
  it("refuses an entry longer than the limit before holding it, naming its position", () => {
    const got: number[] = [];
    const s = new FeatureSplitter("utf-8", (b) => got.push(b.length), 100);
    const small = `{"type":"Feature","properties":{}}`;
    const big = `{"type":"Feature","properties":{"x":"${"a".repeat(200)}"}}`;
    s.push(new TextEncoder().encode(`{"type":"FeatureCollection","features":[${small},`));
    expect(() => s.push(new TextEncoder().encode(`${big}]}`))).toThrow(EntryTooLargeError);
    expect(got).toEqual([small.length]);
    try {
      new FeatureSplitter("utf-8", () => {}, 10).push(new TextEncoder().encode(`{"features":[${big}]}`));
    } catch (err) {
      expect((err as EntryTooLargeError).index).toBe(0);
    }
  });
});
