/**
 * Reading an edit history that comes from outside the running app (IndexedDB, a project file):
 * every step and edit is checked field by field. The history is kept up to the first step that
 * cannot be used (later steps may build on it, so they are not applied without it); what was
 * left out is returned as problems, never dropped silently.
 *
 * Edits of a kind this build does not know are kept as they are (a later build may add kinds;
 * `applyEdits` passes them through) as long as they are objects with a `kind`.
 */
import { isFacilityKind } from "../domain/coverage";
import type { Edit, EditHistory, EditStep, InputValue, StepLabel } from "../domain/edits";
import { INPUT_FIELDS } from "../domain/fields";
import { isDecisionKind, MAX_PHOTO_DATA_URL } from "../domain/meeting";
import { validateTargetsFile } from "../domain/targets";
import { isFingerprint } from "./fingerprint";
import type { Problem } from "./types";

const EDITABLE = new Set(INPUT_FIELDS.map((f) => f.key).filter((k) => k !== "id"));

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isInputValue = (v: unknown): v is InputValue =>
  v === null ||
  typeof v === "string" ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v));

/** Why an edit cannot be used (`null`: it can). */
export function editProblem(e: unknown): string | null {
  if (!isObject(e) || typeof e.kind !== "string") return "kind";
  if (e.kind === "parcel-field") {
    if (typeof e.parcelId !== "string" || !e.parcelId) return "parcelId";
    if (typeof e.field !== "string" || !EDITABLE.has(e.field)) return "field";
    if (!isInputValue(e.before)) return "before";
    if (!isInputValue(e.after)) return "after";
    return null;
  }
  if (e.kind === "dataset") {
    if (e.before !== null && !isFingerprint(e.before)) return "before";
    if (!isFingerprint(e.after)) return "after";
    return null;
  }
  if (e.kind === "targets") {
    // A targets file the app would refuse to load is refused here too (the same check).
    const usable = (v: unknown) => v === null || !("problems" in validateTargetsFile(v));
    if (!usable(e.before)) return "before";
    if (!usable(e.after)) return "after";
    if (e.loadedFrom !== undefined && typeof e.loadedFrom !== "string") return "loadedFrom";
    return null;
  }
  if (e.kind === "decision") {
    if (typeof e.parcelId !== "string" || !e.parcelId) return "parcelId";
    if (e.before !== null && !isDecision(e.before)) return "before";
    if (e.after !== null && !isDecision(e.after)) return "after";
    return null;
  }
  if (e.kind === "meeting-setup") {
    if (e.before !== null && !isMeetingSetup(e.before)) return "before";
    if (e.after !== null && !isMeetingSetup(e.after)) return "after";
    return null;
  }
  if (e.kind === "agenda") {
    if (e.before !== null && !isStringList(e.before)) return "before";
    if (e.after !== null && !isStringList(e.after)) return "after";
    return null;
  }
  if (e.kind === "attachment") {
    if (typeof e.parcelId !== "string" || !e.parcelId) return "parcelId";
    if (typeof e.attachmentId !== "string" || !e.attachmentId) return "attachmentId";
    if (e.before !== null && !isAttachment(e.before)) return "before";
    if (e.after !== null && !isAttachment(e.after)) return "after";
    return null;
  }
  if (e.kind === "facility") {
    if (typeof e.facilityId !== "string" || !e.facilityId) return "facilityId";
    if (e.before === null && e.after === null) return "after";
    for (const side of ["before", "after"] as const) {
      const why = facilityProblem(e[side], e.facilityId);
      if (why) return `${side}.${why}`;
    }
    return null;
  }
  if (e.kind === "scenario") {
    if (typeof e.scenarioId !== "string" || !e.scenarioId) return "scenarioId";
    if (e.before !== null && !isScenarioMeta(e.before)) return "before";
    if (e.after !== null && !isScenarioMeta(e.after)) return "after";
    return null;
  }
  if (e.kind === "scenario-parcel") {
    if (e.action !== "reassign" && e.action !== "recover") return "action";
    if (typeof e.parcelId !== "string" || !e.parcelId) return "parcelId";
    if (!isFieldValues(e.before)) return "before";
    if (!isFieldValues(e.after)) return "after";
    return null;
  }
  if (e.kind === "scenario-split") {
    if (typeof e.parcelId !== "string" || !e.parcelId) return "parcelId";
    if (!Array.isArray(e.line) || e.line.length < 2 || !e.line.every(isLonLat)) return "line";
    if (!Array.isArray(e.ids) || e.ids.length !== 2 || !e.ids.every((x) => typeof x === "string" && x))
      return "ids";
    return null;
  }
  if (e.kind === "scenario-merge") {
    if (
      !Array.isArray(e.parcelIds) ||
      e.parcelIds.length < 2 ||
      !e.parcelIds.every((x) => typeof x === "string")
    )
      return "parcelIds";
    if (typeof e.id !== "string" || !e.id) return "id";
    return null;
  }
  if (e.kind === "scenario-standard") {
    if (e.level !== "defaults" && e.level !== "zones" && e.level !== "industries") return "level";
    if (e.key !== null && typeof e.key !== "string") return "key";
    if (e.bound !== "min" && e.bound !== "max") return "bound";
    if (typeof e.indicator !== "string") return "indicator";
    if (e.before !== null && !finite(e.before)) return "before";
    if (e.after !== null && !finite(e.after)) return "after";
    return null;
  }
  return null; // a kind of a later build: kept as it is
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const optString = (v: unknown) => v === undefined || typeof v === "string";

/** A meeting decision (`domain/meeting.ts` `Decision`). */
function isDecision(v: unknown): boolean {
  if (!isObject(v) || !isDecisionKind(v.kind)) return false;
  if (typeof v.department !== "string" || typeof v.recorder !== "string") return false;
  if (v.deadline !== undefined && !(typeof v.deadline === "string" && ISO_DATE.test(v.deadline)))
    return false;
  return optString(v.note);
}

function isMeetingSetup(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.date !== "string" || !ISO_DATE.test(v.date)) return false;
  for (const k of ["title", "place", "chair", "recorder"]) if (typeof v[k] !== "string") return false;
  return isStringList(v.attendees) && isStringList(v.departments);
}

