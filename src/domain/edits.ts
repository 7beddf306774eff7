/**
 * User work as data. Every change an official makes is an {@link Edit}: plain, serialisable data
 * (what, which object, the value before and after). Edits are grouped into undoable
 * {@link EditStep}s kept in an {@link EditHistory}; the state of the work is a pure function of
 * (imported dataset, applied edits), so undo and redo never mutate anything and a reload restores
 * exactly the same state from the stored history.
 *
 * The imported parcels are never changed: {@link applyEdits} returns new parcel objects for the
 * parcels an edit touches and shares every other parcel with its input.
 *
 * Units are those of `types.ts` (m², 万元, ISO dates). Geometry is untouched by field edits.
 * Later kinds of user work (meeting decisions, facilities, scenarios) join the {@link Edit} union
 * with a `kind` of their own; code that does not know a kind passes it through unchanged.
 */
import type { PlanFacility } from "./facilities";
import { INPUT_FIELDS } from "./fields";
import type { Attachment, Decision, MeetingSetup } from "./meeting";
import type { TargetsFile } from "./targets";
import type { ParcelInput, PreparedParcel } from "./types";

/** A parcel input property that can be edited (every input but the id). */
export type ParcelInputKey = Exclude<keyof ParcelInput, "id">;

/** An input value as an edit stores it; `null` means the value is missing (cleared). */
export type InputValue = string | number | boolean | null;

/** Set one input property of one parcel. */
export interface ParcelFieldEdit {
  kind: "parcel-field";
  parcelId: string;
  field: ParcelInputKey;
  /** The value before this edit (what the parcel had then; `null` = missing). */
  before: InputValue;
  /** The new value (`null` clears it). Already parsed and typed (number, ISO date, boolean, code). */
  after: InputValue;
}

/**
 * Replace the dataset the work is about (an import, opening a project). Datasets are named by the
 * fingerprint of their content; parcel edits apply to the dataset of the last such edit before them.
 */
export interface DatasetEdit {
  kind: "dataset";
  /** Fingerprint of the dataset before (`null`: none loaded). */
  before: string | null;
  after: string;
}

/**
 * Add, change (move, rename, restatus …) or delete one six-ones facility: the whole facility
 * before and after (`null` = absent). The plan is about the park, not one parcels file, so
 * facility edits stay in force across dataset edits.
 */
export interface FacilityEdit {
  kind: "facility";
  facilityId: string;
  before: PlanFacility | null;
  after: PlanFacility | null;
}

/**
 * Change the plan targets (a value, a growth rate, the period or base year; a loaded targets file;
 * a reset): the whole targets file before and after, so any change is one small edit and a
 * project file carries the targets in force. `null` = the app's own targets file (the base). The
 * targets are about the plan, not one parcels file: they stay in force across dataset edits.
 */
export interface TargetsEdit {
  kind: "targets";
  before: TargetsFile | null;
  after: TargetsFile | null;
  /** Set when `after` was read from a targets file the user loaded (its name): reset goes back to it. */
  loadedFrom?: string;
}

/**
 * Record, change or clear the land review meeting's decision on one parcel (issue 9): the whole
 * decision before and after (`null` = none). Decisions are about parcel ids, not one parcels
 * file, so they stay in force across dataset edits (a re-import of the same parcels keeps them).
 */
export interface DecisionEdit {
  kind: "decision";
  parcelId: string;
  before: Decision | null;
  after: Decision | null;
}

/** Set up (or change) the meeting: date, place, chair, attendees, recorder, departments. */
export interface MeetingSetupEdit {
  kind: "meeting-setup";
  before: MeetingSetup | null;
  after: MeetingSetup | null;
}

/** The chair's agenda (ordered parcel ids); `null` = the default agenda of the data. */
export interface AgendaEdit {
  kind: "agenda";
  before: string[] | null;
  after: string[] | null;
}

/** Attach, change or remove a note or photo on a parcel. */
export interface AttachmentEdit {
  kind: "attachment";
  parcelId: string;
  attachmentId: string;
  before: Attachment | null;
  after: Attachment | null;
}

/**
 * A scenario as the scenario list knows it: its name, what it was made from (`null`: the base;
 * else another scenario's id) and that source's edits at the moment it was made (`seed`), so a
 * scenario never changes when its source does later.
 */
export interface ScenarioMeta {
  id: string;
  name: string;
  from: string | null;
  seed: ScenarioEdit[];
}

