/** Import problems of the parcels and standards files, as sentences (formatProblem), collapsible. */
import { useState } from "react";
import { printable } from "../i18n/escape";
import { formatProblem } from "../i18n/problems";
import type { Problem } from "../io/types";
import { useAppStore } from "../state/store";
import { useLang, useT } from "./hooks";

const MAX_SHOWN = 500;

export function ProblemsPanel() {
  const tr = useT();
  const lang = useLang();
  const dataset = useAppStore((s) => s.dataset);
  const standards = useAppStore((s) => s.standards);
  const rejected = useAppStore((s) => s.rejectedFile);
  const [open, setOpen] = useState(false);
  const problems: Problem[] = [
    ...(rejected?.problems ?? []),
    ...(standards?.problems ?? []),
    ...(dataset?.problems ?? []),
  ];
  const fatal = problems.some((p) => p.fatal);
  if (problems.length === 0) return null;
  const shown = open || fatal;
  return (
    <section
      className={`problems${fatal ? " problems--fatal" : ""}`}
      data-testid="problems.panel"
      aria-labelledby="problems-h"
    >
      <h2 id="problems-h" className="problems__title">
        <button
          type="button"
          className="link-btn"
          aria-expanded={shown}
          data-testid="problems.toggle"
          onClick={() => setOpen(!open)}
        >
          {shown ? "▾" : "▸"} {tr("problemsShow", { n: problems.length })}
        </button>
      </h2>
      {shown ? (
        <>
          {rejected ? (
            <p className="problems__rejected" data-testid="problems.rejected">
              {tr("fileRejected", { file: printable(rejected.fileName) })}
            </p>
          ) : null}
          {dataset ? (
            <p className="muted">
              {tr("problemsFile", {
                file: printable(dataset.fileName),
                features: dataset.featureCount,
                parcels: dataset.parcelCount,
                n: dataset.problems.length,
              })}
            </p>
          ) : null}
          <ul className="problems__list" data-testid="problems.list">
            {problems.slice(0, MAX_SHOWN).map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity; order is the file's
              <li key={i} className={`problem problem--${p.severity}`}>
                {formatProblem(p, lang, "browser")}
              </li>
            ))}
            {problems.length > MAX_SHOWN ? <li className="muted">… {problems.length - MAX_SHOWN}</li> : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}
