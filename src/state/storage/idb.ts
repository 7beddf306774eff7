/**
 * The work's storage over IndexedDB (through `idb`, a small promise wrapper). One database
 * `jiyue` with the object stores of `STORE_NAMES`. Every failure becomes a `StorageError` (full,
 * blocked, other); a browser without IndexedDB (or one that refuses it: private mode, disabled
 * storage) fails to open with `blocked`.
 */
import { type IDBPDatabase, openDB } from "idb";
import { type KeyValueStorage, STORE_NAMES, StorageError, toStorageError } from "./types";

export const DB_NAME = "jiyue";
export const DB_VERSION = 1;

/** How long opening may take before the storage counts as blocked (a hung profile; a busy machine can take seconds). */
const OPEN_TIMEOUT_MS = 20_000;

export async function openIdbStorage(options: { name?: string } = {}): Promise<KeyValueStorage> {
  if (!(globalThis as { indexedDB?: IDBFactory }).indexedDB)
    throw new StorageError("blocked", "IndexedDB is not available");
  let db: IDBPDatabase;
  try {
    const opening = openDB(options.name ?? DB_NAME, DB_VERSION, {
      upgrade(d) {
        for (const s of STORE_NAMES) if (!d.objectStoreNames.contains(s)) d.createObjectStore(s);
      },
      blocked() {
        // an older version is open in another tab: we wait (the timeout reports it)
      },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      db = await Promise.race([
        opening,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new StorageError("blocked", "IndexedDB did not open")),
            OPEN_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    const err = toStorageError(e);
    throw err.kind === "other" ? new StorageError("blocked", err.message) : err;
  }
  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw toStorageError(e);
    }
  };
  return {
    get: (s, key) => wrap(() => db.get(s, key)),
    put: (s, key, value) => wrap(async () => void (await db.put(s, value, key))),
    delete: (s, key) => wrap(() => db.delete(s, key)),
    keys: (s) => wrap(async () => (await db.getAllKeys(s)).map(String)),
    close: () => db.close(),
  };
}
