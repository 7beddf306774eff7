import { describe, expect, it } from "vitest";
import { connectEngine } from "../../../src/state/engine";
import {
  type AnalysisBackend,
  type AnalyzeResponse,
  type ImportResponse,
  type RequestKind,
  SupersededError,
  type WorkerContract,
} from "../../../src/worker/protocol";
import { dataset, freshStore, parcel, result, STANDARDS } from "./helpers";

/** A backend whose responses the test releases by hand, in any order. */
class ManualBackend implements AnalysisBackend {
  calls: {
    kind: RequestKind;
    payload: unknown;
    resolve: (v: unknown) => void;
    reject: (e: Error) => void;
  }[] = [];
  request<K extends RequestKind>(
    kind: K,
    payload: WorkerContract[K]["request"],
  ): Promise<WorkerContract[K]["response"]> {
    return new Promise((resolve, reject) => {
      this.calls.push({ kind, payload, resolve: resolve as (v: unknown) => void, reject });
    });
  }
  dispose() {}
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const response = (asOf: string, ids: string[]): AnalyzeResponse => ({
  result: result(
    ids.map((id) => parcel({ id })),
    asOf,
  ),
  durationMs: 5,
});

describe("analysis engine", () => {
  it("analyses once dataset and standards are present, and writes the result", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    const engine = connectEngine(store, backend);
    store.getState().setDataset(dataset({ surveyDate: "2026-06-30", parcels: [] }));
    expect(backend.calls).toHaveLength(0); // no standards yet
    store.getState().setStandards({ standards: STANDARDS, fileName: "standards.json", problems: [] });
    expect(backend.calls).toHaveLength(1);
    expect(store.getState().status).toBe("running");
    expect(backend.calls[0]?.payload).toMatchObject({ asOf: "2026-06-30", parcels: [] });
    backend.calls[0]?.resolve(response("2026-06-30", ["A"]));
    await flush();
    expect(store.getState().status).toBe("idle");
    expect(store.getState().byId.has("A")).toBe(true);
    engine.dispose();
  });

  it("changing the as-of date re-analyses; a stale response arriving late is ignored", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    store.getState().setDataset(dataset({ surveyDate: "2026-06-30" }));
    store.getState().setAsOf("2027-06-30");
    expect(backend.calls).toHaveLength(2);
    backend.calls[1]?.resolve(response("2027-06-30", ["NEW"]));
    await flush();
    backend.calls[0]?.resolve(response("2026-06-30", ["OLD"]));
    await flush();
    expect(store.getState().result?.asOf).toBe("2027-06-30");
    expect(store.getState().byId.has("OLD")).toBe(false);
    expect(store.getState().version).toBe(1);
  });

  it("a superseded request is not reported as an error", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    store.getState().setDataset(dataset());
    backend.calls[0]?.reject(new SupersededError());
    await flush();
    expect(store.getState().status).not.toBe("error");
  });

  it("a failing analysis sets the error status", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    store.getState().setDataset(dataset());
    backend.calls[0]?.reject(new Error("worker crashed"));
    await flush();
    expect(store.getState().status).toBe("error");
    expect(store.getState().error).toBe("worker crashed");
  });

  it("loadParcels imports in the backend, then analyses by dataset id without re-sending parcels", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    const engine = connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    const loading = engine.loadParcels("{}", "mine.geojson");
    expect(store.getState().loadStatus).toBe("loading");
    // The worker keeps the parcels: the response has only their count.
    const imported: ImportResponse = {
      problems: [],
      ok: true,
      featureCount: 3,
      parcelCount: 3,
      surveyDate: "2026-06-30",
    };
    backend.calls[0]?.resolve(imported);
    await loading;
    const ds = store.getState().dataset;
    expect(ds?.fileName).toBe("mine.geojson");
    expect(ds?.parcelCount).toBe(3);
    expect(ds?.parcels).toBeUndefined();
    expect(store.getState().asOf).toBe("2026-06-30");
    expect(backend.calls[1]?.kind).toBe("analyze");
    expect(backend.calls[1]?.payload).toMatchObject({ datasetId: ds?.datasetId });
    expect(backend.calls[1]?.payload).not.toHaveProperty("parcels");
  });

  it("an unusable file is rejected with its problems, the current data stays; no analysis runs", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    const engine = connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    const loading = engine.loadParcels("nope", "bad.geojson");
    backend.calls[0]?.resolve({
      problems: [{ severity: "error", code: "not-json", fatal: true, file: "bad.geojson" }],
      ok: false,
      featureCount: 0,
      parcelCount: 0,
    } satisfies ImportResponse);
    await loading;
    expect(store.getState().loadStatus).toBe("error");
    expect(store.getState().rejectedFile?.problems[0]?.code).toBe("not-json");
    expect(store.getState().dataset).toBeNull();
    expect(backend.calls).toHaveLength(1);
  });
});

