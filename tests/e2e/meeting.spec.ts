/**
 * The land review meeting on a 1024×768 projector: enter meeting mode with its key, read the
 * type size, set the meeting up with a recorder, step through the agenda with the keys a clicker
 * sends, record two decisions (one the rules warn about), reload and find them, undo one, and
 * export the minutes CSV. Screenshots at 1024×768 and 1920×1080, and one in greyscale.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./driver";

test.use({ viewport: { width: 1024, height: 768 } });

test("meeting mode: agenda by keyboard, two decisions kept across a reload, undo, minutes CSV", async ({
  jiyue,
}) => {
  // One meeting from setup to minutes, with a reload and two viewport sizes: longer than one view's test.
  test.setTimeout(180_000);
  const page = jiyue.page;
  await jiyue.given.appIsOpen();
  await expect(jiyue.el("meeting.enter")).toHaveAttribute("title", /快捷键 M/);
  await page.locator("body").press("m");
  await expect(jiyue.el("meeting.panel")).toBeVisible();
  // Chrome and table hidden: the header and the bottom panel are not shown.
  await expect(jiyue.el("panel.bottom")).toBeHidden();
  await expect(jiyue.el("panel.left")).toBeHidden();
  await expect(jiyue.el("meeting.enter")).toBeHidden();

  // The body type of the meeting panel, as computed, is at least 24 px at 1024×768.
  const bodyPx = await jiyue
    .el("meeting.panel")
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(bodyPx).toBeGreaterThanOrEqual(24);

  // Set up the meeting: the recorder is chosen at the start.
  await jiyue.el("meeting.setup.place").fill("园区管委会三楼会议室");
  await jiyue.el("meeting.setup.recorder").selectOption("natural-resources");
  await jiyue.el("meeting.setup.save").click();
  await expect.poll(() => jiyue.state((s) => s.history.steps.at(-1)?.label.code)).toBe("meeting-setup");

  const agenda = await jiyue.state((s) => {
    const ids = [...document.querySelectorAll('[data-testid^="meeting.agenda.item."]')].map((e) =>
      (e.getAttribute("data-testid") ?? "").replace("meeting.agenda.item.", ""),
    );
    return ids.map((id) => ({ id, idle: s.byId.get(id)?.computed.idleStatus ?? null }));
  });
  expect(agenda.length).toBeGreaterThanOrEqual(3);
  const total = agenda.length;
  await jiyue.screenshot("meeting-overview-1024");

  // Step with the keyboard: → and PageDown forward, ← and PageUp back, Home to the overview.
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await blur();
  await page.keyboard.press("ArrowRight");
  await expect(jiyue.el("meeting.progress")).toHaveText(`第 1 项 / 共 ${total} 项`);
  await expect(jiyue.el("meeting.card")).toHaveAttribute("data-parcel", agenda[0]?.id ?? "");
  await expect.poll(async () => (await jiyue.mapDebug()).selection).toEqual([agenda[0]?.id]);
  await page.keyboard.press("PageDown");
  await expect(jiyue.el("meeting.progress")).toHaveText(`第 2 项 / 共 ${total} 项`);
  await page.keyboard.press("PageDown");
  await expect(jiyue.el("meeting.progress")).toHaveText(`第 3 项 / 共 ${total} 项`);
  await page.keyboard.press("PageUp");
  await page.keyboard.press("ArrowLeft");
  await expect(jiyue.el("meeting.progress")).toHaveText(`第 1 项 / 共 ${total} 项`);
  await jiyue.mapSettled();
  await jiyue.screenshot("meeting-card-1024");

  // Decision 1 on item 1: 无偿收回, warned unless the parcel is idle two full years.
  const first = agenda[0] as { id: string; idle: string | null };
  await jiyue.el("meeting.decision.kind").selectOption("recovery-without-compensation");
  if (first.idle === "idle-2y") await expect(jiyue.el("meeting.decision.warning")).toHaveCount(0);
  else await expect(jiyue.el("meeting.decision.warning")).toContainText("无偿收回须满两年未动工");
  await jiyue.el("meeting.decision.department").selectOption("natural-resources");
  await jiyue.el("meeting.decision.record").click();
  await expect(jiyue.el("meeting.decision.recorded")).toContainText(
    "已记录：无偿收回 · 记录人 县自然资源和规划局",
  );

  // A note and a photo on the parcel (the photo is downscaled to a JPEG data URL on attach).
  await jiyue.el("meeting.note.text").fill("现场已围挡，未见施工");
  await jiyue.el("meeting.note.add").click();
  await jiyue.el("meeting.photo").setInputFiles({
    name: "site.png",
    mimeType: "image/png",
    buffer: Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    ),
  });
  await expect(jiyue.el("meeting.attachments").locator("img")).toHaveAttribute(
    "src",
    /^data:image\/jpeg;base64,/,
  );
  await expect(jiyue.el("meeting.attachments")).toContainText("现场已围挡，未见施工");
  await jiyue.el("meeting.attachments").scrollIntoViewIfNeeded();
  await jiyue.screenshot("meeting-attachments-1024");

  // Decision 2 on item 2: 限期整改 with a deadline, department and note.
  await blur();
  await page.keyboard.press("ArrowRight");
  await expect(jiyue.el("meeting.progress")).toHaveText(`第 2 项 / 共 ${total} 项`);
  const second = agenda[1]?.id ?? "";
  await jiyue.el("meeting.decision.kind").selectOption("rectify");
  await expect(jiyue.el("meeting.decision.warning")).toContainText("限期整改应写明完成期限");
  await jiyue.el("meeting.decision.warning").scrollIntoViewIfNeeded();
  await jiyue.screenshot("meeting-warning-1024");
  await jiyue.el("meeting.decision.deadline").fill("2027-06-30");
  await expect(jiyue.el("meeting.decision.warning")).toHaveCount(0);
  await jiyue.el("meeting.decision.department").selectOption("park-committee");
  await jiyue.el("meeting.decision.note").fill("六个月内完成整改，逾期按闲置土地处置");
  await jiyue.el("meeting.decision.record").click();
  await expect(jiyue.el("meeting.decision.recorded")).toContainText("已记录：限期整改");
  await jiyue.screenshot("meeting-decision-1024");
  // Greyscale: the same screen through a CSS grayscale filter (the marks and patterns must carry it).
  await page.addStyleTag({ content: "html { filter: grayscale(1) contrast(0.7) brightness(1.15); }" });
  await jiyue.screenshot("meeting-decision-1024-greyscale");
  await page.evaluate(() => {
    for (const s of document.querySelectorAll("style"))
      if (s.textContent?.includes("grayscale(1)")) s.remove();
  });

  // Home goes back to the overview; the agenda shows both decisions.
  await blur();
  await page.keyboard.press("Home");
  await expect(jiyue.el("meeting.progress")).toHaveText(`总览 · 共 ${total} 项`);
  await expect(jiyue.el(`meeting.agenda.item.${first.id}`)).toContainText("无偿收回");
  await expect(jiyue.el(`meeting.agenda.item.${second}`)).toContainText("限期整改");

  // Reload: the decisions are kept (they are edits of the stored history).
  await page.evaluate(() => window.__jiyueTest?.flushWork());
  await jiyue.when.reload();
  const deskView = await jiyue.mapSettled();
  await page.locator("body").press("m");
  await expect(jiyue.el(`meeting.agenda.item.${first.id}`)).toContainText("无偿收回");
  await expect(jiyue.el(`meeting.agenda.item.${second}`)).toContainText("限期整改");
  const trail = await jiyue.state((s) =>
    s.history.steps
      .filter((st) => st.edits.some((e) => e.kind === "decision"))
      .map((st) => ({ at: st.at, recorder: st.label.params.recorder })),
  );
  expect(trail).toHaveLength(2);
  // The note and the photo are kept too.
  await jiyue.el(`meeting.agenda.item.${first.id}`).locator("button").first().click();
  await expect(jiyue.el("meeting.attachments").locator("li")).toHaveCount(2);
  await blur();
  await page.keyboard.press("Escape");
  await expect(jiyue.el("meeting.progress")).toHaveText(`总览 · 共 ${total} 项`);
  for (const t of trail) {
    expect(t.recorder).toBe("natural-resources");
    expect(Number.isNaN(Date.parse(t.at))).toBe(false);
  }

  // Undo the second decision (the last step): it goes, the first stays.
  await jiyue.el("meeting.undo").click();
  await expect(jiyue.el(`meeting.agenda.item.${second}`)).not.toContainText("限期整改");
  await expect(jiyue.el(`meeting.agenda.item.${first.id}`)).toContainText("无偿收回");

  // Minutes CSV: BOM, Chinese headers, the decision, the synthetic column.
  const csv = await jiyue.download(jiyue.el("meeting.minutes.csv"));
  expect(csv.name).toMatch(/^会议纪要_\d{4}-\d{2}-\d{2}_合成示例\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toContain("数据性质,会议名称,会议日期,会议地点,主持人,参会单位,记录人,序号,宗地编号");
  expect(lines[0]).toContain("处置决定,责任单位,完成期限,说明,规则提示");
  const row = lines.find((l) => l.includes(`,${first.id},`)) ?? "";
  expect(row).toContain("无偿收回");
  expect(row).toContain("县自然资源和规划局");
  expect(row).toContain("园区管委会三楼会议室");
  expect(row.startsWith("合成示例数据（非真实）,")).toBe(true);
  expect(lines.find((l) => l.includes(`,${second},`))).toContain("（未作决定）");

  // Minutes PDF: real text (the decision, the department, the signatures block), one row per item.
  const pdf = await jiyue.download(jiyue.el("meeting.minutes.pdf"));
  expect(pdf.name).toMatch(/^会议纪要.*\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  mkdirSync("tests/e2e/screenshots", { recursive: true });
  const pdfPath = "tests/e2e/screenshots/meeting-minutes.pdf";
  writeFileSync(pdfPath, pdf.bytes);
  const pdfText = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    "",
  );
  expect(pdfText).toContain(first.id);
  expect(pdfText).toContain("无偿收回");
  expect(pdfText).toContain("县自然资源和规划局");
  expect(pdfText).toContain("签字");
  execFileSync("pdftoppm", [
    "-r",
    "60",
    "-png",
    "-f",
    "1",
    "-l",
    "1",
    pdfPath,
    "tests/e2e/screenshots/meeting-minutes",
  ]);

  // 1920×1080: larger type; then leave meeting mode and find the desk layout back.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await blur();
  await page.keyboard.press("ArrowRight");
  await jiyue.mapSettled();
  const bigPx = await jiyue
    .el("meeting.panel")
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(bigPx).toBeGreaterThan(bodyPx);
  await jiyue.screenshot("meeting-card-1920");
  await jiyue.el("meeting.leave").click();
  await expect(jiyue.el("panel.bottom")).toBeVisible();
  await expect(jiyue.el("meeting.enter")).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 768 });
  // The desk's map view is back (same centre; the zoom of the same frame at this size).
  const after = await jiyue.mapSettled();
  expect(after.center[0]).toBeCloseTo(deskView.center[0], 4);
  expect(after.center[1]).toBeCloseTo(deskView.center[1], 4);
  expect(after.zoom).toBeCloseTo(deskView.zoom, 3);
});

test("meeting agenda: drag item 3 above item 1 with the mouse; the cards follow; undo restores the order", async ({
  jiyue,
}) => {
  const page = jiyue.page;
  await jiyue.given.appIsOpen();
  await page.locator("body").press("m");
  await expect(jiyue.el("meeting.panel")).toBeVisible();
  const order = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid^="meeting.agenda.item."]')].map((e) =>
        (e.getAttribute("data-testid") ?? "").replace("meeting.agenda.item.", ""),
      ),
    );
  const before = await order();
  expect(before.length).toBeGreaterThanOrEqual(3);
  const [a, b, c] = before as [string, string, string];
  const total = before.length;
  const steps = await jiyue.state((s) => s.history.steps.length);

  // A real drag: press on item 3, move onto item 1 in steps, release (the list uses HTML5 drag
  // and drop, which Chromium starts from these mouse events).
  // The agenda is below the setup form at 1024×768: bring items 1–3 into view first.
  await jiyue.el(`meeting.agenda.item.${c}`).scrollIntoViewIfNeeded();
  await jiyue.el(`meeting.agenda.item.${a}`).scrollIntoViewIfNeeded();
  await expect(jiyue.el(`meeting.agenda.item.${c}`)).toBeInViewport();
  const from = await jiyue.el(`meeting.agenda.item.${c}`).boundingBox();
  const to = await jiyue.el(`meeting.agenda.item.${a}`).boundingBox();
  if (!from || !to) throw new Error("agenda items are not visible");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3, { steps: 8 });
  await page.mouse.up();

  await expect.poll(order).toEqual([c, a, b, ...before.slice(3)]);
  // One undoable step, and the drop did not also open the item (no click reached it).
  expect(await jiyue.state((s) => s.history.steps.at(-1)?.label.code)).toBe("meeting-agenda");
  expect(await jiyue.state((s) => s.history.steps.length)).toBe(steps + 1);
  await expect(jiyue.el("meeting.progress")).toHaveText(`总览 · 共 ${total} 项`);
  await expect(jiyue.el(`meeting.agenda.item.${c}`).locator(".mt-agenda__n")).toHaveText("1");
  await jiyue.screenshot("meeting-agenda-dragged-1024");
  // The card's progress line follows the new order: item 1 is the dragged parcel.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ArrowRight");
  await expect(jiyue.el("meeting.progress")).toHaveText(`第 1 项 / 共 ${total} 项`);
  await expect(jiyue.el("meeting.card")).toHaveAttribute("data-parcel", c);
  await page.keyboard.press("ArrowRight");
  await expect(jiyue.el("meeting.card")).toHaveAttribute("data-parcel", a);
  await page.keyboard.press("Home");
  await expect(jiyue.el("meeting.progress")).toHaveText(`总览 · 共 ${total} 项`);

  // Undo: the agenda is back in its first order.
  await jiyue.el("meeting.undo").click();
  await expect.poll(order).toEqual(before);
  await expect(jiyue.el(`meeting.agenda.item.${a}`).locator(".mt-agenda__n")).toHaveText("1");
});
