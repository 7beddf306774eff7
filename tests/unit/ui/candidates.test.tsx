// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { CandidateList, MAX_LISTED } from "../../../src/ui/CandidateList";
import { parcel, result } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const candidate = (id: string, areaM2: number) =>
  parcel(
    { id, zone: "huangtukan", enterprise: `企业${id}` },
    { reallocationCandidate: true, reallocationReasons: ["class-D"], areaM2, areaMu: (areaM2 * 15) / 10000 },
  );

describe("candidate list", () => {
  it("lists candidates largest first with area and reasons; a click selects and asks the map to frame it", () => {
    act(() =>
      useAppStore
        .getState()
        .analysisSucceeded(result([candidate("S", 1000), candidate("L", 9000), parcel({ id: "N" })])),
    );
    act(() => dom.root.render(<CandidateList />));
    const items = [...dom.el.querySelectorAll('[data-testid^="flags.candidate."]')];
    expect(items.map((i) => i.getAttribute("data-testid"))).toEqual([
      "flags.candidate.L",
      "flags.candidate.S",
    ]);
    expect(items[0]?.textContent).toContain("13.50 亩");
    expect(items[0]?.textContent).toContain("亩均效益 D 类");
    act(() => (items[1] as HTMLElement).click());
    expect([...useAppStore.getState().selectedIds]).toEqual(["S"]);
    expect(useAppStore.getState().zoomRequest?.ids).toEqual(["S"]);
  });

  it("lists at most MAX_LISTED and offers the rest in the table", () => {
    const many = Array.from({ length: MAX_LISTED + 5 }, (_, i) => candidate(`C${i}`, 1000 + i));
    act(() => useAppStore.getState().analysisSucceeded(result(many)));
    act(() => dom.root.render(<CandidateList />));
    expect(dom.el.querySelectorAll('[data-testid^="flags.candidate."]')).toHaveLength(MAX_LISTED);
    expect(dom.el.textContent).toContain("另有 5 宗未列出");
    act(() => dom.el.querySelector<HTMLElement>('[data-testid="candidates.showAll"]')?.click());
    expect(useAppStore.getState().filter.candidateOnly).toBe(true);
  });
});
