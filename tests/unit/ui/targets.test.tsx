// @vitest-environment happy-dom
/**
 * The targets dashboard: status per target in words (met / not met / cannot be computed with the
 * data needed), the growth path text, a target's button setting the table's target filter and
 * framing its parcels, an edit of a target value as one undoable step (a refused value changes
 * nothing and says why), and the workspace tab.
 */
import { act } from "react";
import { describe, expect, it } from "vitest";
import { PLAN_TARGETS } from "../../../src/cli/sample/targets-file";
import { useAppStore } from "../../../src/state/store";
import { modeView } from "../../../src/ui/modes";
import { ModeTabs } from "../../../src/ui/planner/ModeTabs";
import { TargetsPanel } from "../../../src/ui/targets/TargetsPanel";
import { dataset, parcel, result } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const q = <T extends HTMLElement = HTMLElement>(id: string) =>
  dom.el.querySelector<T>(`[data-testid="${id}"]`);

function type(el: HTMLInputElement | null, text: string) {
  act(() => {
    if (!el) throw new Error("no input");
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
function enter(el: Element | null) {
  act(() => {
    el?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  });
}
const click = (el: Element | null) => act(() => (el as HTMLElement | null)?.click());

function render() {
  const s = useAppStore.getState();
  s.setTargets(JSON.parse(JSON.stringify(PLAN_TARGETS)));
  s.setDataset(dataset({ surveyDate: "2026-06-30", synthetic: true }));
  s.analysisSucceeded(
    result([
      parcel({
        id: "D1",
        zone: "dayangbang",
        landUse: "100101",
        enterprise: "甲",
        aboveScale: true,
        highTech: false,
        taxRevenue: 7000,
        outputValue: 60,
        industryCluster: "photovoltaic",
      }),
      parcel({
        id: "D2",
        zone: "dayangbang",
        landUse: "100101",
        enterprise: "乙",
        aboveScale: false,
        outputValue: 40,
        industryCluster: "garments",
      }),
    ]),
  );
  act(() => dom.root.render(<TargetsPanel />));
}

describe("TargetsPanel", () => {
  it("says met, not met and cannot be computed in words, with the data needed", () => {
    render();
    expect(q("targets.row.tax-revenue")?.dataset.status).toBe("met");
    expect(q("targets.status.tax-revenue")?.textContent).toContain("达成");
    expect(q("targets.value.tax-revenue")?.textContent).toContain("7,000.00 万元");
    expect(q("targets.row.leading-industry-share-dayangbang")?.dataset.status).toBe("notMet");
    expect(q("targets.status.leading-industry-share-dayangbang")?.textContent).toContain("未达成");
    expect(q("targets.row.new-invention-patents")?.dataset.status).toBe("na");
    expect(q("targets.needs.new-invention-patents")?.textContent).toContain(
      "需要知识产权部门的发明专利授权统计",
    );
    // met: tax; not met: enterprises, above-size count, high-tech share (0 %), Dayangbang's share;
    // n/a: value added and revenue (not recorded), Huangtukan (no output) and the six not in parcel data
    expect(q("targets.summary")?.textContent).toBe("达成 1 项，未达成 4 项，无法计算 9 项");
    expect(q("targets.needs.above-scale-value-added")?.textContent).toContain(
      "需要企业的规上认定与增加值统计数据",
    );
    // the growth path in words, and the chart's title/desc carry it too
    const growth = q("targets.growth.tax-revenue")?.textContent ?? "";
    expect(growth).toContain("2020 年基数 4,413.04 万元 按年均 12 % 复合增长至 2023 年 6,200.00 万元");
    expect(growth).toContain("按此增速 2026 年应为 8,710.55 万元（2023 年后为同一增速的延续）");
    const svg = q("targets.row.tax-revenue")?.querySelector('[data-testid="targets.chart.growth"]');
    expect(svg?.querySelector("title")?.textContent).toBe("税收总额：增长路径");
    expect(svg?.querySelector("desc")?.textContent).toBe(growth);
    expect(svg?.querySelector('[data-testid="targets.chart.current"]')).not.toBeNull();
  });

  it("a target's button filters the table to the parcels behind it and frames them; again clears it", () => {
    render();
    const btn = q("targets.show.leading-industry-share-dayangbang");
    expect(btn?.textContent).toBe("查看地块：主导产业以外的企业地块（1）");
    click(btn);
    expect(useAppStore.getState().filter.target).toBe("leading-industry-share-dayangbang");
    expect(useAppStore.getState().zoomRequest?.ids).toEqual(["D2"]);
    expect(btn?.getAttribute("aria-pressed")).toBe("true");
    click(btn);
    expect(useAppStore.getState().filter.target).toBeNull();
  });

  it("an edited value is one undoable step; a value that is not a number is refused", () => {
    render();
    click(q("targets.edit"));
    const input = q<HTMLInputElement>("targets.edit.value.tax-revenue");
    type(input, "8,000");
    enter(input);
    expect(useAppStore.getState().history.steps).toHaveLength(1);
    expect(q("targets.row.tax-revenue")?.dataset.status).toBe("notMet");
    expect(q("targets.target.tax-revenue")?.textContent).toContain("8,000.00 万元");
    // a share is typed in percent
    const share = q<HTMLInputElement>("targets.edit.value.leading-industry-share-dayangbang");
    type(share, "55");
    enter(share);
    expect(q("targets.row.leading-industry-share-dayangbang")?.dataset.status).toBe("met");
    type(input, "约一万");
    enter(input);
    expect(q("targets.message")?.textContent).toBe("税收总额 目标值：「约一万」不是数值，未作修改");
    expect(useAppStore.getState().history.steps).toHaveLength(2);
    // a growth rate that is no yearly growth: validation says why, nothing changes
    const rate = q<HTMLInputElement>("targets.edit.growthRate.tax-revenue");
    type(rate, "1200");
    enter(rate);
    expect(q("targets.message")?.textContent).toMatch(/growthRate: 12 is not a yearly growth/);
    expect(useAppStore.getState().history.steps).toHaveLength(2);
    act(() => useAppStore.getState().undo());
    act(() => useAppStore.getState().undo());
    expect(q("targets.row.tax-revenue")?.dataset.status).toBe("met");
    expect(q("targets.target.tax-revenue")?.textContent).toContain("6,200.00 万元");
  });

  it("reset is off while the values are the file's, and brings them back in one step", () => {
    render();
    expect(q<HTMLButtonElement>("targets.reset")?.disabled).toBe(true);
    click(q("targets.edit"));
    const input = q<HTMLInputElement>("targets.edit.value.tax-revenue");
    type(input, "9000");
    enter(input);
    expect(q<HTMLButtonElement>("targets.reset")?.disabled).toBe(false);
    click(q("targets.reset"));
    expect(useAppStore.getState().history.steps.at(-1)?.label.code).toBe("targets-reset");
    expect(q("targets.target.tax-revenue")?.textContent).toContain("6,200.00 万元");
    expect(q<HTMLButtonElement>("targets.reset")?.disabled).toBe(true);
  });
});

describe("the workspace tab", () => {
  it("规划目标 sits after 用地分析 and 六个一规划, and opens the dashboard", () => {
    act(() => dom.root.render(<ModeTabs />));
    const tabs = [...dom.el.querySelectorAll("button")].map((b) => b.textContent);
    expect(tabs).toEqual(["用地分析", "六个一规划", "规划目标", "方案比选"]);
    click(q("mode.targets"));
    expect(useAppStore.getState().mode).toBe("targets");
    expect(modeView("targets").left).not.toBe(modeView("analysis").left);
  });
});

describe("a targets file loaded", () => {
  async function load(text: string, name: string) {
    const input = q<HTMLInputElement>("targets.file");
    if (!input) throw new Error("no file input");
    Object.defineProperty(input, "files", { value: [new File([text], name)], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 20));
    });
  }

  it("a later plan period becomes the targets in one step, and reset goes back to that file", async () => {
    render();
    const next = JSON.parse(JSON.stringify(PLAN_TARGETS));
    next.period = "2024-2026";
    next.baseYear = 2023;
    next.targets[2].value = 7000;
    await load(JSON.stringify(next), "plan-2026.json");
    expect(useAppStore.getState().history.steps.at(-1)?.label).toEqual({
      code: "targets-load",
      params: { file: "plan-2026.json" },
    });
    expect(q("targets.target.tax-revenue")?.textContent).toContain("7,000.00 万元");
    expect(q("targets.growth.tax-revenue")?.textContent).toContain("2023 年基数");
    expect(q("targets.reset")?.getAttribute("title")).toBe("恢复为 plan-2026.json 中的目标值");
  });

  it("a file that cannot be used changes nothing and says which file and why", async () => {
    render();
    await load('{"targets": [{"id": "x", "metric": "nope"}]}', "bad.json");
    expect(useAppStore.getState().history.steps).toHaveLength(0);
    const msg = q("targets.message")?.textContent ?? "";
    expect(msg).toMatch(/^目标文件 bad\.json 无法使用：/);
    expect(msg).toContain('targets[0].metric: unknown "nope"');
    await load("{not json", "broken.json");
    expect(q("targets.message")?.textContent).toMatch(/^目标文件 broken\.json 无法使用：.+/);
  });
});
