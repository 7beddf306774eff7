/**
 * The worker's `coverage` request over the sample data: the plan's facilities and roads, the
 * planner inputs kept between requests, and parcel edits that change demand.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { LineString } from "geojson";
import { describe, expect, it } from "vitest";
import { readFacilities } from "../../../src/io/plan-read";
import { createHandlerContext, handleCoverage, handleImport } from "../../../src/worker/handlers";

const ROOT = resolve(__dirname, "../../..");
const read = (f: string) => readFileSync(resolve(ROOT, "geodata", f), "utf8");
const roads = (JSON.parse(read("roads.geojson")).features as { geometry: LineString }[]).map(
  (f) => f.geometry,
);
const facilities = readFacilities(read("facilities.geojson"), "facilities.geojson").items;
const services = JSON.parse(read("standards.json")).services;

describe("worker coverage", () => {
  const ctx = createHandlerContext();
  handleImport(ctx, { input: read("parcels.geojson"), fileName: "parcels.geojson", datasetId: 1 });
  const base = { datasetId: 1, facilities, roads, analysisCrs: "EPSG:4546", services };

  it("covers along the roads, ranks sites, and keeps the planner inputs for the next request", () => {
    const a = handleCoverage(ctx, { ...base, suggest: { kind: "kindergarten", count: 3 } });
    expect(a.method).toBe("road");
    expect(a.totalDemand).toBeGreaterThan(0);
    expect(a.facilities.map((f) => f.facilityId)).toEqual(facilities.map((f) => f.id));
    expect(a.suggestions).toHaveLength(3);
    expect(a.suggestions[0]?.newlyCoveredDemand).toBeGreaterThanOrEqual(
      a.suggestions[1]?.newlyCoveredDemand ?? 0,
    );
    const kept = ctx.planner?.inputs;
    const moved = facilities.map((f) =>
      f.kind === "kindergarten" && f.geometry.type === "Point"
        ? {
            ...f,
            geometry: {
              type: "Point" as const,
              coordinates: [
                f.geometry.coordinates[0] as number,
                (f.geometry.coordinates[1] as number) + 0.002,
              ],
            },
          }
        : f,
    );
    const b = handleCoverage(ctx, { ...base, facilities: moved });
    expect(ctx.planner?.inputs).toBe(kept);
    expect(b.totalDemand).toBe(a.totalDemand);
    const straight = handleCoverage(ctx, { ...base, roads: null });
    expect(straight.method).toBe("straight");
    // the road never covers more than the straight line
    for (const kind of ["clinic", "green", "kindergarten"] as const)
      expect(a.byKind[kind].coveredDemand).toBeLessThanOrEqual(straight.byKind[kind].coveredDemand);
  });

  it("an edit of a parcel's employees changes the demand by exactly the difference", () => {
    const before = handleCoverage(ctx, base);
    const r = handleCoverage(ctx, {
      ...base,
      edits: [{ kind: "parcel-field", parcelId: "HTK-001", field: "employees", before: null, after: 100000 }],
    });
    const htk1 = (
      JSON.parse(read("parcels.geojson")).features as { properties: Record<string, unknown> }[]
    ).find((f) => f.properties.id === "HTK-001");
    const old = Number(htk1?.properties.employees ?? 0) + Number(htk1?.properties.residents ?? 0);
    expect(r.totalDemand - before.totalDemand).toBe(100000 + Number(htk1?.properties.residents ?? 0) - old);
  });

  it("reports each bus line's figures", () => {
    const line = roads[0] as LineString;
    const bus = {
      id: "BUS1",
      kind: "bus" as const,
      status: "proposed" as const,
      geometry: line,
      stops: [line.coordinates[0], line.coordinates[2], line.coordinates.at(-1)] as number[][],
    };
    const r = handleCoverage(ctx, { ...base, facilities: [...facilities, bus] });
    expect(r.busLines).toHaveLength(1);
    expect(r.busLines[0]?.figures.stopCount).toBe(3);
    expect(r.busLines[0]?.figures.lengthM).toBeGreaterThan(0);
  });
});