/** A note or photo; a photo only as a data URL of an image, no larger than `MAX_PHOTO_DATA_URL`. */
function isAttachment(v: unknown): boolean {
  if (!isObject(v) || (v.type !== "note" && v.type !== "photo")) return false;
  if (typeof v.id !== "string" || typeof v.text !== "string" || typeof v.at !== "string") return false;
  if (typeof v.by !== "string" || !optString(v.name)) return false;
  if (v.type === "photo") {
    const u = v.dataUrl;
    if (typeof u !== "string" || u.length > MAX_PHOTO_DATA_URL) return false;
    if (!/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/.test(u)) return false;
  } else if (v.dataUrl !== undefined) return false;
  return true;
}

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === "number" &&
  typeof p[1] === "number" &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;
const isRing = (r: unknown): boolean => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygonCoords = (c: unknown): boolean => Array.isArray(c) && c.length > 0 && c.every(isRing);

/**
 * Why a facility of a facility edit cannot be used (`null`: it can, or it is absent): the
 * fields the planner relies on — id, a six-ones kind, a status, a lon/lat geometry of the kind's
 * type (a bus: a line with at least two stops), and capacity, level and name of the right type.
 */
export function facilityProblem(f: unknown, facilityId: string): string | null {
  if (f === null) return null;
  if (!isObject(f)) return "facility";
  if (f.id !== facilityId) return "id";
  if (!isFacilityKind(f.kind)) return "kind";
  if (f.status !== "existing" && f.status !== "planned" && f.status !== "proposed") return "status";
  if (f.name !== undefined && typeof f.name !== "string") return "name";
  if (f.capacity !== undefined && !(typeof f.capacity === "number" && Number.isFinite(f.capacity)))
    return "capacity";
  if (f.level !== undefined && f.level !== "primary" && f.level !== "junior") return "level";
  const g = f.geometry;
  if (!isObject(g)) return "geometry";
  const c = g.coordinates;
  if (f.kind === "bus") {
    if (g.type !== "LineString" || !Array.isArray(c) || c.length < 2 || !c.every(isPosition))
      return "geometry";
    if (!Array.isArray(f.stops) || f.stops.length < 2 || !f.stops.every(isPosition)) return "stops";
    return null;
  }
  const ok =
    (g.type === "Point" && isPosition(c)) ||
    (g.type === "Polygon" && isPolygonCoords(c)) ||
    (g.type === "MultiPolygon" && Array.isArray(c) && c.length > 0 && c.every(isPolygonCoords));
  return ok ? null : "geometry";
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isLonLat = (p: unknown) =>
  Array.isArray(p) &&
  p.length === 2 &&
  finite(p[0]) &&
  finite(p[1]) &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;
const isFieldValues = (v: unknown) =>
  isObject(v) && Object.entries(v).every(([k, x]) => EDITABLE.has(k) && isInputValue(x));
function isScenarioMeta(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    (v.from === null || typeof v.from === "string") &&
    Array.isArray(v.seed) &&
    v.seed.every((e) => editProblem(e) === null)
  );
}

