/**
 * Why the table is empty, and the one click that helps: a search under one zone (the header's zone
 * buttons also set the table's zone filter) finds nothing there but matches in another zone, or
 * other filters hide what the search alone would find. Pure (tested in
 * `tests/unit/ui/table-empty-hint.test.ts`); matching is the store's `matchesFilter`.
 */
import type { AnalysedParcel } from "../../domain/types";
import { isFilterActive, matchesFilter } from "../../state/selectors";
import { EMPTY_FILTER } from "../../state/slices/selection";
import type { TableFilter } from "../../state/types";

export type EmptyHint =
  /** The filter without its zone finds `count` parcels, all in `zone` (or in several zones: `zone` null). */
  | { kind: "otherZone"; zone: string | null; count: number; patch: Partial<TableFilter> }
  /** The search alone (or no filter at all) finds `count` parcels. */
  | { kind: "otherFilters"; keepsText: boolean; count: number; patch: Partial<TableFilter> };

/** The hint for an empty table, or null when the rows are not empty or nothing would help. */
export function emptyHint(parcels: readonly AnalysedParcel[], filter: TableFilter): EmptyHint | null {
  if (parcels.length === 0 || !isFilterActive(filter)) return null;
  if (parcels.some((p) => matchesFilter(p, filter))) return null;
  if (filter.zone !== null) {
    const noZone = { ...filter, zone: null };
    const zones = new Map<string, number>();
    let count = 0;
    for (const p of parcels)
      if (matchesFilter(p, noZone)) {
        count++;
        const z = p.input.zone ?? "";
        zones.set(z, (zones.get(z) ?? 0) + 1);
      }
    if (count > 0) {
      const only = zones.size === 1 ? ([...zones.keys()][0] ?? "") : "";
      return { kind: "otherZone", zone: only === "" ? null : only, count, patch: { zone: null } };
    }
  }
  const text = filter.text.trim();
  const searchOnly: TableFilter = { ...EMPTY_FILTER, text: filter.text };
  // Only the search is set and it finds nothing: nothing to clear but the search itself.
  if (text !== "" && !isFilterActive({ ...filter, text: "" })) return null;
  const count = text === "" ? parcels.length : parcels.filter((p) => matchesFilter(p, searchOnly)).length;
  if (count === 0) return null;
  return { kind: "otherFilters", keepsText: text !== "", count, patch: searchOnly };
}
