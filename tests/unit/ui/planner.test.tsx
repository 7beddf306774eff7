// @vitest-environment happy-dom
/**
 * The six-ones planner panel: the checklist's status per kind, coverage as the worker gave it,
 * accepting a suggestion as one undoable facility edit that the map's facility layer shows.
 */
import { act } from "react";
import { describe, expect, it } from "vitest";
import { SIX_ONES } from "../../../src/domain/coverage";
import { undoStep } from "../../../src/domain/edits";
import { undoText } from "../../../src/i18n/edits";
import { selectMapContext, selectPlanFacilities } from "../../../src/state/planner";
import { useAppStore } from "../../../src/state/store";
import type { ContextData } from "../../../src/state/types";
import { PlannerPanel } from "../../../src/ui/planner/PlannerPanel";
import type { CoverageResponse } from "../../../src/worker/protocol";
import { dataset, parcel, result } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const q = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

const context: ContextData = {
  zones: { type: "FeatureCollection", features: [] },
  roads: { type: "FeatureCollection", features: [] },
  centralUrbanArea: { type: "FeatureCollection", features: [] },
  facilities: {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { id: "F01", kind: "clinic", name: "卫生服务站", status: "existing" },
        geometry: { type: "Point", coordinates: [109.7, 30.6] },
      },
      {
        type: "Feature",
        properties: { id: "F06", kind: "kindergarten", name: "园区幼儿园", status: "planned" },
        geometry: { type: "Point", coordinates: [109.701, 30.6] },
      },
      {
        type: "Feature",
        properties: { id: "F03", kind: "incubator", name: "孵化园", status: "existing" },
        geometry: { type: "Point", coordinates: [109.702, 30.6] },
      },
    ],
  },
};

const kindCoverage = (kind: (typeof SIX_ONES)[number], share: number, baselineShare: number) => ({
  kind,
  baselineDemand: baselineShare * 1000,
  coveredDemand: share * 1000,
  share,
  baselineShare,
  uncoveredIds: share < 1 ? ["P1"] : [],
  facilityCount: 1,
});
const plan: CoverageResponse = {
  serviceAreas: [],
  nearest: {},
  totalDemand: 1000,
  method: "road",
  facilities: [],
  byKind: Object.fromEntries(
    SIX_ONES.map((k) => [
      k,
      kindCoverage(k, k === "clinic" ? 0.4 : k === "kindergarten" ? 0.25 : 0, k === "clinic" ? 0.4 : 0),
    ]),
  ) as CoverageResponse["byKind"],
  suggestions: [
    {
      parcelId: "P1",
      rank: 1,
      newlyCoveredDemand: 300,
      coveredDemand: 320,
      areaM2: 6666.67,
      landStatus: "unsupplied",
      roadDistanceM: 42,
      xy: [0, 0],
    },
  ],
  busLines: [],
  durationMs: 1,
};

describe("planner panel", () => {
  it("shows the six with status and coverage; accepting a site is one undoable facility edit on the map", () => {
    act(() => {
      const s = useAppStore.getState();
      s.setContext(context);
      s.setDataset(dataset());
      s.analysisSucceeded(result([parcel({ id: "P1", landStatus: "unsupplied" })]));
      s.planSucceeded(plan);
    });
    act(() => dom.root.render(<PlannerPanel />));
    expect(q("planner.row.clinic")?.dataset.status).toBe("existing");
    expect(q("planner.row.kindergarten")?.dataset.status).toBe("planned");
    expect(q("planner.row.school")?.dataset.status).toBe("missing");
    expect(q("planner.row.school")?.textContent).toContain("缺失");
    expect(q("planner.coverage.clinic")?.textContent).toContain("40.0%（现状 40.0%）");
    expect(q("planner.method")?.textContent).toContain("沿道路网计算");
    expect(q("planner.suggestion.1")?.textContent).toContain("P1");

    act(() => q("planner.accept.1")?.click());
    const facilities = selectPlanFacilities(useAppStore.getState());
    const added = facilities.find((f) => f.status === "proposed");
    expect(added).toMatchObject({ kind: "kindergarten", status: "proposed" });
    expect(facilities.map((f) => f.id)).toEqual(["F01", "F06", added?.id]);
    expect(undoText(undoStep(useAppStore.getState().history), "zh")).toBe("撤销：采纳选址 P1（幼儿园）");
    const mapFacilities = selectMapContext(useAppStore.getState())?.facilities.features ?? [];
    expect(mapFacilities.map((f) => f.properties?.id)).toEqual(["F03", "F01", "F06", added?.id]);
    expect(q(`planner.facility.${added?.id}`)).not.toBeNull();

    act(() => useAppStore.getState().undo());
    expect(selectPlanFacilities(useAppStore.getState()).map((f) => f.id)).toEqual(["F01", "F06"]);
    expect(q(`planner.facility.${added?.id}`)).toBeNull();
  });
});
