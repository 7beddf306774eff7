/**
 * Entering and leaving meeting mode. Entering remembers what meeting mode changes (the map's
 * view, the selection) and gives the map the high-contrast projector style; leaving puts all of it
 * back, so the desk layout is as it was. The layout itself (header, left panel and table hidden)
 * is CSS keyed on the app's `data-mode="meeting"`, so nothing of it is stored or lost.
 */
import type { MapControllerApi, MapViewState } from "../../map/api";
import type { AppStore } from "../../state/store";

interface Saved {
  view: MapViewState | null;
  selection: string[];
}

let saved: Saved | null = null;

type MapLike = Pick<MapControllerApi, "getView" | "setView" | "setTheme"> | null;

export function enterMeeting(store: AppStore, map: MapLike): void {
  const s = store.getState();
  if (s.mode === "meeting") return;
  saved = { view: map ? map.getView() : null, selection: [...s.selectedIds] };
  s.setMode("meeting");
  map?.setTheme("projector");
}

export function leaveMeeting(store: AppStore, map: MapLike): void {
  const s = store.getState();
  if (s.mode !== "meeting") return;
  s.setMode("analysis");
  map?.setTheme(s.theme);
  if (saved) {
    if (saved.view && map) map.setView(saved.view);
    s.select(saved.selection, "replace");
  }
  saved = null;
}

export function toggleMeeting(store: AppStore, map: MapLike): void {
  if (store.getState().mode === "meeting") leaveMeeting(store, map);
  else enterMeeting(store, map);
}
