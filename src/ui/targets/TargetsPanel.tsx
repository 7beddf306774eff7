/**
 * The targets dashboard (规划目标): each plan target next to the value computed from the analysis
 * in force (the active dataset with its edits), met / not met / cannot be computed from parcel
 * data (with the data that would be needed), and a small chart — the value against the target,
 * and for a growth target its compound path from the base year with the data's value placed.
 * A target's button shows the parcels behind it in the table and on the map (the table filter's
 * `target`, a chip the user clears). Targets are editable for a later plan period: every change
 * is validated (`validateTargetsFile`) and is one undoable targets edit; a targets file can be
 * loaded and saved, and the values reset to the file's. Domain rules live in `domain/targets.ts`.
 */
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import {
  growthPath,
  planYears,
  type TargetNumberField,
  type TargetRow,
  type TargetSpec,
  type TargetsFile,
  targetParcels,
  validateTargetsFile,
  withPlanYears,
  withTargetNumber,
} from "../../domain/targets";
import type { AnalysedParcel } from "../../domain/types";
import { fill, type Lang } from "../../i18n/lang";
import {
  formatRate,
  formatTarget,
  formatTargetValue,
  METRIC_NEEDS_TEXT,
  NULL_REASON_TEXT,
  TARGET_PARCELS_TEXT,
  TARGETS_UI,
  type TargetsUiKey,
} from "../../i18n/targets";
import { parseJson } from "../../io/json";
import { EMPTY_FILTER } from "../../state/slices/selection";
import { useAppStore } from "../../state/store";
import {
  baseTargets,
  sameJson,
  selectDataYear,
  selectTargetRows,
  selectTargetsFile,
  selectTargetsLocked,
  selectTargetsResetFile,
  targetsEditOf,
} from "../../state/targets";
import { downloadBlob } from "../export/download";
import { useLang } from "../hooks";
import { useZoneName } from "../table/useZoneName";
import { BarChart, GrowthChart } from "./TargetCharts";

type Tr = (key: TargetsUiKey, params?: Record<string, unknown>) => string;

function useTr(): Tr {
  const lang = useLang();
  return (key, params) => fill(TARGETS_UI[key][lang], params);
}

const EMPTY: AnalysedParcel[] = [];

