/**
 * The six-ones (六个一) planner: the checklist of the six with status and coverage (existing vs
 * with the plan), the map tools (place, draw, move a facility; draw the bus line), the legend of
 * the service areas on the map, site suggestions for one kind (accept one: a proposed facility),
 * the plan's facilities (select one to see its service area and edit it), the bus-line figures,
 * and import/export. Coverage comes from the worker (`state/planner.ts`); every change is a
 * facility edit in the history (one undoable step).
 */
import type { KindCoverage } from "../../domain/coverage";
import { type FacilityKind, type FacilityStatus, SIX_ONES } from "../../domain/coverage";
import type { FacilityEdit } from "../../domain/edits";
import type { PlanFacility } from "../../domain/facilities";
import { representativePoint } from "../../domain/representative-point";
import { fill, type Lang } from "../../i18n/lang";
import {
  CHECKLIST_STATUS_TEXT,
  type ChecklistStatus,
  FACILITY_KIND_TEXT,
  PLANNER_UI,
  type PlannerUiKey,
  SPACING_TEXT,
} from "../../i18n/planner";
import { enumLabel } from "../../i18n/ui";
import { selectPlanFacilities } from "../../state/planner";
import { activeScenarioId, findScenario } from "../../state/slices/scenarios";
import { useAppStore } from "../../state/store";
import { formatArea, formatNumber } from "../format";
import { useLang } from "../hooks";
import { FacilityForm } from "./FacilityForm";
import { PlanExport } from "./PlanExport";
import { PlanLegend } from "./PlanLegend";
import { PlanTools } from "./PlanTools";
import { newFacilityId } from "./planEdits";

const STATUS_ORDER: FacilityStatus[] = ["existing", "planned", "proposed"];

function usePt(): (key: PlannerUiKey, params?: Record<string, unknown>) => string {
  const lang = useLang();
  return (key, params) => fill(PLANNER_UI[key][lang], params);
}

const pct = (x: number, lang: Lang) => `${formatNumber(x * 100, 1, lang)}%`;

/** The best status among a kind's facilities (existing before planned before proposed), or missing. */
export function checklistStatus(facilities: readonly PlanFacility[], kind: FacilityKind): ChecklistStatus {
  for (const s of STATUS_ORDER) if (facilities.some((f) => f.kind === kind && f.status === s)) return s;
  return "missing";
}

