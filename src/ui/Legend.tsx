/**
 * The legend: one row per class with its colour, label and parcel count; the unit in the title;
 * the flag overlay toggle with its key. A click on a class shows only that class, on the map (the
 * other parcels are dimmed) and in the table: it sets the store's table filter, so the table's
 * toolbar shows it and 清除筛选 clears it; a second click shows everything again. Labels are
 * renamed through the ✎ button beside each class (Enter saves, Escape cancels, an empty label
 * restores the default).
 */
import { useState } from "react";
import { useAppStore } from "../state/store";
import type { TableFilter } from "../state/types";
import { isLegendFilterOn, type LegendClass, legendFilterToggle, selectLegend } from "./colouring";
import { FlagSwatch } from "./FlagSwatch";
import { useLang, useT } from "./hooks";

function LegendRow({ cls }: { cls: LegendClass }) {
  const tr = useT();
  const setLegendLabel = useAppStore((s) => s.setLegendLabel);
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(cls.label);
  const on = isLegendFilterOn(filter, cls.filter);
  return (
    <li
      className={`legend__row legend__row--class${on ? " legend__row--on" : ""}`}
      data-testid={`legend.class.${cls.index}`}
    >
      {editing ? (
        <>
          <span className="legend__swatch" style={{ background: cls.color }} aria-hidden="true" />
          <input
            className="legend__input"
            // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this class
            autoFocus
            value={text}
            aria-label={tr("legendRename", { label: cls.defaultLabel })}
            data-testid={`legend.input.${cls.index}`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                setLegendLabel(cls.index, text.trim() === cls.defaultLabel ? null : text);
                setEditing(false);
              } else if (e.key === "Escape") {
                e.stopPropagation();
                setEditing(false);
              }
            }}
            onBlur={() => setEditing(false)}
          />
        </>
      ) : (
        <button
          type="button"
          className={`legend__class${cls.edited ? " legend__class--edited" : ""}`}
          aria-pressed={on}
          title={tr("legendFilterHint")}
          data-testid={`legend.filter.${cls.index}`}
          onClick={() => setFilter(legendFilterToggle(filter, cls.filter))}
        >
          <span className="legend__swatch" style={{ background: cls.color }} aria-hidden="true" />
          <span className="legend__label" data-testid={`legend.label.${cls.index}`}>
            {cls.label}
          </span>
          <span className="legend__count" data-testid={`legend.count.${cls.index}`}>
            {tr("legendCount", { n: cls.count })}
          </span>
        </button>
      )}
      <button
        type="button"
        className="legend__rename"
        aria-label={tr("legendRename", { label: cls.label })}
        title={tr("legendRename", { label: cls.label })}
        data-testid={`legend.rename.${cls.index}`}
        onClick={() => {
          setText(cls.label);
          setEditing(true);
        }}
      >
        <span aria-hidden="true">✎</span>
      </button>
    </li>
  );
}

/** The "no data" row: a click shows only the parcels without a value. */
function NoDataRow({
  row,
}: {
  row: { label: string; color: string; count: number; filter: Partial<TableFilter> };
}) {
  const tr = useT();
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const on = isLegendFilterOn(filter, row.filter);
  return (
    <li
      className={`legend__row legend__row--class legend__row--nodata${on ? " legend__row--on" : ""}`}
      data-testid="legend.nodata"
    >
      <button
        type="button"
        className="legend__class"
        aria-pressed={on}
        title={tr("legendFilterHint")}
        data-testid="legend.filter.nodata"
        onClick={() => setFilter(legendFilterToggle(filter, row.filter))}
      >
        <span className="legend__swatch" style={{ background: row.color }} aria-hidden="true" />
        <span className="legend__label">{row.label}</span>
        <span className="legend__count">{tr("legendCount", { n: row.count })}</span>
      </button>
    </li>
  );
}

export function Legend() {
  const tr = useT();
  const lang = useLang();
  const legend = useAppStore(selectLegend);
  const flagsVisible = useAppStore((s) => s.flagsVisible);
  const setFlagsVisible = useAppStore((s) => s.setFlagsVisible);
  return (
    <section className="panel" aria-labelledby="legend-h" data-testid="legend.panel">
      <h2 id="legend-h" className="panel__title">
        {tr("legend")} · {legend.title}
        {legend.unit ? (
          <span className="panel__unit">{lang === "zh" ? `（${legend.unit}）` : ` (${legend.unit})`}</span>
        ) : null}
      </h2>
      <ul className="legend">
        {legend.classes.map((c) => (
          <LegendRow key={`${legend.indicator}:${c.index}:${c.label}`} cls={c} />
        ))}
        {legend.noData ? <NoDataRow row={legend.noData} /> : null}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          checked={flagsVisible}
          data-testid="flags.toggle"
          onChange={(e) => setFlagsVisible(e.target.checked)}
        />
        <span>{tr("flagsShow")}</span>
      </label>
      {flagsVisible ? (
        <ul className="legend legend--flags">
          <li className="legend__row">
            <FlagSwatch flag="idle" />
            <span className="legend__static">{tr("flagIdle")}</span>
          </li>
          <li className="legend__row">
            <FlagSwatch flag="under" />
            <span className="legend__static">{tr("flagUnder")}</span>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
