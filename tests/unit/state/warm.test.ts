import { describe, expect, it } from "vitest";
import { connectEngine } from "../../../src/state/engine";
import type { AppState } from "../../../src/state/types";
import { addResultWarmer, warmSelectors } from "../../../src/state/warm";
import type { AnalysisBackend, RequestKind, WorkerContract } from "../../../src/worker/protocol";
import { dataset, freshStore, parcel, result, STANDARDS } from "./helpers";

class ManualBackend implements AnalysisBackend {
  calls: { kind: RequestKind; resolve: (v: unknown) => void }[] = [];
  request<K extends RequestKind>(
    kind: K,
    _payload: WorkerContract[K]["request"],
  ): Promise<WorkerContract[K]["response"]> {
    return new Promise((resolve) => {
      this.calls.push({ kind, resolve: resolve as (v: unknown) => void });
    });
  }
  dispose() {}
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("selector warming before a large result is written (issue 13)", () => {
  it("runs each warmer on the coming state in a task of its own, and stops when stale", async () => {
    const seen: string[] = [];
    const a = (s: AppState) => seen.push(`a:${s.lang}`);
    const b = (s: AppState) => seen.push(`b:${s.lang}`);
    addResultWarmer(a);
    addResultWarmer(b);
    addResultWarmer(a); // once only
    const coming = { ...freshStore().getState(), lang: "en" } as AppState;
    const done = warmSelectors(
      () => coming,
      () => false,
    );
    expect(seen).toEqual([]); // nothing in the caller's task
    await done;
    expect(seen.filter((x) => x.startsWith("a") || x.startsWith("b"))).toEqual(["a:en", "b:en"]);
    seen.length = 0;
    let stale = false;
    const stopped = warmSelectors(
      () => coming,
      () => stale,
    );
    stale = true;
    await stopped;
    expect(seen).toEqual([]);
  });

  it("the engine warms a 20,000-parcel result before writing it; a small one is written at once", async () => {
    const store = freshStore();
    const backend = new ManualBackend();
    const engine = connectEngine(store, backend);
    const warmedWhile: (number | null)[] = [];
    addResultWarmer((s) => {
      // The coming state has the new result; the store does not yet.
      if (s.result && s.result.parcels.length >= 20_000)
        warmedWhile.push(store.getState().result?.parcels.length ?? null);
    });
    store.getState().setDataset(dataset({ surveyDate: "2026-06-30", parcels: [] }));
    store.getState().setStandards({ standards: STANDARDS, fileName: "standards.json", problems: [] });
    const ids = Array.from({ length: 20_000 }, (_, i) => `P${i}`);
    backend.calls[0]?.resolve({
      result: result(
        ids.map((id) => parcel({ id })),
        "2026-06-30",
      ),
      durationMs: 5,
    });
    for (let i = 0; i < 30 && store.getState().result?.parcels.length !== 20_000; i++) await flush();
    expect(warmedWhile).toEqual([null]);
    expect(store.getState().result?.parcels.length).toBe(20_000);
    engine.dispose();
  });
});
