/**
 * Saves the work as it changes: the history (then drops datasets nothing refers to any more), the
 * as-of date, a standards file the user picked, the selection and the map view, each under its
 * own key, a little after the last change. Only while this tab holds the work (`saving === "on"`):
 * another tab's work, or a newer build's, is never overwritten. A write that fails (full,
 * blocked) is said in a notice naming what was not saved; later changes try again.
 *
 * Also the dataset sources the engine reads back (undo of an import, redo, a reload): kept in
 * memory for the session and in storage while saving.
 */
import { currentDataset, type EditHistory } from "../../domain/edits";
import type { DatasetSources } from "../engine";
import type { StorageNotice } from "../slices/persistence";
import type { AppStore } from "../store";
import type { AppState } from "../types";
import { type KeyValueStorage, toStorageError } from "./types";
import {
  dropUnreferencedDatasets,
  getDataset,
  putDataset,
  type StoredDataset,
  type StoredView,
  type StoredWork,
  type WorkItem,
  writeWorkItem,
} from "./work";

export interface Autosave {
  /** The engine's dataset sources (memory + storage). */
  sources: DatasetSources;
  /** The map view changed (saved after a pause). */
  saveView(view: StoredView): void;
  /** Write everything pending now. */
  flush(): Promise<void>;
  /** Write every item now (after taking the work over from another tab). */
  saveAll(): Promise<void>;
  dispose(): void;
}

type WhatFailed = WorkItem | "dataset";

const itemOf: { [K in Exclude<WorkItem, "view">]: (s: AppState) => StoredWork[K] } = {
  history: (s) => s.history,
  asOf: (s) => ({ asOf: s.asOf, userSet: s.asOfUserSet }),
  standards: (s) =>
    s.standards?.origin === "user" && s.standards.content
      ? { fileName: s.standards.fileName, content: s.standards.content }
      : null,
  selection: (s) => [...s.selectedIds],
  scenarios: (s) => scenarioWorkOf(s),
};

let lastScenarioWork: StoredWork["scenarios"] = null;
/** The scenario work as stored: the same object while the histories and the open scenario are. */
function scenarioWorkOf(s: AppState): StoredWork["scenarios"] {
  if (lastScenarioWork?.histories !== s.scenarioHistories || lastScenarioWork.active !== s.activeScenario)
    lastScenarioWork = { histories: s.scenarioHistories, active: s.activeScenario };
  return lastScenarioWork;
}

export function connectAutosave(
  store: AppStore,
  kv: KeyValueStorage,
  options: { debounceMs?: number } = {},
): Autosave {
  const delay = options.debounceMs ?? 300;
  const memory = new Map<string, StoredDataset>();
  const pending = new Map<WorkItem, unknown>();
  let pendingDatasets: StoredDataset[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let disposed = false;
  const canSave = () => store.getState().saving === "on" && !disposed;

  /** What a full storage has already kept from being saved (one notice names them all). */
  const quotaWhat = (): string[] => {
    const n = store.getState().storageNotices.find((x) => x.code === "work-quota");
    return n ? String(n.params.what).split(",") : [];
  };
  const report = (e: unknown, what: WhatFailed) => {
    const err = toStorageError(e);
    const notice: StorageNotice =
      err.kind === "quota"
        ? { code: "work-quota", params: { what: [...new Set([...quotaWhat(), what])].join(",") } }
        : err.kind === "blocked"
          ? { code: "work-blocked", params: {} }
          : { code: "work-write-failed", params: { message: err.message } };
    store.getState().addStorageNotice(notice);
  };

  const write = async () => {
    if (!canSave()) return;
    const items = [...pending];
    pending.clear();
    const datasets = pendingDatasets;
    pendingDatasets = [];
    for (const ds of datasets) {
      try {
        await putDataset(kv, ds);
      } catch (e) {
        report(e, "dataset");
      }
    }
    for (const [item, value] of items) {
      try {
        await writeWorkItem(kv, item, value as never);
        if (item === "history") {
          const s = store.getState();
          await dropUnreferencedDatasets(kv, value as EditHistory, [
            s.dataset?.fingerprint,
            currentDataset(value as EditHistory),
          ]);
        }
      } catch (e) {
        report(e, item);
      }
    }
  };

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      chain = chain.then(write);
    }, delay);
  };

  const queue = (item: WorkItem, value: unknown) => {
    if (!canSave()) return;
    pending.set(item, value);
    schedule();
  };

  // Each item is watched through a cheap reference (or short text) and converted only when it changed.
  const watched: { [K in keyof typeof itemOf]: (s: AppState) => unknown } = {
    history: (s) => s.history,
    asOf: (s) => `${s.asOf}|${s.asOfUserSet}`,
    standards: (s) => s.standards,
    selection: (s) => s.selectedIds,
    scenarios: scenarioWorkOf,
  };
  const subs = (Object.keys(watched) as (keyof typeof itemOf)[]).map((item) =>
    store.subscribe(watched[item], () => queue(item, itemOf[item](store.getState()))),
  );

  let lastView: StoredView | null = null;
  const saveAll = async () => {
    const s = store.getState();
    for (const item of Object.keys(itemOf) as (keyof typeof itemOf)[]) pending.set(item, itemOf[item](s));
    if (lastView) pending.set("view", lastView);
    pendingDatasets.push(...memory.values());
    chain = chain.then(write);
    await chain;
  };

  return {
    sources: {
      async get(fp) {
        const m = memory.get(fp);
        if (m) return m;
        try {
          return await getDataset(kv, fp);
        } catch {
          return null;
        }
      },
      async put(ds) {
        memory.set(ds.fingerprint, ds);
        if (!canSave()) return;
        pendingDatasets.push(ds);
        schedule();
      },
    },
    saveView(view) {
      lastView = view;
      queue("view", view);
    },
    async flush() {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
        chain = chain.then(write);
      }
      await chain;
    },
    saveAll,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      for (const u of subs) u();
    },
  };
}
