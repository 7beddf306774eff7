/**
 * Printed documents in words: the page specs of the map, the atlas (a title page and one page per
 * agenda parcel) and the minutes, in zh or en, from an analysis result. The layouts are
 * `src/io/pdf/layout.ts`, the drawing `src/io/pdf/render.ts`, the PDF `src/io/pdf/pdf.ts`; the
 * browser (`src/ui/print/`) and the CLI (`atlas`) call the same functions here, so both print
 * the same pages. Pure apart from the lazy PDF library.
 */
import type { Position } from "geojson";
import { makeTransform, WGS84 } from "../domain/crs";
import { type FieldInfo, fieldInfo } from "../domain/fields";
import { FLAG_KINDS, parcelFlag } from "../domain/flags";
import { LAND_USE_GROUP_NAMES, LAND_USE_GROUPS, landUseGroup } from "../domain/landuse";
import { CLASS_COLORS, FLAG_COLORS, IDLE_COLORS, LAND_USE_COLORS, OTHER_COLOR } from "../domain/palette";
import type { AnalysedParcel, AnalysisResult } from "../domain/types";
import { reallocationReasonLabels } from "../domain/vocabulary";
import { parkZoneName } from "../domain/zones";
import { mapPageLayout, type Orientation, type Paper, pageSize, scaleBar, scaleText } from "../io/pdf/layout";
import type { MinutesDoc } from "../io/pdf/minutes-doc";
import { renderPdf } from "../io/pdf/pdf";
import type {
  CardSpec,
  LegendEntry,
  LegendSpec,
  MapPageSpec,
  PageSpec,
  TablePageSpec,
  TitlePageSpec,
} from "../io/pdf/render";
import {
  type Bounds,
  buildScene,
  extendBounds,
  parcelBounds,
  type Scene,
  type View,
  viewFor,
} from "../io/pdf/scene";
import { EXPORT_TEXT } from "./exports";
import { type Bilingual, fill, type Lang } from "./lang";
import { fieldLabel, formatReason, valueWithUnit } from "./reasons";
import { enumLabel } from "./ui";

