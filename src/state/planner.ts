/**
 * The six-ones planner's state: the plan's facilities (the context layer's six-ones facilities
 * with the user's facility edits applied: derived, never stored) and the worker's coverage of
 * them. `connectPlanner` asks the backend for coverage whenever the planner is open and the
 * parcels, their edits, the facilities, the roads, the standards or the kind to site change.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { isFacilityKind } from "../domain/coverage";
import { applyFacilityEdits, facilityEdits } from "../domain/edits";
import type { PlanFacility } from "../domain/facilities";
import { planFeatures } from "../domain/plan-features";
import { facilitiesFromFeatures } from "../io/plan-read";
import type { AnalysisBackend } from "../worker/protocol";
import { baseData, type Connection, connectLatest, contextRoads } from "./requests";
import type { AppStore } from "./store";
import type { AppState, ContextData } from "./types";

const baseCache = new WeakMap<ContextData, PlanFacility[]>();
/** The six-ones facilities of the loaded context layer (the base of the plan). */
export function baseFacilities(context: ContextData | null): PlanFacility[] {
  if (!context) return [];
  let base = baseCache.get(context);
  if (!base) {
    base = facilitiesFromFeatures(context.facilities.features, "facilities.geojson").items;
    baseCache.set(context, base);
  }
  return base;
}

const planCache = new WeakMap<object, { base: PlanFacility[]; plan: PlanFacility[] }>();
/** The plan's facilities: base plus the applied facility edits (memoised per history and base). */
export function selectPlanFacilities(s: Pick<AppState, "context" | "history">): PlanFacility[] {
  const base = baseFacilities(s.context);
  const hit = planCache.get(s.history);
  if (hit && hit.base === base) return hit.plan;
  const plan = applyFacilityEdits(base, facilityEdits(s.history));
  planCache.set(s.history, { base, plan });
  return plan;
}

const layerCache = new WeakMap<ContextData, { plan: PlanFacility[]; layers: ContextData }>();
/**
 * The context layers as the map shows them: the facilities layer carries the plan (the loaded
 * six-ones facilities with the user's edits: proposed sites appear, deleted ones go) beside the
 * context's other facilities (an incubator, a sewage plant). Bus lines are not drawn here.
 */
export function selectMapContext(s: Pick<AppState, "context" | "history">): ContextData | null {
  const ctx = s.context;
  if (!ctx) return null;
  const plan = selectPlanFacilities(s);
  const hit = layerCache.get(ctx);
  if (hit && hit.plan === plan) return hit.layers;
  const others = ctx.facilities.features.filter((f) => !isFacilityKind(f.properties?.kind));
  const planned = plan
    .filter((f) => f.geometry.type === "Point" || f.geometry.type === "Polygon")
    .map((f) => ({
      type: "Feature" as const,
      properties: {
        id: f.id,
        kind: f.kind,
        name: f.name ?? f.id,
        status: f.status,
        capacity: f.capacity ?? null,
      },
      geometry: f.geometry as Point | Polygon,
    }));
  const layers: ContextData = {
    ...ctx,
    facilities: { ...ctx.facilities, features: [...others, ...planned] },
  };
  layerCache.set(ctx, { plan, layers });
  return layers;
}

/** The facilities whose service areas the map shows: those of the kind being planned, and the selected one. */
export function areasFor(
  s: Pick<AppState, "context" | "history" | "plannerKind" | "plannerFacilityId">,
): string[] {
  const plan = selectPlanFacilities(s);
  const ids = plan.filter((f) => f.kind === s.plannerKind).map((f) => f.id);
  if (
    s.plannerFacilityId &&
    !ids.includes(s.plannerFacilityId) &&
    plan.some((f) => f.id === s.plannerFacilityId)
  )
    ids.push(s.plannerFacilityId);
  return ids;
}

const EMPTY_OVERLAY: FeatureCollection = { type: "FeatureCollection", features: [] };
let overlayMemo: { key: unknown[]; out: FeatureCollection } | null = null;
/**
 * The plan overlay the map draws in the planner (nothing in the other workspaces): the service
 * areas of the kind being planned (and of the selected facility), the parcels no facility of
 * that kind covers, the bus lines and their stops (`planFeatures`, shared with print).
 */
export function selectPlanOverlay(
  s: Pick<
    AppState,
    | "mode"
    | "context"
    | "history"
    | "plan"
    | "plannerKind"
    | "plannerFacilityId"
    | "plannerShowUncovered"
    | "byId"
  >,
): FeatureCollection {
  if (s.mode !== "facilities") return EMPTY_OVERLAY;
  const facilities = selectPlanFacilities(s);
  const key = [facilities, s.plan, s.plannerKind, s.plannerFacilityId, s.plannerShowUncovered, s.byId];
  if (overlayMemo?.key.every((v, i) => v === key[i])) return overlayMemo.out;
  const present = new Set(facilities.map((f) => f.id));
  const shown = new Set(areasFor(s));
  const uncovered: { id: string; geometry: Polygon | MultiPolygon }[] = [];
  if (s.plannerShowUncovered && s.plan)
    for (const id of s.plan.byKind[s.plannerKind]?.uncoveredIds ?? []) {
      const p = s.byId.get(id);
      if (p) uncovered.push({ id, geometry: p.geometry });
    }
  const out = planFeatures({
    facilities,
    serviceAreas: (s.plan?.serviceAreas ?? []).filter(
      (a) => present.has(a.facilityId) && shown.has(a.facilityId),
    ),
    uncovered,
    selectedFacilityId: s.plannerFacilityId,
  });
  overlayMemo = { key, out };
  return out;
}

/** The plan's coverage and site suggestions, asked again whenever the planner's inputs change. */
export function connectPlanner(store: AppStore, backend: AnalysisBackend): Connection {
  return connectLatest(
    store,
    (s) => [
      s.mode,
      s.dataset,
      s.history,
      s.context,
      s.standards,
      s.plannerKind,
      s.plannerGreedy,
      s.plannerFacilityId,
    ],
    (s) => {
      if (s.mode !== "facilities" || !s.dataset?.ok) return null;
      s.planStarted();
      return backend.request("coverage", {
        ...baseData(s.dataset, s.history),
        facilities: selectPlanFacilities(s),
        roads: contextRoads(s.context),
        services: s.standards?.standards.services ?? {},
        suggest: { kind: s.plannerKind, count: 5, greedy: s.plannerGreedy },
        areasFor: areasFor(s),
      });
    },
    (res) => store.getState().planSucceeded(res),
    (message) => store.getState().planFailed(message),
  );
}
