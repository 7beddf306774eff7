/**
 * The app's one zustand store, built from slices (zustand slices pattern). Middleware is applied
 * only here, where the slices are combined: `subscribeWithSelector` so the map binding and the
 * analysis engine listen outside React, `persist` for the user's settings.
 *
 * Inputs (dataset, standards, as-of, settings, view, selection) are stored; the analysis is
 * derived by the engine (`engine.ts`) and written through `analysisSucceeded` only.
 */
import { create } from "zustand";
import { createJSONStorage, persist, type StateStorage, subscribeWithSelector } from "zustand/middleware";
import { defaultStorage, mergePersisted, PERSIST_KEY, PERSIST_VERSION, partializeSettings } from "./persist";
import { createAnalysisSlice } from "./slices/analysis";
import { createDataSlice } from "./slices/data";
import { createHistorySlice } from "./slices/history";
import { createPlannerSlice } from "./slices/planner";
import { createSelectionSlice } from "./slices/selection";
import { createSettingsSlice } from "./slices/settings";
import { createToolsSlice } from "./slices/tools";
import { createViewSlice } from "./slices/view";
import type { AppState } from "./types";

export interface StoreOptions {
  /** Where settings persist (default: localStorage when available, else memory). */
  storage?: StateStorage;
}

/** Create a store (the app uses the singleton `useAppStore`; tests may create their own). */
export function createAppStore(options: StoreOptions = {}) {
  const storage = options.storage ?? defaultStorage();
  return create<AppState>()(
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
          ...createPlannerSlice(set, get, api),
        }),
        {
          name: PERSIST_KEY,
          version: PERSIST_VERSION,
          storage: createJSONStorage(() => storage),
          partialize: partializeSettings,
          merge: mergePersisted,
        },
      ),
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. */
export const useAppStore: AppStore = createAppStore();

/** Back to the initial state (tests; "reset the store between tests"). Persisted settings are kept in storage. */
export function resetAppStore(store: AppStore = useAppStore): void {
  store.setState(store.getInitialState(), true);
}

export type { AppState } from "./types";