export function PlannerPanel() {
  const lang = useLang();
  const pt = usePt();
  const dataset = useAppStore((s) => s.dataset);
  const plan = useAppStore((s) => s.plan);
  const planStatus = useAppStore((s) => s.planStatus);
  const planError = useAppStore((s) => s.planError);
  const facilities = useAppStore(selectPlanFacilities);
  const kind = useAppStore((s) => s.plannerKind);
  const greedy = useAppStore((s) => s.plannerGreedy);
  const setKind = useAppStore((s) => s.setPlannerKind);
  const setGreedy = useAppStore((s) => s.setPlannerGreedy);
  const commitEdits = useAppStore((s) => s.commitEdits);
  const select = useAppStore((s) => s.select);
  const requestZoom = useAppStore((s) => s.requestZoom);
  const byId = useAppStore((s) => s.byId);
  const selectedFacility = useAppStore((s) => s.plannerFacilityId);
  const selectFacility = useAppStore((s) => s.selectFacility);
  const scenario = useAppStore((s) => findScenario(s, activeScenarioId(s)));

  if (!dataset?.ok)
    return (
      <section className="panel" aria-labelledby="planner-h">
        <h2 id="planner-h" className="panel__title">
          {pt("title")}
        </h2>
        <p className="muted">{pt("noData")}</p>
      </section>
    );

  const kindText = (k: FacilityKind) => FACILITY_KIND_TEXT[k][lang];
  const edit = (label: { code: string; params: Record<string, string> }, e: FacilityEdit) =>
    commitEdits(label, [e]);

  const accept = (parcelId: string) => {
    const parcel = byId.get(parcelId);
    const point = parcel ? representativePoint(parcel.geometry) : null;
    if (!point) return;
    const f: PlanFacility = {
      id: newFacilityId(facilities),
      kind,
      status: "proposed",
      name: fill(PLANNER_UI.proposedName[lang], { kind: kindText(kind), parcel: parcelId }),
      geometry: { type: "Point", coordinates: point },
    };
    edit(
      { code: "facility-accept", params: { parcelId, kind } },
      { kind: "facility", facilityId: f.id, before: null, after: f },
    );
  };

  const row = (k: FacilityKind, cov: KindCoverage | undefined) => {
    const status = checklistStatus(facilities, k);
    const names = facilities
      .filter((f) => f.kind === k)
      .map((f) => f.name ?? f.id)
      .join("、");
    return (
      <tr key={k} data-testid={`planner.row.${k}`} data-status={status}>
        <th scope="row">
          <button type="button" className="linklike" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {kindText(k)}
          </button>
          {names ? <div className="muted small">{names}</div> : null}
        </th>
        <td>
          <span className={`chip chip--${status}`}>{CHECKLIST_STATUS_TEXT[status][lang]}</span>
        </td>
        <td data-testid={`planner.coverage.${k}`}>
          {cov
            ? pt("coverageValue", { share: pct(cov.share, lang), baseline: pct(cov.baselineShare, lang) })
            : "—"}
          {cov && cov.uncoveredIds.length > 0 ? (
            <div>
              <button
                type="button"
                className="linklike small"
                aria-label={pt("showUncoveredLabel", { kind: kindText(k), n: cov.uncoveredIds.length })}
                onClick={() => {
                  select(cov.uncoveredIds);
                  requestZoom(cov.uncoveredIds);
                }}
              >
                {pt("showUncovered", { n: cov.uncoveredIds.length })}
              </button>
            </div>
          ) : null}
        </td>
      </tr>
    );
  };

  return (
    <>
      <section className="panel planner" aria-labelledby="planner-h" data-testid="planner.panel">
        <h2 id="planner-h" className="panel__title">
          {pt("title")}
        </h2>
        {dataset.synthetic ? <p className="muted small">{pt("syntheticNote")}</p> : null}
        {scenario ? (
          <p className="muted small" data-testid="planner.inScenario">
            {pt("inScenario", { name: scenario.name })}
          </p>
        ) : null}
        {planStatus === "error" ? (
          <p role="alert">{pt("failed", { message: planError ?? "" })}</p>
        ) : planStatus === "running" && !plan ? (
          <p className="muted">{pt("computing")}</p>
        ) : null}
        <table className="planner__checklist" aria-label={pt("checklist")}>
          <thead>
            <tr>
              <th scope="col">{pt("kind")}</th>
              <th scope="col">{pt("status")}</th>
              <th scope="col">{pt("coverage")}</th>
            </tr>
          </thead>
          <tbody>{SIX_ONES.map((k) => row(k, plan?.byKind[k]))}</tbody>
        </table>
        {plan?.byKind[kind] ? (
          <p data-testid="planner.kindFigures">
            <strong>{kindText(kind)}：</strong>
            {pt("baselineVsPlan", {
              baseline: pct(plan.byKind[kind].baselineShare, lang),
              share: pct(plan.byKind[kind].share, lang),
              added: pct(plan.byKind[kind].share - plan.byKind[kind].baselineShare, lang),
            })}
          </p>
        ) : null}
        <PlanTools />
        <PlanLegend />
        {plan ? (
          <p className="muted small" data-testid="planner.method">
            {pt("demandNote", {
              total: formatNumber(plan.totalDemand, 0, lang),
              method: plan.method === "road" ? pt("methodRoad") : pt("methodStraight"),
            })}
          </p>
        ) : null}
        {plan?.busLines.map(({ facilityId, figures }) => (
          <div key={facilityId} className="planner__bus" data-testid={`planner.bus.${facilityId}`}>
            <p>
              {pt("busFigures", {
                length: pt("metres", { n: formatNumber(figures.lengthM, 0, lang) }),
                stops: figures.stopCount,
                minutes: formatNumber(figures.runTimeMin, 1, lang),
                speed: figures.speedKmh,
                dwell: figures.dwellSeconds,
              })}
            </p>
            <p>
              {pt("busCatchment", {
                s300: pct(figures.within300.straight, lang),
                s500: pct(figures.within500.straight, lang),
                r300: figures.within300.road === null ? "—" : pct(figures.within300.road, lang),
                r500: figures.within500.road === null ? "—" : pct(figures.within500.road, lang),
              })}
            </p>
            <p>
              {pt("busSpacing", {
                list: figures.spacings
                  .map((s) => `${formatNumber(s.lengthM, 0, lang)} m ${SPACING_TEXT[s.band][lang]}`)
                  .join(lang === "zh" ? "；" : "; "),
              })}
            </p>
          </div>
        ))}
      </section>

      <section className="panel" aria-labelledby="planner-suggest-h" data-testid="planner.suggestions">
        <h2 id="planner-suggest-h" className="panel__title">
          <label>
            {pt("suggestFor")}{" "}
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as FacilityKind)}
              data-testid="planner.kind"
            >
              {SIX_ONES.filter((k) => k !== "bus").map((k) => (
                <option key={k} value={k}>
                  {kindText(k)}
                </option>
              ))}
            </select>
          </label>
        </h2>
        <p className="muted small">{pt("suggestHelp")}</p>
        <p className="planner__note small" data-testid="planner.proposedNote">
          {pt("proposedNote")}
        </p>
        <label className="small">
          <input type="checkbox" checked={greedy} onChange={(e) => setGreedy(e.target.checked)} />{" "}
          {pt("greedy")}
        </label>
        {plan && plan.suggestions.length === 0 ? <p className="muted">{pt("noSuggestions")}</p> : null}
        {plan && plan.suggestions.length > 0 ? (
          <table className="planner__suggestions">
            <thead>
              <tr>
                <th scope="col">{pt("rank")}</th>
                <th scope="col">{pt("parcel")}</th>
                <th scope="col">{pt("newly")}</th>
                <th scope="col">{pt("total")}</th>
                <th scope="col">{pt("area")}</th>
                <th scope="col">{pt("landStatus")}</th>
                <th scope="col">{pt("roadDistance")}</th>
                <th scope="col">
                  <span className="visually-hidden">{pt("accept")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.suggestions.map((s) => (
                <tr key={s.parcelId} data-testid={`planner.suggestion.${s.rank}`}>
                  <td>{s.rank}</td>
                  <td>
                    <button
                      type="button"
                      className="linklike"
                      onClick={() => {
                        select([s.parcelId]);
                        requestZoom([s.parcelId]);
                      }}
                    >
                      {s.parcelId}
                    </button>
                  </td>
                  <td>{pt("persons", { n: formatNumber(s.newlyCoveredDemand, 0, lang) })}</td>
                  <td>{pt("persons", { n: formatNumber(s.coveredDemand, 0, lang) })}</td>
                  <td>{formatArea(s.areaM2, lang)}</td>
                  <td>{s.landStatus ? enumLabel("landStatus", s.landStatus, lang) : "—"}</td>
                  <td>
                    {s.roadDistanceM === null
                      ? "—"
                      : pt("metres", { n: formatNumber(s.roadDistanceM, 0, lang) })}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={pt("acceptLabel", { parcel: s.parcelId, kind: kindText(kind) })}
                      data-testid={`planner.accept.${s.rank}`}
                      onClick={() => accept(s.parcelId)}
                    >
                      {pt("accept")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {facilities.length > 0 ? (
        <section className="panel" aria-labelledby="planner-own-h" data-testid="planner.facilities">
          <h2 id="planner-own-h" className="panel__title">
            {pt("facilities")}
          </h2>
          <ul className="planner__own">
            {facilities.map((f) => {
              const name = f.name ?? f.id;
              const cov = plan?.facilities.find((c) => c.facilityId === f.id);
              return (
                <li
                  key={f.id}
                  data-testid={`planner.facility.${f.id}`}
                  data-status={f.status}
                  className={f.id === selectedFacility ? "is-selected" : undefined}
                >
                  <button
                    type="button"
                    className="linklike"
                    aria-pressed={f.id === selectedFacility}
                    aria-label={pt("selectLabel", { name })}
                    data-testid={`planner.select.${f.id}`}
                    onClick={() => {
                      const next = f.id === selectedFacility ? null : f.id;
                      selectFacility(next);
                      if (next && f.kind !== kind) setKind(f.kind);
                    }}
                  >
                    {name}
                  </button>{" "}
                  <span className={`chip chip--${f.status}`}>{CHECKLIST_STATUS_TEXT[f.status][lang]}</span>
                  {cov ? (
                    <span className="muted small">
                      {" "}
                      {pt("facilityCoverage", {
                        n: formatNumber(cov.coveredDemand, 0, lang),
                        share: pct(cov.share, lang),
                      })}
                    </span>
                  ) : null}
                  {f.status !== "existing" ? (
                    <>
                      {" "}
                      <select
                        aria-label={pt("statusLabel", { name })}
                        value={f.status}
                        onChange={(e) =>
                          edit(
                            { code: "facility-status", params: { name } },
                            {
                              kind: "facility",
                              facilityId: f.id,
                              before: f,
                              after: { ...f, status: e.target.value as FacilityStatus },
                            },
                          )
                        }
                      >
                        {(["planned", "proposed"] as const).map((s) => (
                          <option key={s} value={s}>
                            {CHECKLIST_STATUS_TEXT[s][lang]}
                          </option>
                        ))}
                      </select>{" "}
                      <button
                        type="button"
                        aria-label={pt("deleteLabel", { name })}
                        onClick={() => {
                          edit(
                            { code: "facility-delete", params: { name } },
                            { kind: "facility", facilityId: f.id, before: f, after: null },
                          );
                          if (f.id === selectedFacility) selectFacility(null);
                        }}
                      >
                        {pt("delete")}
                      </button>
                    </>
                  ) : null}
                  {f.id === selectedFacility ? <FacilityForm key={f.id} facility={f} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <PlanExport />
    </>
  );
}
