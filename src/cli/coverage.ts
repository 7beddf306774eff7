/**
 * `npm run cli -- coverage <parcels> --facilities <facilities.geojson> [--roads <roads.geojson>]
 *   [--standards <file>] [--suggest <kind> [--count k] [--greedy]] [--format json|csv] [--lang zh|en]`
 *
 * Prints, per six-ones facility, the demand it covers (employees + residents of the parcels
 * within its service distance, domain.md §8) and the share of all demand — along the roads when
 * `--roads` is given, else straight-line — and with `--suggest` the ranked candidate sites.
 * JSON: `{"totalDemand", "method", "facilities": [{"id", "kind", "coveredDemand", "share", …}],
 * "suggestions": [{"parcelId", "coveredDemand", "newlyCoveredDemand", …}]}`. CSV: a UTF-8 BOM
 * table of facilities, then (with `--suggest`) a blank line and the suggestions.
 * Exit codes and one-line problems as `analyze`.
 */
import { computeCoverage, isFacilityKind, SIX_ONES } from "../domain/coverage";
import { plannerInputs, toCoverageFacility } from "../domain/facilities";
import { suggestSites } from "../domain/siting";
import { fill, type Lang } from "../i18n/lang";
import { planCsvText } from "../i18n/planner";
import { csvCell } from "../io/csv-write";
import { readParcelsGeoJson } from "../io/geojson-read";
import { readFacilities, readRoads } from "../io/plan-read";
import { planFacilityCsv } from "../io/plan-write";
import { die, loadStandards, readBytes, writeStdout } from "./analyze";
import { langFromArgv, parseArgs, reportProblems } from "./args";

const SPEC = {
  facilities: { value: true },
  roads: { value: true },
  standards: { value: true },
  suggest: { value: true, allowed: [...SIX_ONES] },
  count: { value: true },
  greedy: { value: false },
  format: { value: true, allowed: ["json", "csv"] },
  lang: { value: true, allowed: ["zh", "en"] },
} as const;

const TEXT = {
  method: {
    road: {
      zh: "提示：距离沿道路网计算（{segments} 段道路）",
      en: "note: distances along the road network ({segments} road segments)",
    },
    straight: {
      zh: "提示：距离按直线计算（未给出 --roads）",
      en: "note: straight-line distances (no --roads given)",
    },
  },
  summary: {
    zh: "完成：{parcels} 宗地块，需求 {demand} 人，{facilities} 处设施",
    en: "done: {parcels} parcels, demand {demand} persons, {facilities} facilities",
  },
  badCount: {
    zh: "--count 应为 1–100 的整数，得到「{raw}」",
    en: "--count must be a whole number from 1 to 100, got “{raw}”",
  },
  noFacilities: {
    zh: "{file}：没有六个一设施（幼儿园、学校、卫生、生活娱乐、绿地、公交）",
    en: "{file}: no six-ones facilities (kindergarten, school, clinic, leisure, green, bus)",
  },
  greedy: {
    zh: "提示：多点选址采用贪心最大覆盖法",
    en: "note: several sites chosen together by greedy maximal coverage",
  },
} as const;

const HEAD = {
  suggestions: {
    zh: [
      "排名",
      "宗地编号",
      "新增覆盖需求（人）",
      "覆盖需求（人）",
      "面积（平方米）",
      "供地状态",
      "距最近道路（米）",
    ],
    en: [
      "Rank",
      "Parcel",
      "Newly covered demand (persons)",
      "Covered demand (persons)",
      "Area (m²)",
      "Land status",
      "Distance to road (m)",
    ],
  },
};

