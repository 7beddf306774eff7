/**
 * The legend: one row per class with its colour, label (click to edit; Enter saves, Escape
 * cancels, an empty label restores the default), and parcel count; the unit in the title; the
 * flag overlay toggle with its key.
 */
import { useState } from "react";
import { useAppStore } from "../state/store";
import { type LegendClass, selectLegend } from "./colouring";
import { FlagSwatch } from "./FlagSwatch";
import { useLang, useT } from "./hooks";

function LegendLabel({ cls }: { cls: LegendClass }) {
  const tr = useT();
  const setLegendLabel = useAppStore((s) => s.setLegendLabel);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(cls.label);
  if (editing)
    return (
      <input
        className="legend__input"
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this label
        autoFocus
        value={text}
        aria-label={cls.defaultLabel}
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
    );
  return (
    <button
      type="button"
      className={`legend__label${cls.edited ? " legend__label--edited" : ""}`}
      title={tr("legendEditHint")}
      data-testid={`legend.label.${cls.index}`}
      onClick={() => {
        setText(cls.label);
        setEditing(true);
      }}
    >
      {cls.label}
    </button>
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
          <li key={c.index} className="legend__row" data-testid={`legend.class.${c.index}`}>
            <span className="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            <LegendLabel key={`${legend.indicator}:${c.index}:${c.label}`} cls={c} />
            <span className="legend__count" data-testid={`legend.count.${c.index}`}>
              {tr("legendCount", { n: c.count })}
            </span>
          </li>
        ))}
        {legend.noData ? (
          <li className="legend__row legend__row--nodata" data-testid="legend.nodata">
            <span className="legend__swatch" style={{ background: legend.noData.color }} aria-hidden="true" />
            <span className="legend__static">{legend.noData.label}</span>
            <span className="legend__count">{tr("legendCount", { n: legend.noData.count })}</span>
          </li>
        ) : null}
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
