/**
 * The work across a "reload" (a new store, engine and session on the same storage): an import is a
 * dataset step, undone to the base and redone from the stored bytes; history, as-of date and
 * selection come back; a second tab does not save; full and blocked storage are said.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { currentDataset } from "../../../../src/domain/edits";
import { fingerprint } from "../../../../src/io/fingerprint";
import { connectEngine } from "../../../../src/state/engine";
import { memoryKeyValueStorage } from "../../../../src/state/storage/memory";
import { createWorkSession } from "../../../../src/state/storage/session";
import type { TabGuardEvents } from "../../../../src/state/storage/tabs";
import { type KeyValueStorage, StorageError } from "../../../../src/state/storage/types";
import { InlineBackend } from "../../../../src/worker/inline";
import { freshStore, STANDARDS } from "../helpers";

const ROOT = resolve(__dirname, "../../../..");
const A = new Uint8Array(readFileSync(resolve(ROOT, "tests/fixtures/io/read/fields/in.geojson")));
const B = new TextEncoder().encode(
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { id: "B-1", zone: "huangtukan", landUse: "100101" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [109.75, 30.6],
              [109.752, 30.6],
              [109.752, 30.602],
              [109.75, 30.602],
              [109.75, 30.6],
            ],
          ],
        },
      },
    ],
  }),
);

const alone = (e: TabGuardEvents) => {
  e.onHolder();
  return { takeOver: () => {}, dispose: () => {} };
};

async function until(fn: () => boolean, ms = 5000) {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One "page load": store, engine and session over `kv`; the base is A. */
async function start(kv: KeyValueStorage, guard = alone) {
  const store = freshStore();
  store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
  const session = createWorkSession(store, { open: async () => kv, guard, debounceMs: 0 });
  const engine = connectEngine(store, new InlineBackend(), { sources: session.sources });
  const restored = await session.start({ applyStandards: () => false });
  await engine.setBase({
    fingerprint: await fingerprint(A),
    fileName: "in.geojson",
    content: A,
    synthetic: true,
  });
  return { store, engine, session, restored };
}

describe("the work across a reload", () => {
  it("import is a dataset step: undo shows the base, redo re-imports; all of it comes back after a reload", async () => {
    const kv = memoryKeyValueStorage();
    const one = await start(kv);
    await until(() => one.store.getState().result?.parcels.length === 2);
    await one.engine.importParcels(B, "b.geojson", {
      label: { code: "import-dataset", params: { file: "b.geojson" } },
    });
    const fpB = await fingerprint(B);
    expect(currentDataset(one.store.getState().history)).toBe(fpB);
    await until(() => one.store.getState().result?.parcels.length === 1);
    one.store.getState().setAsOf("2025-05-05");
    one.store.getState().select(["B-1"]);
    await one.session.flush();
    await one.session.flush();

    const two = await start(kv);
    expect(two.restored.hadWork).toBe(true);
    await until(() => two.store.getState().byId.has("B-1"));
    const s = two.store.getState();
    expect(s.dataset?.fileName).toBe("b.geojson");
    expect([s.asOf, s.asOfUserSet]).toEqual(["2025-05-05", true]);
    await until(() => two.store.getState().selectedIds.has("B-1"));
    // undo: the base again; redo: B from the stored bytes (this session never saw the file)
    two.store.getState().undo();
    await until(() => two.store.getState().result?.parcels.length === 2);
    expect(two.store.getState().dataset?.fileName).toBe("in.geojson");
    two.store.getState().redo();
    await until(() => two.store.getState().result?.parcels.length === 1);
    expect(two.store.getState().storageNotices).toEqual([]);
  });

  it("a second tab restores the work but never writes; taking over writes all of its state", async () => {
    const kv = memoryKeyValueStorage();
    const one = await start(kv);
    one.store.getState().setAsOf("2025-01-01");
    await one.session.flush();
    let events: TabGuardEvents | null = null;
    const two = await start(kv, (e) => {
      events = e;
      e.onOther(false);
      return { takeOver: () => e.onHolder(), dispose: () => {} };
    });
    expect(two.store.getState().saving).toBe("other-tab");
    expect(two.store.getState().storageNotices.map((n) => n.code)).toEqual(["other-tab"]);
    expect(two.store.getState().asOf).toBe("2025-01-01");
    two.store.getState().setAsOf("2024-12-31");
    await two.session.flush();
    expect(await kv.get("work", "asOf")).toEqual({ asOf: "2025-01-01", userSet: true });
    two.session.takeOver();
    await until(() => two.store.getState().saving === "on");
    await two.session.flush();
    await until(
      () => (kv.data.get("work")?.get("asOf") as { asOf: string } | undefined)?.asOf === "2024-12-31",
    );
    expect(events).not.toBeNull();
  });

  it("blocked storage: the app starts on the sample and says the work is not kept", async () => {
    const store = freshStore();
    const session = createWorkSession(store, {
      open: async () => {
        throw new StorageError("blocked", "IndexedDB is not available");
      },
      guard: alone,
    });
    const restored = await session.start({ applyStandards: () => false });
    expect(restored.hadWork).toBe(false);
    expect(store.getState().saving).toBe("unavailable");
    expect(store.getState().storageNotices.map((n) => n.code)).toEqual(["work-blocked"]);
  });

  it("full storage: the import stays in this session and the notice names what was not saved", async () => {
    const kv = memoryKeyValueStorage({ quotaBytes: 300 });
    const one = await start(kv);
    await one.engine.importParcels(B, "big.geojson", {
      label: { code: "import-dataset", params: { file: "big.geojson" } },
    });
    await one.session.flush();
    await one.session.flush();
    const quota = one.store.getState().storageNotices.find((n) => n.code === "work-quota");
    expect(String(quota?.params.what).split(",").sort()).toEqual(["dataset", "history"]);
    expect(one.store.getState().dataset?.fileName).toBe("big.geojson");
    // undo and redo still work from this session's copy
    one.store.getState().undo();
    await until(() => one.store.getState().result?.parcels.length === 2);
    one.store.getState().redo();
    await until(() => one.store.getState().result?.parcels.length === 1);
  });

  it("a corrupt item is named, the others restored; a dataset the history names but storage lacks is said", async () => {
    const kv = memoryKeyValueStorage();
    const fpB = await fingerprint(B);
    await kv.put("work", "meta", { schemaVersion: 1 });
    await kv.put("work", "selection", "B-1");
    await kv.put("work", "history", {
      steps: [
        {
          id: "s1",
          at: "2026-12-01T21:00:00.000Z",
          label: { code: "import-dataset", params: { file: "b.geojson" } },
          edits: [{ kind: "dataset", before: null, after: fpB }],
        },
      ],
      applied: 1,
    });
    const one = await start(kv);
    await until(() => one.store.getState().result?.parcels.length === 2); // the base shown instead
    const notices = one.store.getState().storageNotices;
    expect(notices).toContainEqual({ code: "work-corrupt", params: { items: "selection" } });
    expect(notices).toContainEqual({
      code: "work-dataset-missing",
      params: { fingerprint: fpB.slice(0, 12), file: "b.geojson" },
    });
  });
});
