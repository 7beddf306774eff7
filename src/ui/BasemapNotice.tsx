/**
 * A non-blocking notice over the map when the basemap's tiles cannot be loaded (no network, a
 * wrong address or key): it names the basemap, says the map data is not affected and offers
 * 无底图. The controller reports a failure once per basemap choice (`basemapStatus`) and clears it
 * when tiles load or the basemap changes; 关闭 hides it until the next failure.
 */
import { useEffect, useState } from "react";
import { useAppStore } from "../state/store";
import { useT } from "./hooks";

export interface BasemapNoticeProps {
  /** The current basemap's tiles fail to load. */
  failed: boolean;
}

export function BasemapNotice({ failed }: BasemapNoticeProps) {
  const tr = useT();
  const basemap = useAppStore((s) => s.basemap);
  const customName = useAppStore((s) => s.customBasemap?.name ?? "");
  const setBasemap = useAppStore((s) => s.setBasemap);
  const [dismissed, setDismissed] = useState(false);
  // A new failure shows again after an earlier one was dismissed.
  useEffect(() => {
    if (failed) setDismissed(false);
  }, [failed]);
  if (!failed || dismissed || basemap === "none") return null;
  const name =
    basemap === "custom" ? customName : basemap === "tianditu" ? tr("basemapTianditu") : tr("basemapOsm");
  return (
    <div className="map-notice" role="status" data-testid="basemap.failed">
      <p className="map-notice__text">{tr("basemapFailed", { name })}</p>
      <div className="map-notice__actions">
        <button
          type="button"
          className="btn btn--quiet"
          data-testid="basemap.failed.none"
          onClick={() => setBasemap("none")}
        >
          {tr("basemapFailedNone")}
        </button>
        <button
          type="button"
          className="link-btn map-notice__close"
          aria-label={tr("noticeDismiss")}
          title={tr("noticeDismiss")}
          data-testid="basemap.failed.dismiss"
          onClick={() => setDismissed(true)}
        >
          ×
        </button>
      </div>
    </div>
  );
}