/** A number as the user typed it: `6,200`, `12 %`, `２２８７００` (full-width digits) → number; else null. */
export function parseTyped(raw: string): number | null {
  const t = raw
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "")
    .replace(/[%％]$/, "");
  if (t === "" || !/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A short axis number: no decimals over 100, thousands grouped. */
function shortNumber(v: number, lang: Lang): string {
  return v.toLocaleString(lang === "zh" ? "zh-CN" : "en", {
    maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 1,
  });
}

/** A text input that commits on Enter or leaving it, and Esc puts the stored value back. */
function CommitInput(props: {
  value: string;
  label: string;
  testId: string;
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "text";
  onCommit(text: string): boolean;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? props.value;
  const commit = () => {
    if (text === null) return;
    if (text.trim() !== props.value.trim()) props.onCommit(text);
    setText(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setText(null);
    }
  };
  return (
    <label className="tg-input">
      <span>{props.label}</span>
      <input
        type="text"
        data-testid={props.testId}
        value={shown}
        inputMode={props.inputMode ?? "decimal"}
        placeholder={props.placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
      />
    </label>
  );
}

const STATUS_MARK = { met: "✓", notMet: "✗", na: "—" } as const;

function statusOf(row: TargetRow): "met" | "notMet" | "na" {
  return row.met === null ? "na" : row.met ? "met" : "notMet";
}

export function TargetsPanel() {
  const lang = useLang();
  const tr = useTr();
  const zoneName = useZoneName();
  const raw = useAppStore((s) => s.targets);
  const file = useAppStore(selectTargetsFile);
  const rows = useAppStore(selectTargetRows);
  const parcels = useAppStore((s) => s.result?.parcels ?? EMPTY);
  const hasResult = useAppStore((s) => s.result !== null);
  const dataYear = useAppStore(selectDataYear);
  const surveyDate = useAppStore((s) => s.dataset?.surveyDate ?? s.asOf);
  const synthetic = useAppStore((s) => s.dataset?.synthetic === true);
  const filterTarget = useAppStore((s) => s.filter.target);
  const setFilter = useAppStore((s) => s.setFilter);
  const requestZoom = useAppStore((s) => s.requestZoom);
  const commitEdits = useAppStore((s) => s.commitEdits);
  const resetFile = useAppStore(selectTargetsResetFile);
  const locked = useAppStore(selectTargetsLocked);
  const [editingOn, setEditing] = useState(false);
  // In a scenario the targets are shown, not edited (the store refuses the edit; see selectTargetsLocked).
  const editing = editingOn && !locked;
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const behind = useMemo(() => {
    const m = new Map<string, ReturnType<typeof targetParcels>>();
    for (const t of file?.targets ?? []) m.set(t.id, targetParcels(t, parcels));
    return m;
  }, [file, parcels]);

  const base = baseTargets(raw);
  if (!file)
    return (
      <section className="panel targets" aria-labelledby="targets-h">
        <h2 id="targets-h" className="panel__title">
          {tr("title")}
        </h2>
        <p className="muted">
          {base.problems.length > 0 ? tr("badBase", { problems: base.problems.join("; ") }) : tr("noTargets")}
        </p>
      </section>
    );

  const years = planYears(file);
  const specOf = (id: string) => file.targets.find((t) => t.id === id);
  const count = (st: ReturnType<typeof statusOf>) => rows.filter((r) => statusOf(r) === st).length;

  /** Validate and commit a changed file as one step; a refused change says why and changes nothing. */
  const commitFile = (
    after: TargetsFile,
    label: { code: string; params: Record<string, string> },
    what: string,
  ): boolean => {
    const v = validateTargetsFile(after);
    if ("problems" in v) {
      setMessage(tr("editRefused", { what, why: v.problems.join("; ") }));
      return false;
    }
    setMessage(null);
    const edit = targetsEditOf(useAppStore.getState(), v.file);
    if (edit) commitEdits(label, [edit]);
    return true;
  };

  const editNumber = (spec: TargetSpec, field: TargetNumberField, text: string): boolean => {
    const what = `${spec[lang]} ${field === "value" ? tr("editValue") : tr("editRate")}`;
    const n = text.trim() === "" && field === "growthRate" ? null : parseTyped(text);
    if (n === null && !(field === "growthRate" && text.trim() === "")) {
      setMessage(tr("editRefused", { what, why: tr("notNumber", { raw: text }) }));
      return false;
    }
    const scaled = n === null ? null : field === "growthRate" || spec.unit === "ratio" ? n / 100 : n;
    return commitFile(
      withTargetNumber(file, spec.id, field, scaled),
      {
        code: "targets-edit",
        params: { targetId: spec.id, targetZh: spec.zh, targetEn: spec.en, what: field },
      },
      what,
    );
  };

  const editPlan = (field: "period" | "baseYear", text: string): boolean => {
    const what = field === "period" ? tr("period") : tr("baseYear");
    let patch: { period?: string; baseYear?: number | null };
    if (field === "period") patch = { period: text.trim() };
    else {
      const n = text.trim() === "" ? null : parseTyped(text);
      if (n === null && text.trim() !== "") {
        setMessage(tr("editRefused", { what, why: tr("notNumber", { raw: text }) }));
        return false;
      }
      patch = { baseYear: n };
    }
    return commitFile(withPlanYears(file, patch), { code: "targets-plan", params: { what: field } }, what);
  };

  const load = async (f: File) => {
    const parsed = parseJson((await f.text()).replace(/^\uFEFF/, ""));
    const v = parsed.ok ? validateTargetsFile(parsed.value) : null;
    if (!v || "problems" in v) {
      const problems =
        v && "problems" in v ? v.problems.join("; ") : String(parsed.ok ? "" : parsed.params.message);
      setMessage(tr("loadRefused", { file: f.name, problems }));
      return;
    }
    setMessage(null);
    const edit = targetsEditOf(useAppStore.getState(), v.file, f.name);
    if (edit) commitEdits({ code: "targets-load", params: { file: f.name } }, [edit]);
  };

  const save = () => {
    const name = `targets-${(file.period || "plan").replace(/[^\w-]+/g, "_")}.json`;
    downloadBlob(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }), name);
  };

  const resetTarget = resetFile.name === null ? null : resetFile.file;
  const atReset = sameJson(file, resetFile.file);
  const reset = () => {
    setMessage(null);
    const edit = targetsEditOf(useAppStore.getState(), resetTarget);
    if (edit) commitEdits({ code: "targets-reset", params: {} }, [edit]);
  };

  const show = (id: string) => {
    if (filterTarget === id) {
      setFilter({ target: null });
      return;
    }
    setFilter({ ...EMPTY_FILTER, target: id });
    const ids = behind.get(id)?.ids ?? [];
    if (ids.length > 0) requestZoom(ids);
  };

  return (
    <section className="panel targets" aria-labelledby="targets-h" data-testid="targets.panel">
      <h2 id="targets-h" className="panel__title">
        {tr("title")}
      </h2>
      <p className="tg-plan small" title={file.name}>
        {tr("planOf", { name: file.name || "—", period: file.period || "—" })}
        {years ? ` · ${tr("baseYear")} ${years.baseYear}` : ""}
      </p>
      <p className="small muted">
        {dataYear !== null ? tr("dataAsOf", { year: dataYear, date: surveyDate }) : ""}
        {synthetic ? `${dataYear !== null ? (lang === "zh" ? "；" : "; ") : ""}${tr("synthetic")}` : ""}
      </p>
      {!hasResult ? <p className="small muted">{tr("noResult")}</p> : null}
      <p className="tg-summary" data-testid="targets.summary">
        {fill(TARGETS_UI.summary[lang], { met: count("met"), notMet: count("notMet"), na: count("na") })}
      </p>
      <div className="tg-tools">
        <button
          type="button"
          aria-pressed={editing}
          disabled={locked}
          data-testid="targets.edit"
          onClick={() => setEditing((e) => !e)}
        >
          {editing ? tr("editDone") : tr("edit")}
        </button>
        <button
          type="button"
          data-testid="targets.load"
          disabled={locked}
          title={tr("loadTitle")}
          onClick={() => fileInput.current?.click()}
        >
          {tr("load")}
        </button>
        <button type="button" data-testid="targets.save" title={tr("saveTitle")} onClick={save}>
          {tr("save")}
        </button>
        <button
          type="button"
          data-testid="targets.reset"
          disabled={atReset || locked}
          title={tr("resetTo", { file: resetFile.name ?? tr("appFile") })}
          onClick={reset}
        >
          {tr("reset")}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="targets.file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void load(f);
          }}
        />
      </div>
      {locked ? (
        <p className="small muted" data-testid="targets.locked">
          {tr("lockedInScenario")}
        </p>
      ) : null}
      {message ? (
        <p className="tg-message" role="alert" data-testid="targets.message">
          {message}
        </p>
      ) : null}
      {editing ? (
        <div className="tg-plan-edit">
          <CommitInput
            label={tr("period")}
            testId="targets.edit.period"
            value={file.period}
            placeholder={tr("editPeriodHint")}
            inputMode="text"
            onCommit={(t) => editPlan("period", t)}
          />
          <CommitInput
            label={tr("baseYear")}
            testId="targets.edit.baseYear"
            value={file.baseYear === undefined ? "" : String(file.baseYear)}
            placeholder={years ? String(years.baseYear) : ""}
            inputMode="numeric"
            onCommit={(t) => editPlan("baseYear", t)}
          />
        </div>
      ) : null}
      <ol className="tg-list">
        {rows.map((row) => {
          const spec = specOf(row.id);
          if (!spec) return null;
          return (
            <TargetCard
              key={row.id}
              row={row}
              spec={spec}
              lang={lang}
              tr={tr}
              zone={row.zone === null ? null : zoneName(row.zone)}
              behind={behind.get(row.id) ?? null}
              shown={filterTarget === row.id}
              onShow={() => show(row.id)}
              growth={growthPath(spec, years, dataYear)}
              dataYear={dataYear}
              editing={editing}
              onEdit={(field, text) => editNumber(spec, field, text)}
            />
          );
        })}
      </ol>
    </section>
  );
}