export const PRINT_TEXT = {
  mapTitle: {
    zh: "建始县工业园区 土地集约利用图",
    en: "Jianshi County Industrial Park — land-use intensity map",
  },
  atlasTitle: { zh: "建始县工业园区 土地审查图集", en: "Jianshi County Industrial Park — land review atlas" },
  atlasSubtitle: {
    zh: "{n} 宗议题地块 · 分析基准日 {asOf}",
    en: "{n} agenda parcels · as of {asOf}",
  },
  parcelTitle: { zh: "第 {i} 项 / 共 {n} 项　宗地 {id}", en: "Item {i} of {n}: parcel {id}" },
  subtitle: {
    zh: "{legend} · 分析基准日 {asOf} · 打印比例 {scale}",
    en: "{legend} · as of {asOf} · print scale {scale}",
  },
  scale: { zh: "比例尺 {scale}（按原尺寸打印）", en: "Scale {scale} (print at 100 %)" },
  north: { zh: "北", en: "N" },
  count: { zh: "{n} 宗", en: "{n} parcels" },
  footerAsOf: {
    zh: "分析基准日：{asOf}　数据来源：{source}　标准：{standards}（{edition}）",
    en: "As of {asOf} · Data: {source} · Standards: {standards} ({edition})",
  },
  footerMade: {
    zh: "坐标系 {crs}（平面坐标，图上正北为真北）　制图：集约 Jiyue，{date}",
    en: "CRS {crs} (planar; the arrow shows true north) · Made with Jiyue, {date}",
  },
  notice: {
    zh: "合成示例数据：地块、企业和数值均为合成，仅用于演示，不得作为决策依据",
    en: "Synthetic sample data: parcels, enterprises and figures are made up, for illustration only",
  },
  agendaHead: {
    zh: "序号|宗地编号|片区|企业|面积（亩）|议题原因",
    en: "No.|Parcel|Zone|Enterprise|Area (mu)|Why on the agenda",
  },
  agendaLines: {
    zh: "本图集每页一宗议题地块：地图上为该地块（蓝色粗线）及其相邻地块，右侧卡片列出其指标与标准对照、问题标注及原因。",
    en: "One agenda parcel per page: the map shows the parcel (heavy blue outline) and its neighbours; the card lists its indicators against the standards, its flags and the reasons.",
  },
  summaryLine: {
    zh: "全部 {parcels} 宗地块，低于标准 {below} 宗，腾笼换鸟候选 {candidates} 宗（{areaMu} 亩）",
    en: "{parcels} parcels in all, {below} below standard, {candidates} reallocation candidates ({areaMu} mu)",
  },
  card: { zh: "地块卡片", en: "Parcel card" },
  zone: { zh: "片区", en: "Zone" },
  enterprise: { zh: "企业", en: "Enterprise" },
  area: { zh: "面积", en: "Area" },
  landStatus: { zh: "供地状态", en: "Land status" },
  idleStatus: { zh: "闲置状态", en: "Idle status" },
  efficiencyClass: { zh: "亩均效益等级", en: "Efficiency class" },
  standardMin: { zh: "{value}（下限 {threshold}）", en: "{value} (min {threshold})" },
  standardMax: { zh: "{value}（上限 {threshold}）", en: "{value} (max {threshold})" },
  flags: { zh: "问题标注：{flags}", en: "Flags: {flags}" },
  noFlags: { zh: "问题标注：无", en: "Flags: none" },
  reasons: { zh: "原因：", en: "Why: " },
  minutesTitle: { zh: "会议纪要", en: "Minutes" },
  minutesDate: { zh: "时间：{date}　地点：{place}", en: "Date: {date} · Place: {place}" },
  minutesChair: { zh: "主持：{chair}　记录：{recorder}", en: "Chair: {chair} · Recorder: {recorder}" },
  minutesAttendees: { zh: "参会：{attendees}", en: "Attendees: {attendees}" },
  minutesHead: {
    zh: "序号|位置图|宗地编号 / 片区 / 企业|面积（亩）|处置决定|责任部门|完成期限|备注",
    en: "No.|Map|Parcel / zone / enterprise|Area (mu)|Decision|Department|Deadline|Note",
  },
  minutesWarning: { zh: "提示：", en: "Note: " },
  signChair: {
    zh: "主持人签字：____________________　　日期：__________",
    en: "Chair's signature: ____________________   Date: __________",
  },
  signRecorder: {
    zh: "记录人签字：____________________　　日期：__________",
    en: "Recorder's signature: ____________________   Date: __________",
  },
  signAttendees: { zh: "参会单位签字：", en: "Attendees' signatures:" },
  page: { zh: "第 {i} 页 / 共 {n} 页", en: "Page {i} of {n}" },
} satisfies Record<string, Bilingual>;

const T = (key: keyof typeof PRINT_TEXT, lang: Lang, params?: Record<string, unknown>) =>
  params ? fill(PRINT_TEXT[key][lang], params) : PRINT_TEXT[key][lang];

/** The colourings the CLI prints (the app prints whatever its legend shows). */
export type PrintIndicator = "flags" | "efficiencyClass" | "idleStatus" | "landUse";

/** A parcel colouring for print: the legend (labels, colours, counts) and each parcel's colour. */
export interface PrintColouring {
  legend: LegendSpec;
  colourOf: (p: AnalysedParcel) => string;
}

const countText = (lang: Lang) => (n: number) => T("count", lang, { n });

/**
 * A categorical colouring from the shared palette (`src/domain/palette.ts`), with counts over
 * `parcels`: every category that has parcels, plus a "no value" row when some have none.
 */
