import { describe, expect, it } from "vitest";
import type { ParcelFieldEdit } from "../../../src/domain/edits";
import type { PreparedParcel } from "../../../src/domain/types";
import { createHandlerContext, handleAnalyze } from "../../../src/worker/handlers";
import { STANDARDS } from "../state/helpers";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [109.7, 30.6],
      [109.701, 30.6],
      [109.701, 30.601],
      [109.7, 30.6],
    ],
  ],
};
const held = (): PreparedParcel[] => [
  { input: { id: "A", fixedInvestment: 1000 }, geometry: square, areaM2: 6666.67, extra: {} },
  { input: { id: "B", fixedInvestment: 500 }, geometry: square, areaM2: 6666.67, extra: {} },
];
const edit = (parcelId: string, after: number | null, before: number | null): ParcelFieldEdit => ({
  kind: "parcel-field",
  parcelId,
  field: "fixedInvestment",
  before,
  after,
});

describe("analyze handler with edits", () => {
  it("without edits the held parcels are analysed as they are (inputs shared, nothing marked)", () => {
    const ctx = createHandlerContext();
    const parcels = held();
    ctx.datasets.set(1, { parcels, source: { input: "", fileName: "p.geojson" } });
    const res = handleAnalyze(ctx, { datasetId: 1, standards: STANDARDS, asOf: "2026-06-30" });
    expect(res.result.parcels[0]?.input).toBe(parcels[0]?.input);
    expect(res.result.parcels.some((p) => "edited" in p)).toBe(false);
    expect(res.unmatchedEdits).toBeUndefined();
  });

  it("applies the edits to the held parcels, never changing them, and marks the originals", () => {
    const ctx = createHandlerContext();
    const parcels = held();
    ctx.datasets.set(1, { parcels, source: { input: "", fileName: "p.geojson" } });
    const res = handleAnalyze(ctx, {
      datasetId: 1,
      standards: STANDARDS,
      asOf: "2026-06-30",
      edits: [edit("A", 2000, 1000), edit("GONE", 1, null)],
    });
    const [a, b] = res.result.parcels;
    expect(a?.input.fixedInvestment).toBe(2000);
    expect(a?.computed.investmentPerMu).toBeCloseTo(200, 3);
    expect(a?.edited).toEqual({ fixedInvestment: 1000 });
    expect(b?.input).toBe(parcels[1]?.input);
    expect(b?.edited).toBeUndefined();
    expect(parcels[0]?.input.fixedInvestment).toBe(1000);
    expect(res.unmatchedEdits).toBe(1);
    // The held parcels again, without edits: the originals.
    const again = handleAnalyze(ctx, { datasetId: 1, standards: STANDARDS, asOf: "2026-06-30" });
    expect(again.result.parcels[0]?.computed.investmentPerMu).toBeCloseTo(100, 3);
  });

  it("a field cleared by an edit: its indicator is null and the original is kept", () => {
    const ctx = createHandlerContext();
    ctx.datasets.set(1, { parcels: held(), source: { input: "", fileName: "p.geojson" } });
    const res = handleAnalyze(ctx, {
      datasetId: 1,
      standards: STANDARDS,
      asOf: "2026-06-30",
      edits: [edit("A", null, 1000)],
    });
    expect(res.result.parcels[0]?.computed.investmentPerMu).toBeNull();
    expect(res.result.parcels[0]?.edited).toEqual({ fixedInvestment: 1000 });
  });
});
