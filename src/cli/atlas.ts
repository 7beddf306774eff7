/**
 * `npm run cli -- atlas <input.geojson> [--agenda candidates|below-standard|<ids.txt>] [--paper A4|A3]
 *   [--orientation portrait|landscape] [--colour flags|efficiencyClass|idleStatus|landUse]
 *   [--standards <file>] [--crs <crs>] [--as-of YYYY-MM-DD] [--lang zh|en] --out atlas.pdf`
 *
 * The atlas of the app's export bar, headless: a title page with the agenda, then one page per
 * agenda parcel (the parcel with its neighbours at a round scale, legend with counts, scale bar,
 * north arrow, as-of date, data source, standards edition, the synthetic notice for the sample)
 * and its card. Vector paths and real text in an embedded Noto Sans SC subset. The sample's zone
 * outlines, roads and facilities (geodata/) are drawn when the input sits beside them.
 *
 * `--agenda` takes the reallocation candidates (default), every parcel below a standard, or a
 * text file of parcel ids, one a line (`#` comments and blank lines ignored; ids not in the data
 * are named on stderr and skipped). Exit 0 when the PDF was written; exit 2 with one line when the
 * input cannot be used or the agenda is empty. The PDF is written to a temporary file beside
 * `--out` and renamed over it when complete.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FeatureCollection } from "geojson";
import { atlasAgenda } from "../domain/agenda";
import { analyzeParcels } from "../domain/analyze";
import { isIsoDate, isoDateAt } from "../domain/dates";
import { printable } from "../i18n/escape";
import { fill, type Lang } from "../i18n/lang";
import { atlasPages, categoricalColouring, contextFromGeoJson, type PrintIndicator } from "../i18n/print";
import { readParcelsGeoJson } from "../io/geojson-read";
import type { Orientation, Paper } from "../io/pdf/layout";
import { renderPdf } from "../io/pdf/pdf";
import type { Problem } from "../io/types";
import { die, loadStandards, readBytes } from "./analyze";
import { langFromArgv, parseArgs, reportProblems } from "./args";
import { loadPrintFont } from "./print-font";
import { writeFileChunks } from "./write-file";

const SPEC = {
  agenda: { value: true },
  paper: { value: true, allowed: ["A4", "A3"] },
  orientation: { value: true, allowed: ["portrait", "landscape"] },
  colour: { value: true, allowed: ["flags", "efficiencyClass", "idleStatus", "landUse"] },
  standards: { value: true },
  crs: { value: true },
  "as-of": { value: true },
  lang: { value: true, allowed: ["zh", "en"] },
  out: { value: true },
} as const;

const TEXT = {
  done: {
    zh: "完成：图集 {file}，{pages} 页（标题页 + {parcels} 宗议题地块），{bytes} 字节",
    en: "done: atlas {file}, {pages} pages (title page + {parcels} agenda parcels), {bytes} bytes",
  },
  agendaUsed: {
    zh: "提示：议题 {agenda}：{n} 宗地块",
    en: "note: agenda {agenda}: {n} parcels",
  },
} as const;

function note(t: Record<Lang, string>, lang: Lang, params: Record<string, string | number>) {
  process.stderr.write(`${printable(fill(t[lang], params))}\n`);
}

function readJson(path: string): FeatureCollection | null {
  const r = readBytes(path);
  if (!r.ok) return null;
  try {
    const v = JSON.parse(new TextDecoder().decode(r.bytes)) as unknown;
    return typeof v === "object" && v !== null && (v as { type?: unknown }).type === "FeatureCollection"
      ? (v as FeatureCollection)
      : null;
  } catch {
    return null;
  }
}

/** Parcel ids from a text file: one a line, `#` comments and blank lines ignored. */
export function parseIdList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter((l) => l !== "");
}

