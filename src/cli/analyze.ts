/**
 * `npm run cli -- analyze <input.geojson|parcels.zip|parcels.shp> [--crs EPSG:4546|"<proj4>"|<file.prj>]
 *   [--encoding gbk|utf8] [--layer <name>] [--standards <file>]
 *   [--as-of YYYY-MM-DD] [--format geojson|csv|shp] [--out-crs source|EPSG:4326] [--lang zh|en] [--out <file>]
 *   [--mapping m.json] [--join figures.xlsx [--key 宗地编号 | --key 表列=宗地字段]]`
 *
 * The input may also be a CSV or XLSX sheet of parcels with a WKT column (`src/cli/import-sheets.ts`).
 *
 * Reads parcels, analyses them (domain.md §3–§7) and writes the result as GeoJSON or CSV to
 * stdout (or `--out`). stdout carries only the result, so `npm run --silent cli -- analyze …`
 * can be piped; everything else goes to stderr, one line each: every skipped feature and every
 * set-aside field (file, feature, id, field, reason), the CRS and as-of date used, a summary.
 * `--format shp` writes a zipped Shapefile (`src/io/shapefile-write.ts`) and needs `--out x.zip`;
 * it is in the source CRS unless `--out-crs EPSG:4326`. GeoJSON is lon/lat (RFC 7946) unless
 * `--out-crs source`: then metres under a legacy `crs` member, said on stderr.
 * A dataset marked synthetic (top-level `"synthetic": true`) is marked in the output too: the
 * CSV's first column, the GeoJSON's top-level `jiyue` member.
 *
 * Exit 0 when at least one parcel was analysed; exit 2 with one line when the input cannot be
 * used (missing file, not JSON, not GeoJSON, no polygon parcels, unknown CRS, bad --as-of, bad
 * standards, bad arguments).
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { analysisContext, analyzeParcels } from "../domain/analyze";
import { isIsoDate, isoDateAt } from "../domain/dates";
import { applyEdits, parcelEdits } from "../domain/edits";
import { compileEfficiency } from "../domain/efficiency";
import type { AnalysisResult, Standards } from "../domain/types";
import { printable } from "../i18n/escape";
import { csvSyntheticMark, editedFieldsOptions, geoJsonSyntheticMark, shapefileTexts } from "../i18n/exports";
import { fill, type Lang } from "../i18n/lang";
import { CsvWriter, csvChunks } from "../io/csv-write";
import { DEFAULT_STANDARDS } from "../io/default-standards";
import { readParcelsGeoJson } from "../io/geojson-read";
import { GeoJsonWriter, geoJsonChunks } from "../io/geojson-write";
import { prepareParcels } from "../io/prepare";
import { isProjectFile, readProjectFile } from "../io/project-file";
import { readGeoJsonStream } from "../io/readers/geojson-stream";
import { chooseLayers } from "../io/readers/layers";
import { readShapefile } from "../io/readers/shapefile";
import type { InputFile, RawFeatureSet } from "../io/readers/types";
import { writeShapefileZip } from "../io/shapefile-write";
import { readStandards } from "../io/standards-read";
import type { ParcelImport, Problem } from "../io/types";
import { unsupportedFormat } from "../io/unsupported";
import {
  FileChangedError,
  type ParcelTextWriter,
  type StreamCounts,
  type StreamImport,
  type StreamPass,
  streamImport,
  streamOutput,
} from "./analyze-stream";
import { langFromArgv, parseArgs, problemLine, reportProblems } from "./args";
import { importWithSheets, isSheetInput } from "./import-sheets";
import { writeFileStream, writeStdoutStream } from "./stream-out";

const SPEC = {
  crs: { value: true },
  encoding: { value: true, allowed: ["gbk", "utf8", "utf-8"] },
  standards: { value: true },
  "as-of": { value: true },
  format: { value: true, allowed: ["geojson", "csv", "shp"] },
  "out-crs": { value: true, allowed: ["source", "EPSG:4326"] },
  lang: { value: true, allowed: ["zh", "en"] },
  out: { value: true },
  mapping: { value: true },
  join: { value: true },
  key: { value: true },
  layer: { value: true },
} as const;

/** The park's standards file, relative to the repository root. */
const DEFAULT_STANDARDS_PATH = fileURLToPath(new URL("../../geodata/standards.json", import.meta.url));

export type FileRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