export function categoricalColouring(
  indicator: PrintIndicator,
  parcels: readonly AnalysedParcel[],
  lang: Lang,
): PrintColouring {
  const spec: {
    title: Bilingual;
    values: string[];
    valueOf: (p: AnalysedParcel) => string | null;
    label: (v: string) => string;
    colors: Record<string, string>;
  } =
    indicator === "flags"
      ? {
          title: { zh: "问题地块", en: "Flags" },
          values: [...FLAG_KINDS],
          valueOf: (p) => parcelFlag(p.computed),
          label: (v) => enumLabel("flag", v, lang),
          colors: FLAG_COLORS,
        }
      : indicator === "efficiencyClass"
        ? {
            title: { zh: "亩均效益等级", en: "Efficiency class" },
            values: ["A", "B", "C", "D"],
            valueOf: (p) => p.computed.efficiencyClass,
            label: (v) => enumLabel("efficiencyClass", v, lang),
            colors: CLASS_COLORS,
          }
        : indicator === "idleStatus"
          ? {
              title: { zh: "闲置状态", en: "Idle status" },
              values: Object.keys(IDLE_COLORS),
              valueOf: (p) => p.computed.idleStatus,
              label: (v) => enumLabel("idleStatus", v, lang),
              colors: IDLE_COLORS,
            }
          : {
              title: { zh: "用地分类", en: "Land use" },
              values: [...LAND_USE_GROUPS],
              valueOf: (p) => landUseGroup(p.input.landUse),
              label: (v) => LAND_USE_GROUP_NAMES[v as keyof typeof LAND_USE_GROUP_NAMES][lang],
              colors: LAND_USE_COLORS,
            };
  const counts = new Map<string | null, number>();
  for (const p of parcels) {
    const v = spec.valueOf(p);
    const key = v !== null && spec.values.includes(v) ? v : null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entries: LegendEntry[] = spec.values
    .filter((v) => (counts.get(v) ?? 0) > 0)
    .map((v) => ({
      label: spec.label(v),
      color: spec.colors[v] ?? OTHER_COLOR,
      count: counts.get(v) ?? 0,
      ...(indicator === "flags" && (v === "idle" || v === "under") ? { hatch: v } : {}),
    }));
  const none = counts.get(null) ?? 0;
  if (none > 0)
    entries.push({
      label: lang === "zh" ? "无数据 / 未评价" : "No value / not evaluated",
      color: OTHER_COLOR,
      count: none,
    });
  return {
    legend: { title: spec.title[lang], unit: "", entries, countText: countText(lang) },
    colourOf: (p) => {
      const v = spec.valueOf(p);
      return (v !== null ? spec.colors[v] : undefined) ?? OTHER_COLOR;
    },
  };
}

/** The sample's context layers (or a user's), as plain geometries. */
export interface PrintContext {
  zones?: ReadonlyArray<import("geojson").Polygon | import("geojson").MultiPolygon>;
  roads?: ReadonlyArray<Position[]>;
  facilities?: ReadonlyArray<{ at: Position; color: string }>;
}

/** Context layers from GeoJSON collections (features of other geometry types are left out). */
export function contextFromGeoJson(c: {
  zones?: import("geojson").FeatureCollection | null;
  roads?: import("geojson").FeatureCollection | null;
  facilities?: import("geojson").FeatureCollection | null;
  facilityColor?: (kind: unknown) => string;
}): PrintContext {
  const zones = (c.zones?.features ?? []).flatMap((f) =>
    f.geometry && (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon") ? [f.geometry] : [],
  );
  const roads = (c.roads?.features ?? []).flatMap((f) =>
    f.geometry?.type === "LineString"
      ? [f.geometry.coordinates]
      : f.geometry?.type === "MultiLineString"
        ? f.geometry.coordinates
        : [],
  );
  const facilities = (c.facilities?.features ?? []).flatMap((f) =>
    f.geometry?.type === "Point"
      ? [{ at: f.geometry.coordinates, color: c.facilityColor?.(f.properties?.kind) ?? "#37474f" }]
      : [],
  );
  return { zones, roads, facilities };
}

export interface PrintInput {
  result: AnalysisResult;
  lang: Lang;
  synthetic: boolean;
  /** Where the parcels came from, e.g. `geodata/parcels.geojson` or the imported file's name. */
  source: string;
  /** The analysis CRS (planar metres), e.g. `EPSG:4546`. */
  crs: string;
  colouring: PrintColouring;
  context?: PrintContext;
  layers?: { zones: boolean; roads: boolean; facilities: boolean; flags: boolean };
  paper: Paper;
  orientation: Orientation;
  /** The print date (YYYY-MM-DD); today when absent. */
  date?: string;
}

const ALL_LAYERS = { zones: true, roads: true, facilities: true, flags: true };

/** The printed scene of a result (flags hatched as the map's overlay hatches them). */
export function printScene(input: PrintInput): Scene {
  const project = makeTransform(WGS84, input.crs);
  const flags = (input.layers ?? ALL_LAYERS).flags;
  return buildScene(
    {
      parcels: input.result.parcels.map((p) => {
        const flag = parcelFlag(p.computed);
        return {
          id: p.input.id,
          geometry: p.geometry,
          fill: input.colouring.colourOf(p),
          hatch: flags && flag !== "none" ? flag : null,
        };
      }),
      ...(input.context ?? {}),
    },
    (p) => project([p[0]!, p[1]!]),
  );
}

function footer(input: PrintInput): string[] {
  const r = input.result;
  const date = input.date ?? new Date().toISOString().slice(0, 10);
  return [
    T("footerAsOf", input.lang, {
      asOf: r.asOf,
      source: input.source,
      standards: r.standardsName,
      edition: r.standardsEdition,
    }),
    T("footerMade", input.lang, { crs: input.crs, date }),
  ];
}

function mapPage(
  input: PrintInput,
  scene: Scene,
  view: View,
  title: string,
  extra: Partial<MapPageSpec> = {},
): MapPageSpec {
  const layout = mapPageLayout(input.paper, input.orientation, input.synthetic);
  const layers = input.layers ?? ALL_LAYERS;
  const scale = scaleText(view.denominator);
  const barMax = Math.min(
    45,
    (layout.page.orientation === "portrait" ? layout.panel.w * 0.42 : layout.panel.w) - 22,
  );
  return {
    kind: "map",
    layout,
    title,
    subtitle: T("subtitle", input.lang, {
      legend: input.colouring.legend.title,
      asOf: input.result.asOf,
      scale,
    }),
    scene,
    view,
    hatches: layers.flags,
    layers: { zones: layers.zones, roads: layers.roads, facilities: layers.facilities },
    legend: input.colouring.legend,
    scaleBar: scaleBar(view.denominator, barMax, input.lang),
    scaleCaption: T("scale", input.lang, { scale }),
    northLabel: T("north", input.lang),
    footer: footer(input),
    ...(input.synthetic ? { notice: T("notice", input.lang) } : {}),
    ...extra,
  };
}

/**
 * The current map as one page: `extent` is the ground the screen shows (lon/lat corners) — the
 * page shows at least that, at a round scale; without it, every parcel.
 */
export function currentMapPages(
  input: PrintInput,
  extent?: { west: number; south: number; east: number; north: number },
): PageSpec[] {
  const scene = printScene(input);
  const layout = mapPageLayout(input.paper, input.orientation, input.synthetic);
  let bounds: Bounds = scene.bounds;
  if (extent) {
    const project = makeTransform(WGS84, input.crs);
    bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const c of [
      [extent.west, extent.south],
      [extent.east, extent.south],
      [extent.west, extent.north],
      [extent.east, extent.north],
    ] as [number, number][])
      extendBounds(bounds, project(c));
  }
  return [mapPage(input, scene, viewFor(bounds, layout.map, 100), T("mapTitle", input.lang))];
}

const num = (v: number, d: number, lang: Lang) =>
  v.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });

