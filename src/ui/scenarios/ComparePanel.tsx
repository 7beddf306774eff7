/**
 * The comparison (right panel of the scenarios workspace): the change of every target and of
 * every zone-level figure, the parcels that differ field by field, the map legend of changed
 * parcels, and the CSV export. The map shows side B with the changed parcels outlined (a
 * changed-parcels layer, not a swipe).
 */
import { useEffect } from "react";
import type { Comparison, FigureDelta, TargetDelta } from "../../domain/compare";
import { ALL_ZONES } from "../../domain/compare";
import { csvSyntheticMark, EXPORT_TEXT } from "../../i18n/exports";
import type { Lang } from "../../i18n/lang";
import { fill } from "../../i18n/lang";
import { FACILITY_KIND_TEXT } from "../../i18n/planner";
import { CHANGE_TEXT, COVERAGE_FIGURE_TEXT, FIGURE_TEXT, SCENARIO_UI } from "../../i18n/scenarios";
import { type TableCell, writeTableCsv } from "../../io/csv-write";
import { CHANGED_COLOUR } from "../../map/style";
import { selectScenarios } from "../../state/slices/scenarios";
import { type AppState, useAppStore } from "../../state/store";
import { downloadBlob } from "../export/download";
import { fieldLabel, formatNumber } from "../format";
import { useLang, zoneName } from "../hooks";
import { useSt } from "./ScenarioPanel";

type Zones = NonNullable<AppState["context"]>["zones"]["features"] | undefined;

/** Decimals of a figure or target value. */
function decimalsOf(figure: string): number {
  if (figure.endsWith("Mu")) return 2;
  if (figure === "fixedInvestment" || figure === "outputValue" || figure === "taxRevenue") return 2;
  if (figure.startsWith("coverage-")) return 1;
  return 0;
}

export function figureLabel(f: FigureDelta["figure"], lang: Lang): string {
  if (f.startsWith("coverage-")) {
    const kind = f.slice("coverage-".length) as keyof typeof FACILITY_KIND_TEXT;
    return fill(COVERAGE_FIGURE_TEXT[lang], { kind: FACILITY_KIND_TEXT[kind]?.[lang] ?? kind });
  }
  return FIGURE_TEXT[f as keyof typeof FIGURE_TEXT][lang];
}

/** A figure's value as shown and exported (coverage shares in percent). */
const figureValue = (f: FigureDelta["figure"], v: number | null) =>
  v === null ? null : f.startsWith("coverage-") ? v * 100 : v;

const targetScale = (t: TargetDelta) => (t.unit === "ratio" ? 100 : 1);
const targetDecimals = (t: TargetDelta) => (t.unit === "ratio" ? 1 : t.unit === "wan-yuan" ? 2 : 0);

function zoneText(zone: string | null, lang: Lang, zones: Zones): string {
  if (zone === ALL_ZONES || zone === null) return SCENARIO_UI.allZones[lang];
  if (zone === "") return SCENARIO_UI.noZone[lang];
  return zoneName(zone, lang, zones);
}

const signed = (v: number | null, d: number, lang: Lang) =>
  v === null ? "—" : `${v > 0 ? "+" : ""}${formatNumber(v, d, lang)}`;
const plain = (v: number | null, d: number, lang: Lang) => (v === null ? "—" : formatNumber(v, d, lang));
const metText = (m: boolean | null, lang: Lang) =>
  m === null ? SCENARIO_UI.unknown[lang] : m ? SCENARIO_UI.met[lang] : SCENARIO_UI.notMet[lang];

function valueText(v: string | number | boolean | null, lang: Lang): string {
  if (v === null) return "—";
  if (typeof v === "number") return formatNumber(v, 2, lang);
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  return v;
}

