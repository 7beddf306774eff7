/**
 * Save project / Open project: the whole work as one `*.jiyue.json` file (`io/project-file.ts`).
 * Saving gathers the dataset shown, the earlier datasets the history refers to, the history, the
 * standards and the settings. Opening validates the file, and — after the user confirmed — makes
 * it one undoable step: the project's dataset with its edits (undo brings the current work back).
 */
import { appliedEdits, currentDataset, type Edit, parcelEdits, type StepLabel } from "../domain/edits";
import { scenarioList } from "../domain/scenarios";
import { historyDatasets } from "../io/edits-read";
import {
  type Project,
  type ProjectDataset,
  type ProjectRead,
  projectFileName,
  readProjectFile,
  writeProjectFile,
} from "../io/project-file";
import type { MapControllerApi } from "../map/api";
import type { Engine } from "../state/engine";
import { partializeSettings, validateSettings } from "../state/persist";
import type { KeyValueStorage } from "../state/storage/types";
import { readWork, type StoredDataset } from "../state/storage/work";
import type { AppStore } from "../state/store";
import { downloadBlob } from "./export/download";
import { applyStandards } from "./loadData";

const toProjectDataset = (d: StoredDataset): ProjectDataset => ({
  fileName: d.fileName,
  fingerprint: d.fingerprint,
  content: d.content,
  synthetic: d.synthetic,
  ...(d.crs ? { crs: d.crs } : {}),
});

/** The current work as a project (null: no dataset source to save). */
export async function buildProject(
  store: AppStore,
  source: (fp: string) => Promise<StoredDataset | null>,
  view: { center: [number, number]; zoom: number } | null,
  now: Date = new Date(),
): Promise<Project | null> {
  const s = store.getState();
  const fp = s.dataset?.fingerprint ?? currentDataset(s.history);
  if (!fp) return null;
  const current = await source(fp);
  if (!current) return null;
  const earlier: ProjectDataset[] = [];
  for (const other of historyDatasets(s.history)) {
    if (other === fp) continue;
    const d = await source(other);
    if (d) earlier.push(toProjectDataset(d));
  }
  const ui: Record<string, unknown> = { ...partializeSettings(s) };
  delete ui.tiandituKey;
  return {
    savedAt: now.toISOString(),
    dataset: toProjectDataset(current),
    earlierDatasets: earlier,
    history: s.history,
    scenarios: { histories: s.scenarioHistories, active: s.activeScenario },
    standards: s.standards?.content ? { fileName: s.standards.fileName, content: s.standards.content } : null,
    settings: {
      asOf: s.asOf,
      asOfUserSet: s.asOfUserSet,
      selection: [...s.selectedIds],
      view,
      ui,
    },
  };
}

/** Download the current work as `<dataset>.jiyue.json`. False when there is nothing to save. */
export async function saveProject(
  store: AppStore,
  engine: Engine,
  map: MapControllerApi | null,
): Promise<boolean> {
  const view =
    (map as { getView?: () => { center: [number, number]; zoom: number } } | null)?.getView?.() ?? null;
  const p = await buildProject(store, (fp) => engine.source(fp), view);
  if (!p) return false;
  const blob = new Blob([writeProjectFile(p)], { type: "application/json" });
  downloadBlob(blob, projectFileName(p.dataset.fileName));
  return true;
}

/** Read a picked project file (validated; nothing changes yet). */
export async function readProject(file: File): Promise<ProjectRead & { fileName: string }> {
  return { ...readProjectFile(new Uint8Array(await file.arrayBuffer()), file.name), fileName: file.name };
}

export function openProjectLabel(fileName: string): StepLabel {
  return { code: "open-project", params: { file: fileName } };
}

/**
 * Make an opened (and confirmed) project the work: standards, settings and as-of date, then its
 * dataset and its edits as one undoable step; the selection and view once it is shown.
 */
export async function applyProject(
  store: AppStore,
  engine: Engine,
  map: MapControllerApi | null,
  project: Project,
  fileName: string,
): Promise<boolean> {
  for (const d of project.earlierDatasets) await engine.addSource(d);
  if (project.standards) {
    const c = project.standards.content;
    applyStandards(
      store,
      typeof c === "string" ? new TextEncoder().encode(c) : c,
      project.standards.fileName,
      "user",
    );
  }
  const { values } = validateSettings(project.settings.ui, store.getState());
  if (Object.keys(values).length > 0) store.setState(values);
  const d = project.dataset;
  const res = await engine.importParcels(d.content, d.fileName, {
    synthetic: d.synthetic,
    ...(d.crs ? { crs: d.crs } : {}),
    label: openProjectLabel(fileName),
    // The project's parcel edits and its scenario list, in the one step of opening it.
    edits: [
      ...parcelEdits(project.history),
      ...scenarioList(appliedEdits(project.history)).map(
        (meta): Edit => ({ kind: "scenario", scenarioId: meta.id, before: null, after: meta }),
      ),
    ],
  });
  if (!res?.ok) return false;
  if (project.scenarios) {
    const now = store.getState().scenarioHistories;
    store.getState().setScenarioWork({
      histories: { ...now, ...project.scenarios.histories },
      active: project.scenarios.active,
    });
  }
  await engine.addSource(d);
  const st = store.getState();
  if (project.settings.asOfUserSet && project.settings.asOf) st.setAsOf(project.settings.asOf);
  else st.resetAsOf();
  const ids = project.settings.selection;
  if (ids.length > 0) {
    // once analysed: the ids that exist
    const unsub = store.subscribe(
      (s) => s.byId,
      (byId) => {
        if (byId.size === 0) return;
        unsub();
        const keep = ids.filter((id) => byId.has(id));
        if (keep.length > 0) store.getState().select(keep);
      },
    );
  }
  const view = project.settings.view;
  const m = map as { setView?: (v: { center: [number, number]; zoom: number }) => void } | null;
  if (view && m?.setView) void map?.whenIdle().then(() => m.setView?.(view));
  return true;
}

/**
 * The stored work (IndexedDB) as a project file download — the error page's "export first". Reads
 * storage directly (the app's state may be what failed); datasets through `source` (session
 * memory, then storage). False when nothing usable is stored.
 */
export async function exportStoredWork(
  kv: KeyValueStorage | null,
  source: (fp: string) => Promise<StoredDataset | null>,
  base: string | null,
): Promise<boolean> {
  if (!kv) return false;
  const { work } = await readWork(kv);
  const history = work.history ?? { steps: [], applied: 0 };
  const fp = currentDataset(history) ?? base;
  const current = fp ? await source(fp) : null;
  if (!current) return false;
  const earlier: ProjectDataset[] = [];
  for (const other of historyDatasets(history)) {
    if (other === fp) continue;
    const d = await source(other);
    if (d) earlier.push(toProjectDataset(d));
  }
  const project: Project = {
    savedAt: new Date().toISOString(),
    dataset: toProjectDataset(current),
    earlierDatasets: earlier,
    history,
    ...(work.scenarios ? { scenarios: work.scenarios } : {}),
    standards: work.standards,
    settings: {
      asOf: work.asOf?.asOf ?? null,
      asOfUserSet: work.asOf?.userSet ?? false,
      selection: work.selection ?? [],
      view: work.view,
      ui: {},
    },
  };
  downloadBlob(
    new Blob([writeProjectFile(project)], { type: "application/json" }),
    projectFileName(current.fileName),
  );
  return true;
}
