import { describe, expect, it, vi } from "vitest";
import {
  createWorkerBackend,
  SupersededError,
  WorkerClient,
  type WorkerLike,
} from "../../../src/worker/client";
import type { WorkerInbound, WorkerOutbound } from "../../../src/worker/protocol";
import { pickLatest } from "../../../src/worker/queue";
import { STANDARDS } from "../state/helpers";

/** A stand-in for the Worker: records posted messages; the test answers them. */
class FakeWorker implements WorkerLike {
  posted: WorkerInbound[] = [];
  private onMsg: ((ev: MessageEvent<WorkerOutbound>) => void) | null = null;
  private onErr: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(msg: WorkerInbound) {
    this.posted.push(msg);
  }
  addEventListener(
    type: "message" | "error",
    fn: ((ev: MessageEvent<WorkerOutbound>) => void) | ((ev: ErrorEvent) => void),
  ) {
    if (type === "message") this.onMsg = fn as (ev: MessageEvent<WorkerOutbound>) => void;
    else this.onErr = fn as (ev: ErrorEvent) => void;
  }
  answer(msg: WorkerOutbound) {
    this.onMsg?.({ data: msg } as MessageEvent<WorkerOutbound>);
  }
  crash(message: string) {
    this.onErr?.({ message } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}
const analyzeReq = (asOf: string) => ({ parcels: [], standards: STANDARDS, asOf });

describe("WorkerClient", () => {
  it("matches responses to requests by id", async () => {
    const w = new FakeWorker();
    const client = new WorkerClient(w);
    const p = client.request("import", { input: "{}", fileName: "a.geojson" });
    const id = w.posted[0]?.id ?? -1;
    w.answer({ id, ok: true, response: { problems: [], ok: false, featureCount: 0, parcelCount: 0 } });
    await expect(p).resolves.toMatchObject({ featureCount: 0 });
  });

  it("a newer request of the same kind supersedes the one in flight; its late answer is ignored", async () => {
    const w = new FakeWorker();
    const client = new WorkerClient(w);
    const first = client.request("analyze", analyzeReq("2026-01-01"));
    const second = client.request("analyze", analyzeReq("2026-06-30"));
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    const [m1, m2] = w.posted;
    // the stale answer arrives first and must not resolve the newer request
    w.answer({
      id: m1?.id ?? -1,
      ok: true,
      response: { result: { asOf: "2026-01-01" }, durationMs: 1 } as never,
    });
    w.answer({
      id: m2?.id ?? -1,
      ok: true,
      response: { result: { asOf: "2026-06-30" }, durationMs: 1 } as never,
    });
    await expect(second).resolves.toMatchObject({ result: { asOf: "2026-06-30" } });
  });

  it("requests of different kinds do not supersede each other", async () => {
    const w = new FakeWorker();
    const client = new WorkerClient(w);
    const imp = client.request("import", { input: "{}", fileName: "a.geojson" });
    client.request("analyze", analyzeReq("2026-06-30")).catch(() => {});
    w.answer({
      id: w.posted[0]?.id ?? -1,
      ok: true,
      response: { problems: [], ok: true, featureCount: 1, parcelCount: 1 },
    });
    await expect(imp).resolves.toMatchObject({ featureCount: 1 });
  });

  it("an error answer rejects with its message; a worker crash rejects everything pending", async () => {
    const w = new FakeWorker();
    const client = new WorkerClient(w);
    const a = client.request("analyze", analyzeReq("2026-06-30"));
    w.answer({ id: w.posted[0]?.id ?? -1, ok: false, error: "bad standards" });
    await expect(a).rejects.toThrow("bad standards");
    const b = client.request("import", { input: "{}", fileName: "a.geojson" });
    w.crash("out of memory");
    await expect(b).rejects.toThrow("out of memory");
  });
});

describe("worker queue", () => {
  it("runs only the newest request of each kind, in arrival order", () => {
    const msgs: WorkerInbound[] = [
      { id: 1, kind: "analyze", payload: analyzeReq("a") },
      { id: 2, kind: "import", payload: { input: "", fileName: "x" } },
      { id: 3, kind: "analyze", payload: analyzeReq("b") },
    ];
    const { run, dropped } = pickLatest(msgs);
    expect(run.map((m) => m.id)).toEqual([2, 3]);
    expect(dropped.map((m) => m.id)).toEqual([1]);
  });
});

describe("createWorkerBackend without module workers", () => {
  const FEATURE = {
    type: "Feature",
    properties: { id: "P1", fixedInvestment: 1000 },
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
  };
  const input = JSON.stringify({
    type: "FeatureCollection",
    features: [FEATURE, { ...FEATURE, properties: { id: "P2" } }],
  });

  it("falls back to the handlers on the page, loaded with the first request; the newest request of a kind wins", async () => {
    vi.stubGlobal(
      "Worker",
      class {
        constructor() {
          throw new Error("module workers unavailable");
        }
      },
    );
    try {
      const backend = createWorkerBackend();
      const first = backend.request("import", { input, fileName: "a.geojson" });
      const second = backend.request("import", { input, fileName: "b.geojson" });
      await expect(first).rejects.toBeInstanceOf(SupersededError);
      const res = await second;
      expect(res.parcelCount).toBe(2);
      backend.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
