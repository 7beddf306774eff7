/// <reference lib="webworker" />
/**
 * The analysis worker: imports parcel files and analyses parcels off the main thread, so the page
 * never freezes. Messages are queued and drained on the next task: when several requests of one
 * kind are waiting, only the newest runs and the older ones are answered `superseded`.
 */
import { mapGeoJsonChunks, parcelsBbox } from "../domain/map-properties";
import { createHandlerContext, handle } from "./handlers";
import {
  BLOB_CONTENT_FROM,
  EARLY_MAP_DATA,
  type RequestKind,
  type WorkerContract,
  type WorkerInbound,
  type WorkerOutbound,
} from "./protocol";
import { pickLatest } from "./queue";
import { encodeParts } from "./wire";

const ctx = createHandlerContext();
const scope = self as unknown as DedicatedWorkerGlobalScope;
let queue: WorkerInbound[] = [];
let scheduled = false;

function reply(msg: WorkerOutbound, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

/** A response computed asynchronously (an import preview yields between its phases). */
async function answer(m: WorkerInbound, pending: Promise<unknown>): Promise<void> {
  try {
    const response = (await pending) as WorkerContract[RequestKind]["response"];
    if (m.kind === "importCommit" && "content" in response && response.content instanceof Uint8Array) {
      // The import bundle (the whole file, 100 MB at province scale) goes to the page as a
      // transferred copy: copying it here keeps the worker's own (it reads the file again for
      // another analysis CRS), and the page receives it without a copy on its thread (0.35 s).
      const content = response.content.slice();
      // Storage keeps a large source as a Blob: made here, off the page's thread.
      const contentBlob = content.byteLength >= BLOB_CONTENT_FROM ? new Blob([content]) : undefined;
      reply(
        { id: m.id, ok: true, response: { ...response, content, ...(contentBlob ? { contentBlob } : {}) } },
        [content.buffer],
      );
      return;
    }
    reply({ id: m.id, ok: true, response });
  } catch (e) {
    reply({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

function drain(): void {
  scheduled = false;
  const { run, dropped } = pickLatest(queue);
  queue = [];
  for (const m of dropped) reply({ id: m.id, ok: false, superseded: true, error: "superseded" });
  for (const m of run) {
    try {
      const response = handle(ctx, m.kind, m.payload, {
        progress: (progress) => reply({ id: m.id, progress }),
      });
      if (response instanceof Promise) {
        void answer(m, response);
        continue;
      }
      if (m.kind === "analyze" && "result" in response) {
        // The map's GeoJSON, written here: the page passes the Blob's URL to MapLibre, whose worker
        // fetches and tiles it (structured-cloning 175,000 features from the page froze it for seconds).
        const mapData = new Blob(mapGeoJsonChunks(response.result.parcels), { type: "application/json" });
        // A large result's map data first: the map fetches and tiles it while the parts travel.
        // With its bbox, so the map frames the parcels at once and tiles only the framed view.
        if (response.result.parcels.length >= EARLY_MAP_DATA) {
          const bbox = parcelsBbox(response.result.parcels);
          reply({ id: m.id, mapData, ...(bbox ? { bbox } : {}) });
        }
        // The first part brings the check sources, so the page decodes each part as it arrives;
        // each part's packed geometries are handed over, not copied.
        const { parts, sources } = encodeParts(response.result.parcels);
        for (const [i, { part, geometry }] of parts.entries()) {
          const msg = { id: m.id, part, ...(i === 0 ? { sources } : {}), ...(geometry ? { geometry } : {}) };
          reply(msg, geometry ? [geometry.shape.buffer, geometry.coords.buffer] : []);
        }
        reply({
          id: m.id,
          ok: true,
          response: {
            ...response,
            result: { ...response.result, parcels: [] },
            sources,
            parts: parts.length,
            mapData,
          },
        });
      } else reply({ id: m.id, ok: true, response });
    } catch (e) {
      reply({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
}

scope.onmessage = (ev: MessageEvent<WorkerInbound>) => {
  queue.push(ev.data);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};
