/**
 * Wires the store to the analysis backend (the worker): whenever the dataset, the standards, the
 * as-of date or the applied parcel edits change, the parcels are re-analysed and the result
 * written to the analysis slice. The analysis is a function of (dataset, edits): the edits travel
 * with the request and the worker applies them. A newer request supersedes an older one; a stale
 * result is never written.
 */
import { shallow } from "zustand/shallow";
import { DEFAULT_ANALYSIS_CRS } from "../domain/crs";
import { type EditHistory, type ParcelFieldEdit, parcelEdits } from "../domain/edits";
import type { IsoDate } from "../domain/types";
import {
  type AnalysisBackend,
  type ImportRequest,
  type ImportResponse,
  SupersededError,
} from "../worker/protocol";
import type { AppStore } from "./store";
import type { ParcelsDataset, StandardsInput } from "./types";

export interface Engine {
  /** Import a parcels file in the worker and make it the dataset (analysis follows). */
  loadParcels(
    input: ArrayBuffer | Uint8Array | string,
    fileName: string,
    opts?: { synthetic?: boolean; crs?: string; syntheticCount?: number },
  ): Promise<ImportResponse | null>;
  /** Run the analysis now for the current inputs (normally automatic). */
  analyzeNow(): Promise<void>;
  dispose(): void;
}

let datasetCounter = 0;

/**
 * `parcelEdits` of the history, the same array as long as the edits are the same objects (an
 * undo then redo, a non-parcel step, a restored equal history do not re-analyse).
 */
export function parcelEditsSelector(): (history: EditHistory) => ParcelFieldEdit[] {
  let lastHistory: EditHistory | null = null;
  let last: ParcelFieldEdit[] = [];
  return (history) => {
    if (history === lastHistory) return last;
    lastHistory = history;
    const next = parcelEdits(history);
    if (!shallow(next, last)) last = next;
    return last;
  };
}

export function connectEngine(store: AppStore, backend: AnalysisBackend): Engine {
  /** Dataset ids whose parcels the backend holds. */
  const held = new Set<number>();
  let seq = 0;
  let disposed = false;

  const analysisCrsOf = (standards: StandardsInput | null) =>
    standards?.standards.analysisCrs ?? DEFAULT_ANALYSIS_CRS;

  /** The held parcels' areas were computed in another CRS than the standards now ask for. */
  const needsReimport = (dataset: ParcelsDataset | null, standards: StandardsInput | null) =>
    !!dataset?.ok && held.has(dataset.datasetId) && dataset.analysisCrs !== analysisCrsOf(standards);

  const editsOf = parcelEditsSelector();

  async function analyze(
    dataset: ParcelsDataset | null,
    standards: StandardsInput | null,
    asOf: IsoDate,
    edits: ParcelFieldEdit[],
  ) {
    if (!dataset?.ok || !standards) return;
    if (needsReimport(dataset, standards)) return; // the re-import's dataset will be analysed
    const mine = ++seq;
    store.getState().analysisStarted();
    try {
      const res = await backend.request("analyze", {
        ...(held.has(dataset.datasetId)
          ? { datasetId: dataset.datasetId }
          : { parcels: dataset.parcels ?? [] }),
        standards: standards.standards,
        asOf,
        ...(edits.length > 0 ? { edits } : {}),
      });
      if (disposed || mine !== seq) return;
      store.getState().analysisSucceeded(res.result, res.durationMs);
    } catch (e) {
      if (disposed || mine !== seq || e instanceof SupersededError) return;
      store.getState().analysisFailed(e instanceof Error ? e.message : String(e));
    }
  }

  let importSeq = 0;
  /** Import in the backend and make the result the dataset (analysis follows by subscription). */
  async function runImport(
    request: Omit<ImportRequest, "datasetId" | "analysisCrs">,
    meta: { fileName: string; synthetic: boolean },
  ): Promise<ImportResponse | null> {
    const mine = ++importSeq;
    const datasetId = ++datasetCounter;
    const analysisCrs = analysisCrsOf(store.getState().standards);
    store.getState().setLoadStatus("loading");
    try {
      const res = await backend.request("import", { ...request, analysisCrs, datasetId });
      if (disposed || mine !== importSeq) return null;
      if (!res.ok) {
        // Nothing usable: keep the current data and say why.
        store.getState().setRejectedFile({ fileName: meta.fileName, problems: res.problems });
        store.getState().setLoadStatus("error");
        return res;
      }
      held.clear();
      if (!res.parcels) held.add(datasetId);
      store.getState().setDataset({
        fileName: meta.fileName,
        parcelCount: res.parcelCount,
        analysisCrs,
        ...(res.parcels ? { parcels: res.parcels } : {}),
        problems: res.problems,
        ...(res.surveyDate ? { surveyDate: res.surveyDate } : {}),
        ...(res.crs ? { crs: res.crs } : {}),
        featureCount: res.featureCount,
        ok: res.ok,
        synthetic: meta.synthetic,
        datasetId,
      });
      return res;
    } catch (e) {
      if (disposed || mine !== importSeq || e instanceof SupersededError) return null;
      store.getState().setLoadStatus("error", e instanceof Error ? e.message : String(e));
      return null;
    }
  }

  const unsubscribe = store.subscribe(
    (s) => [s.dataset, s.standards, s.asOf, editsOf(s.history)] as const,
    ([dataset, standards, asOf, edits]) => {
      // Standards with another analysis CRS: areas must be recomputed, so read the file again.
      if (dataset && needsReimport(dataset, standards))
        void runImport(
          { fileName: dataset.fileName, fromDatasetId: dataset.datasetId },
          { fileName: dataset.fileName, synthetic: dataset.synthetic },
        );
      void analyze(dataset, standards, asOf, edits);
    },
    { equalityFn: shallow, fireImmediately: true },
  );

  return {
    loadParcels(input, fileName, opts = {}) {
      return runImport(
        {
          input,
          fileName,
          ...(opts.crs ? { crs: opts.crs } : {}),
          ...(opts.syntheticCount !== undefined ? { syntheticCount: opts.syntheticCount } : {}),
        },
        { fileName, synthetic: opts.synthetic ?? false },
      );
    },
    async analyzeNow() {
      const s = store.getState();
      await analyze(s.dataset, s.standards, s.asOf, editsOf(s.history));
    },
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}
