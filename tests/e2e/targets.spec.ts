/**
 * The targets dashboard as an official uses it: open 规划目标, read the tax target and its status,
 * show the firms outside the leading industries of Dayangbang in the table (a chip says so), edit
 * a target value and see met turn into not met, undo, redo, reload and find the edit kept.
 * Expected figures come from the domain functions on the sample file (read here in Node), so the
 * test checks that the app shows what the rules compute from the data.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { computeTargets, targetParcels, validateTargetsFile } from "../../src/domain/targets";
import { formatTargetValue } from "../../src/i18n/targets";
import { readParcelsGeoJson } from "../../src/io/geojson-read";
import { expect, test } from "./driver";

const parcels = readParcelsGeoJson(readFileSync("geodata/parcels.geojson"), {
  fileName: "parcels.geojson",
  analysisCrs: "EPSG:4546",
});
const checked = validateTargetsFile(JSON.parse(readFileSync("geodata/targets.json", "utf8")));
if (!("file" in checked) || !parcels.ok) throw new Error("the sample data cannot be read");
const plan = checked.file;
const rows = computeTargets(
  parcels.parcels.map((p) => p.input),
  plan,
);
const rowOf = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no target ${id}`);
  return r;
};
const status = (met: boolean | null) => (met === null ? "na" : met ? "met" : "notMet");

test("targets: read the tax target, show the parcels behind a zone target, edit, undo, reload", async ({
  jiyue,
}) => {
  await jiyue.given.appIsOpen();
  await jiyue.el("mode.targets").click();
  await expect(jiyue.el("targets.panel")).toBeVisible();

  // The tax target: the value from the data, the target, met or not.
  const tax = rowOf("tax-revenue");
  await expect(jiyue.el("targets.value.tax-revenue")).toContainText(
    formatTargetValue(tax.value, "wan-yuan", "zh"),
  );
  await expect(jiyue.el("targets.target.tax-revenue")).toContainText("6,200.00 万元");
  await expect(jiyue.el("targets.row.tax-revenue")).toHaveAttribute("data-status", status(tax.met));
  await expect(jiyue.el("targets.growth.tax-revenue")).toContainText("2020 年基数 4,413.04 万元");
  await expect(jiyue.el("targets.growth.tax-revenue")).toContainText("2026 年应为 8,710.55 万元");
  // A target parcel data cannot compute says what would be needed.
  await expect(jiyue.el("targets.row.new-invention-patents")).toHaveAttribute("data-status", "na");
  await expect(jiyue.el("targets.needs.new-invention-patents")).toContainText("需要知识产权部门");
  await jiyue.screenshot("targets-1366");

  // The firms outside Dayangbang's leading industries, in the table and dimming the map.
  const dybSpec = plan.targets.find((t) => t.id === "leading-industry-share-dayangbang");
  const behind = dybSpec ? targetParcels(dybSpec, parcels.parcels) : null;
  expect(behind?.ids.length ?? 0).toBeGreaterThan(0);
  const n = behind?.ids.length ?? 0;
  await jiyue.el("targets.show.leading-industry-share-dayangbang").click();
  await jiyue.then.tableCountIs(n, parcels.parcels.length);
  await expect(jiyue.el("table.chip.target")).toContainText("目标：大样榜片区主导产业产值占比");
  await expect.poll(async () => (await jiyue.mapDebug()).dimmed).toBe(parcels.parcels.length - n);
  const firstRow = jiyue.page.locator('[data-testid^="table.row."]').first();
  await expect(firstRow).toHaveAttribute("data-testid", `table.row.${[...(behind?.ids ?? [])].sort()[0]}`);
  await jiyue.screenshot("targets-filtered");
  await jiyue.el("table.chip.target.remove").click();
  await jiyue.then.tableCountIs(parcels.parcels.length, parcels.parcels.length);

  // Edit the tax target above the current value: met turns into not met, one undoable step.
  expect(tax.met).toBe(true);
  const higher = Math.ceil(((tax.value ?? 0) * 2) / 1000) * 1000;
  await jiyue.el("targets.edit").click();
  const input = jiyue.el("targets.edit.value.tax-revenue");
  await input.fill(String(higher));
  await input.press("Enter");
  await expect(jiyue.el("targets.row.tax-revenue")).toHaveAttribute("data-status", "notMet");
  await expect(jiyue.el("targets.target.tax-revenue")).toContainText(
    formatTargetValue(higher, "wan-yuan", "zh"),
  );
  await expect(jiyue.el("header.undo")).toHaveAccessibleName("撤销：修改目标「税收总额」目标值");
  await jiyue.screenshot("targets-edited");

  await jiyue.el("header.undo").click();
  await expect(jiyue.el("targets.row.tax-revenue")).toHaveAttribute("data-status", "met");
  await expect(jiyue.el("targets.target.tax-revenue")).toContainText("6,200.00 万元");
  await jiyue.el("header.redo").click();
  await expect(jiyue.el("targets.row.tax-revenue")).toHaveAttribute("data-status", "notMet");

  // A value that is not a number is refused, with why, and changes nothing.
  await input.fill("约一万");
  await input.press("Enter");
  await expect(jiyue.el("targets.message")).toContainText("不是数值");
  await expect(jiyue.el("targets.target.tax-revenue")).toContainText(
    formatTargetValue(higher, "wan-yuan", "zh"),
  );

  await jiyue.page.evaluate(() => window.__jiyueTest?.flushWork());
  await jiyue.when.reload();
  await jiyue.el("mode.targets").click();
  await expect(jiyue.el("targets.row.tax-revenue")).toHaveAttribute("data-status", "notMet");
  await expect(jiyue.el("targets.target.tax-revenue")).toContainText(
    formatTargetValue(higher, "wan-yuan", "zh"),
  );
});

for (const theme of ["default", "projector"] as const)
  for (const width of [1366, 1024])
    test(`targets dashboard at ${width}×768, ${theme} theme (screenshot)`, async ({ jiyue }) => {
      await jiyue.page.setViewportSize({ width, height: 768 });
      await jiyue.given.appIsOpen();
      if (theme === "projector") await jiyue.el("header.theme.projector").click();
      await jiyue.el("mode.targets").click();
      await expect(jiyue.el("targets.row.tax-revenue")).toBeVisible();
      await expect(jiyue.el("targets.chart.growth").first()).toBeVisible();
      // The left panel holds the dashboard without a horizontal scroll bar.
      const overflow = await jiyue.el("panel.left").evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await jiyue.screenshot(`targets-${width}-${theme}`);
      await jiyue.el("targets.row.tax-revenue").scrollIntoViewIfNeeded();
      await jiyue.el("targets.row.tax-revenue").screenshot({
        path: `tests/e2e/screenshots/targets-tax-${width}-${theme}.png`,
      });
    });

test("targets dashboard: no axe violations (edit mode, a target filter; zh and en)", async ({ jiyue }) => {
  test.setTimeout(180_000);
  await jiyue.page.setViewportSize({ width: 1366, height: 768 });
  await jiyue.given.appIsOpen();
  await jiyue.el("mode.targets").click();
  await jiyue.el("targets.edit").click();
  await jiyue.el("targets.show.above-scale-enterprises").click();
  await expect(jiyue.el("table.chip.target")).toContainText("目标：规上企业数");
  for (const lang of ["zh", "en"] as const) {
    if (lang === "en") {
      await jiyue.when.toggleLanguage();
      await expect(jiyue.el("table.chip.target")).toContainText("Target: Enterprises above designated size");
      await expect(jiyue.el("mode.targets")).toHaveText("Targets");
    }
    const r = await new AxeBuilder({ page: jiyue.page }).analyze();
    const found = r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(" ")}`));
    expect(found, `axe violations (${lang})`).toEqual([]);
    await jiyue.screenshot(`targets-a11y-${lang}`);
  }
});
