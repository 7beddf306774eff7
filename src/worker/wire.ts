/**
 * Compact wire form of an analysis result. Structured clone copies every string in full, and
 * each standards check carries its threshold's source text (a sentence, the same few sentences
 * for every parcel): at 10,000 parcels that was a quarter of the bytes the page had to decode.
 * The worker replaces each source with an index into a table; the client puts the strings back
 * (shared, so the page also holds each sentence once).
 *
 * Large results also travel in parts: decoding one message of 50,000 parcels froze the page for
 * seconds; parts of a few thousand are decoded in separate tasks, with input and rendering between.
 */
import type { AnalysedParcel, AnalysisResult, StandardCheck } from "../domain/types";

export interface WireResult {
  result: AnalysisResult;
  /** Source texts; `check.source` holds an index into this table (as a number). */
  sources: string[];
}

/** Intern check sources (new parcel and check objects: the analysis may freeze and share its checks). */
export function encodeResult(result: AnalysisResult): WireResult {
  const index = new Map<string, number>();
  const sources: string[] = [];
  const encoded = new Map<StandardCheck, StandardCheck>();
  const encode = (c: StandardCheck): StandardCheck => {
    let e = encoded.get(c);
    if (!e) {
      let i = index.get(c.source);
      if (i === undefined) {
        i = sources.length;
        sources.push(c.source);
        index.set(c.source, i);
      }
      e = { ...c, source: i as unknown as string };
      encoded.set(c, e);
    }
    return e;
  };
  const parcels = result.parcels.map((p) => (p.checks.length ? { ...p, checks: p.checks.map(encode) } : p));
  return { result: { ...result, parcels }, sources };
}

/** Put the source texts back (in place: the objects are the page's own copies after the message). */
export function decodeResult(wire: WireResult): AnalysisResult {
  decodeParcels(wire.result.parcels, wire.sources);
  return wire.result;
}

/** `decodeResult` for some of the parcels (a `part` as it arrives). */
export function decodeParcels(parcels: readonly AnalysedParcel[], sources: readonly string[]): void {
  for (const p of parcels)
    for (const c of p.checks as (Omit<StandardCheck, "source"> & { source: unknown })[]) {
      if (typeof c.source === "number") c.source = sources[c.source] ?? "";
    }
}

/**
 * Parcels per `part` message: each is received (structured-clone decoded) and decoded in its own
 * task, so the page is never frozen long. 2,000 took 150–600 ms to receive on the 2 loaded cores
 * of the browser benchmark (175,000 parcels, issue 13), 500 still 200–370 ms there; 250 halve that.
 */
export const PART_SIZE = 250;

/** Split the parcels into parts of `size` (the last may be shorter). */
export function splitParts<T>(items: readonly T[], size = PART_SIZE): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
