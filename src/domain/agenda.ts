/**
 * The land review meeting's agenda (议程, issue 9): the ordered list of parcels the joint meeting
 * (联席会议) reviews. Pure: ids in, ids out; the analysis results decide who is on it.
 *
 * Default agenda (the chair may reorder, add and remove):
 * 1. reallocation candidates (腾笼换鸟, domain.md §7), by reallocation priority:
 *    `idle-2y` (may be recovered without compensation), then `idle-halted`, then `idle-1y` (idle
 *    fee), then idle land whose delay the government caused (negotiated disposal only), then
 *    class D (倒逼整治) that is not idle land; within one priority the larger area first (more
 *    land to free), then the id;
 * 2. then the below-standard parcels (`standardsFailed` non-empty) that are not candidates, by
 *    efficiency score ascending (weakest first; unevaluated after the scored), then more failed
 *    standards first, then the larger area, then the id.
 * A hand-picked list (`source: "manual"`) keeps the order given, without repeats or unknown ids.
 */
import { isIdleLand } from "./flags";
import type { AnalysedParcel } from "./types";

export type AgendaSource = "default" | "candidates" | "below-standard" | "manual";

/** Why a parcel is on the agenda. */
export type AgendaKind = "candidate" | "below-standard" | "manual";

export interface AgendaOptions {
  source?: AgendaSource;
  /** For `manual`: the parcel ids in the chair's order. */
  ids?: readonly string[];
}

type Agendable = Pick<AnalysedParcel, "input" | "computed">;

/**
 * The reallocation priority of a candidate (0 = first), or `null` for a parcel that is not one.
 * Uses the analysis' own results (`reallocationReasons`), never re-derives the rules.
 */
export function reallocationPriority(p: Agendable): number | null {
  const c = p.computed;
  if (!c.reallocationCandidate) return null;
  const reasons = c.reallocationReasons;
  if (reasons.includes("government-cause")) return 3;
  if (reasons.includes("idle-2y")) return 0;
  if (reasons.includes("idle-halted")) return 1;
  if (reasons.includes("idle-1y")) return 2;
  return isIdleLand(c.idleStatus) ? 2 : 4;
}

/** Why a parcel is on the default agenda (`null`: it is not). */
export function agendaKind(p: Agendable): AgendaKind | null {
  if (p.computed.reallocationCandidate) return "candidate";
  if (p.computed.standardsFailed.length > 0) return "below-standard";
  return null;
}

/** Sort keys of a parcel, computed once per parcel (not per comparison: 175,000 parcels, issue 13). */
interface Keyed {
  id: string;
  /** Candidates: the reallocation priority; below standard: the score (null last). */
  k1: number;
  /** Below standard: the number of failed standards, negated (more first). */
  k2: number;
  /** The area, negated (larger first). */
  k3: number;
}

const keyedOrder = (a: Keyed, b: Keyed) =>
  a.k1 - b.k1 || a.k2 - b.k2 || a.k3 - b.k3 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function candidateKeys(p: Agendable): Keyed {
  return { id: p.input.id, k1: reallocationPriority(p) ?? 9, k2: 0, k3: -p.computed.areaM2 };
}

function belowStandardKeys(p: Agendable): Keyed {
  const score = p.computed.efficiencyScore;
  return {
    id: p.input.id,
    k1: score === null ? Number.POSITIVE_INFINITY : score,
    k2: -p.computed.standardsFailed.length,
    k3: -p.computed.areaM2,
  };
}

/**
 * The agenda as parcel ids, in order (see the module comment for the default order).
 * @example buildAgenda(result.parcels) // ["HTK-031", "DYB-007", …] candidates first, then below standard
 * buildAgenda(result.parcels, { source: "manual", ids: ["DYB-002", "HTK-001"] }) // ["DYB-002", "HTK-001"]
 */
export function buildAgenda(parcels: readonly Agendable[], options: AgendaOptions = {}): string[] {
  const source = options.source ?? "default";
  if (source === "manual") {
    const known = new Set(parcels.map((p) => p.input.id));
    const out: string[] = [];
    for (const id of options.ids ?? []) if (known.has(id) && !out.includes(id)) out.push(id);
    return out;
  }
  const candidates =
    source === "below-standard"
      ? []
      : parcels
          .filter((p) => p.computed.reallocationCandidate)
          .map(candidateKeys)
          .sort(keyedOrder);
  const below =
    source === "candidates"
      ? []
      : parcels
          .filter((p) => !p.computed.reallocationCandidate && p.computed.standardsFailed.length > 0)
          .map(belowStandardKeys)
          .sort(keyedOrder);
  return [...candidates, ...below].map((k) => k.id);
}

/**
 * The parcels an atlas prints for a kind of agenda, in the meeting's order: the reallocation
 * candidates, or every parcel below a standard (candidates among them included, so the count is
 * the summary's 低于标准 count).
 */
export function atlasAgenda(parcels: readonly Agendable[], kind: "candidates" | "below-standard"): string[] {
  if (kind === "candidates") return buildAgenda(parcels, { source: "candidates" });
  const below = new Set(parcels.filter((p) => p.computed.standardsFailed.length > 0).map((p) => p.input.id));
  return buildAgenda(parcels).filter((id) => below.has(id));
}

/** The agenda with the item at `from` moved to `to` (indexes clamped); the same array for a no-op. */
export function moveAgendaItem(agenda: readonly string[], from: number, to: number): string[] {
  if (from < 0 || from >= agenda.length) return [...agenda];
  const target = Math.max(0, Math.min(agenda.length - 1, to));
  if (target === from) return [...agenda];
  const out = [...agenda];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as string);
  return out;
}

/** The agenda with `id` added at `at` (default: the end); unchanged when it is already on it. */
export function addToAgenda(agenda: readonly string[], id: string, at?: number): string[] {
  if (agenda.includes(id)) return [...agenda];
  const out = [...agenda];
  const i = at === undefined ? out.length : Math.max(0, Math.min(out.length, at));
  out.splice(i, 0, id);
  return out;
}

export function removeFromAgenda(agenda: readonly string[], id: string): string[] {
  return agenda.filter((x) => x !== id);
}

/**
 * The agenda in force: the chair's stored list (ids no longer in the data left out, and counted)
 * or, when none was stored, the default agenda of the data.
 */
export function currentAgenda(
  parcels: readonly Agendable[],
  stored: readonly string[] | null,
): { ids: string[]; missing: string[] } {
  if (stored === null) return { ids: buildAgenda(parcels), missing: [] };
  const ids = buildAgenda(parcels, { source: "manual", ids: stored });
  const have = new Set(ids);
  return { ids, missing: stored.filter((id) => !have.has(id)) };
}
