import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { planarAreaM2, transformGeometry } from "../../../src/domain/area";
import { ALL_ZONES, compareAnalyses } from "../../../src/domain/compare";
import { makeTransform, WGS84 } from "../../../src/domain/crs";
import type { Edit, ScenarioStandardEdit } from "../../../src/domain/edits";
import { splitPolygon, unitePolygons } from "../../../src/domain/parcel-geometry";
import {
  applyScenario,
  applyStandardEdits,
  DIVISIBLE_FIELDS,
  mergeParcels,
  reassignEdit,
  recoverEdit,
  scenarioList,
  splitParcel,
} from "../../../src/domain/scenarios";
import type { TargetsFile } from "../../../src/domain/targets";
import type { PreparedParcel } from "../../../src/domain/types";
import { DEFAULT_STANDARDS } from "../../../src/io/default-standards";

const CRS = "EPSG:4546";
const toPlane = makeTransform(WGS84, CRS);

/** A lon/lat rectangle near Jianshi, `w` × `h` degrees from (x, y). */
function rect(x: number, y: number, w: number, h: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x + w, y],
        [x + w, y + h],
        [x, y + h],
        [x, y],
      ],
    ],
  };
}

function prepared(
  id: string,
  geometry: Polygon,
  input: Partial<PreparedParcel["input"]> = {},
): PreparedParcel {
  return {
    input: { id, zone: "huangtukan", landUse: "100101", ...input },
    geometry,
    areaM2: planarAreaM2(transformGeometry(geometry, toPlane)),
    extra: {},
  };
}

const A = prepared("A", rect(109.8, 30.6, 0.002, 0.001), {
  enterprise: "甲公司",
  landStatus: "supplied",
  constructionStatus: "not-started",
  supplyDate: "2020-01-01",
  agreedStartDate: "2021-01-01",
  landAreaM2: 19000,
  fixedInvestment: 3000,
  outputValue: 1000,
  taxRevenue: 37,
  employees: 7,
  landPrice: 500,
});
// B touches A along A's east edge (shares it exactly).
const B = prepared("B", rect(109.802, 30.6, 0.001, 0.001), {
  enterprise: "乙公司",
  landStatus: "supplied",
  constructionStatus: "in-production",
  fixedInvestment: 2000,
  outputValue: 4000,
  taxRevenue: 120,
  employees: 40,
  floorAreaM2: 8000,
});
// C is far away.
const C = prepared("C", rect(109.9, 30.7, 0.001, 0.001), { enterprise: "丙公司", taxRevenue: 10 });
const BASE = [A, B, C];

/** The cut across A's middle, north to south. */
const CUT: [number, number][] = [
  [109.8007, 30.6015],
  [109.8007, 30.5995],
];

describe("applying a scenario", () => {
  it("never changes the base parcels (every edit kind)", () => {
    const before = structuredClone(BASE);
    const edits: Edit[] = [
      reassignEdit(C.input, { enterprise: "新项目", fixedInvestment: 9000, taxRevenue: 300 }),
      recoverEdit(B.input),
      { kind: "scenario-split", parcelId: "A", line: CUT, ids: ["A-1", "A-2"] },
      { kind: "scenario-merge", parcelIds: ["A-2", "B"], id: "A-2+B" },
    ];
    const out = applyScenario(BASE, edits, CRS);
    expect(out.problems).toEqual([]);
    expect(BASE).toEqual(before);
    expect(out.parcels.map((p) => p.input.id)).toEqual(["A-1", "A-2+B", "C"]);
    expect(out.derived.get("A-2+B")).toEqual(["A", "B"]);
    // Untouched objects are shared, touched ones are new.
    const none = applyScenario(BASE, [], CRS);
    expect(none.parcels[0]).toBe(A);
  });

  it("a reassignment clears the previous operator and sets the new project", () => {
    const e = reassignEdit(A.input, {
      enterprise: "硒谷食品",
      industryCode: "14",
      industryCluster: "selenium-food-pharma",
      fixedInvestment: 12000,
      floorAreaM2: 15000,
      outputValue: 20000,
      taxRevenue: 600,
      agreedStartDate: "2027-03-01",
    });
    const [p] = applyScenario([A], [e], CRS).parcels;
    expect(p?.input).toMatchObject({
      enterprise: "硒谷食品",
      industryCode: "14",
      fixedInvestment: 12000,
      taxRevenue: 600,
      agreedStartDate: "2027-03-01",
      landStatus: "supplied",
      constructionStatus: "not-started",
    });
    expect(p?.input.employees).toBeUndefined();
    expect(e.before.taxRevenue).toBe(37);
    expect(applyScenario([A], [e], CRS).originals.get("A")?.taxRevenue).toBe(37);
  });

  it("recovering land clears the status and the enterprise", () => {
    const [p] = applyScenario([A], [recoverEdit(A.input)], CRS).parcels;
    expect(p?.input.enterprise).toBeUndefined();
    expect(p?.input.constructionStatus).toBeUndefined();
    expect(p?.input.landStatus).toBe("reserved");
    expect(p?.input.taxRevenue).toBeUndefined();
  });

  it("a parcel that is gone is a problem, not an error", () => {
    const out = applyScenario([B], [recoverEdit(A.input)], CRS);
    expect(out.problems).toEqual([{ index: 0, code: "parcel-missing", parcelId: "A" }]);
    expect(out.parcels).toEqual([B]);
  });
});

