/**
 * A hostile parcels file loaded in the browser (issue 12): a property nested 6,000 levels deep
 * and values holding newlines. The new file's name and its parcels arrive together, the deep
 * value is named as set aside, and the problem list shows echoed text on one line.
 */
import { expect, test } from "./driver";

const square = (x: number) => [
  [x, 30.6],
  [x + 0.001, 30.6],
  [x + 0.001, 30.601],
  [x, 30.601],
  [x, 30.6],
];

function hostileFile(): string {
  const features = [
    {
      type: "Feature",
      properties: { id: "DEEP-1", 备注: "@DEEP@" },
      geometry: { type: "Polygon", coordinates: [square(109.74)] },
    },
    {
      type: "Feature",
      properties: { id: "NL-2", 税收: "12\nerror: fake" },
      geometry: { type: "Polygon", coordinates: [square(109.75)] },
    },
  ];
  return JSON.stringify({ type: "FeatureCollection", features }).replace(
    '"@DEEP@"',
    `${"[".repeat(6000)}1${"]".repeat(6000)}`,
  );
}

test.describe("a hostile parcels file", () => {
  test("name and parcels switch together; the deep value and the newline are named on one line each", async ({
    jiyue,
  }) => {
    await jiyue.given.appIsOpen();
    await jiyue.when.importFiles({
      name: "hostile.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(hostileFile()),
    });
    await expect
      .poll(() =>
        jiyue.state((s) => ({
          file: s.dataset?.fileName,
          ids: (s.result?.parcels ?? []).map((p) => p.input.id),
        })),
      )
      .toEqual({ file: "hostile.geojson", ids: ["DEEP-1", "NL-2"] });
    expect(await jiyue.state((s) => s.status)).toBe("idle");
    await jiyue.then.tableCountIs(2, 2);
    const toggle = jiyue.el("problems.toggle");
    if ((await jiyue.el("problems.list").count()) === 0) await toggle.click();
    const items = await jiyue.el("problems.list").locator("li").allTextContents();
    expect(items.some((t) => t.includes("备注") && t.includes("32"))).toBe(true);
    const nl = items.find((t) => t.includes("NL-2"));
    expect(nl).toContain("12\\nerror: fake");
    await jiyue.screenshot("robust-hostile-file");
  });
});
