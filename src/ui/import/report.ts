/**
 * The import's validation report: per feature and field what was kept, repaired or set aside and
 * why (rows of the dialog's table and of the downloadable CSV, written with the CSV writer's
 * cell rules: formula-safe, BOM, CRLF).
 */
import { IMPORT_TEXT, importText } from "../../i18n/import";
import type { Lang } from "../../i18n/lang";
import { formatProblem } from "../../i18n/problems";
import { csvText } from "../../io/csv-write";
import type { Problem } from "../../io/types";

export type ReportAction = "setAside" | "repaired" | "kept" | "info";

/** Problems whose feature or value was repaired and kept. */
const REPAIRED = new Set(["ring-closed", "duplicate-id", "missing-id", "bad-id", "axes-swapped"]);

export function reportAction(p: Problem): ReportAction {
  if (REPAIRED.has(p.code)) return "repaired";
  if (p.severity === "info") return "info";
  if (p.featureIndex !== undefined && p.field === undefined && p.severity === "error") return "setAside";
  if (p.field !== undefined && p.severity !== "error") return "setAside";
  if (p.fatal) return "setAside";
  return "kept";
}

export interface ReportRow {
  severity: Problem["severity"];
  file: string;
  /** 1-based, as people count. */
  feature: number | null;
  id: string;
  field: string;
  action: ReportAction;
  message: string;
}

export function reportRows(problems: readonly Problem[], lang: Lang): ReportRow[] {
  return problems.map((p) => ({
    severity: p.severity,
    file: p.file ?? "",
    feature: p.featureIndex === undefined ? null : p.featureIndex + 1,
    id: p.featureId ?? "",
    field: p.field ?? "",
    action: reportAction(p),
    message: formatProblem(
      { ...p, file: undefined, featureIndex: undefined, featureId: undefined, field: undefined } as Problem,
      lang,
      "browser",
    ),
  }));
}

export interface ReportCounts {
  read: number;
  kept: number;
  repaired: number;
  setAside: number;
  fieldsAside: number;
}

export function reportCounts(
  featureCount: number,
  parcelCount: number,
  problems: readonly Problem[],
): ReportCounts {
  let repaired = 0;
  let fieldsAside = 0;
  for (const p of problems) {
    const a = reportAction(p);
    if (a === "repaired") repaired++;
    else if (a === "setAside" && p.field !== undefined) fieldsAside++;
  }
  return {
    read: featureCount,
    kept: parcelCount,
    repaired,
    setAside: Math.max(0, featureCount - parcelCount),
    fieldsAside,
  };
}

const ACTION_KEY = {
  setAside: "action_setAside",
  repaired: "action_repaired",
  kept: "action_kept",
  info: "action_info",
} as const;
const SEVERITY_KEY = { error: "severity_error", warning: "severity_warning", info: "severity_info" } as const;

export const actionText = (a: ReportAction, lang: Lang) => IMPORT_TEXT[ACTION_KEY[a]][lang];
export const severityText = (s: Problem["severity"], lang: Lang) => IMPORT_TEXT[SEVERITY_KEY[s]][lang];

/** The report as CSV (UTF-8 with BOM, CRLF; every cell formula-safe). */
export function reportCsv(rows: readonly ReportRow[], lang: Lang): string {
  const head = [
    "reportSeverity",
    "reportFile",
    "reportFeature",
    "reportId",
    "reportFieldCol",
    "reportAction",
    "reportMessage",
  ] as const;
  const lines = [head.map((k) => csvText(importText(k, lang))).join(",")];
  for (const r of rows)
    lines.push(
      [
        csvText(severityText(r.severity, lang)),
        csvText(r.file),
        r.feature === null ? "" : String(r.feature),
        csvText(r.id),
        csvText(r.field),
        csvText(actionText(r.action, lang)),
        csvText(r.message),
      ].join(","),
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
