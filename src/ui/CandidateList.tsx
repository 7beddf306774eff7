/** Reallocation candidates (腾笼换鸟) in the focused zone: area freed and reasons; click selects and frames the parcel. */
import { selectCandidates } from "../state/selectors";
import { useAppStore } from "../state/store";
import { formatNumber } from "./format";
import { useLang, useT } from "./hooks";
import { ReallocationTags } from "./ReallocationTags";

/** Candidates listed here (largest first); the rest are one click away in the filtered table. */
export const MAX_LISTED = 100;

export function CandidateList() {
  const tr = useT();
  const lang = useLang();
  const candidates = useAppStore(selectCandidates);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const select = useAppStore((s) => s.select);
  const requestZoom = useAppStore((s) => s.requestZoom);
  const result = useAppStore((s) => s.result);
  const setFilter = useAppStore((s) => s.setFilter);
  if (!result) return null;
  return (
    <section className="panel" aria-labelledby="cand-h" data-testid="candidates.panel">
      <h2 id="cand-h" className="panel__title">
        {tr("candidates")} <span className="badge">{candidates.length}</span>
      </h2>
      {candidates.length === 0 ? (
        <p className="muted">{tr("candidatesNone")}</p>
      ) : (
        <ul className="cand-list">
          {candidates.slice(0, MAX_LISTED).map((p) => {
            const id = p.input.id;
            const title = p.input.enterprise ?? p.input.name ?? "";
            return (
              <li key={id}>
                <button
                  type="button"
                  className="cand"
                  aria-pressed={selectedIds.has(id)}
                  data-testid={`flags.candidate.${id}`}
                  title={tr("candidateZoom", { id })}
                  onClick={() => {
                    select([id]);
                    requestZoom([id]);
                  }}
                >
                  <span className="cand__head">
                    <span className="cand__id">{id}</span>
                    <span className="cand__area">
                      {formatNumber(p.computed.areaMu, 2, lang)} {lang === "zh" ? "亩" : "mu"}
                    </span>
                  </span>
                  {title ? <span className="cand__name">{title}</span> : null}
                  <span className="cand__reasons">
                    <ReallocationTags parcel={p} lang={lang} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {candidates.length > MAX_LISTED ? (
        <p className="muted cand-more">
          {tr("candidatesMore", { n: candidates.length - MAX_LISTED })}{" "}
          <button
            type="button"
            className="link-btn"
            data-testid="candidates.showAll"
            onClick={() => setFilter({ candidateOnly: true })}
          >
            {tr("candidatesInTable")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
