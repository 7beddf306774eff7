/**
 * Choosing 天地图 asks for the user's own key in a dialog (not `window.prompt`), and hovering a
 * parcel outlines it (feature-state, read through the controller's `debugState().hoveredId`)
 * and names its value.
 * There is no network here: Tianditu tile requests are answered with a plain 256 px PNG, which also
 * shows the key reached the tile URLs. The `jiyue` fixture fails the test on any console error.
 */
import { expect, test } from "./driver";
import { solidPng } from "./tiles";

test("天地图 asks for the key in a dialog; hovering a parcel outlines it", async ({ jiyue }) => {
  const tileKeys = new Set<string>();
  // The vector layer (vec) is an opaque tile; the annotation layer (cva/eia) drawn above the
  // parcels is transparent, as Tianditu's are.
  const vec = solidPng(0xe9, 0xee, 0xe4, 255);
  const annotation = solidPng(0, 0, 0, 0);
  await jiyue.page.route(/tianditu\.gov\.cn/, async (route) => {
    const url = new URL(route.request().url());
    tileKeys.add(url.searchParams.get("tk") ?? "");
    const body = url.searchParams.get("LAYER") === "vec" ? vec : annotation;
    await route.fulfill({ status: 200, contentType: "image/png", body });
  });
  await jiyue.given.appIsOpen();
  const basemap = () => jiyue.state((s) => s.basemap);
  const select = jiyue.el("basemap.select");
  const dialog = jiyue.el("tianditu.dialog");
  const key = jiyue.el("tianditu.key");

  // Choose 天地图, then cancel: nothing changes, focus is back on the select.
  await expect(dialog).toBeHidden();
  await select.selectOption("tianditu");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("在 天地图 开发者平台 申请浏览器端密钥");
  await expect(key).toBeFocused();
  await jiyue.el("tianditu.cancel").click();
  await expect(dialog).toBeHidden();
  expect(await basemap()).toBe("none");
  await expect(select).toHaveValue("none");
  await expect(select).toBeFocused();

  // Escape cancels too.
  await select.selectOption("tianditu");
  await expect(key).toBeFocused();
  await key.fill("typed-then-escaped");
  await jiyue.when.pressKey("Escape");
  await expect(dialog).toBeHidden();
  expect(await basemap()).toBe("none");

  // A key and 确定: the basemap is Tianditu and its tiles are asked for with that key.
  await select.selectOption("tianditu");
  await key.fill("e2e-key-1");
  await jiyue.el("tianditu.ok").click();
  await expect(dialog).toBeHidden();
  await expect.poll(basemap).toBe("tianditu");
  expect(await jiyue.state((s) => s.tiandituKey)).toBe("e2e-key-1");
  await expect(select).toHaveValue("tianditu");
  await expect.poll(() => [...tileKeys]).toEqual(["e2e-key-1"]);

  // Hover a parcel: feature-state hover and the tooltip with its id.
  const target = await jiyue.state((s) => {
    const p = s.result?.parcels.find((x) => x.geometry.type === "Polygon");
    if (p?.geometry.type !== "Polygon") return null;
    const pts = (p.geometry.coordinates[0] ?? []).slice(0, -1);
    const lon = pts.reduce((a, c) => a + (c[0] ?? 0), 0) / pts.length;
    const lat = pts.reduce((a, c) => a + (c[1] ?? 0), 0) / pts.length;
    return { id: p.input.id, lonLat: [lon, lat] as [number, number] };
  });
  expect(target, "the sample data has a polygon parcel").not.toBeNull();
  if (!target) return;
  await jiyue.when.clickRow(target.id, { double: true });
  await jiyue.then.selectionIs([target.id]);
  await jiyue.when.pressKey("Escape");
  await jiyue.then.selectionIs([]);
  await jiyue.el("table.filter.reset").click();
  const at = await jiyue.mapPoint(target.lonLat);
  await jiyue.page.mouse.move(at.x - 30, at.y - 30);
  await jiyue.page.mouse.move(at.x, at.y, { steps: 4 });
  await expect.poll(async () => (await jiyue.mapDebug()).hoveredId).toBe(target.id);
  await expect(jiyue.el("map.hoverTip")).toBeVisible();
  // The id and the parcel's value under the current indicator (land use by default).
  await expect(jiyue.el("map.hoverTip")).toHaveText(new RegExp(`^${target.id} · 用地类型 \\S`));
  await jiyue.page.waitForSelector('[data-map-idle="true"]');
  await jiyue.screenshot("hover-parcel-tianditu");

  // 更换密钥 from the keyboard: Enter submits the new key.
  await jiyue.el("tianditu.change").focus();
  await jiyue.when.pressKey("Enter");
  await expect(dialog).toBeVisible();
  await expect(key).toBeFocused();
  await expect(key).toHaveValue("");
  // (The modal dialog makes the map inert: the browser moves the pointer off it, so the hover ends.)
  await jiyue.screenshot("tianditu-key-dialog");
  await key.fill("e2e-key-2");
  await jiyue.when.pressKey("Enter");
  await expect(dialog).toBeHidden();
  await expect(jiyue.el("tianditu.change")).toBeFocused();
  await expect.poll(() => jiyue.state((s) => s.tiandituKey)).toBe("e2e-key-2");
  await expect.poll(() => tileKeys.has("e2e-key-2")).toBe(true);

  // Off the parcels: no hover, no tooltip. Back to 无底图.
  const box = await jiyue.el("map").boundingBox();
  if (!box) throw new Error("map is not visible");
  await jiyue.page.mouse.move(box.x + 4, box.y + box.height - 4);
  await expect.poll(async () => (await jiyue.mapDebug()).hoveredId).toBeNull();
  await expect(jiyue.el("map.hoverTip")).toBeHidden();
  await select.selectOption("none");
  await expect.poll(basemap).toBe("none");
  await expect(jiyue.el("tianditu.change")).toHaveCount(0);
});