/** The comparison as CSV rows: section, item, zone, A, B, change (Chinese or English headers). */
export function comparisonCsv(
  c: Comparison,
  lang: Lang,
  names: { a: string; b: string },
  zones: Zones,
  synthetic: boolean,
): string {
  const t = (k: keyof typeof SCENARIO_UI) => SCENARIO_UI[k][lang];
  const n = (v: number | null, decimals: number): TableCell => (v === null ? null : { n: v, decimals });
  const rows: TableCell[][] = [];
  for (const r of c.targets) {
    const s = targetScale(r);
    const d = targetDecimals(r);
    rows.push([
      t("targets"),
      `${r.label[lang]}${r.unit === "ratio" ? " (%)" : ""}`,
      zoneText(r.zone, lang, zones),
      n(r.a === null ? null : r.a * s, d),
      n(r.b === null ? null : r.b * s, d),
      n(r.delta === null ? null : r.delta * s, d),
      `${r.comparison} ${r.target * s}`,
      `${metText(r.metA, lang)} → ${metText(r.metB, lang)}`,
    ]);
  }
  for (const f of c.figures) {
    const d = decimalsOf(f.figure);
    rows.push([
      t("figures"),
      figureLabel(f.figure, lang),
      zoneText(f.zone, lang, zones),
      n(figureValue(f.figure, f.a), d),
      n(figureValue(f.figure, f.b), d),
      n(figureValue(f.figure, f.delta), d),
      null,
      null,
    ]);
  }
  for (const p of c.parcels)
    for (const f of p.fields)
      rows.push([
        `${t("colParcel")} ${p.id}`,
        `${fieldLabel(f.field, lang)} (${CHANGE_TEXT[p.change][lang]})`,
        zoneText(p.zone, lang, zones),
        typeof f.a === "number" ? n(f.a, 4) : f.a === null ? null : valueText(f.a, lang),
        typeof f.b === "number" ? n(f.b, 4) : f.b === null ? null : valueText(f.b, lang),
        n(f.delta, 4),
        null,
        null,
      ]);
  const header = [
    t("section"),
    t("colItem"),
    t("colZone"),
    `${t("colA")}: ${names.a}`,
    `${t("colB")}: ${names.b}`,
    t("colDelta"),
    t("colTarget"),
    t("colMet"),
  ];
  return writeTableCsv(header, rows, synthetic ? { synthetic: csvSyntheticMark(lang) } : {});
}

/** The head of the comparison's tables (targets, zone figures): item, A, B, change. */
function DeltaHead({ st }: { st: ReturnType<typeof useSt> }) {
  return (
    <thead>
      <tr>
        <th scope="col">{st("colItem")}</th>
        <th scope="col">{st("colA")}</th>
        <th scope="col">{st("colB")}</th>
        <th scope="col">{st("colDelta")}</th>
      </tr>
    </thead>
  );
}

