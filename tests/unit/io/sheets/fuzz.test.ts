/**
 * Bounded fuzz of the sheet readers: the fixtures with bytes flipped, inserted and cut (fixed
 * seed, a few seconds): every read resolves (no throw, no hang) with a table or a fatal problem.
 * XLSX is mutated both as zip bytes and inside its XML parts (re-zipped), so that the XML reader
 * and the cell reader see damaged markup, not only a damaged zip.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readTable, readTableFeatures } from "../../../../src/io/readers/table";
import { readXlsxGrid } from "../../../../src/io/readers/xlsx";

const FIX = join(__dirname, "../../../fixtures/io/sheets");
const load = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = [0x22, 0x3c, 0x3e, 0x26, 0x2c, 0x0a, 0x0d, 0x00, 0xff, 0x3b, 0x09, 0x3d, 0x28, 0x29];

function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  let b: Uint8Array = src.slice();
  const edits = 1 + Math.floor(rnd() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * Math.max(1, b.length));
    const kind = rnd();
    if (kind < 0.5)
      b[at] = rnd() < 0.5 ? Math.floor(rnd() * 256) : (SPECIAL[Math.floor(rnd() * SPECIAL.length)] as number);
    else if (kind < 0.7)
      b = b.slice(0, at); // truncated
    else if (kind < 0.85) {
      const ins = new Uint8Array(1 + Math.floor(rnd() * 16)).map(
        () => SPECIAL[Math.floor(rnd() * SPECIAL.length)] as number,
      );
      const out = new Uint8Array(b.length + ins.length);
      out.set(b.subarray(0, at));
      out.set(ins, at);
      out.set(b.subarray(at), at + ins.length);
      b = out;
    } else {
      // duplicate a slice (repeated rows, tags)
      const len = Math.floor(rnd() * 200);
      const piece = b.slice(at, at + len);
      const out = new Uint8Array(b.length + piece.length);
      out.set(b.subarray(0, at));
      out.set(piece, at);
      out.set(b.subarray(at), at + piece.length);
      b = out;
    }
  }
  return b;
}

const BUDGET_MS = 2500;

async function run(cases: () => Promise<unknown>, label: string) {
  const start = performance.now();
  let n = 0;
  let slowest = 0;
  while (performance.now() - start < BUDGET_MS && n < 400) {
    const t0 = performance.now();
    await expect(cases(), label).resolves.toBeDefined();
    slowest = Math.max(slowest, performance.now() - t0);
    n++;
  }
  expect(n).toBeGreaterThan(10);
  expect(slowest, `${label}: slowest case (ms)`).toBeLessThan(1000);
}

const usable = (r: { table?: unknown; problems: { fatal?: boolean }[] }) =>
  r.table !== undefined || r.problems.some((p) => p.fatal);

describe("fuzz: sheet readers never throw or hang", () => {
  it("CSV (GBK, UTF-8 with BOM, WKT)", async () => {
    const rnd = prng(8);
    const srcs = ["figures-gbk.csv", "figures-utf8-bom.csv", "parcels-wkt.csv", "points-xy.csv"].map((n) => ({
      n,
      b: load(n),
    }));
    await run(async () => {
      const s = srcs[Math.floor(rnd() * srcs.length)] as { n: string; b: Uint8Array };
      const bytes = mutate(s.b, rnd);
      const r = await readTable({ name: s.n, bytes }, {});
      expect(usable(r)).toBe(true);
      const f = await readTableFeatures({ name: s.n, bytes }, {});
      expect(Array.isArray(f.features)).toBe(true);
      return r;
    }, "csv");
  }, 20_000);

  it("XLSX as mutated zip bytes", async () => {
    const rnd = prng(80);
    const src = load("figures.xlsx");
    await run(async () => {
      const bytes = mutate(src, rnd);
      expect(() => readXlsxGrid(bytes, "figures.xlsx")).not.toThrow();
      const r = await readTable({ name: "figures.xlsx", bytes }, {});
      expect(usable(r)).toBe(true);
      return r;
    }, "xlsx bytes");
  }, 20_000);

  it("XLSX with mutated XML parts, re-zipped", async () => {
    const rnd = prng(800);
    const parts = unzipSync(load("figures.xlsx"));
    const names = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
    await run(async () => {
      const copy: Record<string, Uint8Array> = { ...parts };
      const target = names[Math.floor(rnd() * names.length)] as string;
      copy[target] = mutate(parts[target] as Uint8Array, rnd);
      // the grid reader itself (readTable would turn an exception into a sentence, hiding it)
      expect(() => readXlsxGrid(zipSync(copy), "figures.xlsx")).not.toThrow();
      const r = await readTable({ name: "figures.xlsx", bytes: zipSync(copy) }, {});
      expect(usable(r)).toBe(true);
      const f = await readTableFeatures({ name: "parcels.xlsx", bytes: zipSync(copy) }, {});
      expect(Array.isArray(f.features)).toBe(true);
      return r;
    }, "xlsx xml");
  }, 20_000);
});
