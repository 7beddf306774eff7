/**
 * `npm run cli -- targets [--data <dir>] [--format text|json] [--lang zh|en]`: each plan target
 * (<dir>/targets.json) next to the value computed from the parcels (<dir>/parcels.geojson),
 * with met / not met. Default directory `geodata/`. Exit 0 with the report; exit 2 with one
 * line when the files cannot be used. Never a stack trace.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { computeTargets, type TargetRow, validateTargetsFile } from "../domain/targets";
import { printable } from "../i18n/escape";
import type { Lang } from "../i18n/lang";
import { formatMet, formatTarget, formatTargetValue, TARGETS_TEXT } from "../i18n/targets";
import { decodeText } from "../io/decode";
import { readParcelsGeoJson } from "../io/geojson-read";
import { parseJson } from "../io/json";
import type { Problem } from "../io/types";
import { langFromArgv, parseArgs, problemLine, reportProblems } from "./args";

const DEFAULT_DIR = resolve(fileURLToPath(import.meta.url), "../../../geodata");

const USAGE = "用法 usage: npm run cli -- targets [--data <dir>] [--format text|json] [--lang zh|en]";

const SPEC = {
  data: { value: true },
  format: { value: true, allowed: ["text", "json"] },
  lang: { value: true, allowed: ["zh", "en"] },
} as const;

/** Display width in terminal columns: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}
const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));

/** The aligned text table of the rows (one header line, one line per target). */
export function targetsTable(rows: readonly TargetRow[], lang: Lang): string {
  const T = TARGETS_TEXT;
  const lines = [
    [T.target[lang], T.targetValue[lang], T.value[lang], T.met[lang]],
    ...rows.map((r) => [
      r.label[lang],
      formatTarget(r, lang),
      formatTargetValue(r.value, r.unit, lang),
      formatMet(r, lang),
    ]),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...lines.map((l) => displayWidth(l[c] ?? ""))));
  return lines
    .map((l) =>
      l
        .map((cell, c) => (c < 3 ? pad(cell, widths[c] ?? 0) : cell))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** A file's text as `analyze` reads it: UTF-8 with or without a byte-order mark, else GBK. */
function readText(path: string): { text?: string; problems: Problem[] } | null {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return null;
  }
  return decodeText(bytes, path);
}

export async function runTargets(args: string[]): Promise<number> {
  const lang = langFromArgv(args);
  const parsed = parseArgs(args, SPEC, 0);
  if (!parsed.ok) {
    process.stderr.write(`${problemLine(parsed.problem, lang)}\n${USAGE}\n`);
    return 2;
  }
  const o = parsed.args.options;
  const opts = {
    dir: typeof o.data === "string" ? o.data : DEFAULT_DIR,
    format: o.format === "json" ? "json" : "text",
  };
  const parcelsPath = join(opts.dir, "parcels.geojson");
  const targetsPath = join(opts.dir, "targets.json");
  const fail = (zh: string, en: string) => {
    process.stderr.write(`${printable(lang === "zh" ? zh : en)}\n`);
    return 2;
  };

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(parcelsPath);
  } catch {
    return fail(`无法读取地块文件 ${parcelsPath}`, `cannot read the parcels file ${parcelsPath}`);
  }
  const imp = readParcelsGeoJson(bytes, { fileName: parcelsPath, analysisCrs: "EPSG:4546" });
  if (!imp.ok) {
    const fatal = imp.problems.find((p) => p.fatal) ?? imp.problems.find((p) => p.severity === "error");
    if (!fatal)
      return fail(`地块文件无法使用：${parcelsPath}`, `the parcels file cannot be used: ${parcelsPath}`);
    process.stderr.write(`${problemLine(fatal, lang)}\n`);
    return 2;
  }
  // the area basis is the analyze command's to say (targets sums areas, it prints none per parcel)
  reportProblems(
    imp.problems.filter((p) => p.code !== "area-basis"),
    lang,
  );

  const targetsText = readText(targetsPath);
  if (targetsText === null)
    return fail(`无法读取目标文件 ${targetsPath}`, `cannot read the targets file ${targetsPath}`);
  if (targetsText.text === undefined) {
    const p = targetsText.problems.find((x) => x.fatal) ?? targetsText.problems[0];
    if (p) process.stderr.write(`${problemLine(p, lang)}\n`);
    return 2;
  }
  const parsedTargets = parseJson(targetsText.text);
  if (!parsedTargets.ok) {
    const p: Problem = {
      severity: "error",
      code: "not-json",
      fatal: true,
      file: targetsPath,
      params: parsedTargets.params,
    };
    process.stderr.write(`${problemLine(p, lang)}\n`);
    return 2;
  }
  const json = parsedTargets.value;
  const checked = validateTargetsFile(json);
  if ("problems" in checked)
    return fail(
      `目标文件格式有误：${targetsPath} ${checked.problems.join("; ")}`,
      `the targets file is malformed: ${targetsPath} ${checked.problems.join("; ")}`,
    );

  const rows = computeTargets(
    imp.parcels.map((p) => p.input),
    checked.file,
  );
  const header = datasetHeader(bytes);
  const shown = shownPath(parcelsPath);
  if (opts.format === "json") {
    const out = {
      targets: checked.file.name,
      period: checked.file.period,
      parcelsFile: shown,
      dataset: header.name,
      synthetic: header.synthetic,
      surveyDate: imp.surveyDate ?? null,
      rows,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const T = TARGETS_TEXT;
  const count = (m: boolean | null) => rows.filter((r) => r.met === m).length;
  const lines = [
    `${T.title[lang]}: ${checked.file.name}`,
    `${T.data[lang]}: ${shown}${header.name ? ` (${header.name})` : ""}`,
    ...(imp.surveyDate ? [`${T.surveyDate[lang]}: ${imp.surveyDate}`] : []),
    ...(header.synthetic ? [`※ ${T.synthetic[lang]}`] : []),
    "",
    targetsTable(rows, lang),
    "",
    T.summary[lang]
      .replace("{met}", String(count(true)))
      .replace("{notMet}", String(count(false)))
      .replace("{na}", String(count(null))),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** A path as the user would write it: relative to the working directory when inside it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** The dataset's `name` and `synthetic` members, when the file is JSON with them (decoded as read). */
function datasetHeader(bytes: Uint8Array): { name: string | null; synthetic: boolean } {
  const text = decodeText(bytes).text;
  const parsed = text === undefined ? undefined : parseJson(text);
  const obj = parsed?.ok ? (parsed.value as Record<string, unknown> | null) : null;
  if (!obj || typeof obj !== "object") return { name: null, synthetic: false };
  return {
    name: typeof obj.name === "string" ? printable(obj.name) : null,
    synthetic: obj.synthetic === true,
  };
}
