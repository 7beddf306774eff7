/**
 * `analyze` of a GeoJSON file as a stream (issue 13): the file is read feature by feature and
 * never held as one string. A file that fits comfortably in memory is read once, its prepared
 * parcels kept for the output (`keep`); a larger one twice, in bounded memory, never held as a
 * list of features either.
 *
 * Pass 1 (`streamImport`): each entry is parsed, prepared (`beginPrepare` once the CRS sample is
 * in, then `FeaturePreparer.add`) and scored; what is kept per parcel is its efficiency score
 * (8 bytes, evaluated parcels only) and its first longitude (8 bytes, for the zone check), plus the
 * problems, the ids seen (to make them unique) and the names of the properties outside the schema
 * (the CSV's columns). Its result is the same `ParcelImport` as the whole-file reader's, without
 * the parcels. The ranking of all scores then gives every class (`rankClassesCompact`).
 *
 * Pass 2 (`streamOutput`): the file is read again; each parcel is prepared and analysed again
 * (`analyseParcel`, deterministic), given its class and reallocation flags, and written at once
 * (`GeoJsonWriter` / `CsvWriter`). The output is the whole-file analyze's, byte for byte (tested).
 * With `keep`, pass 1 also keeps each prepared parcel (the same object pass 2 would prepare again)
 * and pass 2 analyses and writes those instead of reading the file again: parsing and preparing
 * are more than half of the work, and are done once.
 *
 * A root member that declares the CRS after the `features` array is seen only at the end of pass
 * 1: then pass 1 is run again with it. A file that changed between the passes is said, not
 * written wrong.
 */
import { createReadStream } from "node:fs";
import {
  type AnalysisContext,
  analyseParcel,
  applyRank,
  flagReallocation,
  parcelScore,
} from "../domain/analyze";
import type { EfficiencyConfig } from "../domain/efficiency";
import { CLASS_CODES, rankClassesCompact } from "../domain/efficiency";
import type { AnalysedParcel, PreparedParcel } from "../domain/types";
import { CsvExtraKeys } from "../io/csv-write";
import { parseJson } from "../io/json";
import {
  beginPrepare,
  CRS_SAMPLE,
  endPrepare,
  FeaturePreparer,
  hasSamplePosition,
  okImport,
  type PrepareStarted,
} from "../io/prepare";
import { rawFeatureOf, readHeader } from "../io/readers/geojson";
import {
  type ForcedEncoding,
  GeoJsonEntryStream,
  gbkImplausible,
  implausibleCharCount,
  optionEncoding,
  streamHeader,
  wholeFileEncoding,
} from "../io/readers/geojson-stream";
import type { DeclaredCrs, RawFeature, RawFeatureSet } from "../io/readers/types";
import type { ParcelImport, Problem } from "../io/types";
import { zoneMismatchOfLons } from "../io/zone-check";

/** Bytes read at a time. */
const READ_CHUNK = 4 * 1024 * 1024;

/**
 * The longest single feature read (its text, its parsed copy and its prepared copy must fit the
 * heap together, with room to spare): a longer one is refused in one line (`stream-too-large`),
 * before it is held, rather than exhausting the heap.
 */
export const MAX_FEATURE_BYTES = 128 * 1024 * 1024;

/** What pass 1 keeps for pass 2. */
export interface StreamPass {
  started: PrepareStarted;
  /** Scores of the evaluated parcels, in file order. */
  scores: Float64Array;
  /** Properties outside the schema, first-seen order (the CSV's extra columns). */
  extraKeys: string[];
  parcelCount: number;
  /** The CRS declared to the preparer (pass 2 uses the same plan). */
  declared: DeclaredCrs | undefined;
  /** The encoding every entry was decoded in (pass 2 decodes so too). */
  encoding: ForcedEncoding;
  /** The prepared parcels in file order, when pass 1 kept them (`keep`): pass 2 does not read the file. */
  parcels?: PreparedParcel[];
}

