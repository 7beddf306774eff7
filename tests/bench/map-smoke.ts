/**
 * Browser check of the map controller (not part of the unit tests): starts the Vite dev server,
 * opens `tests/bench/map.html` in headless Chromium, exercises the controller and saves
 * screenshots under `test-results/map/`. Run: `npx tsx tests/bench/map-smoke.ts [query]`.
 */
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../playwright.config";
import { startVite } from "./vite-server";

const query = process.argv[2] ?? "n=400";
const out = "test-results/map";
mkdirSync(out, { recursive: true });
const server = await startVite();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  // Warm-up visit: Vite discovers and pre-bundles the page's dependencies on first load and then
  // reloads the page; measure and test on the second visit.
  await page.goto(`${server.url}/tests/bench/map.html?${query}`);
  await page.waitForFunction(() => window.__page !== undefined, null, { timeout: 90_000 });
  await page.waitForTimeout(1500);
  await page.goto(`${server.url}/tests/bench/map.html?${query}`);
  await page.waitForFunction(() => window.__page !== undefined, null, { timeout: 60_000 });
  console.log("page", await page.evaluate(() => window.__page));
  await page.screenshot({ path: `${out}/overview.png` });
  const state0 = await page.evaluate(() => window.__ctl?.debugState?.());
  console.log("state after load", state0);
  // Colouring change: paint only.
  await page.evaluate(async () => {
    const ctl = window.__ctl;
    if (!ctl) return;
    ctl.setColouring({
      kind: "graduated",
      field: "investmentPerMu",
      breaks: [100, 200, 300],
      colors: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
      nullColor: "#bdbdbd",
    });
    await ctl.whenIdle();
  });
  console.log("state after colouring", await page.evaluate(() => window.__ctl?.debugState?.()));
  await page.screenshot({ path: `${out}/graduated.png` });
  // Zoom in, select, filter, click.
  await page.evaluate(async () => {
    const ctl = window.__ctl;
    if (!ctl) return;
    const w = window as unknown as { __clicks: (string | null)[] };
    w.__clicks = [];
    ctl.on("parcelClick", (id) => w.__clicks.push(id));
    ctl.setView({ zoom: 15 });
    await ctl.whenIdle();
    ctl.fitParcels(["HTK-S000001"]);
    await ctl.whenIdle();
  });
  const box = await page.locator("canvas").boundingBox();
  // Click the middle of parcel HTK-S000001 (synthetic parcels are axis-aligned rectangles), then
  // empty background just outside the grid.
  const target = await page.evaluate(() => {
    const ctl = window.__ctl;
    const f = (
      window as unknown as { __parcels: { features: { geometry: { coordinates: number[][][] } }[] } }
    ).__parcels.features[0];
    const ring = f?.geometry.coordinates[0] ?? [];
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    const mid: [number, number] = [
      (Math.min(...xs) + Math.max(...xs)) / 2,
      (Math.min(...ys) + Math.max(...ys)) / 2,
    ];
    const outside: [number, number] = [Math.min(...xs) - 0.004, Math.min(...ys) - 0.004];
    return ctl ? { inside: ctl.project(mid), outside: ctl.project(outside) } : null;
  });
  if (box && target) {
    await page.mouse.click(box.x + target.inside[0], box.y + target.inside[1]);
    await page.mouse.click(box.x + target.outside[0], box.y + target.outside[1]);
  }
  const clicks = await page.evaluate(() => (window as unknown as { __clicks: unknown[] }).__clicks);
  console.log("clicks (centre, corner)", clicks);
  await page.evaluate(async (ids) => {
    const ctl = window.__ctl;
    if (!ctl) return;
    const first = ids.find((x) => typeof x === "string");
    ctl.setSelection(first ? [first as string] : []);
    await ctl.whenIdle();
  }, clicks);
  await page.evaluate(async () => {
    const ctl = window.__ctl;
    if (!ctl) return;
    ctl.setView({ zoom: 16.5 });
    await ctl.whenIdle();
  });
  await page.screenshot({ path: `${out}/zoomed.png` });
  await page.evaluate(async () => {
    const ctl = window.__ctl;
    if (!ctl) return;
    ctl.setTheme("projector");
    ctl.setLanguage("en");
    await ctl.whenIdle();
  });
  await page.screenshot({ path: `${out}/projector-en.png` });
  console.log("state end", await page.evaluate(() => window.__ctl?.debugState?.()));
  const png = await page.evaluate(async () => {
    const b = await window.__ctl?.exportPng();
    return b ? { size: b.size, type: b.type } : null;
  });
  console.log("exportPng", png);
  console.log(errors.length ? `console errors/warnings:\n${errors.join("\n")}` : "no console errors");
} finally {
  await browser.close();
  await server.stop();
}
