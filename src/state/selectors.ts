/**
 * Derived values, computed from the store and memoised on their inputs (same inputs → the same
 * object, so React and the map binding see no change). The filtered rows are shared by the
 * table, the map dimming and the exports.
 */
import { earliestDate } from "../domain/dates";
import { parcelFlag } from "../domain/flags";
import { landUseGroup } from "../domain/landuse";
import type { AnalysedParcel, AnalysisResult, AnalysisSummary, IsoDate } from "../domain/types";
import { currentClassification } from "./slices/view";
import { selectTargetParcelIds } from "./targets";
import type { AppState, Classification, TableFilter, ValueRangeFilter } from "./types";

/** Does the filter restrict anything? */
export function isFilterActive(f: TableFilter): boolean {
  return (
    f.zone !== null ||
    f.landUseGroup !== null ||
    f.industryCluster !== null ||
    f.constructionStatus !== null ||
    f.idleStatus !== null ||
    f.efficiencyClass !== null ||
    f.candidateOnly ||
    f.belowStandardOnly ||
    f.text.trim() !== "" ||
    f.flag !== null ||
    f.range !== null ||
    f.target !== null
  );
}

/** Is `v` in the legend class `r` (`min ≤ v < max`; with `missing`, is `v` missing)? */
export function inRange(v: number | null | undefined, r: ValueRangeFilter): boolean {
  const has = typeof v === "number" && Number.isFinite(v);
  if (r.missing) return !has;
  if (!has) return false;
  return (r.min === null || v >= r.min) && (r.max === null || v < r.max);
}

/** A predicate for one parcel (pure; exported for tests and the exports). */
export function matchesFilter(p: AnalysedParcel, f: TableFilter): boolean {
  const i = p.input;
  const c = p.computed;
  if (f.zone !== null && i.zone !== f.zone) return false;
  if (f.landUseGroup !== null && landUseGroup(i.landUse) !== f.landUseGroup) return false;
  if (f.industryCluster !== null && (i.industryCluster ?? "none") !== f.industryCluster) return false;
  if (f.constructionStatus !== null && (i.constructionStatus ?? "none") !== f.constructionStatus)
    return false;
  if (f.idleStatus !== null && c.idleStatus !== f.idleStatus) return false;
  if (f.efficiencyClass !== null && (c.efficiencyClass ?? "none") !== f.efficiencyClass) return false;
  if (f.candidateOnly && !c.reallocationCandidate) return false;
  if (f.belowStandardOnly && c.standardsFailed.length === 0) return false;
  if (f.flag !== null && parcelFlag(c) !== f.flag) return false;
  if (f.range !== null && !inRange(c[f.range.field], f.range)) return false;
  const q = queryOf(f.text);
  if (q) {
    // Field by field, stopping at the first that holds the text (no joined string per parcel).
    const has = (v: unknown) => !!v && String(v).toLowerCase().includes(q);
    if (!(has(i.id) || has(i.name) || has(i.enterprise) || has(i.landUse) || has(i.industryCode)))
      return false;
  }
  return true;
}

let lastText = "";
let lastQuery = "";
/** The search text as matched (trimmed, lower case), made once per text, not once per parcel. */
function queryOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastQuery = text.trim().toLowerCase();
  }
  return lastQuery;
}

/** One-slot memo on reference-equal arguments. */
function memo2<A, B, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let la: A | undefined;
  let lb: B | undefined;
  let lr: R | undefined;
  let has = false;
  return (a, b) => {
    if (has && a === la && b === lb) return lr as R;
    la = a;
    lb = b;
    lr = fn(a, b);
    has = true;
    return lr;
  };
}

/** One-slot memo on reference-equal arguments. */
function memo3<A, B, C, R>(fn: (a: A, b: B, c: C) => R): (a: A, b: B, c: C) => R {
  let last: { a: A; b: B; c: C; r: R } | null = null;
  return (a, b, c) => {
    if (last && a === last.a && b === last.b && c === last.c) return last.r;
    const r = fn(a, b, c);
    last = { a, b, c, r };
    return r;
  };
}

