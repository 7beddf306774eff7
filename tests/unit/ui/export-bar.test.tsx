// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAppStore } from "../../../src/state/store";
import { ExportBar } from "../../../src/ui/export/ExportBar";
import { parcel, result } from "../state/helpers";
import { withReactRoot } from "./react-root";

const dom = withReactRoot();
const q = (id: string) => dom.el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  // No real download in happy-dom: the link click is enough.
  URL.createObjectURL = vi.fn(() => "blob:x");
  URL.revokeObjectURL = vi.fn();
  act(() => useAppStore.getState().analysisSucceeded(result([parcel({ id: "A" }), parcel({ id: "B" })])));
  act(() => dom.root.render(<ExportBar />));
});

describe("export bar", () => {
  it("the status after an export follows a language switch", () => {
    act(() => q("export.csv")?.click());
    expect(q("export.status")?.textContent).toMatch(/^已导出 .+\.csv（2 宗）$/);
    act(() => useAppStore.getState().setLang("en"));
    expect(q("export.status")?.textContent).toMatch(/^Exported .+\.csv \(2 parcels\)$/);
  });
});
