/**
 * A land review meeting on a 1024×768 projector: the official hides the table so the map takes the
 * whole height, the choice survives a reload, shows the table again and drags the splitter.
 */
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
