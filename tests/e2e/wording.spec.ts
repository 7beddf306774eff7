/**
 * Texts an official could act on (issue 12, "Misleading"): a government-caused idle parcel, the
 * flag legend, the as-of date field and the efficiency score's scale, as the built app shows them.
 */
import { expect, test } from "./driver";

test.describe("misleading texts", () => {
  test("a government-caused idle parcel reads the same in the candidate list and the detail", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    const item = jiyue.el("flags.candidate.DYB-058");
    await item.scrollIntoViewIfNeeded();
    const listTags = await item.locator(".tag").allTextContents();
    expect(listTags).toEqual(["闲置满一年", "政府原因，可协商处置"]);
    await item.click();
    await expect(jiyue.el("detail.id")).toHaveText("DYB-058");
    const detailTags = await jiyue.el("detail.realloc").locator(".tag").allTextContents();
    expect(detailTags).toEqual(listTags);
    const idle = (await jiyue.el("detail.idleReasons").textContent()) ?? "";
    expect(idle).toContain("不征收土地闲置费，不适用无偿收回；可与土地使用权人协商");
    expect(idle.replaceAll("不适用无偿收回", "")).not.toContain("无偿收回");
    expect(idle).not.toContain("可征收");
    await jiyue.el("detail.idle").scrollIntoViewIfNeeded();
    await jiyue.screenshot("wording-government-cause");
  });

  test("the flag legend shows the map's hatch patterns", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    for (const flag of ["idle", "under"]) {
      const bg = await jiyue
        .el(`legend.flagSwatch.${flag}`)
        .evaluate((e) => getComputedStyle(e).backgroundImage);
      expect(bg).toContain("data:image/svg+xml");
    }
    await jiyue.el("legend.panel").screenshot({ path: "tests/e2e/screenshots/wording-legend.png" });
  });

  test("the as-of date applies a typed year once it is complete, and warns before the data", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    const start = await jiyue.state((s) => s.asOf);
    const input = jiyue.el("header.asOf");
    // Chromium's date field (mm/dd/yyyy here): focus it, then move to the year segment.
    await input.click({ position: { x: 8, y: 8 } });
    await jiyue.page.keyboard.press("ArrowRight");
    await jiyue.page.keyboard.press("ArrowRight");
    const seen: string[] = [];
    for (const d of ["1", "9", "9"]) {
      await jiyue.page.keyboard.press(d);
      seen.push(await jiyue.state((s) => s.asOf));
    }
    expect(seen).toEqual([start, start, start]);
    await expect(jiyue.el("header.asOf.incomplete")).toBeVisible();
    await jiyue.page.keyboard.press("0");
    await expect.poll(() => jiyue.state((s) => s.asOf)).toBe(`1990${start.slice(4)}`);
    await expect(jiyue.el("header.asOf.warning")).toContainText("早于数据最早供地日期");
    await jiyue.el("header").screenshot({ path: "tests/e2e/screenshots/wording-asof.png" });
  });

  test("the efficiency score says what it is relative to", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    const id = await jiyue.state(
      (s) => s.result?.parcels.find((p) => p.computed.efficiencyScore !== null)?.input.id,
    );
    expect(id).toBeTruthy();
    await jiyue.when.clickRow(id as string);
    await expect(jiyue.el("detail.efficiencyScore")).toContainText("100 = 各项指标均达到基准值");
    await jiyue.when.chooseIndicator("efficiencyScore");
    await expect(jiyue.el("legend.panel")).toContainText("100 = 各项指标均达到基准值");
    await jiyue.el("detail.efficiency").screenshot({ path: "tests/e2e/screenshots/wording-score.png" });
  });
});
