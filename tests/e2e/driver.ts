/**
 * A given/when/then driver for the end-to-end tests (after maputnik's cypress driver): tests read
 * like what an official does, and every selector lives here. Elements are found by namespaced
 * `data-testid`s (`table.row.<id>`, `export.csv` …); state is read through the app's read-only
 * test hooks (`window.__jiyue`, `window.__jiyueTest`).
 *
 * The `jiyue` fixture collects console errors and uncaught page errors from the first moment and
 * fails the test at the end if there were any.
 */
import { readFile } from "node:fs/promises";
import { test as base, type Download, expect, type Locator, type Page } from "@playwright/test";
import type { MapDebugState } from "../../src/map/api";
import type { AppState } from "../../src/state/types";

export const SCREENSHOT_DIR = "tests/e2e/screenshots";

/** A downloaded file: its suggested name and bytes. */
export interface DownloadedFile {
  name: string;
  bytes: Buffer;
  text: string;
}

export class Jiyue {
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`console.error: ${m.text()} @ ${m.location().url}`);
    });
    page.on("pageerror", (e) => this.errors.push(`pageerror: ${e.message}`));
  }

  /** An element by its data-testid. */
  el(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Evaluate `fn` on the store state in the page (`fn` must be self-contained: it is sent as source). */
  async state<R>(fn: (s: AppState) => R): Promise<R> {
    return this.page.evaluate((src) => {
      const s = window.__jiyueTest?.getState();
      if (!s) throw new Error("window.__jiyueTest is missing");
      return new Function("s", `return (${src})(s);`)(s) as R;
    }, fn.toString());
  }

  async mapDebug(): Promise<MapDebugState> {
    const d = await this.page.evaluate(() => window.__jiyueTest?.mapDebug());
    if (!d) throw new Error("mapDebug() returned nothing: the map controller is missing");
    return d;
  }

  /** Wait until the map has stopped moving (no animation, zoom and centre equal in two reads a frame apart). */
  async mapSettled(): Promise<MapDebugState> {
    let last = "";
    await expect
      .poll(
        async () => {
          const d = await this.mapDebug();
          if (d.moving) return false;
          const key = `${d.zoom.toFixed(6)}|${d.center[0].toFixed(7)}|${d.center[1].toFixed(7)}`;
          const same = key === last;
          last = key;
          return same;
        },
        { intervals: [100, 150, 200, 250], timeout: 15_000 },
      )
      .toBe(true);
    return this.mapDebug();
  }

  /** Integer in a text like "显示 120 / 共 236 宗" or "12 宗" (all integers, in order). */
  static ints(text: string): number[] {
    return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  }

  /** Save a screenshot of the page to `tests/e2e/screenshots/<name>.png`. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
  }

  /** Click `trigger` and return the downloaded file. */
  async download(trigger: Locator): Promise<DownloadedFile> {
    const [d] = await Promise.all([this.page.waitForEvent("download"), trigger.click()]);
    return this.read(d);
  }

  private async read(d: Download): Promise<DownloadedFile> {
    const path = await d.path();
    const bytes = await readFile(path);
    return { name: d.suggestedFilename(), bytes, text: bytes.toString("utf8") };
  }

  /** Screen position (page coordinates) of a lon/lat on the map, from the map's centre and zoom (Web Mercator, no rotation). */
  async mapPoint(lonLat: [number, number]): Promise<{ x: number; y: number }> {
    const d = await this.mapSettled();
    const box = await this.el("map").boundingBox();
    if (!box) throw new Error("map is not visible");
    const world = 512 * 2 ** d.zoom;
    const mx = (lon: number) => ((lon + 180) / 360) * world;
    const my = (lat: number) => {
      const s = Math.sin((lat * Math.PI) / 180);
      return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
    };
    return {
      x: box.x + box.width / 2 + mx(lonLat[0]) - mx(d.center[0]),
      y: box.y + box.height / 2 + my(lonLat[1]) - my(d.center[1]),
    };
  }

  // --- given --------------------------------------------------------------------------------

  readonly given = {
    /** The app is open on the sample data and the map is idle with the parcels drawn. */
    appIsOpen: async (opts: { search?: string } = {}) => {
      await this.page.goto(`/${opts.search ?? ""}`);
      await this.then.appIsReady();
    },
  };

  // --- when ---------------------------------------------------------------------------------

  readonly when = {
    switchZone: async (zone: "huangtukan" | "dayangbang" | "all") => {
      await this.el(`header.zone.${zone}`).click();
    },
    chooseIndicator: async (indicator: string) => {
      await this.el("indicator.select").selectOption(indicator);
    },
    clickRow: async (id: string, opts: { double?: boolean } = {}) => {
      await this.el("table.filter.text").fill(id);
      const row = this.el(`table.row.${id}`);
      if (opts.double) await row.dblclick();
      else await row.click();
    },
    filterTable: async (name: string, value: string) => {
      await this.el(`table.filter.${name}`).selectOption(value);
    },
    clearFilters: async () => {
      await this.el("table.filter.reset").click();
    },
    sortBy: async (field: string) => {
      await this.el(`table.header.${field}`).click();
    },
    chooseExportScope: async (scope: "all" | "filter") => {
      await this.el("export.scope").selectOption(scope);
    },
    exportFile: async (kind: "csv" | "geojson" | "png" | "shp") => this.download(this.el(`export.${kind}`)),
    toggleLanguage: async () => {
      await this.el("lang.toggle").click();
    },
    editLegendLabel: async (index: number, text: string) => {
      await this.el(`legend.rename.${index}`).click();
      const input = this.el(`legend.input.${index}`);
      await input.fill(text);
      await input.press("Enter");
    },
    pressKey: async (key: string) => {
      await this.page.keyboard.press(key);
    },
    /** Confirm the import dialog (opened by choosing or dropping files) once its preview is ready. */
    confirmImport: async () => {
      await expect(this.el("import.confirm")).toBeEnabled({ timeout: 60_000 });
      await this.el("import.confirm").click();
      await expect(this.el("import.dialog")).toBeHidden();
    },
    /** Choose files with the import button and confirm the dialog. */
    importFiles: async (files: Parameters<Locator["setInputFiles"]>[0]) => {
      await this.el("header.parcels.file").setInputFiles(files);
      await this.when.confirmImport();
    },
    reload: async () => {
      await this.page.reload();
      await this.then.appIsReady();
    },
  };

  // --- then ---------------------------------------------------------------------------------

  // biome-ignore lint/suspicious/noThenProperty: an object of assertions, not a function, so the driver is not thenable
  readonly then = {
    appIsReady: async () => {
      await this.page.waitForFunction(() => (window.__jiyue?.readyAt ?? 0) > 0, null, { timeout: 60_000 });
      await expect(this.el("table.count")).toBeVisible();
    },
    tableCountIs: async (shown: number, total: number) => {
      await expect
        .poll(async () => Jiyue.ints((await this.el("table.count").textContent()) ?? ""))
        .toEqual([shown, total]);
    },
    selectionIs: async (ids: string[]) => {
      await expect.poll(() => this.state((s) => [...s.selectedIds].sort())).toEqual([...ids].sort());
      await expect.poll(async () => (await this.mapDebug()).selection.sort()).toEqual([...ids].sort());
    },
  };
}

export const test = base.extend<{ jiyue: Jiyue }>({
  jiyue: async ({ page }, use) => {
    const jiyue = new Jiyue(page);
    await use(jiyue);
    expect(jiyue.errors, "no console errors or page errors during the test").toEqual([]);
  },
});

export { expect };
