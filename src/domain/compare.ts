/**
 * Comparing two analyses (two scenarios, or a scenario and the base): the change of every target
 * and of every zone-level figure, and the parcels that differ, field by field. Deltas are `b − a`
 * of the figures as summed here (no rounding: the UI and exports round for display). Pure.
 */
import type { FacilityKind } from "./coverage";
import { INPUT_FIELDS } from "./fields";
import { indicatorAreaM2 } from "./indicators";
import { computeTargets, type TargetRow, type TargetsFile } from "./targets";
import type { AnalysedParcel, AnalysisResult, EfficiencyClass } from "./types";
import { m2ToMu } from "./units";

/** The zone-level figures, each summed over a zone's parcels (or the whole park). */
export const ZONE_FIGURES = [
  "parcels",
  "landAreaMu",
  /** Reserved or unsupplied land without an enterprise (land freed for new projects), 亩. */
  "availableAreaMu",
  /** Land idle a year or more, or halted (闲置), 亩. */
  "idleAreaMu",
  "fixedInvestment",
  "outputValue",
  "taxRevenue",
  "classA",
  "classB",
  "classC",
  "classD",
  "notEvaluated",
  "candidates",
  "candidateAreaMu",
  "belowStandard",
] as const;
export type ZoneFigure = (typeof ZONE_FIGURES)[number];

export type Figures = Record<ZoneFigure, number>;

/** `all`: the whole park. */
export const ALL_ZONES = "all";

const CLASS_FIGURE: Record<EfficiencyClass, ZoneFigure> = {
  A: "classA",
  B: "classB",
  C: "classC",
  D: "classD",
};

const empty = (): Figures => Object.fromEntries(ZONE_FIGURES.map((f) => [f, 0])) as Figures;

function add(f: Figures, p: AnalysedParcel): void {
  const c = p.computed;
  const mu = m2ToMu(indicatorAreaM2(p.input, c.areaM2));
  f.parcels += 1;
  f.landAreaMu += mu;
  if (
    (p.input.landStatus === "reserved" || p.input.landStatus === "unsupplied") &&
    !p.input.enterprise?.trim()
  )
    f.availableAreaMu += mu;
  if (c.idleStatus === "idle-1y" || c.idleStatus === "idle-2y" || c.idleStatus === "idle-halted")
    f.idleAreaMu += mu;
  f.fixedInvestment += p.input.fixedInvestment ?? 0;
  f.outputValue += p.input.outputValue ?? 0;
  f.taxRevenue += p.input.taxRevenue ?? 0;
  if (c.efficiencyClass) f[CLASS_FIGURE[c.efficiencyClass]] += 1;
  else f.notEvaluated += 1;
  if (c.reallocationCandidate) {
    f.candidates += 1;
    f.candidateAreaMu += mu;
  }
  if (c.standardsFailed.length > 0) f.belowStandard += 1;
}

/** The figures of every zone and of the whole park (`all`), in parcel order. */
export function zoneFigures(parcels: readonly AnalysedParcel[]): Map<string, Figures> {
  const out = new Map<string, Figures>([[ALL_ZONES, empty()]]);
  for (const p of parcels) {
    add(out.get(ALL_ZONES) as Figures, p);
    const z = p.input.zone ?? "";
    let f = out.get(z);
    if (!f) {
      f = empty();
      out.set(z, f);
    }
    add(f, p);
  }
  return out;
}

export interface FigureDelta {
  zone: string;
  figure: ZoneFigure | `coverage-${FacilityKind}`;
  a: number | null;
  b: number | null;
  delta: number | null;
}

export interface TargetDelta {
  id: string;
  label: { zh: string; en: string };
  unit: TargetRow["unit"];
  zone: string | null;
  target: number;
  comparison: TargetRow["comparison"];
  a: number | null;
  b: number | null;
  delta: number | null;
  metA: boolean | null;
  metB: boolean | null;
}

/** One field of a parcel that differs. */
export interface FieldDelta {
  field: string;
  a: string | number | boolean | null;
  b: string | number | boolean | null;
  /** `b − a` when both are numbers. */
  delta: number | null;
}

export interface ParcelDelta {
  id: string;
  zone: string | null;
  /** `added`: only in b (a split piece, a merged parcel); `removed`: only in a. */
  change: "changed" | "added" | "removed";
  fields: FieldDelta[];
}

