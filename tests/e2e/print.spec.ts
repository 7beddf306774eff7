/**
 * Print-grade maps (issue 9): a 3-parcel atlas from the export bar is a PDF with a title page and
 * three map pages whose Chinese text is real, extractable text; the current map exports as a
 * one-page PDF and as a 300-DPI PNG of the same layout. Pages are turned into PNGs with
 * `pdftoppm` (Debian poppler-utils) for a person to look at (test-results/print-*.png).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./driver";

const OUT = "test-results";

function pdfText(path: string): string {
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
}
function pdfPages(path: string): number {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

test("a 3-parcel atlas is a PDF: title page + 3 map pages, Chinese text extractable", async ({ jiyue }) => {
  test.setTimeout(120_000);
  mkdirSync(OUT, { recursive: true });
  await jiyue.given.appIsOpen();
  const ids = await jiyue.state((s) =>
    s
      .result!.parcels.filter((p) => p.computed.reallocationCandidate)
      .slice(0, 3)
      .map((p) => p.input.id),
  );
  expect(ids).toHaveLength(3);
  // Select the three parcels in the table (Ctrl+click adds to the selection).
  for (const [i, id] of ids.entries()) {
    await jiyue.el("table.filter.text").fill(id);
    await jiyue.el(`table.row.${id}`).click(i === 0 ? {} : { modifiers: ["Control"] });
  }
  await jiyue.el("table.filter.text").fill("");
  await expect.poll(() => jiyue.state((s) => [...s.selectedIds].sort())).toEqual([...ids].sort());

  await jiyue.el("print.open").click();
  await jiyue.el("print.content").selectOption("selection");
  await jiyue.el("print.paper").selectOption("A4");
  await jiyue.el("print.orientation").selectOption("landscape");
  await jiyue.screenshot("print-options");
  const pdf = await jiyue.download(jiyue.el("print.go"));
  expect(pdf.name).toMatch(/^建始工业园区地图_合成示例_\d{4}-\d{2}-\d{2}_图集\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const path = `${OUT}/print-atlas.pdf`;
  writeFileSync(path, pdf.bytes);
  expect(pdfPages(path)).toBe(4);
  const text = pdfText(path);
  expect(text).toContain("土地审查图集");
  expect(text).toContain("合成示例数据");
  for (const id of ids) expect(text).toContain(id);
  // Each map page: its title, a legend with counts, a scale, the north arrow, the footer.
  // (pdftotext may drop the space between Chinese and digits: compare without spaces)
  const pages = text.split("\f").map((p) => p.replace(/\s+/g, ""));
  for (let i = 1; i <= 3; i++) {
    const page = pages[i] ?? "";
    expect(page).toContain(`第${i}项/共3项`);
    expect(page).toMatch(/比例尺1:[\d,]+/);
    expect(page).toMatch(/\d+宗/);
    expect(page).toContain("北");
    expect(page).toContain("分析基准日");
    expect(page).toContain("合成示例数据");
  }
  // Subset, not the whole 1.5 MB font.
  expect(pdf.bytes.length).toBeLessThan(600_000);
  execFileSync("pdftoppm", ["-r", "60", "-png", path, `${OUT}/print-atlas`]);
});

test("the current map exports as a one-page PDF and as a 300-DPI PNG of the same layout", async ({
  jiyue,
}) => {
  test.setTimeout(120_000);
  mkdirSync(OUT, { recursive: true });
  await jiyue.given.appIsOpen();
  await jiyue.el("print.open").click();
  await jiyue.el("print.content").selectOption("map");
  const pdf = await jiyue.download(jiyue.el("print.go"));
  const path = `${OUT}/print-map.pdf`;
  writeFileSync(path, pdf.bytes);
  expect(pdfPages(path)).toBe(1);
  expect(pdfText(path)).toContain("建始县工业园区 土地集约利用图");
  execFileSync("pdftoppm", ["-r", "60", "-png", path, `${OUT}/print-map`]);

  await jiyue.el("print.open").click();
  await jiyue.el("print.format").selectOption("png");
  const png = await jiyue.download(jiyue.el("print.go"));
  expect(png.name).toMatch(/_300dpi\.png$/);
  writeFileSync(`${OUT}/print-map-300dpi.png`, png.bytes);
  // IHDR: A4 landscape at 300 DPI is 3508 × 2480 pixels.
  expect(png.bytes.readUInt32BE(16)).toBe(3508);
  expect(png.bytes.readUInt32BE(20)).toBe(2480);
});
