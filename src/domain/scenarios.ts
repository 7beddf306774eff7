/**
 * Scenarios (方案): the base (the dataset with the user's edits) plus a scenario's own edits —
 * reassign a parcel to a new project, recover idle land, split a parcel along a line, merge
 * neighbours, change a standard. Pure: the base parcels and standards are never mutated; the
 * result is new objects for what a scenario changes and the base's objects for the rest.
 *
 * Splits divide every quantity of the parcel (areas, money, persons, energy) by the pieces'
 * share of the parcel's area (planar, in the analysis CRS), recorded at the precision of their
 * unit (万元 and m² to 0.01, persons whole); per-mu targets, dates, statuses and
 * the enterprise are kept by both pieces. The pieces' areas add up to the parcel's area exactly
 * (the second piece gets the rest). A merge sums those quantities and takes the rest from the
 * first parcel named.
 */
import { planarAreaM2, transformGeometry } from "./area";
import { makeTransform, WGS84 } from "./crs";
import type {
  Edit,
  EditedOriginals,
  InputValue,
  ParcelInputKey,
  ScenarioEdit,
  ScenarioMergeEdit,
  ScenarioMeta,
  ScenarioParcelEdit,
  ScenarioSplitEdit,
  ScenarioStandardEdit,
} from "./edits";
import { exportDecimals, fieldInfo } from "./fields";
import { boundaryDistance, type SplitProblem, splitPolygon, unitePolygons } from "./parcel-geometry";
import type { IndustryCluster, IsoDate, ParcelInput, PreparedParcel, Standards, ThresholdSet } from "./types";
import { roundTo } from "./units";

/** Quantities divided by area share in a split and summed in a merge. */
export const DIVISIBLE_FIELDS = [
  "landAreaM2",
  "floorAreaM2",
  "footprintAreaM2",
  "greenAreaM2",
  "adminAreaM2",
  "developedAreaM2",
  "fixedInvestment",
  "contractInvestment",
  "landPrice",
  "outputValue",
  "revenue",
  "valueAdded",
  "taxRevenue",
  "employees",
  "residents",
  "energyTce",
  "rdExpense",
] as const satisfies readonly ParcelInputKey[];
type Divisible = (typeof DIVISIBLE_FIELDS)[number];
/**
 * Decimals a piece's figure is recorded with: its unit's export precision (万元 and m² to 0.01,
 * persons whole), as an official would write it, so a split never leaves `1049.9999999` in the
 * table. The first piece is rounded and the second gets the rest, so the total is kept.
 */
function splitDecimals(f: Divisible): number {
  const info = fieldInfo(f);
  return info ? exportDecimals(info) : 2;
}

/** A new project for a parcel (enterprise, industry, figures, start date). */
export interface NewProject {
  enterprise: string;
  industryCode?: string;
  industryCluster?: IndustryCluster;
  /** 万元 */
  fixedInvestment?: number;
  /** m² */
  floorAreaM2?: number;
  /** Expected output, 万元/年 */
  outputValue?: number;
  /** Expected tax, 万元/年 */
  taxRevenue?: number;
  /** Agreed start date of the new project. */
  agreedStartDate?: IsoDate;
}

/** What the previous operator's parcel carried that a new project or a recovery clears. */
const OPERATOR_FIELDS: readonly ParcelInputKey[] = [
  "enterprise",
  "industryCode",
  "industryCluster",
  "fixedInvestment",
  "contractInvestment",
  "outputValue",
  "revenue",
  "valueAdded",
  "taxRevenue",
  "employees",
  "energyTce",
  "rdExpense",
  "aboveScale",
  "highTech",
  "governmentCause",
  "actualStartDate",
  "agreedCompletionDate",
  "haltedSince",
];

const inputOf = (input: ParcelInput, f: ParcelInputKey): InputValue => {
  const v = input[f];
  return v === undefined ? null : v;
};

function parcelEdit(
  input: ParcelInput,
  action: ScenarioParcelEdit["action"],
  after: Partial<Record<ParcelInputKey, InputValue>>,
): ScenarioParcelEdit {
  const before: Partial<Record<ParcelInputKey, InputValue>> = {};
  for (const k of Object.keys(after) as ParcelInputKey[]) before[k] = inputOf(input, k);
  return { kind: "scenario-parcel", action, parcelId: input.id, before, after };
}