function indicatorValue(info: FieldInfo | undefined, v: number | null, lang: Lang): string {
  if (v === null || !info) return "—";
  return valueWithUnit(info.key, v, lang);
}

/** The card of an agenda parcel: identity, indicators against standards, flags and reasons in words. */
export function parcelCard(p: AnalysedParcel, lang: Lang): CardSpec {
  const c = p.computed;
  const zone = p.input.zone ? (parkZoneName(p.input.zone, lang) ?? p.input.zone) : "—";
  const rows: CardSpec["rows"] = [
    { label: T("zone", lang), value: zone },
    { label: T("enterprise", lang), value: p.input.enterprise ?? "—" },
    { label: T("area", lang), value: `${num(c.areaMu, 2, lang)} ${lang === "zh" ? "亩" : "mu"}` },
    { label: T("landStatus", lang), value: enumLabel("landStatus", p.input.landStatus, lang) },
    {
      label: T("idleStatus", lang),
      value: enumLabel("idleStatus", c.idleStatus, lang),
      bad: c.idleStatus !== "none",
    },
    {
      label: T("efficiencyClass", lang),
      value: enumLabel("efficiencyClass", c.efficiencyClass, lang),
      bad: c.efficiencyClass === "D",
    },
  ];
  for (const check of p.checks) {
    const info = fieldInfo(check.indicator);
    const value = indicatorValue(info, check.value, lang);
    const threshold = valueWithUnit(check.indicator, check.threshold, lang);
    rows.push({
      label: fieldLabel(check.indicator, lang),
      value: T(check.kind === "min" ? "standardMin" : "standardMax", lang, { value, threshold }),
      bad: check.status === "fail",
    });
  }
  const tags = reallocationReasonLabels(c.reallocationReasons, lang);
  const flag = parcelFlag(c);
  const flagText =
    flag === "none" && tags.length === 0
      ? T("noFlags", lang)
      : T("flags", lang, {
          flags: [...(flag !== "none" ? [enumLabel("flag", flag, lang)] : []), ...tags].join(
            lang === "zh" ? "、" : ", ",
          ),
        });
  const reasons = [...p.idleReasons, ...p.efficiencyReasons].map((r) => formatReason(r, lang));
  return {
    heading: `${T("card", lang)} · ${p.input.id}${p.input.name ? ` ${p.input.name}` : ""}`,
    rows,
    paragraphs: [
      flagText,
      ...(reasons.length ? [T("reasons", lang) + reasons.join(lang === "zh" ? "；" : "; ")] : []),
    ],
  };
}