export type StreamImport = { kind: "whole" } | { kind: "done"; imported: ParcelImport; pass?: StreamPass };

/** A growable Float64Array. */
class Floats {
  buf = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

async function readFile(path: string, push: (chunk: Uint8Array) => void): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) push(chunk as Uint8Array);
}

/** The CRS member of the root as far as it is known at the first entry (`{…,"features":[`). */
function earlyCrs(stream: GeoJsonEntryStream, file: string, opts: { crs?: string }): DeclaredCrs | undefined {
  const text = `${new TextDecoder(stream.encoding).decode(stream.headerSoFar())}]}`;
  const parsed = parseJson(text);
  if (!parsed.ok) return undefined;
  const set: RawFeatureSet = { file, format: "geojson", features: [], fields: [], problems: [] };
  readHeader(set, parsed.value, opts);
  return set.crs;
}

/**
 * Pass 1. `kind: "whole"` when the root is not a FeatureCollection (one Feature, a bare
 * geometry: small, to be read whole). `keep`: keep the prepared parcels for pass 2 (a file that
 * fits in memory), so that it need not read the file again.
 */
export async function streamImport(
  path: string,
  file: string,
  opts: { analysisCrs: string; crs?: string; encoding?: "gbk" | "utf-8" },
  eff: EfficiencyConfig,
  keep = false,
): Promise<StreamImport> {
  let known: DeclaredCrs | undefined;
  // `--encoding`: every entry decoded so, as the whole-file reader does with the option.
  let forced: ForcedEncoding | undefined = optionEncoding(opts);
  let scanUtf8 = false;
  // Read again at most thrice: scanning every byte for UTF-8 validity (a file not all valid
  // UTF-8), with the whole-file reader's encoding, with a CRS declared late.
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = await pass1(path, file, opts, eff, known, forced, keep, scanUtf8);
    if (r.kind !== "rerun") return r;
    if (r.rescan) scanUtf8 = true;
    else if (r.forced) forced = r.forced;
    else known = r.declared;
  }
  return { kind: "whole" };
}

async function pass1(
  path: string,
  file: string,
  opts: { analysisCrs: string; crs?: string },
  eff: EfficiencyConfig,
  knownCrs: DeclaredCrs | undefined,
  forced: ForcedEncoding | undefined,
  keep: boolean,
  scanUtf8: boolean,
): Promise<
  StreamImport | { kind: "rerun"; declared?: DeclaredCrs | undefined; forced?: ForcedEncoding; rescan?: true }