const say = (t: Record<Lang, string>, lang: Lang, params: Record<string, string | number> = {}) =>
  process.stderr.write(`${fill(t[lang], params)}\n`);

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export async function runCoverage(argv: string[]): Promise<number> {
  let lang = langFromArgv(argv);
  const parsed = parseArgs(argv, SPEC, 1);
  if (!parsed.ok) return die(parsed.problem, lang);
  const o = parsed.args.options;
  lang = (o.lang as Lang | undefined) ?? lang;
  const input = parsed.args.positionals[0];
  if (input === undefined) return die({ severity: "error", code: "missing-input" }, lang);
  const facilitiesPath = o.facilities as string | undefined;
  if (facilitiesPath === undefined) return die({ severity: "error", code: "missing-facilities" }, lang);
  const countRaw = o.count as string | undefined;
  const count = countRaw === undefined ? 5 : Number(countRaw);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    process.stderr.write(`${fill(TEXT.badCount[lang], { raw: String(countRaw) })}\n`);
    return 2;
  }

  const loaded = loadStandards(o.standards as string | undefined, lang);
  if (!loaded.standards) return loaded.exit ?? 2;
  const standards = loaded.standards;

  const bytes = readBytes(input);
  if (!bytes.ok) return die(bytes.problem, lang);
  const parcels = readParcelsGeoJson(bytes.bytes, { fileName: input, analysisCrs: standards.analysisCrs });
  if (!parcels.ok)
    return die(
      parcels.problems.find((p) => p.fatal) ?? { severity: "error", code: "no-parcels", file: input },
      lang,
    );

  const facBytes = readBytes(facilitiesPath);
  if (!facBytes.ok) return die(facBytes.problem, lang);
  const facilities = readFacilities(facBytes.bytes, facilitiesPath);
  if (!facilities.ok)
    return die(
      facilities.problems[0] ?? { severity: "error", code: "not-geojson", file: facilitiesPath },
      lang,
    );

  let roads = null;
  const roadsPath = o.roads as string | undefined;
  if (roadsPath !== undefined) {
    const rb = readBytes(roadsPath);
    if (!rb.ok) return die(rb.problem, lang);
    const r = readRoads(rb.bytes, roadsPath);
    if (!r.ok)
      return die(
        r.problems.find((p) => p.fatal) ?? { severity: "error", code: "no-roads", file: roadsPath },
        lang,
      );
    reportProblems(r.problems, lang);
    roads = r.items;
  }
  loaded.report?.();
  reportProblems(
    parcels.problems.filter((p) => p.code !== "area-basis"),
    lang,
  );
  reportProblems(facilities.problems, lang);
  const suggestKind = o.suggest as string | undefined;
  if (facilities.items.length === 0 && suggestKind === undefined) {
    process.stderr.write(`${fill(TEXT.noFacilities[lang], { file: facilitiesPath })}\n`);
    return 2;
  }

  const inputs = plannerInputs(parcels.parcels, roads, standards.analysisCrs);
  if (inputs.network) say(TEXT.method.road, lang, { segments: inputs.network.segmentCount });
  else say(TEXT.method.straight, lang);
  const planFacilities = facilities.items.map((f) => toCoverageFacility(f, inputs.project));
  const cov = computeCoverage(inputs.index, planFacilities, standards.services);
  const byId = new Map(facilities.items.map((f) => [f.id, f]));
  const facilityRows = cov.facilities.map((f) => ({
    id: f.facilityId,
    kind: f.kind,
    name: byId.get(f.facilityId)?.name ?? null,
    status: f.status,
    serviceDistanceM: f.serviceDistanceM,
    method: f.method,
    coveredDemand: f.coveredDemand,
    share: round(f.share, 6),
  }));
  const greedy = o.greedy === true;
  if (greedy) say(TEXT.greedy, lang);
  const suggestions =
    suggestKind !== undefined && isFacilityKind(suggestKind)
      ? suggestSites(inputs.index, inputs.candidates, planFacilities, {
          kind: suggestKind,
          services: standards.services,
          count,
          greedy,
        }).map((s) => ({
          rank: s.rank,
          parcelId: s.parcelId,
          newlyCoveredDemand: s.newlyCoveredDemand,
          coveredDemand: s.coveredDemand,
          areaM2: round(s.areaM2, 2),
          landStatus: s.landStatus ?? null,
          roadDistanceM: s.roadDistanceM === null ? null : round(s.roadDistanceM, 1),
        }))
      : undefined;

  const format = (o.format as string | undefined) ?? "json";
  let text: string;
  if (format === "csv") {
    const row = (cells: unknown[]) => cells.map((c) => csvCell(c, lang)).join(",");
    // The facility table is the app's plan export's (one writer, the same columns).
    const head = planFacilityCsv(
      cov.facilities.map((c) => ({
        coverage: c,
        ...(byId.get(c.facilityId) ? { facility: byId.get(c.facilityId) } : {}),
      })),
      planCsvText(lang),
    );
    const lines: string[] = [];
    if (suggestions) {
      lines.push("", row(HEAD.suggestions[lang]));
      for (const s of suggestions)
        lines.push(
          row([
            s.rank,
            s.parcelId,
            s.newlyCoveredDemand,
            s.coveredDemand,
            s.areaM2,
            s.landStatus,
            s.roadDistanceM,
          ]),
        );
    }
    text = lines.length > 0 ? `${head}${lines.join("\r\n")}\r\n` : head;
  } else {
    text = `${JSON.stringify(
      {
        totalDemand: cov.totalDemand,
        method: cov.method,
        facilities: facilityRows,
        ...(suggestions ? { suggestions } : {}),
      },
      null,
      2,
    )}\n`;
  }
  await writeStdout([text]);
  say(TEXT.summary, lang, {
    parcels: parcels.parcels.length,
    demand: cov.totalDemand,
    facilities: facilityRows.length,
  });
  return 0;
}
