// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { Header } from "../../../src/ui/Header";
import { dataset, parcel, result, STANDARDS } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
beforeEach(() => {
  act(() => {
    const s = useAppStore.getState();
    s.setStandards({ standards: STANDARDS, fileName: "standards.json", problems: [] });
    s.setDataset(dataset({ surveyDate: "2026-06-30" }));
    s.analysisSucceeded(
      result([parcel({ id: "A", zone: "huangtukan" }), parcel({ id: "B", zone: "dayangbang" })]),
    );
  });
  act(() => dom.root.render(<Header onStandardsFile={() => {}} onParcelsFile={() => {}} />));
});
const q = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("header", () => {
  it("zone switcher: 黄土坎 / 大样榜 / 全部, pressed state follows the store", () => {
    expect(q("header.zone.huangtukan")?.textContent).toBe("黄土坎");
    expect(q("header.zone.dayangbang")?.textContent).toBe("大样榜");
    expect(q("header.zone.all")?.getAttribute("aria-pressed")).toBe("true");
    act(() => q("header.zone.dayangbang")?.click());
    expect(useAppStore.getState().zoneFocus).toBe("dayangbang");
    expect(q("header.zone.dayangbang")?.getAttribute("aria-pressed")).toBe("true");
  });

  it("shows the standards name and edition, and the as-of date", () => {
    expect(q("header.standards.name")?.textContent).toContain("测试标准");
    expect(q("header.standards.name")?.textContent).toContain("t1");
    expect((q("header.asOf") as HTMLInputElement).value).toBe("2026-06-30");
  });

  it("the standards control is a load button, with the standards in force beside it", () => {
    const btn = q("header.standards.load");
    expect(btn?.tagName).toBe("BUTTON");
    expect(btn?.getAttribute("aria-label")).toBe("载入标准文件…");
    expect(btn?.textContent).toContain("载入标准文件…");
    expect(btn?.textContent).not.toContain("测试标准");
    const desc = document.getElementById(btn?.getAttribute("aria-describedby") ?? "");
    expect(desc?.textContent).toBe("测试标准（版本 t1）");
    act(() => useAppStore.getState().setLang("en"));
    expect(q("header.standards.load")?.getAttribute("aria-label")).toBe("Load standards…");
    expect(q("header.standards.name")?.textContent).toBe("测试标准 (edition t1)");
  });

  it("the language toggle switches to English and back", () => {
    act(() => q("lang.toggle")?.click());
    expect(useAppStore.getState().lang).toBe("en");
    expect(q("header.zone.huangtukan")?.textContent).toBe("Huangtukan");
    expect(q("lang.toggle")?.textContent).toBe("中文");
    act(() => q("lang.toggle")?.click());
    expect(useAppStore.getState().lang).toBe("zh");
  });

  it("the projector toggle sets the theme", () => {
    act(() => q("header.theme.projector")?.click());
    expect(useAppStore.getState().theme).toBe("projector");
    expect(q("header.theme.projector")?.getAttribute("aria-pressed")).toBe("true");
  });
});

describe("as-of date", () => {
  const input = () => q("header.asOf") as HTMLInputElement;
  function type(v: string) {
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setter?.call(input(), v);
      input().dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  const blur = () => act(() => input().dispatchEvent(new FocusEvent("focusout", { bubbles: true })));

  it("a year typed digit by digit is applied once, when complete", () => {
    const seen: string[] = [];
    const off = useAppStore.subscribe((s, prev) => {
      if (s.asOf !== prev.asOf) seen.push(s.asOf);
    });
    for (const v of ["0002-06-30", "0020-06-30", "0202-06-30", "2025-06-30"]) type(v);
    off();
    expect(seen).toEqual(["2025-06-30"]);
    expect(input().value).toBe("2025-06-30");
  });

  it("an incomplete draft says so, is not applied, and falls back on leaving the field", () => {
    type("0020-06-30");
    expect(useAppStore.getState().asOf).toBe("2026-06-30");
    expect(input().value).toBe("0020-06-30");
    expect(q("header.asOf.incomplete")?.textContent).toContain("日期未输完");
    blur();
    expect(input().value).toBe("2026-06-30");
    expect(q("header.asOf.incomplete")).toBeNull();
    type("");
    blur();
    expect(useAppStore.getState().asOf).toBe("2026-06-30");
  });

  it("a date before the earliest supply date is applied with a visible warning, zh and en", () => {
    act(() =>
      useAppStore
        .getState()
        .analysisSucceeded(
          result([
            parcel({ id: "A", supplyDate: "2015-03-01" }),
            parcel({ id: "B", supplyDate: "2018-01-01" }),
          ]),
        ),
    );
    expect(q("header.asOf.warning")).toBeNull();
    type("1990-01-01");
    expect(useAppStore.getState().asOf).toBe("1990-01-01");
    expect(q("header.asOf.warning")?.textContent).toBe("⚠ 早于数据最早供地日期 2015-03-01");
    act(() => useAppStore.getState().setLang("en"));
    expect(q("header.asOf.warning")?.textContent).toBe(
      "⚠ Before the data’s earliest supply date, 2015-03-01",
    );
  });

  it("a date in the future is applied with a visible warning", () => {
    type("2999-01-01");
    expect(useAppStore.getState().asOf).toBe("2999-01-01");
    expect(q("header.asOf.warning")?.textContent).toMatch(/^⚠ 晚于今天（\d{4}-\d{2}-\d{2}），结果是推算$/);
  });

  it("the store itself ignores a year before 1900", () => {
    act(() => useAppStore.getState().setAsOf("0202-06-30"));
    expect(useAppStore.getState().asOf).toBe("2026-06-30");
  });
});
