// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { UI } from "../../../src/i18n/ui";
import type { CustomBasemapProblem } from "../../../src/state/customBasemap";
import { useAppStore } from "../../../src/state/store";
import { BasemapNotice } from "../../../src/ui/BasemapNotice";
import { problemMessage } from "../../../src/ui/CustomBasemapDialog";
import { Header } from "../../../src/ui/Header";
import { LayerList } from "../../../src/ui/LayerList";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const q = <T extends HTMLElement = HTMLElement>(id: string) =>
  dom.el.querySelector<T>(`[data-testid="${id}"]`);

function choose(value: string) {
  act(() => {
    const s = q<HTMLSelectElement>("basemap.select") as HTMLSelectElement;
    s.value = value;
    s.dispatchEvent(new Event("change", { bubbles: true }));
  });
}
/** Type into a React-controlled field (the value setter React listens to, then an input event). */
function type(testId: string, text: string) {
  const el = q<HTMLInputElement | HTMLTextAreaElement>(testId);
  if (!el) throw new Error(`no ${testId}`);
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
const submit = () => act(() => q<HTMLButtonElement>("custombasemap.ok")?.click());
const dialog = () => q<HTMLDialogElement>("custombasemap.dialog");

describe("custom basemap dialog (through the header)", () => {
  beforeEach(() => {
    act(() => dom.root.render(<Header onStandardsFile={() => {}} onParcelsFile={() => {}} />));
  });

  it("choosing 自定义底图… opens the dialog with focus on the URL; the basemap waits", () => {
    expect(dialog()?.open).toBe(false);
    const option = dom.el.querySelector('option[value="custom"]');
    expect(option?.textContent).toBe("自定义底图…");
    choose("custom");
    expect(dialog()?.open).toBe(true);
    expect(document.activeElement).toBe(q("custombasemap.url"));
    expect(useAppStore.getState().basemap).toBe("none");
    expect(q<HTMLSelectElement>("basemap.select")?.value).toBe("none");
  });

  it("确定 with no URL names the problem next to the field, marks it invalid and keeps the dialog", () => {
    choose("custom");
    submit();
    expect(dialog()?.open).toBe(true);
    expect(q("custombasemap.error.url")?.textContent).toBe("请填写瓦片地址模板。");
    const url = q("custombasemap.url");
    expect(url?.getAttribute("aria-invalid")).toBe("true");
    expect(url?.getAttribute("aria-describedby")).toContain(q("custombasemap.error.url")?.id);
    expect(document.activeElement).toBe(url);
    expect(useAppStore.getState().customBasemap).toBeNull();
  });

  it("every bad field gets its message; the first bad one gets the focus", () => {
    choose("custom");
    type("custombasemap.url", "https://h.example/{z}/{x}/{y}.png");
    type("custombasemap.minzoom", "9");
    type("custombasemap.maxzoom", "5");
    submit();
    expect(q("custombasemap.error.url")).toBeNull();
    expect(q("custombasemap.error.maxzoom")?.textContent).toBe("最大级别不能小于最小级别。");
    expect(document.activeElement).toBe(q("custombasemap.maxzoom"));
    type("custombasemap.maxzoom", "19");
    expect(q("custombasemap.error.maxzoom")).toBeNull();
  });

  it("the recognised kind follows the typing; a valid basemap is saved and chosen", () => {
    choose("custom");
    expect(q("custombasemap.kind")).toBeNull();
    type("custombasemap.url", "http://10.1.2.3/tms/{z}/{x}/{-y}.png");
    expect(q("custombasemap.kind")?.textContent).toBe("识别为：TMS");
    type(
      "custombasemap.url",
      "https://gis.local/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
    );
    expect(q("custombasemap.kind")?.textContent).toBe("识别为：WMTS (KVP)");
    type("custombasemap.name", "  县内网  ");
    type("custombasemap.attribution", "县自然资源局");
    submit();
    expect(dialog()?.open).toBe(false);
    const s = useAppStore.getState();
    expect(s.basemap).toBe("custom");
    expect(s.customBasemap).toMatchObject({
      name: "县内网",
      attribution: "县自然资源局",
      minzoom: 0,
      maxzoom: 18,
    });
    expect(q<HTMLSelectElement>("basemap.select")?.value).toBe("custom");
    expect(dom.el.querySelector('option[value="custom"]')?.textContent).toBe("自定义：县内网");
    expect(document.activeElement).toBe(q("basemap.select"));
  });

  it("编辑自定义底图 opens it filled in; 取消 and Escape keep it unchanged", () => {
    choose("custom");
    type("custombasemap.url", "https://a.example/{z}/{x}/{y}.png");
    submit();
    const saved = useAppStore.getState().customBasemap;
    act(() => q("custombasemap.edit")?.click());
    expect(dialog()?.open).toBe(true);
    expect(q<HTMLTextAreaElement>("custombasemap.url")?.value).toBe("https://a.example/{z}/{x}/{y}.png");
    expect(q<HTMLInputElement>("custombasemap.name")?.value).toBe("a.example");
    type("custombasemap.url", "https://b.example/{z}/{x}/{y}.png");
    act(() => q("custombasemap.cancel")?.click());
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().customBasemap).toBe(saved);
    expect(document.activeElement).toBe(q("custombasemap.edit"));
    act(() => q("custombasemap.edit")?.click());
    act(() => {
      dialog()?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().customBasemap).toBe(saved);
    // Once defined, choosing it again switches without the dialog.
    choose("none");
    expect(q("custombasemap.edit")).toBeNull();
    choose("custom");
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().basemap).toBe("custom");
  });

  it("speaks English after the language switch", () => {
    act(() => useAppStore.getState().setLang("en"));
    choose("custom");
    expect(dialog()?.textContent).toContain("Custom basemap");
    type("custombasemap.url", "file:///x/{z}/{x}/{y}.png");
    submit();
    expect(q("custombasemap.error.url")?.textContent).toBe(
      "Only http:// and https:// addresses are supported.",
    );
  });
});

