import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { mapGeoJsonChunks, parcelsBbox, TILE_PROPERTIES } from "../../../src/domain/map-properties";
import type { AnalysedParcel } from "../../../src/domain/types";
import { setMapData } from "../../../src/state/map-data";
import { mapParcelsInSlices } from "../../../src/ui/mapBinding";
import { parcel } from "../state/helpers";

/** Parcel `i` with its own square, so geometry and order are checked, not only ids. */
function parcels(n: number): AnalysedParcel[] {
  return Array.from({ length: n }, (_, i) => {
    const p = parcel(
      { id: `P-${i}`, zone: i % 2 ? "dayangbang" : "huangtukan", landUse: "100102" },
      { far: i / 10, idleStatus: i === 3 ? "idle-2y" : "none" },
    );
    const x = 109.7 + i * 0.001;
    p.geometry = {
      type: "Polygon",
      coordinates: [
        [
          [x, 30.6],
          [x + 0.0005, 30.6],
          [x + 0.0005, 30.6005],
          [x, 30.6],
        ],
      ],
    };
    return p;
  });
}

describe("the map's GeoJSON written by the worker", () => {
  it("is one valid FeatureCollection of every parcel in order, whatever the piece size", () => {
    const ps = parcels(7);
    for (const per of [1, 3, 7, 100]) {
      const fc = JSON.parse(mapGeoJsonChunks(ps, per).join(""));
      expect(fc.type).toBe("FeatureCollection");
      expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(
        ps.map((p) => p.input.id),
      );
      expect(fc.features[5].geometry).toEqual(ps[5]?.geometry);
      expect((fc.features[5].geometry as Polygon).coordinates[0]?.[0]).toEqual([109.705, 30.6]);
      // What the styles read: the flag of an idle parcel, the land-use group; the numeric
      // indicators stay on the page (a numeric colouring is feature-state).
      expect(Object.keys(fc.features[4].properties)).toEqual([...TILE_PROPERTIES]);
      expect(fc.features[4].properties.far).toBeUndefined();
      expect(fc.features[3].properties.flag).toBe("idle");
      expect(fc.features[0].properties.landUseGroup).toBe("industrial");
      expect(fc.features[1].properties.zone).toBe("dayangbang");
    }
  });

  it("no parcels: an empty collection", () => {
    expect(JSON.parse(mapGeoJsonChunks([]).join(""))).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("the page's features are the worker's text with every indicator, made a slice per task", () => {
    const ps = parcels(7);
    const tasks: (() => void)[] = [];
    let got: unknown = null;
    mapParcelsInSlices(
      ps,
      (fn) => tasks.push(fn),
      () => true,
      (fc) => {
        got = fc;
      },
      3,
    );
    let ran = 1;
    while (tasks.length > 0) {
      (tasks.shift() as () => void)();
      ran++;
    }
    expect(ran).toBe(3); // 3 + 3 + 1
    const text = JSON.parse(mapGeoJsonChunks(ps).join(""));
    const page = got as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
    expect(page.features.map((f) => f.geometry)).toEqual(
      text.features.map((f: { geometry: unknown }) => f.geometry),
    );
    for (const [i, f] of page.features.entries()) {
      const tile = text.features[i].properties as Record<string, unknown>;
      for (const k of TILE_PROPERTIES) expect(f.properties[k]).toEqual(tile[k]);
    }
    expect(page.features[4]?.properties.far).toBe(0.4);
  });

  it("the collection's bbox is the one computed a slice at a time, or the worker's when it sent one", () => {
    const slicedBox = (ps: AnalysedParcel[]) => {
      const tasks: (() => void)[] = [];
      let box: unknown = null;
      mapParcelsInSlices(
        ps,
        (fn) => tasks.push(fn),
        () => true,
        (fc) => (box = fc.bbox),
        3,
      );
      while (tasks.length > 0) (tasks.shift() as () => void)();
      return box;
    };
    const ps = parcels(7);
    // [109.7, 30.6] to the last square's east edge and top
    expect(slicedBox(ps)).toEqual([109.7, 30.6, 109.7 + 6 * 0.001 + 0.0005, 30.6005]);
    expect(parcelsBbox(ps)).toEqual(slicedBox(ps));
    // With the worker's map data and bbox, that bbox is used (here a different one, to tell them apart).
    const withData = parcels(7);
    setMapData(withData, new Blob(["{}"]), [100, 20, 110, 40]);
    expect(slicedBox(withData)).toEqual([100, 20, 110, 40]);
  });

  it("a newer result stops the slicing of an older one", () => {
    const tasks: (() => void)[] = [];
    let current = true;
    let done = false;
    mapParcelsInSlices(
      parcels(7),
      (fn) => tasks.push(fn),
      () => current,
      () => {
        done = true;
      },
      3,
    );
    current = false;
    while (tasks.length > 0) (tasks.shift() as () => void)();
    expect(done).toBe(false);
  });
});
