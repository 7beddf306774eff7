import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import {
  epsgForZone,
  isGeographic,
  knownCrsCodes,
  makeTransform,
  resolveCrs,
  zoneFromPrefixedEasting,
} from "../../../src/domain/crs";

const ESRI_4546 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_111E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_4525 = ESRI_4546.replace("CM_111E", "Zone_37").replace(
  'PARAMETER["False_Easting",500000.0]',
  'PARAMETER["False_Easting",37500000.0]',
);

const WKT2_4546 =
  'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 111E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger CM 111E",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",111,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],ID["EPSG",4546]]';

describe("CGCS2000 3-degree zones", () => {
  it("knows all 42 zone CRSs plus EPSG:4490, EPSG:4326 and Web Mercator EPSG:3857", () => {
    const codes = knownCrsCodes();
    // + CGCS2000 6° (22), Xi'an 1980 (64), Beijing 1954 3° (42) and 6° (33, 11 of them deprecated)
    expect(codes).toHaveLength(45 + 22 + 64 + 42 + 33);
    expect(codes).toContain("EPSG:3857");
    for (let n = 4513; n <= 4554; n++) expect(codes).toContain(`EPSG:${n}`);
  });

  it("each zone has the right central meridian and false easting", () => {
    for (let zone = 25; zone <= 45; zone++) {
      const pre = resolveCrs(epsgForZone(zone, true));
      const un = resolveCrs(epsgForZone(zone, false));
      if (!pre.ok || !un.ok) throw new Error(`zone ${zone} unresolved`);
      expect(pre.proj4).toContain(`+lon_0=${zone * 3} `);
      expect(pre.proj4).toContain(`+x_0=${zone * 1e6 + 500000} `);
      expect(un.proj4).toContain(`+lon_0=${zone * 3} `);
      expect(un.proj4).toContain("+x_0=500000 ");
      // The central meridian maps to the false easting.
      expect(makeTransform("EPSG:4326", un.code)([zone * 3, 30])[0]).toBeCloseTo(500000, 6);
      expect(makeTransform("EPSG:4326", pre.code)([zone * 3, 30])[0]).toBeCloseTo(zone * 1e6 + 500000, 6);
    }
  });

  it("epsgForZone matches the EPSG numbering (spot checks from domain.md)", () => {
    expect(epsgForZone(25, true)).toBe("EPSG:4513");
    expect(epsgForZone(45, true)).toBe("EPSG:4533");
    expect(epsgForZone(25, false)).toBe("EPSG:4534");
    expect(epsgForZone(45, false)).toBe("EPSG:4554");
    expect(epsgForZone(37, false)).toBe("EPSG:4546");
    expect(epsgForZone(37, true)).toBe("EPSG:4525");
    expect(epsgForZone(36, false)).toBe("EPSG:4545");
    expect(epsgForZone(36, true)).toBe("EPSG:4524");
    expect(() => epsgForZone(24, false)).toThrow(RangeError);
    expect(() => epsgForZone(46, true)).toThrow(RangeError);
  });

  it("EPSG:4546 is exactly the definition in domain.md", () => {
    const r = resolveCrs("EPSG:4546");
    expect(r).toEqual({
      ok: true,
      code: "EPSG:4546",
      proj4: "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
    });
  });
});

