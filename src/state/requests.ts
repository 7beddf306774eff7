/**
 * What the requests made of the current data share: the six-ones coverage (`planner.ts`) and the
 * scenario comparison (`compare.ts`) send the same base (the imported parcels, or the id under
 * which the worker holds them, the base's parcel edits, the CRS of the import) and the same roads, and keep only the
 * newest answer. One place, so the two cannot come to analyse different data or drop answers
 * differently.
 */
import type { LineString, MultiLineString } from "geojson";
import { shallow } from "zustand/shallow";
import { type ParcelFieldEdit, parcelEdits } from "../domain/edits";
import type { PreparedParcel } from "../domain/types";
import { SupersededError } from "../worker/protocol";
import type { AppStore } from "./store";
import type { AppState, ContextData, ParcelsDataset } from "./types";

/**
 * The parcels a request analyses (sent along only when the worker does not hold them), the base's
 * edits to them, and the CRS their areas were computed in at import.
 */
export function baseData(
  dataset: ParcelsDataset,
  history: AppState["history"],
): ({ parcels: PreparedParcel[] } | { datasetId: number }) & {
  edits: ParcelFieldEdit[];
  analysisCrs: string;
} {
  return {
    ...(dataset.parcels ? { parcels: dataset.parcels } : { datasetId: dataset.datasetId }),
    edits: parcelEdits(history),
    analysisCrs: dataset.analysisCrs,
  };
}

/** The road lines of the context layer (null without roads: coverage is then straight-line). */
export function contextRoads(context: ContextData | null): (LineString | MultiLineString)[] | null {
  if (!context || context.roads.features.length === 0) return null;
  return context.roads.features.map((f) => f.geometry);
}

export interface Connection {
  dispose(): void;
}

/**
 * Run `start` whenever the parts of the state `deps` picks change (compared shallowly), and at
 * once. `start` returns the request's promise, or null when there is nothing to ask. Only the
 * newest request's answer reaches `done`/`failed`: an older one, a superseded one or one arriving
 * after `dispose` is dropped.
 */
export function connectLatest<T>(
  store: AppStore,
  deps: (s: AppState) => readonly unknown[],
  start: (s: AppState) => Promise<T> | null,
  done: (res: T) => void,
  failed: (message: string) => void,
): Connection {
  let seq = 0;
  let disposed = false;
  const run = async () => {
    const pending = start(store.getState());
    if (!pending) return;
    const mine = ++seq;
    try {
      const res = await pending;
      if (disposed || mine !== seq) return;
      done(res);
    } catch (e) {
      if (disposed || mine !== seq || e instanceof SupersededError) return;
      failed(e instanceof Error ? e.message : String(e));
    }
  };
  const unsubscribe = store.subscribe(deps, () => void run(), { equalityFn: shallow, fireImmediately: true });
  return {
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}
