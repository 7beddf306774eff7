/**
 * The main thread's side of the analysis worker. Requests are typed by `WorkerContract`; a new
 * request of a kind supersedes the one in flight: the older promise rejects with
 * `SupersededError` and its late response (matched by request id) is ignored.
 */
import type { BBox } from "../domain/map-properties";
import type { AnalysedParcel } from "../domain/types";
import {
  type AnalysisBackend,
  type ImportProgress,
  type RequestKind,
  type RequestOptions,
  SupersededError,
  type WorkerContract,
  type WorkerInbound,
  type WorkerOutbound,
} from "./protocol";
import { decodeParcels, decodeResult, unpackGeometries } from "./wire";

export { type AnalysisBackend, SupersededError };

/** The part of `Worker` the client uses (so tests can pass a fake). */
export interface WorkerLike {
  postMessage(msg: WorkerInbound, transfer?: Transferable[]): void;
  addEventListener(type: "message", fn: (ev: MessageEvent<WorkerOutbound>) => void): void;
  addEventListener(type: "error", fn: (ev: ErrorEvent) => void): void;
  terminate(): void;
}

interface Pending {
  kind: RequestKind;
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ImportProgress) => void;
  onMapData?: (data: Blob, bbox?: BBox) => void;
}

/** The buffers of a payload's file bytes, each once (handed over to the worker, not copied). */
export function transferables(payload: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (v: unknown) => {
    if (v instanceof ArrayBuffer) out.add(v);
    else if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  };
  const p = payload as { input?: unknown; files?: unknown };
  add(p.input);
  if (Array.isArray(p.files)) for (const f of p.files) add((f as { bytes?: unknown })?.bytes);
  return [...out];
}

export class WorkerClient implements AnalysisBackend {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Parcels of analysis results received ahead of their response, by request id. */
  private readonly parts = new Map<number, AnalysedParcel[][]>();
  /** The check source table of a result whose parts are arriving (the first part brings it). */
  private readonly partSources = new Map<number, string[]>();
  /** The parcels of the arriving parts by id, per request id. */
  private readonly partIds = new Map<number, Map<string, AnalysedParcel>>();
  /** The newest request id of each kind. */
  private readonly latest = new Map<RequestKind, number>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener("message", (ev: MessageEvent<WorkerOutbound>) => this.onMessage(ev.data));
    worker.addEventListener("error", (ev: ErrorEvent) => {
      const err = new Error(ev.message || "analysis worker failed");
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  request<K extends RequestKind>(
    kind: K,
    payload: WorkerContract[K]["request"],
    opts: RequestOptions = {},
  ): Promise<WorkerContract[K]["response"]> {
    const id = this.nextId++;
    const prev = this.latest.get(kind);
    if (prev !== undefined) {
      const p = this.pending.get(prev);
      if (p) {
        this.pending.delete(prev);
        p.reject(new SupersededError());
      }
    }
    this.latest.set(kind, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        kind,
        resolve: resolve as (v: never) => void,
        reject,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.onMapData ? { onMapData: opts.onMapData } : {}),
      });
      // Hand file bytes over instead of copying them (the caller does not use them again).
      this.worker.postMessage({ id, kind, payload } as WorkerInbound, transferables(payload));
    });
  }

  private onMessage(msg: WorkerOutbound): void {
    const p = this.pending.get(msg.id);
    if (!p) {
      this.parts.delete(msg.id);
      this.partSources.delete(msg.id);
      this.partIds.delete(msg.id);
      return; // stale: superseded or disposed
    }
    if ("progress" in msg) {
      p.onProgress?.(msg.progress);
      return;
    }
    if ("mapData" in msg) {
      p.onMapData?.(msg.mapData, msg.bbox);
      return;
    }
    if ("part" in msg) {
      if (msg.sources) this.partSources.set(msg.id, msg.sources);
      if (msg.geometry) {
        const geoms = unpackGeometries(msg.geometry);
        for (const [i, p] of msg.part.entries()) p.geometry = geoms[i] as AnalysedParcel["geometry"];
      }
      // Decoded now, in this part's own task, not all at once when the response arrives.
      const sources = this.partSources.get(msg.id);
      if (sources) decodeParcels(msg.part, sources);
      const list = this.parts.get(msg.id) ?? [];
      list.push(msg.part);
      this.parts.set(msg.id, list);
      const ids = this.partIds.get(msg.id) ?? new Map<string, AnalysedParcel>();
      for (const p of msg.part) ids.set(p.input.id, p);
      this.partIds.set(msg.id, ids);
      return;
    }
    this.pending.delete(msg.id);
    const parts = this.parts.get(msg.id) ?? [];
    const decoded = this.partSources.has(msg.id);
    const byId = this.partIds.get(msg.id);
    this.parts.delete(msg.id);
    this.partSources.delete(msg.id);
    this.partIds.delete(msg.id);
    if (!msg.ok) {
      p.reject(msg.superseded ? new SupersededError() : new Error(msg.error));
      return;
    }
    const r = msg.response;
    if (p.kind === "analyze" && "result" in r) {
      const { sources, parts: expected, ...rest } = r;
      if (expected !== undefined && expected !== parts.length) {
        p.reject(new Error(`analysis result incomplete: ${parts.length} of ${expected} parts`));
        return;
      }
      const result = expected !== undefined ? { ...rest.result, parcels: parts.flat() } : rest.result;
      const done =
        sources && !(decoded && expected !== undefined) ? decodeResult({ result, sources }) : result;
      p.resolve({ ...rest, result: done, ...(byId ? { byId } : {}) } as never);
    } else p.resolve(r as never);
  }

  dispose(): void {
    for (const p of this.pending.values()) p.reject(new SupersededError());
    this.pending.clear();
    this.parts.clear();
    this.partSources.clear();
    this.partIds.clear();
    this.worker.terminate();
  }
}

/**
 * The fallback where module workers are unavailable: the handlers on the page (`inline.ts`),
 * loaded with the first request. Imported statically they would put the whole worker (readers,
 * analysis, coverage, turf) into the page's start-up chunk a second time.
 */
class LazyInlineBackend implements AnalysisBackend {
  private inner: Promise<AnalysisBackend> | null = null;

  request<K extends RequestKind>(
    kind: K,
    payload: WorkerContract[K]["request"],
    opts: { onProgress?: (p: ImportProgress) => void } = {},
  ): Promise<WorkerContract[K]["response"]> {
    this.inner ??= import("./inline").then((m) => new m.InlineBackend());
    return this.inner.then((b) => b.request(kind, payload, opts));
  }

  dispose(): void {
    void this.inner?.then((b) => b.dispose());
  }
}

/** The app's backend: the module worker (Vite bundles it from this URL). */
export function createWorkerBackend(): AnalysisBackend {
  try {
    const worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
    return new WorkerClient(worker as unknown as WorkerLike);
  } catch {
    // No module workers (old browser, restrictive policy): analyse on the page, slower but working.
    return new LazyInlineBackend();
  }
}
