// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { ProblemsPanel } from "../../../src/ui/ProblemsPanel";
import { dataset } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const q = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("import problems panel", () => {
  it("nothing to show without problems", () => {
    act(() => useAppStore.getState().setDataset(dataset()));
    act(() => dom.root.render(<ProblemsPanel />));
    expect(q("problems.panel")).toBeNull();
  });

  it("lists each problem as a sentence naming the feature, collapsed until opened", () => {
    act(() =>
      useAppStore.getState().setDataset(
        dataset({
          fileName: "地块.geojson",
          featureCount: 3,
          problems: [
            {
              severity: "warning",
              code: "negative-value",
              file: "地块.geojson",
              featureIndex: 2,
              featureId: "P-3",
              field: "税收",
              params: { raw: "-5" },
            },
          ],
        }),
      ),
    );
    act(() => dom.root.render(<ProblemsPanel />));
    expect(q("problems.list")).toBeNull();
    act(() => q("problems.toggle")?.click());
    const text = q("problems.list")?.textContent ?? "";
    expect(text).toContain("P-3");
    expect(text).toContain("税收");
  });

  it("a rejected file is shown open, with why, and names the file", () => {
    act(() =>
      useAppStore.getState().setRejectedFile({
        fileName: "bad.geojson",
        problems: [{ severity: "error", code: "not-json", fatal: true, file: "bad.geojson" }],
      }),
    );
    act(() => dom.root.render(<ProblemsPanel />));
    expect(q("problems.rejected")?.textContent).toContain("bad.geojson");
    expect(q("problems.list")?.textContent?.length).toBeGreaterThan(0);
  });

  it("a CRS the browser cannot determine points to the import dialog's CRS picker, never to --crs", () => {
    act(() =>
      useAppStore.getState().setRejectedFile({
        fileName: "cad.geojson",
        problems: [
          {
            severity: "error",
            code: "unknown-crs",
            fatal: true,
            file: "cad.geojson",
            params: { sample: "3512345, 3390000" },
          },
        ],
      }),
    );
    act(() => dom.root.render(<ProblemsPanel />));
    const zh = q("problems.list")?.textContent ?? "";
    expect(zh).toContain("请在导入对话框的坐标系选择器中选择");
    expect(zh).not.toContain("--");
    act(() => useAppStore.getState().setLang("en"));
    const en = q("problems.list")?.textContent ?? "";
    expect(en).toContain("choose it in the import dialog's coordinate system picker");
    expect(en).not.toContain("--");
  });
});

describe("echoed file text in the problem list", () => {
  it("control and bidi characters in ids and file names are shown as escapes, one line each", () => {
    act(() =>
      useAppStore.getState().setDataset(
        dataset({
          fileName: "a\u202eb.geojson",
          featureCount: 1,
          problems: [
            {
              severity: "warning",
              code: "unparseable-number",
              file: "a\u202eb.geojson",
              featureIndex: 0,
              featureId: "X\nerror: fake",
              field: "税收",
              params: { raw: "1\r\n2" },
            },
          ],
        }),
      ),
    );
    act(() => dom.root.render(<ProblemsPanel />));
    act(() => q("problems.toggle")?.click());
    const text = q("problems.panel")?.textContent ?? "";
    expect(text).toContain("X\\nerror: fake");
    expect(text).toContain("1\\r\\n2");
    expect(text).toContain("a\\u202eb.geojson");
    expect(text).not.toMatch(/[\n\r\u202e]/);
  });
});

describe("a bad standards file", () => {
  it("lists only its own problems, errors first, in the user's language, without the parcels file's line", () => {
    act(() => {
      useAppStore.getState().setDataset(
        dataset({
          fileName: "parcels.geojson",
          featureCount: 3,
          problems: [
            { severity: "warning", code: "negative-value", file: "parcels.geojson", featureIndex: 0 },
          ],
        }),
      );
      useAppStore.getState().setRejectedFile({
        fileName: "bad-standards.json",
        problems: [
          { severity: "warning", code: "standards-default", file: "bad-standards.json", field: "zones" },
          {
            severity: "error",
            code: "not-json",
            fatal: true,
            file: "bad-standards.json",
            params: {
              message: "Expected ',' or '}' after property value in JSON at position 13",
              line: 1,
              column: 14,
            },
          },
        ],
      });
    });
    act(() => dom.root.render(<ProblemsPanel />));
    const list = q("problems.list")?.textContent ?? "";
    expect(q("problems.rejected")?.textContent).toContain("bad-standards.json");
    expect(list).not.toContain("parcels.geojson");
    expect(list).not.toMatch(/Expected|position/);
    const items = [...(q("problems.group.rejected")?.querySelectorAll("li") ?? [])].map(
      (li) => li.textContent,
    );
    expect(items[0]).toBe(
      "bad-standards.json：不是有效的 JSON（第 1 行第 14 列：属性值之后应为逗号「,」或右花括号「}」）",
    );
    expect(items).toHaveLength(2);
    // The parcels file's problems are still one click away, in their own group.
    act(() => q("problems.toggle")?.click());
    expect(q("problems.group.parcels")?.textContent).toContain("parcels.geojson");
  });
});
