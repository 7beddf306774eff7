/**
 * The import dialog's work in the worker: read the user's files into a preview (keeping the
 * files and the prepared parcels pending, beside the dataset shown), read them again with new
 * choices, make the pending import the held dataset, or drop it. A preview yields between its
 * phases (a task boundary, so a cancel message is seen) and stops there when cancelled; the
 * held dataset is never touched before `importCommit`.
 */
import { fingerprint } from "../io/fingerprint";
import { encodeImportBundle, type ImportSource } from "../io/import-bundle";
import { type ImportPhase, runImportPipeline } from "../io/import-pipeline";
import type { ParcelImport } from "../io/types";
import type {
  ImportCommitRequest,
  ImportCommitResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportProgress,
} from "./protocol";

/** What a preview leaves for its commit. */
export interface PendingImport {
  source: ImportSource;
  result?: ParcelImport;
}

export interface ImportContext {
  pendingImport?: PendingImport;
  /** Bumped by every preview and cancel: a preview whose token is stale stops at its next phase. */
  importToken: number;
  datasets: Map<
    number,
    { parcels: ParcelImport["parcels"]; source: { input: Uint8Array | string; fileName: string } }
  >;
}

class Cancelled extends Error {}

const PHASES: ImportPhase[] = ["read", "join", "prepare"];

/** Wait for the next task (messages queued meanwhile, such as a cancel, are handled first). */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The name an import is shown under: its main file (the sheets joined to it left out). */
export function importFileName(src: ImportSource): string {
  const main = src.files.filter((f) => f.name !== src.join?.file);
  const shp = main.find((f) => /\.shp$/i.test(f.name));
  return (shp ?? main[0] ?? src.files[0])?.name ?? "";
}

export async function handleImportPreview(
  ctx: ImportContext,
  req: ImportPreviewRequest,
  progress?: (p: ImportProgress) => void,
): Promise<ImportPreviewResponse> {
  const token = ++ctx.importToken;
  const files = req.files ?? ctx.pendingImport?.source.files;
  if (!files) throw new Error("no pending import to read again");
  const { analysisCrs: _ignored, ...options } = req.options;
  const source: ImportSource = { files, options, ...(req.join ? { join: req.join } : {}) };
  ctx.pendingImport = { source };
  try {
    const outcome = await runImportPipeline(source, req.analysisCrs, async (phase) => {
      progress?.({ phase, done: PHASES.indexOf(phase), total: PHASES.length });
      await nextTask();
      if (token !== ctx.importToken) throw new Cancelled();
    });
    await nextTask();
    if (token !== ctx.importToken) throw new Cancelled();
    ctx.pendingImport = { source, result: outcome.result };
    return { cancelled: false, summary: outcome.summary };
  } catch (e) {
    if (e instanceof Cancelled) return { cancelled: true };
    throw e;
  }
}

export function handleImportCancel(ctx: ImportContext): { cancelled: boolean } {
  const had = ctx.pendingImport !== undefined;
  ctx.importToken++;
  delete ctx.pendingImport;
  return { cancelled: had };
}

export async function handleImportCommit(
  ctx: ImportContext,
  req: ImportCommitRequest,
): Promise<ImportCommitResponse> {
  const pending = ctx.pendingImport;
  if (!pending?.result) throw new Error("no import to confirm");
  if (!pending.result.ok) throw new Error("the import has no usable parcels");
  const content = encodeImportBundle(pending.source);
  const fp = await fingerprint(content);
  const fileName = importFileName(pending.source);
  const { parcels, ...rest } = pending.result;
  ctx.datasets.clear();
  ctx.datasets.set(req.datasetId, { parcels, source: { input: content, fileName } });
  delete ctx.pendingImport;
  return { ...rest, parcelCount: parcels.length, content, fingerprint: fp, fileName };
}
