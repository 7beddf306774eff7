/**
 * Import problems, as sentences (formatProblem), one group per file: a file the user picked that
 * could not be used (shown open: it is why nothing changed, and only its own problems are listed
 * under it), then the current standards file's and the parcels file's problems (collapsed until
 * opened, unless one is fatal).
 * data-testids: `problems.panel`, `problems.toggle`, `problems.rejected`, `problems.list`
 * (everything listed), `problems.group.<rejected|standards|parcels>`.
 */
import { useState } from "react";
import { printable } from "../i18n/escape";
import { formatProblem } from "../i18n/problems";
import type { Problem } from "../io/types";
import { useAppStore } from "../state/store";
import { useLang, useT } from "./hooks";

const MAX_SHOWN = 500;

const RANK: Record<Problem["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Errors first (they say why a file was refused), then warnings; otherwise the file's order. */
function bySeverity(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (RANK[a.p.severity] ?? 3) - (RANK[b.p.severity] ?? 3) || a.i - b.i)
    .map((x) => x.p);
}

function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const lang = useLang();
  return (
    <ul className="problems__list">
      {problems.slice(0, MAX_SHOWN).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity; order is the file's
        <li key={i} className={`problem problem--${p.severity}`}>
          {formatProblem(p, lang, "browser")}
        </li>
      ))}
      {problems.length > MAX_SHOWN ? <li className="muted">… {problems.length - MAX_SHOWN}</li> : null}
    </ul>
  );
}

export function ProblemsPanel() {
  const tr = useT();
  const dataset = useAppStore((s) => s.dataset);
  const standards = useAppStore((s) => s.standards);
  const rejected = useAppStore((s) => s.rejectedFile);
  const [open, setOpen] = useState(false);
  const standardsProblems = standards?.problems ?? [];
  const datasetProblems = dataset?.problems ?? [];
  const others = standardsProblems.length + datasetProblems.length;
  if (!rejected && others === 0) return null;
  const fatal = [...standardsProblems, ...datasetProblems].some((p) => p.fatal);
  const shown = open || fatal;
  return (
    <section
      className={`problems${rejected || fatal ? " problems--fatal" : ""}`}
      data-testid="problems.panel"
      aria-labelledby="problems-h"
    >
      <h2 id="problems-h" className="problems__title">
        {others > 0 ? (
          <button
            type="button"
            className="link-btn"
            aria-expanded={shown}
            data-testid="problems.toggle"
            onClick={() => setOpen(!open)}
          >
            {shown ? "▾" : "▸"} {tr("problemsShow", { n: others })}
          </button>
        ) : (
          tr("problems")
        )}
      </h2>
      {rejected || shown ? (
        <div data-testid="problems.list">
          {rejected ? (
            <div className="problems__group" data-testid="problems.group.rejected">
              <p className="problems__rejected" data-testid="problems.rejected">
                {tr("fileRejected", { file: printable(rejected.fileName) })}
              </p>
              <ProblemList problems={bySeverity(rejected.problems)} />
            </div>
          ) : null}
          {shown && standards && standardsProblems.length > 0 ? (
            <div className="problems__group" data-testid="problems.group.standards">
              <p className="muted">{tr("standardsProblems", { file: printable(standards.fileName) })}</p>
              <ProblemList problems={standardsProblems} />
            </div>
          ) : null}
          {shown && dataset && datasetProblems.length > 0 ? (
            <div className="problems__group" data-testid="problems.group.parcels">
              <p className="muted">
                {tr("problemsFile", {
                  file: printable(dataset.fileName),
                  features: dataset.featureCount,
                  parcels: dataset.parcelCount,
                  n: datasetProblems.length,
                })}
              </p>
              <ProblemList problems={datasetProblems} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
