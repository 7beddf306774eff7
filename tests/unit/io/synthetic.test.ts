import { describe, expect, it } from "vitest";
import { mulberry32, syntheticParcels } from "../../../src/io/synthetic";

describe("syntheticParcels", () => {
  it("is deterministic for the same seed and differs for another", () => {
    const a = JSON.stringify(syntheticParcels(50, 7));
    expect(JSON.stringify(syntheticParcels(50, 7))).toBe(a);
    expect(JSON.stringify(syntheticParcels(50, 8))).not.toBe(a);
  });
  it("gives n closed lon/lat polygons with unique ids near Jianshi", () => {
    const fc = syntheticParcels(400);
    expect(fc.features).toHaveLength(400);
    const ids = new Set(fc.features.map((f) => f.properties?.id));
    expect(ids.size).toBe(400);
    for (const f of fc.features) {
      const ring = f.geometry.coordinates[0] ?? [];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring as [number, number][]) {
        expect(lon).toBeGreaterThan(109.7);
        expect(lon).toBeLessThan(110);
        expect(lat).toBeGreaterThan(30.5);
        expect(lat).toBeLessThan(30.8);
      }
    }
  });
  it("mulberry32 stays in [0, 1)", () => {
    const r = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