/**
 * Reassign a parcel to a new project: the previous operator's figures are cleared, the new
 * project's set; the land is supplied, construction not started, and the project's start date
 * is the agreed start date.
 */
export function reassignEdit(input: ParcelInput, project: NewProject): ScenarioParcelEdit {
  const after: Partial<Record<ParcelInputKey, InputValue>> = {};
  for (const k of OPERATOR_FIELDS) after[k] = null;
  after.enterprise = project.enterprise.trim() || null;
  after.industryCode = project.industryCode ?? null;
  after.industryCluster = project.industryCluster ?? null;
  after.fixedInvestment = project.fixedInvestment ?? null;
  after.floorAreaM2 = project.floorAreaM2 ?? null;
  after.outputValue = project.outputValue ?? null;
  after.taxRevenue = project.taxRevenue ?? null;
  after.agreedStartDate = project.agreedStartDate ?? null;
  after.landStatus = "supplied";
  after.constructionStatus = "not-started";
  return parcelEdit(input, "reassign", after);
}

/**
 * Recover idle land (收回): the enterprise and its figures are cleared, the construction status
 * and the supply dates too, and the land goes back into the reserve (`landStatus: reserved`).
 * Buildings standing on it (floor area, footprint) are kept.
 */
export function recoverEdit(input: ParcelInput): ScenarioParcelEdit {
  const after: Partial<Record<ParcelInputKey, InputValue>> = {};
  for (const k of OPERATOR_FIELDS) after[k] = null;
  after.constructionStatus = null;
  after.supplyDate = null;
  after.agreedStartDate = null;
  after.landStatus = "reserved";
  return parcelEdit(input, "recover", after);
}

/** An id not among `taken`: `base`, else `base-2`, `base-3` … */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Per parcel id, the quantities of its pieces after a split; geometry and area shares. */
export interface SplitResult {
  parcels: [PreparedParcel, PreparedParcel];
  /** Area share of each piece (planar, analysis CRS), adding up to 1. */
  shares: [number, number];
}

/** Divide a parcel in two along `line` (lon/lat); quantities by area share. */
export function splitParcel(
  p: PreparedParcel,
  line: readonly [number, number][],
  ids: [string, string],
  analysisCrs: string,
): SplitResult | { problem: SplitProblem } {
  const cut = splitPolygon(p.geometry, line);
  if ("problem" in cut) return cut;
  const fn = makeTransform(WGS84, analysisCrs);
  const a0 = planarAreaM2(transformGeometry(cut.pieces[0], fn));
  const a1 = planarAreaM2(transformGeometry(cut.pieces[1], fn));
  const share = a0 / (a0 + a1);
  if (!(share > 0 && share < 1)) return { problem: "split-empty-piece" };
  const in0: ParcelInput = { ...p.input, id: ids[0] };
  const in1: ParcelInput = { ...p.input, id: ids[1] };
  if (p.input.name) {
    in0.name = `${p.input.name} (1)`;
    in1.name = `${p.input.name} (2)`;
  }
  for (const f of DIVISIBLE_FIELDS) {
    const v = p.input[f];
    if (typeof v !== "number") continue;
    const d = splitDecimals(f);
    const first = roundTo(v * share, d);
    in0[f] = first;
    in1[f] = roundTo(v - first, d);
  }
  const area0 = p.areaM2 * share;
  return {
    parcels: [
      { input: in0, geometry: cut.pieces[0], areaM2: area0, extra: { ...p.extra } },
      { input: in1, geometry: cut.pieces[1], areaM2: p.areaM2 - area0, extra: { ...p.extra } },
    ],
    shares: [share, 1 - share],
  };
}

/** Why parcels cannot be merged (`null`: they can). */
export type MergeProblem = "merge-too-few" | "merge-other-zone" | "merge-not-neighbours";

/** Neighbours: outlines within this distance of each other (metres, in the analysis CRS). */
export const NEIGHBOUR_DISTANCE_M = 30;