/**
 * Make (`before: null`), rename, or delete (`after: null`) a scenario. These steps live in the
 * main history (the base and the scenario list); a scenario's own edits live in its own history.
 */
export interface ScenarioListEdit {
  kind: "scenario";
  scenarioId: string;
  before: ScenarioMeta | null;
  after: ScenarioMeta | null;
}

/**
 * In a scenario: reassign a parcel to a new project, or recover idle land. Stores each input it
 * sets with its value before (`null` = missing) and after (`null` = cleared), as a field edit does.
 */
export interface ScenarioParcelEdit {
  kind: "scenario-parcel";
  action: "reassign" | "recover";
  parcelId: string;
  before: Partial<Record<ParcelInputKey, InputValue>>;
  after: Partial<Record<ParcelInputKey, InputValue>>;
}

/** In a scenario: split a parcel in two along a drawn line (lon/lat); the pieces get `ids`. */
export interface ScenarioSplitEdit {
  kind: "scenario-split";
  parcelId: string;
  line: [number, number][];
  ids: [string, string];
}

/** In a scenario: merge neighbouring parcels into one parcel `id` (figures summed, geometry united). */
export interface ScenarioMergeEdit {
  kind: "scenario-merge";
  parcelIds: string[];
  id: string;
}

/**
 * In a scenario: change one threshold of the standards (a scenario-level override): the level
 * (`defaults`, a zone, an industry code), the bound and indicator, before and after (`null`: none).
 */
export interface ScenarioStandardEdit {
  kind: "scenario-standard";
  level: "defaults" | "zones" | "industries";
  /** The zone or industry code (`null` for `defaults`). */
  key: string | null;
  bound: "min" | "max";
  indicator: string;
  before: number | null;
  after: number | null;
}

/** The edits a scenario's own history holds (a field corrected while a scenario is open, too). */
export type ScenarioEdit =
  | ParcelFieldEdit
  | ScenarioParcelEdit
  | ScenarioSplitEdit
  | ScenarioMergeEdit
  | ScenarioStandardEdit;

/** Every kind of edit. Add new kinds here; each carries what it needs to be undone. */
export type Edit =
  | ParcelFieldEdit
  | DatasetEdit
  | FacilityEdit
  | TargetsEdit
  | DecisionEdit
  | MeetingSetupEdit
  | AgendaEdit
  | AttachmentEdit
  | ScenarioListEdit
  | ScenarioEdit;

/** What a step did, as data for its label ("撤销：修改 HTK-012 累计固定资产投资"); formatted by i18n. */
export interface StepLabel {
  code: string;
  params: Record<string, string | number | boolean | null>;
}

/** One undoable step: edits applied and undone together (a field change, a bulk change, an import). */
export interface EditStep {
  /** Unique within a history. */
  id: string;
  /** When the user made it: ISO 8601 date and time (UTC, e.g. `2026-12-01T21:30:00.000Z`). */
  at: string;
  label: StepLabel;
  edits: Edit[];
  /**
   * A step of the main history made while a scenario was open (a facility placed, a meeting
   * decision): that scenario's id, so Ctrl+Z there takes it back in turn with the scenario's own
   * steps (by `at`). Absent for steps made in the base.
   */
  openScenario?: string;
}

/** The undo history: `steps[0 … applied-1]` are applied, the rest can be redone. */
export interface EditHistory {
  steps: EditStep[];
  applied: number;
}

export const EMPTY_HISTORY: EditHistory = Object.freeze({ steps: [], applied: 0 }) as EditHistory;

/** Add a step after the applied ones; the redo steps are dropped (as in every editor). */
export function pushStep(history: EditHistory, step: EditStep): EditHistory {
  return { steps: [...history.steps.slice(0, history.applied), step], applied: history.applied + 1 };
}

export function canUndo(history: EditHistory): boolean {
  return history.applied > 0;
}

export function canRedo(history: EditHistory): boolean {
  return history.applied < history.steps.length;
}

/** The step an undo would take back, or `undefined`. */
export function undoStep(history: EditHistory): EditStep | undefined {
  return history.steps[history.applied - 1];
}

/** The step a redo would apply again, or `undefined`. */
export function redoStep(history: EditHistory): EditStep | undefined {
  return history.steps[history.applied];
}

export function undo(history: EditHistory): EditHistory {
  return canUndo(history) ? { steps: history.steps, applied: history.applied - 1 } : history;
}

export function redo(history: EditHistory): EditHistory {
  return canRedo(history) ? { steps: history.steps, applied: history.applied + 1 } : history;
}

