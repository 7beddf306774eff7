/**
 * The analysis on the calling thread: the worker's handlers without the worker (unit tests; the
 * app's fallback where module workers are unavailable, loaded lazily by `client.ts`). A new request
 * of a kind supersedes the one not yet started, as in the worker.
 */
import { createHandlerContext, handle } from "./handlers";
import {
  type AnalysisBackend,
  type ImportProgress,
  type RequestKind,
  SupersededError,
  type WorkerContract,
} from "./protocol";

export class InlineBackend implements AnalysisBackend {
  private readonly ctx = createHandlerContext();
  private readonly latest = new Map<RequestKind, number>();
  private nextId = 1;

  async request<K extends RequestKind>(
    kind: K,
    payload: WorkerContract[K]["request"],
    opts: { onProgress?: (p: ImportProgress) => void } = {},
  ): Promise<WorkerContract[K]["response"]> {
    const id = this.nextId++;
    this.latest.set(kind, id);
    await Promise.resolve();
    if (this.latest.get(kind) !== id) throw new SupersededError();
    return handle(this.ctx, kind, payload, opts.onProgress ? { progress: opts.onProgress } : {});
  }

  dispose(): void {
    this.latest.clear();
  }
}
