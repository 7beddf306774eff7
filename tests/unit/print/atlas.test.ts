/**
 * The atlas and minutes documents (src/i18n/print.ts) on the sample, the PDF they render to
 * (pdf-lib + the Noto Sans SC subset: page count, size, text extractable with poppler's
 * `pdftotext` when installed — CI installs poppler-utils), and the CLI `atlas` command.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrintFont } from "../../../src/cli/print-font";
import { atlasAgenda } from "../../../src/domain/agenda";
import { analyzeParcels } from "../../../src/domain/analyze";
import type { AnalysisResult } from "../../../src/domain/types";
import {
  atlasPages,
  categoricalColouring,
  minutesPages,
  type PrintInput,
  printScene,
} from "../../../src/i18n/print";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { renderPdf } from "../../../src/io/pdf/pdf";
import type { MapPageSpec } from "../../../src/io/pdf/render";
import { readStandards } from "../../../src/io/standards-read";

const ROOT = resolve(__dirname, "../../..");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-print-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const hasPoppler = spawnSync("pdftotext", ["-v"]).status === 0;

let result: AnalysisResult;
let input: PrintInput;
beforeAll(() => {
  const std = readStandards(readFileSync(join(ROOT, "geodata/standards.json")), "standards.json").standards!;
  const imp = readParcelsGeoJson(readFileSync(join(ROOT, "geodata/parcels.geojson")), {
    fileName: "parcels.geojson",
    analysisCrs: std.analysisCrs,
  });
  result = analyzeParcels(imp.parcels, { standards: std, asOf: "2026-06-30" });
  input = {
    result,
    lang: "zh",
    synthetic: true,
    source: "geodata/parcels.geojson",
    crs: std.analysisCrs,
    colouring: categoricalColouring("flags", result.parcels, "zh"),
    paper: "A4",
    orientation: "landscape",
    date: "2026-07-01",
  };
});

describe("atlas pages", () => {
  it("legend counts equal the data, and every parcel is counted once", () => {
    const legend = categoricalColouring("efficiencyClass", result.parcels, "zh").legend;
    const byClass = result.summary.byEfficiencyClass;
    const count = (label: string) => legend.entries.find((e) => e.label.startsWith(label))?.count ?? 0;
    expect(count("A")).toBe(byClass.A);
    expect(count("D")).toBe(byClass.D);
    expect(legend.entries.reduce((n, e) => n + e.count, 0)).toBe(result.parcels.length);
    const flags = categoricalColouring("flags", result.parcels, "zh").legend;
    expect(flags.entries.reduce((n, e) => n + e.count, 0)).toBe(result.parcels.length);
    expect(flags.entries.find((e) => e.hatch === "idle")?.count).toBe(
      result.parcels.filter(
        (p) =>
          p.computed.idleStatus === "idle-1y" ||
          p.computed.idleStatus === "idle-2y" ||
          p.computed.idleStatus === "idle-halted",
      ).length,
    );
  });
  it("a title page then one page per agenda parcel, focused on it, with its card", () => {
    const agenda = atlasAgenda(result.parcels, "candidates").slice(0, 3);
    const pages = atlasPages(input, [...agenda, "NO-SUCH-ID"]);
    expect(pages.map((p) => p.kind)).toEqual(["title", "map", "map", "map"]);
    const maps = pages.slice(1) as MapPageSpec[];
    expect(maps.map((p) => p.focusId)).toEqual(agenda);
    for (const p of maps) {
      expect(p.notice).toContain("合成示例数据");
      expect(p.footer.join(" ")).toContain("park-default-2026");
      expect(p.footer.join(" ")).toContain("2026-06-30");
      expect(p.scaleBar.lengthMm).toBeCloseTo((p.scaleBar.metres * 1000) / p.view.denominator, 9);
      expect(p.card?.paragraphs.join("")).toMatch(/问题标注：/);
    }
  });
});

describe("PDF", () => {
  it("renders the atlas with a subset CJK font: 4 pages, small, Chinese text extractable", async () => {
    const t0 = performance.now();
    const font = await loadPrintFont();
    const pages = atlasPages(input, atlasAgenda(result.parcels, "candidates").slice(0, 3));
    const pdf = await renderPdf(pages, font, {
      title: "atlas",
      creationDate: new Date("2026-07-01T00:00:00Z"),
    });
    const ms = performance.now() - t0;
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
    // The whole font is 1.5 MB as WOFF, ~4 MB unwrapped: a subset is far smaller.
    expect(pdf.length).toBeLessThan(400_000);
    expect(ms).toBeLessThan(30_000);
    const path = join(tmp, "atlas.pdf");
    writeFileSync(path, pdf);
    if (!hasPoppler) return;
    expect(execFileSync("pdfinfo", [path], { encoding: "utf8" })).toMatch(/^Pages:\s+4$/m);
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text).toContain("建始县工业园区土地审查图集");
    expect(text).toContain("合成示例数据");
    expect(text).toContain("比例尺1:");
  }, 60_000);

  it("renders the minutes: header, one row per parcel with a thumbnail, signatures", async () => {
    const font = await loadPrintFont();
    const ids = atlasAgenda(result.parcels, "candidates").slice(0, 2);
    const pages = minutesPages(
      {
        lang: "zh",
        synthetic: true,
        meeting: {
          title: "园区土地联席会议纪要",
          date: "2026-07-01",
          place: "管委会三楼会议室",
          chair: "张主任",
          attendees: ["自然资源和规划局", "财政局"],
          recorder: "李记录",
        },
        rows: ids.map((id, i) => ({
          parcelId: id,
          zone: "黄土坎片区",
          areaMu: 12.5,
          decision: i === 0 ? "限期整改" : "无偿收回",
          department: "自然资源和规划局",
          deadline: "2026-12-31",
          ...(i === 1 ? { warning: "未满两年闲置" } : {}),
        })),
      },
      printScene(input),
      "2026-07-01",
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]!.rows.every((r) => r.thumb !== undefined)).toBe(true);
    const pdf = await renderPdf(pages, font, { title: "minutes" });
    const path = join(tmp, "minutes.pdf");
    writeFileSync(path, pdf);
    if (!hasPoppler) return;
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    for (const s of [
      "园区土地联席会议纪要",
      "管委会三楼会议室",
      "限期整改",
      "无偿收回",
      "主持人签字",
      "未满两年闲置",
      ...ids,
    ])
      expect(text).toContain(s);
  }, 60_000);
});

describe("CLI atlas", () => {
  const TSX = join(ROOT, "node_modules/.bin/tsx");
  const run = (...args: string[]) =>
    spawnSync(TSX, ["src/cli/main.ts", "atlas", ...args], { cwd: ROOT, encoding: "utf8" });
  it("writes the atlas of a list of ids; names unknown ids; exit 0", () => {
    const ids = join(tmp, "ids.txt");
    writeFileSync(ids, "# agenda\nHTK-081\nNOPE-1\n\nDYB-057\n");
    const out = join(tmp, "cli.pdf");
    const r = run(
      "geodata/parcels.geojson",
      "--agenda",
      ids,
      "--paper",
      "A3",
      "--orientation",
      "portrait",
      "--out",
      out,
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("NOPE-1");
    expect(r.stderr).toMatch(/3 页/);
    expect(existsSync(out)).toBe(true);
    if (hasPoppler)
      expect(execFileSync("pdfinfo", [out], { encoding: "utf8" })).toMatch(
        /Page size:\s+841\.89 x 1190\.55 pts \(A3\)/,
      );
  }, 60_000);
  it("exit 2 with one line: no --out, an empty agenda, a missing input", () => {
    writeFileSync(join(tmp, "none.txt"), "# nothing on the agenda\n");
    for (const args of [
      ["geodata/parcels.geojson"],
      ["geodata/parcels.geojson", "--agenda", join(tmp, "none.txt"), "--out", join(tmp, "x.pdf")],
      ["no-such.geojson", "--out", join(tmp, "x.pdf")],
    ]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toContain("    at ");
    }
    expect(existsSync(join(tmp, "x.pdf"))).toBe(false);
  }, 60_000);
});
