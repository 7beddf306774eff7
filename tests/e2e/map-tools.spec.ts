/**
 * The map tools and the map's framing, as an official uses them: measure a parcel's area by
 * clicking its corners (it matches the parcel's computed area), a table row brings its parcel
 * into view without a zoom jump, 全部 frames the parcels again after zooming in, hiding the table
 * keeps the parcels framed, and hovering a parcel names the indicator's value with its unit.
 */
import { expect, type Jiyue, test } from "./driver";

type LonLat = [number, number];
interface Target {
  id: string;
  ring: LonLat[];
  areaM2: number;
  centre: LonLat;
}

/** Polygon parcels of the sample with their outer ring (closing vertex dropped), area and centre. */
async function parcels(jiyue: Jiyue): Promise<Target[]> {
  return jiyue.state((s) =>
    (s.result?.parcels ?? []).flatMap((p) => {
      if (p.geometry.type !== "Polygon") return [];
      const ring = (p.geometry.coordinates[0] ?? [])
        .slice(0, -1)
        .map((c) => [c[0], c[1]] as [number, number]);
      const lon = ring.reduce((a, c) => a + c[0], 0) / ring.length;
      const lat = ring.reduce((a, c) => a + c[1], 0) / ring.length;
      return [{ id: p.input.id, ring, areaM2: p.computed.areaM2, centre: [lon, lat] as [number, number] }];
    }),
  );
}

/** Page-coordinate bbox of lon/lat points on the map now. */
async function screenBox(jiyue: Jiyue, pts: LonLat[]) {
  const xy = [];
  for (const p of pts) xy.push(await jiyue.mapPoint(p));
  return {
    x0: Math.min(...xy.map((p) => p.x)),
    x1: Math.max(...xy.map((p) => p.x)),
    y0: Math.min(...xy.map((p) => p.y)),
    y1: Math.max(...xy.map((p) => p.y)),
  };
}

async function mapBox(jiyue: Jiyue) {
  const box = await jiyue.el("map").boundingBox();
  if (!box) throw new Error("map is not visible");
  return box;
}

/** Double-click a row (the map frames its parcel) and wait until the map has zoomed in and stopped. */
async function zoomToRow(jiyue: Jiyue, id: string) {
  const before = (await jiyue.mapSettled()).zoom;
  await jiyue.when.clickRow(id, { double: true });
  await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeGreaterThan(before + 1);
  return jiyue.mapSettled();
}

