/**
 * `analyze` with sheets, spawned as a user runs it: CSV/XLSX parcels (WKT), `--join` with `--key`,
 * `--mapping`; exit codes and one-line problems as for GeoJSON.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../..");
const FIX = "tests/fixtures/io/sheets";
const TSX = join(ROOT, "node_modules/.bin/tsx");

function cli(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", "analyze", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    lines: r.stderr.split("\n").filter((l) => l !== ""),
  };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |TypeError|EISDIR|type object/);

describe("analyze --join", () => {
  it("joins figures from an XLSX by 宗地编号 and names unmatched rows, parcels and the duplicate key", () => {
    const r = cli(
      `${FIX}/join-parcels.geojson`,
      "--join",
      `${FIX}/figures.xlsx`,
      "--key",
      "宗地编号",
      "--lang",
      "en",
    );
    expect(r.code).toBe(0);
    noStack(r.stderr);
    const out = JSON.parse(r.stdout);
    const byId = new Map(
      out.features.map((f: { id: string; properties: Record<string, unknown> }) => [f.id, f.properties]),
    );
    const p1 = byId.get("HTK-001") as Record<string, unknown>;
    // 投资额(万元) replaced the parcel's own 投资额 999, taken in 万元 as its header says
    expect(p1.fixedInvestment).toBe(1200);
    expect(p1.taxRevenue).toBe(35.5);
    expect(p1.enterprise).toBe("建始某某建材有限公司");
    expect(p1.supplyDate).toBe("2019-03-01");
    expect((byId.get("HTK-004") as Record<string, unknown>).enterprise).toBe("建始某某电子有限公司");
    expect((byId.get("HTK-003") as Record<string, unknown>).enterprise).toBeUndefined();
    const text = r.stderr;
    expect(text).toContain("the key “HTK-003” occurs on rows 5、8 of the sheet; none of them is joined");
    expect(text).toContain("row 7 of the sheet (key “HTK-999”) matches no parcel");
    expect(text).toContain("feature 5, field 宗地编号: the key “HTK-005” has no row in");
    expect(text).toContain("attribute join: 3 of 5 parcels joined to the sheet (6 rows)");
    expect(r.lines.every((l) => /^(note|warning|error|done): /.test(l))).toBe(true);
  });

  it("--key 表列=宗地字段 when the sheet's column is named differently; a GBK CSV", () => {
    const r = cli(
      `${FIX}/join-parcels.geojson`,
      "--join",
      `${FIX}/figures-gbk.csv`,
      "--key",
      "宗地编号=宗地编号",
      "--format",
      "csv",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("建始某某电子有限公司");
    expect(r.stderr).toContain("文件不是 UTF-8 编码，已按 GBK 编码读取");
  });

  it("a key the sheet does not have, --key without --join, a missing sheet: exit 2, one line", () => {
    for (const args of [
      [`${FIX}/join-parcels.geojson`, "--join", `${FIX}/figures.xlsx`, "--key", "企业编号=宗地编号"],
      [`${FIX}/join-parcels.geojson`, "--key", "宗地编号"],
      [`${FIX}/join-parcels.geojson`, "--join", `${FIX}/nope.xlsx`],
      [`${FIX}/join-parcels.geojson`, "--join", `${FIX}/figures.xlsx`, "--key", "="],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.lines, args.join(" ")).toHaveLength(1);
      expect(r.stdout).toBe("");
      noStack(r.stderr);
    }
    expect(
      cli(`${FIX}/join-parcels.geojson`, "--join", `${FIX}/figures.xlsx`, "--key", "企业编号").lines[0],
    ).toContain("表格中没有连接字段");
  }, 90_000);
});

describe("analyze with sheet input and --mapping", () => {
  it("a CSV of WKT parcels: the broken row is named, the rest analysed", () => {
    const r = cli(`${FIX}/parcels-wkt.csv`, "--lang", "en");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.features.map((f: { id: string }) => f.id)).toEqual(["HTK-001", "HTK-002"]);
    expect(r.stderr).toContain("on row 4 is not valid WKT");
  });

  it("an XLSX with EWKT SRID=4546 is read in that CRS; 宗地面积(亩) becomes m²", () => {
    const r = cli(`${FIX}/parcels-ewkt.xlsx`, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("input CRS EPSG:4546");
    const p = JSON.parse(r.stdout).features[0].properties;
    expect(p.landAreaM2).toBe((33 * 10000) / 15);
    expect(r.stderr).toContain("field 宗地面积(亩): read as legal land area (landAreaM2) in mu");
  });

  it("X/Y points and a sheet without geometry are not parcels: exit 2 saying to join them", () => {
    const pts = cli(`${FIX}/points-xy.csv`, "--lang", "en");
    expect(pts.code).toBe(2);
    expect(pts.lines).toHaveLength(1);
    expect(pts.lines[0]).toContain("point locations, not parcel boundaries");
    const table = cli(`${FIX}/figures.xlsx`);
    expect(table.code).toBe(2);
    expect(table.lines[0]).toContain("请用 --join 把它连接到宗地图层");
  }, 40_000);

  it("--mapping converts 元 → 万元, 亩 → m², YYYYMMDD → ISO, drops the ignored field", () => {
    const r = cli(`${FIX}/mapped-parcels.geojson`, "--mapping", `${FIX}/mapping.json`, "--lang", "en");
    expect(r.code).toBe(0);
    const [a, b] = JSON.parse(r.stdout).features.map(
      (f: { id: string; properties: Record<string, unknown> }) => ({
        id: f.id,
        ...f.properties,
      }),
    );
    expect(a).toMatchObject({
      id: "HTK-001",
      fixedInvestment: 1234.5,
      landAreaM2: 10000,
      supplyDate: "2019-03-01",
    });
    expect(b).toMatchObject({ id: "HTK-002", fixedInvestment: 800, landAreaM2: 22000 });
    expect(a.内部编号).toBeUndefined();
    expect(r.stderr).toContain("field supplyDate: the date “19000229” does not exist");
  });

  it("a bad mapping file: exit 2 naming the field", () => {
    const r = cli(`${FIX}/mapped-parcels.geojson`, "--mapping", `${FIX}/bad-mapping.json`);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      "错误：tests/fixtures/io/sheets/bad-mapping.json 字段「面积」：映射到未知的属性「landArea」（应为宗地属性表中的输入属性，如 landAreaM2），已忽略",
    ]);
  });
});
