/**
 * The selected facility's attributes: kind, name, status, capacity, school level and (a point)
 * its coordinates — each change one undoable step (a facility edit); typed coordinates move it
 * without the mouse. Text and numbers are committed on Enter or when the field is left.
 */
import { useState } from "react";
import { type FacilityKind, type FacilityStatus, SIX_ONES, serviceDistanceM } from "../../domain/coverage";
import type { PlanFacility } from "../../domain/facilities";
import { CHECKLIST_STATUS_TEXT, FACILITY_KIND_TEXT } from "../../i18n/planner";
import { useAppStore } from "../../state/store";
import { useLang } from "../hooks";
import { changeFacilityStep, deleteFacilityStep, type PlanStep } from "./planEdits";
import { usePt } from "./usePt";

const STATUSES: FacilityStatus[] = ["existing", "planned", "proposed"];

export function FacilityForm({ facility: f }: { facility: PlanFacility }) {
  const lang = useLang();
  const pt = usePt();
  const commitEdits = useAppStore((s) => s.commitEdits);
  const selectFacility = useAppStore((s) => s.selectFacility);
  const standards = useAppStore((s) => s.standards);
  const services = standards?.standards.services ?? {};
  const name = f.name ?? f.id;
  const commit = (step: PlanStep | null) => {
    if (step) commitEdits(step.label, step.edits);
  };
  const change = (patch: Partial<PlanFacility>, drop: (keyof PlanFacility)[] = []) => {
    const after = { ...f, ...patch };
    for (const k of drop) delete after[k];
    commit(changeFacilityStep(f, after));
  };
  const point = f.geometry.type === "Point" ? f.geometry.coordinates : null;
  return (
    <form
      className="planner__form"
      aria-label={pt("editTitle", { name })}
      data-testid="planner.form"
      onSubmit={(e) => e.preventDefault()}
    >
      <h3 className="planner__subtitle">{pt("editTitle", { name })}</h3>
      <label>
        {pt("kind")}
        <select
          value={f.kind}
          disabled={f.kind === "bus"}
          data-testid="planner.form.kind"
          onChange={(e) =>
            change({ kind: e.target.value as FacilityKind }, e.target.value === "school" ? [] : ["level"])
          }
        >
          {SIX_ONES.filter((k) => k !== "bus" || f.kind === "bus").map((k) => (
            <option key={k} value={k}>
              {FACILITY_KIND_TEXT[k][lang]}
            </option>
          ))}
        </select>
      </label>
      <TextField
        key={`name-${f.id}-${name}`}
        label={pt("name")}
        value={f.name ?? ""}
        testId="planner.form.name"
        onCommit={(v) => (v.trim() ? change({ name: v.trim() }) : change({}, ["name"]))}
      />
      <label>
        {pt("status")}
        <select
          value={f.status}
          data-testid="planner.form.status"
          onChange={(e) => change({ status: e.target.value as FacilityStatus })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {CHECKLIST_STATUS_TEXT[s][lang]}
            </option>
          ))}
        </select>
      </label>
      <TextField
        key={`cap-${f.id}-${f.capacity ?? ""}`}
        label={pt("capacity")}
        value={f.capacity === undefined ? "" : String(f.capacity)}
        inputMode="numeric"
        testId="planner.form.capacity"
        onCommit={(v) => {
          const n = Number(v.trim());
          if (v.trim() === "") change({}, ["capacity"]);
          else if (Number.isFinite(n) && n >= 0) change({ capacity: n });
        }}
      />
      {f.kind === "school" ? (
        <label>
          {pt("level")}
          <select
            value={f.level ?? "primary"}
            data-testid="planner.form.level"
            onChange={(e) => change({ level: e.target.value as "primary" | "junior" })}
          >
            <option value="primary">
              {pt("levelPrimary", { m: serviceDistanceM("school", services, "primary") })}
            </option>
            <option value="junior">
              {pt("levelJunior", { m: serviceDistanceM("school", services, "junior") })}
            </option>
          </select>
        </label>
      ) : null}
      {point ? (
        <Coordinates
          key={`xy-${f.id}-${point.join(",")}`}
          lon={point[0] as number}
          lat={point[1] as number}
          onMove={(lon, lat) =>
            commit(
              changeFacilityStep(
                f,
                { ...f, geometry: { type: "Point", coordinates: [lon, lat] } },
                "facility-move",
              ),
            )
          }
        />
      ) : f.kind !== "bus" ? (
        <p className="muted small">{pt("siteNote")}</p>
      ) : null}
      <p>
        <button
          type="button"
          aria-label={pt("deleteLabel", { name })}
          data-testid="planner.form.delete"
          onClick={() => {
            commit(deleteFacilityStep(f));
            selectFacility(null);
          }}
        >
          {pt("delete")}
        </button>
      </p>
    </form>
  );
}

function TextField(props: {
  label: string;
  value: string;
  testId: string;
  inputMode?: "numeric";
  onCommit(v: string): void;
}) {
  const [v, setV] = useState(props.value);
  return (
    <label>
      {props.label}
      <input
        type="text"
        value={v}
        inputMode={props.inputMode}
        data-testid={props.testId}
        onChange={(e) => setV(e.target.value)}
        onBlur={() => v !== props.value && props.onCommit(v)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && v !== props.value) props.onCommit(v);
        }}
      />
    </label>
  );
}

function Coordinates(props: { lon: number; lat: number; onMove(lon: number, lat: number): void }) {
  const pt = usePt();
  const [lon, setLon] = useState(props.lon.toFixed(6));
  const [lat, setLat] = useState(props.lat.toFixed(6));
  const [bad, setBad] = useState(false);
  const apply = () => {
    const x = Number(lon);
    const y = Number(lat);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) {
      setBad(true);
      return;
    }
    setBad(false);
    if (x !== props.lon || y !== props.lat) props.onMove(x, y);
  };
  return (
    <fieldset className="planner__coords">
      <legend className="visually-hidden">{pt("applyCoords")}</legend>
      <label>
        {pt("lon")}
        <input
          type="text"
          inputMode="decimal"
          value={lon}
          data-testid="planner.form.lon"
          onChange={(e) => setLon(e.target.value)}
        />
      </label>
      <label>
        {pt("lat")}
        <input
          type="text"
          inputMode="decimal"
          value={lat}
          data-testid="planner.form.lat"
          onChange={(e) => setLat(e.target.value)}
        />
      </label>
      <button type="button" data-testid="planner.form.applyCoords" onClick={apply}>
        {pt("applyCoords")}
      </button>
      {bad ? <p role="alert">{pt("coordsBad")}</p> : null}
    </fieldset>
  );
}
