// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { Header } from "../../../src/ui/Header";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
beforeEach(() => {
  act(() => dom.root.render(<Header onStandardsFile={() => {}} onParcelsFile={() => {}} />));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
const q = <T extends HTMLElement = HTMLElement>(id: string) =>
  dom.el.querySelector<T>(`[data-testid="${id}"]`);
const dialog = () => q<HTMLDialogElement>("tianditu.dialog");
const keyInput = () => q<HTMLInputElement>("tianditu.key") as HTMLInputElement;
const select = () => q<HTMLSelectElement>("basemap.select") as HTMLSelectElement;

function choose(value: string) {
  act(() => {
    select().value = value;
    select().dispatchEvent(new Event("change", { bubbles: true }));
  });
}
function typeKey(text: string) {
  act(() => {
    keyInput().value = text;
  });
}

describe("Tianditu key dialog", () => {
  it("choosing 天地图 opens the dialog (no window.prompt) with focus in the key input; the basemap waits", () => {
    const prompt = vi.fn(() => "from-prompt");
    vi.stubGlobal("prompt", prompt);
    expect(dialog()?.open).toBe(false);
    choose("tianditu");
    expect(prompt).not.toHaveBeenCalled();
    expect(dialog()?.open).toBe(true);
    expect(document.activeElement).toBe(keyInput());
    expect(useAppStore.getState().basemap).toBe("none");
    expect(select().value).toBe("none");
    expect(dialog()?.textContent).toContain("在 天地图 开发者平台 申请浏览器端密钥");
    expect(q("tianditu.ok")?.textContent).toBe("确定");
    expect(q("tianditu.cancel")?.textContent).toBe("取消");
  });

  it("取消 closes it, keeps the basemap and returns focus to the select", () => {
    choose("tianditu");
    typeKey("abc");
    act(() => q("tianditu.cancel")?.click());
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().basemap).toBe("none");
    expect(useAppStore.getState().tiandituKey).toBe("");
    expect(document.activeElement).toBe(select());
  });

  it("Escape cancels", () => {
    choose("tianditu");
    typeKey("abc");
    act(() => {
      dialog()?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().basemap).toBe("none");
  });

  it("确定 with a key switches to 天地图 and stores the trimmed key; focus returns to the select", () => {
    const log = vi.spyOn(console, "log");
    choose("tianditu");
    typeKey("  my-key-123 ");
    act(() => q("tianditu.ok")?.click());
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().basemap).toBe("tianditu");
    expect(useAppStore.getState().tiandituKey).toBe("my-key-123");
    expect(select().value).toBe("tianditu");
    expect(document.activeElement).toBe(select());
    expect(log).not.toHaveBeenCalled();
  });

  it("submitting the form (Enter) with an empty key keeps the current basemap", () => {
    choose("osm");
    choose("tianditu");
    typeKey("   ");
    act(() => {
      keyInput().form?.requestSubmit();
    });
    expect(dialog()?.open).toBe(false);
    expect(useAppStore.getState().basemap).toBe("osm");
    expect(select().value).toBe("osm");
  });

  it("更换密钥 is offered only while 天地图 is active and replaces the key", () => {
    expect(q("tianditu.change")).toBeNull();
    choose("tianditu");
    typeKey("first");
    act(() => q("tianditu.ok")?.click());
    const change = q("tianditu.change");
    expect(change?.textContent).toBe("更换密钥");
    act(() => change?.click());
    expect(dialog()?.open).toBe(true);
    expect(keyInput().value).toBe("");
    typeKey("second");
    act(() => keyInput().form?.requestSubmit());
    expect(useAppStore.getState().tiandituKey).toBe("second");
    expect(useAppStore.getState().basemap).toBe("tianditu");
    expect(document.activeElement).toBe(q("tianditu.change"));
    // An empty key on 更换密钥 keeps the old one.
    act(() => q("tianditu.change")?.click());
    act(() => keyInput().form?.requestSubmit());
    expect(useAppStore.getState().tiandituKey).toBe("second");
    choose("none");
    expect(q("tianditu.change")).toBeNull();
  });

  it("speaks English after the language switch", () => {
    act(() => useAppStore.getState().setLang("en"));
    choose("tianditu");
    expect(dialog()?.textContent).toContain("Tianditu key");
    expect(q("tianditu.ok")?.textContent).toBe("OK");
    expect(q("tianditu.cancel")?.textContent).toBe("Cancel");
  });
});