/** Each scenario's own history and the open scenario (stored work, a project file), checked. */
export function readScenarioWork(
  raw: unknown,
  file?: string,
): { work: { histories: Record<string, EditHistory>; active: string | null } | null; problems: Problem[] } {
  const at = file !== undefined ? { file } : {};
  const bad = (path: string): Problem => ({
    severity: "warning",
    code: "project-bad-field",
    ...at,
    params: { path, expected: "history" },
  });
  if (!isObject(raw) || !isObject(raw.histories)) return { work: null, problems: [bad("scenarios")] };
  const histories: Record<string, EditHistory> = {};
  const problems: Problem[] = [];
  for (const [id, h] of Object.entries(raw.histories)) {
    const r = readHistory(h, file);
    problems.push(...r.problems);
    if (r.history) histories[id] = r.history;
    else problems.push(bad(`scenarios.histories.${id}`));
  }
  const active = typeof raw.active === "string" ? raw.active : null;
  return { work: { histories, active }, problems };
}

function labelOf(v: unknown): StepLabel | null {
  if (!isObject(v) || typeof v.code !== "string") return null;
  const params: StepLabel["params"] = {};
  if (v.params !== undefined) {
    if (!isObject(v.params)) return null;
    for (const [k, p] of Object.entries(v.params)) {
      if (!isInputValue(p)) return null;
      params[k] = p;
    }
  }
  return { code: v.code, params };
}

/** Why a step cannot be used (`null`: it can). */
function stepProblem(s: unknown, seen: Set<string>): string | null {
  if (!isObject(s)) return "step";
  if (typeof s.id !== "string" || !s.id) return "id";
  if (seen.has(s.id)) return "id (duplicate)";
  if (typeof s.at !== "string" || Number.isNaN(Date.parse(s.at))) return "at";
  if (!labelOf(s.label)) return "label";
  if (s.openScenario !== undefined && typeof s.openScenario !== "string") return "openScenario";
  if (!Array.isArray(s.edits)) return "edits";
  for (let i = 0; i < s.edits.length; i++) {
    const p = editProblem(s.edits[i]);
    if (p) return `edits[${i}].${p}`;
  }
  return null;
}

export interface HistoryRead {
  /** `null` when the value is not a history at all. */
  history: EditHistory | null;
  problems: Problem[];
}

/**
 * A history from an untrusted value. `file`: named in the problems (a project file's name, or
 * the storage item). Steps after the first unusable one are left out (and reported).
 */
export function readHistory(raw: unknown, file?: string): HistoryRead {
  const at = file !== undefined ? { file } : {};
  if (!isObject(raw) || !Array.isArray(raw.steps))
    return {
      history: null,
      problems: [
        {
          severity: "error",
          code: "project-bad-field",
          ...at,
          params: { path: "history", expected: "history" },
        },
      ],
    };
  const steps: EditStep[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.steps.length; i++) {
    const s = raw.steps[i];
    const why = stepProblem(s, seen);
    if (why) {
      const left = raw.steps.length - i;
      problems.push({
        severity: "warning",
        code: "project-step-dropped",
        ...at,
        params: { step: i + 1, reason: why, left },
      });
      break;
    }
    const o = s as Record<string, unknown>;
    seen.add(o.id as string);
    steps.push({
      id: o.id as string,
      at: o.at as string,
      label: labelOf(o.label) as StepLabel,
      edits: (o.edits as unknown[]).map((e) => ({ ...(e as object) }) as Edit),
      ...(typeof o.openScenario === "string" ? { openScenario: o.openScenario } : {}),
    });
  }
  const a = raw.applied;
  const applied =
    typeof a === "number" && Number.isInteger(a) && a >= 0 ? Math.min(a, steps.length) : steps.length;
  if (!(typeof a === "number" && Number.isInteger(a) && a >= 0))
    problems.push({
      severity: "warning",
      code: "project-bad-field",
      ...at,
      params: { path: "history.applied", expected: "integer" },
    });
  return { history: { steps, applied }, problems };
}

/** Every dataset fingerprint a history refers to (applied steps and redo steps). */
export function historyDatasets(history: EditHistory): Set<string> {
  const out = new Set<string>();
  for (const s of history.steps)
    for (const e of s.edits)
      if (e.kind === "dataset") {
        out.add(e.after);
        if (e.before) out.add(e.before);
      }
  return out;
}