export interface Comparison {
  targets: TargetDelta[];
  figures: FigureDelta[];
  parcels: ParcelDelta[];
}

/** The analysed values compared per parcel besides the inputs. */
const COMPUTED_COMPARED = [
  "areaM2",
  "idleStatus",
  "efficiencyClass",
  "efficiencyScore",
  "reallocationCandidate",
  "investmentPerMu",
  "outputPerMu",
  "taxPerMu",
] as const;

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

type Scalar = string | number | boolean | null;
const scalar = (v: unknown): Scalar =>
  v === undefined || v === null ? null : typeof v === "object" ? JSON.stringify(v) : (v as Scalar);

function parcelFields(a: AnalysedParcel | undefined, b: AnalysedParcel | undefined): FieldDelta[] {
  const out: FieldDelta[] = [];
  const push = (field: string, va: Scalar, vb: Scalar) => {
    if (va === vb) return;
    out.push({
      field,
      a: va,
      b: vb,
      delta: typeof va === "number" && typeof vb === "number" ? vb - va : null,
    });
  };
  for (const f of INPUT_FIELDS) {
    if (f.key === "id") continue;
    push(f.key, scalar(a?.input[f.key as never]), scalar(b?.input[f.key as never]));
  }
  for (const k of COMPUTED_COMPARED) push(k, scalar(a?.computed[k]), scalar(b?.computed[k]));
  const failed = (p: AnalysedParcel | undefined) => (p ? p.computed.standardsFailed.join(",") : null);
  push("standardsFailed", failed(a), failed(b));
  return out;
}

export interface CompareOptions {
  targets?: TargetsFile | null;
  /** Six-ones coverage share (0–1) per kind, of each side, when computed. */
  coverage?: { a: Partial<Record<FacilityKind, number>>; b: Partial<Record<FacilityKind, number>> };
}

/** Compare analysis `b` against `a`. */
export function compareAnalyses(
  a: AnalysisResult,
  b: AnalysisResult,
  options: CompareOptions = {},
): Comparison {
  const targets: TargetDelta[] = [];
  if (options.targets) {
    const ta = computeTargets(a.parcels, options.targets);
    const tb = computeTargets(b.parcels, options.targets);
    ta.forEach((ra, i) => {
      const rb = tb[i] as TargetRow;
      targets.push({
        id: ra.id,
        label: ra.label,
        unit: ra.unit,
        zone: ra.zone,
        target: ra.target,
        comparison: ra.comparison,
        a: ra.value,
        b: rb.value,
        delta: diff(ra.value, rb.value),
        metA: ra.met,
        metB: rb.met,
      });
    });
  }
  const fa = zoneFigures(a.parcels);
  const fb = zoneFigures(b.parcels);
  const zones = [...new Set([...fa.keys(), ...fb.keys()])];
  const figures: FigureDelta[] = [];
  for (const zone of zones)
    for (const figure of ZONE_FIGURES) {
      const va = fa.get(zone)?.[figure] ?? 0;
      const vb = fb.get(zone)?.[figure] ?? 0;
      figures.push({ zone, figure, a: va, b: vb, delta: vb - va });
    }
  if (options.coverage) {
    const kinds = new Set([
      ...Object.keys(options.coverage.a),
      ...Object.keys(options.coverage.b),
    ]) as Set<FacilityKind>;
    for (const k of kinds) {
      const va = options.coverage.a[k] ?? null;
      const vb = options.coverage.b[k] ?? null;
      figures.push({ zone: ALL_ZONES, figure: `coverage-${k}`, a: va, b: vb, delta: diff(va, vb) });
    }
  }
  const byA = new Map(a.parcels.map((p) => [p.input.id, p]));
  const byB = new Map(b.parcels.map((p) => [p.input.id, p]));
  const parcels: ParcelDelta[] = [];
  for (const p of a.parcels) {
    const q = byB.get(p.input.id);
    const fields = parcelFields(p, q);
    if (!q) parcels.push({ id: p.input.id, zone: p.input.zone ?? null, change: "removed", fields });
    else if (fields.length > 0)
      parcels.push({ id: p.input.id, zone: p.input.zone ?? null, change: "changed", fields });
  }
  for (const q of b.parcels)
    if (!byA.has(q.input.id))
      parcels.push({
        id: q.input.id,
        zone: q.input.zone ?? null,
        change: "added",
        fields: parcelFields(undefined, q),
      });
  return { targets, figures, parcels };
}
