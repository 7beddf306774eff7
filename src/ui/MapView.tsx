/**
 * The map. React creates the one `MapController` once (in a ref) and hands it to the binding
 * (`mapBinding.ts`), which feeds it from the store outside React: panning, hovering and
 * recolouring never re-render React.
 */
import { useEffect, useRef, useState } from "react";
import type { MapControllerApi } from "../map/api";
import { MapController } from "../map/controller";
import { useAppStore } from "../state/store";
import { BasemapNotice } from "./BasemapNotice";
import { useT } from "./hooks";
import { basemapOf, bindMap } from "./mapBinding";

export interface MapViewProps {
  /** Called once with the controller after it is created (and with null when it is destroyed). */
  onController?(controller: MapControllerApi | null): void;
}

export function MapView({ onController }: MapViewProps) {
  const tr = useT();
  const container = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const onControllerRef = useRef(onController);
  onControllerRef.current = onController;
  /** The controller reported that the basemap's tiles fail (cleared when they load or the basemap changes). */
  const [basemapFailed, setBasemapFailed] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el || controller.current) return;
    const s = useAppStore.getState();
    const basemap = basemapOf(s);
    performance.mark("jiyue:map-create");
    const c = new MapController(el, { lang: s.lang, theme: s.theme, basemap });
    const offBasemap = c.on("basemapStatus", (status) => setBasemapFailed(status === "failed"));
    performance.mark("jiyue:map-created");
    controller.current = c;
    const unbind = bindMap(useAppStore, c);
    onControllerRef.current?.(c);
    return () => {
      offBasemap();
      unbind();
      onControllerRef.current?.(null);
      c.destroy();
      controller.current = null;
    };
  }, []);

  return (
    <>
      <section ref={container} className="map" data-testid="map" aria-label={tr("mapLabel")} />
      <BasemapNotice failed={basemapFailed} />
    </>
  );
}
