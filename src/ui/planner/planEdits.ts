/**
 * The planner's edits as data: a facility placed, drawn, moved, changed, deleted, or a bus line
 * drawn — each one undoable step of {@link FacilityEdit}s (`domain/edits.ts`), built here from
 * what the map tools hand over (lon/lat) and the store's state. Pure but for the road network
 * memo (routing a bus line runs here, on the page: one bounded Dijkstra per pair of stops).
 */
import type { LineString, MultiLineString, Polygon, Position } from "geojson";
import { routeThroughStops } from "../../domain/bus-line";
import type { FacilityKind } from "../../domain/coverage";
import { DEFAULT_ANALYSIS_CRS } from "../../domain/crs";
import type { FacilityEdit, StepLabel } from "../../domain/edits";
import { type PlanFacility, projectorTo, roadNetworkFrom } from "../../domain/facilities";
import { unprojectorFrom } from "../../domain/plan-features";
import { representativePoint } from "../../domain/representative-point";
import type { RoadNetwork } from "../../domain/road-network";
import type { DrawnGeometry } from "../../map/api";
import type { AppState, ContextData, PlannerToolId } from "../../state/types";

export interface PlanStep {
  label: StepLabel;
  edits: FacilityEdit[];
  /** Select this facility after the step. */
  select?: string;
}

/** A new facility id: `P001`, `P002` … not used by any facility of the plan. */
export function newFacilityId(existing: readonly PlanFacility[]): string {
  const ids = new Set(existing.map((f) => f.id));
  let n = existing.length + 1;
  while (ids.has(`P${String(n).padStart(3, "0")}`)) n++;
  return `P${String(n).padStart(3, "0")}`;
}

/** A step adding one facility. */
export function addFacilityStep(f: PlanFacility, code = "facility-add"): PlanStep {
  return {
    label: { code, params: { name: f.name ?? f.id, kind: f.kind } },
    edits: [{ kind: "facility", facilityId: f.id, before: null, after: f }],
    select: f.id,
  };
}

/** A step changing one facility (attributes or geometry), or `null` when nothing changes. */
export function changeFacilityStep(
  before: PlanFacility,
  after: PlanFacility,
  code = "facility-edit",
): PlanStep | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  return {
    label: { code, params: { name: after.name ?? after.id } },
    edits: [{ kind: "facility", facilityId: before.id, before, after }],
    select: after.id,
  };
}

export function deleteFacilityStep(f: PlanFacility): PlanStep {
  return {
    label: { code: "facility-delete", params: { name: f.name ?? f.id } },
    edits: [{ kind: "facility", facilityId: f.id, before: f, after: null }],
  };
}

/** A facility's point: its own, its site's representative point, a bus line's first stop. */
export function facilityPoint(f: PlanFacility): [number, number] | null {
  const g = f.geometry;
  if (g.type === "Point") return [g.coordinates[0] as number, g.coordinates[1] as number];
  if (g.type === "Polygon" || g.type === "MultiPolygon") return representativePoint(g);
  const s = f.stops?.[0];
  return s ? [s[0] as number, s[1] as number] : null;
}

/** The facility moved so that its point is at `to` (a site polygon moves as a whole). */
export function movedFacility(f: PlanFacility, to: [number, number]): PlanFacility {
  const g = f.geometry;
  if (g.type === "Point") return { ...f, geometry: { type: "Point", coordinates: to } };
  const from = facilityPoint(f);
  if (!from) return f;
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const shift = (p: Position): Position => [(p[0] as number) + dx, (p[1] as number) + dy];
  if (g.type === "Polygon")
    return { ...f, geometry: { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(shift)) } };
  if (g.type === "MultiPolygon")
    return {
      ...f,
      geometry: { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(shift))) },
    };
  return f;
}

const networkMemo = new WeakMap<ContextData, Map<string, RoadNetwork | null>>();
/** The road network of the context layer in the analysis CRS (built once per context and CRS). */
function networkOf(context: ContextData | null, crs: string): RoadNetwork | null {
  if (!context || context.roads.features.length === 0) return null;
  let m = networkMemo.get(context);
  if (!m) {
    m = new Map();
    networkMemo.set(context, m);
  }
  if (!m.has(crs))
    m.set(
      crs,
      roadNetworkFrom(
        context.roads.features.map((f) => f.geometry as LineString | MultiLineString),
        projectorTo(crs),
      ),
    );
  return m.get(crs) ?? null;
}

