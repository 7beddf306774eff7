/** Indicator picker, classification method and class count, manual breaks, and the 亩/公顷 switch. */
import { useEffect, useState } from "react";
import {
  CATEGORICAL_INDICATORS,
  fieldInfo,
  type Indicator,
  isIndicator,
  isNumericIndicator,
  NUMERIC_INDICATORS,
} from "../domain/fields";
import { unitLabel } from "../i18n/ui";
import { selectClassification } from "../state/selectors";
import { useAppStore } from "../state/store";
import type { ClassMethod } from "../state/types";
import { indicatorTitle } from "./colouring";
import { fromDisplay, toDisplay } from "./format";
import { useLang, useT } from "./hooks";

/** Categories first (the default land-use map), then the numeric indicators in the plan's order (area in 亩 only). */
const INDICATOR_GROUPS: { key: "categories" | "numbers"; items: readonly Indicator[] }[] = [
  { key: "categories", items: CATEGORICAL_INDICATORS },
  { key: "numbers", items: NUMERIC_INDICATORS.filter((i) => i !== "areaM2") },
];

const METHODS: ClassMethod[] = ["jenks", "quantile", "equal", "manual"];
const METHOD_KEY = {
  jenks: "methodJenks",
  quantile: "methodQuantile",
  equal: "methodEqual",
  manual: "methodManual",
} as const;

export function IndicatorPanel() {
  const tr = useT();
  const lang = useLang();
  const indicator = useAppStore((s) => s.indicator);
  const setIndicator = useAppStore((s) => s.setIndicator);
  const cls = useAppStore(selectClassification);
  const setClassMethod = useAppStore((s) => s.setClassMethod);
  const setClassCount = useAppStore((s) => s.setClassCount);
  const setManualBreaks = useAppStore((s) => s.setManualBreaks);
  const unit = useAppStore((s) => s.unit);
  const setUnit = useAppStore((s) => s.setUnit);
  const numeric = isNumericIndicator(indicator);
  const fieldUnit = fieldInfo(indicator)?.unit ?? "none";

  const shownBreaks = cls.manualBreaks.map((b) => +toDisplay(b, fieldUnit, unit).toPrecision(10)).join(", ");
  const [breaksText, setBreaksText] = useState(shownBreaks);
  useEffect(() => setBreaksText(shownBreaks), [shownBreaks]);
  const applyBreaks = () => {
    const nums = breaksText
      .split(/[,，;；\s]+/)
      .filter(Boolean)
      .map(Number)
      .filter(Number.isFinite)
      .map((v) => fromDisplay(v, fieldUnit, unit));
    if (nums.length) setManualBreaks(nums);
  };

  return (
    <section className="panel" aria-labelledby="indicator-h" data-testid="indicator.panel">
      <h2 id="indicator-h" className="panel__title">
        {tr("indicator")}
      </h2>
      <label className="field">
        <span className="visually-hidden">{tr("indicator")}</span>
        <select
          value={indicator}
          data-testid="indicator.select"
          onChange={(e) => isIndicator(e.target.value) && setIndicator(e.target.value)}
        >
          {INDICATOR_GROUPS.map((g) => (
            <optgroup key={g.key} label={g.key === "categories" ? tr("classification") : tr("indicator")}>
              {g.items.map((i) => (
                <option key={i} value={i} data-testid={`indicator.option.${i}`}>
                  {indicatorTitle(i, lang)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>

      {numeric ? (
        <div className="field-row">
          <label className="field">
            <span>{tr("classification")}</span>
            <select
              value={cls.method}
              data-testid="classify.method"
              onChange={(e) => setClassMethod(e.target.value as ClassMethod)}
            >
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {tr(METHOD_KEY[m])}
                </option>
              ))}
            </select>
          </label>
          {cls.method !== "manual" ? (
            <label className="field field--narrow">
              <span>{tr("classCount")}</span>
              <select
                value={cls.k}
                data-testid="classify.k"
                onChange={(e) => setClassCount(Number(e.target.value))}
              >
                {[2, 3, 4, 5, 6, 7, 8, 9].map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      ) : null}

      {numeric && cls.method === "manual" ? (
        <label className="field">
          <span>{tr("manualBreaks")}</span>
          <input
            type="text"
            inputMode="decimal"
            value={breaksText}
            data-testid="classify.breaks"
            placeholder="100, 200, 400"
            title={tr("manualBreaksHint", { unit: unitLabel(fieldUnit, lang, unit) })}
            onChange={(e) => setBreaksText(e.target.value)}
            onBlur={applyBreaks}
            onKeyDown={(e) => {
              if (e.key === "Enter") applyBreaks();
              if (e.key === "Escape") setBreaksText(shownBreaks);
            }}
          />
          <small className="hint">{tr("manualBreaksHint", { unit: unitLabel(fieldUnit, lang, unit) })}</small>
        </label>
      ) : null}

      {/* Categories have no per-land values: the 亩/公顷 switch would change nothing on the map. */}
      {numeric ? (
        <fieldset className="seg seg--block" data-testid="unit.switch">
          <legend className="seg__legend">{tr("unitSwitch")}</legend>
          <button
            type="button"
            className="seg__btn"
            aria-pressed={unit === "mu"}
            data-testid="unit.mu"
            onClick={() => setUnit("mu")}
          >
            {unitLabel("wan-yuan-per-mu", lang, "mu")}
          </button>
          <button
            type="button"
            className="seg__btn"
            aria-pressed={unit === "ha"}
            data-testid="unit.ha"
            onClick={() => setUnit("ha")}
          >
            {unitLabel("wan-yuan-per-mu", lang, "ha")}
          </button>
        </fieldset>
      ) : null}
    </section>
  );
}
