import { describe, expect, it } from "vitest";
import { catalogueCrs, legacyDatum, searchCrs } from "../../../src/domain/crs-catalogue";
import { runImportPipeline } from "../../../src/io/import-pipeline";
import type { Problem } from "../../../src/io/types";
import {
  CLOSED,
  canConfirm,
  chineseSamples,
  crsSpec,
  type ImportDialogState,
  importOptions,
  importReducer,
  pickerSelection,
  rerunNeeded,
} from "../../../src/ui/import/importState";
import { reportAction, reportCounts, reportCsv, reportRows } from "../../../src/ui/import/report";
import { createHandlerContext, handle } from "../../../src/worker/handlers";

const enc = (s: string) => new TextEncoder().encode(s);

/** Rectangles of 100 m × 150 m in EPSG:4546 coordinates, no crs member (so the zone is assumed). */
function projected(
  n: number,
  props: (i: number) => Record<string, unknown> = (i) => ({ 宗地编号: `P${i}` }),
) {
  const features = Array.from({ length: n }, (_, i) => {
    const x = 376_000 + i * 200;
    const y = 3_388_000;
    return {
      type: "Feature",
      properties: props(i),
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [x, y],
            [x + 100, y],
            [x + 100, y + 150],
            [x, y + 150],
            [x, y],
          ],
        ],
      },
    };
  });
  return enc(JSON.stringify({ type: "FeatureCollection", features }));
}

async function preview(bytes: Uint8Array, name = "p.geojson") {
  const { summary } = await runImportPipeline({ files: [{ name, bytes }], options: {} }, "EPSG:4546");
  return summary;
}

describe("the import dialog's state", () => {
  it("opens reading, fills the mapping from the first preview, and every choice reads again", async () => {
    const summary = await preview(
      projected(2, (i) => ({ 宗地编号: `P${i}`, 企业名称: "建始硒茶", TZJE: 100 })),
    );
    let s: ImportDialogState = importReducer(CLOSED, {
      type: "open",
      files: [{ name: "p.geojson", size: 10 }],
    });
    expect(s.step).toBe("reading");
    expect(canConfirm(s)).toBe(false);
    s = importReducer(s, { type: "progress", progress: { phase: "read", done: 0, total: 3 } });
    s = importReducer(s, { type: "previewed", summary });
    expect(s.step).toBe("preview");
    expect(canConfirm(s)).toBe(true);
    if (s.step === "closed") throw new Error("closed");
    expect(s.choices.mapping?.fields.宗地编号).toEqual({ property: "id" });
    expect(summary.needs).toContain("crs"); // eastings without a zone, no CRS given
    expect(summary.needs).toContain("mapping"); // TZJE is no alias

    const a = { type: "rule", field: "TZJE", rule: { property: "fixedInvestment", unit: "yuan" } } as const;
    expect(rerunNeeded(a)).toBe(true);
    s = importReducer(s, a);
    expect(s.step).toBe("reading");
    expect(importOptions(s.step === "closed" ? {} : s.choices).mapping?.fields.TZJE).toEqual(a.rule);
    s = importReducer(s, { type: "crs", code: "EPSG:2382" });
    // Xi'an 1980 GK is known by code to the resolver (src/domain/crs.ts): the reader gets the code.
    expect(importOptions(s.step === "closed" ? {} : s.choices).crs).toBe("EPSG:2382");
    expect(pickerSelection(s)?.code).toBe("EPSG:2382");
    // A later preview keeps the user's mapping (it does not go back to the suggestion).
    s = importReducer(s, { type: "previewed", summary });
    expect(s.step === "closed" ? null : s.choices.mapping?.fields.TZJE).toEqual(a.rule);
    expect(importReducer(s, { type: "close" })).toBe(CLOSED);
    expect(rerunNeeded({ type: "progress", progress: { phase: "read", done: 0, total: 3 } })).toBe(false);
  });

  it("a remembered mapping wins over the suggestion; the park's zone is preselected", async () => {
    const summary = await preview(projected(1));
    const remembered = { version: 1 as const, fields: { 宗地编号: { property: null } } };
    const s = importReducer(importReducer(CLOSED, { type: "open", files: [] }), {
      type: "previewed",
      summary,
      remembered,
    });
    expect(s.step === "closed" ? null : [s.choices.mapping, s.remembered]).toEqual([remembered, true]);
    expect(pickerSelection(s)?.code).toBe("EPSG:4546");
  });

  it("choosing another layer of a zip reads again with it, and its mapping is suggested afresh", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/shapefile/layers.zip")));
    const summary = await preview(bytes, "普查.zip");
    expect(summary.layers?.find((l) => l.chosen)?.name).toBe("宗地");
    let s = importReducer(importReducer(CLOSED, { type: "open", files: [] }), { type: "previewed", summary });
    expect(s.step === "closed" ? undefined : s.choices.mapping).toBeDefined();
    const a = { type: "layer", layer: "预留地" } as const;
    expect(rerunNeeded(a)).toBe(true);
    s = importReducer(s, a);
    if (s.step === "closed") throw new Error("closed");
    expect(s.step).toBe("reading");
    expect(s.choices.mapping).toBeUndefined();
    expect(importOptions(s.choices).layer).toBe("预留地");
    const again = await runImportPipeline(
      { files: [{ name: "普查.zip", bytes }], options: importOptions(s.choices) },
      "EPSG:4546",
    );
    expect(again.summary.layers?.find((l) => l.chosen)?.name).toBe("预留地");
    expect(again.result.parcels).toHaveLength(1);
  });

  it("cannot confirm a file without usable parcels", async () => {
    const summary = await preview(enc('{"type":"FeatureCollection","features":[]}'));
    const s = importReducer(importReducer(CLOSED, { type: "open", files: [] }), {
      type: "previewed",
      summary,
    });
    expect(summary.result.ok).toBe(false);
    expect(canConfirm(s)).toBe(false);
  });

  it("the encoding preview shows Chinese samples (field names and values)", async () => {
    const summary = await preview(
      projected(1, () => ({ 宗地编号: "A1", 企业名称: "建始县恒达建材有限公司" })),
    );
    expect(chineseSamples(summary)).toEqual(["宗地编号", "企业名称", "建始县恒达建材有限公司"]);
  });

  it("a catalogue code this build resolves is passed as the code", () => {
    expect(crsSpec("EPSG:4546")).toBe("EPSG:4546");
  });
});