export function readBytes(path: string): FileRead {
  try {
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem: Problem =
      code === "ENOENT"
        ? { severity: "error", code: "file-not-found", fatal: true, file: path }
        : {
            severity: "error",
            code: "file-unreadable",
            fatal: true,
            file: path,
            // the system's code is worded by formatProblem, never shown raw (EISDIR …)
            params: { errno: code ?? "" },
          };
    return { ok: false, problem };
  }
}

/**
 * From this size a plain GeoJSON file is analysed as a stream (`analyze-stream.ts`): every size,
 * since the streaming analyze gives the whole-file analyze's output and messages (tested) in
 * bounded memory. A pipe or device (it cannot be read twice) is read whole.
 */
const STREAM_FROM_BYTES = 0;

/**
 * Up to this size a streamed file is read once, its prepared parcels kept for the output; a
 * larger one is read twice, keeping 16 bytes per parcel (`analyze-stream.ts`). Measured: a
 * 95 MB file of 100,000 parcels peaks at about 3.5 times its size (0.3 GB), so the limit is also
 * an eighth of the heap node was given (`--max-old-space-size`): room to spare.
 */
const ONE_PASS_BYTES = Math.min(256 * 1024 * 1024, getHeapStatistics().heap_size_limit / 8);

/** Below this size a file's text fits in one string (V8: about 512 M characters). */
const WHOLE_TEXT_BYTES = 256 * 1024 * 1024;

/**
 * A GeoJSON file not analysed as a stream (a Shapefile is to be written, or a pipe): whole below
 * `WHOLE_TEXT_BYTES`, else as a stream of features
 * (`readers/geojson-stream.ts`, same raw features and problems as the whole-file reader on every
 * fixture, tested), so a file too large for one string is read instead of refused as not text.
 */
async function readGeoJsonFile(
  bytes: Uint8Array,
  fileName: string,
  opts: { analysisCrs: string; crs?: string; encoding?: "gbk" | "utf-8" },
): Promise<ParcelImport> {
  if (bytes.length < WHOLE_TEXT_BYTES) return readParcelsGeoJson(bytes, { fileName, ...opts });
  async function* chunks() {
    const size = 4 * 1024 * 1024;
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
  }
  return prepareParcels(await readGeoJsonStream(chunks(), fileName, opts), opts);
}

/**
 * A zipped Shapefile, or a `.shp` with its sibling parts (`.shx .dbf .prj .cpg`, any case)
 * read from the same folder; several shapefiles in one zip: the one `--layer` names, else the
 * polygon layer with the most features, and said with the others.
 */
function shapefileRaw(
  input: string,
  bytes: Uint8Array,
  opts: { analysisCrs: string; crs?: string; encoding?: "gbk" | "utf-8"; layer?: string },
): RawFeatureSet {
  const files: InputFile[] = [{ name: input, bytes }];
  if (/\.shp$/i.test(input)) {
    const dir = dirname(input);
    const base = basename(input)
      .replace(/\.shp$/i, "")
      .toLowerCase();
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      // the folder cannot be listed: the .shp alone (missing parts are said)
    }
    for (const e of entries) {
      const m = /^(.*)\.(shx|dbf|prj|cpg)$/i.exec(e);
      if (!m || (m[1] ?? "").toLowerCase() !== base) continue;
      const part = readBytes(join(dir, e));
      if (part.ok) files.push({ name: join(dir, e), bytes: part.bytes });
    }
  }
  // A zip of several Shapefiles: the one --layer names, else the polygon layer with the most features.
  const chosen = chooseLayers(readShapefile(files, opts), opts.layer);
  const first = chosen.sets[0] ?? {
    file: input,
    format: "shapefile" as const,
    features: [],
    fields: [],
    problems: [],
  };
  first.problems.unshift(...chosen.problems);
  return first;
}

/** Print one fatal line and return exit code 2. */
export function die(problem: Problem, lang: Lang): number {
  process.stderr.write(`${problemLine({ ...problem, severity: "error" }, lang)}\n`);
  return 2;
}

