/**
 * The legend of the plan overlay on the map: what each service-area shape is and why it is drawn
 * that way (the area served along the roads is the coverage rule itself, on a grid; not a buffer
 * or a hull), the uncovered parcels (with a switch), the bus line. Colours from `map/plan-style.ts`.
 */
import { serviceDistanceM } from "../../domain/coverage";
import { FACILITY_KIND_TEXT } from "../../i18n/planner";
import { PLAN_COLORS } from "../../map/plan-style";
import { useAppStore } from "../../state/store";
import { useLang } from "../hooks";
import { usePt } from "./usePt";

function Swatch({ kind, color }: { kind: "line" | "dash" | "fill" | "hatch" | "stop"; color: string }) {
  const style: React.CSSProperties =
    kind === "fill"
      ? { background: `${color}40`, border: `1.5px solid ${color}` }
      : kind === "hatch"
        ? { background: `${color}38`, border: `1.5px dashed ${color}` }
        : kind === "dash"
          ? { borderTop: `2px dashed ${color}`, height: 0, marginTop: 7 }
          : kind === "stop"
            ? {
                border: `2.5px solid ${color}`,
                borderRadius: "50%",
                background: "#fff",
                width: 10,
                height: 10,
              }
            : { borderTop: `4px solid ${color}`, height: 0, marginTop: 6 };
  return <span className="planner__swatch" style={style} aria-hidden="true" />;
}

export function PlanLegend() {
  const lang = useLang();
  const pt = usePt();
  const kind = useAppStore((s) => s.plannerKind);
  const plan = useAppStore((s) => s.plan);
  const show = useAppStore((s) => s.plannerShowUncovered);
  const setShow = useAppStore((s) => s.setPlannerShowUncovered);
  const standards = useAppStore((s) => s.standards);
  const services = standards?.standards.services ?? {};
  const r = serviceDistanceM(kind, services);
  const area = plan?.serviceAreas.find((a) => a.kind === kind && a.cellM !== null);
  const kindText = FACILITY_KIND_TEXT[kind][lang];
  return (
    <section className="planner__legend" aria-label={pt("legendTitle")} data-testid="planner.legend">
      <h3 className="planner__subtitle">
        {pt("legendTitle")}：{kindText}
      </h3>
      <ul>
        <li>
          <Swatch kind="dash" color={PLAN_COLORS.circle} />
          {pt("legendCircle", { m: r })}
        </li>
        {plan?.method === "road" ? (
          <>
            <li>
              <Swatch kind="fill" color={PLAN_COLORS.roadArea} />
              {pt("legendRoadArea", { m: r, cell: area?.cellM ?? Math.max(10, Math.round(r / 40)) })}
            </li>
            <li>
              <Swatch kind="line" color={PLAN_COLORS.roadReach} />
              {pt("legendRoadReach")}
            </li>
          </>
        ) : null}
        <li>
          <label>
            <input
              type="checkbox"
              checked={show}
              data-testid="planner.showUncovered"
              onChange={(e) => setShow(e.target.checked)}
            />{" "}
            <Swatch kind="hatch" color={PLAN_COLORS.uncovered} />
            {pt("legendUncovered", { kind: kindText })}
          </label>
        </li>
        <li>
          <Swatch kind="stop" color={PLAN_COLORS.bus} />
          {pt("legendBus")}
        </li>
      </ul>
    </section>
  );
}