/** Every parcel's bbox corners (lon/lat). */
async function allParcelCorners(jiyue: Jiyue): Promise<LonLat[]> {
  const ps = await parcels(jiyue);
  const lons = ps.flatMap((p) => p.ring.map((c) => c[0]));
  const lats = ps.flatMap((p) => p.ring.map((c) => c[1]));
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

test.describe("map tools and framing", () => {
  test("measuring a parcel's corners gives its computed area (within the clicks' pixel error, at least 0.5 %), in m² and 亩", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    // A simple, large parcel: few corners, so every click counts.
    const target = (await parcels(jiyue))
      .filter((p) => p.ring.length <= 6)
      .sort((a, b) => b.areaM2 - a.areaM2)[0];
    expect(target, "the sample has a polygon parcel with at most 6 corners").toBeDefined();
    if (!target) return;
    await zoomToRow(jiyue, target.id);
    await jiyue.when.pressKey("Escape");
    await jiyue.then.selectionIs([]);
    // One step out (it stays centred), then pan it right, clear of the toolbar and the measure
    // panel in the map's bottom-left corner.
    const framedZoom = (await jiyue.mapSettled()).zoom;
    await jiyue.page.getByRole("button", { name: "缩小" }).click();
    await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeLessThan(framedZoom - 0.9);
    const box = await mapBox(jiyue);
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await jiyue.page.mouse.move(from.x, from.y);
    await jiyue.page.mouse.down();
    await jiyue.page.mouse.move(from.x + 60, from.y, { steps: 4 });
    await jiyue.page.mouse.move(from.x + 120, from.y, { steps: 4 });
    await jiyue.page.mouse.up();
    await jiyue.mapSettled();
    expect(await jiyue.state((s) => s.selectedIds.size), "a pan selects nothing").toBe(0);

    await jiyue.el("maptools.measure-area").click();
    await expect(jiyue.el("maptools.measure-area")).toHaveAttribute("aria-pressed", "true");
    await expect(jiyue.el("maptools.hint")).toContainText("单击开始量测");
    const corners = [];
    for (const c of target.ring) corners.push(await jiyue.mapPoint(c));
    for (const [i, p] of corners.entries()) {
      if (i < corners.length - 1) await jiyue.page.mouse.click(p.x, p.y);
      else await jiyue.page.mouse.dblclick(p.x, p.y);
    }
    await expect.poll(() => jiyue.state((s) => s.measurement?.done ?? false)).toBe(true);
    const m = await jiyue.state((s) => s.measurement);
    expect(m?.vertices).toBe(target.ring.length);
    expect(m?.crs).toBe("EPSG:4546");
    const ratio = (m?.areaM2 ?? 0) / target.areaM2;
    // Clicks land on whole pixels: each corner may be up to half a pixel off in x and y, which moves
    // the area by at most about perimeter × 0.71 px. The bound is that, or 0.5 % when it is smaller.
    const zoom = (await jiyue.mapSettled()).zoom;
    const lat = target.ring[0]?.[1] ?? 30.6;
    const metresPerPx = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
    let perimeterM = 0;
    for (let i = 1; i < target.ring.length; i++) {
      const [x0, y0] = target.ring[i - 1] as LonLat;
      const [x1, y1] = target.ring[i] as LonLat;
      perimeterM += Math.hypot((x1 - x0) * 111320 * Math.cos((lat * Math.PI) / 180), (y1 - y0) * 110574);
    }
    const bound = Math.max(0.005, (perimeterM * 0.71 * metresPerPx) / target.areaM2);
    expect(bound, "the parcel is large enough on screen for a meaningful check").toBeLessThan(0.02);
    expect(
      Math.abs(ratio - 1),
      `measured ${m?.areaM2} m² vs computed ${target.areaM2} m² (bound ${bound})`,
    ).toBeLessThan(bound);
    // Clicking in the measure tool selects nothing; the double click did not zoom.
    expect(await jiyue.state((s) => s.selectedIds.size)).toBe(0);
    await expect(jiyue.el("maptools.areaMu")).toContainText("亩");
    await expect(jiyue.el("maptools.areaM2")).toContainText("m²");
    await expect(jiyue.el("maptools.hint")).toContainText("已完成");
    await jiyue.page.waitForSelector('[data-map-idle="true"]');
    await jiyue.screenshot("measure-area-parcel");

    // Esc clears the measurement; Esc again goes back to 选择; D starts measuring a distance.
    await jiyue.when.pressKey("Escape");
    await expect.poll(() => jiyue.state((s) => s.measurement)).toBeNull();
    await jiyue.when.pressKey("Escape");
    await expect.poll(() => jiyue.state((s) => s.mapTool)).toBe("select");
    await jiyue.when.pressKey("d");
    await expect(jiyue.el("maptools.measure-distance")).toHaveAttribute("aria-pressed", "true");
    const a = corners[0];
    const b = corners[1];
    if (!a || !b) return;
    await jiyue.page.mouse.click(a.x, a.y);
    await jiyue.page.mouse.click(b.x, b.y);
    await jiyue.when.pressKey("Enter");
    await expect.poll(() => jiyue.state((s) => s.measurement?.done ?? false)).toBe(true);
    expect((await jiyue.state((s) => s.measurement?.lengthM)) ?? 0).toBeGreaterThan(1);
    await expect(jiyue.el("maptools.length")).toContainText(/\d m|km/);
    await jiyue.screenshot("measure-distance");
    // In English the toolbar and panel follow.
    await jiyue.when.toggleLanguage();
    await expect(jiyue.el("maptools.measure-area")).toContainText("Area");
    await expect(jiyue.el("maptools.panel")).toContainText("Measurement");
    await jiyue.when.pressKey("v");
    await expect.poll(() => jiyue.state((s) => s.mapTool)).toBe("select");
  });

  test("全部 frames the parcels after zooming in; hiding the table keeps them framed", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    const corners = await allParcelCorners(jiyue);
    const inside = async () => {
      const box = await mapBox(jiyue);
      const s = await screenBox(jiyue, corners);
      // Framing keeps the strip under the map tools' bar free (MapToolbar's frame insets): the
      // parcels fill the map above it.
      const bar = await jiyue.page.locator(".map-tools__bar").boundingBox();
      const freeHeight = bar ? bar.y - box.y : box.height;
      return {
        inside:
          s.x0 >= box.x - 1 &&
          s.y0 >= box.y - 1 &&
          s.x1 <= box.x + box.width + 1 &&
          s.y1 <= box.y + box.height + 1,
        // How much of the map the parcels span (the larger of width and height fractions).
        fill: Math.max((s.x1 - s.x0) / box.width, (s.y1 - s.y0) / freeHeight),
      };
    };
    const initial = await jiyue.mapSettled();
    const first = await inside();
    expect(first.inside).toBe(true);
    expect(first.fill, "the initial view frames the parcels, not the wider context").toBeGreaterThan(0.7);
    await jiyue.screenshot("frame-initial");

    // Zoom in on one parcel, then 全部 (already the focused zone) frames all parcels again.
    const one = (await parcels(jiyue))[0];
    if (!one) throw new Error("no parcel");
    await jiyue.when.clickRow(one.id, { double: true });
    await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeGreaterThan(initial.zoom + 2);
    await expect(jiyue.el("header.zone.all")).toHaveAttribute("aria-pressed", "true");
    await jiyue.when.switchZone("all");
    await expect
      .poll(async () => Math.abs((await jiyue.mapSettled()).zoom - initial.zoom))
      .toBeLessThan(0.05);
    expect((await inside()).inside).toBe(true);

    // One zone frames its own parcels (closer in), 全部 both again.
    await jiyue.when.switchZone("dayangbang");
    await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeGreaterThan(initial.zoom + 0.5);
    await jiyue.when.switchZone("all");
    await expect
      .poll(async () => Math.abs((await jiyue.mapSettled()).zoom - initial.zoom))
      .toBeLessThan(0.05);

    // Hide the table: the map grows and frames the parcels anew (closer), not just re-centred.
    await jiyue.el("layout.table.toggle").click();
    await expect(jiyue.el("table")).toBeHidden();
    await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeGreaterThan(initial.zoom + 0.2);
    const collapsed = await inside();
    expect(collapsed.inside).toBe(true);
    expect(collapsed.fill).toBeGreaterThan(0.7);
    await jiyue.screenshot("frame-table-hidden");
    await jiyue.el("layout.table.toggle").click();
    await expect
      .poll(async () => Math.abs((await jiyue.mapSettled()).zoom - initial.zoom))
      .toBeLessThan(0.05);

    // The home control does the same after a manual zoom.
    await jiyue.page.mouse.move((await mapBox(jiyue)).x + 300, (await mapBox(jiyue)).y + 200);
    await jiyue.page.mouse.wheel(0, -600);
    await expect.poll(async () => (await jiyue.mapSettled()).zoom).toBeGreaterThan(initial.zoom + 0.5);
    await expect(jiyue.el("map.home")).toHaveAttribute("aria-label", "全图（显示全部地块）");
    await jiyue.el("map.home").click();
    await expect
      .poll(async () => Math.abs((await jiyue.mapSettled()).zoom - initial.zoom))
      .toBeLessThan(0.05);
  });

  test("a table row brings its parcel into view: a pan when off-screen, no move when visible", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    const all = await parcels(jiyue);
    // Zoomed in on a large parcel, a small one elsewhere fits on screen at that zoom.
    const bySize = [...all].sort((p, q) => p.areaM2 - q.areaM2);
    const a = bySize.findLast((p) => p.id.startsWith("HTK"));
    const b = bySize.find((p) => p.id.startsWith("DYB"));
    if (!a || !b) throw new Error("the sample has parcels in both zones");
    // Zoom in on a Huangtukan parcel: Dayangbang is far off-screen.
    const zoomed = await zoomToRow(jiyue, a.id);
    const box = await mapBox(jiyue);
    const before = await jiyue.mapPoint(b.centre);
    expect(
      before.x < box.x || before.x > box.x + box.width || before.y < box.y || before.y > box.y + box.height,
    ).toBe(true);

    await jiyue.when.clickRow(b.id);
    await jiyue.then.selectionIs([b.id]);
    await expect.poll(async () => (await jiyue.mapSettled()).center[1]).not.toBeCloseTo(zoomed.center[1], 4);
    const panned = await jiyue.mapSettled();
    expect(panned.zoom, "a pan, not a zoom").toBeCloseTo(zoomed.zoom, 6);
    const s = await screenBox(jiyue, b.ring);
    expect(s.x0).toBeGreaterThanOrEqual(box.x);
    expect(s.x1).toBeLessThanOrEqual(box.x + box.width);
    expect(s.y0).toBeGreaterThanOrEqual(box.y);
    expect(s.y1).toBeLessThanOrEqual(box.y + box.height);
    await jiyue.page.waitForSelector('[data-map-idle="true"]');
    await jiyue.screenshot("row-selection-pans");

    // A neighbour on screen: selecting its row moves nothing.
    const near = all
      .filter((p) => p.id !== b.id)
      .sort(
        (p, q) =>
          Math.hypot(p.centre[0] - b.centre[0], p.centre[1] - b.centre[1]) -
          Math.hypot(q.centre[0] - b.centre[0], q.centre[1] - b.centre[1]),
      )[0];
    if (!near) throw new Error("no neighbour");
    const ns = await screenBox(jiyue, near.ring);
    expect(
      ns.x0 > box.x + 20 &&
        ns.x1 < box.x + box.width - 20 &&
        ns.y0 > box.y + 20 &&
        ns.y1 < box.y + box.height - 20,
    ).toBe(true);
    await jiyue.when.clickRow(near.id);
    await jiyue.then.selectionIs([near.id]);
    const still = await jiyue.mapSettled();
    expect(still.center[0]).toBeCloseTo(panned.center[0], 7);
    expect(still.center[1]).toBeCloseTo(panned.center[1], 7);
    expect(still.zoom).toBeCloseTo(panned.zoom, 7);

    // Shift-click on the map adds a parcel; a plain click replaces.
    await jiyue.el("table.filter.reset").click();
    const bc = await jiyue.mapPoint(b.centre);
    await jiyue.page.keyboard.down("Shift");
    await jiyue.page.mouse.click(bc.x, bc.y);
    await jiyue.page.keyboard.up("Shift");
    await jiyue.then.selectionIs([near.id, b.id]);
    await jiyue.page.mouse.click(bc.x, bc.y);
    await jiyue.then.selectionIs([b.id]);
  });

  test("hovering a parcel shows its value under the current indicator, with the unit", async ({ jiyue }) => {
    await jiyue.given.appIsOpen();
    await jiyue.when.chooseIndicator("investmentPerMu");
    const target = (
      await jiyue.state((s) =>
        (s.result?.parcels ?? []).map((p) => ({
          id: p.input.id,
          v: p.computed.investmentPerMu,
          g: p.geometry.type,
        })),
      )
    ).find((p) => p.v !== null && p.g === "Polygon");
    if (!target) throw new Error("no parcel with an investment intensity");
    const t = (await parcels(jiyue)).find((p) => p.id === target.id);
    if (!t) throw new Error("no polygon");
    await zoomToRow(jiyue, t.id);
    await jiyue.when.pressKey("Escape");
    await jiyue.el("table.filter.reset").click();
    const at = await jiyue.mapPoint(t.centre);
    await jiyue.page.mouse.move(at.x - 20, at.y - 20);
    await jiyue.page.mouse.move(at.x, at.y, { steps: 4 });
    await expect.poll(async () => (await jiyue.mapDebug()).hoveredId).toBe(t.id);
    const tip = jiyue.el("map.hoverTip");
    await expect(tip).toBeVisible();
    const value = new Intl.NumberFormat("zh-CN", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(target.v as number);
    await expect(tip).toHaveText(`${t.id} · 投资强度 ${value} 万元/亩`);
    await jiyue.page.waitForSelector('[data-map-idle="true"]');
    await jiyue.screenshot("hover-indicator-value");
    // A categorical indicator names the category.
    await jiyue.when.chooseIndicator("landUse");
    await jiyue.page.mouse.move(at.x + 1, at.y + 1);
    await expect(tip).toHaveText(new RegExp(`^${t.id} · 用地类型 \\S+`));
  });
});
