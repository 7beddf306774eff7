/**
 * What of the user's work is stored, and how it is read back: each item under its own key in the
 * `work` store (so a frequent write — the map view — never rewrites the history, and one corrupt
 * item never takes the others with it), dataset sources by fingerprint in the `datasets` store.
 * Every value read is checked field by field; what cannot be used is named, never dropped
 * silently. A `meta` record names the schema version; work written by a newer build is neither
 * read nor overwritten.
 */

import { isIsoDate } from "../../domain/dates";
import type { EditHistory } from "../../domain/edits";
import type { IsoDate } from "../../domain/types";
import { historyDatasets, readHistory, readScenarioWork } from "../../io/edits-read";
import { isFingerprint } from "../../io/fingerprint";
import { BLOB_CONTENT_FROM } from "../../worker/protocol";
import type { KeyValueStorage } from "./types";

export const WORK_SCHEMA_VERSION = 1;

/** A dataset's source file, as imported: enough to import it again exactly. */
export interface StoredDataset {
  fingerprint: string;
  fileName: string;
  /** The file's bytes (or its text, for generated data). */
  content: Uint8Array | string;
  /**
   * `content` as a Blob, when the worker made one (a large import): stored instead of `content`
   * without making another on the page. Never stored itself.
   */
  contentBlob?: Blob;
  /** The CRS the user gave for unprefixed projected coordinates, if any. */
  crs?: string;
  synthetic: boolean;
}

export interface StoredStandards {
  fileName: string;
  content: Uint8Array;
}

/** Centre (lon/lat) and zoom, as the map API's view. */
export interface StoredView {
  center: [number, number];
  zoom: number;
}

