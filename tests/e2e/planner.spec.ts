/**
 * The six-ones planner as an official uses it: open the workspace, read the checklist, accept the
 * best kindergarten site, see the coverage rise and the site on the plan, undo it, accept again,
 * reload and find it kept.
 */
import { expect, test } from "./driver";

test("six ones: checklist, accept a suggested kindergarten site, undo, reload", async ({ jiyue }) => {
  await jiyue.given.appIsOpen();
  await jiyue.el("mode.facilities").click();
  await expect(jiyue.el("planner.panel")).toBeVisible();
  // The checklist: the sample has a clinic and a green space (existing) and a planned kindergarten.
  await expect(jiyue.el("planner.row.clinic")).toHaveAttribute("data-status", "existing");
  await expect(jiyue.el("planner.row.kindergarten")).toHaveAttribute("data-status", "planned");
  await expect(jiyue.el("planner.row.school")).toHaveAttribute("data-status", "missing");
  await expect(jiyue.el("planner.method")).toContainText("沿道路网计算");
  const shareOf = async () => {
    const t = (await jiyue.el("planner.coverage.kindergarten").textContent()) ?? "";
    return Number(/([\d.]+)%/.exec(t)?.[1] ?? Number.NaN);
  };
  await expect.poll(shareOf).toBeGreaterThanOrEqual(0);
  const before = await shareOf();
  await expect(jiyue.el("planner.suggestion.1")).toBeVisible();
  const site = (await jiyue.el("planner.suggestion.1").locator("td").nth(1).textContent())?.trim() ?? "";
  expect(site).toMatch(/^(HTK|DYB)-\d+/);
  await jiyue.screenshot("planner-before");

  await jiyue.el("planner.accept.1").click();
  await expect.poll(() => jiyue.state((s) => s.history.steps.at(-1)?.label.code)).toBe("facility-accept");
  await expect.poll(shareOf).toBeGreaterThan(before);
  await expect(jiyue.el("header.undo")).toHaveAccessibleName(`撤销：采纳选址 ${site}（幼儿园）`);
  await jiyue.screenshot("planner-accepted");

  // Undo with the keyboard: the site goes and the coverage falls back.
  await jiyue.page.locator("body").press("Control+z");
  await expect.poll(shareOf).toBe(before);
  await jiyue.page.locator("body").press("Control+Shift+z");
  await expect.poll(shareOf).toBeGreaterThan(before);

  await jiyue.page.evaluate(() => window.__jiyueTest?.flushWork());
  await jiyue.when.reload();
  await jiyue.el("mode.facilities").click();
  await expect.poll(shareOf).toBeGreaterThan(before);
  // The plan's own facilities: the sample's planned kindergarten and the accepted site.
  await expect(jiyue.page.locator('[data-testid^="planner.facility."]')).toHaveCount(2);
  await expect(jiyue.el("planner.facilities")).toContainText(`幼儿园（建议选址 ${site}）`);
});
