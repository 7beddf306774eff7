import { describe, expect, it } from "vitest";

/** The fetch patch of MapLibre's worker, on a fake worker scope: what reaches the real fetch. */
describe("MapLibre's worker fetches the parcel Blob itself", () => {
  it("a /__jiyue-blob/<id> URL of this origin is read from blob:<origin>/<id>; anything else as is", async () => {
    const calls: { input: unknown; init: unknown }[] = [];
    const g = globalThis as unknown as { self?: unknown };
    const before = g.self;
    const scope = {
      location: { origin: "http://127.0.0.1:5303" },
      fetch(input: unknown, init?: unknown) {
        calls.push({ input, init });
        return Promise.resolve(new Response("{}"));
      },
    };
    g.self = scope;
    try {
      await import("../../../src/map/maplibre-worker-fetch");
      const signal = new AbortController().signal;
      await scope.fetch(new Request("http://127.0.0.1:5303/__jiyue-blob/0b3c-77", { signal }));
      await scope.fetch("http://127.0.0.1:5303/tiles/1/2/3.png");
      await scope.fetch("http://elsewhere.example/__jiyue-blob/0b3c-77");
      expect(calls[0]?.input).toBe("blob:http://127.0.0.1:5303/0b3c-77");
      expect((calls[0]?.init as { signal?: AbortSignal } | undefined)?.signal).toBeInstanceOf(AbortSignal);
      expect(calls[1]?.input).toBe("http://127.0.0.1:5303/tiles/1/2/3.png");
      expect(calls[2]?.input).toBe("http://elsewhere.example/__jiyue-blob/0b3c-77");
      expect(calls).toHaveLength(3);
    } finally {
      g.self = before;
    }
  });
});
