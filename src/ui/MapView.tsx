/**
 * The map. React creates the one map controller once (in a ref) through the factory it is given
 * (typed by `map/api.ts`: the UI never imports the concrete controller or MapLibre) and hands it
 * to the binding (`mapBinding.ts`), which feeds it from the store outside React: panning,
 * hovering and recolouring never re-render React. The map tools' toolbar sits over the map.
 */
import { useEffect, useRef, useState } from "react";
import type { MapControllerApi, MapFactory } from "../map/api";
import { useAppStore } from "../state/store";
import { BasemapNotice } from "./BasemapNotice";
import { useT } from "./hooks";
import { basemapOf, bindMap } from "./mapBinding";

export interface MapViewProps {
  /** Creates the map controller in the container (main.tsx passes the MapLibre one). */
  createMap: MapFactory;
  /** Called once with the controller after it is created (and with null when it is destroyed). */
  onController?(controller: MapControllerApi | null): void;
}

export function MapView({ createMap, onController }: MapViewProps) {
  const tr = useT();
  const container = useRef<HTMLElement>(null);
  const controller = useRef<MapControllerApi | null>(null);
  const createMapRef = useRef(createMap);
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
    const c = createMapRef.current(el, { lang: s.lang, theme: s.theme, basemap });
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
