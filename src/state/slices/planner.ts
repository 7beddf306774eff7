/** The planner slice: the kind being sited, and the last coverage result from the backend. */
import type { StateCreator } from "zustand";
import type { AppState, PlannerSlice } from "../types";

export const initialPlanner = {
  plannerKind: "kindergarten",
  plannerGreedy: false,
  plan: null,
  planStatus: "idle",
  planError: null,
  plannerFacilityId: null,
  plannerShowUncovered: true,
  busRouted: true,
  plannerNotice: null,
} satisfies Partial<PlannerSlice>;

export const createPlannerSlice: StateCreator<AppState, [], [], PlannerSlice> = (set) => ({
  ...initialPlanner,
  setPlannerKind: (plannerKind) => set({ plannerKind }),
  setPlannerGreedy: (plannerGreedy) => set({ plannerGreedy }),
  selectFacility: (plannerFacilityId) => set({ plannerFacilityId }),
  setPlannerShowUncovered: (plannerShowUncovered) => set({ plannerShowUncovered }),
  setBusRouted: (busRouted) => set({ busRouted }),
  setPlannerNotice: (plannerNotice) => set({ plannerNotice }),
  planStarted: () => set({ planStatus: "running" }),
  planSucceeded: (plan) => set({ plan, planStatus: "idle", planError: null }),
  planFailed: (planError) => set({ planStatus: "error", planError }),
});