describe("in-process backend (same handlers as the worker)", () => {
  it("imports the sample-like file, keeps the parcels in the backend and analyses them", async () => {
    const { InlineBackend } = await import("../../../src/worker/inline");
    const store = freshStore();
    const engine = connectEngine(store, new InlineBackend());
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    const fc = {
      type: "FeatureCollection",
      surveyDate: "2026-06-30",
      features: [
        {
          type: "Feature",
          properties: { id: "P1", zone: "huangtukan", landUse: "100101", 税收: "12" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [109.7, 30.6],
                [109.701, 30.6],
                [109.701, 30.601],
                [109.7, 30.601],
                [109.7, 30.6],
              ],
            ],
          },
        },
      ],
    };
    await engine.loadParcels(JSON.stringify(fc), "p.geojson");
    await new Promise((r) => setTimeout(r, 20));
    const s = store.getState();
    expect(s.dataset?.parcelCount).toBe(1);
    expect(s.asOf).toBe("2026-06-30");
    expect(s.result?.parcels[0]?.input.id).toBe("P1");
    expect(s.result?.parcels[0]?.computed.taxPerMu).toBeGreaterThan(0);
  });
});

describe("standards with another analysis CRS", () => {
  it("the held file is read again in the new CRS before analysing; no analysis on stale areas", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    const engine = connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    const loading = engine.loadParcels("{}", "mine.geojson");
    backend.calls[0]?.resolve({
      problems: [],
      ok: true,
      featureCount: 1,
      parcelCount: 1,
    } satisfies ImportResponse);
    await loading;
    const first = store.getState().dataset;
    expect(first?.analysisCrs).toBe("EPSG:4546");
    expect(backend.calls.map((c) => c.kind)).toEqual(["import", "analyze"]);

    store.getState().setStandards({
      standards: { ...STANDARDS, analysisCrs: "EPSG:4545" },
      fileName: "other.json",
      problems: [],
    });
    expect(backend.calls.map((c) => c.kind)).toEqual(["import", "analyze", "import"]);
    expect(backend.calls[2]?.payload).toMatchObject({
      fromDatasetId: first?.datasetId,
      analysisCrs: "EPSG:4545",
    });
    backend.calls[2]?.resolve({
      problems: [],
      ok: true,
      featureCount: 1,
      parcelCount: 1,
    } satisfies ImportResponse);
    await flush();
    const second = store.getState().dataset;
    expect(second?.analysisCrs).toBe("EPSG:4545");
    expect(second?.fileName).toBe("mine.geojson");
    expect(backend.calls[3]?.kind).toBe("analyze");
    expect(backend.calls[3]?.payload).toMatchObject({ datasetId: second?.datasetId });
  });

  it("through the real handlers, areas follow the analysis CRS", async () => {
    const { InlineBackend } = await import("../../../src/worker/inline");
    const store = freshStore();
    const engine = connectEngine(store, new InlineBackend());
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    const fc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { id: "P1" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [109.7, 30.6],
                [109.71, 30.6],
                [109.71, 30.61],
                [109.7, 30.61],
                [109.7, 30.6],
              ],
            ],
          },
        },
      ],
    };
    await engine.loadParcels(JSON.stringify(fc), "p.geojson");
    await new Promise((r) => setTimeout(r, 20));
    const a4546 = store.getState().result?.parcels[0]?.computed.areaM2 ?? 0;
    store.getState().setStandards({
      standards: { ...STANDARDS, analysisCrs: "EPSG:4545" },
      fileName: "o.json",
      problems: [],
    });
    await new Promise((r) => setTimeout(r, 20));
    const a4545 = store.getState().result?.parcels[0]?.computed.areaM2 ?? 0;
    expect(store.getState().dataset?.analysisCrs).toBe("EPSG:4545");
    expect(a4546).toBeGreaterThan(1_000_000);
    // Different central meridians (111°E vs 108°E) scale the same parcel differently.
    expect(a4545).not.toBeCloseTo(a4546, 0);
  });
});

