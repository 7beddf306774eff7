/** The banner saying the sample data is synthetic (shown while a synthetic dataset is loaded). */
import { useAppStore } from "../state/store";
import { useT } from "./hooks";

export function DataNotice() {
  const tr = useT();
  const synthetic = useAppStore((s) => s.dataset?.synthetic ?? true);
  const surveyDate = useAppStore((s) => s.dataset?.surveyDate);
  if (!synthetic) return null;
  return (
    <div className="notice" role="note" data-testid="data.notice">
      <strong className="notice__badge">{tr("syntheticBadge")}</strong>
      <span>{tr("syntheticNotice")}</span>
      {surveyDate ? (
        <span className="notice__date">
          {tr("surveyDate")} {surveyDate}
        </span>
      ) : null}
    </div>
  );
}