/** The edits of the applied steps, in order. */
export function appliedEdits(history: EditHistory): Edit[] {
  const out: Edit[] = [];
  for (let i = 0; i < history.applied; i++) {
    const step = history.steps[i];
    if (step) out.push(...step.edits);
  }
  return out;
}

/** The fingerprint of the dataset the applied steps end on (`null`: no dataset edit applied). */
export function currentDataset(history: EditHistory): string | null {
  const edits = appliedEdits(history);
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    if (e?.kind === "dataset") return e.after;
  }
  return null;
}

/** The applied parcel edits that concern the current dataset (those after the last dataset edit). */
export function parcelEdits(history: EditHistory): ParcelFieldEdit[] {
  const edits = appliedEdits(history);
  const out: ParcelFieldEdit[] = [];
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    if (!e) continue;
    if (e.kind === "dataset") break;
    if (e.kind === "parcel-field") out.push(e);
  }
  return out.reverse();
}

/** The current value of an input property, as an edit stores it. */
export function inputValue(input: ParcelInput, field: ParcelInputKey): InputValue {
  const v = input[field];
  return v === undefined ? null : v;
}

/** Per parcel, the original (imported) value of each field the edits changed. */
export type EditedOriginals = Map<string, Partial<Record<ParcelInputKey, InputValue>>>;

export interface AppliedEdits {
  /** The parcels with the edits applied (same order; untouched parcels are the input objects). */
  parcels: PreparedParcel[];
  /** Per edited parcel id, the original value of each edited field (for "edited" marks and exports). */
  originals: EditedOriginals;
  /** Parcel edits whose parcel is not in the dataset (left out, for the caller to report). */
  unmatched: ParcelFieldEdit[];
}

/**
 * Apply parcel edits to prepared parcels. Pure: the input parcels are never mutated; a touched
 * parcel is copied once with a new `input`. Edits apply in order, so the last edit of a field wins.
 * A field edited back to its original value is no longer reported as edited. Non-parcel edits
 * are ignored here.
 */
export function applyEdits(parcels: readonly PreparedParcel[], edits: readonly Edit[]): AppliedEdits {
  const byField = new Map<string, Map<ParcelInputKey, InputValue>>();
  for (const e of edits) {
    if (e.kind !== "parcel-field") continue;
    let m = byField.get(e.parcelId);
    if (!m) {
      m = new Map();
      byField.set(e.parcelId, m);
    }
    m.set(e.field, e.after);
  }
  const originals: EditedOriginals = new Map();
  if (byField.size === 0) return { parcels: [...parcels], originals, unmatched: [] };
  const seen = new Set<string>();
  const out = parcels.map((p) => {
    const changes = byField.get(p.input.id);
    if (!changes) return p;
    seen.add(p.input.id);
    const input: ParcelInput = { ...p.input };
    const orig: Partial<Record<ParcelInputKey, InputValue>> = {};
    let changed = false;
    for (const [field, after] of changes) {
      const before = inputValue(p.input, field);
      if (before === after) continue;
      orig[field] = before;
      changed = true;
      if (after === null) delete input[field];
      else (input as unknown as Record<string, InputValue>)[field] = after;
    }
    if (!changed) return p;
    originals.set(p.input.id, orig);
    return { ...p, input };
  });
  const unmatched: ParcelFieldEdit[] = [];
  for (const e of edits) if (e.kind === "parcel-field" && !seen.has(e.parcelId)) unmatched.push(e);
  return { parcels: out, originals, unmatched };
}

/** The applied facility edits, in order. */
export function facilityEdits(history: EditHistory): FacilityEdit[] {
  return appliedEdits(history).filter((e): e is FacilityEdit => e.kind === "facility");
}

/**
 * The plan's facilities: the base layer (existing and planned facilities as loaded) with the
 * facility edits applied in order. Order: base facilities in their order, then added ones in the
 * order they were first added. Pure; the base is never mutated.
 */
export function applyFacilityEdits(base: readonly PlanFacility[], edits: readonly Edit[]): PlanFacility[] {
  const current = new Map<string, PlanFacility | null>();
  for (const f of base) current.set(f.id, f);
  for (const e of edits) if (e.kind === "facility") current.set(e.facilityId, e.after);
  const out: PlanFacility[] = [];
  for (const f of current.values()) if (f) out.push(f);
  return out;
}

/** The applied targets edits, in order. */
export function targetsEdits(history: EditHistory): TargetsEdit[] {
  return appliedEdits(history).filter((e): e is TargetsEdit => e.kind === "targets");
}