describe("the analysis is a function of (dataset, edits)", () => {
  const label = { code: "edit-field", params: { parcelId: "A", field: "taxRevenue" } };
  const taxEdit = (after: number | null, before: number | null = null) => ({
    kind: "parcel-field" as const,
    parcelId: "A",
    field: "taxRevenue" as const,
    before,
    after,
  });

  it("an edit re-analyses with the edits in the request; undo re-analyses without them", () => {
    const store = freshStore();
    const backend = new ManualBackend();
    connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    store.getState().setDataset(dataset());
    expect(backend.calls).toHaveLength(1);
    expect(backend.calls[0]?.payload).not.toHaveProperty("edits");
    store.getState().commitEdits(label, [taxEdit(99)]);
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1]?.payload).toMatchObject({ edits: [taxEdit(99)] });
    store.getState().undo();
    expect(backend.calls).toHaveLength(3);
    expect(backend.calls[2]?.payload).not.toHaveProperty("edits");
    store.getState().redo();
    expect(backend.calls[3]?.payload).toMatchObject({ edits: [taxEdit(99)] });
  });

  it("a step without parcel edits, or a restored equal history, does not re-analyse", () => {
    const store = freshStore();
    const backend = new ManualBackend();
    connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    store.getState().setDataset(dataset());
    store.getState().commitEdits(label, [taxEdit(99)]);
    expect(backend.calls).toHaveLength(2);
    store.getState().setHistory({ ...store.getState().history });
    expect(backend.calls).toHaveLength(2);
  });

  it("edits after a dataset edit only: edits of the dataset before are not sent", () => {
    const store = freshStore();
    const backend = new ManualBackend();
    connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    store.getState().setDataset(dataset());
    store.getState().commitEdits(label, [taxEdit(99)]);
    store
      .getState()
      .commitEdits({ code: "import", params: {} }, [{ kind: "dataset", before: "x", after: "y" }]);
    expect(backend.calls.at(-1)?.payload).not.toHaveProperty("edits");
  });

  it("through the real handlers: indicators follow the edit, originals are carried, undo restores", async () => {
    const { InlineBackend } = await import("../../../src/worker/inline");
    const store = freshStore();
    const engine = connectEngine(store, new InlineBackend());
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    const square = (x: number) => ({
      type: "Polygon",
      coordinates: [
        [
          [109.7 + x, 30.6],
          [109.701 + x, 30.6],
          [109.701 + x, 30.601],
          [109.7 + x, 30.601],
          [109.7 + x, 30.6],
        ],
      ],
    });
    const fc = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { id: "A", taxRevenue: 10 }, geometry: square(0) },
        { type: "Feature", properties: { id: "B", taxRevenue: 10 }, geometry: square(0.01) },
      ],
    };
    await engine.loadParcels(JSON.stringify(fc), "p.geojson");
    const settle = () => new Promise((r) => setTimeout(r, 20));
    await settle();
    const before = store.getState().byId.get("A");
    const untouched = store.getState().byId.get("B");
    const tax0 = before?.computed.taxPerMu ?? 0;
    expect(tax0).toBeGreaterThan(0);
    expect(before?.edited).toBeUndefined();

    store.getState().commitEdits(label, [taxEdit(30, 10)]);
    await settle();
    const after = store.getState().byId.get("A");
    expect(after?.input.taxRevenue).toBe(30);
    expect(after?.computed.taxPerMu).toBeCloseTo(tax0 * 3, 6);
    expect(after?.edited).toEqual({ taxRevenue: 10 });
    expect(store.getState().byId.get("B")?.edited).toBeUndefined();
    expect(store.getState().byId.get("B")?.computed.taxPerMu).toBe(untouched?.computed.taxPerMu);

    store.getState().undo();
    await settle();
    expect(store.getState().byId.get("A")?.input.taxRevenue).toBe(10);
    expect(store.getState().byId.get("A")?.edited).toBeUndefined();
    expect(store.getState().byId.get("A")?.computed.taxPerMu).toBe(tax0);
  });
});
