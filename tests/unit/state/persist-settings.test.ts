/**
 * Stored settings are validated field by field (issue 12): one wrongly shaped value is dropped on
 * its own and named, never blanking the app; a newer build's settings are kept, not overwritten.
 */
import { describe, expect, it } from "vitest";
import {
  memoryStorage,
  PERSIST_BACKUP_KEY,
  PERSIST_KEY,
  resetStoredSettings,
  validateSettings,
} from "../../../src/state/persist";
import { createAppStore } from "../../../src/state/store";

function storeWith(stored: unknown, raw?: string) {
  const storage = memoryStorage();
  storage.setItem(PERSIST_KEY, raw ?? JSON.stringify(stored));
  return { storage, store: createAppStore({ storage }) };
}

const base = () => createAppStore({ storage: memoryStorage() }).getState();

describe("validateSettings: field by field", () => {
  const cases: { name: string; state: unknown; values: Record<string, unknown>; dropped: string[] }[] = [
    {
      name: "labels: null keeps the classification's method, k and breaks",
      state: { classifications: { taxPerMu: { method: "quantile", k: 4, manualBreaks: [], labels: null } } },
      values: { classifications: { taxPerMu: { method: "quantile", k: 4, manualBreaks: [], labels: {} } } },
      dropped: ["classifications.taxPerMu.labels"],
    },
    {
      name: "manualBreaks not a list: dropped; a manual method without breaks falls back to jenks",
      state: {
        classifications: { far: { method: "manual", k: 3, manualBreaks: "1,2", labels: { 0: "低" } } },
      },
      values: { classifications: { far: { method: "jenks", k: 3, manualBreaks: [], labels: { 0: "低" } } } },
      dropped: ["classifications.far.manualBreaks"],
    },
    {
      name: "unknown indicator, non-object classification, bad k, bad label entries",
      state: {
        classifications: {
          nope: { method: "jenks" },
          far: 7,
          taxPerMu: { method: "x", k: 12, manualBreaks: [1, Number.NaN], labels: { 0: "a", x: "b", 1: 3 } },
        },
      },
      values: {
        classifications: { taxPerMu: { method: "jenks", k: 5, manualBreaks: [], labels: { 0: "a" } } },
      },
      dropped: [
        "classifications.nope",
        "classifications.far",
        "classifications.taxPerMu.method",
        "classifications.taxPerMu.k",
        "classifications.taxPerMu.manualBreaks",
        "classifications.taxPerMu.labels.1",
        "classifications.taxPerMu.labels.x",
      ],
    },
    {
      name: "wrong types anywhere: each field on its own",
      state: { lang: "en", unit: 3, theme: ["projector"], tableFraction: "0.4", tableCollapsed: true },
      values: { lang: "en", tableCollapsed: true },
      dropped: ["unit", "theme", "tableFraction"],
    },
    {
      name: "classifications not an object",
      state: { lang: "en", classifications: [1, 2] },
      values: { lang: "en" },
      dropped: ["classifications"],
    },
    {
      name: "tianditu without a key is not restored; the key alone is",
      state: { basemap: "tianditu", tiandituKey: "  " },
      values: { tiandituKey: "" },
      dropped: ["basemap"],
    },
    { name: "state not an object", state: "zh", values: {}, dropped: ["state"] },
    { name: "nothing stored", state: undefined, values: {}, dropped: [] },
    {
      name: "unknown fields (a later build's) are ignored",
      state: { futureThing: 1 },
      values: {},
      dropped: [],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = validateSettings(c.state, base());
      expect(r.values).toEqual(c.values);
      expect([...r.dropped].sort()).toEqual([...c.dropped].sort());
    });
});

describe("a wrongly shaped setting does not blank the app", () => {
  it("labels: null in localStorage: the store starts, other settings kept, the user is told what was reset", () => {
    const { store, storage } = storeWith({
      state: {
        lang: "en",
        classifications: { taxPerMu: { method: "equal", k: 4, manualBreaks: [], labels: null } },
      },
      version: 1,
    });
    const s = store.getState();
    expect(s.lang).toBe("en");
    expect(s.classifications.taxPerMu).toEqual({ method: "equal", k: 4, manualBreaks: [], labels: {} });
    expect(s.storageNotices).toEqual([
      { code: "settings-dropped", params: { fields: "classifications.taxPerMu.labels" } },
    ]);
    // the unusable original is kept aside before a save overwrites it
    expect(
      JSON.parse(storage.getItem(PERSIST_BACKUP_KEY) as string).state.classifications.taxPerMu.labels,
    ).toBe(null);
  });

  it("not JSON: defaults, the text kept aside, said", () => {
    const { store, storage } = storeWith(null, "{not json");
    expect(store.getState().lang).toBe("zh");
    expect(store.getState().storageNotices.map((n) => n.code)).toEqual(["settings-unreadable"]);
    expect(storage.getItem(PERSIST_BACKUP_KEY)).toBe("{not json");
  });

  it("version 999: defaults, said, and never overwritten by this build", () => {
    const stored = JSON.stringify({ state: { lang: "en", somethingNew: true }, version: 999 });
    const { store, storage } = storeWith(null, stored);
    expect(store.getState().lang).toBe("zh");
    expect(store.getState().storageNotices).toEqual([{ code: "settings-newer", params: { version: 999 } }]);
    store.getState().setLang("en");
    store.getState().setTheme("projector");
    expect(storage.getItem(PERSIST_KEY)).toBe(stored);
  });

  it("a write that fails (full storage) is said, not thrown into the state update", () => {
    const storage = memoryStorage();
    const store = createAppStore({
      storage: {
        ...storage,
        setItem: () => {
          throw new DOMException("quota", "QuotaExceededError");
        },
      },
    });
    expect(() => store.getState().setLang("en")).not.toThrow();
    expect(store.getState().lang).toBe("en");
    expect(store.getState().storageNotices.map((n) => n.code)).toEqual(["settings-write-failed"]);
  });

  it("resetStoredSettings keeps a copy before removing", () => {
    const storage = memoryStorage();
    storage.setItem(PERSIST_KEY, '{"state":{"lang":"en"},"version":1}');
    resetStoredSettings(storage);
    expect(storage.getItem(PERSIST_KEY)).toBeNull();
    expect(storage.getItem(PERSIST_BACKUP_KEY)).toBe('{"state":{"lang":"en"},"version":1}');
    expect(createAppStore({ storage }).getState().lang).toBe("zh");
  });
});