const TEXT = {
  builtinStandards: {
    zh: "提示：未找到 geodata/standards.json，采用内置示例标准「{name}」（{edition}）",
    en: "note: geodata/standards.json not found; using the built-in example standards “{name}” ({edition})",
  },
  standardsUsed: {
    zh: "提示：标准文件 {file}：「{name}」（{edition}）",
    en: "note: standards file {file}: “{name}” ({edition})",
  },
  asOf: {
    option: { zh: "提示：分析基准日 {asOf}（--as-of）", en: "note: as-of date {asOf} (--as-of)" },
    survey: {
      zh: "提示：分析基准日 {asOf}（数据截至日期）",
      en: "note: as-of date {asOf} (the dataset's survey date)",
    },
    project: { zh: "提示：分析基准日 {asOf}（项目文件）", en: "note: as-of date {asOf} (the project file)" },
    today: {
      zh: "提示：分析基准日 {asOf}（今天；数据未注明截至日期）",
      en: "note: as-of date {asOf} (today; the dataset states no survey date)",
    },
  },
  outCrs: {
    zh: "提示：Shapefile 坐标系 {crs}（.prj 为 Esri WKT；字段说明见 zip 内 *_fields.csv）",
    en: "note: Shapefile CRS {crs} (Esri WKT .prj; field legend *_fields.csv in the zip)",
  },
  geojsonSourceCrs: {
    zh: "提示：GeoJSON 按原坐标系 {crs} 输出（米），附旧版 crs 成员；这不符合 RFC 7946（其规定为经纬度）",
    en: "note: GeoJSON written in the source CRS {crs} (metres) with a legacy crs member; this is not RFC 7946 (which is lon/lat)",
  },
  crs: {
    zh: "提示：输入坐标系 {crs}{swapped}；面积按 {area} 平面面积计算",
    en: "note: input CRS {crs}{swapped}; areas are planar in {area}",
  },
  synthetic: {
    zh: "提示：数据集注明为合成示例数据，输出中已标注（CSV 首列“数据性质”，GeoJSON 顶层 jiyue 成员）",
    en: "note: the dataset is marked synthetic sample data; the output says so (CSV first column “Data”, GeoJSON top-level “jiyue” member)",
  },
  projectEdits: {
    zh: "提示：项目文件 {file}：已应用 {edits} 项修改（{parcels} 宗地块）",
    en: "note: project file {file}: {edits} edits applied ({parcels} parcels)",
  },
  summary: {
    zh: "完成：{features} 个要素，分析 {parcels} 宗，跳过 {skipped} 个；低于标准 {below} 宗；腾笼换鸟候选 {candidates} 宗",
    en: "done: {features} features, {parcels} parcels analysed, {skipped} skipped; {below} below standard; {candidates} reallocation candidates",
  },
} as const;

function note(t: Record<Lang, string>, lang: Lang, params: Record<string, string | number> = {}) {
  process.stderr.write(`${printable(fill(t[lang], params))}\n`);
}

/** What to say about the standards once the input turned out usable (exit 2 prints one line only). */
type Deferred = () => void;

/** Load the standards: `--standards`, else geodata/standards.json, else the built-in example. */
export function loadStandards(
  path: string | undefined,
  lang: Lang,
): { standards?: Standards; exit?: number; report?: Deferred } {
  const file = path ?? DEFAULT_STANDARDS_PATH;
  const read = readBytes(file);
  if (!read.ok) {
    if (path === undefined && read.problem.code === "file-not-found") {
      const params = { name: DEFAULT_STANDARDS.name, edition: DEFAULT_STANDARDS.edition };
      return { standards: DEFAULT_STANDARDS, report: () => note(TEXT.builtinStandards, lang, params) };
    }
    return { exit: die(read.problem, lang) };
  }
  const shown = path ?? "geodata/standards.json";
  const r = readStandards(read.bytes, shown);
  if (!r.ok || !r.standards) {
    const first = r.problems.find((p) => p.severity === "error") ?? {
      severity: "error" as const,
      code: "not-standards",
      file: shown,
    };
    return { exit: die(first, lang) };
  }
  const { standards } = r;
  const report = () => {
    reportProblems(r.problems, lang);
    note(TEXT.standardsUsed, lang, { file: shown, name: standards.name, edition: standards.edition });
  };
  return { standards, report };
}

/** The standards a project file carries. */
function standardsFromProject(
  source: { fileName: string; content: Uint8Array | string },
  file: string,
  lang: Lang,
): { standards?: Standards; exit?: number; report?: Deferred } {
  const shown = `${file}#${source.fileName}`;
  const bytes =
    typeof source.content === "string" ? new TextEncoder().encode(source.content) : source.content;
  const r = readStandards(bytes, shown);
  if (!r.ok || !r.standards) {
    const first = r.problems.find((p) => p.severity === "error") ?? {
      severity: "error" as const,
      code: "not-standards",
      file: shown,
    };
    return { exit: die(first, lang) };
  }
  const { standards } = r;
  return {
    standards,
    report: () => {
      reportProblems(r.problems, lang);
      note(TEXT.standardsUsed, lang, { file: shown, name: standards.name, edition: standards.edition });
    },
  };
}

