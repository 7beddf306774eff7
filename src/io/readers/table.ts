/**
 * CSV / XLSX sheets → a table (to join) or raw features (WKT or X/Y columns).
 *
 * STUB of the sheets branch's reader (issue 8 contract); the owner's version replaces it at merge.
 */
import type { Problem } from "../types";
import type { ImportOptions, InputFile, RawFeatureSet } from "./types";

export interface Table {
  file: string;
  sheet?: string;
  fields: string[];
  rows: Record<string, unknown>[];
}

const notBuilt = (file: string): Problem => ({
  severity: "error",
  code: "format-not-built-yet",
  fatal: true,
  file,
  params: { format: /\.xlsx$/i.test(file) ? "XLSX" : "CSV" },
});

export async function readTable(
  file: InputFile,
  _opts: ImportOptions,
): Promise<{ table?: Table; problems: Problem[] }> {
  return { problems: [notBuilt(file.name)] };
}

export async function readTableFeatures(file: InputFile, _opts: ImportOptions): Promise<RawFeatureSet> {
  const format = /\.xlsx$/i.test(file.name) ? "xlsx" : "csv";
  return { file: file.name, format, features: [], fields: [], problems: [notBuilt(file.name)] };
}
