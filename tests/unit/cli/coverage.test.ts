/**
 * The real `coverage` command on a small plan made here: parcels as 10 m squares placed at planar
 * offsets (EPSG:4546, by proj4 directly) from a kindergarten, a road that detours, two candidate
 * sites. Expected figures are worked out by hand from the offsets (domain.md §8).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import proj4 from "proj4";
import { afterAll, describe, expect, it } from "vitest";
import { planCsvText } from "../../../src/i18n/planner";
import { encodeGbk } from "../io/gbk-encode";

const ROOT = resolve(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const tmp = mkdtempSync(join(tmpdir(), "jiyue-coverage-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GK = "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
const ORIGIN: [number, number] = [380000, 3390000]; // near 109.7°E, 30.6°N
const lonlat = (dx: number, dy: number) =>
  proj4(GK, "EPSG:4326", [ORIGIN[0] + dx, ORIGIN[1] + dy]) as [number, number];
const square = (dx: number, dy: number) => ({
  type: "Polygon",
  coordinates: [
    [
      lonlat(dx - 5, dy - 5),
      lonlat(dx + 5, dy - 5),
      lonlat(dx + 5, dy + 5),
      lonlat(dx - 5, dy + 5),
      lonlat(dx - 5, dy - 5),
    ],
  ],
});
const parcel = (id: string, dx: number, dy: number, props: Record<string, unknown>) => ({
  type: "Feature",
  properties: { id, zone: "huangtukan", landStatus: "supplied", ...props },
  geometry: square(dx, dy),
});
const write = (name: string, obj: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(obj));
  return p;
};

const parcels = write("parcels.geojson", {
  type: "FeatureCollection",
  features: [
    parcel("P100", 100, 0, { employees: 10 }),
    parcel("P290", 290, 0, { employees: 20 }),
    parcel("P310", 310, 0, { residents: 40 }),
    parcel("C1", 300, 100, { landStatus: "unsupplied" }),
    parcel("C2", -150, 0, { landStatus: "reserved" }),
  ],
});
const facilities = write("facilities.geojson", {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { id: "K", kind: "幼儿园", status: "现状" },
      geometry: { type: "Point", coordinates: lonlat(0, 0) },
    },
    {
      type: "Feature",
      properties: { id: "X", kind: "sewage-plant" },
      geometry: { type: "Point", coordinates: lonlat(0, 0) },
    },
  ],
});
// (0,0) → north 200 → east 290 → south to (290,0): the way round to P290 is 690 m
const roads = write("roads.geojson", {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: {},
      geometry: {
        type: "LineString",
        coordinates: [lonlat(0, 0), lonlat(0, 200), lonlat(290, 200), lonlat(290, 0)],
      },
    },
  ],
});

function cli(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", "coverage", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, lines: r.stderr.split("\n").filter(Boolean), stderr: r.stderr };
}

describe("coverage command", () => {
  it("reads a GBK facilities file with Chinese kinds and says it read it as GBK", () => {
    const gbk = join(tmp, "facilities-gbk.geojson");
    writeFileSync(gbk, encodeGbk(readFileSync(facilities, "utf8")));
    const r = cli(parcels, "--facilities", gbk, "--lang", "en");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).facilities[0]).toMatchObject({
      id: "K",
      kind: "kindergarten",
      coveredDemand: 30,
    });
    expect(r.lines).toContain(`note: ${gbk}: the file is not UTF-8; read it as GBK`);
  });

  it("straight-line coverage and ranked suggestions as JSON", () => {
    const r = cli(parcels, "--facilities", facilities, "--suggest", "kindergarten", "--lang", "en");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totalDemand).toBe(70);
    expect(out.method).toBe("straight");
    expect(out.facilities).toEqual([
      expect.objectContaining({
        id: "K",
        kind: "kindergarten",
        status: "existing",
        coveredDemand: 30,
        share: 0.428571,
      }),
    ]);
    expect(
      out.suggestions.map((s: { parcelId: string; newlyCoveredDemand: number; coveredDemand: number }) => [
        s.parcelId,
        s.newlyCoveredDemand,
        s.coveredDemand,
      ]),
    ).toEqual([
      ["C1", 40, 70],
      ["C2", 0, 10],
    ]);
    expect(r.lines).toContain("note: straight-line distances (no --roads given)");
    expect(r.stderr).toMatch(/1 features are not six-ones facilities/);
  });
  it("along the roads the detour leaves P290 uncovered", () => {
    const r = cli(parcels, "--facilities", facilities, "--roads", roads);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe("road");
    expect(out.facilities[0].coveredDemand).toBe(10);
    expect(r.lines).toContain("提示：距离沿道路网计算（3 段道路）");
  });
  it("CSV with a BOM and Chinese headers; bad arguments are one line and exit 2", () => {
    const csv = cli(parcels, "--facilities", facilities, "--format", "csv");
    expect(csv.stdout.startsWith("\uFEFF设施编号,类型,名称,状态,服务半径（米）")).toBe(true);
    // Values, not codes, as every CSV export writes them; the app's plan export has the same columns.
    expect(csv.stdout).toContain("K,幼儿园,,现状已有,300,直线,30,42.86,");
    expect(csv.stdout.split("\r\n")[0]).toBe(`\uFEFF${planCsvText("zh").facilityHead.join(",")}`);
    const missing = cli(parcels);
    expect(missing.code).toBe(2);
    expect(missing.lines).toEqual(["错误：缺少设施文件：请用 --facilities 给出（GeoJSON，经纬度）"]);
    const badCount = cli(parcels, "--facilities", facilities, "--suggest", "green", "--count", "0");
    expect(badCount.code).toBe(2);
    expect(badCount.lines).toHaveLength(1);
    const notJson = cli(parcels, "--facilities", parcels.replace("parcels.geojson", "nope.geojson"));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).not.toMatch(/\n\s+at /);
  });
});
