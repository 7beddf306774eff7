/**
 * The table toolbar's additions: chips for filters set from outside the table's own controls (the
 * header's zone buttons, a legend click on a flag or a numeric class), the hint that says why an
 * empty table is empty and offers the one click that helps, and the column chooser (the choice is
 * a persisted setting, `hiddenColumns`).
 * data-testids: `table.chip.<zone|flag|range|target>` and `table.chip.<…>.remove`, `table.emptyHint`,
 * `table.emptyHint.apply`, `table.columns`, `table.columns.panel`, `table.columns.<field>`,
 * `table.columns.reset`.
 */
import { useEffect, useId, useRef, useState } from "react";
import type { AnalysedParcel } from "../../domain/types";
import { enumLabel } from "../../i18n/ui";
import { useAppStore } from "../../state/store";
import { rangeFilterText } from "../colouring";
import { useTargetChipText } from "../targets/TargetChip";
import { headerLabel, TABLE_COLUMNS } from "./columns";
import { emptyHint } from "./emptyHint";
import { tt } from "./text";
import { useZoneName } from "./useZoneName";

/** The column that is always shown (a row must stay identifiable). */
export const ALWAYS_SHOWN = "id";

function Chip({ id, text, onRemove }: { id: string; text: string; onRemove: () => void }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <li className="pt-chip" data-testid={`table.chip.${id}`}>
      <span>{text}</span>
      <button
        type="button"
        className="pt-chip__x"
        aria-label={tt("chipRemove", lang, { what: text })}
        title={tt("chipRemove", lang, { what: text })}
        data-testid={`table.chip.${id}.remove`}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** Chips of the zone, flag, value-range and plan-target filters (null when none is set). */
export function FilterChips() {
  const lang = useAppStore((s) => s.lang);
  const unit = useAppStore((s) => s.unit);
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const zoneName = useZoneName();
  const targetText = useTargetChipText();
  const chips: { id: string; text: string; patch: Parameters<typeof setFilter>[0] }[] = [];
  if (filter.zone !== null)
    chips.push({
      id: "zone",
      text: tt("chipZone", lang, { zone: zoneName(filter.zone) }),
      patch: { zone: null },
    });
  if (filter.flag !== null)
    chips.push({
      id: "flag",
      text: tt("chipFlag", lang, { flag: enumLabel("flag", filter.flag, lang) }),
      patch: { flag: null },
    });
  if (filter.range !== null) {
    const r = rangeFilterText(filter.range, unit, lang);
    chips.push({
      id: "range",
      text: tt("chipRange", lang, { title: r.title, range: r.unit ? `${r.range} ${r.unit}` : r.range }),
      patch: { range: null },
    });
  }
  if (filter.target !== null && targetText !== null)
    chips.push({ id: "target", text: targetText, patch: { target: null } });
  if (chips.length === 0) return null;
  return (
    <ul className="pt-chips" aria-label={tt("activeFilters", lang)} data-testid="table.chips">
      {chips.map((c) => (
        <Chip key={c.id} id={c.id} text={c.text} onRemove={() => setFilter(c.patch)} />
      ))}
    </ul>
  );
}

/** The text of an empty table: why it is empty and, where it helps, one button. */
export function EmptyTable({ parcels }: { parcels: readonly AnalysedParcel[] }) {
  const lang = useAppStore((s) => s.lang);
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const zoneName = useZoneName();
  if (parcels.length === 0) return <p className="pt-empty">{tt("noData", lang)}</p>;
  const hint = emptyHint(parcels, filter);
  let text = "";
  let action = "";
  if (hint?.kind === "otherZone") {
    text =
      hint.zone === null
        ? tt("hintOtherZones", lang, { n: hint.count })
        : tt("hintOtherZone", lang, { n: hint.count, zone: zoneName(hint.zone) });
    action = tt("hintClearZone", lang);
  } else if (hint?.kind === "otherFilters") {
    text = hint.keepsText
      ? tt("hintOtherFilters", lang, { n: hint.count })
      : tt("hintNoFilters", lang, { n: hint.count });
    action = hint.keepsText ? tt("hintClearOthers", lang) : tt("hintClearAll", lang);
  }
  return (
    <div className="pt-empty" data-testid="table.empty">
      <p>{tt("noMatch", lang)}</p>
      {hint ? (
        <p data-testid="table.emptyHint">
          {text}
          {lang === "zh" ? "，" : ": "}
          <button
            type="button"
            className="link-btn pt-empty__apply"
            data-testid="table.emptyHint.apply"
            onClick={() => setFilter(hint.patch)}
          >
            {action}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The column chooser: a button opening a list of checkboxes, one per column. */
export function ColumnChooser() {
  const lang = useAppStore((s) => s.lang);
  const unit = useAppStore((s) => s.unit);
  const hidden = useAppStore((s) => s.hiddenColumns);
  const setColumnHidden = useAppStore((s) => s.setColumnHidden);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    // Escape closes the list (and does not also clear the selection, App.tsx).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !box.current?.contains(e.target as Node)) return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  const shownCount = TABLE_COLUMNS.filter(
    (c) => c.field === ALWAYS_SHOWN || !hidden.includes(c.field),
  ).length;
  return (
    <div className="pt-columns" ref={box}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={panelId}
        title={tt("columnsTitle", lang)}
        data-testid="table.columns"
        onClick={() => setOpen(!open)}
      >
        {`${tt("columns", lang)} ${shownCount}/${TABLE_COLUMNS.length}`}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <fieldset className="pt-columns__panel" id={panelId} data-testid="table.columns.panel">
          <legend>{tt("columnsTitle", lang)}</legend>
          {TABLE_COLUMNS.map((c) => {
            const h = headerLabel(c.field, lang, unit);
            const always = c.field === ALWAYS_SHOWN;
            return (
              <label key={c.field} className="pt-columns__item">
                <input
                  type="checkbox"
                  data-testid={`table.columns.${c.field}`}
                  checked={always || !hidden.includes(c.field)}
                  disabled={always}
                  onChange={(e) => setColumnHidden(c.field, !e.target.checked)}
                />
                <span>
                  {h.label}
                  {always ? tt("columnsAlways", lang) : ""}
                </span>
              </label>
            );
          })}
          <button
            type="button"
            className="link-btn"
            data-testid="table.columns.reset"
            disabled={hidden.length === 0}
            onClick={() => {
              for (const f of hidden) setColumnHidden(f, false);
            }}
          >
            {tt("columnsReset", lang)}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
