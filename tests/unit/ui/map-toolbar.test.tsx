// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import type { MapControllerApi, ToolKey } from "../../../src/map/api";
import { useAppStore } from "../../../src/state/store";
import { MapToolbar } from "../../../src/ui/MapToolbar";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
/** Keys the toolbar handed to the map; the map "uses" Enter and Escape while `drawing`. */
const sent: string[] = [];
let drawing = false;
let cleared = 0;
const map = {
  toolKey: (k: ToolKey) => {
    sent.push(k.key);
    return drawing && (k.key === "Enter" || k.key === "Escape");
  },
  clearMeasurement: () => {
    cleared++;
  },
} as unknown as MapControllerApi;

beforeEach(() => {
  sent.length = 0;
  drawing = false;
  cleared = 0;
  act(() => dom.root.render(<MapToolbar mapController={map} />));
});
const q = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const press = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(e);
  });
  return e;
};

describe("map toolbar", () => {
  it("选择 / 测距 / 测面积 with their shortcuts; the pressed button follows the store", () => {
    expect(q("maptools.select")?.textContent).toContain("选择");
    expect(q("maptools.measure-distance")?.textContent).toContain("测距");
    expect(q("maptools.measure-area")?.getAttribute("aria-keyshortcuts")).toBe("A");
    expect(q("maptools.select")?.getAttribute("aria-pressed")).toBe("true");
    act(() => q("maptools.measure-area")?.click());
    expect(useAppStore.getState().mapTool).toBe("measure-area");
    expect(q("maptools.measure-area")?.getAttribute("aria-pressed")).toBe("true");
    expect(q("maptools.panel")?.textContent).toContain("单击开始量测");
    act(() => useAppStore.getState().setLang("en"));
    expect(q("maptools.measure-area")?.textContent).toContain("Area");
    expect(dom.el.querySelector('[role="toolbar"]')?.getAttribute("aria-label")).toBe("Map tools");
  });

  it("keyboard: D and A pick the measure tools, V goes back; typing in a field is left alone", () => {
    press("d");
    expect(useAppStore.getState().mapTool).toBe("measure-distance");
    press("A");
    expect(useAppStore.getState().mapTool).toBe("measure-area");
    const input = document.createElement("input");
    dom.el.appendChild(input);
    press("v", input);
    expect(useAppStore.getState().mapTool).toBe("measure-area");
    press("v", document.body, { ctrlKey: true });
    expect(useAppStore.getState().mapTool).toBe("measure-area");
    press("v");
    expect(useAppStore.getState().mapTool).toBe("select");
  });

  it("Enter and Escape go to the tool first; Escape with nothing to cancel returns to 选择", () => {
    press("a");
    drawing = true;
    const enter = press("Enter");
    expect(enter.defaultPrevented).toBe(true);
    const esc = press("Escape");
    expect(esc.defaultPrevented).toBe(true);
    expect(useAppStore.getState().mapTool).toBe("measure-area");
    drawing = false;
    press("Escape");
    expect(sent).toEqual(["Enter", "Escape", "Escape"]);
    expect(useAppStore.getState().mapTool).toBe("select");
    // In 选择 an unused Escape is left to the app (it clears the selection).
    expect(press("Escape").defaultPrevented).toBe(false);
  });

  it("shows the measurement: area in m² and 亩 with the perimeter, and 清除", () => {
    press("a");
    act(() =>
      useAppStore.getState().setMeasurement({
        kind: "area",
        vertices: 4,
        done: true,
        lengthM: 1210.4,
        areaM2: 91504.2,
        areaMu: (91504.2 * 15) / 10000,
        crs: "EPSG:4546",
      }),
    );
    expect(q("maptools.areaM2")?.textContent).toBe("91,504 m²");
    expect(q("maptools.areaMu")?.textContent).toBe("137.26 亩");
    expect(q("maptools.length")?.textContent).toBe("1.21 km");
    expect(q("maptools.hint")?.textContent).toContain("4 个点");
    expect(q("maptools.panel")?.textContent).toContain("EPSG:4546");
    act(() => q("maptools.clear")?.click());
    expect(cleared).toBe(1);
  });
});
