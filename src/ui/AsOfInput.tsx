/**
 * The as-of date field. What is typed is a draft; it is applied (and the analysis reruns) only
 * when it is a complete, real date in year ≥ 1900 — so typing a year digit by digit (0002, 0020,
 * 0202, 2026) runs the analysis once — and on Enter or leaving the field an incomplete draft
 * falls back to the applied date. The applied date is checked against the data's own dates and
 * today, with a visible warning.
 */
import { useEffect, useState } from "react";
import { asOfWarning, isUsableAsOf } from "../domain/dates";
import { todayIso } from "../state/clock";
import { selectEarliestSupplyDate } from "../state/selectors";
import { useAppStore } from "../state/store";
import { useT } from "./hooks";

export function AsOfInput() {
  const tr = useT();
  const asOf = useAppStore((s) => s.asOf);
  const setAsOf = useAppStore((s) => s.setAsOf);
  const earliest = useAppStore(selectEarliestSupplyDate);
  const [draft, setDraft] = useState(asOf);
  // A date applied elsewhere (reset, a new dataset) replaces the draft.
  useEffect(() => setDraft(asOf), [asOf]);

  const settle = () => {
    if (isUsableAsOf(draft)) setAsOf(draft);
    else setDraft(asOf);
  };
  const incomplete = draft !== asOf && !isUsableAsOf(draft);
  const warning = asOfWarning(asOf, earliest, todayIso());
  return (
    <>
      <input
        type="date"
        value={draft}
        min="1900-01-01"
        required
        aria-invalid={incomplete || undefined}
        aria-describedby={incomplete || warning ? "asof-note" : undefined}
        data-testid="header.asOf"
        onChange={(e) => {
          const v = e.target.value;
          setDraft(v);
          if (isUsableAsOf(v)) setAsOf(v);
        }}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === "Enter") settle();
        }}
      />
      {incomplete ? (
        <span id="asof-note" className="hdr-note" role="status" data-testid="header.asOf.incomplete">
          {tr("asOfIncomplete")}
        </span>
      ) : warning ? (
        <span
          id="asof-note"
          className="hdr-note hdr-note--warn"
          role="status"
          data-testid="header.asOf.warning"
        >
          ⚠{" "}
          {warning.kind === "before-data"
            ? tr("asOfBeforeData", { date: warning.earliest })
            : tr("asOfFuture", { date: warning.today })}
        </span>
      ) : null}
    </>
  );
}