describe("problem messages", () => {
  const ALL: CustomBasemapProblem[] = [
    ...(["empty", "tooLong", "spaces", "notUrl", "scheme", "credentials"] as const).map((code) => ({
      field: "url" as const,
      code,
    })),
    { field: "url", code: "unknownPlaceholder", detail: "{r}" },
    { field: "url", code: "badBrace", detail: "{y.png" },
    { field: "url", code: "missingPlaceholders", detail: "{x} {y}" },
    ...(["yAndMinusY", "wmtsCapabilities", "wmtsParams"] as const).map((code) => ({
      field: "url" as const,
      code,
    })),
    { field: "subdomains", code: "subdomains" },
    { field: "name", code: "tooLong" },
    { field: "attribution", code: "tooLong" },
    { field: "minzoom", code: "zoom" },
    { field: "maxzoom", code: "zoom" },
    { field: "maxzoom", code: "zoomOrder" },
    { field: "tileSize", code: "tileSize" },
  ];
  it("every problem has a message in zh and en, with its detail filled in", () => {
    for (const p of ALL) {
      const m = problemMessage(p);
      const entry = UI[m.key];
      expect(entry, `${p.field}:${p.code}`).toBeDefined();
      expect(entry.zh.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(entry.zh), entry.zh).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(entry.en), entry.en).toBe(false);
      if ("detail" in p) expect(m.params).toEqual({ detail: p.detail });
    }
  });
});

describe("basemap failure notice", () => {
  it("names the basemap, says the data is not affected, offers 无底图; hidden when not failed", () => {
    act(() => useAppStore.getState().setBasemap("osm"));
    act(() => dom.root.render(<BasemapNotice failed={false} />));
    expect(q("basemap.failed")).toBeNull();
    act(() => dom.root.render(<BasemapNotice failed={true} />));
    const n = q("basemap.failed");
    expect(n?.getAttribute("role")).toBe("status");
    expect(n?.textContent).toContain(
      "OpenStreetMap：底图瓦片无法加载（网络不可用或地址错误），地图数据不受影响",
    );
    act(() => q("basemap.failed.none")?.click());
    expect(useAppStore.getState().basemap).toBe("none");
    expect(q("basemap.failed")).toBeNull();
  });

  it("uses the custom basemap's name; 关闭 hides it until the next failure", () => {
    act(() =>
      useAppStore.getState().setCustomBasemap({
        name: "县内网",
        url: "https://a.example/{z}/{x}/{y}.png",
        subdomains: "abc",
        attribution: "",
        minzoom: 0,
        maxzoom: 18,
        tileSize: 256,
      }),
    );
    act(() => dom.root.render(<BasemapNotice failed={true} />));
    expect(q("basemap.failed")?.textContent).toContain("县内网：底图瓦片无法加载");
    act(() => q("basemap.failed.dismiss")?.click());
    expect(q("basemap.failed")).toBeNull();
    act(() => dom.root.render(<BasemapNotice failed={false} />));
    act(() => dom.root.render(<BasemapNotice failed={true} />));
    expect(q("basemap.failed")).not.toBeNull();
  });
});

describe("layer list", () => {
  it("toggles each context layer and the flag overlay in the store, labelled in zh and en", () => {
    act(() => dom.root.render(<LayerList />));
    expect(q("layers.panel")?.textContent).toContain("道路");
    expect(q("layers.panel")?.textContent).toContain("中心城区");
    for (const k of ["roads", "facilities", "zones", "centralUrbanArea"] as const) {
      const box = q<HTMLInputElement>(`layers.${k}`);
      expect(box?.checked).toBe(true);
      act(() => box?.click());
      expect(useAppStore.getState().contextVisible[k]).toBe(false);
      expect(box?.checked).toBe(false);
    }
    act(() => q<HTMLInputElement>("layers.flags")?.click());
    expect(useAppStore.getState().flagsVisible).toBe(false);
    act(() => useAppStore.getState().setLang("en"));
    expect(q("layers.panel")?.textContent).toContain("Central urban area");
    expect(q("layers.panel")?.textContent).toContain("Zone boundaries");
  });
});
