/**
 * The import dialog's state, as a pure reducer (tested without a browser): files read, progress,
 * the preview from the worker, and the choices the user makes (encoding, layer, CRS, field
 * mapping, join). Every choice that changes the result asks for the files to be read again (`rerun`).
 */
import { resolveCrs } from "../../domain/crs";
import { type CatalogueCrs, catalogueCrs } from "../../domain/crs-catalogue";
import type { ImportJoin } from "../../io/import-bundle";
import type { ImportPreviewSummary, ImportProgress } from "../../io/import-pipeline";
import type { FieldMapping, FieldRule } from "../../io/mapping";
import type { ImportOptions, TextEncoding } from "../../io/readers/types";

/** The park's zone: CGCS2000 3° Gauss–Krüger CM 111°E, preselected in the CRS picker. */
export const PARK_ZONE = "EPSG:4546";

export interface ImportChoices {
  encoding?: TextEncoding;
  /** The CRS picked (`EPSG:nnnn` as shown; see `crsSpec` for what the reader gets). */
  crsCode?: string;
  mapping?: FieldMapping;
  join?: ImportJoin;
  /** The layer chosen of a zip holding several Shapefiles. */
  layer?: string;
}

export type ImportDialogState =
  | { step: "closed" }
  | {
      step: "reading" | "preview" | "committing" | "failed";
      files: { name: string; size: number }[];
      progress?: ImportProgress;
      summary?: ImportPreviewSummary;
      choices: ImportChoices;
      /** The mapping came from the one remembered for these fields. */
      remembered?: boolean;
      error?: string;
    };

export type ImportAction =
  | { type: "open"; files: { name: string; size: number }[] }
  | { type: "progress"; progress: ImportProgress }
  | { type: "previewed"; summary: ImportPreviewSummary; remembered?: FieldMapping }
  | { type: "encoding"; encoding: TextEncoding }
  | { type: "layer"; layer: string }
  | { type: "crs"; code: string }
  | { type: "rule"; field: string; rule: FieldRule | null }
  | { type: "mapping"; mapping: FieldMapping }
  | { type: "join"; join: ImportJoin | undefined }
  | { type: "committing" }
  | { type: "failed"; error: string }
  | { type: "close" };

export const CLOSED: ImportDialogState = { step: "closed" };

/** Does this action change the result (the files must be read again)? */
export function rerunNeeded(a: ImportAction): boolean {
  return (
    a.type === "encoding" ||
    a.type === "layer" ||
    a.type === "crs" ||
    a.type === "rule" ||
    a.type === "mapping" ||
    a.type === "join"
  );
}

export function importReducer(s: ImportDialogState, a: ImportAction): ImportDialogState {
  if (a.type === "open") return { step: "reading", files: a.files, choices: {} };
  if (a.type === "close") return CLOSED;
  if (s.step === "closed") return s;
  switch (a.type) {
    case "progress":
      return s.step === "reading" ? { ...s, progress: a.progress } : s;
    case "previewed": {
      // The first preview fills the mapping: the one remembered for these fields, else the suggestion.
      if (s.choices.mapping) return { ...s, step: "preview", summary: a.summary };
      const mapping = a.remembered ?? a.summary.suggested;
      return {
        ...s,
        step: "preview",
        summary: a.summary,
        choices: { ...s.choices, mapping },
        remembered: a.remembered !== undefined,
      };
    }
    case "encoding":
      return { ...s, step: "reading", choices: { ...s.choices, encoding: a.encoding } };
    case "layer": {
      // Another layer has other fields: its mapping is suggested afresh by the next preview.
      const { mapping: _old, ...rest } = s.choices;
      return { ...s, step: "reading", choices: { ...rest, layer: a.layer } };
    }
    case "crs":
      return { ...s, step: "reading", choices: { ...s.choices, crsCode: a.code } };
    case "rule": {
      const fields = { ...(s.choices.mapping?.fields ?? {}) };
      if (a.rule) fields[a.field] = a.rule;
      else delete fields[a.field];
      return { ...s, step: "reading", choices: { ...s.choices, mapping: { version: 1, fields } } };
    }
    case "mapping":
      return { ...s, step: "reading", choices: { ...s.choices, mapping: a.mapping } };
    case "join": {
      const { join: _old, ...rest } = s.choices;
      return { ...s, step: "reading", choices: a.join ? { ...rest, join: a.join } : rest };
    }
    case "committing":
      return s.step === "preview" ? { ...s, step: "committing" } : s;
    case "failed":
      return { ...s, step: "failed", error: a.error };
  }
  return s;
}

/** What the reader gets for a picked CRS: the code when this build resolves it, else its proj4. */
export function crsSpec(code: string): string {
  const r = resolveCrs(code);
  if (r.ok) return code;
  return catalogueCrs(code)?.proj4 ?? code;
}

/** The reader options of the choices. */
export function importOptions(c: ImportChoices): ImportOptions {
  return {
    ...(c.encoding ? { encoding: c.encoding } : {}),
    ...(c.crsCode ? { crs: crsSpec(c.crsCode) } : {}),
    ...(c.layer ? { layer: c.layer } : {}),
    ...(c.mapping && Object.keys(c.mapping.fields).length > 0 ? { mapping: c.mapping } : {}),
  };
}

/** The entry the picker shows selected: the user's pick, else the CRS found, else the park's zone. */
export function pickerSelection(s: ImportDialogState): CatalogueCrs | undefined {
  if (s.step === "closed") return undefined;
  const code = s.choices.crsCode ?? s.summary?.crs?.crs;
  return (code ? catalogueCrs(code) : undefined) ?? catalogueCrs(PARK_ZONE);
}

/** Can the user confirm: a preview with usable parcels, nothing being read. */
export function canConfirm(s: ImportDialogState): boolean {
  return s.step === "preview" && !!s.summary?.result.ok && s.summary.result.parcelCount > 0;
}

/** Chinese text among the samples (for the encoding preview): up to `n` values with a CJK character. */
export function chineseSamples(summary: ImportPreviewSummary | undefined, n = 6): string[] {
  const out: string[] = [];
  for (const f of summary?.fields ?? [])
    for (const v of [f.name, ...f.samples])
      if (out.length < n && /[\u3400-\u9fff]/.test(v) && !out.includes(v)) out.push(v);
  return out;
}
