import { describe, expect, it } from "vitest";
import type { ParcelImport } from "../../../src/io/types";
import { connectEngine } from "../../../src/state/engine";
import {
  type AnalysisBackend,
  type AnalyzeResponse,
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
    const imported: ParcelImport = {
      parcels: [],
      problems: [],
      ok: true,
      featureCount: 0,
      surveyDate: "2026-06-30",
    };
    backend.calls[0]?.resolve(imported);
    await loading;
    const ds = store.getState().dataset;
    expect(ds?.fileName).toBe("mine.geojson");
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
      parcels: [],
      problems: [{ severity: "error", code: "not-json", fatal: true, file: "bad.geojson" }],
      ok: false,
      featureCount: 0,
    } satisfies ParcelImport);
    await loading;
    expect(store.getState().loadStatus).toBe("error");
    expect(store.getState().rejectedFile?.problems[0]?.code).toBe("not-json");
    expect(store.getState().dataset).toBeNull();
    expect(backend.calls).toHaveLength(1);
  });
});
