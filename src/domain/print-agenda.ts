/**
 * The parcels an atlas prints, in order, when no hand-made agenda is given: the reallocation
 * candidates, or every parcel below a standard. Ordered by zone, then reallocation candidates
 * before the others, then larger parcels first, then id — the order a review meeting walks a
 * zone. (The meeting's own agenda, `buildAgenda` in `agenda.ts`, replaces this at merge.)
 */
import type { AnalysedParcel } from "./types";

export type AgendaKind = "candidates" | "below-standard";

export function printAgenda(parcels: readonly AnalysedParcel[], kind: AgendaKind): string[] {
  const picked = parcels.filter((p) =>
    kind === "candidates" ? p.computed.reallocationCandidate : p.computed.standardsFailed.length > 0,
  );
  return picked
    .sort(
      (a, b) =>
        (a.input.zone ?? "").localeCompare(b.input.zone ?? "") ||
        Number(b.computed.reallocationCandidate) - Number(a.computed.reallocationCandidate) ||
        b.computed.areaMu - a.computed.areaMu ||
        a.input.id.localeCompare(b.input.id),
    )
    .map((p) => p.input.id);
}
