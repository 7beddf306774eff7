/**
 * The meeting's large parcel card: who and where, why it is on the agenda (labels and patterns,
 * never hue alone), the indicators against the standards, the idle dates and fee, the reasons in
 * plain words, the area and what a compliant project would bring, and the notes and photos.
 */
import { type AgendaKind, agendaKind } from "../../domain/agenda";
import { reallocationPotential } from "../../domain/reallocation";
import { ThresholdResolver } from "../../domain/standards";
import type { AnalysedParcel, Standards } from "../../domain/types";
import { IDLE_STATUS_LABELS, reallocationReasonLabels } from "../../domain/vocabulary";
import type { Lang } from "../../i18n/lang";
import { meetingText } from "../../i18n/meeting";
import { formatCheck, formatReason, fieldLabel as reasonFieldLabel } from "../../i18n/reasons";
import { DASH, formatNumber } from "../format";
import { Attachments } from "./Attachments";

const KIND_KEY: Record<AgendaKind, "candidate" | "belowStandard" | "manual"> = {
  candidate: "candidate",
  "below-standard": "belowStandard",
  manual: "manual",
};

const money = (v: number | null, lang: Lang) => (v === null ? DASH : formatNumber(v, 0, lang));

export function ParcelCard({
  parcel: p,
  standards,
  lang,
}: {
  parcel: AnalysedParcel;
  standards: Standards | null;
  lang: Lang;
}) {
  const kind = agendaKind(p) ?? "manual";
  const c = p.computed;
  const idle = c.idleStatus;
  const potential = standards ? reallocationPotential(p, new ThresholdResolver(standards)) : null;
  const dates: [string, string | undefined][] = [
    ["agreedStartDate", p.input.agreedStartDate],
    ["actualStartDate", p.input.actualStartDate],
    ["haltedSince", p.input.haltedSince],
  ];
  const reasons = [...p.idleReasons, ...p.efficiencyReasons];
  return (
    <article className="mt-card" data-testid="meeting.card" data-parcel={p.input.id}>
      <header className="mt-card__head">
        <h2 className="mt-card__id">{p.input.id}</h2>
        <p className="mt-card__who">
          {[p.input.enterprise, p.input.name].filter(Boolean).join(" · ") || DASH}
        </p>
        <p className="mt-card__tags">
          <span className={`mt-tag mt-tag--${kind}`}>{meetingText(KIND_KEY[kind], lang)}</span>
          {reallocationReasonLabels(c.reallocationReasons, lang).map((r) => (
            <span key={r} className="mt-tag mt-tag--reason">
              {r}
            </span>
          ))}
        </p>
      </header>

      <p className="mt-card__area" data-testid="meeting.card.area">
        {meetingText("area", lang, {
          mu: formatNumber(c.areaMu, 2, lang),
          m2: formatNumber(potential?.areaM2 ?? c.areaM2, 0, lang),
        })}
      </p>

      <section className="mt-card__sec" aria-label={meetingText("idle", lang)}>
        <h3>{meetingText("idle", lang)}</h3>
        <p data-testid="meeting.card.idle">
          <strong className={idle === "none" ? "" : "mt-flag"}>{IDLE_STATUS_LABELS[idle][lang]}</strong>
          {c.idleFee !== null
            ? ` · ${meetingText("idleFee", lang, { fee: formatNumber(c.idleFee, 2, lang) })}`
            : ""}
        </p>
        <dl className="mt-dates">
          {dates
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{reasonFieldLabel(k, lang)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </section>

      <section className="mt-card__sec" aria-label={meetingText("reasons", lang)}>
        <h3>{meetingText("reasons", lang)}</h3>
        <ul className="mt-reasons" data-testid="meeting.card.reasons">
          {reasons.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id; the list is rebuilt per parcel
            <li key={i}>{formatReason(r, lang)}</li>
          ))}
        </ul>
      </section>

      <section className="mt-card__sec" aria-label={meetingText("indicators", lang)}>
        <h3>{meetingText("indicators", lang)}</h3>
        {p.checks.length === 0 ? (
          <p>{meetingText("noChecks", lang)}</p>
        ) : (
          <ul className="mt-checks" data-testid="meeting.card.checks">
            {p.checks.map((ch) => (
              <li key={`${ch.indicator}-${ch.kind}`} className={`mt-check mt-check--${ch.status}`}>
                <span className="mt-check__mark" aria-hidden="true">
                  {ch.status === "pass" ? "✓" : ch.status === "fail" ? "✗" : "?"}
                </span>
                {formatCheck(ch, lang)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {potential && (
        <section className="mt-card__sec" aria-label={meetingText("potential", lang)}>
          <h3>{meetingText("potential", lang)}</h3>
          {potential.investment === null && potential.output === null && potential.tax === null ? (
            <p>{meetingText("potentialNone", lang)}</p>
          ) : (
            <ul className="mt-potential" data-testid="meeting.card.potential">
              {potential.investment !== null && (
                <li>{meetingText("potentialInvestment", lang, { v: money(potential.investment, lang) })}</li>
              )}
              {potential.output !== null && (
                <li>
                  {meetingText("potentialOutput", lang, {
                    v: money(potential.output, lang),
                    now: money(potential.currentOutput, lang),
                  })}
                </li>
              )}
              {potential.tax !== null && (
                <li>
                  {meetingText("potentialTax", lang, {
                    v: money(potential.tax, lang),
                    now: money(potential.currentTax, lang),
                  })}
                </li>
              )}
            </ul>
          )}
        </section>
      )}

      <Attachments parcelId={p.input.id} lang={lang} />
    </article>
  );
}