export async function runAtlas(argv: string[]): Promise<number> {
  let lang = langFromArgv(argv);
  const parsed = parseArgs(argv, SPEC, 1);
  if (!parsed.ok) return die(parsed.problem, lang);
  const o = parsed.args.options;
  lang = (o.lang as Lang | undefined) ?? lang;
  const input = parsed.args.positionals[0];
  if (input === undefined) return die({ severity: "error", code: "missing-input" }, lang);
  const out = o.out as string | undefined;
  if (out === undefined) return die({ severity: "error", code: "atlas-missing-out" }, lang);
  const asOfOption = o["as-of"] as string | undefined;
  if (asOfOption !== undefined && !isIsoDate(asOfOption))
    return die({ severity: "error", code: "bad-as-of", params: { raw: asOfOption } }, lang);

  const bytes = readBytes(input);
  if (!bytes.ok) return die(bytes.problem, lang);
  const loaded = loadStandards(o.standards as string | undefined, lang);
  if (!loaded.standards) return loaded.exit ?? 2;
  const standards = loaded.standards;
  const crs = o.crs as string | undefined;
  const imported = readParcelsGeoJson(bytes.bytes, {
    fileName: input,
    analysisCrs: standards.analysisCrs,
    ...(crs !== undefined ? { crs } : {}),
  });
  if (!imported.ok) {
    const fatal = imported.problems.find((p) => p.fatal) ?? imported.problems[imported.problems.length - 1];
    return die(fatal ?? { severity: "error", code: "no-parcels", file: input }, lang);
  }
  const asOf = asOfOption ?? imported.surveyDate ?? isoDateAt(Date.now());
  const result = analyzeParcels(imported.parcels, { standards, asOf });

  // The agenda: a kind, or a file of ids.
  const agendaArg = (o.agenda as string | undefined) ?? "candidates";
  let agenda: string[];
  const warnings: Problem[] = [];
  if (agendaArg === "candidates" || agendaArg === "below-standard") {
    agenda = atlasAgenda(result.parcels, agendaArg);
  } else {
    const list = readBytes(agendaArg);
    if (!list.ok) return die(list.problem, lang);
    const known = new Set(result.parcels.map((p) => p.input.id));
    agenda = [];
    for (const id of parseIdList(new TextDecoder().decode(list.bytes))) {
      if (known.has(id)) {
        if (!agenda.includes(id)) agenda.push(id);
      } else
        warnings.push({ severity: "warning", code: "agenda-unknown-id", file: agendaArg, featureId: id });
    }
  }
  if (agenda.length === 0)
    return die({ severity: "error", code: "agenda-empty", params: { agenda: agendaArg } }, lang);

  let font: Uint8Array;
  try {
    font = await loadPrintFont();
  } catch (err) {
    return die(
      {
        severity: "error",
        code: "font-missing",
        params: { reason: err instanceof Error ? err.message : String(err) },
      },
      lang,
    );
  }

  loaded.report?.();
  reportProblems(imported.problems, lang);
  reportProblems(warnings, lang);
  note(TEXT.agendaUsed, lang, { agenda: agendaArg, n: agenda.length });

  // Context layers beside the input (the sample's geodata/ folder), when there.
  const dir = dirname(input);
  const ctx = (name: string) => (existsSync(join(dir, name)) ? readJson(join(dir, name)) : null);
  const context = contextFromGeoJson({
    zones: ctx("zones.geojson"),
    roads: ctx("roads.geojson"),
    facilities: ctx("facilities.geojson"),
  });

  const indicator = ((o.colour as string | undefined) ?? "flags") as PrintIndicator;
  const pages = atlasPages(
    {
      result,
      lang,
      synthetic: imported.synthetic === true,
      source: input,
      crs: standards.analysisCrs,
      colouring: categoricalColouring(indicator, result.parcels, lang),
      context,
      paper: ((o.paper as string | undefined) ?? "A4") as Paper,
      orientation: ((o.orientation as string | undefined) ?? "landscape") as Orientation,
    },
    agenda,
  );
  const pdf = await renderPdf(pages, font, { title: pages[0]?.kind === "title" ? pages[0].title : "Atlas" });
  try {
    writeFileChunks(out, [pdf]);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    return die(
      {
        severity: "error",
        code: "write-failed",
        file: out,
        params: { errno: typeof code === "string" ? code : "unknown" },
      },
      lang,
    );
  }
  note(TEXT.done, lang, { file: out, pages: pages.length, parcels: pages.length - 1, bytes: pdf.length });
  return 0;
}
