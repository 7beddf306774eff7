/**
 * Nothing the official does is lost: an imported file and the as-of date survive a reload; a saved
 * project opens in a fresh browser profile to the same state; a corrupt stored setting does not
 * blank the app (it is named, and the rest of the settings still apply).
 */
import { writeFile } from "node:fs/promises";
import { expect, Jiyue, test } from "./driver";

const FILE = "tests/fixtures/io/read/fields/in.geojson";

async function flush(jiyue: Jiyue) {
  await jiyue.page.evaluate(() => window.__jiyueTest?.flushWork());
}

async function importFile(jiyue: Jiyue, path: string) {
  await jiyue.when.importFiles(path);
  await expect.poll(() => jiyue.state((s) => s.dataset?.fileName)).toBe("in.geojson");
  await expect.poll(() => jiyue.state((s) => s.result?.parcels.length)).toBe(2);
}

test.describe("the work is kept", () => {
  test("an imported file is still there after a reload; undo of the import is a step", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    const sampleCount = await jiyue.state((s) => s.result?.parcels.length ?? 0);
    expect(sampleCount).toBeGreaterThan(100);
    await importFile(jiyue, FILE);
    expect(await jiyue.state((s) => s.history.steps.map((x) => x.label))).toEqual([
      { code: "import-dataset", params: { file: "in.geojson" } },
    ]);
    await flush(jiyue);
    await jiyue.when.reload();
    expect(await jiyue.state((s) => s.dataset?.fileName)).toBe("in.geojson");
    await expect.poll(() => jiyue.state((s) => s.result?.parcels.length)).toBe(2);
    await jiyue.then.tableCountIs(2, 2);
    // The undo history came back too: undoing the import shows the sample again.
    await expect(jiyue.el("header.undo")).toHaveAccessibleName("撤销：导入 in.geojson");
    await jiyue.el("header.undo").click();
    await expect.poll(() => jiyue.state((s) => s.result?.parcels.length)).toBe(sampleCount);
    await expect.poll(() => jiyue.state((s) => s.dataset?.fileName)).toBe("parcels.geojson");
    await jiyue.el("header.redo").click();
    await expect.poll(() => jiyue.state((s) => s.result?.parcels.length)).toBe(2);
    expect(await jiyue.state((s) => s.storageNotices)).toEqual([]);
  });

  test("a parcel edit is there after a reload, and Ctrl+Z undoes it", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    await jiyue.when.clickRow("HTK-005");
    const field = jiyue.page.getByRole("textbox", { name: "累计固定资产投资", exact: true });
    const original = await field.inputValue();
    await field.fill("98,765万元");
    await field.press("Enter");
    await expect(field).toHaveValue("98765");
    await expect.poll(() => jiyue.state((s) => s.byId.get("HTK-005")?.input.fixedInvestment)).toBe(98765);
    await flush(jiyue);
    await jiyue.when.reload();
    await expect.poll(() => jiyue.state((s) => s.byId.get("HTK-005")?.input.fixedInvestment)).toBe(98765);
    // the selection came back with it: the detail panel shows the edited value, marked
    await expect(field).toHaveValue("98765");
    await expect(jiyue.el("detail.edit.fixedInvestment.edited")).toBeVisible();
    await expect(jiyue.el("header.undo")).toHaveAccessibleName("撤销：修改 HTK-005 累计固定资产投资");
    await jiyue.el("detail.id").click();
    await jiyue.when.pressKey("Control+z");
    await expect(field).toHaveValue(original);
    await expect
      .poll(() => jiyue.state((s) => s.byId.get("HTK-005")?.input.fixedInvestment ?? null))
      .toBe(original === "" ? null : Number(original));
  });

  test("the as-of date and the selection survive a reload", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    await jiyue.el("header.asOf").fill("2025-01-15");
    await expect.poll(() => jiyue.state((s) => s.result?.asOf)).toBe("2025-01-15");
    await jiyue.when.clickRow("HTK-001");
    await jiyue.then.selectionIs(["HTK-001"]);
    await flush(jiyue);
    await jiyue.when.reload();
    expect(await jiyue.state((s) => [s.asOf, s.asOfUserSet])).toEqual(["2025-01-15", true]);
    await expect(jiyue.el("header.asOf")).toHaveValue("2025-01-15");
    await expect.poll(() => jiyue.state((s) => s.result?.asOf)).toBe("2025-01-15");
    await expect.poll(() => jiyue.state((s) => [...s.selectedIds])).toEqual(["HTK-001"]);
  });

  test("a saved project opens in a fresh browser profile to the same state", async ({ jiyue, browser }) => {
    await jiyue.given.appIsOpen();
    await importFile(jiyue, FILE);
    await jiyue.el("header.asOf").fill("2026-03-31");
    await expect.poll(() => jiyue.state((s) => s.result?.asOf)).toBe("2026-03-31");
    await jiyue.el("project.menu.toggle").click();
    await jiyue.screenshot("persist-project-menu");
    const saved = await jiyue.download(jiyue.el("project.save"));
    expect(saved.name).toBe("in.jiyue.json");
    const json = JSON.parse(saved.text);
    expect(json).toMatchObject({
      format: "jiyue-project",
      schemaVersion: 1,
      dataset: { fileName: "in.geojson" },
    });
    const before = await jiyue.state((s) =>
      s.result?.parcels.map((p) => [p.input.id, p.computed.investmentPerMu, p.computed.idleStatus]),
    );

    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      const other = new Jiyue(page);
      await other.given.appIsOpen();
      expect(await other.state((s) => s.dataset?.fileName)).toBe("parcels.geojson");
      const path = test.info().outputPath("in.jiyue.json");
      await writeFile(path, saved.bytes);
      await other.el("project.file").setInputFiles(path);
      // never replaces the current work without a confirmation
      await expect(other.el("project.confirm")).toBeVisible();
      await other.screenshot("persist-open-confirm");
      expect(await other.state((s) => s.dataset?.fileName)).toBe("parcels.geojson");
      await other.el("project.ok").click();
      await expect.poll(() => other.state((s) => s.dataset?.fileName)).toBe("in.geojson");
      await expect.poll(() => other.state((s) => s.result?.asOf)).toBe("2026-03-31");
      await expect
        .poll(() =>
          other.state((s) =>
            s.result?.parcels.map((p) => [p.input.id, p.computed.investmentPerMu, p.computed.idleStatus]),
          ),
        )
        .toEqual(before);
      // and it can be undone: the sample comes back
      await expect(other.el("header.undo")).toHaveAccessibleName("撤销：打开项目 in.jiyue.json");
      await other.el("header.undo").click();
      await expect.poll(() => other.state((s) => s.dataset?.fileName)).toBe("parcels.geojson");
      expect(other.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a corrupt stored setting does not blank the app; a newer version's settings are kept", async ({
    jiyue,
  }) => {
    await jiyue.page.addInitScript(() => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem(
        "jiyue.settings.v1",
        JSON.stringify({
          state: {
            lang: "en",
            classifications: {
              taxPerMu: { method: "manual", k: 4, manualBreaks: "1,2", labels: null },
              landUse: "oops",
            },
          },
          version: 1,
        }),
      );
    });
    await jiyue.given.appIsOpen();
    await expect(jiyue.el("storage.notice.settings-dropped")).toBeVisible();
    await expect(jiyue.el("storage.notice.settings-dropped")).toContainText(
      "classifications.taxPerMu.manualBreaks",
    );
    expect(await jiyue.state((s) => s.lang)).toBe("en");
    await jiyue.when.chooseIndicator("taxPerMu");
    await expect(jiyue.el("legend.panel")).toBeVisible();
    await jiyue.screenshot("persist-corrupt-setting");
    await expect(jiyue.el("crash")).toHaveCount(0);

    const newer = JSON.stringify({ state: { lang: "en" }, version: 999 });
    await jiyue.page.evaluate((v) => localStorage.setItem("jiyue.settings.v1", v), newer);
    await jiyue.when.reload();
    await expect(jiyue.el("storage.notice.settings-newer")).toBeVisible();
    expect(await jiyue.state((s) => s.lang)).toBe("zh");
    await jiyue.when.toggleLanguage();
    expect(await jiyue.page.evaluate(() => localStorage.getItem("jiyue.settings.v1"))).toBe(newer);
  });
});
