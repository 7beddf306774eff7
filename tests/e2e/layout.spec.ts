/**
 * A land review meeting on a 1024×768 projector: the official hides the table so the map takes the
 * whole height, the choice survives a reload, shows the table again and drags the splitter. The
 * home view keeps both zones clear of the map tools, and the header stays one line from 1366 px
 * (and at 1024 px in the default theme in Chinese).
 */
import { readFileSync } from "node:fs";
import type { FeatureCollection, Polygon } from "geojson";
import { expect, type Jiyue, test } from "./driver";

const heightOf = (jiyue: Jiyue, testId: string) =>
  jiyue.el(testId).evaluate((el) => Math.round(el.getBoundingClientRect().height));

test.describe("map and table split", () => {
  test("at 1024×768 the table collapses, stays collapsed after a reload, expands, and the splitter drags", async ({
    jiyue,
  }) => {
    await jiyue.page.setViewportSize({ width: 1024, height: 768 });
    await jiyue.given.appIsOpen();
    const splitter = jiyue.el("layout.splitter");
    const toggle = jiyue.el("layout.table.toggle");
    await expect(splitter).toHaveAttribute("role", "separator");
    await expect(splitter).toHaveAttribute("aria-orientation", "horizontal");
    await expect(splitter).toHaveAttribute("aria-valuenow", "32");
    // The filter bar fits one line: every filter is on the search box's row.
    const topsSpread = await jiyue.page.evaluate(() => {
      const bar = document.querySelector(".pt-filters");
      const tops = [...(bar?.children ?? [])].map((c) => c.getBoundingClientRect().top);
      return Math.max(...tops) - Math.min(...tops);
    });
    expect(topsSpread).toBeLessThan(8);
    await jiyue.screenshot("layout-1024-expanded");

    const mapBefore = await heightOf(jiyue, "map");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(jiyue.el("table")).toBeHidden();
    await expect.poll(() => heightOf(jiyue, "map")).toBeGreaterThan(mapBefore + 150);
    // The map's canvas follows its container (MapLibre observes the container's size).
    await expect
      .poll(() =>
        jiyue.page.evaluate(() => document.querySelector<HTMLElement>(".maplibregl-canvas")?.clientHeight),
      )
      .toBe(await heightOf(jiyue, "map"));
    await jiyue.screenshot("layout-1024-collapsed");

    // (not `when.reload`: it waits for the table's count, which is hidden with the table)
    await jiyue.page.reload();
    await jiyue.page.waitForFunction(() => (window.__jiyue?.readyAt ?? 0) > 0, null, { timeout: 60_000 });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(jiyue.el("table")).toBeHidden();
    await expect(splitter).toHaveAttribute("aria-valuenow", "0");

    await toggle.click();
    await expect(jiyue.el("table")).toBeVisible();
    await expect.poll(() => heightOf(jiyue, "map")).toBe(mapBefore);

    // Drag the splitter up 150 px: the panel grows by as much and the map shrinks.
    const bottomBefore = await heightOf(jiyue, "panel.bottom");
    const box = await splitter.boundingBox();
    if (!box) throw new Error("splitter is not visible");
    const x = box.x + box.width / 3;
    const y = box.y + box.height / 2;
    await jiyue.page.mouse.move(x, y);
    await jiyue.page.mouse.down();
    await jiyue.page.mouse.move(x, y - 75, { steps: 3 });
    await jiyue.page.mouse.move(x, y - 150, { steps: 3 });
    await jiyue.page.mouse.up();
    await expect.poll(() => heightOf(jiyue, "panel.bottom")).toBe(bottomBefore + 150);
    expect(await heightOf(jiyue, "map")).toBe(mapBefore - 150);
    expect(await jiyue.page.locator('[data-testid^="table.row."]').count()).toBeGreaterThan(8);

    // Dragging far down stops at the table's minimum; far up stops at the map's minimum (200 px).
    const box2 = await splitter.boundingBox();
    if (!box2) throw new Error("splitter is not visible");
    await jiyue.page.mouse.move(x, box2.y + 4);
    await jiyue.page.mouse.down();
    await jiyue.page.mouse.move(x, 5, { steps: 4 });
    await jiyue.page.mouse.up();
    await expect.poll(() => heightOf(jiyue, "map")).toBe(200);

    // Keyboard: ArrowDown shrinks the table by 5 % of the window, Home collapses, End shows it again.
    await splitter.focus();
    const before = await heightOf(jiyue, "panel.bottom");
    await jiyue.when.pressKey("ArrowDown");
    await expect.poll(() => heightOf(jiyue, "panel.bottom")).toBe(before - Math.round(0.05 * 768));
    await jiyue.when.pressKey("Home");
    await expect(jiyue.el("table")).toBeHidden();
    await jiyue.when.pressKey("End");
    await expect(jiyue.el("table")).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  });

  test("projector theme at 1024×768, table shown and hidden (screenshots)", async ({ jiyue }) => {
    await jiyue.page.setViewportSize({ width: 1024, height: 768 });
    await jiyue.given.appIsOpen();
    await jiyue.el("header.theme.projector").click();
    await expect(jiyue.page.locator("html")).toHaveClass(/theme-projector/);
    await jiyue.screenshot("layout-1024-projector-expanded");
    const mapBefore = await heightOf(jiyue, "map");
    await jiyue.el("layout.table.toggle").click();
    await expect.poll(() => heightOf(jiyue, "map")).toBeGreaterThan(mapBefore + 150);
    await jiyue.screenshot("layout-1024-projector-collapsed");
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The zones' outlines (lon/lat) as the app's sample data has them, read from the file, not the page. */
const ZONES = JSON.parse(readFileSync("geodata/zones.geojson", "utf8")) as FeatureCollection<
  Polygon,
  { id: string }
>;

/** The screen box of a zone's outline, projected from the map's centre and zoom (driver.mapPoint). */
async function zoneBox(jiyue: Jiyue, id: string): Promise<Box> {
  const zone = ZONES.features.find((f) => f.properties.id === id);
  if (!zone) throw new Error(`zone ${id} is not in geodata/zones.geojson`);
  const pts = [];
  for (const p of zone.geometry.coordinates[0] ?? []) pts.push(await jiyue.mapPoint([p[0] ?? 0, p[1] ?? 0]));
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

test.describe("what covers the map and the header", () => {
  for (const [width, height, projector] of [
    [1024, 768, false],
    [1024, 768, true],
    [1366, 768, false],
    [1920, 1080, true],
  ] as const) {
    test(`home view at ${width}×${height}${projector ? " (projector)" : ""}: both zones in the map and clear of the map tools`, async ({
      jiyue,
    }) => {
      await jiyue.page.setViewportSize({ width, height });
      await jiyue.given.appIsOpen();
      if (projector) {
        await jiyue.el("header.theme.projector").click();
        await expect(jiyue.page.locator("html")).toHaveClass(/theme-projector/);
      }
      // The home button frames the default view again (after the theme changed the panels' sizes).
      await jiyue.el("map.home").click();
      const map = await jiyue.el("map").boundingBox();
      const bar = await jiyue.page.locator(".map-tools__bar").boundingBox();
      if (!map || !bar) throw new Error("map or map tools not visible");
      for (const id of ["huangtukan", "dayangbang"]) {
        const z = await zoneBox(jiyue, id);
        // Inside the map…
        expect(z.x).toBeGreaterThanOrEqual(map.x);
        expect(z.y).toBeGreaterThanOrEqual(map.y);
        expect(z.x + z.width).toBeLessThanOrEqual(map.x + map.width);
        expect(z.y + z.height).toBeLessThanOrEqual(map.y + map.height);
        // …and not under the 选择 / 测距 / 测面积 bar (at 1024×768 it sat on 大样榜).
        expect(overlaps(z, bar), `${id} ${JSON.stringify(z)} under the tools ${JSON.stringify(bar)}`).toBe(
          false,
        );
      }
      await jiyue.screenshot(`layout-home-${width}${projector ? "-projector" : ""}`);
    });
  }

  for (const [width, projector] of [
    // 1024 px in Chinese (an official's laptop or the room's projector): one line since the undo
    // and redo buttons show only their arrows there (their names stay their labels and tooltips).
    [1024, false],
    [1366, false],
    [1366, true],
    [1920, true],
  ] as const) {
    test(`the header is one line at ${width} px${projector ? " (projector)" : ""}`, async ({ jiyue }) => {
      await jiyue.page.setViewportSize({ width, height: 768 });
      await jiyue.given.appIsOpen();
      if (projector) {
        await jiyue.el("header.theme.projector").click();
        await expect(jiyue.page.locator("html")).toHaveClass(/theme-projector/);
      }
      const line = await jiyue.el("header").evaluate((h) => {
        // What is drawn (not the spacer, hidden file inputs or visually hidden text), by vertical
        // centre: the header centres each row's items, so one row has one centre.
        const shown = [...h.children]
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.width > 1 && r.height > 1);
        const mids = shown.map((r) => r.top + r.height / 2);
        const tallest = Math.max(...shown.map((r) => r.height));
        return {
          spread: Math.max(...mids) - Math.min(...mids),
          height: h.getBoundingClientRect().height,
          tallest,
        };
      });
      // Every control on the first row, and the header no taller than its tallest control and padding.
      expect(line.spread).toBeLessThan(8);
      expect(line.height).toBeLessThan(line.tallest + 20);
    });
  }
});
