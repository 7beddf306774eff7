/**
 * A project file (`*.jiyue.json`): the whole work in one JSON file — the dataset shown (its source
 * file's content, name and fingerprint), earlier datasets the edit history refers to, the edit
 * history, the standards file and the settings (as-of date, selection, map view, classification
 * and units). Pure: no DOM, no storage. Reading validates every item on its own and returns
 * user-readable problems (codes of `src/i18n/persist.ts`); an item that cannot be used is named,
 * never dropped silently. Credentials (the Tianditu key) are never written.
 *
 * Content is stored as text when it is valid UTF-8 (readable, diff-friendly), else as base64.
 */

import { isIsoDate } from "../domain/dates";
import type { EditHistory } from "../domain/edits";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { historyDatasets, readHistory, readScenarioWork } from "./edits-read";
import { isFingerprint, sha256Hex } from "./fingerprint";
import { parseJson } from "./json";
import type { Problem } from "./types";

export const PROJECT_FORMAT = "jiyue-project";
export const PROJECT_SCHEMA_VERSION = 1;
export const PROJECT_EXTENSION = ".jiyue.json";

/** A source file kept in a project. */
export interface ProjectSource {
  fileName: string;
  content: Uint8Array | string;
}

export interface ProjectDataset extends ProjectSource {
  fingerprint: string;
  crs?: string;
  synthetic: boolean;
}

export interface ProjectSettings {
  asOf: string | null;
  asOfUserSet: boolean;
  selection: string[];
  view: { center: [number, number]; zoom: number } | null;
  /** Interface settings (units, classifications …), validated by the app field by field when opened. */
  ui: Record<string, unknown>;
}

export interface Project {
  savedAt: string;
  /** The dataset shown. */
  dataset: ProjectDataset;
  /** Other datasets the history refers to (earlier imports), so undo can show them. */
  earlierDatasets: ProjectDataset[];
  history: EditHistory;
  standards: ProjectSource | null;
  settings: ProjectSettings;
  /**
   * Each scenario's own history and the scenario open (the scenario list itself is in
   * `history`, as `scenario` edits). Absent in files of earlier builds.
   */
  scenarios?: { histories: Record<string, EditHistory>; active: string | null };
}

// ------------------------------------------------------------------------------------------
// writing

function encodeContent(content: Uint8Array | string): { encoding: "text" | "base64"; content: string } {
  if (typeof content === "string") return { encoding: "text", content };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    // A BOM or a NUL would not survive as JSON text the same way: keep the exact bytes.
    if (!text.startsWith("\uFEFF") && !text.includes("\u0000")) return { encoding: "text", content: text };
  } catch {
    // not UTF-8 (GBK): base64
  }
  return { encoding: "base64", content: bytesToBase64(content) };
}

const sourceJson = (s: ProjectSource) => ({ fileName: s.fileName, ...encodeContent(s.content) });
const datasetJson = (d: ProjectDataset) => ({
  fileName: d.fileName,
  fingerprint: d.fingerprint,
  ...(d.crs ? { crs: d.crs } : {}),
  synthetic: d.synthetic,
  ...encodeContent(d.content),
});

/** The project as JSON text (pretty-printed: the file is meant to be kept and sent around). */
export function writeProjectFile(p: Project): string {
  const { tiandituKey: _secret, ...ui } = p.settings.ui;
  return `${JSON.stringify(
    {
      format: PROJECT_FORMAT,
      schemaVersion: PROJECT_SCHEMA_VERSION,
      savedAt: p.savedAt,
      dataset: datasetJson(p.dataset),
      earlierDatasets: p.earlierDatasets.map(datasetJson),
      history: p.history,
      standards: p.standards ? sourceJson(p.standards) : null,
      settings: { ...p.settings, ui },
      ...(p.scenarios ? { scenarios: p.scenarios } : {}),
    },
    null,
    1,
  )}\n`;
}