describe("the CRS picker's catalogue", () => {
  it("searches by code and by name in either language", () => {
    expect(searchCrs("4546").map((e) => e.code)).toEqual(["EPSG:4546"]);
    // Xi'an 1980 CM 111°E: the 3° series and the 6° series (zone 19).
    expect(searchCrs("西安 111").map((e) => e.code)).toEqual(["EPSG:2382", "EPSG:2344"]);
    expect(searchCrs("beijing 1954 zone 37").map((e) => e.code)).toEqual(["EPSG:2413"]);
    expect(searchCrs("utm 49").map((e) => e.code)).toEqual(["EPSG:32649"]);
    expect(catalogueCrs("4490")?.zh).toBe("CGCS2000 经纬度");
  });
  it("gives EPSG's parameters: the 3° zone 37 with and without the zone prefix", () => {
    expect(catalogueCrs("EPSG:4525")?.proj4).toContain("+lon_0=111 +k=1 +x_0=37500000");
    expect(catalogueCrs("EPSG:4546")?.proj4).toContain("+lon_0=111 +k=1 +x_0=500000");
    expect(catalogueCrs("EPSG:2327")?.proj4).toContain("+lon_0=75 +k=1 +x_0=13500000");
    expect(catalogueCrs("EPSG:21453")?.proj4).toContain("+lon_0=75 ");
    expect(catalogueCrs("EPSG:2442")?.proj4).toContain("+lon_0=135 ");
  });
  it("says which CRSs are on Xi'an 1980 or Beijing 1954 without a datum shift", () => {
    expect(legacyDatum("EPSG:2382")).toBe("xian80");
    expect(legacyDatum("EPSG:21413")).toBe("beijing54");
    expect(legacyDatum("EPSG:4546")).toBeNull();
    expect(legacyDatum("+proj=tmerc +lon_0=111 +ellps=krass +units=m")).toBe("beijing54");
    expect(legacyDatum("+proj=tmerc +lon_0=111 +ellps=krass +towgs84=15.8,-154.4,-82.3 +units=m")).toBeNull();
  });
});

