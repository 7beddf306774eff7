/**
 * Exports people open in Excel (issue 12): the app's CSV in Chinese writes Chinese values and
 * carries the synthetic-data mark; the PNG has the notice drawn on it; after the user imports
 * their own parcels the sample context layers are labelled as synthetic and exports are unmarked.
 */
import { writeFileSync } from "node:fs";
import { splitCsvLine } from "../csv";
import { expect, test } from "./driver";

test("the Chinese CSV of the sample writes Chinese values and says the data is synthetic; so does the PNG", async ({
  jiyue,
}) => {
  await jiyue.given.appIsOpen();
  const csv = await jiyue.when.exportFile("csv");
  expect(csv.name).toMatch(/^建始工业园区地块_合成示例_\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = csv.text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map(splitCsvLine);
  expect(header?.slice(0, 4)).toEqual(["数据性质", "宗地编号", "地块名称", "片区"]);
  expect(rows.length).toBeGreaterThan(100);
  for (const r of rows) expect(r[0]).toBe("合成示例数据（非真实）");
  const col = (name: string) => header!.indexOf(name);
  const row = (id: string) => rows.find((r) => r[1] === id)!;
  expect(row("HTK-001")[col("片区")]).toBe("黄土坎片区");
  expect(row("HTK-001")[col("用地类型")]).toBe("城镇住宅用地 0701");
  expect(row("HTK-001")[col("供地状态")]).toBe("已供");
  const values = new Set(rows.flatMap((r) => [r[col("闲置状态")], r[col("亩均效益等级")], r[col("片区")]]));
  expect(values).toContain("闲置满一年");
  expect(values).toContain("D 类");
  expect(values).toContain("大样榜片区");
  for (const code of ["huangtukan", "dayangbang", "idle-1y", "supplied", "class-D", "investmentPerMu"])
    expect(csv.text).not.toContain(code);
  expect(csv.text).not.toMatch(/\d\.\d{5,}/);

  const gj = JSON.parse((await jiyue.when.exportFile("geojson")).text);
  expect(gj.jiyue.synthetic).toBe(true);
  // Numbers at the CSV's precision: m² to 0.01, 亩 and ratios (as fractions) to 0.0001.
  const decimals = (v: unknown) => (typeof v === "number" ? (String(v).split(".")[1] ?? "").length : 0);
  for (const f of gj.features) {
    expect(decimals(f.properties.areaM2)).toBeLessThanOrEqual(2);
    expect(decimals(f.properties.areaMu)).toBeLessThanOrEqual(4);
    expect(decimals(f.properties.buildingCoverage)).toBeLessThanOrEqual(4);
  }
  expect(gj.features.some((f: { properties: { areaMu: number } }) => decimals(f.properties.areaMu) > 2)).toBe(
    true,
  );

  const png = await jiyue.when.exportFile("png");
  expect(png.name).toMatch(/_合成示例_/);
  writeFileSync("test-results/export-synthetic.png", png.bytes);
  // The notice band across the top: the pale notice colour where the map has parcels and roads.
  const top = await jiyue.page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const img = await createImageBitmap(blob);
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(img.width - 3, 3, 1, 1).data];
  }, png.bytes.toString("base64"));
  const [r, g, b] = top as [number, number, number];
  expect(r).toBeGreaterThan(230);
  expect(g).toBeGreaterThan(222);
  expect(b).toBeGreaterThan(200);
  expect(r >= g && g >= b).toBe(true);
});

test("after importing their own parcels the official sees the context layers marked as synthetic sample", async ({
  jiyue,
}) => {
  await jiyue.given.appIsOpen();
  await expect(jiyue.el("data.notice")).toBeVisible();
  const own = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { 宗地编号: "ZD-0001", 片区: "黄土坎片区", 用地类型: "100101", 宗地面积: 6666.67 },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [109.745, 30.618],
              [109.746, 30.618],
              [109.746, 30.619],
              [109.745, 30.619],
              [109.745, 30.618],
            ],
          ],
        },
      },
    ],
  };
  await jiyue.when.importFiles({
    name: "cadastre.geojson",
    mimeType: "application/geo+json",
    buffer: Buffer.from(JSON.stringify(own)),
  });
  await expect(jiyue.el("data.contextNotice")).toContainText("示例背景图层（合成）");
  await expect(jiyue.el("data.notice")).toHaveCount(0);
  await expect.poll(() => jiyue.state((s) => s.result?.parcels.length ?? 0)).toBe(1);
  await jiyue.screenshot("own-parcels-sample-context");
  const csv = await jiyue.when.exportFile("csv");
  expect(csv.name).not.toContain("合成示例");
  expect(csv.text.startsWith("\uFEFF宗地编号,")).toBe(true);
  expect(csv.text).toContain("ZD-0001,,黄土坎片区,一类工业用地 100101,");
});
