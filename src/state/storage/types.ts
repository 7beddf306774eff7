/**
 * The one small storage interface the work is kept behind: async get/put/delete (and list the
 * keys, to drop what nothing refers to) by store and key. Implemented over IndexedDB (`idb.ts`)
 * and in memory (`memory.ts`, the twin for tests). Failures are {@link StorageError}s of a kind the
 * user can be told about: full, blocked or something else.
 */

/** The object stores: `datasets` (source files by fingerprint) and `work` (history, as-of …). */
export type StoreName = "datasets" | "work";
export const STORE_NAMES: readonly StoreName[] = ["datasets", "work"];

export interface KeyValueStorage {
  /** The stored value (structured clone), `undefined` when the key is absent. */
  get(store: StoreName, key: string): Promise<unknown>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  keys(store: StoreName): Promise<string[]>;
  close(): void;
}

/** `quota`: the storage is full; `blocked`: unavailable (private mode, disabled, another version open). */
export type StorageFailure = "quota" | "blocked" | "other";

export class StorageError extends Error {
  constructor(
    readonly kind: StorageFailure,
    message: string,
  ) {
    super(message);
    this.name = "StorageError";
  }
}

/** A storage failure of a kind the user can be told about, from whatever a browser threw. */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === "QuotaExceededError" || /quota/i.test(message)) return new StorageError("quota", message);
  if (name === "SecurityError" || name === "InvalidStateError" || name === "UnknownError")
    return new StorageError("blocked", message);
  return new StorageError("other", `${typeof name === "string" ? `${name}: ` : ""}${message}`);
}
