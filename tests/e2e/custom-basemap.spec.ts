/**
 * Basemaps without a network: OpenStreetMap's tiles fail here, and the app says so once over the
 * map, naming the basemap, with 无底图 one click away. A custom basemap (an intranet XYZ server,
 * served by this test with `page.route`) is added through its dialog, its tiles are requested and
 * drawn; a custom URL whose server answers 404 shows the message. The layer list hides the roads
 * and zone outlines by layer visibility (no data re-sent) and survives a reload.
 */
import type { ConsoleMessage } from "@playwright/test";
import { expect, test } from "./driver";
import { solidPng } from "./tiles";

/** Chromium's own line for a failed tile request (not the app's): expected when tiles fail. */
const isFailedResource = (e: string) => /^console\.error: Failed to load resource/.test(e);

test("basemap failure notice, custom basemap dialog and tiles, layer list", async ({ jiyue }) => {
  const page = jiyue.page;
  const logs: string[] = [];
  page.on("console", (m: ConsoleMessage) => logs.push(`${m.type()}: ${m.text()}`));
  const goodTiles: string[] = [];
  const tile = solidPng(0x10, 0x60, 0xf0);
  await page.route(/^https:\/\/(a|b)\.tiles\.county\.test\//, async (route) => {
    goodTiles.push(route.request().url());
    await route.fulfill({ status: 200, contentType: "image/png", body: tile });
  });
  await page.route(/^https:\/\/broken\.county\.test\//, (route) =>
    route.fulfill({ status: 404, contentType: "text/plain", body: "not found" }),
  );
  // OpenStreetMap and 天地图 are not routed: there is no network here, so their tiles really fail.
  await jiyue.given.appIsOpen();
  const select = jiyue.el("basemap.select");
  const notice = jiyue.el("basemap.failed");
  const dialog = jiyue.el("custombasemap.dialog");
  const url = jiyue.el("custombasemap.url");

  // 1. OSM fails: one notice naming it, one warning in the console, not a flood.
  await expect(notice).toHaveCount(0);
  await select.selectOption("osm");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(
    "OpenStreetMap：底图瓦片无法加载（网络不可用或地址错误），地图数据不受影响",
  );
  await expect(notice).toContainText("无底图");
  await jiyue.page.waitForSelector('[data-map-idle="true"]');
  await jiyue.screenshot("basemap-failed-osm");
  // Panning asks for more tiles, which fail too: still one notice, one warning.
  await page.mouse.move(700, 500);
  await page.mouse.down();
  await page.mouse.move(500, 400, { steps: 5 });
  await page.mouse.up();
  await jiyue.mapSettled();
  await expect(notice).toHaveCount(1);
  expect(logs.filter((l) => /basemap tiles failed/.test(l))).toHaveLength(1);
  // English too.
  await jiyue.when.toggleLanguage();
  await expect(notice).toContainText("OpenStreetMap: the basemap tiles cannot be loaded");
  await jiyue.when.toggleLanguage();
  // 改为无底图 clears it.
  await jiyue.el("basemap.failed.none").click();
  await expect.poll(() => jiyue.state((s) => s.basemap)).toBe("none");
  await expect(notice).toHaveCount(0);

  // 天地图 with a key: the notice names it; the key reaches no log line.
  await select.selectOption("tianditu");
  await jiyue.el("tianditu.key").fill("TK-SECRET-42");
  await jiyue.el("tianditu.ok").click();
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("天地图：底图瓦片无法加载");
  // Changing the basemap clears the notice (OSM fails again, and says so afresh).
  await select.selectOption("osm");
  await expect(notice).toContainText("OpenStreetMap：");
  await select.selectOption("none");
  await expect(notice).toHaveCount(0);
  expect(logs.filter((l) => l.includes("TK-SECRET-42"))).toEqual([]);

  // 2. The custom basemap dialog: a bad URL is refused with its reason, focus on the field.
  await select.selectOption("custom");
  await expect(dialog).toBeVisible();
  await expect(url).toBeFocused();
  await url.fill("ftp://tiles.county.test/{z}/{x}/{y}.png");
  await jiyue.el("custombasemap.ok").click();
  await expect(jiyue.el("custombasemap.error.url")).toHaveText("只支持 http:// 和 https:// 地址。");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toBeFocused();
  await url.fill("https://{s}.tiles.county.test/xyz/{z}/{x}/{y}.png?token=SECRET-7");
  await expect(jiyue.el("custombasemap.error.url")).toHaveCount(0);
  await expect(jiyue.el("custombasemap.kind")).toHaveText("识别为：XYZ");
  await jiyue.el("custombasemap.name").fill("县内网影像");
  await jiyue.el("custombasemap.subdomains").fill("ab");
  await jiyue.el("custombasemap.attribution").fill("建始县自然资源和规划局 <b>内网</b>");
  await jiyue.el("custombasemap.maxzoom").fill("18");
  await jiyue.screenshot("custom-basemap-dialog");
  await jiyue.el("custombasemap.ok").click();
  await expect(dialog).toBeHidden();
  await expect(select).toBeFocused();
  await expect.poll(() => jiyue.state((s) => s.basemap)).toBe("custom");
  await expect(select.locator("option:checked")).toHaveText("自定义：县内网影像");

  // Its tiles are requested from both subdomains, with the placeholders filled in, and drawn.
  await expect.poll(() => goodTiles.length).toBeGreaterThan(1);
  for (const u of goodTiles)
    expect(u).toMatch(/^https:\/\/[ab]\.tiles\.county\.test\/xyz\/\d+\/\d+\/\d+\.png\?token=SECRET-7$/);
  expect(new Set(goodTiles.map((u) => u[8])).size).toBe(2);
  await jiyue.page.waitForSelector('[data-map-idle="true"]');
  await expect(notice).toHaveCount(0);
  // A 5×5 grid of pixels over the map: most are the tile's blue, not the plain background. (The
  // parcels and zone outlines cover some points wherever the map is framed, so no single point.)
  const pixels = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
    if (!c) return null;
    const g = document.createElement("canvas");
    g.width = c.width;
    g.height = c.height;
    const ctx = g.getContext("2d");
    if (!ctx) return null;
    ctx.drawImage(c, 0, 0);
    const out: number[][] = [];
    for (let i = 1; i <= 5; i++)
      for (let j = 1; j <= 5; j++) {
        const d = ctx.getImageData(Math.round((c.width * i) / 6), Math.round((c.height * j) / 6), 1, 1).data;
        out.push([d[0] ?? 0, d[1] ?? 0, d[2] ?? 0]);
      }
    return out;
  });
  expect(pixels, "the map canvas is readable").not.toBeNull();
  const blue = (pixels ?? []).filter(([r, , b]) => (b ?? 0) > (r ?? 0) + 100);
  expect(blue.length, `pixels ${JSON.stringify(pixels)}`).toBeGreaterThanOrEqual(13);
  // The attribution is shown as text, not as HTML.
  await expect(page.locator(".maplibregl-ctrl-attrib")).toContainText("建始县自然资源和规划局 <b>内网</b>");
  await jiyue.screenshot("custom-basemap-drawn");

  // 3. A custom URL whose server answers 404: the notice names the custom basemap.
  await jiyue.el("custombasemap.edit").click();
  await expect(url).toHaveValue("https://{s}.tiles.county.test/xyz/{z}/{x}/{y}.png?token=SECRET-7");
  await url.fill(
    "https://broken.county.test/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=img&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
  );
  await expect(jiyue.el("custombasemap.kind")).toHaveText("识别为：WMTS (KVP)");
  await jiyue.el("custombasemap.name").fill("坏地址");
  await jiyue.when.pressKey("Enter");
  await expect(dialog).toBeHidden();
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("坏地址：底图瓦片无法加载");
  expect((await jiyue.mapDebug()).basemapTiles?.state).toBe("failed");
  await jiyue.screenshot("basemap-failed-custom");
  // Dismissed, it stays away for this basemap.
  await jiyue.el("basemap.failed.dismiss").click();
  await expect(notice).toHaveCount(0);

  // 4. The layer list: roads and zones off by layout visibility; no data re-sent.
  const before = await jiyue.mapDebug();
  expect(before.hiddenLayers).toEqual([]);
  await select.selectOption("none");
  await jiyue.el("layers.roads").uncheck();
  await jiyue.el("layers.zones").uncheck();
  await expect
    .poll(async () => (await jiyue.mapDebug()).hiddenLayers?.sort())
    .toEqual(["roads", "roads-casing", "roads-label", "zones-fill", "zones-label", "zones-line"]);
  expect((await jiyue.mapDebug()).sourceDataVersion).toBe(before.sourceDataVersion);
  await jiyue.page.waitForSelector('[data-map-idle="true"]');
  await jiyue.screenshot("layers-roads-zones-off");
  await jiyue.el("layers.flags").uncheck();
  await expect(jiyue.el("flags.toggle")).not.toBeChecked();
  await expect.poll(async () => (await jiyue.mapDebug()).hiddenLayers).toContain("flags-hatch");

  // Persisted: after a reload the same layers are off and the custom basemap is remembered.
  await jiyue.when.reload();
  await expect(jiyue.el("layers.roads")).not.toBeChecked();
  await expect(jiyue.el("layers.facilities")).toBeChecked();
  await expect(jiyue.el("layers.flags")).not.toBeChecked();
  await expect
    .poll(async () => (await jiyue.mapDebug()).hiddenLayers?.sort())
    .toEqual([
      "flags-hatch",
      "flags-line",
      "roads",
      "roads-casing",
      "roads-label",
      "zones-fill",
      "zones-label",
      "zones-line",
    ]);
  expect(await jiyue.state((s) => s.customBasemap?.name)).toBe("坏地址");
  await jiyue.el("layers.roads").check();
  await jiyue.el("layers.zones").check();
  await jiyue.el("layers.flags").check();
  await expect.poll(async () => (await jiyue.mapDebug()).hiddenLayers).toEqual([]);

  // The token of a custom URL never reaches the app's own log lines.
  expect(logs.filter((l) => l.includes("SECRET-7"))).toEqual([]);
});

