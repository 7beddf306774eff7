/**
 * The six-ones planner as an official uses it: open the workspace, read the checklist, accept the
 * best kindergarten site, see the coverage rise and the site on the plan, undo it, accept again,
 * reload and find it kept.
 */
import { parseCsv } from "../csv";
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
  // The plan's facilities: the sample's clinic, green space and planned kindergarten, and the accepted site.
  await expect(jiyue.page.locator('[data-testid^="planner.facility."]')).toHaveCount(4);
  await expect(jiyue.el("planner.facilities")).toContainText(`幼儿园（建议选址 ${site}）`);
});

test("six ones on the map: place a kindergarten, its service area, accept a site, a bus line of three stops, undo, reload, export", async ({
  jiyue,
}) => {
  test.setTimeout(240_000);
  await jiyue.page.setViewportSize({ width: 1366, height: 768 });
  await jiyue.given.appIsOpen();
  await jiyue.el("mode.facilities").click();
  await expect(jiyue.el("planner.suggestion.1")).toBeVisible();
  const shareOf = async () => {
    const t = (await jiyue.el("planner.coverage.kindergarten").textContent()) ?? "";
    return Number(/([\d.]+)%/.exec(t)?.[1] ?? Number.NaN);
  };
  await expect.poll(shareOf).toBeGreaterThanOrEqual(0);
  const before = await shareOf();
  // The note on proposed sites sits beside the suggestions.
  await expect(jiyue.el("planner.proposedNote")).toContainText("拟建");

  // Place a kindergarten by clicking the map, at the best suggested parcel (a vertex mean inside it).
  const site = await jiyue.state((s) => {
    const id = s.plan?.suggestions[0]?.parcelId ?? "";
    const g = s.byId.get(id)?.geometry;
    const ring = (g?.type === "Polygon" ? g.coordinates[0] : g?.coordinates[0]?.[0]) ?? [];
    const n = ring.length - 1;
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += ring[i]?.[0] ?? 0;
      y += ring[i]?.[1] ?? 0;
    }
    return [x / n, y / n] as [number, number];
  });
  await jiyue.el("planner.tool.place-point").click();
  await expect(jiyue.el("planner.hint")).toContainText("单击放置幼儿园");
  const p = await jiyue.mapPoint(site);
  await jiyue.page.mouse.click(p.x, p.y);
  await expect.poll(() => jiyue.state((s) => s.history.steps.at(-1)?.label.code)).toBe("facility-place");
  const placedId = await jiyue.state((s) => s.plannerFacilityId ?? "");
  expect(placedId).toMatch(/^P\d{3}$/);
  await expect.poll(shareOf).toBeGreaterThan(before);
  // Its service area: the circle, the area served along the roads and the roads reached; the
  // parcels no kindergarten covers are highlighted.
  await expect
    .poll(async () => {
      const l = (await jiyue.mapDebug()).planLayers ?? {};
      return (
        (l.circle ?? 0) > 0 &&
        (l["road-area"] ?? 0) > 0 &&
        (l["road-reach"] ?? 0) > 0 &&
        (l.uncovered ?? 0) > 0
      );
    })
    .toBe(true);
  await expect(jiyue.el("planner.legend")).toContainText("沿路服务范围");
  await expect(jiyue.el("planner.form")).toBeVisible();
  await expect(jiyue.el("planner.kindFigures")).toContainText("现状覆盖");
  // Zoom in on it to look at the service area (legend in view).
  const at = await jiyue.mapPoint(site);
  await jiyue.page.mouse.move(at.x, at.y);
  for (let i = 0; i < 3; i++) await jiyue.page.mouse.wheel(0, -500);
  await jiyue.mapSettled();
  await jiyue.page.mouse.move(at.x + 400, at.y + 250);
  await jiyue.el("planner.legend").scrollIntoViewIfNeeded();
  await jiyue.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await jiyue.screenshot("planner-service-areas-1366");
  await jiyue.el("map.home").click();
  await jiyue.mapSettled();

  // Accept a suggestion.
  const placedShare = await shareOf();
  await jiyue.el("planner.accept.1").click();
  await expect.poll(() => jiyue.state((s) => s.history.steps.at(-1)?.label.code)).toBe("facility-accept");
  await expect.poll(shareOf).toBeGreaterThanOrEqual(placedShare);

  // A bus line of three stops along one road (routed along the roads).
  const stops = await jiyue.state((s) => {
    const roads = s.context?.roads.features ?? [];
    let best: number[][] = [];
    for (const f of roads) if (f.geometry.coordinates.length > best.length) best = f.geometry.coordinates;
    const at = (q: number) => best[Math.round(q * (best.length - 1))] ?? [0, 0];
    return [at(0.1), at(0.5), at(0.9)].map((c) => [c[0], c[1]] as [number, number]);
  });
  await jiyue.el("planner.kind").selectOption("kindergarten");
  await jiyue.el("planner.tool.draw-bus").click();
  await expect(jiyue.el("planner.hint")).toContainText("依次单击站点");
  const box = await jiyue.el("map").boundingBox();
  const onScreen = async () => {
    for (const s of stops) {
      const q = await jiyue.mapPoint(s);
      if (
        !box ||
        q.x < box.x + 20 ||
        q.y < box.y + 20 ||
        q.x > box.x + box.width - 20 ||
        q.y > box.y + box.height - 20
      )
        return false;
    }
    return true;
  };
  for (let i = 0; i < 3 && !(await onScreen()); i++)
    await jiyue.page.getByRole("button", { name: "缩小" }).click();
  const pts = [];
  for (const s of stops) pts.push(await jiyue.mapPoint(s));
  await jiyue.page.mouse.click(pts[0]?.x ?? 0, pts[0]?.y ?? 0);
  await jiyue.page.mouse.click(pts[1]?.x ?? 0, pts[1]?.y ?? 0);
  await jiyue.page.mouse.dblclick(pts[2]?.x ?? 0, pts[2]?.y ?? 0);
  await expect.poll(() => jiyue.state((s) => s.history.steps.at(-1)?.label.code)).toBe("bus-draw");
  const busId = await jiyue.state((s) => s.plannerFacilityId ?? "");
  const bus = jiyue.el(`planner.bus.${busId}`);
  await expect(bus).toContainText("3 个站点");
  await expect(bus).toContainText("预计单程");
  await expect(bus).toContainText("站距");
  await expect(bus).toContainText("站点 300 米内");
  await expect.poll(async () => (await jiyue.mapDebug()).planLayers?.["bus-stop"] ?? 0).toBe(3);
  await jiyue.screenshot("planner-bus-line-1366");

  // Undo the bus line and bring it back.
  await jiyue.page.locator("body").press("Control+z");
  await expect(bus).toHaveCount(0);
  await jiyue.page.locator("body").press("Control+Shift+z");
  await expect(bus).toContainText("3 个站点");

  // Reload: the plan is intact.
  await jiyue.page.evaluate(() => window.__jiyueTest?.flushWork());
  await jiyue.when.reload();
  await jiyue.el("mode.facilities").click();
  await expect(jiyue.el(`planner.bus.${busId}`)).toContainText("3 个站点");
  await expect(jiyue.el(`planner.facility.${placedId}`)).toBeVisible();
  await expect.poll(shareOf).toBeGreaterThan(before);

  // The plan's facility coverage table as CSV: the placed kindergarten's row.
  const file = await jiyue.download(jiyue.el("planner.export.facilityCsv"));
  expect(file.name).toContain("设施覆盖表");
  expect(file.text.startsWith("\uFEFF")).toBe(true);
  const rows = parseCsv(file.text.slice(1));
  const head = rows[0] ?? [];
  expect(head[0]).toBe("数据性质");
  const row = rows.find((r) => r[head.indexOf("设施编号")] === placedId);
  expect(row?.[head.indexOf("类型")]).toBe("幼儿园");
  expect(row?.[head.indexOf("状态")]).toBe("拟建（建议）");
  expect(Number(row?.[head.indexOf("覆盖需求（人）")])).toBeGreaterThan(0);
  const busRow = rows.find((r) => r[head.indexOf("设施编号")] === busId);
  expect(busRow?.[head.indexOf("站点数")]).toBe("3");
  expect(jiyue.errors).toEqual([]);
});