/** The file name a project is saved under: the dataset's name + `.jiyue.json`. */
export function projectFileName(datasetFileName: string): string {
  const stem = datasetFileName.replace(/\.(geo)?json$/i, "").replace(/[\\/:*?"<>|]+/g, "_") || "project";
  return `${stem}${PROJECT_EXTENSION}`;
}

// ------------------------------------------------------------------------------------------
// reading

export interface ProjectRead {
  /** `null` when the file cannot be opened at all (a fatal problem says why). */
  project: Project | null;
  problems: Problem[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Does this look like a project file (by name or content)? For the CLI and the open button. */
export function isProjectFile(fileName: string, head: string): boolean {
  return (
    fileName.toLowerCase().endsWith(PROJECT_EXTENSION) ||
    /"format"\s*:\s*"jiyue-project"/.test(head.slice(0, 2000))
  );
}

export function readProjectFile(input: Uint8Array | string, fileName: string): ProjectRead {
  const problems: Problem[] = [];
  const fatal = (code: string, params: Problem["params"] = {}): ProjectRead => ({
    project: null,
    problems: [...problems, { severity: "error", code, file: fileName, fatal: true, params }],
  });
  const bad = (path: string, expected: string, severity: "error" | "warning" = "error") =>
    problems.push({ severity, code: "project-bad-field", file: fileName, params: { path, expected } });

  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return fatal("project-not-json-nopos", { message: "not UTF-8" });
    }
  }
  const parsed = parseJson(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok)
    return parsed.params.line === null || parsed.params.line === undefined
      ? fatal("project-not-json-nopos", { message: String(parsed.params.message ?? "") })
      : fatal("project-not-json", {
          line: parsed.params.line,
          column: parsed.params.column ?? 1,
          message: String(parsed.params.message ?? ""),
        });
  const raw = parsed.value;
  if (!isObject(raw) || raw.format !== PROJECT_FORMAT) return fatal("project-not-project");
  const v = raw.schemaVersion;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
    return fatal("project-bad-version", { value: JSON.stringify(v) ?? "undefined" });
  if (v > PROJECT_SCHEMA_VERSION)
    return fatal("project-newer", { version: v, supported: PROJECT_SCHEMA_VERSION });

  const source = (x: unknown, path: string): ProjectSource | null => {
    if (!isObject(x)) {
      bad(path, x === undefined ? "required" : "object");
      return null;
    }
    if (typeof x.fileName !== "string" || !x.fileName) {
      bad(`${path}.fileName`, "string");
      return null;
    }
    if (typeof x.content !== "string") {
      bad(`${path}.content`, "string");
      return null;
    }
    if (x.encoding === "base64") {
      const bytes = base64ToBytes(x.content);
      if (!bytes) {
        bad(`${path}.content`, "base64");
        return null;
      }
      return { fileName: x.fileName, content: bytes };
    }
    if (x.encoding !== "text" && x.encoding !== undefined) {
      bad(`${path}.encoding`, "string");
      return null;
    }
    return { fileName: x.fileName, content: x.content };
  };

  const dataset = (x: unknown, path: string): ProjectDataset | null => {
    const s = source(x, path);
    if (!s || !isObject(x)) return null;
    if (!isFingerprint(x.fingerprint)) {
      bad(`${path}.fingerprint`, "fingerprint");
      return null;
    }
    const actual = sha256Hex(typeof s.content === "string" ? new TextEncoder().encode(s.content) : s.content);
    if (actual !== x.fingerprint) {
      problems.push({
        severity: "error",
        code: "project-fingerprint-mismatch",
        file: fileName,
        params: { path, declared: x.fingerprint.slice(0, 12), actual: actual.slice(0, 12) },
      });
      return null;
    }
    if (x.crs !== undefined && typeof x.crs !== "string") {
      bad(`${path}.crs`, "string");
      return null;
    }
    if (x.synthetic !== undefined && typeof x.synthetic !== "boolean")
      bad(`${path}.synthetic`, "boolean", "warning");
    return {
      ...s,
      fingerprint: x.fingerprint,
      ...(typeof x.crs === "string" ? { crs: x.crs } : {}),
      synthetic: x.synthetic === true,
    };
  };

  const current = dataset(raw.dataset, "dataset");
  if (!current) return { project: null, problems: problems.map((p) => ({ ...p, fatal: true })) };

  const earlier: ProjectDataset[] = [];
  if (Array.isArray(raw.earlierDatasets)) {
    raw.earlierDatasets.forEach((d, i) => {
      const ds = dataset(d, `earlierDatasets[${i}]`);
      if (ds) earlier.push(ds);
    });
  } else if (raw.earlierDatasets !== undefined) bad("earlierDatasets", "list", "warning");

  let history: EditHistory = { steps: [], applied: 0 };
  if (raw.history !== undefined) {
    const h = readHistory(raw.history, fileName);
    problems.push(...h.problems);
    if (h.history) history = h.history;
  }
  // Every dataset the history names should be in the file (else undo there cannot show it).
  const have = new Set([current.fingerprint, ...earlier.map((d) => d.fingerprint)]);
  for (const fp of historyDatasets(history))
    if (!have.has(fp)) {
      const step = history.steps.findIndex((s) =>
        s.edits.some((e) => e.kind === "dataset" && (e.after === fp || e.before === fp)),
      );
      problems.push({
        severity: "warning",
        code: "project-missing-dataset",
        file: fileName,
        params: { fingerprint: fp.slice(0, 12), step: step + 1 },
      });
    }

  let standards: ProjectSource | null = null;
  if (raw.standards !== null && raw.standards !== undefined) standards = source(raw.standards, "standards");

  const st = isObject(raw.settings) ? raw.settings : {};
  if (raw.settings !== undefined && !isObject(raw.settings)) bad("settings", "object", "warning");
  const settings: ProjectSettings = { asOf: null, asOfUserSet: false, selection: [], view: null, ui: {} };
  if (typeof st.asOf === "string" && isIsoDate(st.asOf)) settings.asOf = st.asOf;
  else if (st.asOf !== undefined && st.asOf !== null) bad("settings.asOf", "date", "warning");
  if (typeof st.asOfUserSet === "boolean") settings.asOfUserSet = st.asOfUserSet;
  else if (st.asOfUserSet !== undefined) bad("settings.asOfUserSet", "boolean", "warning");
  if (Array.isArray(st.selection) && st.selection.every((x) => typeof x === "string"))
    settings.selection = [...st.selection];
  else if (st.selection !== undefined) bad("settings.selection", "list", "warning");
  const view = st.view;
  if (
    isObject(view) &&
    Array.isArray(view.center) &&
    view.center.length === 2 &&
    view.center.every((n) => typeof n === "number" && Number.isFinite(n)) &&
    typeof view.zoom === "number" &&
    Number.isFinite(view.zoom)
  )
    settings.view = { center: [view.center[0] as number, view.center[1] as number], zoom: view.zoom };
  else if (view !== undefined && view !== null) bad("settings.view", "object", "warning");
  if (isObject(st.ui)) {
    const { tiandituKey: _secret, ...ui } = st.ui;
    settings.ui = ui;
  } else if (st.ui !== undefined) bad("settings.ui", "object", "warning");

  let scenarios: Project["scenarios"];
  if (raw.scenarios !== undefined) {
    const r = readScenarioWork(raw.scenarios, fileName);
    problems.push(...r.problems);
    if (r.work) scenarios = r.work;
  }

  return {
    project: {
      savedAt: typeof raw.savedAt === "string" ? raw.savedAt : "",
      dataset: current,
      earlierDatasets: earlier,
      history,
      standards,
      settings,
      ...(scenarios ? { scenarios } : {}),
    },
    problems,
  };
}
