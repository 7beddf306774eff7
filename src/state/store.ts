/**
 * The app's one zustand store, built from slices (zustand slices pattern). Middleware is applied
 * only here, where the slices are combined: `subscribeWithSelector` so the map binding and the
 * analysis engine listen outside React, `persist` for the user's settings.
 *
 * Inputs (dataset, standards, as-of, settings, view, selection) are stored; the analysis is
 * derived by the engine (`engine.ts`) and written through `analysisSucceeded` only.
 */
import { create } from "zustand";
import { persist, type StateStorage, subscribeWithSelector } from "zustand/middleware";
import {
  backupSettingsText,
  defaultStorage,
  emptySettingsReport,
  PERSIST_KEY,
  PERSIST_VERSION,
  partializeSettings,
  type SettingsLoadReport,
  settingsStorage,
  validateSettings,
} from "./persist";
import { createAnalysisSlice } from "./slices/analysis";
import { createDataSlice } from "./slices/data";
import { createHistorySlice } from "./slices/history";
import { createPersistenceSlice, type StorageNotice } from "./slices/persistence";
import { createPlannerSlice } from "./slices/planner";
import { createScenariosSlice } from "./slices/scenarios";
import { createSelectionSlice } from "./slices/selection";
import { createSettingsSlice } from "./slices/settings";
import { createToolsSlice } from "./slices/tools";
import { createViewSlice } from "./slices/view";
import type { AppState } from "./types";

export interface StoreOptions {
  /** Where settings persist (default: localStorage when available, else memory). */
  storage?: StateStorage;
}

/** The notices a settings load report gives the user. */
export function settingsNotices(report: SettingsLoadReport): StorageNotice[] {
  const out: StorageNotice[] = [];
  if (report.unreadable) out.push({ code: "settings-unreadable", params: { key: PERSIST_KEY } });
  if (report.newerVersion !== null)
    out.push({ code: "settings-newer", params: { version: report.newerVersion } });
  if (report.dropped.length > 0)
    out.push({ code: "settings-dropped", params: { fields: report.dropped.join(", ") } });
  if (report.writeFailed !== null)
    out.push({ code: "settings-write-failed", params: { message: report.writeFailed } });
  return out;
}

/** Create a store (the app uses the singleton `useAppStore`; tests may create their own). */
export function createAppStore(options: StoreOptions = {}) {
  const storage = options.storage ?? defaultStorage();
  const report = emptySettingsReport();
  let ready = false;
  const publish = () => {
    if (!ready) return;
    for (const n of settingsNotices(report)) store.getState().addStorageNotice(n);
  };
  const store = create<AppState>()(
    subscribeWithSelector(
      persist(
        (set, get, api) => ({
          ...createDataSlice(set, get, api),
          ...createSettingsSlice(set, get, api),
          ...createAnalysisSlice(set, get, api),
          ...createViewSlice(set, get, api),
          ...createSelectionSlice(set, get, api),
          ...createHistorySlice(set, get, api),
          ...createToolsSlice(set, get, api),
          ...createPersistenceSlice(set, get, api),
          ...createPlannerSlice(set, get, api),
          ...createScenariosSlice(set, get, api),
        }),
        {
          name: PERSIST_KEY,
          version: PERSIST_VERSION,
          storage: settingsStorage(storage, report, publish),
          partialize: partializeSettings,
          merge: (persisted, current) => {
            const { values, dropped } = validateSettings(persisted, current);
            report.dropped = dropped;
            // What could not be used is copied aside before the next save overwrites it.
            if (dropped.length > 0 && report.raw !== null) backupSettingsText(storage, report.raw);
            return { ...current, ...values };
          },
        },
      ),
    ),
  );
  ready = true;
  publish();
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. */
export const useAppStore: AppStore = createAppStore();

/** Back to the initial state (tests; "reset the store between tests"). Persisted settings are kept in storage. */
export function resetAppStore(store: AppStore = useAppStore): void {
  store.setState(store.getInitialState(), true);
}

export type { AppState } from "./types";
