/**
 * Start-up: one store, one analysis worker, one map controller. Loads the sample data (or
 * `?synthetic=N` synthetic parcels), and once the map is idle after the first load publishes
 * `window.__jiyue` (timings, for the browser benchmark) and `window.__jiyueTest` (read-only hooks
 * for end-to-end tests; no secrets).
 */
import { useState } from "react";
import { createRoot } from "react-dom/client";
import type { MapControllerApi, MapDebugState, MapFactory } from "./map/api";
import { MapController } from "./map/controller";
import { connectCompare } from "./state/compare";
import { connectEngine } from "./state/engine";
import { connectPlanner } from "./state/planner";
import { createWorkSession } from "./state/storage/session";
import { type AppState, useAppStore } from "./state/store";
import { App } from "./ui/App";
import { pendingBreakTasks } from "./ui/colouring";
import { ErrorBoundary } from "./ui/ErrorBoundary";
import { loadInitialData } from "./ui/loadData";
import { exportStoredWork } from "./ui/project";
import { bindViewPersistence } from "./ui/viewPersistence";
import { createWorkerBackend } from "./worker/client";
import "./ui/app.css";

declare global {
  interface Window {
    __jiyue?: {
      startedAt: number;
      /** Parcels imported (the worker answered). */
      dataLoadedAt: number | null;
      /** First analysis result in the store. */
      analysedAt: number | null;
      /** The map went idle with the parcels and the default colouring. */
      readyAt: number;
      parcels: number;
      analysisMs: number | null;
    };
    __jiyueTest?: {
      getState: () => AppState;
      mapDebug: () => MapDebugState | undefined;
      /** Resolves when every pending save of the work is written. */
      flushWork: () => Promise<void>;
    };
  }
}

const startedAt = performance.now();
performance.mark("jiyue:start");
/** The work kept across reloads (IndexedDB); `?synthetic=N` (the benchmark) neither restores nor saves. */
const session = createWorkSession(useAppStore);
const backend = createWorkerBackend();
const engine = connectEngine(useAppStore, backend, { sources: session.sources });
connectPlanner(useAppStore, backend);
connectCompare(useAppStore, backend);

let controller: MapControllerApi | null = null;
let dataLoadedAt: number | null = null;
let analysedAt: number | null = null;
window.__jiyueTest = {
  getState: useAppStore.getState,
  mapDebug: () => controller?.debugState?.(),
  flushWork: () => session.flush(),
};

useAppStore.subscribe(
  (s) => s.dataset,
  (d) => {
    if (d && dataLoadedAt === null) {
      dataLoadedAt = performance.now();
      performance.mark("jiyue:data-loaded");
    }
  },
);

/** Until the map has every parcel of the current result (at most a minute). */
async function handedOver(c: MapControllerApi): Promise<void> {
  const until = performance.now() + 60_000;
  const want = () => useAppStore.getState().result?.parcels.length ?? 0;
  while (performance.now() < until) {
    const dbg = c.debugState?.();
    if (!dbg || dbg.sentParcels?.count === want()) return;
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** Publish readiness once: the first analysis is on the map and the map is idle. */
function watchReady(c: MapControllerApi) {
  const unsub = useAppStore.subscribe(
    (s) => s.version,
    (v) => {
      if (v < 1) return;
      unsub();
      analysedAt = performance.now();
      performance.mark("jiyue:analysed");
      // The binding hands the parcels to the controller in tasks of its own (a slice at a time,
      // see `mapParcelsInSlices`); once the map has them all, wait until it has drawn them.
      void new Promise((r) => setTimeout(r, 0))
        .then(() => handedOver(c))
        .then(() => c.whenIdle())
        .then(() => restoring)
        .then((restored) => {
          // The stored map view comes back once the restored data is drawn; later views are saved.
          bindViewPersistence(c, restored?.view ?? null, (v) => session.saveView(v));
          const s = useAppStore.getState();
          scheduleIdleWork(pendingBreakTasks(useAppStore.getState()));
          window.__jiyue = {
            startedAt,
            dataLoadedAt,
            analysedAt,
            readyAt: performance.now(),
            parcels: s.result?.parcels.length ?? 0,
            analysisMs: s.lastDurationMs,
          };
        });
    },
    { fireImmediately: true },
  );
}

/** Run small tasks when the page is idle, one per idle period. */
function scheduleIdleWork(tasks: (() => void)[]) {
  const next = () => {
    const task = tasks.shift();
    if (!task) return;
    task();
    idle(next);
  };
  const idle = (fn: () => void) =>
    "requestIdleCallback" in window ? window.requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50);
  idle(next);
}
// After each later analysis (new standards or as-of date), classify again in idle time.
useAppStore.subscribe(
  (s) => s.version,
  (v) => {
    if (v > 1) scheduleIdleWork(pendingBreakTasks(useAppStore.getState()));
  },
);

const createMap: MapFactory = (container, options) => new MapController(container, options);

function Root() {
  const [mapController, setMapController] = useState<MapControllerApi | null>(null);
  return (
    <App
      engine={engine}
      createMap={createMap}
      work={session}
      mapController={mapController}
      onMapController={(c) => {
        controller = c;
        setMapController(c);
        if (c) watchReady(c);
      }}
    />
  );
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <ErrorBoundary
      exportStoredWork={() =>
        exportStoredWork(session.storage(), (fp) => engine.source(fp), engine.baseFingerprint())
      }
    >
      <Root />
    </ErrorBoundary>,
  );
const restoring = loadInitialData(useAppStore, engine, window.location.search, session);
