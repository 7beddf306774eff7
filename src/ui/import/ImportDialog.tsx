/**
 * The import dialog: files recognised, progress and cancel, text encoding (with Chinese samples
 * and a GBK/UTF-8 switch), the CRS (found, or picked), the field mapping with units, the optional
 * join of an enterprise sheet, the sample parcels and the validation report, confirm and cancel.
 * Every value from the files is shown through `printable` (one line, no control characters) as
 * React text (escaped).
 */
import { type ChangeEvent, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { legacyDatum } from "../../domain/crs-catalogue";
import { fieldInfo, INPUT_FIELDS } from "../../domain/fields";
import { printable } from "../../i18n/escape";
import { type ImportTextKey, importText } from "../../i18n/import";
import type { Lang } from "../../i18n/lang";
import type { FieldRule, SourceUnit } from "../../io/mapping";
import { describeLayer } from "../../io/readers/layers";
import "../dialog.css";
import { useLang } from "../hooks";
import { CrsPicker } from "./CrsPicker";
import {
  canConfirm,
  chineseSamples,
  type ImportAction,
  type ImportDialogState,
  pickerSelection,
} from "./importState";
import { actionText, reportCounts, reportRows, severityText } from "./report";
import "./import.css";

/** Report rows shown in the dialog (all of them are in the CSV). */
const REPORT_SHOWN = 200;
const IGNORE = "__ignore";

export interface ImportDialogProps {
  state: ImportDialogState;
  act(a: ImportAction): void;
  onConfirm(): void;
  onCancel(): void;
  onDownloadReport(): void;
  onSaveMapping(): void;
  onLoadMapping(file: File): void;
}

const p = (s: string) => printable(s);

/** Unit choices for a schema property (money, area, dates). */
function unitChoices(property: string): { units: SourceUnit[]; dates: boolean } {
  const info = fieldInfo(property);
  if (!info) return { units: [], dates: false };
  if (info.kind === "date") return { units: [], dates: true };
  if (info.unit === "m2") return { units: ["m2", "mu", "ha"], dates: false };
  if (info.unit.startsWith("wan-yuan")) return { units: ["yuan", "wan-yuan", "yi-yuan"], dates: false };
  return { units: [], dates: false };
}

function MappingRow({
  name,
  samples,
  rule,
  suggested,
  act,
  lang,
}: {
  name: string;
  samples: string[];
  rule: FieldRule | undefined;
  suggested: FieldRule | undefined;
  act: (a: ImportAction) => void;
  lang: Lang;
}) {
  const property = rule ? (rule.property ?? IGNORE) : "";
  const shownProperty =
    rule?.property ?? (rule ? null : (suggested?.property ?? fieldInfo(name)?.key ?? null));
  const { units, dates } = unitChoices(shownProperty ?? "");
  const onProperty = (e: ChangeEvent<HTMLSelectElement>) => {
    const v = e.target.value;
    act({ type: "rule", field: name, rule: v === "" ? null : { property: v === IGNORE ? null : v } });
  };
  const onUnit = (e: ChangeEvent<HTMLSelectElement>) => {
    const v = e.target.value;
    const base: FieldRule = { property: shownProperty };
    if (dates)
      act({ type: "rule", field: name, rule: v ? { ...base, dateFormat: v as "yyyymmdd" | "text" } : base });
    else act({ type: "rule", field: name, rule: v ? { ...base, unit: v as SourceUnit } : base });
  };
  return (
    <tr>
      <th scope="row" className="imp-map__field">
        {p(name)}
      </th>
      <td className="imp-map__samples" title={samples.map(p).join("、")}>
        {samples.map(p).join("、")}
      </td>
      <td>
        <select
          value={property}
          onChange={onProperty}
          data-testid={`import.map.${name}.property`}
          aria-label={`${importText("mappingTo", lang)} ${p(name)}`}
        >
          <option value="">
            {importText("mappingKeep", lang)}
            {!rule && shownProperty
              ? ` → ${lang === "zh" ? fieldInfo(shownProperty)?.zh : fieldInfo(shownProperty)?.en}`
              : ""}
          </option>
          <option value={IGNORE}>{importText("mappingIgnore", lang)}</option>
          {INPUT_FIELDS.map((f) => (
            <option key={f.key} value={f.key}>
              {lang === "zh" ? f.zh : f.en} ({f.key})
            </option>
          ))}
        </select>
      </td>
      <td>
        {units.length > 0 || dates ? (
          <select
            value={(dates ? rule?.dateFormat : rule?.unit) ?? ""}
            onChange={onUnit}
            data-testid={`import.map.${name}.unit`}
            aria-label={`${importText("mappingUnit", lang)} ${p(name)}`}
          >
            <option value="">{importText("unit_default", lang)}</option>
            {dates ? (
              <>
                <option value="yyyymmdd">{importText("date_yyyymmdd", lang)}</option>
                <option value="text">{importText("date_text", lang)}</option>
              </>
            ) : (
              units.map((u) => (
                <option key={u} value={u}>
                  {importText(`unit_${u}` as ImportTextKey, lang)}
                </option>
              ))
            )}
          </select>
        ) : null}
      </td>
    </tr>
  );
}

export function ImportDialog({
  state,
  act,
  onConfirm,
  onCancel,
  onDownloadReport,
  onSaveMapping,
  onLoadMapping,
}: ImportDialogProps) {
  const lang = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const mappingInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const open = state.step !== "closed";

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === "function") d.showModal();
      else d.setAttribute("open", "");
    } else if (!open && d.open) {
      if (typeof d.close === "function") d.close();
      else d.removeAttribute("open");
    }
  }, [open]);

  const s = state.step === "closed" ? null : state;
  const summary = s?.summary;
  const busy = s?.step === "reading" || s?.step === "committing";
  const result = summary?.result;
  const counts = result ? reportCounts(result.featureCount, result.parcelCount, result.problems) : null;
  const rows = result ? reportRows(result.problems, lang) : [];
  const needs = new Set(summary?.needs ?? []);
  const crsCode = s?.choices.crsCode ?? summary?.crs?.crs;
  const legacy = legacyDatum(s?.choices.crsCode ?? summary?.declaredCrs?.spec ?? summary?.crs?.crs);
  const mapping = s?.choices.mapping;
  const table = summary?.tables.find((t) => t.file === s?.choices.join?.file) ?? summary?.tables[0];

  return createPortal(
    <dialog
      ref={dialog}
      className="key-dialog imp-dialog"
      aria-labelledby={s ? titleId : undefined}
      data-testid="import.dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {s ? (
        <form
          className="key-dialog__form imp-dialog__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (canConfirm(s)) onConfirm();
          }}
        >
          <h2 id={titleId} className="key-dialog__title">
            {importText("title", lang)}
          </h2>

          <section className="imp-sec" aria-label={importText("filesHead", lang)}>
            <h3 className="imp-sec__head">{importText("filesHead", lang)}</h3>
            <ul className="imp-files" data-testid="import.files">
              {(summary?.files ?? s.files.map((f) => ({ ...f, kind: "" }))).map((f) => (
                <li key={f.name}>
                  <span className="imp-files__name">{p(f.name)}</span>
                  {f.kind ? (
                    <span className="imp-files__kind">
                      {importText(`kind_${f.kind}` as ImportTextKey, lang)}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {summary?.sets.map((set) => (
              <p key={set.file} className="key-dialog__hint">
                {importText("setSummary", lang, { file: p(set.file), features: set.featureCount })}
              </p>
            ))}
          </section>

          {busy ? (
            <div className="imp-progress" data-testid="import.progress" role="status">
              <progress max={s.progress?.total ?? 1} value={s.progress ? s.progress.done : undefined} />
              <span>
                {s.progress
                  ? importText("progress", lang, {
                      done: s.progress.done + 1,
                      total: s.progress.total,
                      phase: importText(`phase_${s.progress.phase}` as ImportTextKey, lang),
                    })
                  : importText("reading", lang, { files: s.files.map((f) => p(f.name)).join("、") })}
              </span>
            </div>
          ) : null}

          {s.step === "failed" ? (
            <p className="imp-error" role="alert" data-testid="import.error">
              {importText("failed", lang, { message: p(s.error ?? "") })}
            </p>
          ) : null}

          {summary ? (
            <>
              {summary.layers && summary.layers.length > 1 ? (
                <section className="imp-sec" data-testid="import.layers">
                  <h3 className="imp-sec__head">{importText("layersHead", lang)}</h3>
                  <p className="key-dialog__hint" data-testid="import.layers.used">
                    {importText("layersHint", lang, {
                      count: summary.layers.length,
                      used: p(summary.layers.find((l) => l.chosen)?.name ?? ""),
                      reason: importText(
                        s.choices.layer ? "layersReason_chosen" : "layersReason_default",
                        lang,
                      ),
                    })}
                  </p>
                  <div className="imp-switch imp-layers">
                    {summary.layers.map((l) => (
                      <button
                        key={`${l.archive}/${l.name}`}
                        type="button"
                        className="btn btn--quiet"
                        aria-pressed={l.chosen}
                        data-testid={`import.layer.${l.name}`}
                        disabled={busy || !l.polygons}
                        onClick={() => act({ type: "layer", layer: l.name })}
                      >
                        {p(l.name)}{" "}
                        <span className="imp-layers__what">{p(describeLayer(l, lang, false))}</span>
                      </button>
                    ))}
                  </div>
                </section>
              ) : null}
              {summary.encoding ? (
                <section className="imp-sec" data-testid="import.encoding">
                  <h3 className="imp-sec__head">{importText("encodingHead", lang)}</h3>
                  <p className="key-dialog__text">
                    {importText("encodingUsed", lang, {
                      encoding: summary.encoding.used === "gbk" ? "GBK" : "UTF-8",
                      how: importText(`encodingHow_${summary.encoding.how}` as ImportTextKey, lang),
                    })}
                  </p>
                  {needs.has("encoding") ? (
                    <p className="imp-warn">{importText("encodingUncertain", lang)}</p>
                  ) : null}
                  <p className="key-dialog__hint" data-testid="import.encoding.samples">
                    {importText("encodingSamples", lang)}{" "}
                    {chineseSamples(summary).map(p).join("、") || importText("encodingNone", lang)}
                  </p>
                  <div className="imp-switch">
                    {(["utf-8", "gbk"] as const).map((enc) => (
                      <button
                        key={enc}
                        type="button"
                        className="btn btn--quiet"
                        aria-pressed={summary.encoding?.used === enc}
                        data-testid={`import.encoding.${enc}`}
                        disabled={busy}
                        onClick={() => act({ type: "encoding", encoding: enc })}
                      >
                        {enc === "gbk" ? "GBK" : "UTF-8"}
                      </button>
                    ))}
                  </div>
                </section>
              ) : null}

              <section className="imp-sec" data-testid="import.crs.section">
                <h3 className="imp-sec__head">{importText("crsHead", lang)}</h3>
                <p
                  className={needs.has("crs") ? "imp-warn" : "key-dialog__text"}
                  data-testid="import.crs.found"
                >
                  {summary.crs
                    ? importText(
                        (summary.declaredCrs?.how === "prj" && summary.crs.how !== "option"
                          ? "crsFound_prj"
                          : `crsFound_${summary.crs.how}`) as ImportTextKey,
                        lang,
                        {
                          // The .prj's own name, and the EPSG code it was recognised as.
                          crs: p(
                            summary.declaredCrs?.name && crsCode && crsCode !== summary.declaredCrs.name
                              ? `${summary.declaredCrs.name}（${crsCode}）`
                              : (summary.declaredCrs?.name ?? crsCode ?? summary.crs.crs),
                          ),
                        },
                      )
                    : importText("crsNeeded", lang)}
                </p>
                {legacy ? (
                  <p className="imp-warn" data-testid="import.crs.legacy">
                    {importText("legacyDatum", lang, { datum: importText(`datum_${legacy}`, lang) })}
                  </p>
                ) : null}
                {needs.has("crs") || s.choices.crsCode || !summary.crs ? (
                  <CrsPicker selected={pickerSelection(s)} onPick={(code) => act({ type: "crs", code })} />
                ) : null}
              </section>

              {summary.fields.length > 0 ? (
                <section className="imp-sec" data-testid="import.mapping">
                  <h3 className="imp-sec__head">{importText("mappingHead", lang)}</h3>
                  {s.remembered ? (
                    <p className="key-dialog__hint">{importText("mappingRemembered", lang)}</p>
                  ) : null}
                  {needs.has("mapping") &&
                  !Object.values(mapping?.fields ?? {}).some((r) => r.property === "id") &&
                  !summary.fields.some((f) => fieldInfo(f.name)?.key === "id") ? (
                    <p className="imp-warn">{importText("mappingNeedsId", lang)}</p>
                  ) : null}
                  <div className="imp-map__wrap">
                    <table className="imp-map">
                      <thead>
                        <tr>
                          <th scope="col">{importText("mappingField", lang)}</th>
                          <th scope="col">{importText("mappingSamples", lang)}</th>
                          <th scope="col">{importText("mappingTo", lang)}</th>
                          <th scope="col">{importText("mappingUnit", lang)}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {summary.fields.map((f) => (
                          <MappingRow
                            key={f.name}
                            name={f.name}
                            samples={f.samples}
                            rule={mapping?.fields[f.name]}
                            suggested={summary.suggested.fields[f.name]}
                            act={act}
                            lang={lang}
                          />
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <div className="imp-switch">
                    <button
                      type="button"
                      className="btn btn--quiet"
                      data-testid="import.mapping.save"
                      onClick={onSaveMapping}
                    >
                      {importText("mappingSave", lang)}
                    </button>
                    <button
                      type="button"
                      className="btn btn--quiet"
                      data-testid="import.mapping.load"
                      onClick={() => mappingInput.current?.click()}
                    >
                      {importText("mappingLoad", lang)}
                    </button>
                    <input
                      ref={mappingInput}
                      type="file"
                      accept=".json,application/json"
                      hidden
                      data-testid="import.mapping.file"
                      onChange={(e) => {
                        const f = e.target.files?.[0];
                        e.target.value = "";
                        if (f) onLoadMapping(f);
                      }}
                    />
                  </div>
                </section>
              ) : null}

              {summary.tables.length > 0 && table ? (
                <section className="imp-sec" data-testid="import.join">
                  <h3 className="imp-sec__head">{importText("joinHead", lang)}</h3>
                  {table.headerRows && (table.headerRows.first !== 1 || table.headerRows.last !== 1) ? (
                    <p className="key-dialog__hint" data-testid="import.join.header">
                      {table.headerRows.last !== table.headerRows.first
                        ? importText("joinHeaderRows", lang, { file: p(table.file), ...table.headerRows })
                        : importText("joinHeaderRow", lang, {
                            file: p(table.file),
                            row: table.headerRows.first,
                          })}
                    </p>
                  ) : null}
                  <div className="imp-switch">
                    <label>
                      {importText("joinTableKey", lang)}{" "}
                      <select
                        data-testid="import.join.tableKey"
                        value={s.choices.join?.tableField ?? ""}
                        onChange={(e) => {
                          const tableField = e.target.value;
                          const featureField = s.choices.join?.featureField ?? summary.fields[0]?.name ?? "";
                          act({
                            type: "join",
                            join: tableField ? { file: table.file, tableField, featureField } : undefined,
                          });
                        }}
                      >
                        <option value="">{importText("joinNone", lang)}</option>
                        {table.fields.map((f) => (
                          <option key={f.name} value={f.name}>
                            {p(f.name)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {importText("joinFeatureKey", lang)}{" "}
                      <select
                        data-testid="import.join.featureKey"
                        value={s.choices.join?.featureField ?? ""}
                        disabled={!s.choices.join}
                        onChange={(e) => {
                          const j = s.choices.join;
                          if (j) act({ type: "join", join: { ...j, featureField: e.target.value } });
                        }}
                      >
                        {summary.fields.map((f) => (
                          <option key={f.name} value={f.name}>
                            {p(f.name)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                  {summary.join ? (
                    <p className="key-dialog__text" data-testid="import.join.report">
                      {importText("joinReport", lang, {
                        matched: summary.join.matched,
                        unmatchedRows: summary.join.unmatchedRows.length,
                        unmatchedFeatures: summary.join.unmatchedFeatures.length,
                        dupRows: summary.join.duplicateTableKeys.length,
                        dupFeatures: summary.join.duplicateFeatureKeys.length,
                      })}
                    </p>
                  ) : null}
                </section>
              ) : null}

              {summary.parcelSamples.length > 0 ? (
                <section className="imp-sec" data-testid="import.samples">
                  <h3 className="imp-sec__head">{importText("samplesHead", lang)}</h3>
                  <ul className="imp-samples">
                    {summary.parcelSamples.map((ps) => (
                      <li key={ps.id}>
                        {importText("sampleArea", lang, {
                          id: p(ps.id),
                          area: ps.areaM2.toLocaleString(lang === "zh" ? "zh-CN" : "en", {
                            maximumFractionDigits: 2,
                          }),
                        })}
                        {Object.entries(ps.input)
                          .filter(([k]) => k !== "id")
                          .slice(0, 4)
                          .map(
                            ([k, v]) =>
                              ` · ${lang === "zh" ? (fieldInfo(k)?.zh ?? k) : (fieldInfo(k)?.en ?? k)} ${p(String(v))}`,
                          )
                          .join("")}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}

              <section className="imp-sec" data-testid="import.report">
                <h3 className="imp-sec__head">{importText("reportHead", lang)}</h3>
                {counts ? (
                  <p className="key-dialog__text" data-testid="import.report.counts">
                    {importText("reportCounts", lang, { ...counts })}
                    {counts.fieldsAside > 0
                      ? `；${importText("reportFieldsAside", lang, { n: counts.fieldsAside })}`
                      : ""}
                  </p>
                ) : null}
                {result && !result.ok ? (
                  <p className="imp-error" role="alert">
                    {importText("unusable", lang)}
                  </p>
                ) : null}
                {rows.length === 0 ? (
                  <p className="key-dialog__hint">{importText("reportNone", lang)}</p>
                ) : (
                  <div className="imp-report__wrap">
                    <table className="imp-report">
                      <thead>
                        <tr>
                          <th scope="col">{importText("reportSeverity", lang)}</th>
                          <th scope="col">{importText("reportFeature", lang)}</th>
                          <th scope="col">{importText("reportFieldCol", lang)}</th>
                          <th scope="col">{importText("reportAction", lang)}</th>
                          <th scope="col">{importText("reportMessage", lang)}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.slice(0, REPORT_SHOWN).map((r, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no identity; order is the file's
                          <tr key={i} className={`imp-report__row--${r.severity}`}>
                            <td>{severityText(r.severity, lang)}</td>
                            <td>{r.feature === null ? "" : `${r.feature}${r.id ? ` (${p(r.id)})` : ""}`}</td>
                            <td>{p(r.field)}</td>
                            <td>{actionText(r.action, lang)}</td>
                            <td>{r.message}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {rows.length > REPORT_SHOWN ? (
                  <p className="key-dialog__hint">
                    {importText("reportMore", lang, { shown: REPORT_SHOWN, total: rows.length })}
                  </p>
                ) : null}
              </section>
            </>
          ) : null}

          <div className="key-dialog__actions imp-dialog__actions">
            {summary ? (
              <button
                type="button"
                className="btn btn--quiet"
                data-testid="import.report.csv"
                onClick={onDownloadReport}
              >
                {importText("reportDownload", lang)}
              </button>
            ) : null}
            <span className="hdr-spacer" />
            <button
              type="button"
              className="btn"
              data-testid="import.cancel"
              title={importText("cancelTitle", lang)}
              onClick={onCancel}
            >
              {importText("cancel", lang)}
            </button>
            <button
              type="submit"
              className="btn btn--primary"
              data-testid="import.confirm"
              title={importText("confirmTitle", lang)}
              disabled={!canConfirm(s)}
            >
              {importText("confirm", lang, { parcels: result?.parcelCount ?? 0 })}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>,
    document.body,
  );
}
