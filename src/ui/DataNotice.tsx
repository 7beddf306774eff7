/**
 * The banner about synthetic data: while a synthetic dataset (the sample) is loaded, that it is
 * synthetic; after the user imports their own parcels, that the context layers still on the map
 * (roads, facilities, zone outlines, urban area — the sample's) are synthetic sample context.
 */
import { useAppStore } from "../state/store";
import { useT } from "./hooks";

export function DataNotice() {
  const tr = useT();
  const synthetic = useAppStore((s) => s.dataset?.synthetic ?? true);
  const surveyDate = useAppStore((s) => s.dataset?.surveyDate);
  const hasContext = useAppStore((s) => s.context !== null);
  if (!synthetic)
    return hasContext ? (
      <div className="notice notice--context" role="note" data-testid="data.contextNotice">
        <strong className="notice__badge">{tr("sampleContextBadge")}</strong>
        <span>{tr("sampleContextNotice")}</span>
      </div>
    ) : null;
  return (
    <section className="notice" aria-label={tr("dataNotice")} data-testid="data.notice">
      <strong className="notice__badge">{tr("syntheticBadge")}</strong>
      <span>{tr("syntheticNotice")}</span>
      {surveyDate ? (
        <span className="notice__date">
          {tr("surveyDate")} {surveyDate}
        </span>
      ) : null}
    </section>
  );
}
