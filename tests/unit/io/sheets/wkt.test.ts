import { describe, expect, it } from "vitest";
import { looksLikeWkt, parseWkt } from "../../../../src/io/wkt";

describe("parseWkt", () => {
  it("POLYGON with a hole, MULTIPOLYGON, POINT; case and spacing free", () => {
    expect(parseWkt("POLYGON ((0 0, 10 0, 10 10, 0 0), (1 1, 2 1, 2 2, 1 1))").geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    });
    expect(parseWkt("multipolygon(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))").geometry?.type).toBe(
      "MultiPolygon",
    );
    expect(parseWkt(" POINT ( 37500123.5 3388000 ) ").geometry).toEqual({
      type: "Point",
      coordinates: [37500123.5, 3388000],
    });
    expect(parseWkt("POLYGON((1e2 -2.5,+3 .5,1 1,1e2 -2.5))").geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [100, -2.5],
          [3, 0.5],
          [1, 1],
          [100, -2.5],
        ],
      ],
    });
  });

  it("EWKT SRID prefix; Z and M ordinates dropped", () => {
    const r = parseWkt("SRID=4546;POLYGON Z ((0 0 5, 1 0 5, 1 1 5, 0 0 5))");
    expect(r.srid).toBe("EPSG:4546");
    expect(r.geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
    expect(parseWkt("srid = 4490 ; POINT M (1 2 3)")).toEqual({
      geometry: { type: "Point", coordinates: [1, 2] },
      srid: "EPSG:4490",
    });
    // a Z polygon missing its third ordinate is malformed
    expect(parseWkt("POLYGON Z ((0 0, 1 0, 1 1, 0 0))").error).toBe("wkt-syntax");
  });

  it("reasons: syntax, unsupported type, empty", () => {
    expect(parseWkt("POLYGON ((0 0, 1 0").error).toBe("wkt-syntax");
    expect(parseWkt("POLYGON ((0 0, 1 0, 1 1, 0 0)) trailing").error).toBe("wkt-syntax");
    expect(parseWkt("POLYGON (0 0, 1 0, 1 1, 0 0)").error).toBe("wkt-syntax");
    expect(parseWkt("MULTIPOLYGON ((0 0, 1 0, 1 1, 0 0))").error).toBe("wkt-syntax");
    expect(parseWkt("POLYGON ((((0 0))))").error).toBe("wkt-syntax");
    expect(parseWkt("LINESTRING (0 0, 1 1)")).toEqual({ error: "wkt-unsupported-type", type: "LINESTRING" });
    expect(parseWkt("POLYGON EMPTY")).toEqual({ error: "wkt-empty", type: "POLYGON" });
    expect(parseWkt("").error).toBe("wkt-syntax");
    expect(parseWkt("POLYGON ((a b, 1 0, 1 1, a b))").error).toBe("wkt-syntax");
  });

  it("deep nesting is refused without recursion trouble", () => {
    expect(parseWkt(`POLYGON ${"(".repeat(100000)}`).error).toBe("wkt-syntax");
  });

  it("looksLikeWkt", () => {
    expect(looksLikeWkt("SRID=4546;MULTIPOLYGON(((")).toBe(true);
    expect(looksLikeWkt("polygon((0 0")).toBe(true);
    expect(looksLikeWkt("HTK-001")).toBe(false);
    expect(looksLikeWkt("多边形")).toBe(false);
  });
});