/** Merge neighbouring parcels into one: quantities summed, the rest from the first; outlines united. */
export function mergeParcels(
  parts: readonly PreparedParcel[],
  id: string,
  analysisCrs: string,
): { parcel: PreparedParcel } | { problem: MergeProblem } {
  if (parts.length < 2) return { problem: "merge-too-few" };
  const first = parts[0] as PreparedParcel;
  if (parts.some((p) => (p.input.zone ?? "") !== (first.input.zone ?? "")))
    return { problem: "merge-other-zone" };
  const fn = makeTransform(WGS84, analysisCrs);
  const projected = parts.map((p) => transformGeometry(p.geometry, fn));
  // Every part must be near another (one chain of neighbours, not two separate groups).
  const linked = new Set([0]);
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = 0; i < parts.length; i++) {
      if (linked.has(i)) continue;
      for (const j of linked)
        if (boundaryDistance(projected[i] as never, projected[j] as never) <= NEIGHBOUR_DISTANCE_M) {
          linked.add(i);
          grew = true;
          break;
        }
    }
  }
  if (linked.size !== parts.length) return { problem: "merge-not-neighbours" };
  const input: ParcelInput = { ...first.input, id };
  for (const f of DIVISIBLE_FIELDS) {
    let total = 0;
    let any = false;
    for (const p of parts) {
      const v = p.input[f];
      if (typeof v === "number") {
        total += v;
        any = true;
      }
    }
    if (any) input[f] = total;
    else delete input[f];
  }
  return {
    parcel: {
      input,
      geometry: unitePolygons(parts.map((p) => p.geometry)),
      areaM2: parts.reduce((a, p) => a + p.areaM2, 0),
      extra: { ...first.extra },
    },
  };
}

/** An edit of a scenario that could not be applied (its parcel is gone, the line misses …). */
export interface ScenarioEditProblem {
  index: number;
  code: SplitProblem | MergeProblem | "parcel-missing";
  parcelId: string;
}

export interface AppliedScenario {
  parcels: PreparedParcel[];
  /** Per parcel changed by a parcel edit, the values it had before (for "edited" marks). */
  originals: EditedOriginals;
  /** Ids of parcels the scenario made (split pieces, merged parcels) → the ids they came from. */
  derived: Map<string, string[]>;
  problems: ScenarioEditProblem[];
}

const isScenarioEdit = (e: Edit): e is Exclude<ScenarioEdit, ScenarioStandardEdit> =>
  e.kind === "parcel-field" ||
  e.kind === "scenario-parcel" ||
  e.kind === "scenario-split" ||
  e.kind === "scenario-merge";

/**
 * Apply a scenario's edits (in order) to the base parcels (field corrections made in the scenario too). Pure: the base's parcel objects are
 * never mutated; untouched parcels are shared. Split pieces take the parcel's place in the
 * order; a merged parcel takes the first part's place. Standard edits are ignored here
 * (`applyStandardEdits`).
 */
export function applyScenario(
  base: readonly PreparedParcel[],
  edits: readonly Edit[],
  analysisCrs: string,
): AppliedScenario {
  let parcels = [...base];
  const originals: EditedOriginals = new Map();
  const derived = new Map<string, string[]>();
  const problems: ScenarioEditProblem[] = [];
  const step = (e: Edit, index: number): void => {
    if (!isScenarioEdit(e)) return;
    const at = (id: string) => parcels.findIndex((p) => p.input.id === id);
    if (e.kind === "scenario-parcel" || e.kind === "parcel-field") {
      const i = at(e.parcelId);
      const p = parcels[i];
      if (!p) {
        problems.push({ index, code: "parcel-missing", parcelId: e.parcelId });
        return;
      }
      const input: ParcelInput = { ...p.input };
      const orig = { ...(originals.get(e.parcelId) ?? {}) };
      const after = e.kind === "parcel-field" ? { [e.field]: e.after } : e.after;
      for (const [k, v] of Object.entries(after) as [ParcelInputKey, InputValue][]) {
        if (!(k in orig)) orig[k] = inputOf(p.input, k);
        if (v === null) delete input[k];
        else (input as unknown as Record<string, InputValue>)[k] = v;
      }
      originals.set(e.parcelId, orig);
      parcels = parcels.with(i, { ...p, input });
    } else if (e.kind === "scenario-split") {
      applySplit(e);
    } else if (e.kind === "scenario-merge") {
      applyMerge(e);
    }
    function applySplit(s: ScenarioSplitEdit) {
      const i = at(s.parcelId);
      const p = parcels[i];
      if (!p) return void problems.push({ index, code: "parcel-missing", parcelId: s.parcelId });
      const r = splitParcel(p, s.line, s.ids, analysisCrs);
      if ("problem" in r) return void problems.push({ index, code: r.problem, parcelId: s.parcelId });
      parcels.splice(i, 1, ...r.parcels);
      const from = derived.get(s.parcelId) ?? [s.parcelId];
      for (const id of s.ids) derived.set(id, from);
    }
    function applyMerge(m: ScenarioMergeEdit) {
      const idx = m.parcelIds.map(at);
      const missing = m.parcelIds.find((_, k) => (idx[k] as number) < 0);
      if (missing !== undefined)
        return void problems.push({ index, code: "parcel-missing", parcelId: missing });
      const parts = idx.map((i) => parcels[i] as PreparedParcel);
      const r = mergeParcels(parts, m.id, analysisCrs);
      if ("problem" in r)
        return void problems.push({ index, code: r.problem, parcelId: m.parcelIds[0] ?? "" });
      const drop = new Set(m.parcelIds);
      const firstAt = idx[0] as number;
      parcels = parcels.flatMap((p, i) => (i === firstAt ? [r.parcel] : drop.has(p.input.id) ? [] : [p]));
      derived.set(
        m.id,
        m.parcelIds.flatMap((id) => derived.get(id) ?? [id]),
      );
    }
  };
  edits.forEach(step);
  // A parcel whose edits were undone by later ones is no longer "edited" for fields back at their values.
  for (const [id, orig] of originals) {
    const p = parcels.find((q) => q.input.id === id);
    if (!p) {
      originals.delete(id);
      continue;
    }
    for (const k of Object.keys(orig) as ParcelInputKey[])
      if (orig[k] === inputOf(p.input, k)) delete orig[k];
    if (Object.keys(orig).length === 0) originals.delete(id);
  }
  return { parcels, originals, derived, problems };
}

