import { describe, expect, it } from "vitest";
import type { StandardCheck } from "../../../src/domain/types";
import { WorkerClient, type WorkerLike } from "../../../src/worker/client";
import type { WorkerInbound, WorkerOutbound } from "../../../src/worker/protocol";
import {
  decodeResult,
  encodeParts,
  encodeResult,
  packGeometries,
  splitParts,
  unpackGeometries,
} from "../../../src/worker/wire";
import { parcel, result, STANDARDS } from "../state/helpers";

/** Frozen, as the analysis may return them. */
const check = (indicator: StandardCheck["indicator"], source: string): StandardCheck =>
  Object.freeze({
    indicator,
    kind: "min",
    threshold: 1,
    level: "default",
    source,
    value: 2,
    status: "pass",
  });

function sample() {
  const a = parcel({ id: "A" });
  a.checks = [check("far", "国土资发〔2008〕24号"), check("taxPerMu", "park default")];
  const b = parcel({ id: "B" });
  b.checks = [check("far", "国土资发〔2008〕24号")];
  return result([a, b, parcel({ id: "C" })]);
}

describe("result wire form", () => {
  it("interns each check source once and restores every one", () => {
    const wire = encodeResult(sample());
    expect(wire.sources).toEqual(["国土资发〔2008〕24号", "park default"]);
    expect(wire.result.parcels[1]?.checks[0]?.source as unknown).toBe(0);
    expect(sample().parcels[0]?.checks[0]?.source).toBe("国土资发〔2008〕24号"); // input untouched
    const back = decodeResult(structuredClone(wire));
    expect(back).toEqual(sample());
  });

  it("an edited parcel's original values travel with it", () => {
    const r = sample();
    const a = r.parcels[0];
    if (a) {
      a.input.fixedInvestment = 2000;
      a.edited = { fixedInvestment: 1000, zone: null };
    }
    const back = decodeResult(structuredClone(encodeResult(r)));
    expect(back.parcels[0]?.edited).toEqual({ fixedInvestment: 1000, zone: null });
    expect(back.parcels[0]?.input.fixedInvestment).toBe(2000);
    expect(back.parcels[1]?.edited).toBeUndefined();
  });

  it("the worker client decodes analyze responses", async () => {
    const listener: { onMsg?: (ev: MessageEvent<WorkerOutbound>) => void } = {};
    const posted: WorkerInbound[] = [];
    const fake: WorkerLike = {
      postMessage: (m) => posted.push(m),
      addEventListener: (type: string, fn: unknown) => {
        if (type === "message") listener.onMsg = fn as (ev: MessageEvent<WorkerOutbound>) => void;
      },
      terminate: () => {},
    };
    const client = new WorkerClient(fake);
    const p = client.request("analyze", { parcels: [], standards: STANDARDS, asOf: "2026-06-30" });
    const wire = encodeResult(sample());
    listener.onMsg?.({
      data: {
        id: posted[0]?.id ?? -1,
        ok: true,
        response: { result: wire.result, sources: wire.sources, durationMs: 1 },
      },
    } as MessageEvent<WorkerOutbound>);
    const res = await p;
    expect(res.result.parcels[0]?.checks.map((c) => c.source)).toEqual([
      "国土资发〔2008〕24号",
      "park default",
    ]);
    expect(res).not.toHaveProperty("sources");
  });
});