describe("split", () => {
  it("keeps the total area to 0.01 m² and divides every figure by area share", () => {
    const r = splitParcel(A, CUT, ["A-1", "A-2"], CRS);
    if ("problem" in r) throw new Error(r.problem);
    const [p, q] = r.parcels;
    expect(Math.abs(p.areaM2 + q.areaM2 - A.areaM2)).toBeLessThan(0.01);
    // The piece areas are the pieces' own planar areas (the share is of the drawn geometry).
    const own = r.parcels.map((x) => planarAreaM2(transformGeometry(x.geometry, toPlane)));
    expect(Math.abs((own[0] ?? 0) - p.areaM2)).toBeLessThan(0.01);
    expect(r.shares[0]).toBeCloseTo(0.35, 2); // the cut is 0.0007° of 0.002° from the west edge
    // Each figure is recorded at its unit's precision (万元 to 0.01): the pieces add up to it.
    for (const f of DIVISIBLE_FIELDS) {
      const v = A.input[f];
      if (typeof v !== "number") continue;
      expect((p.input[f] as number) + (q.input[f] as number)).toBeCloseTo(v, 9);
      for (const x of [p.input[f] as number, q.input[f] as number])
        expect(Math.abs(x * 100 - Math.round(x * 100)), `${f} ${x}`).toBeLessThan(1e-6);
    }
    expect(Math.abs((p.input.fixedInvestment ?? 0) - 3000 * r.shares[0])).toBeLessThanOrEqual(0.005);
    expect(Math.abs((q.input.taxRevenue ?? 0) - 37 * r.shares[1])).toBeLessThanOrEqual(0.005 + 1e-9);
    // Persons stay whole and add up.
    expect(p.input.employees).toBe(Math.round(7 * r.shares[0]));
    expect((p.input.employees ?? 0) + (q.input.employees ?? 0)).toBe(7);
    expect(p.input.enterprise).toBe("甲公司");
    expect(p.input.agreedStartDate).toBe("2021-01-01");
  });

  it("rejects a line that does not cross the parcel twice, and a parcel with a hole", () => {
    expect(
      splitPolygon(A.geometry, [
        [109.8007, 30.6015],
        [109.8007, 30.6005],
      ]),
    ).toEqual({
      problem: "split-line-crossings",
    });
    const holed: Polygon = {
      type: "Polygon",
      coordinates: [...rect(0, 0, 10, 10).coordinates, ...rect(2, 2, 1, 1).coordinates],
    };
    expect(
      splitPolygon(holed, [
        [5, -1],
        [5, 11],
      ]),
    ).toEqual({ problem: "split-geometry-unsupported" });
  });

  it("a bent line cuts along its own vertices", () => {
    const r = splitPolygon(rect(0, 0, 10, 10), [
      [5, -1],
      [5, 5],
      [11, 5],
    ]);
    if ("problem" in r) throw new Error(r.problem);
    const areas = r.pieces.map((g) => planarAreaM2(g)).sort((x, y) => x - y);
    expect(areas).toEqual([25, 75]);
  });
});

describe("merge", () => {
  it("sums the figures and unites the outlines", () => {
    const r = mergeParcels([A, B], "A+B", CRS);
    if ("problem" in r) throw new Error(r.problem);
    const m = r.parcel.input;
    expect(m.fixedInvestment).toBe(5000);
    expect(m.outputValue).toBe(5000);
    expect(m.taxRevenue).toBe(157);
    expect(m.employees).toBe(47);
    expect(m.floorAreaM2).toBe(8000);
    expect(m.enterprise).toBe("甲公司");
    expect(r.parcel.areaM2).toBe(A.areaM2 + B.areaM2);
    // A and B share an edge: one outline.
    expect(r.parcel.geometry.type).toBe("Polygon");
    const united = planarAreaM2(transformGeometry(r.parcel.geometry, toPlane));
    expect(Math.abs(united - (A.areaM2 + B.areaM2))).toBeLessThan(0.01);
  });

  it("refuses parcels that are not neighbours", () => {
    expect(mergeParcels([A, C], "A+C", CRS)).toEqual({ problem: "merge-not-neighbours" });
    expect(mergeParcels([A], "A", CRS)).toEqual({ problem: "merge-too-few" });
  });

  it("the two pieces of a split merge back into the parcel's outline", () => {
    const r = splitPolygon(A.geometry, CUT);
    if ("problem" in r) throw new Error(r.problem);
    const u = unitePolygons(r.pieces);
    expect(u.type).toBe("Polygon");
    expect(planarAreaM2(u)).toBeCloseTo(planarAreaM2(A.geometry), 12);
  });
});