export function ComparePanel() {
  const st = useSt();
  const lang = useLang();
  const c = useAppStore((s) => s.comparison);
  const pair = useAppStore((s) => s.compare);
  const status = useAppStore((s) => s.compareStatus);
  const error = useAppStore((s) => s.compareError);
  const list = useAppStore(selectScenarios);
  const zones = useAppStore((s) => s.context?.zones.features);
  const synthetic = useAppStore((s) => s.dataset?.synthetic ?? false);
  const select = useAppStore((s) => s.select);
  const requestZoom = useAppStore((s) => s.requestZoom);
  // A new comparison frames what changed on the map (side B is shown).
  useEffect(() => {
    const ids = c?.parcels.filter((p) => p.change !== "removed").map((p) => p.id) ?? [];
    if (ids.length > 0) requestZoom(ids);
  }, [c, requestZoom]);
  if (!pair) return null;
  const nameOf = (id: string | null) =>
    id === null ? st("base") : (list.find((m) => m.id === id)?.name ?? id);
  const names = { a: nameOf(pair.a), b: nameOf(pair.b) };
  const figures = c?.figures ?? [];
  const exportCsv = () => {
    if (!c) return;
    const text = comparisonCsv(c, lang, names, zones, synthetic);
    const mark = synthetic ? `-${EXPORT_TEXT.syntheticFile[lang]}` : "";
    const safe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, "_");
    downloadBlob(
      new Blob([text], { type: "text/csv;charset=utf-8" }),
      `${st("fileName")}-${safe(names.a)}-${safe(names.b)}${mark}.csv`,
    );
  };
  return (
    <section className="panel sc-compare" aria-label={st("compare")} data-testid="compare.panel">
      <h2 className="panel__title">
        {st("compare")}: {names.a} → {names.b}
      </h2>
      {status === "running" && <p className="sc-hint">{st("computing")}</p>}
      {error && (
        <p className="sc-problem" role="alert">
          {error}
        </p>
      )}
      <p className="sc-legend">
        <span
          className="sc-swatch"
          style={{ borderColor: CHANGED_COLOUR, background: `${CHANGED_COLOUR}40` }}
        />
        {st("legendChanged")}
      </p>
      <p className="sc-hint">{st("mapNote")}</p>
      <button type="button" className="btn" disabled={!c} data-testid="compare.export" onClick={exportCsv}>
        {st("export")}
      </button>
      {c && (
        <>
          <h3 className="panel__title">{st("targets")}</h3>
          <table className="sc-table" data-testid="compare.targets">
            <DeltaHead st={st} />
            <tbody>
              {c.targets.map((r) => {
                const s = targetScale(r);
                const d = targetDecimals(r);
                const x = (v: number | null) => (v === null ? null : v * s);
                return (
                  <tr key={r.id} data-target={r.id} className={r.delta ? "sc-moved" : undefined}>
                    <th scope="row">
                      {r.label[lang]}
                      {r.zone ? ` · ${zoneText(r.zone, lang, zones)}` : ""}
                      <small>
                        {" "}
                        {r.comparison} {formatNumber(r.target * s, d, lang)}
                        {r.unit === "ratio" ? "%" : ""}
                      </small>
                    </th>
                    <td title={metText(r.metA, lang)}>{plain(x(r.a), d, lang)}</td>
                    <td title={metText(r.metB, lang)}>{plain(x(r.b), d, lang)}</td>
                    <td data-testid={`compare.target.${r.id}`}>{signed(x(r.delta), d, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3 className="panel__title">{st("figures")}</h3>
          <table className="sc-table" data-testid="compare.figures">
            <DeltaHead st={st} />
            <tbody>
              {figures.map((f) => {
                const d = decimalsOf(f.figure);
                return (
                  <tr
                    key={`${f.zone}-${f.figure}`}
                    className={f.delta ? "sc-moved" : undefined}
                    data-figure={`${f.zone}.${f.figure}`}
                  >
                    <th scope="row">
                      {figureLabel(f.figure, lang)} <small>{zoneText(f.zone, lang, zones)}</small>
                    </th>
                    <td>{plain(figureValue(f.figure, f.a), d, lang)}</td>
                    <td>{plain(figureValue(f.figure, f.b), d, lang)}</td>
                    <td>{signed(figureValue(f.figure, f.delta), d, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3 className="panel__title">{st("parcels", { count: c.parcels.length })}</h3>
          {c.parcels.length === 0 && <p className="sc-hint">{st("noParcels")}</p>}
          <ul className="sc-parcels" data-testid="compare.parcels">
            {c.parcels.map((p) => (
              <li key={`${p.change}-${p.id}`}>
                <button type="button" className="btn btn--quiet" onClick={() => select([p.id])}>
                  {p.id}
                </button>{" "}
                <span className="sc-change">{CHANGE_TEXT[p.change][lang]}</span>
                <ul>
                  {p.fields.slice(0, 12).map((f) => (
                    <li key={f.field}>
                      {fieldLabel(f.field, lang)}: {valueText(f.a, lang)} → {valueText(f.b, lang)}
                      {f.delta !== null ? ` (${signed(f.delta, 2, lang)})` : ""}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