describe("the validation report", () => {
  const problems: Problem[] = [
    { severity: "error", code: "self-intersection", file: "p.geojson", featureIndex: 2, featureId: "A3" },
    { severity: "warning", code: "ring-closed", file: "p.geojson", featureIndex: 0, featureId: "A1" },
    {
      severity: "warning",
      code: "unparseable-number",
      file: "p.geojson",
      featureIndex: 1,
      field: "投资额",
      params: { raw: "=1+1" },
    },
  ];
  it("says per feature and field what was set aside or repaired, and counts", () => {
    expect(problems.map(reportAction)).toEqual(["setAside", "repaired", "setAside"]);
    expect(reportCounts(3, 2, problems)).toEqual({
      read: 3,
      kept: 2,
      repaired: 1,
      setAside: 1,
      fieldsAside: 1,
    });
  });
  it("downloads as a formula-safe CSV with a BOM and CRLF", () => {
    const csv = reportCsv(reportRows(problems, "zh"), "zh");
    expect(csv.startsWith("\uFEFF级别,文件,要素,宗地编号,字段,处理,说明\r\n")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines[1]).toMatch(/^错误,p\.geojson,3,A3,,搁置,/);
    expect(lines[3]).toContain(",投资额,搁置,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("the worker's import requests", () => {
  it("preview keeps the held dataset; cancel drops the pending import; commit holds it and returns its source", async () => {
    const ctx = createHandlerContext();
    const held = { parcels: [], source: { input: "x", fileName: "sample.geojson" } };
    ctx.datasets.set(1, held);
    const phases: string[] = [];
    const res = await handle(
      ctx,
      "importPreview",
      { files: [{ name: "p.geojson", bytes: projected(3) }], options: {}, analysisCrs: "EPSG:4546" },
      { progress: (p) => phases.push(p.phase) },
    );
    expect(phases).toEqual(["read", "join", "prepare"]);
    expect(res.cancelled).toBe(false);
    expect(res.cancelled === false && res.summary.result.parcelCount).toBe(3);
    expect(ctx.datasets.get(1)).toBe(held);

    // Read again with a CRS picked: the pending files are used.
    const again = await handle(ctx, "importPreview", {
      options: { crs: "EPSG:4546" },
      analysisCrs: "EPSG:4546",
    });
    expect(again.cancelled === false && again.summary.crs?.how).toBe("option");

    const commit = await handle(ctx, "importCommit", { datasetId: 2 });
    expect(commit.parcelCount).toBe(3);
    expect(commit.fileName).toBe("p.geojson");
    expect(ctx.datasets.has(1)).toBe(false);
    expect(ctx.datasets.get(2)?.parcels).toHaveLength(3);
    // The source reads again to the same parcels (undo/redo, reload).
    const reread = await handle(ctx, "import", {
      input: commit.content,
      fileName: commit.fileName,
      datasetId: 3,
    });
    expect(reread.parcelCount).toBe(3);
    expect(reread.crs?.how).toBe("option");

    await handle(ctx, "importPreview", {
      files: [{ name: "p.geojson", bytes: projected(1) }],
      options: {},
      analysisCrs: "EPSG:4546",
    });
    expect((await handle(ctx, "importCancel", {})).cancelled).toBe(true);
    await expect(
      Promise.resolve().then(() => handle(ctx, "importCommit", { datasetId: 4 })),
    ).rejects.toThrow();
    expect(ctx.datasets.get(3)?.parcels).toHaveLength(3);
  });

  it("a cancel during a preview stops it at the next phase", async () => {
    const ctx = createHandlerContext();
    const running = handle(
      ctx,
      "importPreview",
      { files: [{ name: "p.geojson", bytes: projected(5) }], options: {}, analysisCrs: "EPSG:4546" },
      { progress: (p) => void (p.phase === "read" && handle(ctx, "importCancel", {})) },
    );
    expect(await running).toEqual({ cancelled: true });
    expect(ctx.pendingImport).toBeUndefined();
  });
});