/** The line routed along the roads through the stops (lon/lat), or which pair failed. */
export function routeBus(
  context: ContextData | null,
  crs: string,
  stops: readonly [number, number][],
): { ok: true; line: [number, number][] } | { ok: false; failedPair: number | null } {
  const net = networkOf(context, crs);
  if (!net) return { ok: false, failedPair: null };
  const project = projectorTo(crs);
  const unproject = unprojectorFrom(crs);
  const got = routeThroughStops(net, stops.map(project));
  if (!got.ok) return { ok: false, failedPair: got.failedPair };
  return { ok: true, line: got.line.map(unproject) };
}

type PlanState = Pick<
  AppState,
  "plannerKind" | "plannerFacilityId" | "busRouted" | "context" | "dataset" | "standards" | "lang"
>;

export type DrawOutcome =
  | { ok: true; step: PlanStep }
  | { ok: false; notice: { code: string; params?: Record<string, string | number> } };

/** The default name of a facility placed on the map: `幼儿园（新建 P003）`. */
export function placedName(kindText: string, id: string, lang: "zh" | "en"): string {
  return lang === "zh" ? `${kindText}（新建 ${id}）` : `${kindText} (new ${id})`;
}

/**
 * What a finished drawing does with the planner tool that drew it: place a facility of the kind
 * being planned (a point, or a site polygon), move the selected facility there, or draw the bus
 * line (routed along the roads through the clicked stops, or the clicked line itself with its
 * vertices as stops). A placed facility is `proposed`, as an accepted suggestion is.
 */
export function drawnStep(
  s: PlanState,
  plan: readonly PlanFacility[],
  tool: PlannerToolId,
  g: DrawnGeometry,
  kindText: (k: FacilityKind) => string,
): DrawOutcome {
  const crs = s.dataset?.analysisCrs ?? s.standards?.standards.analysisCrs ?? DEFAULT_ANALYSIS_CRS;
  if (tool === "place-point" || tool === "place-polygon") {
    if (s.plannerKind === "bus") return { ok: false, notice: { code: "busUseLineTool" } };
    if (tool === "place-point" && g.type !== "Point") return { ok: false, notice: { code: "drawFailed" } };
    if (tool === "place-polygon" && g.type !== "Polygon")
      return { ok: false, notice: { code: "drawFailed" } };
    const id = newFacilityId(plan);
    const f: PlanFacility = {
      id,
      kind: s.plannerKind,
      status: "proposed",
      name: placedName(kindText(s.plannerKind), id, s.lang),
      geometry: g.type === "Point" ? { type: "Point", coordinates: g.coordinates } : (g as Polygon),
    };
    return {
      ok: true,
      step: addFacilityStep(f, tool === "place-point" ? "facility-place" : "facility-draw"),
    };
  }
  if (tool === "move-facility") {
    const f = plan.find((x) => x.id === s.plannerFacilityId);
    if (!f || f.kind === "bus" || g.type !== "Point") return { ok: false, notice: { code: "moveNothing" } };
    const step = changeFacilityStep(f, movedFacility(f, g.coordinates), "facility-move");
    return step ? { ok: true, step } : { ok: false, notice: { code: "moveNothing" } };
  }
  // draw-bus
  if (g.type !== "LineString") return { ok: false, notice: { code: "drawFailed" } };
  const stops = g.coordinates;
  let line = stops;
  if (s.busRouted) {
    const routed = routeBus(s.context, crs, stops);
    if (!routed.ok)
      return {
        ok: false,
        notice:
          routed.failedPair === null
            ? { code: "routeNoRoads" }
            : { code: "routeFailed", params: { from: routed.failedPair + 1, to: routed.failedPair + 2 } },
      };
    line = routed.line;
  }
  const selected = plan.find((x) => x.id === s.plannerFacilityId && x.kind === "bus");
  const own = selected ?? plan.find((x) => x.kind === "bus" && x.status !== "existing");
  const geometry: LineString = { type: "LineString", coordinates: line };
  if (own) {
    const step = changeFacilityStep(own, { ...own, geometry, stops }, "bus-redraw");
    if (step) return { ok: true, step };
    return { ok: false, notice: { code: "drawFailed" } };
  }
  const id = newFacilityId(plan);
  return {
    ok: true,
    step: addFacilityStep(
      { id, kind: "bus", status: "proposed", name: placedName(kindText("bus"), id, s.lang), geometry, stops },
      "bus-draw",
    ),
  };
}
