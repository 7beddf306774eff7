/**
 * Persistence slice: what could not be restored or saved (said to the user, never dropped
 * silently) and whether this tab saves the work. The saving itself lives in `storage/autosave.ts`.
 */
import type { StateCreator } from "zustand";
import type { AppState } from "../types";

/** Why something the user had could not be restored or kept (texts in `src/i18n/persist.ts`). */
export type StorageNoticeCode =
  /** The stored settings were not readable JSON: defaults used, the text kept aside. */
  | "settings-unreadable"
  /** A newer build saved the settings: they are kept and not overwritten; defaults used. */
  | "settings-newer"
  /** Some stored settings had the wrong shape and were reset (`params.fields`). */
  | "settings-dropped"
  /** Settings could not be saved (`params.message`). */
  | "settings-write-failed"
  /** IndexedDB is unavailable (private mode, blocked): the work is not kept across reloads. */
  | "work-blocked"
  /** The storage is full: the latest changes are not saved (`params.what`). */
  | "work-quota"
  /** Saving failed for another reason (`params.message`). */
  | "work-write-failed"
  /** Stored items had the wrong shape and could not be restored (`params.items`). */
  | "work-corrupt"
  /** The stored work was written by a newer build: kept, not overwritten. */
  | "work-newer"
  /** A dataset the history needs is not stored (`params.fingerprint`, `params.file`). */
  | "work-dataset-missing"
  /** Another tab has this work open: this tab does not save (it may take over). */
  | "other-tab";

export interface StorageNotice {
  code: StorageNoticeCode;
  params: Record<string, string | number>;
}

/** Whether this tab writes the work to storage, or why not. */
export type SavingState = "on" | "other-tab" | "unavailable" | "newer" | "off";

export interface PersistenceSlice {
  storageNotices: StorageNotice[];
  saving: SavingState;
  /** Add a notice (one per code: a new one replaces the old). */
  addStorageNotice(notice: StorageNotice): void;
  dismissStorageNotice(code: StorageNoticeCode): void;
  setSaving(saving: SavingState): void;
}

export function addStorageNoticeUpdater(s: AppState, notice: StorageNotice): Partial<AppState> {
  return { storageNotices: [...s.storageNotices.filter((n) => n.code !== notice.code), notice] };
}

export const initialPersistence = {
  storageNotices: [] as StorageNotice[],
  saving: "off" as SavingState,
} satisfies Partial<PersistenceSlice>;

export const createPersistenceSlice: StateCreator<AppState, [], [], PersistenceSlice> = (set) => ({
  ...initialPersistence,
  storageNotices: [],
  addStorageNotice: (notice) => set((s) => addStorageNoticeUpdater(s, notice)),
  dismissStorageNotice: (code) =>
    set((s) => ({ storageNotices: s.storageNotices.filter((n) => n.code !== code) })),
  setSaving: (saving) => set((s) => (s.saving === saving ? {} : { saving })),
});
