/**
 * The layer list: show or hide the context layers (roads, facilities, zone boundaries, the central
 * urban area) and the flag overlay. Settings only: the map controller switches layer visibility
 * and re-sends no data. Persisted with the settings.
 */
import type { UiKey } from "../i18n/ui";
import { useAppStore } from "../state/store";
import { CONTEXT_LAYER_KEYS, type ContextLayerKey } from "../state/types";
import "./basemap.css";
import { useT } from "./hooks";

const LABEL: Record<ContextLayerKey, UiKey> = {
  roads: "layerRoads",
  facilities: "layerFacilities",
  zones: "layerZones",
  centralUrbanArea: "layerCentralUrbanArea",
};

export function LayerList() {
  const tr = useT();
  const visible = useAppStore((s) => s.contextVisible);
  const setVisible = useAppStore((s) => s.setContextVisible);
  const flagsVisible = useAppStore((s) => s.flagsVisible);
  const setFlagsVisible = useAppStore((s) => s.setFlagsVisible);
  return (
    <section className="panel" aria-labelledby="layers-h" data-testid="layers.panel">
      <h2 id="layers-h" className="panel__title">
        {tr("layers")}
      </h2>
      <fieldset className="layer-list" aria-labelledby="layers-h">
        <label className="check">
          <input
            type="checkbox"
            checked={flagsVisible}
            data-testid="layers.flags"
            onChange={(e) => setFlagsVisible(e.target.checked)}
          />
          <span>{tr("layerFlags")}</span>
        </label>
        {CONTEXT_LAYER_KEYS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={visible[k]}
              data-testid={`layers.${k}`}
              onChange={(e) => setVisible(k, e.target.checked)}
            />
            <span>{tr(LABEL[k])}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