function agendaWhy(p: AnalysedParcel, lang: Lang): string {
  const tags = reallocationReasonLabels(p.computed.reallocationReasons, lang);
  if (tags.length > 0) return tags.join(lang === "zh" ? "、" : ", ");
  const failed = p.computed.standardsFailed.map((k) => fieldLabel(k, lang));
  return failed.length
    ? lang === "zh"
      ? `未达标：${failed.join("、")}`
      : `below standard: ${failed.join(", ")}`
    : "—";
}

/**
 * The atlas: a title page (what, when, the agenda as a table, the synthetic notice) and one map
 * page per agenda parcel — zoomed to the parcel with its neighbours, with its card. Ids not in the
 * result are left out (the caller reports them).
 */
export function atlasPages(input: PrintInput, agenda: readonly string[]): PageSpec[] {
  const byId = new Map(input.result.parcels.map((p) => [p.input.id, p]));
  const items = agenda.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
  const lang = input.lang;
  const scene = printScene(input);
  const s = input.result.summary;
  const titlePage: TitlePageSpec = {
    kind: "title",
    page: pageSize(input.paper, input.orientation),
    title: T("atlasTitle", lang),
    subtitle: T("atlasSubtitle", lang, { n: items.length, asOf: input.result.asOf }),
    lines: [
      T("summaryLine", lang, {
        parcels: s.parcels,
        below: s.belowStandard,
        candidates: s.reallocationCandidates,
        areaMu: num(s.reallocationAreaM2 / (10000 / 15), 2, lang),
      }),
      T("agendaLines", lang),
    ],
    table: {
      head: T("agendaHead", lang).split("|"),
      widths: [0.07, 0.13, 0.14, 0.27, 0.12, 0.27],
      rows: items.map((p, i) => [
        String(i + 1),
        p.input.id,
        p.input.zone ? (parkZoneName(p.input.zone, lang, true) ?? p.input.zone) : "—",
        p.input.enterprise ?? "—",
        num(p.computed.areaMu, 2, lang),
        agendaWhy(p, lang),
      ]),
    },
    footer: footer(input),
    ...(input.synthetic ? { notice: EXPORT_TEXT.syntheticNotice[lang] } : {}),
  };
  const layout = mapPageLayout(input.paper, input.orientation, input.synthetic);
  const pages: PageSpec[] = [titlePage];
  items.forEach((p, i) => {
    const sp = scene.parcels.find((x) => x.id === p.input.id);
    if (!sp) return;
    const b = parcelBounds(sp);
    // The parcel with its neighbours: three times its size, at least 300 m across.
    const w = b.maxX - b.minX;
    const h = b.maxY - b.minY;
    const grown = { minX: b.minX - w, maxX: b.maxX + w, minY: b.minY - h, maxY: b.maxY + h };
    pages.push(
      mapPage(
        input,
        scene,
        viewFor(grown, layout.map, 300),
        T("parcelTitle", lang, { i: i + 1, n: items.length, id: p.input.id }),
        {
          focusId: p.input.id,
          card: parcelCard(p, lang),
        },
      ),
    );
  });
  return pages;
}

