/**
 * Wires the store to the analysis backend (the worker): whenever the dataset, the standards, the
 * as-of date or the applied parcel edits change, the parcels are re-analysed and the result
 * written to the analysis slice. The analysis is a function of (dataset, edits): the edits travel
 * with the request and the worker applies them. A newer request supersedes an older one; a stale
 * result is never written.
 *
 * The dataset shown follows the history: `currentDataset(history)` names it by fingerprint (an
 * import or an opened project is a `dataset` step), and without one the base dataset (the sample)
 * is shown. Importing a file makes such a step, so undo shows the previous dataset again (its
 * edits apply again) and redo imports the file again from its stored bytes (`sources`).
 */
import { shallow } from "zustand/shallow";
import { DEFAULT_ANALYSIS_CRS } from "../domain/crs";
import {
  currentDataset,
  type Edit,
  type EditHistory,
  type ParcelFieldEdit,
  parcelEdits,
  type ScenarioEdit,
  type StepLabel,
} from "../domain/edits";
import type { BBox } from "../domain/map-properties";
import { applyStandardEdits } from "../domain/scenarios";
import type { AnalysedParcel, AnalysisResult, IsoDate } from "../domain/types";
import { fingerprint } from "../io/fingerprint";
import type { ImportJoin } from "../io/import-bundle";
import type { ImportOptions } from "../io/readers/types";
import {
  type AnalysisBackend,
  type ImportPreviewResponse,
  type ImportProgress,
  type ImportRequest,
  type ImportResponse,
  SupersededError,
} from "../worker/protocol";
import { announceMapData, setMapData } from "./map-data";
import { analysisSucceededUpdater } from "./slices/analysis";
import { setDatasetUpdater } from "./slices/data";
import { commitEditsUpdater } from "./slices/history";
import { activeScenarioId, selectScenarioEdits } from "./slices/scenario-core";
import type { StoredDataset } from "./storage/work";
import type { AppStore } from "./store";
import type { AppState, ParcelsDataset, StandardsInput } from "./types";
import { warmSelectors } from "./warm";

/** Results of this many parcels have their selectors warmed before the write (`warm.ts`). */
const WARM_FROM = 20_000;

