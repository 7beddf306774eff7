/** Tools slice: the active map tool and the measure tool's result (not persisted). */
import type { StateCreator } from "zustand";
import type { AppState, MapToolId, ToolsSlice } from "../types";

export const initialTools = {
  mapTool: "select" as MapToolId,
  measurement: null,
} satisfies Partial<ToolsSlice>;

export const createToolsSlice: StateCreator<AppState, [], [], ToolsSlice> = (set) => ({
  ...initialTools,
  // A new tool starts with nothing measured.
  setMapTool: (mapTool) => set((s) => (s.mapTool === mapTool ? {} : { mapTool, measurement: null })),
  setMeasurement: (measurement) => set({ measurement }),
});
