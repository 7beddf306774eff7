/**
 * The in-memory twin of the IndexedDB storage (tests; a page where IndexedDB is blocked). Values
 * are structured-cloned in and out, as IndexedDB does. `quotaBytes` makes it fail like a full
 * storage; `fail` makes every call fail with that error (blocked storage).
 */
import { type KeyValueStorage, StorageError, type StoreName } from "./types";

export interface MemoryStorageOptions {
  /** Total size (approximate, bytes) beyond which `put` fails with a quota error. */
  quotaBytes?: number;
  /** Every call fails with this. */
  fail?: StorageError;
}

function sizeOf(v: unknown): number {
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (typeof v === "string") return v.length * 2;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + sizeOf(x), 16);
  if (typeof v === "object" && v !== null)
    return Object.entries(v).reduce((n, [k, x]) => n + k.length * 2 + sizeOf(x), 16);
  return 8;
}

export function memoryKeyValueStorage(options: MemoryStorageOptions = {}): KeyValueStorage & {
  /** Raw access for tests (put any shape, read what was written). */
  readonly data: Map<StoreName, Map<string, unknown>>;
} {
  const data = new Map<StoreName, Map<string, unknown>>([
    ["datasets", new Map()],
    ["work", new Map()],
  ]);
  const table = (s: StoreName) => {
    const t = data.get(s);
    if (!t) throw new StorageError("other", `no object store ${s}`);
    return t;
  };
  const check = () => {
    if (options.fail) throw options.fail;
  };
  const used = () => {
    let n = 0;
    for (const t of data.values()) for (const v of t.values()) n += sizeOf(v);
    return n;
  };
  return {
    data,
    async get(s, key) {
      check();
      const v = table(s).get(key);
      return v === undefined ? undefined : structuredClone(v);
    },
    async put(s, key, value) {
      check();
      const t = table(s);
      if (options.quotaBytes !== undefined) {
        const before = t.has(key) ? sizeOf(t.get(key)) : 0;
        if (used() - before + sizeOf(value) > options.quotaBytes)
          throw new StorageError("quota", "QuotaExceededError: the storage is full");
      }
      t.set(key, structuredClone(value));
    },
    async delete(s, key) {
      check();
      table(s).delete(key);
    },
    async keys(s) {
      check();
      return [...table(s).keys()];
    },
    close() {},
  };
}
