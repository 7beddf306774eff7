/** One line saying what the app is doing: loading, analysing, done (with timing), or what failed. */
import { useAppStore } from "../state/store";
import { useT } from "./hooks";

export function StatusLine() {
  const tr = useT();
  const loadStatus = useAppStore((s) => s.loadStatus);
  const loadError = useAppStore((s) => s.loadError);
  const status = useAppStore((s) => s.status);
  const error = useAppStore((s) => s.error);
  const n = useAppStore((s) => s.result?.parcels.length ?? 0);
  const ms = useAppStore((s) => s.lastDurationMs);
  const asOf = useAppStore((s) => s.result?.asOf);
  let text: string;
  let cls = "status-line";
  if (loadStatus === "loading") text = tr("loading");
  else if (loadError) {
    text = tr("loadError", { error: loadError });
    cls += " status-line--error";
  } else if (status === "running") text = tr("analysing");
  else if (status === "error") {
    text = tr("analysisError", { error: error ?? "" });
    cls += " status-line--error";
  } else if (n > 0)
    text = `${tr("analysisDone", { n, ms: Math.round(ms ?? 0) })} · ${tr("asOf")} ${asOf ?? ""}`;
  else text = "";
  return (
    <p className={cls} role="status" aria-live="polite" data-testid="status.line" data-status={status}>
      {text}
    </p>
  );
}