const EMPTY_ROWS: AnalysedParcel[] = [];

const rowsOf = memo3(
  (
    parcels: AnalysedParcel[] | undefined,
    f: TableFilter,
    behind: ReadonlySet<string> | null,
  ): AnalysedParcel[] => {
    if (!parcels) return EMPTY_ROWS;
    if (!isFilterActive(f)) return parcels;
    return parcels.filter(
      (p) => matchesFilter(p, f) && (f.target === null || behind?.has(p.input.id) === true),
    );
  },
);

/**
 * Analysed parcels matching the table filter (all of them when the filter is empty). A target
 * filter keeps the parcels behind that target in the current data (`selectTargetParcelIds`).
 */
export function selectRows(s: AppState): AnalysedParcel[] {
  return rowsOf(s.result?.parcels, s.filter, s.filter.target === null ? null : selectTargetParcelIds(s));
}

const idsOf = memo2((rows: AnalysedParcel[], active: boolean): ReadonlySet<string> | null =>
  active ? new Set(rows.map((p) => p.input.id)) : null,
);

/** Ids of the filtered parcels, or null when no filter is set (the map then dims nothing). */
export function selectFilteredIds(s: AppState): ReadonlySet<string> | null {
  return idsOf(selectRows(s), isFilterActive(s.filter));
}

/** The classification of the current indicator. */
export function selectClassification(s: AppState): Classification {
  return currentClassification(s);
}

/** The parcel shown in the detail panel: the single selected one (or the first of several). */
export function selectDetailParcel(s: AppState): AnalysedParcel | null {
  const first = s.selectedIds.values().next();
  if (first.done) return null;
  return s.byId.get(first.value) ?? null;
}

/** The summary for the focused zone (or all zones), null before the first analysis. */
export function selectFocusSummary(s: AppState): AnalysisSummary | null {
  if (!s.result) return null;
  if (s.zoneFocus === "all") return s.result.summary;
  return s.result.summaryByZone[s.zoneFocus] ?? null;
}

const candidatesOf = memo2((parcels: AnalysedParcel[] | undefined, zone: string): AnalysedParcel[] => {
  if (!parcels) return EMPTY_ROWS;
  return parcels
    .filter((p) => p.computed.reallocationCandidate && (zone === "all" || p.input.zone === zone))
    .sort((a, b) => b.computed.areaM2 - a.computed.areaM2 || a.input.id.localeCompare(b.input.id));
});

/** Reallocation candidates in the focused zone, largest area first. */
export function selectCandidates(s: AppState): AnalysedParcel[] {
  return candidatesOf(s.result?.parcels, s.zoneFocus);
}

const zoneIdsOf = memo2((context: AppState["context"], parcels: AnalysedParcel[] | undefined): string[] => {
  const ids = new Set<string>();
  for (const f of context?.zones.features ?? []) {
    const id = f.properties?.id ?? f.id;
    if (typeof id === "string") ids.add(id);
  }
  if (ids.size === 0) for (const p of parcels ?? []) if (p.input.zone) ids.add(p.input.zone);
  return [...ids];
});

/** Zone ids present in the data (from the context zones layer, else from the parcels), in a stable order. */
export function selectZoneIds(s: AppState): string[] {
  return zoneIdsOf(s.context, s.result?.parcels);
}

/** The parcels' supply dates, without an array of them (175,000 parcels). */
function* supplyDates(parcels: readonly AnalysedParcel[]): Generator<string | undefined> {
  for (const p of parcels) yield p.input.supplyDate;
}

let earliestOf: AnalysisResult | null = null;
let earliestMemo: IsoDate | null = null;
/** The earliest supply date of the analysed parcels (the data's own start), or null. */
export function selectEarliestSupplyDate(s: AppState): IsoDate | null {
  if (s.result !== earliestOf) {
    earliestOf = s.result;
    earliestMemo = s.result ? earliestDate(supplyDates(s.result.parcels)) : null;
  }
  return earliestMemo;
}