function TargetCard(props: {
  row: TargetRow;
  spec: TargetSpec;
  lang: Lang;
  tr: Tr;
  zone: string | null;
  behind: ReturnType<typeof targetParcels>;
  shown: boolean;
  onShow(): void;
  growth: ReturnType<typeof growthPath>;
  dataYear: number | null;
  editing: boolean;
  onEdit(field: TargetNumberField, text: string): boolean;
}) {
  const { row, spec, lang, tr, behind, growth } = props;
  const status = statusOf(row);
  const label = row.label[lang];
  const valueText = formatTargetValue(row.value, row.unit, lang);
  const targetText = formatTarget(row, lang);
  const short = (v: number) =>
    row.unit === "ratio" ? `${Math.round(v * 1000) / 10} %` : shortNumber(v, lang);
  const statusText = { met: tr("statusMet"), notMet: tr("statusNotMet"), na: tr("statusNa") }[status];
  const needs =
    row.reason === "not-in-parcel-data"
      ? (spec.needs ?? METRIC_NEEDS_TEXT[row.metric])
      : METRIC_NEEDS_TEXT[row.metric];
  const fmt = (v: number) => formatTargetValue(v, row.unit, lang);
  const growthText = growth
    ? [
        tr("growthPath", {
          base: growth.baseYear,
          baseValue: fmt(growth.baseValue),
          rate: formatRate(growth.rate),
          targetYear: growth.targetYear,
          target: fmt(row.target),
        }),
        growth.atDataYear
          ? `${tr("pathAtYear", { year: growth.atDataYear.year, value: fmt(growth.atDataYear.value) })}${
              growth.atDataYear.beyond ? tr("beyondNote", { targetYear: growth.targetYear }) : ""
            }`
          : "",
      ]
        .filter(Boolean)
        .join(lang === "zh" ? "；" : "; ")
    : "";
  const current =
    row.value !== null && props.dataYear !== null && growth?.atDataYear
      ? { year: props.dataYear, value: row.value }
      : null;
  return (
    <li className="tg-card" data-testid={`targets.row.${row.id}`} data-status={status}>
      <div className="tg-card__head">
        <h3 className="tg-name">{label}</h3>
        <span className={`tg-status tg-status--${status}`} data-testid={`targets.status.${row.id}`}>
          <span aria-hidden="true">{STATUS_MARK[status]} </span>
          {statusText}
        </span>
      </div>
      {props.zone ? <p className="small muted">{tr("zone", { zone: props.zone })}</p> : null}
      <p className="tg-figures">
        <span data-testid={`targets.value.${row.id}`}>
          {tr("current")} <strong>{valueText}</strong>
        </span>
        <span> · </span>
        <span data-testid={`targets.target.${row.id}`}>{tr("targetIs", { target: targetText })}</span>
        {spec.growthRate !== undefined ? (
          <span> · {tr("growth", { rate: formatRate(spec.growthRate) })}</span>
        ) : null}
      </p>
      {row.value === null ? (
        <p className="small tg-needs" data-testid={`targets.needs.${row.id}`}>
          {row.reason && row.reason !== "not-in-parcel-data" ? `${NULL_REASON_TEXT[row.reason][lang]}。` : ""}
          {tr("needs", { needs: needs[lang] })}
        </p>
      ) : (
        <BarChart
          row={row}
          title={fill(TARGETS_UI.chartBar[lang], { label, value: valueText, target: targetText })}
          desc={`${statusText}. ${fill(TARGETS_UI.chartBar[lang], { label, value: valueText, target: targetText })}`}
          valueLabel={short(row.value)}
          targetLabel={short(row.target)}
        />
      )}
      {growth ? (
        <>
          <GrowthChart
            path={growth}
            current={current}
            title={tr("chartPath", { label })}
            desc={growthText}
            short={(v) => shortNumber(v, lang)}
          />
          <p className="small muted" data-testid={`targets.growth.${row.id}`}>
            {growthText}
          </p>
        </>
      ) : null}
      {behind ? (
        <button
          type="button"
          className="tg-show"
          aria-pressed={props.shown}
          disabled={behind.ids.length === 0 && !props.shown}
          data-testid={`targets.show.${row.id}`}
          onClick={props.onShow}
        >
          {behind.ids.length === 0
            ? tr("showParcelsNone")
            : tr("showParcels", { what: TARGET_PARCELS_TEXT[behind.kind][lang], count: behind.ids.length })}
        </button>
      ) : null}
      {props.editing ? (
        <div className="tg-edit">
          <CommitInput
            label={`${tr("editValue")}${row.unit === "ratio" ? " (%)" : ""}`}
            testId={`targets.edit.value.${row.id}`}
            value={String(row.unit === "ratio" ? Math.round(spec.value * 100000) / 1000 : spec.value)}
            onCommit={(t) => props.onEdit("value", t)}
          />
          {row.metric !== "not-in-parcel-data" ? (
            <CommitInput
              label={tr("editRate")}
              testId={`targets.edit.growthRate.${row.id}`}
              value={spec.growthRate === undefined ? "" : String(Math.round(spec.growthRate * 100000) / 1000)}
              placeholder={tr("editRateNone")}
              onCommit={(t) => props.onEdit("growthRate", t)}
            />
          ) : null}
        </div>
      ) : null}
      <details className="tg-source">
        <summary>{tr("source")}</summary>
        <p className="small">{spec.source}</p>
      </details>
    </li>
  );
}