/** The targets in force: the last targets edit's file, else `base` (the app's targets file). */
export function applyTargetsEdits<T extends TargetsFile | null>(
  base: T,
  edits: readonly Edit[],
): TargetsFile | T {
  let current: TargetsFile | T = base;
  for (const e of edits) if (e.kind === "targets") current = e.after ?? base;
  return current;
}

/**
 * What "reset to the file's values" goes back to: the last targets file the user loaded (among
 * the applied edits), else `null` (the app's own targets file).
 */
export function targetsResetFile(edits: readonly Edit[]): { file: TargetsFile | null; name: string | null } {
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    if (e?.kind === "targets" && e.loadedFrom !== undefined) return { file: e.after, name: e.loadedFrom };
  }
  return { file: null, name: null };
}

/** Label codes of the steps this module builds (i18n formats them; other features add their own). */
export const STEP_CODES = {
  /** One field of one parcel: `{ parcelId, field }`. */
  editField: "edit-field",
  /** One field back to its imported value: `{ parcelId, field }`. */
  revertField: "revert-field",
  /** Several fields or parcels in one step: `{ count, parcels }` (number of edits, of parcels). */
  editFields: "edit-fields",
} as const;

/** A step's label and edit setting one field of one parcel from `before` to `after`. */
export function fieldEditStep(
  parcelId: string,
  field: ParcelInputKey,
  before: InputValue,
  after: InputValue,
  revert = false,
): { label: StepLabel; edits: ParcelFieldEdit[] } {
  return {
    label: { code: revert ? STEP_CODES.revertField : STEP_CODES.editField, params: { parcelId, field } },
    edits: [{ kind: "parcel-field", parcelId, field, before, after }],
  };
}

/** A bulk change as one step (undone as one): its label counts the edits and the parcels. */
export function bulkEditStep(edits: ParcelFieldEdit[]): { label: StepLabel; edits: ParcelFieldEdit[] } {
  const parcels = new Set(edits.map((e) => e.parcelId)).size;
  return { label: { code: STEP_CODES.editFields, params: { count: edits.length, parcels } }, edits };
}

/** Per parcel id and field, the value the edits end on (the last edit of a field wins). */
export type EditedValues = Map<string, Map<ParcelInputKey, InputValue>>;

export function editedValues(edits: readonly Edit[]): EditedValues {
  const out: EditedValues = new Map();
  for (const e of edits) {
    if (e.kind !== "parcel-field") continue;
    let m = out.get(e.parcelId);
    if (!m) {
      m = new Map();
      out.set(e.parcelId, m);
    }
    m.set(e.field, e.after);
  }
  return out;
}

/** A parcel as analysed from edited inputs: its inputs and, if edited, the originals. */
export interface MaybeEdited {
  input: ParcelInput;
  edited?: Partial<Record<ParcelInputKey, InputValue>>;
}

/** The imported value of a field (the original if the analysed parcel had it edited). */
export function originalValue(p: MaybeEdited, field: ParcelInputKey): InputValue {
  if (p.edited && field in p.edited) return p.edited[field] ?? null;
  return inputValue(p.input, field);
}

/**
 * The value of a field for the current edits, from an analysed parcel that may be one analysis
 * behind (an undo or an edit whose analysis has not arrived yet): the edits decide, else the
 * original. Same result as `applyEdits` on the imported parcel.
 */
export function currentValue(p: MaybeEdited, field: ParcelInputKey, values: EditedValues): InputValue {
  const m = values.get(p.input.id);
  if (m?.has(field)) return m.get(field) ?? null;
  return originalValue(p, field);
}

/** The input fields the user edited, as schema keys in schema order (empty for an unedited parcel). */
export function editedFields(p: { edited?: Partial<Record<ParcelInputKey, InputValue>> }): ParcelInputKey[] {
  const e = p.edited;
  if (!e) return [];
  return INPUT_FIELDS.filter((f) => f.key in e).map((f) => f.key as ParcelInputKey);
}

/** Per edited parcel id, its edited fields (schema keys, schema order); `undefined` when none was edited. */
export function editedFieldsById(
  parcels: readonly { input: { id: string }; edited?: Partial<Record<ParcelInputKey, InputValue>> }[],
): Map<string, ParcelInputKey[]> | undefined {
  let out: Map<string, ParcelInputKey[]> | undefined;
  for (const p of parcels) {
    if (!p.edited) continue;
    out ??= new Map();
    out.set(p.input.id, editedFields(p));
  }
  return out;
}
