/**
 * The planner's map tools: place a facility of the kind being planned as a point or draw its
 * site, move the selected facility, draw the bus line (routed along the roads through the clicked
 * stops, or as clicked). Buttons, so they are reached by Tab; the map's keys (Enter finishes,
 * Backspace removes a point, Esc cancels) are the map toolbar's. Without a mouse: 布设到所选地块
 * places the facility on the parcel selected in the table, and the facility form takes typed
 * coordinates.
 */
import { representativePoint } from "../../domain/representative-point";
import { fill } from "../../i18n/lang";
import { FACILITY_KIND_TEXT, PLANNER_UI, type PlannerUiKey } from "../../i18n/planner";
import { selectPlanFacilities } from "../../state/planner";
import { useAppStore } from "../../state/store";
import type { PlannerToolId } from "../../state/types";
import { useLang } from "../hooks";
import { addFacilityStep, newFacilityId } from "./planEdits";
import { usePt } from "./usePt";

const TOOLS: { id: PlannerToolId; label: PlannerUiKey }[] = [
  { id: "place-point", label: "toolPlacePoint" },
  { id: "place-polygon", label: "toolPlacePolygon" },
  { id: "move-facility", label: "toolMove" },
  { id: "draw-bus", label: "toolBus" },
];

export function PlanTools() {
  const lang = useLang();
  const pt = usePt();
  const tool = useAppStore((s) => s.mapTool);
  const setMapTool = useAppStore((s) => s.setMapTool);
  const kind = useAppStore((s) => s.plannerKind);
  const selectedFacility = useAppStore((s) => s.plannerFacilityId);
  const facilities = useAppStore(selectPlanFacilities);
  const busRouted = useAppStore((s) => s.busRouted);
  const setBusRouted = useAppStore((s) => s.setBusRouted);
  const notice = useAppStore((s) => s.plannerNotice);
  const setNotice = useAppStore((s) => s.setPlannerNotice);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const byId = useAppStore((s) => s.byId);
  const commitEdits = useAppStore((s) => s.commitEdits);
  const selectFacility = useAppStore((s) => s.selectFacility);
  const kindText = FACILITY_KIND_TEXT[kind][lang];
  const movable = facilities.some((f) => f.id === selectedFacility && f.kind !== "bus");
  const parcelId = selectedIds.size === 1 ? [...selectedIds][0] : undefined;
  const parcel = parcelId ? byId.get(parcelId) : undefined;

  const hint =
    tool === "place-point"
      ? pt("hintPlacePoint", { kind: kindText })
      : tool === "place-polygon"
        ? pt("hintPlacePolygon")
        : tool === "move-facility"
          ? pt("hintMove")
          : tool === "draw-bus"
            ? busRouted
              ? pt("hintBusRouted")
              : pt("hintBus")
            : null;

  const placeOnParcel = () => {
    const point = parcel ? representativePoint(parcel.geometry) : null;
    if (!parcelId || !point || kind === "bus") return;
    const id = newFacilityId(facilities);
    const step = addFacilityStep(
      {
        id,
        kind,
        status: "proposed",
        name: fill(PLANNER_UI.proposedName[lang], { kind: kindText, parcel: parcelId }),
        geometry: { type: "Point", coordinates: point },
      },
      "facility-place",
    );
    commitEdits(step.label, step.edits);
    selectFacility(id);
  };

  return (
    <div className="planner__tools" data-testid="planner.tools">
      <h3 className="planner__subtitle">{pt("tools")}</h3>
      <div role="toolbar" aria-label={pt("tools")} className="planner__toolbar">
        {TOOLS.map((t) => {
          const disabled =
            (t.id === "move-facility" && !movable) ||
            ((t.id === "place-point" || t.id === "place-polygon") && kind === "bus");
          return (
            <button
              key={t.id}
              type="button"
              aria-pressed={tool === t.id}
              disabled={disabled}
              data-testid={`planner.tool.${t.id}`}
              onClick={() => {
                setNotice(null);
                setMapTool(tool === t.id ? "select" : t.id);
              }}
            >
              {pt(t.label)}
            </button>
          );
        })}
      </div>
      <label className="small">
        <input type="checkbox" checked={busRouted} onChange={(e) => setBusRouted(e.target.checked)} />{" "}
        {pt("busRouted")}
      </label>
      {kind !== "bus" ? (
        <p>
          <button
            type="button"
            className="linklike small"
            disabled={!parcel}
            data-testid="planner.placeOnParcel"
            aria-label={parcelId ? pt("placeOnParcelLabel", { parcel: parcelId, kind: kindText }) : undefined}
            onClick={placeOnParcel}
          >
            {pt("placeOnParcel")}
            {parcelId ? `（${parcelId}）` : ""}
          </button>
        </p>
      ) : null}
      {hint ? (
        <p className="planner__hint" aria-live="polite" data-testid="planner.hint">
          {hint}{" "}
          <button type="button" className="linklike small" onClick={() => setMapTool("select")}>
            {pt("toolCancel")}
          </button>
        </p>
      ) : null}
      {notice ? (
        <p role="alert" className="planner__notice" data-testid="planner.notice">
          {fill(PLANNER_UI[notice.code as PlannerUiKey]?.[lang] ?? notice.code, notice.params)}{" "}
          <button type="button" className="linklike small" onClick={() => setNotice(null)}>
            {pt("dismiss")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
