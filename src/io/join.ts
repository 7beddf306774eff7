/**
 * Attribute join of a sheet to raw features by a key.
 *
 * STUB of the sheets branch's join (issue 8 contract): passes the features through and reports
 * every row unmatched; the owner's version replaces it at merge.
 */

import type { Table } from "./readers/table";
import type { RawFeatureSet } from "./readers/types";

export interface JoinReport {
  matched: number;
  unmatchedRows: number[];
  unmatchedFeatures: number[];
  duplicateTableKeys: string[];
  duplicateFeatureKeys: string[];
}

export function joinTable(
  raw: RawFeatureSet,
  table: Table,
  _key: { tableField: string; featureField: string },
): { raw: RawFeatureSet; report: JoinReport } {
  return {
    raw,
    report: {
      matched: 0,
      unmatchedRows: table.rows.map((_, i) => i),
      unmatchedFeatures: raw.features.map((_, i) => i),
      duplicateTableKeys: [],
      duplicateFeatureKeys: [],
    },
  };
}
