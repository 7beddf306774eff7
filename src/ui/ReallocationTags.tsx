/**
 * A parcel's reallocation reasons as tags, worded by `reallocationReasonLabels` (the one text
 * source the detail, the candidate list and the exports share). The government-cause tag carries
 * the detail's full sentence as its tooltip.
 */
import type { AnalysedParcel } from "../domain/types";
import type { Lang } from "../i18n/lang";
import { formatReason, reallocationReasonLabels } from "../i18n/reasons";

export function ReallocationTags({ parcel, lang }: { parcel: AnalysedParcel; lang: Lang }) {
  const codes = parcel.computed.reallocationReasons;
  const labels = reallocationReasonLabels(codes, lang);
  const why = parcel.idleReasons.find((r) => r.code === "government-cause");
  return (
    <>
      {codes.map((r, i) => (
        <span
          key={r}
          className={`tag tag--${r}`}
          data-testid={`tag.${r}`}
          title={r === "government-cause" && why ? formatReason(why, lang) : undefined}
        >
          {labels[i]}
        </span>
      ))}
    </>
  );
}
