/**
 * Streaming writers (issue 13): GeoJSON and CSV written feature by feature to a Node stream give
 * the same bytes as the whole-string writers, and the stream's back-pressure is respected.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { writeChunks, writeFileStream } from "../../../src/cli/stream-out";
import { analyzeParcels } from "../../../src/domain/analyze";
import type { AnalysisResult } from "../../../src/domain/types";
import { csvSyntheticMark, editedFieldsOptions, geoJsonSyntheticMark } from "../../../src/i18n/exports";
import { CsvExtraKeys, CsvWriter, writeCsv } from "../../../src/io/csv-write";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { GeoJsonWriter, writeGeoJson } from "../../../src/io/geojson-write";

const FIXTURES = join(__dirname, "../../fixtures/io");
const dir = mkdtempSync(join(tmpdir(), "jiyue-stream-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyse(file: string): AnalysisResult {
  const r = readParcelsGeoJson(readFileSync(join(FIXTURES, file)), { analysisCrs: "EPSG:4546" });
  expect(r.ok).toBe(true);
  return analyzeParcels(r.parcels, { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" });
}

/** A Writable that keeps what it is given, slowly, with a tiny buffer: back-pressure on every write. */
class SlowSink extends Writable {
  readonly got: string[] = [];
  /** Bytes already buffered in the stream at each `write` call (0 when the writer waited for drain). */
  readonly bufferedAtWrite: number[] = [];
  constructor() {
    super({ highWaterMark: 16, decodeStrings: false });
  }
  override write(chunk: unknown, ...rest: never[]): boolean {
    this.bufferedAtWrite.push(this.writableLength);
    return super.write(chunk, ...rest);
  }
  override _write(chunk: string, _enc: string, done: (err?: Error) => void): void {
    this.got.push(chunk);
    setImmediate(done);
  }
}

async function streamed(chunks: Iterable<string>): Promise<string> {
  const sink = new SlowSink();
  await writeChunks(sink, chunks);
  return sink.got.join("");
}

const fixtures = ["read/fields/in.geojson", "read/crs-4525-prefixed/in.geojson", "write/excel/in.geojson"];

describe("GeoJsonWriter and CsvWriter, one parcel at a time", () => {
  for (const file of fixtures) {
    it(`give the whole-string writers' bytes on ${file}`, async () => {
      const result = analyse(file);
      for (const opts of [
        {},
        { synthetic: geoJsonSyntheticMark("zh") },
        { outCrs: "EPSG:4525" },
        editedFieldsOptions({ ...result, parcels: result.parcels.map((p) => ({ ...p, edited: {} })) }, "en")
          .geojson,
      ]) {
        const w = new GeoJsonWriter(result, opts);
        function* pieces() {
          yield w.head();
          for (const p of result.parcels) yield w.feature(p);
          yield w.tail();
        }
        expect(await streamed(pieces())).toBe(writeGeoJson(result, opts));
      }
      for (const lang of ["zh", "en"] as const) {
        const opts = { lang, synthetic: csvSyntheticMark(lang) };
        const keys = new CsvExtraKeys();
        for (const p of result.parcels) keys.add(p.extra);
        const w = new CsvWriter(opts, keys.keys, result.efficiencyScale);
        function* rows() {
          yield w.header();
          for (const p of result.parcels) yield w.row(p);
        }
        expect(await streamed(rows())).toBe(writeCsv(result, opts));
      }
    });
  }
});

describe("writeChunks", () => {
  it("waits for drain before writing again, and keeps the order", async () => {
    const sink = new SlowSink();
    // 12 pieces of 300,000 characters: gathered into writes of ≥ 1 M characters, several writes.
    const pieces = Array.from({ length: 12 }, (_, i) => String.fromCharCode(97 + i).repeat(300_000));
    await writeChunks(sink, pieces);
    expect(sink.got.join("")).toBe(pieces.join(""));
    expect(sink.bufferedAtWrite.length).toBeGreaterThan(2);
    expect(sink.bufferedAtWrite.every((n) => n === 0)).toBe(true);
  });

  it("writes batches of pieces one after the other, multi-byte text never cut between writes", async () => {
    const sink = new SlowSink();
    // 3 batches × 100,000 pieces mixing Latin-1, Chinese and a surrogate pair: several 1 MB writes
    const batches = Array.from({ length: 3 }, (_, b) =>
      Array.from({ length: 100_000 }, (_, i) =>
        i % 3 === 0 ? `{"id":${b * 1e5 + i},` : i % 3 === 1 ? "建始企业" : "𠀀,",
      ),
    );
    await writeChunks(sink, [...batches, "end"]);
    const bytes = Buffer.concat(sink.got.map((c) => Buffer.from(c as unknown as Uint8Array)));
    expect(bytes.toString("utf8")).toBe(`${batches.map((b) => b.join("")).join("")}end`);
    expect(sink.got.length).toBeGreaterThan(2);
    for (const c of sink.got)
      expect(Buffer.from(c as unknown as Uint8Array).toString("utf8")).not.toContain("\uFFFD");
  });

  it("accepts an async source", async () => {
    async function* source() {
      for (let i = 0; i < 5; i++) yield `${i},`;
    }
    const sink = new SlowSink();
    await writeChunks(sink, source());
    expect(sink.got.join("")).toBe("0,1,2,3,4,");
  });

  it("rejects with the stream's error instead of leaving it unhandled", async () => {
    const failing = new Writable({
      write(_c, _e, done) {
        done(Object.assign(new Error("no space"), { code: "ENOSPC" }));
      },
    });
    await expect(writeChunks(failing, ["x".repeat(2_000_000), "y"])).rejects.toMatchObject({
      code: "ENOSPC",
    });
  });
});

describe("writeFileStream", () => {
  it("writes a new file whole, leaving no temporary file", async () => {
    const out = join(dir, "new.csv");
    await writeFileStream(out, ["a,", "b\r\n"]);
    expect(readFileSync(out, "utf8")).toBe("a,b\r\n");
    expect(readdirSync(dir)).toEqual(["new.csv"]);
  });

  it("a failure half-way leaves the previous file untouched and nothing half-written", async () => {
    const out = join(dir, "kept.csv");
    writeFileSync(out, "previous report");
    async function* failing() {
      yield "x".repeat(3_000_000);
      throw new RangeError("Maximum call stack size exceeded");
    }
    await expect(writeFileStream(out, failing())).rejects.toThrow(RangeError);
    expect(readFileSync(out, "utf8")).toBe("previous report");
    expect(readdirSync(dir).filter((f) => f.includes("kept"))).toEqual(["kept.csv"]);
  });

  it("refuses a directory", async () => {
    await expect(writeFileStream(dir, ["x"])).rejects.toMatchObject({ code: "EISDIR" });
  });
});
