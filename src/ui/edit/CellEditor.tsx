/**
 * An editable number in a table cell: the lean twin of `FieldEditor` (no store subscription, no
 * unit or revert, which the header and the detail panel give), so that the virtualised rows stay
 * cheap to mount when the table is sorted or scrolled. Enter or leaving commits one step, Escape
 * cancels; a refused value is reported through `onMessage` and changes nothing.
 */
import { memo, useState } from "react";
import type { Edit, InputValue, ParcelInputKey, StepLabel } from "../../domain/edits";
import { fieldEditStep } from "../../domain/edits";
import type { FieldInfo } from "../../domain/fields";
import { editText } from "../../i18n/edits";
import type { Lang } from "../../i18n/lang";
import { editableText, parseTyped } from "./FieldEditor";
import "./edit.css";

export interface CellEditorProps {
  parcelId: string;
  field: FieldInfo;
  value: InputValue;
  original: InputValue;
  /** The original value as shown (for the tooltip). */
  originalText: string;
  label: string;
  lang: Lang;
  commitEdits: (label: StepLabel, edits: Edit[]) => void;
  onMessage: (message: string | null) => void;
  testid: string;
}

export const CellEditor = memo(function CellEditor(props: CellEditorProps) {
  const { parcelId, field, value, original, lang, onMessage, testid } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const edited = value !== original;
  const commit = () => {
    if (draft === null) return;
    const r = parseTyped(field, draft, lang);
    if (!r.ok) {
      setInvalid(true);
      onMessage(r.message);
      return;
    }
    setDraft(null);
    setInvalid(false);
    onMessage(null);
    if (r.value === value) return;
    const step = fieldEditStep(parcelId, field.key as ParcelInputKey, value, r.value);
    props.commitEdits(step.label, step.edits);
  };
  const originalText = editText("original", lang, { value: props.originalText });
  return (
    <span className={`fe fe--compact${edited ? " fe--edited" : ""}`}>
      <input
        type="text"
        className="fe__input"
        aria-label={props.label}
        aria-invalid={invalid || undefined}
        data-app-undo={draft === null ? "true" : undefined}
        inputMode="decimal"
        data-testid={testid}
        title={edited ? originalText : undefined}
        value={draft ?? editableText(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          if (invalid) {
            setInvalid(false);
            onMessage(null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Escape" && (draft !== null || invalid)) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
            setInvalid(false);
            onMessage(null);
          }
        }}
        onBlur={commit}
      />
      {edited ? (
        <span className="fe__mark" title={originalText} data-testid={`${testid}.edited`}>
          <span aria-hidden="true">✎</span>
          <span className="visually-hidden">{originalText}</span>
        </span>
      ) : null}
    </span>
  );
});
