/**
 * Scenarios as an official uses them: make a scenario, reassign an idle parcel to a new project,
 * compare with the base and see the tax target move by the project's tax, export the comparison,
 * reload and find the scenario intact, delete it and undo the deletion; base work (a facility, a
 * meeting decision) made while a scenario is open can be undone there.
 */
import { expect, test } from "./driver";

/** A parcel of the analysis shown (its inputs and, if edited, the originals). */
const parcelOf = (jiyue: import("./driver").Jiyue, id: string) =>
  jiyue.page.evaluate((pid) => {
    const p = window.__jiyueTest?.getState().byId.get(pid);
    return p ? { input: p.input, edited: p.edited ?? null } : null;
  }, id);

test("scenario: reassign an idle parcel, compare with the base, reload, delete and undo", async ({
  jiyue,
}) => {
  await jiyue.page.setViewportSize({ width: 1366, height: 768 });
  await jiyue.given.appIsOpen();
  const idle = await jiyue.state(
    (s) =>
      s.result?.parcels.find(
        (p) => p.computed.idleStatus === "idle-2y" || p.computed.idleStatus === "idle-1y",
      )?.input.id,
  );
  expect(idle).toMatch(/^(HTK|DYB)-\d+/);
  const baseTax = await jiyue.state((s) =>
    s.result?.parcels.reduce((a, p) => a + (p.input.taxRevenue ?? 0), 0),
  );

  await jiyue.el("mode.scenarios").click();
  await expect(jiyue.el("scenario.panel")).toBeVisible();
  await jiyue.el("scenario.create").click();
  await expect(jiyue.el("scenario.item")).toHaveText("方案1");
  await expect(jiyue.el("scenario.item")).toHaveAttribute("aria-pressed", "true");

  // Reassign the idle parcel to a new project.
  await jiyue.when.clickRow(idle as string);
  await jiyue.el("scenario.reassign").click();
  await jiyue.el("scenario.reassign.enterprise").fill("硒谷食品新项目");
  await jiyue.el("scenario.reassign.cluster").selectOption("selenium-food-pharma");
  await jiyue.el("scenario.reassign.investment").fill("12000");
  await jiyue.el("scenario.reassign.floorArea").fill("15000");
  await jiyue.el("scenario.reassign.output").fill("30000");
  await jiyue.el("scenario.reassign.tax").fill("850");
  await jiyue.el("scenario.reassign.startDate").fill("2027-03-01");
  await jiyue.el("scenario.reassign.apply").click();
  await expect(jiyue.el("header.undo")).toHaveAccessibleName(`撤销：${idle} 改配新项目`);
  // The active analysis is the scenario's: the store's result carries the new project.
  await expect
    .poll(() => parcelOf(jiyue, idle as string).then((p) => p?.input.enterprise))
    .toBe("硒谷食品新项目");
  expect(await jiyue.state((s) => s.resultScenario)).toBe(await jiyue.state((s) => s.activeScenario));

  // Compare with the base: the tax target moves by the new project's tax minus the old one's.
  const oldTax = await parcelOf(jiyue, idle as string).then((p) => p?.edited?.taxRevenue ?? 0);
  await jiyue.el("compare.a").selectOption({ label: "现状（基准）" });
  await jiyue.el("compare.run").click();
  await expect(jiyue.el("compare.panel")).toBeVisible();
  const delta = 850 - Number(oldTax);
  await expect(jiyue.el("compare.target.tax-revenue")).toHaveText(
    `+${delta.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  );
  const row = jiyue.el("compare.targets").locator('[data-target="tax-revenue"] td');
  await expect(row.nth(0)).toContainText(
    (baseTax as number).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  );
  await expect(jiyue.el("compare.parcels")).toContainText(idle as string);
  await expect.poll(() => jiyue.state((s) => s.comparison?.parcels.map((p) => p.id))).toEqual([idle]);
  await jiyue.el("table.filter.text").fill("");
  await jiyue.screenshot("scenarios-compare-1366");

  // The comparison as CSV: BOM, Chinese headers, the synthetic mark, the tax delta.
  const csv = await jiyue.download(jiyue.el("compare.export"));
  expect(csv.name).toMatch(/^方案对比-现状（基准）-方案1-合成示例\.csv$/);
  expect(
    csv.text.startsWith("\uFEFF数据性质,部分,项目,片区,对比基准: 现状（基准）,对比方案: 方案1,变化"),
  ).toBe(true);
  const taxLine = csv.text.split("\r\n").find((l) => l.includes("目标变化") && l.includes("税收"));
  expect(taxLine?.split(",")[6]).toBe(String(delta));

  // Reload: the scenario, its edit and the open scenario are kept.
  await jiyue.page.evaluate(() => window.__jiyueTest?.flushWork());
  await jiyue.when.reload();
  await jiyue.el("mode.scenarios").click();
  await expect(jiyue.el("scenario.item")).toHaveText("方案1");
  await expect(jiyue.el("scenario.item")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => parcelOf(jiyue, idle as string).then((p) => p?.input.taxRevenue)).toBe(850);
  // The base is untouched.
  await jiyue.el("scenario.base").click();
  await expect
    .poll(() => parcelOf(jiyue, idle as string).then((p) => p?.input.enterprise))
    .not.toBe("硒谷食品新项目");

  // Delete the scenario, then undo the deletion (in the base, where the list is).
  await jiyue.el("scenario.item").click();
  await jiyue.el("scenario.delete").click();
  await expect(jiyue.el("scenario.item")).toHaveCount(0);
  await expect(jiyue.el("header.undo")).toHaveAccessibleName("撤销：删除方案“方案1”");
  await jiyue.page.locator("body").press("Control+z");
  await expect(jiyue.el("scenario.item")).toHaveText("方案1");
  await jiyue.el("scenario.item").click();
  await expect.poll(() => parcelOf(jiyue, idle as string).then((p) => p?.input.taxRevenue)).toBe(850);
});

type LonLat = [number, number];

/** The 面积 (亩) cell of a table row, as the official reads it. */
const areaCell = (jiyue: import("./driver").Jiyue, id: string) =>
  jiyue.page.evaluate((pid) => {
    const th = document.querySelector('[data-testid="table.header.areaMu"]')?.closest("th");
    const row = document.querySelector(`[data-testid="table.row.${CSS.escape(pid)}"]`);
    if (!th || !(row instanceof HTMLTableRowElement)) return null;
    return row.cells[th.cellIndex]?.textContent ?? null;
  }, id);
const mu = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

test("scenario: split a parcel by drawing a line across it on the map; undo gives the one parcel back", async ({
  jiyue,
}) => {
  await jiyue.page.setViewportSize({ width: 1366, height: 768 });
  await jiyue.given.appIsOpen();
  // A large four-cornered parcel (convex in the sample): a line through its middle cuts it in two.
  const target = await jiyue.state((s) => {
    const quads = (s.result?.parcels ?? []).flatMap((p) => {
      if (p.geometry.type !== "Polygon") return [];
      const ring = (p.geometry.coordinates[0] ?? [])
        .slice(0, -1)
        .map((c) => [c[0], c[1]] as [number, number]);
      return ring.length === 4 ? [{ id: p.input.id, ring, areaMu: p.computed.areaMu }] : [];
    });
    return quads.sort((a, b) => b.areaMu - a.areaMu)[0] ?? null;
  });
  expect(target, "the sample has a four-cornered polygon parcel").not.toBeNull();
  if (!target) return;
  const { id, ring } = target;

  await jiyue.el("mode.scenarios").click();
  await jiyue.el("scenario.create").click();
  await expect(jiyue.el("scenario.item")).toHaveAttribute("aria-pressed", "true");
  // Frame the parcel (double click on its row selects and zooms), then one step out so the line's
  // ends, beyond the parcel, are on the map too.
  const before = (await jiyue.mapSettled()).zoom;
  await jiyue.when.clickRow(id, { double: true });
  await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeGreaterThan(before + 1);
  await jiyue.page.getByRole("button", { name: "缩小" }).click();
  await jiyue.mapSettled();
  await jiyue.then.selectionIs([id]);
  const originalText = await areaCell(jiyue, id);
  expect(originalText).toMatch(/\d/);
  const [originalLand = 0] = await jiyue.page.evaluate(
    (x) => [window.__jiyueTest?.getState().byId.get(x)?.input.landAreaM2 ?? 0],
    id,
  );
  expect(originalLand).toBeGreaterThan(0);

  // The line: west to east through the middle of the parcel, a fifth of its width beyond each side.
  const lons = ring.map((c) => c[0]);
  const lat = ring.reduce((a, c) => a + c[1], 0) / ring.length;
  const w = Math.max(...lons) - Math.min(...lons);
  const west: LonLat = [Math.min(...lons) - w / 5, lat];
  const east: LonLat = [Math.max(...lons) + w / 5, lat];
  await jiyue.el("scenario.split").click();
  await expect(jiyue.el("scenario.split")).toHaveAttribute("aria-pressed", "true");
  const a = await jiyue.mapPoint(west);
  const b = await jiyue.mapPoint(east);
  const box = await jiyue.el("map").boundingBox();
  expect(box && a.x > box.x && b.x < box.x + box.width, "the line's ends are on the map").toBe(true);
  await jiyue.page.mouse.click(a.x, a.y);
  await jiyue.page.mouse.dblclick(b.x, b.y);

  // Two pieces, selected, in the table; their areas add up to the parcel's (each shown rounded to
  // 0.01 亩, so the sum of the two shown may be off by one in the last place).
  await expect(jiyue.el("header.undo")).toHaveAccessibleName(`撤销：分割 ${id}`);
  await expect(jiyue.el(`table.row.${id}-1`)).toBeVisible();
  await expect(jiyue.el(`table.row.${id}-2`)).toBeVisible();
  await expect(jiyue.el(`table.row.${id}`)).toHaveCount(0);
  await jiyue.then.selectionIs([`${id}-1`, `${id}-2`]);
  const p1 = mu(await areaCell(jiyue, `${id}-1`));
  const p2 = mu(await areaCell(jiyue, `${id}-2`));
  expect(p1).toBeGreaterThan(0);
  expect(p2).toBeGreaterThan(0);
  expect(Math.abs(p1 + p2 - mu(originalText))).toBeLessThanOrEqual(0.011);
  // In the store the pieces' land areas add up to the parcel's.
  const landOf = (ids: string[]) =>
    jiyue.page.evaluate(
      (xs) => xs.map((x) => window.__jiyueTest?.getState().byId.get(x)?.input.landAreaM2 ?? Number.NaN),
      ids,
    );
  const [l1 = 0, l2 = 0] = await landOf([`${id}-1`, `${id}-2`]);
  expect(l1).toBeGreaterThan(0);
  expect(l2).toBeGreaterThan(0);
  expect(Math.abs(l1 + l2 - originalLand)).toBeLessThan(1e-6 * originalLand);
  await jiyue.page.waitForSelector('[data-map-idle="true"]');
  await jiyue.screenshot("scenario-split-1366");

  // Undo (in the scenario's own history): the one parcel again, the pieces gone.
  await jiyue.el("header.undo").click();
  await expect(jiyue.el(`table.row.${id}`)).toBeVisible();
  await expect(jiyue.el(`table.row.${id}-1`)).toHaveCount(0);
  expect(await areaCell(jiyue, id)).toBe(originalText);
  expect((await landOf([`${id}-2`]))[0]).toBeNaN();
});

/** Open the app, make a scenario in the scenarios workspace, and see it open. */
async function openNewScenario(jiyue: import("./driver").Jiyue): Promise<void> {
  await jiyue.given.appIsOpen();
  await jiyue.el("mode.scenarios").click();
  await jiyue.el("scenario.create").click();
  await expect(jiyue.el("scenario.item")).toHaveAttribute("aria-pressed", "true");
}

test("scenario: the plan targets cannot be changed inside a scenario, and say so; in the base they can", async ({
  jiyue,
}) => {
  await openNewScenario(jiyue);
  const steps = await jiyue.state((s) => s.history.steps.length);

  await jiyue.el("mode.targets").click();
  await expect(jiyue.el("targets.locked")).toContainText("退出方案回到基准");
  await expect(jiyue.el("targets.edit")).toBeDisabled();
  await expect(jiyue.el("targets.load")).toBeDisabled();
  await expect(jiyue.el("targets.reset")).toBeDisabled();
  await expect(jiyue.el("targets.edit.value.tax-revenue")).toHaveCount(0);
  await jiyue.screenshot("targets-in-scenario");
  // A targets edit that still reaches the store (a script, a stale panel) changes neither history.
  await jiyue.page.evaluate(() => {
    const t = window.__jiyueTest;
    const s = t?.getState();
    if (!s) return;
    s.commitEdits({ code: "targets-reset", params: {} }, [
      { kind: "targets", before: null, after: null, loadedFrom: "x.json" },
    ]);
  });
  expect(await jiyue.state((s) => s.history.steps.length)).toBe(steps);
  expect(
    await jiyue.state((s) => Object.values(s.scenarioHistories).reduce((n, h) => n + h.steps.length, 0)),
  ).toBe(0);

  // In the base the targets are editable again (in English the notice is gone too).
  await jiyue.el("mode.scenarios").click();
  await jiyue.el("scenario.base").click();
  await jiyue.el("mode.targets").click();
  await expect(jiyue.el("targets.locked")).toHaveCount(0);
  await expect(jiyue.el("targets.edit")).toBeEnabled();
  await jiyue.el("targets.edit").click();
  await expect(jiyue.el("targets.edit.value.tax-revenue")).toBeVisible();
});

test("scenario: a kindergarten site accepted inside a scenario is the base plan's, said so, and Ctrl+Z there takes it back", async ({
  jiyue,
}) => {
  await openNewScenario(jiyue);
  const scenarioId = await jiyue.state((s) => s.activeScenario);

  await jiyue.el("mode.facilities").click();
  await expect(jiyue.el("planner.inScenario")).toContainText("当前打开方案「方案1」");
  const facilities = jiyue.page.locator('[data-testid^="planner.facility."]');
  const count = await facilities.count();
  await expect(jiyue.el("planner.suggestion.1")).toBeVisible();
  await jiyue.el("planner.accept.1").click();
  await expect(facilities).toHaveCount(count + 1);
  // A step of the base, marked with the scenario it was made in; the scenario's own history is empty.
  await expect
    .poll(() =>
      jiyue.state((s) => [s.history.steps.at(-1)?.label.code, s.history.steps.at(-1)?.openScenario]),
    )
    .toEqual(["facility-accept", scenarioId]);
  await expect(jiyue.el("header.undo")).toHaveAccessibleName(/^撤销：采纳选址 /);
  await jiyue.screenshot("planner-in-scenario");

  // Ctrl+Z in the scenario takes the site back; redo puts it back.
  await jiyue.page.locator("body").press("Control+z");
  await expect(facilities).toHaveCount(count);
  await jiyue.page.locator("body").press("Control+Shift+z");
  await expect(facilities).toHaveCount(count + 1);
  // After a reload the site is kept, the scenario is still open, and Ctrl+Z there still takes it back.
  await jiyue.page.evaluate(() => window.__jiyueTest?.flushWork());
  await jiyue.when.reload();
  await expect.poll(() => jiyue.state((s) => s.activeScenario)).toBe(scenarioId);
  await jiyue.el("mode.facilities").click();
  await expect(facilities).toHaveCount(count + 1);
  await expect(jiyue.el("header.undo")).toHaveAccessibleName(/^撤销：采纳选址 /);
  await jiyue.page.locator("body").press("Control+z");
  await expect(facilities).toHaveCount(count);
  await jiyue.page.locator("body").press("Control+Shift+z");
  await expect(facilities).toHaveCount(count + 1);
  // In the base it is there too (it is the base plan's), and the note is gone.
  await jiyue.el("mode.scenarios").click();
  await jiyue.el("scenario.base").click();
  await jiyue.el("mode.facilities").click();
  await expect(jiyue.el("planner.inScenario")).toHaveCount(0);
  await expect(facilities).toHaveCount(count + 1);
});

test("scenario: a meeting decision recorded inside a scenario is the base's, and Ctrl+Z there takes it back", async ({
  jiyue,
}) => {
  await openNewScenario(jiyue);
  const scenarioId = await jiyue.state((s) => s.activeScenario);
  const page = jiyue.page;
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await blur();
  await page.locator("body").press("m");
  await expect(jiyue.el("meeting.panel")).toBeVisible();
  await jiyue.el("meeting.setup.recorder").selectOption("natural-resources");
  await jiyue.el("meeting.setup.save").click();
  await blur();
  await page.keyboard.press("ArrowRight");
  const parcel = (await jiyue.el("meeting.card").getAttribute("data-parcel")) ?? "";
  expect(parcel).toMatch(/^(HTK|DYB)-\d+/);
  await jiyue.el("meeting.decision.kind").selectOption("rectify");
  await jiyue.el("meeting.decision.deadline").fill("2027-06-30");
  await jiyue.el("meeting.decision.department").selectOption("park-committee");
  await jiyue.el("meeting.decision.record").click();
  await expect(jiyue.el("meeting.decision.recorded")).toContainText("已记录：限期整改");
  // A step of the base (decisions are the meeting's record), marked with the scenario it was made in.
  await expect
    .poll(() =>
      jiyue.state((s) => [s.history.steps.at(-1)?.label.code, s.history.steps.at(-1)?.openScenario]),
    )
    .toEqual(["meeting-decision", scenarioId]);
  const decisionOf = () =>
    jiyue.state((s) => s.history.steps.filter((st) => st.edits.some((e) => e.kind === "decision")).length);
  expect(await decisionOf()).toBe(1);

  // Ctrl+Z in the scenario takes the decision back; redo records it again.
  await blur();
  await page.keyboard.press("Home");
  await expect(jiyue.el(`meeting.agenda.item.${parcel}`)).toContainText("限期整改");
  await page.locator("body").press("Control+z");
  await expect(jiyue.el(`meeting.agenda.item.${parcel}`)).not.toContainText("限期整改");
  await page.locator("body").press("Control+Shift+z");
  await expect(jiyue.el(`meeting.agenda.item.${parcel}`)).toContainText("限期整改");

  // In the base the decision is there too.
  await page.locator("body").press("m");
  await expect(jiyue.el("meeting.panel")).toBeHidden();
  await jiyue.el("mode.scenarios").click();
  await jiyue.el("scenario.base").click();
  await expect.poll(() => jiyue.state((s) => s.activeScenario)).toBeNull();
  await blur();
  await page.locator("body").press("m");
  await expect(jiyue.el(`meeting.agenda.item.${parcel}`)).toContainText("限期整改");
});