> {
  const where = file === "" ? {} : { file };
  const fields = new Set<string>();
  const featureProblems: Problem[] = [];
  // Features (and the problems of entries that are not features) until the CRS sample is in.
  const buffer: (RawFeature | Problem[])[] = [];
  let samples = 0;
  let started: ReturnType<typeof beginPrepare> | undefined;
  let declared: DeclaredCrs | undefined = knownCrs;
  let sawFirst = false;
  let featureCount = 0;
  const scores = new Floats();
  const lons = new Floats();
  const extra = new CsvExtraKeys();
  let parcelCount = 0;
  const kept: PreparedParcel[] | undefined = keep ? [] : undefined;

  const add = (f: RawFeature) => {
    if (!started?.ok) return;
    const p = started.preparer.add(f, 0, featureProblems);
    if (!p) return;
    parcelCount++;
    kept?.push(p);
    const g = p.geometry;
    const firstPos = g.type === "Polygon" ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
    lons.push(firstPos && Number.isFinite(firstPos[0]) ? (firstPos[0] as number) : Number.NaN);
    const score = parcelScore(p, eff);
    if (score !== null) scores.push(score);
    extra.add(p.extra);
  };
  const begin = () => {
    const features = buffer.filter((x): x is RawFeature => !Array.isArray(x));
    const raw: RawFeatureSet = {
      file,
      format: "geojson",
      features,
      fields: [],
      problems: [],
      featureCount,
      ...(declared ? { crs: declared } : {}),
    };
    started = beginPrepare(raw, features, opts);
    for (const x of buffer) {
      if (Array.isArray(x)) for (const p of x) featureProblems.push(p);
      else add(x);
    }
    buffer.length = 0;
  };

  const stream = new GeoJsonEntryStream(
    file,
    (value, index) => {
      featureCount = index + 1;
      if (!sawFirst) {
        sawFirst = true;
        if (knownCrs === undefined) declared = earlyCrs(stream, file, opts);
      }
      if (started !== undefined) {
        const raw = rawFeatureOf(value, index, where, featureProblems, fields);
        if (raw) add(raw);
        return;
      }
      const problems: Problem[] = [];
      const raw = rawFeatureOf(value, index, where, problems, fields);
      if (!raw) {
        buffer.push(problems);
        return;
      }
      buffer.push(raw);
      if (hasSamplePosition(raw)) samples++;
      if (samples >= CRS_SAMPLE) begin();
    },
    forced,
    MAX_FEATURE_BYTES,
    scanUtf8,
  );
  await readFile(path, (chunk) => stream.push(chunk));
  let end = stream.end();
  const fileSet: RawFeatureSet = { file, format: "geojson", features: [], fields: [], problems: [] };
  let encoding = forced;
  if (!end.binary) {
    // The encoding as the whole-file reader decides it, on all bytes: a stray invalid byte in
    // UTF-8 is replaced and named at its offset (not read as GBK), as `decodeText` does.
    const headerText = new TextDecoder(stream.encoding).decode(end.split.header);
    const hChars = headerText.length;
    const hBad = implausibleCharCount(headerText);
    const hBytes = end.split.header.length;
    if (!forced) {
      const decision = wholeFileEncoding(stream, hChars, hBad, end.split.header, file);
      if ("rescan" in decision) return { kind: "rerun", rescan: true };
      if (decision.notText) end = { binary: true };
      else if (!decision.same) return { kind: "rerun", forced: decision.forced };
      else {
        encoding = decision.forced;
        end = { ...end, problems: decision.forced.problems };
      }
    } else if (forced.encoding === "gbk" && !forced.option && gbkImplausible(stream, hChars, hBad, hBytes)) {
      end = { binary: true };
    }
  }
  const header = streamHeader(fileSet, end, stream.notJson, true, forced?.option === true);
  if (header.kind === "whole") return { kind: "whole" };
  const fatal = (): StreamImport => ({
    kind: "done",
    imported: { parcels: [], problems: fileSet.problems, ok: false, featureCount: 0 },
  });
  if (header.kind === "fatal") return fatal();
  if (readHeader(fileSet, header.root, opts) === undefined) return fatal();
  // The root declares its CRS after the features: the plan must be made with it.
  if (opts.crs === undefined && fileSet.crs?.spec !== declared?.spec && knownCrs === undefined)
    return { kind: "rerun", declared: fileSet.crs };
  if (started === undefined) begin();
  const s = started as unknown as ReturnType<typeof beginPrepare>;
  if (!s.ok) {
    const problems = [...fileSet.problems];
    for (const p of s.result.problems) problems.push(p);
    return { kind: "done", imported: { ...s.result, problems } };
  }
  // The whole-file order: the file's problems, the CRS plan's, each feature's, then the end's.
  const all: Problem[] = [...fileSet.problems];
  for (const p of s.problems) all.push(p);
  for (const p of featureProblems) all.push(p);
  const whole: PrepareStarted = { ...s, problems: all };
  const failed = endPrepare(whole, featureCount, parcelCount, () =>
    zoneMismatchOfLons(lons.view(), whole.basis.crs, whole.where.file),
  );
  if (failed) return { kind: "done", imported: failed };
  return {
    kind: "done",
    imported: okImport(whole, fileSet, featureCount),
    pass: {
      started: whole,
      scores: scores.view(),
      extraKeys: extra.keys,
      parcelCount,
      declared,
      encoding: encoding ?? { encoding: "utf-8", problems: [] },
      ...(kept ? { parcels: kept } : {}),
    },
  };
}