/**
 * The minutes as pages (A4 portrait): the header, one row per parcel with its map thumbnail when
 * `scene` has the parcel, decision, department, deadline and note, then the signatures block.
 */
export function minutesPages(doc: MinutesDoc, scene?: Scene, date?: string): TablePageSpec[] {
  const lang = doc.lang;
  const page = pageSize("A4", "portrait");
  const rowHeight = 24;
  const head = T("minutesHead", lang).split("|");
  const widths = [0.05, 0.17, 0.19, 0.08, 0.14, 0.13, 0.09, 0.15];
  const rows = doc.rows.map((r, i) => {
    const sp = scene?.parcels.find((p) => p.id === r.parcelId);
    let thumb: TablePageSpec["rows"][number]["thumb"];
    if (scene && sp) {
      const b = parcelBounds(sp);
      const w = b.maxX - b.minX;
      const h = b.maxY - b.minY;
      const frame = { x: 0, y: 0, w: 182 * widths[1]! - 1.6, h: rowHeight - 1.6 };
      thumb = {
        scene,
        view: viewFor(
          { minX: b.minX - w / 2, maxX: b.maxX + w / 2, minY: b.minY - h / 2, maxY: b.maxY + h / 2 },
          frame,
          150,
        ),
        focusId: r.parcelId,
      };
    }
    const note = [r.note ?? "", r.warning ? T("minutesWarning", lang) + r.warning : ""]
      .filter(Boolean)
      .join("\n");
    return {
      cells: [
        String(i + 1),
        "",
        [r.parcelId, r.zone, r.enterprise ?? ""].filter(Boolean).join("\n"),
        num(r.areaMu, 2, lang),
        r.decision,
        r.department,
        r.deadline ?? "—",
        note,
      ],
      ...(thumb ? { thumb } : {}),
    };
  });
  const m = doc.meeting;
  const lines = [
    T("minutesDate", lang, { date: m.date, place: m.place }),
    T("minutesChair", lang, { chair: m.chair, recorder: m.recorder }),
    T("minutesAttendees", lang, { attendees: m.attendees.join(lang === "zh" ? "、" : ", ") }),
  ];
  const after = [T("signChair", lang), T("signRecorder", lang), T("signAttendees", lang)];
  const made = date ?? new Date().toISOString().slice(0, 10);
  // First page: header lines; later pages: the table only. Rows per page from the free height.
  const perFirst = Math.max(1, Math.floor((297 - 14 * 2 - 30 - (doc.synthetic ? 9 : 0) - 12) / rowHeight));
  const perNext = Math.max(1, Math.floor((297 - 14 * 2 - 15 - 12) / rowHeight));
  const chunks: (typeof rows)[] = [];
  let rest = rows;
  chunks.push(rest.slice(0, perFirst));
  rest = rest.slice(perFirst);
  while (rest.length > 0) {
    chunks.push(rest.slice(0, perNext));
    rest = rest.slice(perNext);
  }
  // The signatures need about 30 mm: on a page of their own when the last one is full.
  const lastFull = (chunks.length === 1 ? perFirst : perNext) - (chunks[chunks.length - 1]?.length ?? 0) < 2;
  if (lastFull) chunks.push([]);
  const n = chunks.length;
  return chunks.map((chunk, i) => ({
    kind: "table",
    page,
    title: i === 0 ? m.title || T("minutesTitle", lang) : `${m.title || T("minutesTitle", lang)}（${i + 1}）`,
    lines: i === 0 ? lines : [],
    head,
    widths,
    thumbColumn: 1,
    rowHeight,
    rows: chunk,
    ...(i === n - 1 ? { after } : {}),
    footer: [`${T("page", lang, { i: i + 1, n })}　${made}`],
    ...(doc.synthetic ? { notice: T("notice", lang) } : {}),
  }));
}

