/** Entering meeting mode gives the map the projector style; leaving restores the map view, style and selection. */
import { describe, expect, it } from "vitest";
import type { MapViewState } from "../../../src/map/api";
import { enterMeeting, leaveMeeting, toggleMeeting } from "../../../src/ui/meeting/session";
import { freshStore } from "../state/helpers";

function fakeMap(view: MapViewState) {
  const calls: string[] = [];
  let current = view;
  return {
    calls,
    getView: () => current,
    setView: (v: Partial<MapViewState>) => {
      current = { ...current, ...v };
      calls.push(`view ${JSON.stringify(v.center)} ${v.zoom}`);
    },
    setTheme: (t: "default" | "projector") => calls.push(`theme ${t}`),
    move: (v: MapViewState) => {
      current = v;
    },
  };
}

describe("meeting session", () => {
  it("restores the desk's view, theme and selection on leaving", () => {
    const store = freshStore();
    store.getState().select(["HTK-001", "HTK-002"]);
    const desk = { center: [109.7, 30.6], zoom: 14 } as unknown as MapViewState;
    const map = fakeMap(desk);
    enterMeeting(store, map);
    expect(store.getState().mode).toBe("meeting");
    expect(map.calls).toEqual(["theme projector"]);
    // The meeting moves the map and selects the parcel under discussion.
    map.move({ center: [109.8, 30.5], zoom: 18 } as unknown as MapViewState);
    store.getState().select(["DYB-009"], "replace");
    leaveMeeting(store, map);
    expect(store.getState().mode).toBe("analysis");
    expect(map.calls.slice(1)).toEqual(["theme default", "view [109.7,30.6] 14"]);
    expect([...store.getState().selectedIds].sort()).toEqual(["HTK-001", "HTK-002"]);
  });
  it("toggles; entering twice keeps the first saved view", () => {
    const store = freshStore();
    const map = fakeMap({ center: [1, 2], zoom: 3 } as unknown as MapViewState);
    toggleMeeting(store, map);
    map.move({ center: [5, 6], zoom: 9 } as unknown as MapViewState);
    enterMeeting(store, map);
    toggleMeeting(store, map);
    expect(store.getState().mode).toBe("analysis");
    expect(map.getView()).toMatchObject({ center: [1, 2], zoom: 3 });
  });
});