/**
 * Run `analyze` with the arguments after the command name.
 * @returns the exit code (0 analysed, 2 unusable input)
 */
export async function runAnalyze(argv: string[]): Promise<number> {
  let lang = langFromArgv(argv);
  const parsed = parseArgs(argv, SPEC, 1);
  if (!parsed.ok) return die(parsed.problem, lang);
  const o = parsed.args.options;
  lang = (o.lang as Lang | undefined) ?? lang;
  const input = parsed.args.positionals[0];
  if (input === undefined) return die({ severity: "error", code: "missing-input" }, lang);
  const asOfOption = o["as-of"] as string | undefined;
  if (asOfOption !== undefined && !isIsoDate(asOfOption)) {
    return die({ severity: "error", code: "bad-as-of", params: { raw: asOfOption } }, lang);
  }

  const format = (o.format as string | undefined) ?? "geojson";
  const out = o.out as string | undefined;
  if (format === "shp" && out === undefined) return die({ severity: "error", code: "shp-needs-out" }, lang);
  if (format === "shp" && !/\.zip$/i.test(out ?? ""))
    return die({ severity: "error", code: "shp-out-not-zip", file: out ?? "" }, lang);

  const unsupported = unsupportedFormat(input);
  if (unsupported) return die(unsupported, lang);
  // Sheets (CSV/XLSX input, --join) and --mapping go through the import contract's readers.
  const sheetArgs = o.mapping !== undefined || o.join !== undefined || o.key !== undefined;
  // A large plain GeoJSON file is analysed as a stream (`analyze-stream.ts`): never read whole.
  const streamIt = !sheetArgs && format !== "shp" && streamsGeoJson(input);
  const bytes: FileRead = streamIt ? { ok: true, bytes: new Uint8Array(0) } : readBytes(input);
  if (!bytes.ok) return die(bytes.problem, lang);

  // A project file (*.jiyue.json, or "format": "jiyue-project"): its dataset with its edits, its
  // standards and as-of date (options given on the command line win).
  const project = isProjectFile(input, new TextDecoder().decode(bytes.bytes.subarray(0, 2000)))
    ? readProjectFile(bytes.bytes, input)
    : null;
  if (project && !project.project) {
    const fatal = project.problems.find((p) => p.fatal) ?? project.problems[0];
    return die(fatal ?? { severity: "error", code: "project-not-project", file: input }, lang);
  }
  const opened = project?.project ?? null;

  const loaded =
    opened?.standards && o.standards === undefined
      ? standardsFromProject(opened.standards, input, lang)
      : loadStandards(o.standards as string | undefined, lang);
  if (!loaded.standards) return loaded.exit ?? 2;
  const standards = loaded.standards;
  // `--crs` takes a code, a proj4 string, WKT text, or the path of a `.prj` file holding WKT.
  let crs = o.crs as string | undefined;
  if (crs !== undefined && /\.prj$/i.test(crs)) {
    const prj = readBytes(crs);
    if (!prj.ok) return die(prj.problem, lang);
    crs = new TextDecoder().decode(prj.bytes).trim();
  }
  if (crs === undefined && opened?.dataset.crs) crs = opened.dataset.crs;
  const datasetName = opened ? `${input}#${opened.dataset.fileName}` : input;
  const encoding: "gbk" | "utf-8" | undefined =
    o.encoding === undefined ? undefined : o.encoding === "gbk" ? "gbk" : "utf-8";
  const isShape = !opened && /\.(zip|shp)$/i.test(input);
  const shapeOpts = {
    analysisCrs: standards.analysisCrs,
    ...(crs !== undefined ? { crs } : {}),
    ...(encoding ? { encoding } : {}),
    ...(typeof o.layer === "string" ? { layer: o.layer } : {}),
  };
  let imported: ParcelImport;
  let pass: StreamPass | undefined;
  if (streamIt) {
    const geoOpts = {
      analysisCrs: standards.analysisCrs,
      ...(crs !== undefined ? { crs } : {}),
      ...(encoding ? { encoding } : {}),
    };
    let r: StreamImport;
    try {
      const keep = statSync(input).size <= bytesOption("JIYUE_ONE_PASS_BYTES", ONE_PASS_BYTES);
      r = await streamImport(input, datasetName, geoOpts, compileEfficiency(standards), keep);
    } catch (err) {
      return die(streamFailure(err, input), lang);
    }
    // A JSON syntax error is named by the whole-file reader at its line and column in the file
    // (the stream knows only the entry): read it whole again when it fits in one string.
    const syntaxError =
      r.kind === "done" &&
      !r.imported.ok &&
      r.imported.problems.some((p) => p.fatal && p.code === "not-json");
    if (r.kind === "whole" || (syntaxError && statSync(input).size < WHOLE_TEXT_BYTES)) {
      // Not a FeatureCollection (one Feature, a bare geometry): small, read whole.
      const whole = readBytes(input);
      if (!whole.ok) return die(whole.problem, lang);
      imported = readParcelsGeoJson(whole.bytes, { fileName: datasetName, ...geoOpts });
    } else {
      imported = r.imported;
      pass = r.pass;
    }
  } else if (sheetArgs || (!opened && !isShape && isSheetInput(input, bytes.bytes))) {
    const content = opened ? opened.dataset.content : bytes.bytes;
    const r = await importWithSheets({
      input: datasetName,
      bytes: typeof content === "string" ? new TextEncoder().encode(content) : content,
      analysisCrs: standards.analysisCrs,
      readBytes,
      ...(crs !== undefined ? { crs } : {}),
      ...(typeof o.mapping === "string" ? { mappingPath: o.mapping } : {}),
      ...(typeof o.join === "string" ? { joinPath: o.join } : {}),
      ...(typeof o.key === "string" ? { key: o.key } : {}),
      ...(isShape ? { readRaw: () => shapefileRaw(input, bytes.bytes, shapeOpts) } : {}),
    });
    if ("fatal" in r) return die(r.fatal, lang);
    imported = r.imported;
  } else if (isShape) {
    imported = prepareParcels(shapefileRaw(input, bytes.bytes, shapeOpts), shapeOpts);
  } else if (opened) {
    imported = readParcelsGeoJson(opened.dataset.content, {
      fileName: datasetName,
      analysisCrs: standards.analysisCrs,
      ...(crs !== undefined ? { crs } : {}),
    });
  } else {
    imported = await readGeoJsonFile(bytes.bytes, datasetName, {
      analysisCrs: standards.analysisCrs,
      ...(crs !== undefined ? { crs } : {}),
      ...(encoding ? { encoding } : {}),
    });
  }
  if (!imported.ok) {
    const fatal = imported.problems.find((p) => p.fatal) ?? imported.problems[imported.problems.length - 1];
    return die(fatal ?? { severity: "error", code: "no-parcels", file: input }, lang);
  }
  loaded.report?.();
  if (project) reportProblems(project.problems, lang);
  // The area basis is said in the CRS note below, with the input CRS.
  const basis = imported.problems.find((p) => p.code === "area-basis")?.params?.basis;
  reportProblems(
    imported.problems.filter((p) => p.code !== "area-basis"),
    lang,
  );
  // The project's edits (those after its last dataset step) on the imported parcels.
  let parcels = imported.parcels;
  if (opened) {
    const edits = parcelEdits(opened.history);
    const applied = applyEdits(parcels, edits);
    parcels = applied.parcels;
    for (const e of applied.unmatched)
      reportProblems(
        [
          {
            severity: "warning",
            code: "project-edit-unmatched",
            file: input,
            featureId: e.parcelId,
            field: e.field,
          },
        ],
        lang,
      );
    note(TEXT.projectEdits, lang, { file: input, edits: edits.length, parcels: applied.originals.size });
  }
  if (imported.crs) {
    const swapped = imported.crs.swappedAxes ? (lang === "zh" ? "（坐标轴已交换）" : " (axes swapped)") : "";
    const area = typeof basis === "string" ? basis.replace(/ planar$/, "") : standards.analysisCrs;
    note(TEXT.crs, lang, { crs: imported.crs.crs, swapped, area });
  }

  let asOf: string;
  if (asOfOption !== undefined) {
    asOf = asOfOption;
    note(TEXT.asOf.option, lang, { asOf });
  } else if (opened?.settings.asOfUserSet && opened.settings.asOf) {
    asOf = opened.settings.asOf;
    note(TEXT.asOf.project, lang, { asOf });
  } else if (imported.surveyDate !== undefined) {
    asOf = imported.surveyDate;
    note(TEXT.asOf.survey, lang, { asOf });
  } else {
    asOf = isoDateAt(Date.now());
    note(TEXT.asOf.today, lang, { asOf });
  }

  if (pass)
    return streamedOutput(input, datasetName, pass, imported, { standards, asOf, format, out, lang, o });
  const result: AnalysisResult = analyzeParcels(parcels, { standards, asOf });
  // Output coordinates: the source CRS (the Shapefile's default) or lon/lat (GeoJSON's).
  const outCrsOption = (o["out-crs"] as string | undefined) ?? (format === "shp" ? "source" : "EPSG:4326");
  const outCrs = outCrsOption === "source" ? (imported.crs?.crs ?? "EPSG:4326") : "EPSG:4326";
  // A dataset marked synthetic (the sample data) is marked so in its outputs as well.
  const synthetic = imported.synthetic === true;
  if (synthetic) note(TEXT.synthetic, lang);
  // Parcels with edits applied (a project's) list their edited fields; none here yet: no column.
  const edited = editedFieldsOptions(result, lang);
  if (format === "shp") {
    const shp = writeShapefileZip(result, {
      outCrs,
      // ASCII names inside the zip: Windows' own zip reader garbles UTF-8 names
      baseName: /^[\w.-]+$/.test(basename(out as string).replace(/\.zip$/i, ""))
        ? basename(out as string).replace(/\.zip$/i, "")
        : "parcels",
      ...shapefileTexts(lang, outCrs, synthetic),
    });
    reportProblems(shp.problems, lang);
    try {
      writeFileSync(out as string, shp.bytes);
    } catch (err) {
      return die({ severity: "error", code: "write-failed", file: out, params: writeFailure(err) }, lang);
    }
    note(TEXT.outCrs, lang, { crs: outCrs });
    return summary(imported, result, lang);
  }
  if (format === "geojson" && outCrs !== "EPSG:4326") note(TEXT.geojsonSourceCrs, lang, { crs: outCrs });
  const chunks =
    format === "csv"
      ? csvChunks(result, {
          lang,
          ...(synthetic ? { synthetic: csvSyntheticMark(lang) } : {}),
          ...edited.csv,
        })
      : withNewline(
          geoJsonChunks(result, {
            ...(synthetic ? { synthetic: geoJsonSyntheticMark(lang) } : {}),
            ...edited.geojson,
            ...(outCrs !== "EPSG:4326" ? { outCrs } : {}),
          }),
        );

  if (out !== undefined) {
    try {
      await writeFileStream(out, chunks);
    } catch (err) {
      return die({ severity: "error", code: "write-failed", file: out, params: writeFailure(err) }, lang);
    }
  } else {
    await writeStdoutStream(chunks);
  }
  return summary(imported, result, lang);
}

