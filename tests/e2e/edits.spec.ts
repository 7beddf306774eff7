/**
 * An official corrects a parcel's figure in the app: the indicators, the standards check and the
 * flag follow at once; Ctrl+Z undoes, Ctrl+Shift+Z and the header button redo.
 */
import { expect, test } from "./driver";

test.describe("an official corrects a parcel's figures", () => {
  test("corrects the investment in the detail panel; intensity and flag change; undo and redo", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    // A producing parcel below standard only for its investment intensity, not class D, not idle.
    const target = await jiyue.state((s) => {
      const p = s.result?.parcels.find(
        (x) =>
          x.computed.standardsFailed.length === 1 &&
          x.computed.standardsFailed[0] === "investmentPerMu" &&
          x.computed.efficiencyClass !== "D" &&
          x.computed.idleStatus === "none" &&
          typeof x.input.fixedInvestment === "number",
      );
      const check = p?.checks.find((c) => c.indicator === "investmentPerMu");
      return p && check
        ? {
            id: p.input.id,
            investment: p.input.fixedInvestment as number,
            intensity: p.computed.investmentPerMu as number,
            threshold: check.threshold,
            areaMu: p.computed.areaMu,
          }
        : null;
    });
    expect(target, "the sample has a parcel below standard only for its investment").not.toBeNull();
    if (!target) return;
    const computedOf = (id: string) =>
      jiyue.page.evaluate((pid) => {
        const c = window.__jiyueTest?.getState().byId.get(pid)?.computed;
        return c ? { failed: c.standardsFailed, intensity: c.investmentPerMu } : null;
      }, id);
    const flagsOf = async (id: string) => (await computedOf(id))?.failed ?? null;

    await jiyue.when.clickRow(target.id);
    await expect(jiyue.el("detail.id")).toHaveText(target.id);
    await expect(jiyue.el("detail.check.investmentPerMu")).toContainText("未达标");
    await expect(jiyue.el(`table.row.${target.id}`)).toContainText("未达标");

    // The field is found by its label, in Chinese; the unit is shown beside it.
    const field = jiyue.page.getByRole("textbox", { name: "累计固定资产投资", exact: true });
    await expect(field).toHaveValue(String(target.investment));
    await expect(jiyue.el("detail.input.fixedInvestment")).toContainText("万元");

    // A bad value is refused and changes nothing.
    await field.fill("约100");
    await field.press("Enter");
    await expect(jiyue.el("detail.edit.fixedInvestment.message")).toContainText("未作修改");
    expect(await jiyue.state((s) => s.history.steps.length)).toBe(0);
    await field.press("Escape");
    await expect(field).toHaveValue(String(target.investment));

    // Enough to pass the standard, written as in the register (thousands separator, unit).
    const newInvestment = Math.ceil(target.threshold * target.areaMu * 1.5);
    const written = `${newInvestment.toLocaleString("en-US")}万元`;
    await field.fill(written);
    await field.press("Enter");
    await expect(field).toHaveValue(String(newInvestment));
    await expect(jiyue.el("detail.edit.fixedInvestment.edited")).toBeVisible();
    await expect(jiyue.el("detail.edit.fixedInvestment.original")).toContainText("原值");
    await expect(jiyue.el("detail.check.investmentPerMu")).toContainText("达标");
    await expect(jiyue.el("detail.check.investmentPerMu")).not.toContainText("未达标");
    await expect.poll(() => flagsOf(target.id)).toEqual([]);
    const intensity = (await computedOf(target.id))?.intensity ?? 0;
    expect(intensity).toBeCloseTo(newInvestment / target.areaMu, 4);
    await expect(jiyue.el(`table.row.${target.id}`)).not.toContainText("未达标");
    await expect(jiyue.el("header.undo")).toHaveAccessibleName(`撤销：修改 ${target.id} 累计固定资产投资`);
    await jiyue.screenshot("edit-detail");

    // Ctrl+Z (the field has nothing pending: the app's undo).
    await jiyue.when.pressKey("Control+z");
    await expect(field).toHaveValue(String(target.investment));
    await expect.poll(() => flagsOf(target.id)).toEqual(["investmentPerMu"]);
    await expect(jiyue.el("detail.check.investmentPerMu")).toContainText("未达标");
    await expect(jiyue.el("detail.edit.fixedInvestment.edited")).toHaveCount(0);
    await expect(jiyue.el("header.redo")).toHaveAccessibleName(`重做：修改 ${target.id} 累计固定资产投资`);

    // Ctrl+Shift+Z redoes, from anywhere but a text being typed.
    await jiyue.el("detail.id").click();
    await jiyue.when.pressKey("Control+Shift+z");
    await expect(field).toHaveValue(String(newInvestment));
    await expect.poll(() => flagsOf(target.id)).toEqual([]);

    // The buttons undo and redo too.
    await jiyue.el("header.undo").click();
    await expect.poll(() => flagsOf(target.id)).toEqual(["investmentPerMu"]);
    await jiyue.el("header.redo").click();
    await expect.poll(() => flagsOf(target.id)).toEqual([]);
    await expect(field).toHaveValue(String(newInvestment));

    // The export carries the edited value and names the edited field.
    const csv = await jiyue.when.exportFile("csv");
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header.at(-1)).toBe("已修改字段");
    const idCol = header.indexOf("宗地编号");
    const row = lines.map((l) => l.split(",")).find((cells) => cells[idCol] === target.id) ?? [];
    expect(row[header.indexOf("累计固定资产投资(万元)")]).toBe(String(newInvestment));
    expect(row.at(-1)).toBe("累计固定资产投资");

    // In English, the field's label and the step's name follow the language.
    await jiyue.when.toggleLanguage();
    await expect(jiyue.page.getByRole("textbox", { name: "Fixed investment", exact: true })).toBeVisible();
    await expect(jiyue.el("header.undo")).toHaveAccessibleName(`Undo: edit ${target.id} Fixed investment`);
  });

  test("corrects a figure in the table; Escape cancels; the revert is a step of its own", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    const id = await jiyue.state(
      (s) => s.result?.parcels.find((p) => typeof p.input.taxRevenue === "number")?.input.id ?? null,
    );
    expect(id).not.toBeNull();
    if (!id) return;
    await jiyue.when.clickRow(id);
    const cell = jiyue.page.getByRole("textbox", { name: `税收（${id}）` });
    const before = await cell.inputValue();
    await cell.fill("12345");
    await cell.press("Escape");
    await expect(cell).toHaveValue(before);
    await cell.fill("-5");
    await cell.press("Enter");
    await expect(jiyue.el("table.editMessage")).toContainText("负数");
    await cell.press("Escape");
    await cell.fill("1,234.5");
    await cell.blur();
    await expect(cell).toHaveValue("1234.5");
    await expect(jiyue.el(`table.edit.${id}.taxRevenue.edited`)).toBeVisible();
    await expect(jiyue.el("detail.edit.taxRevenue")).toHaveValue("1234.5");
    await jiyue.screenshot("edit-table");
    await jiyue.el("detail.edit.taxRevenue.revert").click();
    await expect(cell).toHaveValue(before);
    expect(await jiyue.state((s) => s.history.applied)).toBe(2);
    await expect(jiyue.el("header.undo")).toHaveAccessibleName(`撤销：恢复 ${id} 税收 原值`);
  });
});