/**
 * The minutes PDF (for the meeting workspace; `minutesPdfBlob` in `src/ui/print/` loads the font).
 * @public
 * `font`: the CJK font as TrueType/OpenType bytes (`loadPrintFont` in the app). */
export async function renderMinutesPdf(
  doc: MinutesDoc,
  opts: { font: Uint8Array; scene?: Scene; date?: string },
): Promise<Uint8Array> {
  return renderPdf(minutesPages(doc, opts.scene, opts.date), opts.font, {
    title: doc.meeting.title || T("minutesTitle", doc.lang),
  });
}

/** The export bar's print button and its options. */
export const PRINT_UI = {
  button: { zh: "导出 PDF 图集", en: "Export PDF / atlas" },
  options: { zh: "打印选项", en: "Print options" },
  content: { zh: "内容", en: "Content" },
  contentMap: { zh: "当前地图", en: "Current map" },
  contentCandidates: { zh: "图集：腾笼换鸟候选（{n} 宗）", en: "Atlas: reallocation candidates ({n})" },
  contentBelow: { zh: "图集：低于标准（{n} 宗）", en: "Atlas: below standard ({n})" },
  contentAgenda: { zh: "图集：会议议程（{n} 项）", en: "Atlas: the meeting agenda ({n} items)" },
  contentSelection: { zh: "图集：已选地块（{n} 宗）", en: "Atlas: selected parcels ({n})" },
  paper: { zh: "纸张", en: "Paper" },
  orientation: { zh: "方向", en: "Orientation" },
  landscape: { zh: "横向", en: "Landscape" },
  portrait: { zh: "纵向", en: "Portrait" },
  format: { zh: "格式", en: "Format" },
  png: { zh: "PNG（300 DPI）", en: "PNG (300 DPI)" },
  go: { zh: "导出", en: "Export" },
  working: { zh: "正在生成…", en: "Rendering…" },
  saved: { zh: "已导出 {file}（{pages} 页）", en: "Exported {file} ({pages} pages)" },
  failed: { zh: "导出失败：{error}", en: "Export failed: {error}" },
  emptyAgenda: {
    zh: "图集没有地块：请先选择地块或换一种内容",
    en: "The atlas has no parcels: select some or pick other content",
  },
  atlasFile: { zh: "图集", en: "atlas" },
} satisfies Record<string, Bilingual>;

export type PrintUiKey = keyof typeof PRINT_UI;