describe("resolveCrs spellings", () => {
  it.each([
    "EPSG:4546",
    "epsg:4546",
    "  EPSG:4546 ",
    "urn:ogc:def:crs:EPSG::4546",
    "urn:ogc:def:crs:EPSG:6.6:4546",
    "4546",
    "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs",
    ESRI_4546,
    WKT2_4546,
  ])("%s → EPSG:4546", (spec) => {
    const r = resolveCrs(spec);
    expect(r.ok && r.code).toBe("EPSG:4546");
  });

  it("recognises the zone-prefixed twin in WKT and proj4", () => {
    expect(resolveCrs(ESRI_4525)).toMatchObject({ ok: true, code: "EPSG:4525" });
    expect(
      resolveCrs("+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=37500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"),
    ).toMatchObject({ ok: true, code: "EPSG:4525" });
  });

  it("CRS84 and geographic WKT resolve to lon/lat", () => {
    expect(resolveCrs("urn:ogc:def:crs:OGC:1.3:CRS84")).toMatchObject({ ok: true, code: "EPSG:4326" });
    const gcs = ESRI_4546.slice(ESRI_4546.indexOf("GEOGCS"), ESRI_4546.indexOf(",PROJECTION"));
    const r = resolveCrs(gcs);
    expect(r).toMatchObject({ ok: true, code: "EPSG:4490" });
    expect(r.ok && isGeographic(r.proj4)).toBe(true);
  });

  it("keeps a custom proj4 string as its own code, usable by makeTransform", () => {
    const custom = "+proj=tmerc +lat_0=0 +lon_0=110.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
    const r = resolveCrs(custom);
    expect(r).toEqual({ ok: true, code: custom, proj4: custom });
    expect(makeTransform("EPSG:4326", custom)([110.5, 30])[0]).toBeCloseTo(500000, 6);
  });

  it("parses a Gauss_Kruger WKT with a non-standard central meridian", () => {
    const wkt = ESRI_4546.replace('"Central_Meridian",111.0', '"Central_Meridian",110.5');
    const r = resolveCrs(wkt);
    if (!r.ok) throw new Error(r.reason);
    expect(r.code).toBe(r.proj4);
    expect(r.proj4).toContain("+proj=tmerc");
    expect(r.proj4).toContain("+lon_0=110.5");
    expect(r.proj4).toContain("+x_0=500000");
    expect(r.proj4).toContain("+ellps=GRS80");
  });

  it("WKT from the same zone gives the same coordinates as proj4 itself reading the WKT", () => {
    const viaUs = makeTransform("EPSG:4326", ESRI_4546)([109.9, 30.6]);
    const viaProj4 = proj4(ESRI_4546, [109.9, 30.6]) as number[];
    expect(viaUs[0]).toBeCloseTo(viaProj4[0]!, 6);
    expect(viaUs[1]).toBeCloseTo(viaProj4[1]!, 6);
  });

  it.each([
    ["EPSG:9999", "unknown-crs"],
    ["EPSG:4490.5", "unknown-crs"],
    ["EPSG:4555", "unknown-crs"],
    ["nonsense", "unknown-crs"],
    ["", "unknown-crs"],
    ["+proj=nosuchprojection +units=m", "unknown-crs"],
    [ESRI_4546.replace("Gauss_Kruger", "Lambert_Conformal_Conic"), "unsupported-wkt"],
    [ESRI_4546.replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]'), "unsupported-wkt"],
    [ESRI_4546.replace("6378137.0,298.257222101", "6378245.0,298.4"), "unsupported-wkt"],
    [WKT2_4546.replace("Transverse Mercator", "Lambert Conic Conformal (2SP)"), "unsupported-wkt"],
    [
      WKT2_4546.replaceAll('LENGTHUNIT["metre",1]', 'LENGTHUNIT["US survey foot",0.304800609601219]'),
      "unsupported-wkt",
    ],
  ])("%s → %s", (spec, reason) => {
    expect(resolveCrs(spec)).toEqual({ ok: false, reason });
  });
});

describe("zoneFromPrefixedEasting", () => {
  it.each([
    [37412345.6, 37],
    [25000000, 25],
    [45999999.99, 45],
    [412345.6, null],
    [24999999, null],
    [46000000, null],
    [123456789, null],
    [Number.NaN, null],
  ])("%s → %s", (e, zone) => {
    expect(zoneFromPrefixedEasting(e)).toBe(zone);
  });
});

