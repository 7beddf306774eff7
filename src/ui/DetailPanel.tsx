/**
 * Parcel detail: every input and indicator with its unit and display rounding; "—" with the
 * reason for a null; each standards check with threshold, level, source and result; idle status
 * and fee, efficiency score and class, reallocation, each with its reasons in plain words.
 * Data strings are rendered as text (React escapes them); nothing is set as HTML.
 */

import { useMemo } from "react";
import { currentValue, type InputValue, originalValue, type ParcelInputKey } from "../domain/edits";
import { COMPUTED_FIELDS, efficiencyScaleText, type FieldInfo, INPUT_FIELDS } from "../domain/fields";
import { landUseName } from "../domain/landuse";
import { reallocationPotential } from "../domain/reallocation";
import { ThresholdResolver } from "../domain/standards";
import type { AnalysedParcel, IndicatorKey, Reason, StandardCheck } from "../domain/types";
import { muToM2 } from "../domain/units";
import { areaBasisText } from "../domain/vocabulary";
import type { Lang } from "../i18n/lang";
import { checkCitation, formatReason } from "../i18n/reasons";
import { type EnumKind, enumLabel, unitLabel } from "../i18n/ui";
import { selectDetailParcel, selectZoneIds } from "../state/selectors";
import { selectEditedValues } from "../state/slices/history";
import { useAppStore } from "../state/store";
import type { Unit } from "../state/types";
import { FieldEditor } from "./edit/FieldEditor";
import { DASH, fieldLabel, formatArea, formatField, formatNumber } from "./format";
import { useLang, useT, zoneName } from "./hooks";
import { ReallocationTags } from "./ReallocationTags";

/** Indicators shown in the indicator section (numeric computed fields of the catalogue). */
const INDICATOR_FIELDS: FieldInfo[] = COMPUTED_FIELDS.filter(
  (f) => f.kind === "number" && !["idleFee", "efficiencyScore"].includes(f.key),
);
const ENUM_FIELDS: Record<string, EnumKind> = {
  landStatus: "landStatus",
  industryCluster: "industryCluster",
  constructionStatus: "constructionStatus",
};

/** An input value as text (enumerations labelled, numbers rounded with unit, booleans 是/否). */
export function formatInput(
  f: FieldInfo,
  value: unknown,
  lang: Lang,
  unit: Unit,
  yes: string,
  no: string,
  zoneName: (id: string) => string = (id) => id,
): string {
  if (value === undefined || value === null || value === "") return DASH;
  // The zone's name (黄土坎片区), as in the panel's heading, not its id.
  if (f.key === "zone" && typeof value === "string") return zoneName(value);
  if (f.key === "landUse" && typeof value === "string") return `${landUseName(value, lang)} ${value}`;
  const kind = ENUM_FIELDS[f.key];
  if (kind) return enumLabel(kind, String(value), lang);
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "number") return formatField(f.key, value, lang, unit);
  return String(value);
}

function ReasonList({ reasons, lang, testid }: { reasons: readonly Reason[]; lang: Lang; testid: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons" data-testid={testid}>
      {reasons.map((r, i) => (
        // Reasons have no identity beyond their position in the list.
        // biome-ignore lint/suspicious/noArrayIndexKey: stable order from the analysis
        <li key={i}>{formatReason(r, lang)}</li>
      ))}
    </ul>
  );
}

