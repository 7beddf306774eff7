/**
 * The map view kept with the work: the stored view is put back once the map has drawn the
 * restored data, and every view change (after a pan, zoom or framing ends) is saved. Uses the map
 * API's `getView`/`setView` and `viewChange` event where the controller has them.
 */
import type { MapControllerApi } from "../map/api";

export interface SavedView {
  center: [number, number];
  zoom: number;
}

/** The view parts of the map API (optional: a controller without them keeps no view). */
interface ViewCapable {
  setView?(view: Partial<SavedView>): void;
  getView?(): SavedView;
  on(event: string, handler: (view: SavedView) => void): () => void;
}

/** Put `view` back (if any), then save each later change through `save`. Returns a disconnect. */
export function bindViewPersistence(
  map: MapControllerApi,
  view: SavedView | null,
  save: (view: SavedView) => void,
): () => void {
  const m = map as unknown as ViewCapable;
  if (view && m.setView) m.setView(view);
  try {
    return m.on("viewChange", (v) => {
      if (v && Array.isArray(v.center) && Number.isFinite(v.zoom))
        save({ center: [v.center[0], v.center[1]], zoom: v.zoom });
    });
  } catch {
    return () => {};
  }
}
