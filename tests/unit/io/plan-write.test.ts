/**
 * The plan's files: the facility and parcel coverage tables (BOM, CRLF, Chinese headers, values
 * not codes, the synthetic column as every export has it) and the plan GeoJSON built from the
 * plan features that the map and print share.
 */
import { describe, expect, it } from "vitest";
import type { FacilityCoverage } from "../../../src/domain/coverage";
import type { PlanFacility } from "../../../src/domain/facilities";
import { planFeatures } from "../../../src/domain/plan-features";
import { csvSyntheticMark } from "../../../src/i18n/exports";
import { planCsvText } from "../../../src/i18n/planner";
import { planFacilityCsv, planGeoJson, planParcelCsv } from "../../../src/io/plan-write";
import { parseCsv } from "../../csv";

const cov = (
  facilityId: string,
  kind: FacilityCoverage["kind"],
  status: FacilityCoverage["status"],
  ids: string[],
) =>
  ({
    facilityId,
    kind,
    status,
    serviceDistanceM: 300,
    method: "road",
    coveredIds: ids,
    coveredDemand: ids.length * 10,
    share: ids.length / 4,
  }) satisfies FacilityCoverage;

const kg: PlanFacility = {
  id: "P001",
  kind: "kindergarten",
  status: "proposed",
  name: "=幼儿园",
  capacity: 270,
  geometry: { type: "Point", coordinates: [109.7123456789, 30.62] },
};

describe("plan CSV", () => {
  it("per facility: the CLI's eight columns first, labels not codes, formula-safe, marked synthetic", () => {
    const text = planFacilityCsv(
      [{ coverage: cov("P001", "kindergarten", "proposed", ["A", "B"]), facility: kg }],
      planCsvText("zh", csvSyntheticMark("zh")),
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]?.slice(0, 9)).toEqual([
      "数据性质",
      "设施编号",
      "类型",
      "名称",
      "状态",
      "服务半径（米）",
      "距离算法",
      "覆盖需求（人）",
      "覆盖比例（%）",
    ]);
    expect(rows[1]?.slice(0, 13)).toEqual([
      csvSyntheticMark("zh").cell,
      "P001",
      "幼儿园",
      "'=幼儿园",
      "拟建（建议）",
      "300",
      "沿道路",
      "20",
      "50",
      "270",
      "",
      "109.712346",
      "30.62",
    ]);
  });

  it("per parcel: demand, then per kind the distance and whether covered now and with the plan", () => {
    const text = planParcelCsv(
      {
        parcels: [
          { id: "A", demand: 10 },
          { id: "B", demand: 0 },
          { id: "0701", demand: 5 },
        ],
        facilities: [
          cov("F1", "clinic", "existing", ["A"]),
          cov("P001", "kindergarten", "proposed", ["A", "0701"]),
        ],
        nearest: { A: { clinic: 812.345, kindergarten: 120 }, "0701": { kindergarten: 299.96 } },
      },
      planCsvText("en"),
    );
    const rows = parseCsv(text.slice(1));
    const head = rows[0] ?? [];
    expect(head.slice(0, 5)).toEqual([
      "Parcel",
      "Demand (employees + residents)",
      "Kindergarten: nearest (m)",
      "Kindergarten: covered now",
      "Kindergarten: covered with the plan",
    ]);
    const col = (name: string) => head.indexOf(name);
    const a = rows[1] ?? [];
    expect(a[col("Kindergarten: nearest (m)")]).toBe("120");
    expect(a[col("Kindergarten: covered now")]).toBe("no");
    expect(a[col("Kindergarten: covered with the plan")]).toBe("yes");
    expect(a[col("Health facility: nearest (m)")]).toBe("812.3");
    expect(a[col("Health facility: covered now")]).toBe("yes");
    // A code-like id stays text (a leading tab, as every export writes it).
    expect(rows[3]?.[0]).toBe("\t0701");
    expect(rows[3]?.[col("Kindergarten: nearest (m)")]).toBe("300");
    expect(rows[2]?.[col("Kindergarten: covered with the plan")]).toBe("no");
  });
});

describe("plan features and the plan GeoJSON", () => {
  const bus: PlanFacility = {
    id: "B1",
    kind: "bus",
    status: "proposed",
    geometry: {
      type: "LineString",
      coordinates: [
        [109.7, 30.62],
        [109.74, 30.62],
      ],
    },
    stops: [
      [109.7, 30.62],
      [109.72, 30.62],
      [109.74, 30.62],
    ],
  };

  it("draws uncovered parcels at the bottom, then areas, the bus line, its numbered stops and the facilities", () => {
    const fc = planFeatures({
      facilities: [kg, bus],
      uncovered: [
        {
          id: "A",
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
      selectedFacilityId: "P001",
    });
    expect(fc.features.map((f) => f.properties.layer)).toEqual([
      "uncovered",
      "bus-line",
      "bus-stop",
      "bus-stop",
      "bus-stop",
      "facility",
    ]);
    expect(
      fc.features.filter((f) => f.properties.layer === "bus-stop").map((f) => f.properties.stop),
    ).toEqual([1, 2, 3]);
    expect(fc.features.at(-1)?.properties.selected).toBe(true);
  });

  it("the plan GeoJSON carries coverage on facilities, figures on the bus line, parcels as points, and the synthetic member", () => {
    const text = planGeoJson({
      facilities: [kg, bus],
      coverage: [cov("P001", "kindergarten", "proposed", ["A"]), cov("B1", "bus", "proposed", [])],
      busLines: [
        {
          facilityId: "B1",
          figures: {
            lengthM: 3800,
            runTimeMin: 9.6,
            stopCount: 3,
            spacings: [
              { from: 0, lengthM: 1900, band: "suburban" },
              { from: 1, lengthM: 1900, band: "suburban" },
            ],
            within300: { straight: 0.1, road: 0.05 },
            within500: { straight: 0.2, road: 0.1 },
            speedKmh: 25,
            dwellSeconds: 30,
          },
        },
      ],
      serviceAreas: [],
      parcels: [{ id: "A", demand: 10, point: [109.71, 30.62] }],
      nearest: { A: { kindergarten: 120 } },
      jiyue: { synthetic: true, notice: "合成示例数据" },
    });
    const fc = JSON.parse(text);
    expect(fc.jiyue).toEqual({ synthetic: true, notice: "合成示例数据" });
    const byLayer = (l: string) =>
      fc.features.filter((f: { properties: { layer: string } }) => f.properties.layer === l);
    expect(byLayer("facility")[0].properties).toMatchObject({
      facilityId: "P001",
      coveredDemand: 10,
      share: 0.25,
    });
    expect(byLayer("bus-line")[0].properties).toMatchObject({ lengthM: 3800, stopSpacingM: [1900, 1900] });
    expect(byLayer("parcel")[0].properties).toMatchObject({
      parcelId: "A",
      demand: 10,
      kindergartenDistanceM: 120,
      kindergartenCovered: true,
      kindergartenCoveredExisting: false,
    });
  });
});