// Chromium logs each failed tile request itself (the tests make them fail): those lines are
// expected here, any other console error still fails the test (the fixture checks after this).
test.afterEach(({ jiyue }) => {
  jiyue.errors.splice(0, jiyue.errors.length, ...jiyue.errors.filter((e) => !isFailedResource(e)));
});

test("at 1024×768, in English, a custom basemap's header controls fit and the notice does not cover the zoom buttons", async ({
  jiyue,
}) => {
  const page = jiyue.page;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.route(/^https:\/\/tiles\.county\.test\//, (route) =>
    route.fulfill({ status: 404, contentType: "text/plain", body: "not found" }),
  );
  await jiyue.given.appIsOpen();
  await jiyue.when.toggleLanguage();
  const headerBefore = await jiyue.el("header").boundingBox();
  await jiyue.el("basemap.select").selectOption("custom");
  await jiyue.el("custombasemap.url").fill("https://tiles.county.test/{z}/{x}/{y}.png");
  await jiyue.el("custombasemap.name").fill("County intranet imagery");
  await jiyue.el("custombasemap.ok").click();
  const notice = jiyue.el("basemap.failed");
  await expect(notice).toContainText("County intranet imagery: the basemap tiles cannot be loaded");
  // The header keeps its height (the edit control adds no row); every control inside the window.
  const header = await jiyue.el("header").boundingBox();
  const edit = await jiyue.el("custombasemap.edit").boundingBox();
  const lang = await jiyue.el("lang.toggle").boundingBox();
  expect(header && edit && lang).toBeTruthy();
  if (!header || !edit || !lang) return;
  expect(lang.x + lang.width).toBeLessThanOrEqual(1024);
  expect(header.height).toBe(headerBefore?.height);
  expect(edit.y + edit.height).toBeLessThanOrEqual(header.y + header.height);
  // The notice leaves the zoom buttons free.
  const n = await notice.boundingBox();
  const zoom = await page.locator(".maplibregl-ctrl-zoom-in").boundingBox();
  if (!n || !zoom) throw new Error("notice or zoom control missing");
  expect(n.x + n.width <= zoom.x || n.y >= zoom.y + zoom.height).toBe(true);
  await jiyue.screenshot("custom-basemap-1024-en");
});
