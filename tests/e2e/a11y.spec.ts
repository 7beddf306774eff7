/**
 * Accessibility: axe-core over the main views — both languages, the projector theme at 1024×768,
 * a selected parcel, a filtered table (zone chip, legend class, an empty table with its hint, the
 * column chooser open) and a refused standards file — with zero violations of any rule axe runs by
 * default (WCAG 2 A/AA and best practices). Screenshots of each view go to tests/e2e/screenshots.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, type Jiyue, test } from "./driver";

/** axe's findings as one readable line each (rule, impact, element, why), for the failure message. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}) ${n.target.join(" ")}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`,
    ),
  );
}

async function expectClean(jiyue: Jiyue, name: string): Promise<void> {
  await jiyue.screenshot(`a11y-${name}`);
  expect(await violations(jiyue.page), `axe violations in view "${name}"`).toEqual([]);
}

test.describe("accessibility (axe-core)", () => {
  // Each axe run takes seconds on a shared machine; a test runs two or three.
  test.describe.configure({ timeout: 180_000 });
  for (const lang of ["zh", "en"] as const) {
    test(`1366×768 in ${lang}: the main view and a selected parcel`, async ({ jiyue }) => {
      await jiyue.page.setViewportSize({ width: 1366, height: 768 });
      await jiyue.given.appIsOpen();
      if (lang === "en") await jiyue.when.toggleLanguage();
      await expectClean(jiyue, `${lang}-1366-main`);

      // A parcel selected: the detail panel with its checks and reasons.
      // A candidate with standards checks: the fullest detail (reasons, checks, reallocation).
      const id = await jiyue.state(
        (s) =>
          (
            s.result?.parcels.find((p) => p.computed.reallocationCandidate && p.checks.length > 0) ??
            s.result?.parcels.find((p) => p.checks.length > 0)
          )?.input.id ?? "",
      );
      await jiyue.when.clickRow(id);
      await jiyue.then.selectionIs([id]);
      await expect(jiyue.el("detail.inputs")).toBeVisible();
      await expectClean(jiyue, `${lang}-1366-selected`);
    });

    test(`1366×768 in ${lang}: a filtered table, an empty table's hint, the column chooser`, async ({
      jiyue,
    }) => {
      await jiyue.page.setViewportSize({ width: 1366, height: 768 });
      await jiyue.given.appIsOpen();
      if (lang === "en") await jiyue.when.toggleLanguage();
      // Filtered from outside the table: a zone button and a legend class; a graduated map.
      await jiyue.when.switchZone("huangtukan");
      await jiyue.when.chooseIndicator("taxPerMu");
      await jiyue.el("legend.filter.0").click();
      await expect(jiyue.el("table.chip.zone")).toBeVisible();
      await expect(jiyue.el("table.chip.range")).toBeVisible();
      await expectClean(jiyue, `${lang}-1366-filtered`);

      // A Dayangbang id searched under 黄土坎: the empty table says where it is.
      await jiyue.el("table.chip.range.remove").click();
      await jiyue.el("table.filter.text").fill("DYB-001");
      await expect(jiyue.el("table.emptyHint")).toBeVisible();
      await expectClean(jiyue, `${lang}-1366-empty-hint`);

      // The column chooser open.
      await jiyue.el("table.columns").click();
      await expect(jiyue.el("table.columns.panel")).toBeVisible();
      await expectClean(jiyue, `${lang}-1366-columns`);
    });

    test(`1024×768 projector in ${lang}: the main view and a selected parcel`, async ({ jiyue }) => {
      await jiyue.page.setViewportSize({ width: 1024, height: 768 });
      await jiyue.given.appIsOpen();
      if (lang === "en") await jiyue.when.toggleLanguage();
      // Clicked, so the pointer rests on the pressed button (its hover state is checked too).
      await jiyue.el("header.theme.projector").click();
      await expect(jiyue.el("header.theme.projector")).toHaveAttribute("aria-pressed", "true");
      await expectClean(jiyue, `${lang}-1024-projector`);
      // The keyboard selects the first row: the projector's large type leaves the table little
      // room at the default split, so a pointer click may land on the sticky header.
      const id = await jiyue.state((s) => s.result?.parcels[0]?.input.id ?? "");
      await jiyue.page.locator('table[role="grid"]').focus();
      await jiyue.when.pressKey("ArrowDown");
      await jiyue.then.selectionIs([id]);
      await expectClean(jiyue, `${lang}-1024-projector-selected`);
    });
  }

  test("a refused standards file: its problems only, in Chinese, and no violations", async ({ jiyue }) => {
    await jiyue.page.setViewportSize({ width: 1366, height: 768 });
    await jiyue.given.appIsOpen();
    await jiyue.el("header.standards.file").setInputFiles({
      name: "bad-standards.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"name": "x" "edition": 1}'),
    });
    await expect(jiyue.el("problems.rejected")).toContainText("bad-standards.json");
    const list = (await jiyue.el("problems.list").textContent()) ?? "";
    expect(list).toContain("第 1 行第 14 列");
    expect(list).not.toMatch(/Expected|position|parcels\.geojson/);
    await expectClean(jiyue, "zh-1366-bad-standards");
  });
});