/** The last stderr line (counts); exit 0. */
function summary(imported: ParcelImport, result: AnalysisResult, lang: Lang): number {
  return summaryOf(
    imported,
    {
      parcels: result.parcels.length,
      belowStandard: result.summary.belowStandard,
      reallocationCandidates: result.summary.reallocationCandidates,
    },
    lang,
  );
}

function summaryOf(imported: ParcelImport, counts: StreamCounts, lang: Lang): number {
  note(TEXT.summary, lang, {
    features: imported.featureCount,
    parcels: counts.parcels,
    skipped: imported.featureCount - counts.parcels,
    below: counts.belowStandard,
    candidates: counts.reallocationCandidates,
  });
  return 0;
}

/**
 * A size in bytes from the environment variable `name`, else `fallback`. `JIYUE_STREAM_FROM_BYTES`
 * overrides `STREAM_FROM_BYTES`, `JIYUE_ONE_PASS_BYTES` `ONE_PASS_BYTES` (the tests run every
 * path on the same files: 0 streams every file, in two passes).
 */
function bytesOption(name: string, fallback: number): number {
  const v = process.env[name];
  const n = v === undefined || v.trim() === "" ? Number.NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function streamFromBytes(): number {
  return bytesOption("JIYUE_STREAM_FROM_BYTES", STREAM_FROM_BYTES);
}

/**
 * Is `input` a regular file of GeoJSON (not a project file, not a sheet, not a Shapefile) at
 * least `streamFromBytes()` long? A pipe or device (not seekable: it cannot be read twice) is not.
 */
function streamsGeoJson(input: string): boolean {
  if (/\.(zip|shp)$/i.test(input)) return false;
  let size: number;
  try {
    const st = statSync(input);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false; // missing or unreadable: the whole-file path says why
  }
  if (size < streamFromBytes()) return false;
  let head: Uint8Array;
  try {
    const fd = openSync(input, "r");
    try {
      const buf = new Uint8Array(Math.min(size, 64 * 1024));
      const n = readSync(fd, buf, 0, buf.length, 0);
      head = buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  if (isProjectFile(input, new TextDecoder().decode(head.subarray(0, 2000)))) return false;
  return !isSheetInput(input, head);
}

/** A failure while streaming the input, as one line's problem (never the error's stack). */
function streamFailure(err: unknown, input: string): Problem {
  if (err instanceof FileChangedError)
    return { severity: "error", code: "file-changed", fatal: true, file: input };
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code))
    return { severity: "error", code: "file-unreadable", fatal: true, file: input, params: { errno: code } };
  if (err instanceof RangeError)
    return { severity: "error", code: "stream-too-large", fatal: true, file: input };
  const message = err instanceof Error ? err.message : String(err);
  return { severity: "error", code: "read-failed", fatal: true, file: input, params: { message } };
}

/** The output of a streamed analysis (pass 2 of `analyze-stream.ts`), then the summary line. */
async function streamedOutput(
  input: string,
  datasetName: string,
  pass: StreamPass,
  imported: ParcelImport,
  s: {
    standards: Standards;
    asOf: string;
    format: string;
    out: string | undefined;
    lang: Lang;
    o: Record<string, string | boolean | undefined>;
  },
): Promise<number> {
  const { standards, asOf, format, out, lang, o } = s;
  const ctx = analysisContext({ standards, asOf });
  const outCrs = o["out-crs"] === "source" ? (imported.crs?.crs ?? "EPSG:4326") : "EPSG:4326";
  const synthetic = imported.synthetic === true;
  if (synthetic) note(TEXT.synthetic, lang);
  if (format === "geojson" && outCrs !== "EPSG:4326") note(TEXT.geojsonSourceCrs, lang, { crs: outCrs });
  let writer: ParcelTextWriter;
  if (format === "csv") {
    const w = new CsvWriter(
      { lang, ...(synthetic ? { synthetic: csvSyntheticMark(lang) } : {}) },
      pass.extraKeys,
      ctx.eff.totalWeight,
    );
    writer = { head: () => w.header(), parcel: (a, out) => out.push(w.row(a)), tail: () => "" };
  } else {
    const w = new GeoJsonWriter(
      { asOf, standardsName: standards.name, standardsEdition: standards.edition },
      {
        ...(synthetic ? { synthetic: geoJsonSyntheticMark(lang) } : {}),
        ...(outCrs !== "EPSG:4326" ? { outCrs } : {}),
      },
    );
    writer = { head: () => w.head(), parcel: (a, out) => w.featureInto(a, out), tail: () => `${w.tail()}\n` };
  }
  const counts: StreamCounts = { parcels: 0, belowStandard: 0, reallocationCandidates: 0 };
  const chunks = streamOutput(input, datasetName, pass, ctx, writer, counts);
  try {
    if (out !== undefined) await writeFileStream(out, chunks);
    else await writeStdoutStream(chunks);
  } catch (err) {
    if (
      err instanceof FileChangedError ||
      err instanceof RangeError ||
      (err as { path?: unknown })?.path === input
    )
      return die(streamFailure(err, input), lang);
    return die({ severity: "error", code: "write-failed", file: out, params: writeFailure(err) }, lang);
  }
  return summaryOf(imported, counts, lang);
}

/** The system's error code of a failed write (`EISDIR`, `ENOSPC` …), worded by `formatProblem`. */
function writeFailure(err: unknown): { errno: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return { errno: typeof code === "string" ? code : "unknown" };
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield "\n";
}

/**
 * Write chunks to stdout, respecting back-pressure, and wait until they are flushed. A reader
 * that stops early (`| head`) closes the pipe: that is not an error worth a message.
 */
export async function writeStdout(chunks: Iterable<string>): Promise<void> {
  await writeStdoutStream(chunks);
}