export interface StoredWork {
  history: EditHistory | null;
  asOf: { asOf: IsoDate; userSet: boolean } | null;
  standards: StoredStandards | null;
  selection: string[] | null;
  view: StoredView | null;
  /** Each scenario's own history and the scenario open (the list itself is in `history`). */
  scenarios: { histories: Record<string, EditHistory>; active: string | null } | null;
}
export type WorkItem = keyof StoredWork;
export const WORK_ITEMS: readonly WorkItem[] = [
  "history",
  "asOf",
  "standards",
  "selection",
  "view",
  "scenarios",
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Validators: the usable value, or `undefined` when it has the wrong shape. */
export const WORK_VALIDATORS: { [K in WorkItem]: (raw: unknown) => StoredWork[K] | undefined } = {
  history: (raw) => {
    const r = readHistory(raw);
    // A history cut short (a bad step) is still the usable part; the caller reports the cut.
    return r.history ?? undefined;
  },
  asOf: (raw) =>
    isObject(raw) && typeof raw.asOf === "string" && isIsoDate(raw.asOf) && typeof raw.userSet === "boolean"
      ? { asOf: raw.asOf, userSet: raw.userSet }
      : undefined,
  standards: (raw) =>
    isObject(raw) && typeof raw.fileName === "string" && isBytes(raw.content)
      ? { fileName: raw.fileName, content: raw.content }
      : undefined,
  selection: (raw) =>
    Array.isArray(raw) && raw.every((x) => typeof x === "string") ? [...(raw as string[])] : undefined,
  view: (raw) =>
    isObject(raw) &&
    Array.isArray(raw.center) &&
    raw.center.length === 2 &&
    finite(raw.center[0]) &&
    finite(raw.center[1]) &&
    Math.abs(raw.center[0]) <= 180 &&
    Math.abs(raw.center[1]) <= 90 &&
    finite(raw.zoom) &&
    raw.zoom >= 0 &&
    raw.zoom <= 24
      ? { center: [raw.center[0], raw.center[1]], zoom: raw.zoom }
      : undefined,
  scenarios: (raw) => readScenarioWork(raw).work ?? undefined,
};

export function validateDataset(raw: unknown, key?: string): StoredDataset | undefined {
  if (!isObject(raw)) return undefined;
  const { fingerprint, fileName, content, crs, synthetic } = raw;
  if (!isFingerprint(fingerprint) || (key !== undefined && fingerprint !== key)) return undefined;
  if (typeof fileName !== "string" || !(isBytes(content) || typeof content === "string")) return undefined;
  if (crs !== undefined && typeof crs !== "string") return undefined;
  if (typeof synthetic !== "boolean") return undefined;
  return { fingerprint, fileName, content, ...(crs !== undefined ? { crs } : {}), synthetic };
}

export interface WorkRead {
  work: StoredWork;
  /** Items that were stored but could not be used (or only partly: a history cut short). */
  corrupt: WorkItem[];
  /** The stored work's schema version when newer than this build's (nothing was read). */
  newer: number | null;
  /** Nothing was stored: a first start. */
  empty: boolean;
}

const EMPTY_WORK: StoredWork = {
  history: null,
  asOf: null,
  standards: null,
  selection: null,
  view: null,
  scenarios: null,
};

/** Read every work item, each validated on its own. Storage failures propagate (`StorageError`). */
export async function readWork(kv: KeyValueStorage): Promise<WorkRead> {
  const meta = await kv.get("work", "meta");
  const version = isObject(meta) && typeof meta.schemaVersion === "number" ? meta.schemaVersion : null;
  if (version !== null && version > WORK_SCHEMA_VERSION)
    return { work: { ...EMPTY_WORK }, corrupt: [], newer: version, empty: false };
  const work: StoredWork = { ...EMPTY_WORK };
  const corrupt: WorkItem[] = [];
  let empty = meta === undefined;
  for (const item of WORK_ITEMS) {
    const raw = await kv.get("work", item);
    if (raw === undefined || raw === null) continue;
    empty = false;
    const v = WORK_VALIDATORS[item](raw);
    if (v === undefined) corrupt.push(item);
    else (work as unknown as Record<string, unknown>)[item] = v;
    if (item === "history" && v !== undefined && readHistory(raw).problems.length > 0) corrupt.push(item);
  }
  return { work, corrupt, newer: null, empty };
}

/** Write one item (and the schema version once). */
export async function writeWorkItem<K extends WorkItem>(
  kv: KeyValueStorage,
  item: K,
  value: StoredWork[K],
): Promise<void> {
  await kv.put("work", "meta", { schemaVersion: WORK_SCHEMA_VERSION });
  if (value === null) await kv.delete("work", item);
  else await kv.put("work", item, value);
}

/**
 * Sources from `BLOB_CONTENT_FROM` (8 MB) are stored as a Blob (the worker's `contentBlob` when it
 * made one): IndexedDB then keeps a reference to bytes the
 * browser already holds instead of serialising them on the page (a 100 MB import held the page
 * for 0.7 s in `put`, issue 13). Read back as bytes, so callers never see the Blob.
 */
export async function putDataset(kv: KeyValueStorage, ds: StoredDataset): Promise<void> {
  const { contentBlob, ...stored } = ds;
  const big =
    typeof ds.content !== "string" &&
    ds.content.byteLength >= BLOB_CONTENT_FROM &&
    typeof Blob === "function";
  const value = contentBlob
    ? { ...stored, content: contentBlob }
    : big
      ? { ...stored, content: new Blob([ds.content as Uint8Array<ArrayBuffer>]) }
      : stored;
  await kv.put("datasets", ds.fingerprint, value);
}

/** A stored dataset, `null` when absent, `"corrupt"` when stored with the wrong shape. */
export async function getDataset(kv: KeyValueStorage, fp: string): Promise<StoredDataset | null | "corrupt"> {
  let raw = await kv.get("datasets", fp);
  if (raw === undefined) return null;
  if (isObject(raw) && typeof Blob === "function" && raw.content instanceof Blob) {
    try {
      raw = { ...raw, content: new Uint8Array(await raw.content.arrayBuffer()) };
    } catch {
      return "corrupt"; // the Blob's file is gone (storage cleared underneath)
    }
  }
  return validateDataset(raw, fp) ?? "corrupt";
}

/**
 * Bound the storage: drop every stored dataset that neither the history (applied or redo steps)
 * nor `alsoKeep` (the dataset shown) refers to. Returns the fingerprints dropped.
 */
export async function dropUnreferencedDatasets(
  kv: KeyValueStorage,
  history: EditHistory,
  alsoKeep: readonly (string | null | undefined)[] = [],
): Promise<string[]> {
  const keep = historyDatasets(history);
  for (const k of alsoKeep) if (k) keep.add(k);
  const dropped: string[] = [];
  for (const key of await kv.keys("datasets")) {
    if (keep.has(key)) continue;
    await kv.delete("datasets", key);
    dropped.push(key);
  }
  return dropped;
}