export interface Engine {
  /** Import a parcels file in the worker and make it the dataset (analysis follows). */
  loadParcels(
    input: ArrayBuffer | Uint8Array | string,
    fileName: string,
    opts?: { synthetic?: boolean; crs?: string; syntheticCount?: number },
  ): Promise<ImportResponse | null>;
  /**
   * Import a file as an undoable step (`label`, e.g. 导入 parcels.geojson): the dataset becomes the
   * current one in the history; its source is kept in `sources` so undo/redo and a reload can
   * show it again. A file that cannot be used changes nothing (no step). The same content as the
   * dataset shown makes no step either.
   */
  importParcels(
    input: Uint8Array | string,
    fileName: string,
    opts: {
      synthetic?: boolean;
      crs?: string;
      label: StepLabel;
      /** More edits in the same step, after the dataset edit (an opened project's parcel edits). */
      edits?: Edit[];
    },
  ): Promise<ImportResponse | null>;
  /** A dataset's source (this session's, else the stored one), for a project file. */
  source(fingerprint: string): Promise<StoredDataset | null>;
  /** The base dataset's fingerprint (the sample), null before it is known. */
  baseFingerprint(): string | null;
  /** Make a stored source known (an opened project's datasets) so the history can show it. */
  addSource(source: StoredDataset): Promise<void>;
  /**
   * The base dataset (the sample): shown when the history names none. Imported now if the
   * history names none; else kept for an undo back past the first import.
   */
  setBase(source: StoredDataset): Promise<void>;
  /**
   * Read files for the import dialog in the worker (their buffers are handed over): a preview,
   * nothing replaced. Without `files`, the pending files are read again with new choices.
   */
  previewImport(
    files: { name: string; bytes: Uint8Array }[] | null,
    choices: { options: ImportOptions; join?: ImportJoin },
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportPreviewResponse>;
  /** Drop the pending import (a preview in flight stops at its next phase); the data shown stays. */
  cancelImport(): Promise<void>;
  /**
   * Make the pending import the dataset, as one undoable step (`label`); undo shows the previous
   * dataset again, with its edits.
   */
  confirmImport(label: StepLabel): Promise<ImportResponse | null>;
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

/** The open scenario and its edits, the same object while they are the same (`null`: the base). */
export function activeScenarioSelector(): (s: AppState) => { id: string; edits: ScenarioEdit[] } | null {
  let last: { id: string; edits: ScenarioEdit[] } | null = null;
  return (s) => {
    const id = activeScenarioId(s);
    const edits = id === null ? null : selectScenarioEdits(s, id);
    if (id === null || !edits) {
      last = null;
      return null;
    }
    if (last?.id !== id || last.edits !== edits) last = { id, edits };
    return last;
  };
}

/** Where dataset sources are kept across reloads (the work storage); absent: this session only. */
export interface DatasetSources {
  get(fingerprint: string): Promise<StoredDataset | null | "corrupt">;
  put(source: StoredDataset): Promise<void>;
}

export interface EngineOptions {
  sources?: DatasetSources;
}

/** The file name a history's step gave a dataset (its label's `file`), for messages. */
function fileNameOf(history: EditHistory, fp: string): string {
  for (const step of history.steps)
    if (step.edits.some((e) => e.kind === "dataset" && e.after === fp)) {
      const f = step.label.params.file;
      if (typeof f === "string") return f;
    }
  return "?";
}

/** A copy the worker may take over (the client transfers input buffers; the source is kept). */
const copyOf = (c: Uint8Array | string): Uint8Array | string => (typeof c === "string" ? c : c.slice());

export function connectEngine(
  store: AppStore,
  backend: AnalysisBackend,
  options: EngineOptions = {},
): Engine {
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

  /**
   * Results by (dataset, scenario): switching back to a scenario (or the base) whose inputs have
   * not changed shows its result at once, without asking the worker again.
   */
  const results = new Map<
    string,
    {
      inputs: readonly unknown[];
      result: AnalysisResult;
      durationMs: number;
      byId?: Map<string, AnalysedParcel>;
    }
  >();

  async function analyze(
    dataset: ParcelsDataset | null,
    standards: StandardsInput | null,
    asOf: IsoDate,
    edits: ParcelFieldEdit[],
    scenario: { id: string; edits: ScenarioEdit[] } | null = null,
  ) {
    if (!dataset?.ok || !standards) return;
    if (needsReimport(dataset, standards)) return; // the re-import's dataset will be analysed
    const mine = ++seq;
    const key = `${dataset.datasetId}|${scenario?.id ?? ""}`;
    const inputs = [standards, asOf, edits, scenario?.edits] as const;
    const write = (result: AnalysisResult, durationMs: number, byId?: Map<string, AnalysedParcel>) => {
      // The result and which scenario it is for, in one update.
      store.setState((s) => ({
        ...analysisSucceededUpdater(s, result, durationMs, byId),
        resultScenario: scenario?.id ?? null,
      }));
    };
    const hit = results.get(key);
    if (hit && shallow(hit.inputs, inputs)) {
      write(hit.result, hit.durationMs, hit.byId);
      return;
    }
    store.getState().analysisStarted();
    try {
      /** The parcels' bbox, sent by the worker with the early map data (large results). */
      let mapBbox: BBox | undefined;
      const res = await backend.request(
        "analyze",
        {
          ...(held.has(dataset.datasetId)
            ? { datasetId: dataset.datasetId }
            : { parcels: dataset.parcels ?? [] }),
          standards: scenario ? applyStandardEdits(standards.standards, scenario.edits) : standards.standards,
          asOf,
          ...(edits.length > 0 ? { edits } : {}),
          ...(scenario && scenario.edits.length > 0
            ? { scenario: scenario.edits, analysisCrs: dataset.analysisCrs }
            : {}),
        },
        {
          // A large result's map data, ahead of its parcels: the map draws while they arrive.
          onMapData: (data, bbox) => {
            if (!disposed && mine === seq) {
              performance.mark("jiyue:map-data-early");
              mapBbox = bbox;
              announceMapData(data, bbox);
            }
          },
        },
      );
      if (disposed || mine !== seq) return;
      performance.mark("jiyue:analysis-received");
      if (res.mapData) setMapData(res.result.parcels, res.mapData, mapBbox);
      for (const k of results.keys()) if (!k.startsWith(`${dataset.datasetId}|`)) results.delete(k);
      results.set(key, {
        inputs,
        result: res.result,
        durationMs: res.durationMs,
        ...(res.byId ? { byId: res.byId } : {}),
      });
      if (res.result.parcels.length >= WARM_FROM) {
        // Province scale: the selectors' passes over the parcels each in a task of their own,
        // on the state the write makes, so the write's task only renders (issue 13).
        const coming = (): AppState => {
          const s = store.getState();
          return { ...s, ...analysisSucceededUpdater(s, res.result, res.durationMs, res.byId) };
        };
        await warmSelectors(coming, () => disposed || mine !== seq);
        if (disposed || mine !== seq) return;
      }
      write(res.result, res.durationMs, res.byId);
    } catch (e) {
      if (disposed || mine !== seq || e instanceof SupersededError) return;
      store.getState().analysisFailed(e instanceof Error ? e.message : String(e));
    }
  }

  let importSeq = 0;
  /** Import in the backend and make the result the dataset (analysis follows by subscription). */
  async function runImport(
    request: Omit<ImportRequest, "datasetId" | "analysisCrs">,
    meta: {
      fileName: string;
      synthetic: boolean;
      /** The content's fingerprint (computed while the worker imports). */
      fingerprint?: string | Promise<string>;
      /** Make the dataset an undoable step from `before` (none when it is the same content). */
      step?: { label: StepLabel; before: string | null; edits?: Edit[] };
    },
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
      const fp = meta.fingerprint === undefined ? undefined : await meta.fingerprint;
      if (disposed || mine !== importSeq) return null;
      held.clear();
      if (!res.parcels) held.add(datasetId);
      const dataset: ParcelsDataset = {
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
        ...(fp ? { fingerprint: fp } : {}),
      };
      const step =
        meta.step && (fp !== meta.step.before || (meta.step.edits?.length ?? 0) > 0) ? meta.step : undefined;
      // The dataset and its step in one update: the analysis never sees the new dataset with the
      // previous dataset's edits.
      store.setState((s) => ({
        ...setDatasetUpdater(s, dataset),
        ...(step && fp
          ? commitEditsUpdater(s, step.label, [
              { kind: "dataset", before: step.before, after: fp },
              ...(step.edits ?? []),
            ])
          : {}),
      }));
      return res;
    } catch (e) {
      if (disposed || mine !== importSeq || e instanceof SupersededError) return null;
      store.getState().setLoadStatus("error", e instanceof Error ? e.message : String(e));
      return null;
    }
  }

  /** Sources of this session by fingerprint (the base, imports, opened projects). */
  const cache = new Map<string, StoredDataset>();
  /** The dataset shown when the history names none (the sample, or `?synthetic=N`). */
  let base: string | null = null;
  /** The fingerprint being brought in by `follow`. */
  let following: string | null = null;

  async function remember(source: StoredDataset): Promise<void> {
    cache.set(source.fingerprint, source);
    try {
      await options.sources?.put(source);
    } catch {
      // the autosave reports storage failures; this session keeps the source in memory
    }
  }

  /** Show the dataset the history names (or the base), reading its source again if needed. */
  async function follow(fp: string | null): Promise<void> {
    const want = fp ?? base;
    if (!want || store.getState().dataset?.fingerprint === want || following === want) return;
    following = want;
    let src: StoredDataset | null | "corrupt" = cache.get(want) ?? null;
    if (!src && options.sources) src = await options.sources.get(want).catch(() => null);
    if (following !== want || disposed) return;
    following = null;
    if (!src || src === "corrupt") {
      store.getState().addStorageNotice({
        code: "work-dataset-missing",
        params: { fingerprint: want.slice(0, 12), file: fileNameOf(store.getState().history, want) },
      });
      // Show the base (the sample) rather than nothing.
      const b = base ? cache.get(base) : undefined;
      if (b && want !== base && store.getState().dataset?.fingerprint !== base)
        await runImport(
          { input: copyOf(b.content), fileName: b.fileName, ...(b.crs ? { crs: b.crs } : {}) },
          { fileName: b.fileName, synthetic: b.synthetic, fingerprint: b.fingerprint },
        );
      return;
    }
    cache.set(want, src);
    await runImport(
      { input: copyOf(src.content), fileName: src.fileName, ...(src.crs ? { crs: src.crs } : {}) },
      { fileName: src.fileName, synthetic: src.synthetic, fingerprint: want },
    );
  }

  const unfollow = store.subscribe(
    (s) => currentDataset(s.history),
    (fp) => void follow(fp),
  );

  const scenarioOf = activeScenarioSelector();
  const unsubscribe = store.subscribe(
    (s) => [s.dataset, s.standards, s.asOf, editsOf(s.history), scenarioOf(s)] as const,
    ([dataset, standards, asOf, edits, scenario]) => {
      // Standards with another analysis CRS: areas must be recomputed, so read the file again.
      if (dataset && needsReimport(dataset, standards))
        void runImport(
          { fileName: dataset.fileName, fromDatasetId: dataset.datasetId },
          {
            fileName: dataset.fileName,
            synthetic: dataset.synthetic,
            ...(dataset.fingerprint ? { fingerprint: dataset.fingerprint } : {}),
          },
        );
      void analyze(dataset, standards, asOf, edits, scenario);
    },
    { equalityFn: shallow, fireImmediately: true },
  );

  return {
    loadParcels(input, fileName, opts = {}) {
      // The base dataset: shown when the history names none (the sample at start).
      let fp: Promise<string> | undefined;
      if (opts.syntheticCount === undefined) {
        const content = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
        input = copyOf(content);
        fp = fingerprint(content).then((f) => {
          cache.set(f, {
            fingerprint: f,
            fileName,
            content,
            synthetic: opts.synthetic ?? false,
            ...(opts.crs ? { crs: opts.crs } : {}),
          });
          base = f;
          return f;
        });
      }
      return runImport(
        {
          input,
          fileName,
          ...(opts.crs ? { crs: opts.crs } : {}),
          ...(opts.syntheticCount !== undefined ? { syntheticCount: opts.syntheticCount } : {}),
        },
        { fileName, synthetic: opts.synthetic ?? false, ...(fp ? { fingerprint: fp } : {}) },
      );
    },
    async importParcels(input, fileName, opts) {
      const fp = fingerprint(input);
      const before = store.getState().dataset?.fingerprint ?? null;
      const synthetic = opts.synthetic ?? false;
      const res = await runImport(
        { input: copyOf(input), fileName, ...(opts.crs ? { crs: opts.crs } : {}) },
        {
          fileName,
          synthetic,
          fingerprint: fp,
          step: { label: opts.label, before, ...(opts.edits ? { edits: opts.edits } : {}) },
        },
      );
      if (res?.ok)
        await remember({
          fingerprint: await fp,
          fileName,
          content: input,
          synthetic,
          ...(opts.crs ? { crs: opts.crs } : {}),
        });
      return res;
    },
    previewImport(files, choices, onProgress) {
      // A newer preview replaced this one: answered as cancelled (nothing to show).
      return backend
        .request(
          "importPreview",
          {
            ...(files ? { files } : {}),
            options: choices.options,
            ...(choices.join ? { join: choices.join } : {}),
            analysisCrs: analysisCrsOf(store.getState().standards),
          },
          onProgress ? { onProgress } : {},
        )
        .catch((e: unknown) => {
          if (e instanceof SupersededError) return { cancelled: true as const };
          throw e;
        });
    },
    async cancelImport() {
      await backend.request("importCancel", {}).catch(() => {});
    },
    async confirmImport(label) {
      const mine = ++importSeq;
      const datasetId = ++datasetCounter;
      const analysisCrs = analysisCrsOf(store.getState().standards);
      const before = store.getState().dataset?.fingerprint ?? null;
      const res = await backend.request("importCommit", { datasetId });
      if (disposed || mine !== importSeq) return null;
      performance.mark("jiyue:import-committed");
      const { content, contentBlob, fingerprint: fp, fileName, ...rest } = res;
      const synthetic = res.synthetic ?? false;
      held.clear();
      held.add(datasetId);
      const source: StoredDataset = {
        fingerprint: fp,
        fileName,
        content,
        synthetic,
        ...(contentBlob ? { contentBlob } : {}),
      };
      cache.set(fp, source);
      const dataset: ParcelsDataset = {
        fileName,
        parcelCount: res.parcelCount,
        analysisCrs,
        problems: res.problems,
        ...(res.surveyDate ? { surveyDate: res.surveyDate } : {}),
        ...(res.crs ? { crs: res.crs } : {}),
        featureCount: res.featureCount,
        ok: res.ok,
        synthetic,
        datasetId,
        fingerprint: fp,
      };
      store.setState((s) => ({
        ...setDatasetUpdater(s, dataset),
        ...(fp !== before ? commitEditsUpdater(s, label, [{ kind: "dataset", before, after: fp }]) : {}),
      }));
      await remember(source);
      return { ...rest, fileName } as unknown as ImportResponse;
    },
    addSource: remember,
    baseFingerprint: () => base,
    async source(fp) {
      const m = cache.get(fp);
      if (m) return m;
      const stored = options.sources ? await options.sources.get(fp).catch(() => null) : null;
      return stored && stored !== "corrupt" ? stored : null;
    },
    async setBase(source) {
      cache.set(source.fingerprint, source);
      base = source.fingerprint;
      await follow(currentDataset(store.getState().history));
    },
    async analyzeNow() {
      const s = store.getState();
      await analyze(s.dataset, s.standards, s.asOf, editsOf(s.history), scenarioOf(s));
    },
    dispose() {
      disposed = true;
      unsubscribe();
      unfollow();
    },
  };
}
