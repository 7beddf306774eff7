/**
 * An editable parcel input: a text field (numbers, dates, text) parsed as the importer parses
 * (`1,200`, `850万元`, `2024年6月30日`), or a select (zone, statuses, cluster, yes/no). Enter or
 * leaving the field commits one undoable step; Escape cancels; a value that cannot be used is
 * refused with a message and changes nothing. An edited value is marked, with its original value
 * and (in the detail panel) a button that reverts it — a revert is a new step.
 */
import { useId, useState } from "react";
import { fieldEditStep, type InputValue, type ParcelInputKey } from "../../domain/edits";
import type { FieldInfo } from "../../domain/fields";
import { PARK_ZONES, parkZoneName } from "../../domain/zones";
import { editText, refusedText } from "../../i18n/edits";
import type { Lang } from "../../i18n/lang";
import { ENUM_LABELS, type EnumKind, enumLabel, unitLabel } from "../../i18n/ui";
import { parseInputValue } from "../../io/properties";
import { useAppStore } from "../../state/store";
import { useLang } from "../hooks";
import "./edit.css";

/** Fields edited with a select, and the enumeration labelling their options (zones: the park's). */
export const SELECT_FIELDS: Partial<Record<ParcelInputKey, EnumKind | "zone">> = {
  zone: "zone",
  landStatus: "landStatus",
  constructionStatus: "constructionStatus",
  industryCluster: "industryCluster",
};

/** The value as it is typed into the field (exact: no rounding, no grouping). */
export function editableText(value: InputValue): string {
  if (value === null) return "";
  return String(value);
}

/** The typed text parsed for `field` as the importer does: the value (`null`: cleared) or why not. */
export function parseTyped(
  field: FieldInfo,
  text: string,
  lang: Lang,
): { ok: true; value: InputValue } | { ok: false; message: string } {
  const r = parseInputValue(field, text);
  if (r.issue)
    return { ok: false, message: refusedText(field.key, r.issue, lang, unitLabel(field.unit, lang, "mu")) };
  return { ok: true, value: r.value ?? null };
}

export interface FieldEditorProps {
  parcelId: string;
  field: FieldInfo;
  /** The value now (with the current edits). */
  value: InputValue;
  /** The imported value. */
  original: InputValue;
  /** The accessible name: the field's label in the current language (the table adds the parcel id). */
  label: string;
  /** A value as shown to users (for the original value). */
  format: (v: InputValue) => string;
  /** Further select options (zone ids of the data). */
  extraOptions?: readonly string[];
  /** Table cell: a smaller field, the original value in the tooltip, refusals reported by `onMessage`. */
  compact?: boolean;
  onMessage?: (message: string | null) => void;
  testid: string;
}

export function FieldEditor(props: FieldEditorProps) {
  const { parcelId, field, value, original, label, format, compact, testid } = props;
  const lang = useLang();
  const commitEdits = useAppStore((s) => s.commitEdits);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const msgId = useId();
  const key = field.key as ParcelInputKey;
  const edited = value !== original;
  const unit = unitLabel(field.unit, lang, "mu");

  const say = (m: string | null) => {
    setMessage(m);
    props.onMessage?.(m);
  };
  const commitValue = (after: InputValue, revert = false) => {
    say(null);
    if (after === value) return;
    const step = fieldEditStep(parcelId, key, value, after, revert);
    commitEdits(step.label, step.edits);
  };
  /** Parse the draft and commit it; `false` when it was refused. */
  const commitDraft = (): boolean => {
    if (draft === null) return true;
    const r = parseTyped(field, draft, lang);
    if (!r.ok) {
      say(r.message);
      return false;
    }
    setDraft(null);
    commitValue(r.value);
    return true;
  };

  const originalText = editText("original", lang, {
    value: original === null ? editText("noValue", lang) : format(original),
  });
  const kind = SELECT_FIELDS[key];
  let control: React.ReactNode;
  if (kind || field.kind === "boolean") {
    const options: { value: string; text: string }[] = [{ value: "", text: "—" }];
    if (field.kind === "boolean")
      options.push(
        { value: "true", text: lang === "zh" ? "是" : "yes" },
        { value: "false", text: lang === "zh" ? "否" : "no" },
      );
    else if (kind) {
      const known = kind === "zone" ? PARK_ZONES : Object.keys(ENUM_LABELS[kind]);
      const codes = new Set([...known, ...(props.extraOptions ?? [])]);
      if (typeof value === "string") codes.add(value);
      for (const c of codes)
        options.push({
          value: c,
          text: kind === "zone" ? (parkZoneName(c, lang) ?? c) : enumLabel(kind, c, lang),
        });
    }
    control = (
      <select
        className="fe__select"
        aria-label={label}
        data-testid={testid}
        value={editableText(value)}
        onChange={(e) => {
          const v = e.target.value;
          commitValue(v === "" ? null : field.kind === "boolean" ? v === "true" : v);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        type="text"
        className="fe__input"
        aria-label={label}
        aria-invalid={message ? true : undefined}
        aria-describedby={message && !compact ? msgId : undefined}
        // Not typing (no pending text): Ctrl+Z undoes the last step, not the browser's text.
        data-app-undo={draft === null ? "true" : undefined}
        inputMode={field.kind === "number" || field.kind === "integer" ? "decimal" : undefined}
        placeholder={field.kind === "date" ? "YYYY-MM-DD" : undefined}
        data-testid={testid}
        value={draft ?? editableText(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          if (message) say(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commitDraft();
          } else if (e.key === "Escape" && (draft !== null || message)) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
            say(null);
          }
        }}
        onBlur={() => commitDraft()}
      />
    );
  }

  return (
    <span className={`fe${compact ? " fe--compact" : ""}${edited ? " fe--edited" : ""}`}>
      <span className="fe__row">
        {control}
        {unit && !compact ? <span className="fe__unit">{unit}</span> : null}
        {edited ? (
          <span className="fe__mark" title={originalText} data-testid={`${testid}.edited`}>
            <span aria-hidden="true">✎</span>
            <span className={compact ? "visually-hidden" : "fe__mark-text"}>{editText("edited", lang)}</span>
            {compact ? <span className="visually-hidden">{originalText}</span> : null}
          </span>
        ) : null}
        {edited && !compact ? (
          <button
            type="button"
            className="link-btn fe__revert"
            aria-label={editText("revertField", lang, { field: field[lang] })}
            title={editText("revert", lang)}
            data-testid={`${testid}.revert`}
            onClick={() => {
              setDraft(null);
              commitValue(original, true);
            }}
          >
            ↺
          </button>
        ) : null}
      </span>
      {edited && !compact ? (
        <span className="fe__original" data-testid={`${testid}.original`}>
          {originalText}
        </span>
      ) : null}
      {message && !compact ? (
        <span className="fe__msg" id={msgId} role="alert" data-testid={`${testid}.message`}>
          {message}
        </span>
      ) : null}
    </span>
  );
}
