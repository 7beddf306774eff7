/**
 * The Shapefile export (issue 8, "Writing back"): the official exports the sample as a zipped
 * Shapefile and gets the layer with its Esri .prj, GBK attributes, the field legend and a README
 * saying the data is synthetic; the coordinate choice offers 经纬度 and 原坐标系.
 */
import { unzipSync } from "fflate";
import { expect, test } from "./driver";

test("the sample exports as a zipped Shapefile with its legend, marked synthetic", async ({ jiyue }) => {
  await jiyue.given.appIsOpen();
  const crs = jiyue.page.getByTestId("export.crs");
  await expect(crs).toContainText("经纬度");
  await expect(crs).toContainText("原坐标系");
  await jiyue.page.getByTestId("export.shp").scrollIntoViewIfNeeded();
  await jiyue.page.screenshot({ path: "test-results/export-shapefile.png" });
  const zip = await jiyue.when.exportFile("shp");
  expect(zip.name).toMatch(/^建始工业园区地块_合成示例_\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      "parcels.shp",
      "parcels.shx",
      "parcels.dbf",
      "parcels.cpg",
      "parcels.prj",
      "parcels_fields.csv",
      "README.txt",
    ]),
  );
  expect(new TextDecoder().decode(files["parcels.cpg"])).toBe("GBK");
  expect(new TextDecoder().decode(files["parcels.prj"])).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
  const dbf = new TextDecoder("gbk").decode(files["parcels.dbf"]);
  expect(dbf).toContain("合成示例数据");
  expect(dbf).toContain("HTK-001");
  expect(new TextDecoder().decode(files["README.txt"])).toContain("合成示例数据");
  expect(new TextDecoder().decode(files["parcels_fields.csv"])).toContain("ZDBH,宗地编号,Parcel ID");
});
