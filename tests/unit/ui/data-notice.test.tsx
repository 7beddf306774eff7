// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { DataNotice } from "../../../src/ui/DataNotice";
import { dataset } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const byTestId = (id: string) => dom.el.querySelector(`[data-testid="${id}"]`);
const context = {
  zones: { type: "FeatureCollection", features: [] },
  roads: { type: "FeatureCollection", features: [] },
  facilities: { type: "FeatureCollection", features: [] },
  centralUrbanArea: { type: "FeatureCollection", features: [] },
} as const;

describe("synthetic-data notice", () => {
  it("the sample says it is synthetic; the user's own parcels over the sample context say the context is", () => {
    act(() => {
      useAppStore.getState().setContext(structuredClone(context) as never);
      useAppStore.getState().setDataset(dataset({ synthetic: true }));
    });
    act(() => dom.root.render(<DataNotice />));
    expect(byTestId("data.notice")?.textContent).toContain("合成示例数据");
    expect(byTestId("data.contextNotice")).toBeNull();

    act(() => useAppStore.getState().setDataset(dataset({ synthetic: false, fileName: "cadastre.geojson" })));
    expect(byTestId("data.notice")).toBeNull();
    expect(byTestId("data.contextNotice")?.textContent).toContain("示例背景图层（合成）");
    act(() => useAppStore.getState().setLang("en"));
    expect(byTestId("data.contextNotice")?.textContent).toContain("Sample context layers (synthetic)");
  });
});