/** The standards with a scenario's threshold changes applied (a new object; the base is kept). */
export function applyStandardEdits(standards: Standards, edits: readonly Edit[]): Standards {
  const own = edits.filter((e): e is ScenarioStandardEdit => e.kind === "scenario-standard");
  if (own.length === 0) return standards;
  const out: Standards = {
    ...standards,
    defaults: cloneSet(standards.defaults),
    zones: Object.fromEntries(Object.entries(standards.zones).map(([k, v]) => [k, cloneSet(v)])),
    industries: Object.fromEntries(Object.entries(standards.industries).map(([k, v]) => [k, cloneSet(v)])),
  };
  for (const e of own) {
    let set: ThresholdSet;
    if (e.level === "defaults") set = out.defaults;
    else {
      const group = out[e.level];
      const k = e.key ?? "";
      group[k] ??= {};
      set = group[k] as ThresholdSet;
    }
    const bound = ((set[e.bound] as Record<string, number> | undefined) ?? {}) as Record<string, number>;
    if (e.after === null) delete bound[e.indicator];
    else bound[e.indicator] = e.after;
    (set as Record<string, unknown>)[e.bound] = bound;
  }
  return out;
}

function cloneSet(s: ThresholdSet): ThresholdSet {
  return { ...(s.min ? { min: { ...s.min } } : {}), ...(s.max ? { max: { ...s.max } } : {}) };
}

/** The threshold a standards file sets at one place (`null`: none there). */
export function thresholdAt(
  standards: Standards,
  level: ScenarioStandardEdit["level"],
  key: string | null,
  bound: "min" | "max",
  indicator: string,
): number | null {
  const set = level === "defaults" ? standards.defaults : standards[level][key ?? ""];
  const v = (set?.[bound] as Record<string, number> | undefined)?.[indicator];
  return typeof v === "number" ? v : null;
}

/**
 * The scenarios of a history's applied edits: made, renamed, deleted (`scenario` edits), in the
 * order they were first made.
 */
export function scenarioList(edits: readonly Edit[]): ScenarioMeta[] {
  const current = new Map<string, ScenarioMeta | null>();
  for (const e of edits) if (e.kind === "scenario") current.set(e.scenarioId, e.after);
  const out: ScenarioMeta[] = [];
  for (const m of current.values()) if (m) out.push(m);
  return out;
}

/** A scenario's edits: its seed (the source's edits when it was made) and then its own applied edits. */
export function scenarioEdits(meta: ScenarioMeta, own: readonly Edit[]): ScenarioEdit[] {
  return [...meta.seed, ...own.filter(isScenarioContentEdit)];
}

/** Edits that belong in a scenario's own history. */
export function isScenarioContentEdit(e: Edit): e is ScenarioEdit {
  return e.kind === "scenario-standard" || isScenarioEdit(e);
}