describe("scenario standards and list", () => {
  it("a threshold override changes a copy, never the base standards", () => {
    const before = structuredClone(DEFAULT_STANDARDS);
    const e: ScenarioStandardEdit = {
      kind: "scenario-standard",
      level: "zones",
      key: "huangtukan",
      bound: "min",
      indicator: "investmentPerMu",
      before: null,
      after: 500,
    };
    const s = applyStandardEdits(DEFAULT_STANDARDS, [e]);
    expect(s.zones.huangtukan?.min?.investmentPerMu).toBe(500);
    expect(DEFAULT_STANDARDS).toEqual(before);
    expect(applyStandardEdits(DEFAULT_STANDARDS, [])).toBe(DEFAULT_STANDARDS);
  });

  it("the list follows make, rename and delete", () => {
    const m = { id: "s1", name: "方案一", from: null, seed: [] };
    const list: Edit[] = [
      { kind: "scenario", scenarioId: "s1", before: null, after: m },
      { kind: "scenario", scenarioId: "s2", before: null, after: { ...m, id: "s2", name: "方案二" } },
      { kind: "scenario", scenarioId: "s1", before: m, after: { ...m, name: "改名" } },
      { kind: "scenario", scenarioId: "s2", before: { ...m, id: "s2" }, after: null },
    ];
    expect(scenarioList(list).map((x) => x.name)).toEqual(["改名"]);
  });
});

describe("compare", () => {
  const targets: TargetsFile = {
    name: "t",
    period: "2023",
    source: "test",
    targets: [
      {
        id: "tax",
        zh: "税收",
        en: "Tax",
        metric: "tax-total",
        value: 200,
        unit: "wan-yuan",
        comparison: ">=",
        source: "x",
      },
      {
        id: "ent",
        zh: "企业",
        en: "Firms",
        metric: "enterprise-count",
        value: 3,
        unit: "enterprises",
        comparison: ">=",
        source: "x",
      },
    ],
  };
  const opts = { standards: DEFAULT_STANDARDS, asOf: "2026-06-30" };

  it("deltas are exact: targets, zone figures and the parcels that differ", () => {
    const base = analyzeParcels(BASE, opts);
    const sc = applyScenario(
      BASE,
      [reassignEdit(C.input, { enterprise: "新项目", taxRevenue: 300.25 })],
      CRS,
    );
    const b = analyzeParcels(sc.parcels, { ...opts, edited: sc.originals });
    const cmp = compareAnalyses(base, b, { targets });
    const tax = cmp.targets.find((t) => t.id === "tax");
    expect(tax).toMatchObject({ a: 167, b: 457.25, delta: 290.25, metA: false, metB: true });
    expect(cmp.targets.find((t) => t.id === "ent")?.delta).toBe(0);
    const fig = (zone: string, figure: string) =>
      cmp.figures.find((f) => f.zone === zone && f.figure === figure);
    expect(fig(ALL_ZONES, "taxRevenue")).toMatchObject({ a: 167, b: 457.25, delta: 290.25 });
    expect(fig("huangtukan", "fixedInvestment")?.delta).toBe(0);
    expect(fig(ALL_ZONES, "parcels")?.delta).toBe(0);
    expect(cmp.parcels.map((p) => p.id)).toEqual(["C"]);
    const fields = cmp.parcels[0]?.fields ?? [];
    expect(fields.find((f) => f.field === "taxRevenue")).toEqual({
      field: "taxRevenue",
      a: 10,
      b: 300.25,
      delta: 290.25,
    });
    expect(fields.find((f) => f.field === "enterprise")).toMatchObject({
      a: "丙公司",
      b: "新项目",
      delta: null,
    });
  });

  it("a split shows the parcel removed and its pieces added; the land total is unchanged", () => {
    const base = analyzeParcels(BASE, opts);
    const sc = applyScenario(
      BASE,
      [{ kind: "scenario-split", parcelId: "A", line: CUT, ids: ["A-1", "A-2"] }],
      CRS,
    );
    const cmp = compareAnalyses(base, analyzeParcels(sc.parcels, opts));
    expect(cmp.parcels.map((p) => [p.id, p.change])).toEqual([
      ["A", "removed"],
      ["A-1", "added"],
      ["A-2", "added"],
    ]);
    const land = cmp.figures.find((f) => f.zone === ALL_ZONES && f.figure === "landAreaMu");
    expect(Math.abs(land?.delta ?? 1)).toBeLessThan(1e-9);
    expect(cmp.figures.find((f) => f.zone === ALL_ZONES && f.figure === "parcels")?.delta).toBe(1);
  });
});
