/**
 * The work's storage on fake IndexedDB (and its in-memory twin): round trip, corrupt values,
 * full storage, blocked storage, and the bound on stored datasets.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { EditHistory } from "../../../../src/domain/edits";
import { fingerprint, sha256Hex } from "../../../../src/io/fingerprint";
import { openIdbStorage } from "../../../../src/state/storage/idb";
import { memoryKeyValueStorage } from "../../../../src/state/storage/memory";
import { type KeyValueStorage, StorageError } from "../../../../src/state/storage/types";
import {
  dropUnreferencedDatasets,
  getDataset,
  putDataset,
  readWork,
  type StoredDataset,
  WORK_SCHEMA_VERSION,
  writeWorkItem,
} from "../../../../src/state/storage/work";

let dbCount = 0;
const opened: KeyValueStorage[] = [];
async function idb(): Promise<KeyValueStorage> {
  const kv = await openIdbStorage({ name: `jiyue-test-${++dbCount}` });
  opened.push(kv);
  return kv;
}
afterEach(() => {
  for (const kv of opened.splice(0)) kv.close();
});

const FP_A = "a".repeat(64);
const FP_B = "b".repeat(64);
const FP_C = "c".repeat(64);

const dataset = (fp: string, fileName = "parcels.geojson"): StoredDataset => ({
  fingerprint: fp,
  fileName,
  content: new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
  synthetic: false,
});

const history: EditHistory = {
  steps: [
    {
      id: "s1",
      at: "2026-12-01T21:30:00.000Z",
      label: { code: "import", params: { file: "a.geojson" } },
      edits: [{ kind: "dataset", before: null, after: FP_A }],
    },
    {
      id: "s2",
      at: "2026-12-01T21:31:00.000Z",
      label: { code: "edit-field", params: { id: "HTK-012", field: "fixedInvestment" } },
      edits: [
        { kind: "parcel-field", parcelId: "HTK-012", field: "fixedInvestment", before: 100, after: 1200 },
      ],
    },
  ],
  applied: 2,
};

describe("fingerprint", () => {
  it("is the SHA-256 of the content; Web Crypto and the pure fallback agree", async () => {
    // FIPS 180-4 test vector
    expect(await fingerprint("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const big = new Uint8Array(200_003).map((_, i) => (i * 31) % 251);
    expect(sha256Hex(big)).toBe(await fingerprint(big));
    expect(sha256Hex(new Uint8Array(0))).toBe(await fingerprint(""));
  });
});

for (const [name, make] of [
  ["IndexedDB (fake)", idb],
  ["memory", async () => memoryKeyValueStorage()],
] as const) {
  describe(`${name}: round trip`, () => {
    const scenarios = {
      active: "s1",
      histories: {
        s1: {
          applied: 1,
          steps: [
            {
              id: "x1",
              at: "2026-12-01T10:00:00.000Z",
              label: { code: "scenario-recover", params: { parcelId: "HTK-012" } },
              edits: [
                {
                  kind: "scenario-parcel" as const,
                  action: "recover" as const,
                  parcelId: "HTK-012",
                  before: { enterprise: "甲" },
                  after: { enterprise: null },
                },
                {
                  kind: "scenario-split" as const,
                  parcelId: "HTK-013",
                  line: [
                    [109.7, 30.6],
                    [109.71, 30.61],
                  ] as [number, number][],
                  ids: ["HTK-013-1", "HTK-013-2"] as [string, string],
                },
              ],
            },
          ],
        },
      },
    };
    it("every work item and a dataset come back as written", async () => {
      const kv = await make();
      await putDataset(kv, dataset(FP_A));
      await writeWorkItem(kv, "history", history);
      await writeWorkItem(kv, "asOf", { asOf: "2025-06-30", userSet: true });
      await writeWorkItem(kv, "standards", { fileName: "s.json", content: new Uint8Array([123, 125]) });
      await writeWorkItem(kv, "selection", ["HTK-012", "DYB-058"]);
      await writeWorkItem(kv, "view", { center: [109.73, 30.61], zoom: 14.5 });
      await writeWorkItem(kv, "scenarios", scenarios);
      const r = await readWork(kv);
      expect(r).toEqual({
        work: {
          history,
          asOf: { asOf: "2025-06-30", userSet: true },
          standards: { fileName: "s.json", content: new Uint8Array([123, 125]) },
          selection: ["HTK-012", "DYB-058"],
          view: { center: [109.73, 30.61], zoom: 14.5 },
          scenarios,
        },
        corrupt: [],
        newer: null,
        empty: false,
      });
      expect(await getDataset(kv, FP_A)).toEqual(dataset(FP_A));
      expect(await getDataset(kv, FP_B)).toBeNull();
    });

    it("a big source (≥ 8 MB) is kept as a Blob and comes back as the same bytes", async () => {
      const kv = await make();
      const bytes = new Uint8Array(8 * 2 ** 20 + 3);
      for (let i = 0; i < bytes.length; i += 4099) bytes[i] = (i * 7) & 255;
      bytes[bytes.length - 1] = 42;
      await putDataset(kv, { ...dataset(FP_A), content: bytes });
      const raw = (await kv.get("datasets", FP_A)) as { content: unknown };
      expect(raw.content).toBeInstanceOf(Blob);
      const back = await getDataset(kv, FP_A);
      expect(back).not.toBe("corrupt");
      const content = (back as StoredDataset).content as Uint8Array;
      expect(content).toBeInstanceOf(Uint8Array);
      expect(content.length).toBe(bytes.length);
      expect(content[4099]).toBe((4099 * 7) & 255);
      expect(content[bytes.length - 1]).toBe(42);
      expect(Buffer.from(content).equals(Buffer.from(bytes))).toBe(true);
    });

    it("the worker's Blob of a big source is stored as it is, and the Blob itself is not kept beside it", async () => {
      const kv = await make();
      const bytes = new Uint8Array(8 * 2 ** 20 + 5).fill(7);
      // Marked by its type: storage may clone the value, so the stored Blob is told apart by it.
      const contentBlob = new Blob([bytes], { type: "application/x-worker-made" });
      await putDataset(kv, { ...dataset(FP_A), content: bytes, contentBlob });
      const raw = (await kv.get("datasets", FP_A)) as Record<string, unknown>;
      expect(raw.content).toBeInstanceOf(Blob);
      expect((raw.content as Blob).type).toBe("application/x-worker-made");
      expect("contentBlob" in raw).toBe(false);
      const back = (await getDataset(kv, FP_A)) as StoredDataset;
      expect(Buffer.from(back.content as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
      expect(back.contentBlob).toBeUndefined();
    });

    it("nothing stored: an empty first start", async () => {
      const r = await readWork(await make());
      expect(r.empty).toBe(true);
      expect(r.corrupt).toEqual([]);
    });

    it("a null item is deleted", async () => {
      const kv = await make();
      await writeWorkItem(kv, "selection", ["A"]);
      await writeWorkItem(kv, "selection", null);
      expect((await readWork(kv)).work.selection).toBeNull();
    });
  });
}

describe("corrupt store: each item on its own, named", () => {
  it("wrong shapes are named; the good items are restored", async () => {
    const kv = await idb();
    await kv.put("work", "meta", { schemaVersion: 1 });
    await kv.put("work", "history", { steps: "nope" });
    await kv.put("work", "asOf", { asOf: "2025-02-30", userSet: true });
    await kv.put("work", "standards", { fileName: "s.json", content: "not bytes" });
    await kv.put("work", "selection", ["A", 3]);
    await kv.put("work", "view", { center: [109.7, 30.6], zoom: 14 });
    const r = await readWork(kv);
    expect(r.corrupt.sort()).toEqual(["asOf", "history", "selection", "standards"]);
    expect(r.work.view).toEqual({ center: [109.7, 30.6], zoom: 14 });
    expect(r.work.history).toBeNull();
  });

  it("a history with a bad step keeps the steps before it and is reported", async () => {
    const kv = await idb();
    const bad = {
      steps: [
        history.steps[0],
        {
          ...history.steps[1],
          edits: [{ kind: "parcel-field", parcelId: "X", field: "nope", before: 1, after: 2 }],
        },
      ],
      applied: 2,
    };
    await kv.put("work", "history", bad);
    const r = await readWork(kv);
    expect(r.work.history).toEqual({ steps: [history.steps[0]], applied: 1 });
    expect(r.corrupt).toEqual(["history"]);
  });

  it("a dataset stored with the wrong shape or under another key is corrupt, not used", async () => {
    const kv = await idb();
    await kv.put("datasets", FP_A, { ...dataset(FP_A), content: 5 });
    await kv.put("datasets", FP_B, dataset(FP_C));
    expect(await getDataset(kv, FP_A)).toBe("corrupt");
    expect(await getDataset(kv, FP_B)).toBe("corrupt");
  });

  it("work of a newer build is not read (and the caller must not overwrite it)", async () => {
    const kv = await idb();
    await kv.put("work", "meta", { schemaVersion: WORK_SCHEMA_VERSION + 1 });
    await kv.put("work", "history", history);
    const r = await readWork(kv);
    expect(r.newer).toBe(WORK_SCHEMA_VERSION + 1);
    expect(r.work.history).toBeNull();
  });
});

describe("full storage", () => {
  it("IndexedDB's QuotaExceededError becomes a quota StorageError", async () => {
    const kv = await idb();
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    try {
      await expect(putDataset(kv, dataset(FP_A))).rejects.toMatchObject({
        name: "StorageError",
        kind: "quota",
      });
    } finally {
      proto.put = put;
    }
    // what was stored before stays readable
    await putDataset(kv, dataset(FP_B));
    expect(await getDataset(kv, FP_B)).toEqual(dataset(FP_B));
  });

  it("the memory twin fails like a full storage beyond its quota", async () => {
    const kv = memoryKeyValueStorage({ quotaBytes: 60 });
    await expect(putDataset(kv, dataset(FP_A))).rejects.toMatchObject({ kind: "quota" });
  });
});

describe("blocked storage", () => {
  it("no IndexedDB (private mode, disabled): opening fails with blocked", async () => {
    const g = globalThis as { indexedDB?: IDBFactory };
    const saved = g.indexedDB;
    delete g.indexedDB;
    try {
      await expect(openIdbStorage()).rejects.toMatchObject({ name: "StorageError", kind: "blocked" });
    } finally {
      g.indexedDB = saved;
    }
  });

  it("an open that throws a SecurityError is blocked", async () => {
    const g = globalThis as { indexedDB?: IDBFactory };
    const saved = g.indexedDB as IDBFactory;
    g.indexedDB = {
      ...saved,
      open: () => {
        throw new DOMException("denied", "SecurityError");
      },
    } as unknown as IDBFactory;
    try {
      await expect(openIdbStorage({ name: "x" })).rejects.toMatchObject({ kind: "blocked" });
    } finally {
      g.indexedDB = saved;
    }
  });

  it("a memory twin that fails every call", async () => {
    const kv = memoryKeyValueStorage({ fail: new StorageError("blocked", "denied") });
    await expect(readWork(kv)).rejects.toMatchObject({ kind: "blocked" });
  });
});

describe("bounded: datasets nothing refers to are dropped", () => {
  it("keeps the history's datasets (applied and redo) and the shown one", async () => {
    const kv = await idb();
    for (const fp of [FP_A, FP_B, FP_C]) await putDataset(kv, dataset(fp));
    const h: EditHistory = { ...history, applied: 0 }; // FP_A only in a redo step
    expect(await dropUnreferencedDatasets(kv, h, [FP_B])).toEqual([FP_C]);
    expect((await kv.keys("datasets")).sort()).toEqual([FP_A, FP_B]);
  });
});