describe("results in parts", () => {
  it("splitParts keeps order and sizes", () => {
    expect(splitParts([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitParts([], 2)).toEqual([]);
  });

  function client() {
    const listener: { onMsg?: (ev: MessageEvent<WorkerOutbound>) => void } = {};
    const posted: WorkerInbound[] = [];
    const fake: WorkerLike = {
      postMessage: (m) => posted.push(m),
      addEventListener: (type: string, fn: unknown) => {
        if (type === "message") listener.onMsg = fn as (ev: MessageEvent<WorkerOutbound>) => void;
      },
      terminate: () => {},
    };
    const send = (data: WorkerOutbound) => listener.onMsg?.({ data } as MessageEvent<WorkerOutbound>);
    return { c: new WorkerClient(fake), posted, send };
  }
  const req = { parcels: [], standards: STANDARDS, asOf: "2026-06-30" };

  it("the client joins the parts in order and decodes the sources", async () => {
    const { c, posted, send } = client();
    const p = c.request("analyze", req);
    const id = posted[0]?.id ?? -1;
    const wire = encodeResult(sample());
    const parts = splitParts(wire.result.parcels, 2);
    for (const part of parts) send({ id, part });
    send({
      id,
      ok: true,
      response: {
        result: { ...wire.result, parcels: [] },
        sources: wire.sources,
        parts: parts.length,
        durationMs: 1,
      },
    });
    const res = await p;
    expect(res.result.parcels.map((x) => x.input.id)).toEqual(["A", "B", "C"]);
    expect(res.result.parcels[1]?.checks[0]?.source).toBe("国土资发〔2008〕24号");
  });

  it("the first part brings the sources: each part is decoded as it arrives, once", async () => {
    const { c, posted, send } = client();
    const p = c.request("analyze", req);
    const id = posted[0]?.id ?? -1;
    const wire = encodeResult(sample());
    const parts = splitParts(wire.result.parcels, 2);
    parts.forEach((part, i) => {
      send(i === 0 ? { id, part, sources: wire.sources } : { id, part });
    });
    // Before the response: the parts already hold the texts again.
    expect(parts[0]?.[0]?.checks.map((x) => x.source)).toEqual(["国土资发〔2008〕24号", "park default"]);
    expect(parts[0]?.[1]?.checks[0]?.source).toBe("国土资发〔2008〕24号");
    send({
      id,
      ok: true,
      response: {
        result: { ...wire.result, parcels: [] },
        sources: wire.sources,
        parts: parts.length,
        durationMs: 1,
      },
    });
    const res = await p;
    expect(res.result).toEqual(sample());
  });

  it("a missing part is an error, not a silently shorter result", async () => {
    const { c, posted, send } = client();
    const p = c.request("analyze", req);
    const id = posted[0]?.id ?? -1;
    const wire = encodeResult(sample());
    send({ id, part: wire.result.parcels.slice(0, 2) });
    send({
      id,
      ok: true,
      response: { result: { ...wire.result, parcels: [] }, sources: wire.sources, parts: 2, durationMs: 1 },
    });
    await expect(p).rejects.toThrow("incomplete");
  });

  it("parts of a superseded request are dropped", async () => {
    const { c, posted, send } = client();
    const first = c.request("analyze", req);
    first.catch(() => {});
    const second = c.request("analyze", req);
    const [m1, m2] = posted;
    const wire = encodeResult(sample());
    send({ id: m1?.id ?? -1, part: wire.result.parcels });
    send({ id: m2?.id ?? -1, part: wire.result.parcels.slice(0, 1) });
    send({
      id: m2?.id ?? -1,
      ok: true,
      response: { result: { ...wire.result, parcels: [] }, sources: wire.sources, parts: 1, durationMs: 1 },
    });
    const res = await second;
    expect(res.result.parcels.map((x) => x.input.id)).toEqual(["A"]);
  });
});

describe("geometries packed beside a part", () => {
  const square = (x: number): number[][] => [
    [x, 30],
    [x + 0.5, 30],
    [x + 0.5, 30.5],
    [x, 30],
  ];
  const polygonWithHole = {
    type: "Polygon" as const,
    coordinates: [
      square(109),
      [
        [109.1, 30.1],
        [109.2, 30.1],
        [109.2, 30.2],
        [109.1, 30.1],
      ],
    ],
  };
  const multi = { type: "MultiPolygon" as const, coordinates: [[square(110)], [square(111), square(111.1)]] };
  // Exact doubles survive: a coordinate that is not a short decimal.
  const odd = {
    type: "Polygon" as const,
    coordinates: [
      [
        [Math.PI, -0],
        [1 / 3, 2],
        [5e-324, 1e300],
        [Math.PI, -0],
      ],
    ],
  };

  it("unpack gives back every geometry exactly, in order (holes, several polygons, any double)", () => {
    const geoms = [polygonWithHole, multi, odd];
    const packed = packGeometries(geoms);
    expect(packed).not.toBeNull();
    const back = unpackGeometries(structuredClone(packed) as NonNullable<typeof packed>);
    expect(back).toEqual(geoms);
    expect(Object.is(back[2]?.coordinates[0]?.[0]?.[1], -0)).toBe(true);
    expect(unpackGeometries(packGeometries([]) as NonNullable<ReturnType<typeof packGeometries>>)).toEqual(
      [],
    );
  });

  it("a position that is not exactly [x, y] (a height) is not packed: the part keeps its geometries", () => {
    const withHeight = {
      type: "Polygon" as const,
      coordinates: [
        [
          [109, 30, 5],
          [109.1, 30, 5],
          [109, 30.1, 5],
          [109, 30, 5],
        ],
      ],
    };
    expect(packGeometries([polygonWithHole, withHeight])).toBeNull();
  });

  it("encodeParts: parts in order, sources interned over all parts, geometries packed, the parcels untouched", () => {
    const r = sample();
    const geoms = [polygonWithHole, multi, odd];
    r.parcels.forEach((x, i) => {
      x.geometry = geoms[i] as typeof x.geometry;
    });
    const before = structuredClone(r.parcels);
    const { parts, sources } = encodeParts(r.parcels, 2);
    expect(parts.map((p) => p.part.map((x) => x.input.id))).toEqual([["A", "B"], ["C"]]);
    expect(sources).toEqual(["国土资发〔2008〕24号", "park default"]);
    expect(parts[0]?.part[1]?.checks[0]?.source as unknown).toBe(0);
    for (const p of parts) for (const x of p.part) expect("geometry" in x).toBe(false);
    expect(parts.flatMap((p) => unpackGeometries(p.geometry as NonNullable<typeof p.geometry>))).toEqual(
      geoms,
    );
    expect(r.parcels).toEqual(before);
  });

  it("encodeParts: a part with a position that is not [x, y] keeps its geometries; the others are packed", () => {
    const r = sample();
    const withHeight = {
      type: "Polygon" as const,
      coordinates: [
        [
          [109, 30, 5],
          [109.1, 30, 5],
          [109, 30.1, 5],
          [109, 30, 5],
        ],
      ],
    };
    r.parcels.forEach((x, i) => {
      x.geometry = (i === 2 ? withHeight : polygonWithHole) as typeof x.geometry;
    });
    const { parts } = encodeParts(r.parcels, 2);
    expect(parts[0]?.geometry).toBeDefined();
    expect(parts[1]?.geometry).toBeUndefined();
    expect(parts[1]?.part[0]?.geometry).toEqual(withHeight);
  });

  it("the client puts each part's packed geometries back on its parcels", async () => {
    const listener: { onMsg?: (ev: MessageEvent<WorkerOutbound>) => void } = {};
    const posted: WorkerInbound[] = [];
    const c = new WorkerClient({
      postMessage: (m) => posted.push(m),
      addEventListener: (type: string, fn: unknown) => {
        if (type === "message") listener.onMsg = fn as (ev: MessageEvent<WorkerOutbound>) => void;
      },
      terminate: () => {},
    });
    const send = (data: WorkerOutbound) => listener.onMsg?.({ data } as MessageEvent<WorkerOutbound>);
    const p = c.request("analyze", { parcels: [], standards: STANDARDS, asOf: "2026-06-30" });
    const id = posted[0]?.id ?? -1;
    const r = sample();
    const geoms = [polygonWithHole, multi, odd];
    r.parcels.forEach((x, i) => {
      x.geometry = geoms[i] as typeof x.geometry;
    });
    const { parts, sources } = encodeParts(r.parcels, 2);
    for (const [i, { part, geometry }] of parts.entries())
      send({ id, part, ...(i === 0 ? { sources } : {}), ...(geometry ? { geometry } : {}) });
    const rest = { ...r, parcels: [] };
    send({ id, ok: true, response: { result: rest, sources, parts: parts.length, durationMs: 1 } });
    const res = await p;
    expect(res.result.parcels.map((x) => x.geometry)).toEqual(geoms);
    expect(res.result.parcels.map((x) => x.input.id)).toEqual(["A", "B", "C"]);
  });
});
