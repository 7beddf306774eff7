/**
 * The work kept across reloads, from start to close: opens the storage, reads what was stored
 * (each item validated; what cannot be used is said), puts it back into the store, decides with
 * the other tabs who saves (`tabs.ts`), and then saves as the work changes (`autosave.ts`).
 * Storage that is blocked or full never stops the app: it runs, and says what is not kept.
 */
import { currentDataset } from "../../domain/edits";
import type { DatasetSources } from "../engine";
import type { AppStore } from "../store";
import { type Autosave, connectAutosave } from "./autosave";
import { openIdbStorage } from "./idb";
import { guardTab, type TabGuard, type TabGuardEvents } from "./tabs";
import { type KeyValueStorage, toStorageError } from "./types";
import { getDataset, readWork, type StoredStandards, type StoredView } from "./work";

export interface RestoreHooks {
  /** Read a stored standards file into the store (false: it could not be used). */
  applyStandards(standards: StoredStandards): boolean;
}

export interface Restored {
  /** Something was stored (not a first start). */
  hadWork: boolean;
  /** The dataset the restored history names (null: the base/sample). */
  dataset: string | null;
  /** The stored standards were applied (else the app's default standards are needed). */
  standards: boolean;
  view: StoredView | null;
}

export interface WorkSession {
  /** Dataset sources for the engine (this session's, then the stored ones). */
  sources: DatasetSources;
  /** Open the storage and restore the work into the store. Never rejects. */
  start(hooks: RestoreHooks): Promise<Restored>;
  saveView(view: StoredView): void;
  /** Take the work over from another tab: this tab saves (all of its state) from now on. */
  takeOver(): void;
  flush(): Promise<void>;
  /** The opened storage (null: unavailable or not opened yet). */
  storage(): KeyValueStorage | null;
  dispose(): void;
}

export interface WorkSessionOptions {
  open?: () => Promise<KeyValueStorage>;
  guard?: (events: TabGuardEvents) => TabGuard;
  debounceMs?: number;
}

const NOTHING: Restored = { hadWork: false, dataset: null, standards: false, view: null };

export function createWorkSession(store: AppStore, options: WorkSessionOptions = {}): WorkSession {
  let kv: KeyValueStorage | null = null;
  let autosave: Autosave | null = null;
  let guard: TabGuard | null = null;
  let disposed = false;
  let unselect: (() => void) | null = null;
  const early = new Map<string, import("./work").StoredDataset>();
  const notice = store.getState().addStorageNotice;

  const sources: DatasetSources = {
    async get(fp) {
      if (autosave) return autosave.sources.get(fp);
      const m = early.get(fp);
      if (m) return m;
      if (!kv) return null;
      try {
        return await getDataset(kv, fp);
      } catch {
        return null;
      }
    },
    async put(ds) {
      if (autosave) return autosave.sources.put(ds);
      early.set(ds.fingerprint, ds);
    },
  };

  /** Re-select the stored parcels once the restored dataset is analysed (ids that still exist). */
  const reselect = (ids: string[]) => {
    if (ids.length === 0) return;
    unselect = store.subscribe(
      (s) => s.byId,
      (byId) => {
        const s = store.getState();
        if (
          byId.size === 0 ||
          s.dataset?.fingerprint !== (currentDataset(s.history) ?? s.dataset?.fingerprint)
        )
          return;
        unselect?.();
        unselect = null;
        const keep = ids.filter((id) => byId.has(id));
        if (keep.length > 0) s.select(keep);
      },
    );
  };

  return {
    sources,
    async start(hooks) {
      try {
        kv = await (options.open ?? openIdbStorage)();
      } catch (e) {
        const err = toStorageError(e);
        notice(
          err.kind === "quota"
            ? { code: "work-quota", params: { what: "dataset" } }
            : { code: "work-blocked", params: {} },
        );
        store.getState().setSaving("unavailable");
        return NOTHING;
      }
      if (disposed) return NOTHING;
      let read: Awaited<ReturnType<typeof readWork>>;
      try {
        read = await readWork(kv);
      } catch (e) {
        notice({ code: "work-write-failed", params: { message: toStorageError(e).message } });
        store.getState().setSaving("unavailable");
        return NOTHING;
      }
      if (read.newer !== null) {
        notice({ code: "work-newer", params: { version: read.newer } });
        store.getState().setSaving("newer");
        return { ...NOTHING, hadWork: true };
      }
      const corrupt: string[] = [...read.corrupt];
      const { work } = read;
      let standards = false;
      if (work.standards) {
        standards = hooks.applyStandards(work.standards);
        if (!standards) corrupt.push("standards");
      }
      if (work.asOf?.userSet) store.getState().setAsOf(work.asOf.asOf);
      if (work.history) store.getState().setHistory(work.history);
      if (work.scenarios) store.getState().setScenarioWork(work.scenarios);
      if (work.selection) reselect(work.selection);
      if (corrupt.length > 0)
        notice({ code: "work-corrupt", params: { items: [...new Set(corrupt)].join(",") } });

      // Who saves: this tab, unless another has the work open.
      autosave = connectAutosave(
        store,
        kv,
        options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {},
      );
      for (const ds of early.values()) await autosave.sources.put(ds);
      let decided: () => void = () => {};
      const decision = new Promise<void>((r) => {
        decided = r;
      });
      let first = true;
      guard = (options.guard ?? guardTab)({
        onHolder: () => {
          const wasFirst = first;
          first = false;
          store.getState().dismissStorageNotice("other-tab");
          store.getState().setSaving("on");
          decided();
          if (!wasFirst) void autosave?.saveAll();
        },
        onOther: (takenOver) => {
          first = false;
          store.getState().setSaving("other-tab");
          notice({ code: "other-tab", params: { takenOver: takenOver ? 1 : 0 } });
          decided();
        },
      });
      await Promise.race([decision, new Promise((r) => setTimeout(r, 1000))]);
      return {
        hadWork: !read.empty,
        dataset: work.history ? currentDataset(store.getState().history) : null,
        standards,
        view: work.view,
      };
    },
    saveView(view) {
      autosave?.saveView(view);
    },
    takeOver() {
      guard?.takeOver();
    },
    async flush() {
      await autosave?.flush();
    },
    storage: () => kv,
    dispose() {
      disposed = true;
      unselect?.();
      autosave?.dispose();
      guard?.dispose();
      kv?.close();
    },
  };
}