describe("makeTransform", () => {
  it("a Jianshi point round-trips lon/lat → EPSG:4546 → lon/lat to 1e-9°", () => {
    const p: [number, number] = [109.7234567, 30.6012345];
    const xy = makeTransform("EPSG:4326", "EPSG:4546")(p);
    expect(xy[0]).toBeGreaterThan(300000);
    expect(xy[0]).toBeLessThan(500000);
    expect(xy[1]).toBeGreaterThan(3300000);
    const back = makeTransform("EPSG:4546", "EPSG:4326")(xy);
    expect(back[0]).toBeCloseTo(p[0], 9);
    expect(back[1]).toBeCloseTo(p[1], 9);
  });

  it("prefixed and unprefixed zone 37 differ by exactly 37 000 000 m of easting", () => {
    const p: [number, number] = [109.8, 30.6];
    const a = makeTransform("EPSG:4326", "EPSG:4546")(p);
    const b = makeTransform("EPSG:4326", "EPSG:4525")(p);
    expect(b[0] - a[0]).toBeCloseTo(37000000, 6);
    expect(b[1]).toBeCloseTo(a[1], 6);
    const c = makeTransform("EPSG:4525", "EPSG:4546")(b);
    expect(c[0]).toBeCloseTo(a[0], 6);
  });

  it("CGCS2000 geographic and WGS 84 are treated as the same (no datum shift)", () => {
    const a = makeTransform("EPSG:4490", "EPSG:4546")([109.8, 30.6]);
    const b = makeTransform("EPSG:4326", "EPSG:4546")([109.8, 30.6]);
    expect(a[0]).toBeCloseTo(b[0], 6);
    expect(a[1]).toBeCloseTo(b[1], 6);
  });

  it("returns the cached converter for the same pair and does not mutate its input", () => {
    expect(makeTransform("EPSG:4326", "EPSG:4546")).toBe(makeTransform("EPSG:4326", "EPSG:4546"));
    const p: [number, number] = [109.8, 30.6];
    makeTransform("EPSG:4326", "EPSG:4546")(p);
    expect(p).toEqual([109.8, 30.6]);
  });

  it("throws on an unresolvable CRS", () => {
    expect(() => makeTransform("EPSG:1", "EPSG:4546")).toThrow(/EPSG:1/);
  });
});

describe("Xi'an 1980 and Beijing 1954 Gauss–Krüger (EPSG:2327–2442, 21413–21483)", () => {
  // Definitions checked against GDAL/PROJ (`gdalsrsinfo -o proj4 EPSG:n`), spot values here.
  it.each([
    ["EPSG:2327", 75, 13500000, "IAU76"],
    ["EPSG:2338", 75, 500000, "IAU76"],
    ["EPSG:2349", 75, 25500000, "IAU76"],
    ["EPSG:2362", 114, 38500000, "IAU76"],
    ["EPSG:2382", 111, 500000, "IAU76"],
    ["EPSG:2390", 135, 500000, "IAU76"],
    ["EPSG:2401", 75, 25500000, "krass"],
    ["EPSG:2434", 111, 500000, "krass"],
    ["EPSG:2442", 135, 500000, "krass"],
    ["EPSG:21419", 111, 19500000, "krass"],
    ["EPSG:21455", 87, 500000, "krass"],
    ["EPSG:21478", 105, 500000, "krass"],
  ])("%s: CM %d°E, false easting %d, ellipsoid %s, no datum shift", (code, lon0, x0, ellps) => {
    const r = resolveCrs(code);
    if (!r.ok) throw new Error(`${code} unresolved`);
    expect(r.proj4).toContain(`+lon_0=${lon0} `);
    expect(r.proj4).toContain(`+x_0=${x0} `);
    expect(r.proj4).toContain(`+ellps=${ellps} `);
    expect(r.proj4).not.toContain("towgs84");
  });

  it("EPSG:2391–2400 (Finnish KKJ, not Chinese) are not among them", () => {
    expect(resolveCrs("EPSG:2391").ok).toBe(false);
  });

  it("an Esri .prj of Xi'an 1980 3° CM 111E resolves to its EPSG code by its parameters", () => {
    const wkt =
      'PROJCS["Xian_1980_3_Degree_GK_CM_111E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(resolveCrs(wkt)).toMatchObject({ ok: true, code: "EPSG:2382" });
    expect(resolveCrs(wkt.replace("500000.0", "37500000.0"))).toMatchObject({ ok: true, code: "EPSG:2361" });
    // Beijing 1954 by its Krassowsky spheroid, whatever the name says
    expect(resolveCrs(ESRI_4546.replace("6378137.0,298.257222101", "6378245.0,298.3"))).toMatchObject({
      ok: true,
      code: "EPSG:2434",
    });
  });

  it("a proj4 string with +towgs84 is kept as given (the user's datum shift)", () => {
    const def =
      "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=IAU76 +towgs84=24,-123,-94,0,0,0,0 +units=m +no_defs";
    const r = resolveCrs(def);
    expect(r).toMatchObject({ ok: true, code: def });
  });
});