function CheckRow({
  c,
  lang,
  unit,
  tr,
  staleSource,
}: {
  c: StandardCheck;
  lang: Lang;
  unit: Unit;
  tr: ReturnType<typeof useT>;
  /** The standards loader found numbers in this indicator's source text that no level applies. */
  staleSource: boolean;
}) {
  const cited = c.level === "agreed" ? fieldLabel(c.source, lang) : c.source;
  return (
    <li className={`chk chk--${c.status}`} data-testid={`detail.check.${c.indicator}`}>
      <div className="chk__head">
        <span className="chk__name">{fieldLabel(c.indicator, lang)}</span>
        <span className={`status status--${c.status}`}>{enumLabel("checkStatus", c.status, lang)}</span>
      </div>
      <div className="chk__vals">
        {tr("checkValue")} {formatField(c.indicator, c.value, lang, unit)}
        <span className="chk__sep"> · </span>
        {tr("checkThreshold")} {enumLabel("checkKind", c.kind, lang)}{" "}
        {formatField(c.indicator, c.threshold, lang, unit)}
        <span className="chk__level" data-testid={`detail.check.${c.indicator}.level`}>
          {lang === "zh" ? "（" : " ("}
          {enumLabel("thresholdLevel", c.level, lang)}
          {lang === "zh" ? "）" : ")"}
        </span>
      </div>
      {cited ? (
        <div className="chk__src" data-testid={`detail.check.${c.indicator}.source`}>
          <cite>{checkCitation(cited, lang)}</cite>
          {staleSource && c.level !== "agreed" ? (
            <span className="chk__stale" role="note">
              {" "}
              ⚠ {tr("checkSourceStale")}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** Indicators whose source text the standards loader found out of step with the thresholds. */
function staleSourceKeys(problems: readonly { code: string; field?: string }[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const p of problems ?? [])
    if (p.code === "source-disagrees" && p.field?.startsWith("sources.")) out.add(p.field.slice(8));
  return out;
}

export function ParcelDetail({ parcel: p }: { parcel: AnalysedParcel }) {
  const tr = useT();
  const lang = useLang();
  const unit = useAppStore((s) => s.unit);
  const zones = useAppStore((s) => s.context?.zones.features);
  const standards = useAppStore((s) => s.standards?.standards);
  const standardsProblems = useAppStore((s) => s.standards?.problems);
  const scoreScale = useAppStore((s) => s.result?.efficiencyScale);
  const staleSources = staleSourceKeys(standardsProblems);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const selectedCount = useAppStore((s) => s.selectedIds.size);
  const editedValues = useAppStore(selectEditedValues);
  const zoneIds = useAppStore(selectZoneIds);
  const c = p.computed;
  const yes = tr("yes");
  const no = tr("no");
  const wanyuan = unitLabel("wan-yuan", lang);
  const disc = c.areaDiscrepancy;
  // What a compliant project on the freed land would bring (domain.md §7): the domain's figure.
  const resolver = useMemo(() => (standards ? new ThresholdResolver(standards) : null), [standards]);
  const project = resolver
    ? reallocationPotential(p, resolver)
    : { investment: null, output: null, tax: null };

  return (
    <article className="detail" data-testid="detail.panel" aria-labelledby="detail-h">
      <header className="detail__head">
        <h2 id="detail-h" className="detail__title">
          <span data-testid="detail.id">{p.input.id}</span>
          {p.input.name ? (
            <span className="detail__name" data-testid="detail.name">
              {p.input.name}
            </span>
          ) : null}
        </h2>
        <button
          type="button"
          className="icon-btn"
          aria-label={tr("detailClose")}
          title={`${tr("detailClose")} (Esc)`}
          data-testid="detail.close"
          onClick={clearSelection}
        >
          ×
        </button>
      </header>
      <p className="detail__sub">
        {p.input.zone ? zoneName(p.input.zone, lang, zones) : DASH} · {formatArea(muToM2(c.areaMu), lang)}
        {p.input.enterprise ? ` · ${p.input.enterprise}` : ""}
      </p>
      {p.areaBasis ? (
        <p className="detail__note" data-testid="detail.areaBasis">
          {tr("areaBasisLine", { basis: areaBasisText(p.areaBasis, lang) })}
        </p>
      ) : null}
      {selectedCount > 1 ? <p className="muted">{tr("detailMultiple", { n: selectedCount })}</p> : null}
      {disc !== null && Math.abs(disc) > 0.01 ? (
        <p className="warn" role="note" data-testid="detail.areaWarning">
          ⚠ {tr("areaWarning", { pct: formatField("areaDiscrepancy", disc, lang, unit) })}
        </p>
      ) : null}

      <section className="detail__sec" data-testid="detail.realloc">
        <h3>{tr("detailRealloc")}</h3>
        {c.reallocationCandidate ? (
          <>
            <p className="flag-line">
              <ReallocationTags parcel={p} lang={lang} />
            </p>
            <dl className="kv">
              <dt>{tr("summaryFreed")}</dt>
              <dd>{formatArea(muToM2(c.areaMu), lang)}</dd>
            </dl>
            {project.investment !== null || project.output !== null || project.tax !== null ? (
              <p className="detail__note" data-testid="detail.project">
                {tr("compliantProject")}
              </p>
            ) : null}
            <dl className="kv">
              {project.investment !== null ? (
                <>
                  <dt>{fieldLabel("fixedInvestment", lang)}</dt>
                  <dd>
                    ≥ {formatNumber(project.investment, 2, lang)} {wanyuan}
                  </dd>
                </>
              ) : null}
              {project.output !== null ? (
                <>
                  <dt>{fieldLabel("outputValue", lang)}</dt>
                  <dd>
                    ≥ {formatNumber(project.output, 2, lang)} {unitLabel("wan-yuan-per-year", lang)}
                  </dd>
                </>
              ) : null}
              {project.tax !== null ? (
                <>
                  <dt>{fieldLabel("taxRevenue", lang)}</dt>
                  <dd>
                    ≥ {formatNumber(project.tax, 2, lang)} {unitLabel("wan-yuan-per-year", lang)}
                  </dd>
                </>
              ) : null}
            </dl>
          </>
        ) : (
          <p className="muted">{tr("notCandidate")}</p>
        )}
      </section>

      <section className="detail__sec" data-testid="detail.idle">
        <h3>{tr("detailIdle")}</h3>
        <dl className="kv">
          <dt>{fieldLabel("idleStatus", lang)}</dt>
          <dd data-testid="detail.idleStatus">
            <span className={`status status--idle-${c.idleStatus}`}>
              {enumLabel("idleStatus", c.idleStatus, lang)}
            </span>
          </dd>
          <dt>{tr("idleFee")}</dt>
          <dd>{c.idleFee === null ? DASH : `${formatNumber(c.idleFee, 2, lang)} ${wanyuan}`}</dd>
        </dl>
        <ReasonList reasons={p.idleReasons} lang={lang} testid="detail.idleReasons" />
      </section>

      <section className="detail__sec" data-testid="detail.efficiency">
        <h3>{tr("detailEfficiency")}</h3>
        <dl className="kv">
          <dt>{tr("efficiencyClassLabel")}</dt>
          <dd data-testid="detail.efficiencyClass">
            {enumLabel("efficiencyClass", c.efficiencyClass ?? "none", lang)}
          </dd>
          <dt>{tr("efficiencyScore")}</dt>
          <dd data-testid="detail.efficiencyScore">
            {c.efficiencyScore === null ? DASH : formatNumber(c.efficiencyScore, 1, lang)}
            {c.efficiencyScore !== null && scoreScale !== undefined ? (
              <span className="muted detail__scale">
                {lang === "zh" ? "（" : " ("}
                {efficiencyScaleText(scoreScale, lang)}
                {lang === "zh" ? "）" : ")"}
              </span>
            ) : null}
          </dd>
        </dl>
        <ReasonList reasons={p.efficiencyReasons} lang={lang} testid="detail.efficiencyReasons" />
      </section>

      <section className="detail__sec" data-testid="detail.checks">
        <h3>
          {tr("detailChecks")}
          {standards ? <span className="muted"> · {standards.name}</span> : null}
        </h3>
        {p.checks.length === 0 ? (
          <p className="muted">{tr("checksNone")}</p>
        ) : (
          <ul className="chk-list">
            {p.checks.map((ch) => (
              <CheckRow
                key={ch.indicator}
                c={ch}
                lang={lang}
                unit={unit}
                tr={tr}
                staleSource={staleSources.has(ch.indicator)}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="detail__sec" data-testid="detail.indicators">
        <h3>{tr("detailIndicators")}</h3>
        <dl className="kv">
          {INDICATOR_FIELDS.map((f) => {
            const key = f.key as IndicatorKey;
            const v = c[key];
            const why = v === null ? p.nullReasons[key] : undefined;
            return (
              <div key={f.key} className="kv__row" data-testid={`detail.indicator.${f.key}`}>
                <dt>{f[lang]}</dt>
                <dd>
                  {formatField(f.key, v, lang, unit)}
                  {v === null && why ? (
                    <span className="null-reason" data-testid={`detail.reason.${f.key}`}>
                      {formatReason(why, lang)}
                    </span>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section className="detail__sec" data-testid="detail.inputs">
        <h3>{tr("detailInputs")}</h3>
        <dl className="kv">
          {INPUT_FIELDS.filter((f) => f.key !== "id").map((f) => {
            const key = f.key as ParcelInputKey;
            const value = currentValue(p, key, editedValues);
            const format = (v: InputValue) =>
              formatInput(f, v, lang, unit, yes, no, (id) => zoneName(id, lang, zones));
            return (
              <div key={f.key} className="kv__row" data-testid={`detail.input.${f.key}`}>
                <dt>{f[lang]}</dt>
                <dd>
                  <FieldEditor
                    key={p.input.id}
                    parcelId={p.input.id}
                    field={f}
                    value={value}
                    original={originalValue(p, key)}
                    label={f[lang]}
                    format={format}
                    extraOptions={f.key === "zone" ? zoneIds : undefined}
                    testid={`detail.edit.${f.key}`}
                  />
                  {f.key === "landUse" && typeof value === "string" && value ? (
                    <span className="fe__hint">{landUseName(value, lang)}</span>
                  ) : null}
                </dd>
              </div>
            );
          })}
          {Object.entries(p.extra).map(([k, v]) => (
            <div key={`extra:${k}`} className="kv__row kv__row--extra">
              <dt>{k}</dt>
              <dd>
                {v === null || v === undefined ? DASH : typeof v === "object" ? JSON.stringify(v) : String(v)}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}

/** The right panel: the selected parcel's detail, or a hint. */
export function DetailPanel() {
  const tr = useT();
  const parcel = useAppStore(selectDetailParcel);
  if (!parcel)
    return (
      <div className="detail detail--empty" data-testid="detail.empty">
        <p className="muted">{tr("detailEmpty")}</p>
      </div>
    );
  return <ParcelDetail parcel={parcel} />;
}