/** How pass 2 writes: the text before the parcels, one parcel's (in pieces appended to `out`), after them. */
export interface ParcelTextWriter {
  head(): string;
  parcel(a: AnalysedParcel, out: string[]): void;
  tail(): string;
}

/** What pass 2 counted, for the summary line. */
export interface StreamCounts {
  parcels: number;
  belowStandard: number;
  reallocationCandidates: number;
}

/** Pass 2 found other parcels than pass 1: the file changed while it was read. */
export class FileChangedError extends Error {
  constructor() {
    super("file changed between the passes");
  }
}

/** Parcels written per piece when pass 2 writes kept parcels (≈ 0.5–1 MB of text). */
const PARCELS_PER_PIECE = 500;

/**
 * Pass 2: the output text, in batches of the pieces of `PARCELS_PER_PIECE` parcels (a writer
 * encodes each piece as it is, never joined), with `counts` filled as it goes.
 * Throws `FileChangedError` when the parcels are not those of pass 1.
 */
export async function* streamOutput(
  path: string,
  file: string,
  pass: StreamPass,
  ctx: AnalysisContext,
  writer: ParcelTextWriter,
  counts: StreamCounts,
): AsyncGenerator<string | string[]> {
  const ranks = rankClassesCompact(pass.scores, ctx.eff.cutoffs);
  const nEval = pass.scores.length;
  let j = 0;
  let pieces: string[] = [];
  let inPieces = 0;
  const emit = (p: PreparedParcel) => {
    const a = analyseParcel(p, ctx);
    const score = a.computed.efficiencyScore;
    if (score !== null) {
      if (j >= nEval || !Object.is(pass.scores[j], score)) throw new FileChangedError();
      applyRank(a, CLASS_CODES[ranks.cls[j] as number] as "A", ranks.higher[j] as number, nEval);
      j++;
    }
    flagReallocation(a);
    counts.parcels++;
    if (a.computed.standardsFailed.length > 0) counts.belowStandard++;
    if (a.computed.reallocationCandidate) counts.reallocationCandidates++;
    writer.parcel(a, pieces);
    inPieces++;
  };
  yield writer.head();
  const kept = pass.parcels;
  if (kept) {
    for (let i = 0; i < kept.length; i++) {
      emit(kept[i] as PreparedParcel);
      // written: no longer held (its memory goes back as the output grows)
      kept[i] = undefined as unknown as PreparedParcel;
      if (inPieces >= PARCELS_PER_PIECE) {
        const batch = pieces;
        pieces = [];
        inPieces = 0;
        yield batch;
      }
    }
  } else {
    const where = pass.started.where;
    const preparer = new FeaturePreparer(pass.started.plan, pass.started.basis, undefined, where);
    const scratch: Problem[] = [];
    const fields = new Set<string>();
    const stream = new GeoJsonEntryStream(
      file,
      (value, index) => {
        const raw = rawFeatureOf(value, index, where, scratch, fields);
        scratch.length = 0;
        if (!raw) return;
        const p = preparer.add(raw, 0, scratch);
        scratch.length = 0;
        if (p) emit(p);
      },
      pass.encoding,
      MAX_FEATURE_BYTES,
    );
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) {
      stream.push(chunk as Uint8Array);
      if (pieces.length > 0) {
        const batch = pieces;
        pieces = [];
        inPieces = 0;
        yield batch;
      }
    }
    stream.end();
  }
  if (pieces.length > 0) yield pieces;
  if (j !== nEval || counts.parcels !== pass.parcelCount) throw new FileChangedError();
  yield writer.tail();
}
