/**
 * Dataset name and parcels change together (issue 12): once a new file is the dataset, the old
 * file's analysed parcels are gone from the store and the map, even when the new analysis fails.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { MapParcels } from "../../../src/map/api";
import { connectEngine } from "../../../src/state/engine";
import { resetAppStore, useAppStore } from "../../../src/state/store";
import { bindMap } from "../../../src/ui/mapBinding";
import type {
  AnalysisBackend,
  ImportResponse,
  RequestKind,
  WorkerContract,
} from "../../../src/worker/protocol";
import { dataset, freshStore, parcel, result, STANDARDS } from "./helpers";

describe("switching datasets", () => {
  beforeEach(() => resetAppStore());

  it("a new dataset drops the previous analysis in the same update", () => {
    const store = freshStore();
    store.getState().setDataset(dataset({ fileName: "old.geojson" }));
    store.getState().analysisSucceeded(result([parcel({ id: "OLD-1" })]));
    const seen: { name?: string; ids: string[] }[] = [];
    store.subscribe((s) => seen.push({ name: s.dataset?.fileName, ids: [...s.byId.keys()] }));
    store.getState().setDataset(dataset({ fileName: "new.geojson" }));
    expect(seen).toEqual([{ name: "new.geojson", ids: [] }]);
    expect(store.getState().result).toBeNull();
  });

  it("when the new file's analysis fails, the old parcels do not stay under the new name", async () => {
    const store = freshStore();
    let calls = 0;
    const backend: AnalysisBackend = {
      async request<K extends RequestKind>(kind: K): Promise<WorkerContract[K]["response"]> {
        calls++;
        if (kind === "import")
          return {
            problems: [],
            ok: true,
            featureCount: 1,
            parcelCount: 1,
          } satisfies ImportResponse as never;
        if (calls <= 2) return { result: result([parcel({ id: "OLD-1" })]), durationMs: 1 } as never;
        throw new Error("Maximum call stack size exceeded");
      },
      dispose() {},
    };
    const engine = connectEngine(store, backend);
    store.getState().setStandards({ standards: STANDARDS, fileName: "s.json", problems: [] });
    await engine.loadParcels("{}", "old.geojson");
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().byId.has("OLD-1")).toBe(true);
    await engine.loadParcels("{}", "new.geojson");
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    expect(s.dataset?.fileName).toBe("new.geojson");
    expect(s.status).toBe("error");
    expect(s.result).toBeNull();
    expect(s.byId.size).toBe(0);
  });

  it("the map is emptied with the store (no old parcels drawn under the new name)", () => {
    const sent: MapParcels[] = [];
    const map = {
      setParcels: (p: MapParcels) => sent.push(p),
      setContext() {},
      setColouring() {},
      setFlagsVisible() {},
      setSelection() {},
      setFilterIds() {},
      fitZone() {},
      setBasemap() {},
      setLanguage() {},
      setTheme() {},
      exportPng: () => Promise.reject(new Error("no canvas")),
      on: () => () => {},
      whenIdle: () => Promise.resolve(),
      destroy() {},
    };
    useAppStore.getState().setDataset(dataset({ fileName: "old.geojson" }));
    bindMap(useAppStore, map as never, { defer: (fn) => fn() });
    useAppStore.getState().analysisSucceeded(result([parcel({ id: "OLD-1" })]));
    expect(sent.at(-1)?.features).toHaveLength(1);
    useAppStore.getState().setDataset(dataset({ fileName: "new.geojson" }));
    expect(sent.at(-1)?.features).toHaveLength(0);
  });
});
