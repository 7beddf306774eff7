/**
 * A FeatureCollection read as a stream of features: the bytes arrive in chunks (a file stream,
 * a `File`'s stream) and each entry of the top-level `features` array is handed on as its own
 * bytes as soon as it is complete, so no string ever holds the whole file (V8 refuses strings
 * over about 512 MB, and a whole-file string doubles the memory of the parse).
 *
 * The scanner reads JSON structure only (braces, brackets, strings and their escapes); it does not
 * validate. Everything outside the `features` array — the root's `type`, `crs`, `surveyDate`,
 * `synthetic` … — is kept as the *header*, the root object with `"features": []`, parsed once at
 * the end. Text is UTF-8 or GBK: in GBK a character's second byte may be `\` (0x5C), so the
 * scanner is told the encoding and skips GBK trail bytes inside strings.
 */
import { decodeText, hasNul } from "../decode";
import { parseJson } from "../json";
import { readGeoJsonInput, readRoot } from "./geojson";
import { utf8Certain } from "./text";
import type { ImportOptions, RawFeatureSet } from "./types";

/** Text encoding of the bytes being split. */
export type StreamEncoding = "utf-8" | "gbk";

export interface SplitterResult {
  /** The root with the `features` array emptied (bytes), or the whole input when it has none. */
  header: Uint8Array;
  /** A top-level `features` array was found (the root is a FeatureCollection-like object). */
  foundFeatures: boolean;
  /** Entries handed on. */
  count: number;
  /** The input ended inside a value (truncated file). */
  truncated: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Growable byte buffer (the header, and an entry spanning chunks). */
class Bytes {
  private buf = new Uint8Array(1024);
  length = 0;
  push(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (this.length + n > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.length + n) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.buf.set(src.subarray(start, end), this.length);
    this.length += n;
  }
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * Incremental splitter. `push` each chunk in order, then `end`. `onEntry` receives each entry of
 * the top-level `features` array (its bytes, a fresh copy) in file order.
 *
 * @example
 * const s = new FeatureSplitter("utf-8", (bytes) => features.push(JSON.parse(decode(bytes))));
 * for await (const chunk of stream) s.push(chunk);
 * const { header } = s.end();
 */
export class FeatureSplitter {
  private depth = 0;
  private inString = false;
  private escape = false;
  private gbkTrail = false;
  /** Inside the root object, the next string is a key. */
  private expectKey = false;
  /** Collecting the current depth-1 key's bytes. */
  private keyBytes: number[] | null = null;
  private lastKey = "";
  /** Depth of the `features` array's contents (2), or 0 when not inside it. */
  private inFeatures = false;
  private featuresDone = false;
  private entryOpen = false;
  /** The current entry is a scalar (ends at `,` or `]` at depth 2). */
  private scalarEntry = false;
  private readonly entry = new Bytes();
  private readonly header = new Bytes();
  private count = 0;

  constructor(
    private readonly encoding: StreamEncoding,
    private readonly onEntry: (bytes: Uint8Array) => void,
  ) {}

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    // Start of the run of bytes that goes to the header (outside the features array) or to the
    // open entry; flushed at each switch and at the chunk's end.
    let runStart = 0;
    const flush = (to: number) => {
      if (this.entryOpen) this.entry.push(chunk, runStart, to);
      else if (!this.inFeatures) this.header.push(chunk, runStart, to);
      runStart = to;
    };
    for (let i = 0; i < n; i++) {
      const b = chunk[i] as number;
      if (this.inString) {
        if (this.gbkTrail) {
          this.gbkTrail = false;
        } else if (this.escape) {
          this.escape = false;
        } else if (b === BACKSLASH) {
          this.escape = true;
        } else if (b === QUOTE) {
          this.inString = false;
          if (this.keyBytes) {
            this.lastKey = new TextDecoder(this.encoding).decode(new Uint8Array(this.keyBytes));
            this.keyBytes = null;
          }
          continue;
        } else if (this.encoding === "gbk" && b >= 0x81 && b <= 0xfe) {
          this.gbkTrail = true;
        }
        if (this.keyBytes && this.keyBytes.length < 256) this.keyBytes.push(b);
        continue;
      }
      if (this.inFeatures && !this.entryOpen) {
        // Between entries of the features array: whitespace, commas, or its end.
        if (isSpace(b) || b === COMMA) continue;
        if (b === RBRACKET) {
          this.inFeatures = false;
          this.featuresDone = true;
          this.depth--;
          runStart = i; // the `]` goes to the header
          continue;
        }
        // An entry starts here.
        this.entryOpen = true;
        this.scalarEntry = b !== LBRACE && b !== LBRACKET;
        runStart = i;
      }
      if (this.entryOpen && this.scalarEntry) {
        if (b === COMMA || b === RBRACKET || isSpace(b)) {
          flush(i);
          this.finishEntry();
          i--; // re-read the delimiter between entries
          continue;
        }
        if (b === QUOTE) this.inString = true;
        continue;
      }
      switch (b) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1 && this.expectKey) {
            this.keyBytes = [];
            this.expectKey = false;
          }
          break;
        case LBRACE:
        case LBRACKET:
          this.depth++;
          if (this.depth === 1 && b === LBRACE) this.expectKey = true;
          if (
            this.depth === 2 &&
            b === LBRACKET &&
            this.lastKey === "features" &&
            !this.featuresDone &&
            !this.entryOpen
          ) {
            flush(i + 1); // the `[` goes to the header
            this.inFeatures = true;
          }
          break;
        case RBRACE:
        case RBRACKET:
          this.depth--;
          if (this.entryOpen && this.depth === 2) {
            flush(i + 1);
            this.finishEntry();
          }
          break;
        case COMMA:
          if (this.depth === 1) this.expectKey = true;
          break;
        case COLON:
          break;
        default:
          break;
      }
    }
    flush(n);
  }

  /** The header's bytes so far (at the first entry: the root up to `"features":[`). */
  headerSoFar(): Uint8Array {
    return this.header.view();
  }

  private finishEntry(): void {
    this.entryOpen = false;
    this.scalarEntry = false;
    this.count++;
    this.onEntry(this.entry.take());
  }

  end(): SplitterResult {
    const truncated = this.inString || this.depth !== 0 || this.entryOpen;
    if (this.entryOpen) {
      // A truncated last entry: hand it on so the reader names it (it will not parse).
      this.entryOpen = false;
      this.count++;
      this.onEntry(this.entry.take());
    }
    return {
      header: this.header.view().slice(),
      foundFeatures: this.featuresDone || this.inFeatures,
      count: this.count,
      truncated,
    };
  }
}

/** Bytes looked at to tell UTF-8 from GBK before splitting. */
const SNIFF_BYTES = 1 << 20;

/** A JSON syntax error in an entry: the parser's params and the entry's 1-based position. */
type EntryError = Record<string, string | number | null>;

/**
 * The bytes of a GeoJSON file pushed in chunks → each entry of its `features` array parsed, handed
 * to `onEntry(value, index)` (`null` for an entry that is not JSON; the first such error is kept)
 * as soon as it is complete. The encoding is told from the first megabyte (see `readGeoJsonStream`);
 * `end()` says what was found around the entries. Used by `readGeoJsonStream` and by the CLI's
 * streaming `analyze`, which reads the file twice and needs the same entries both times.
 */
export class GeoJsonEntryStream {
  private splitter: FeatureSplitter | undefined;
  private readonly enc: { value: StreamEncoding } = { value: "utf-8" };
  private sampleProblems: RawFeatureSet["problems"] = [];
  private sniffed = false;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private firstChunk = true;
  private binary = false;
  private index = 0;
  /** The first entry that is not JSON. */
  notJson: EntryError | undefined;
  /** A UTF-8 reading told from the first megabyte as the whole-file reader tells it (readers/text.ts). */
  certain = true;

  constructor(
    private readonly file: string,
    private readonly onEntry: (value: unknown, index: number) => void,
  ) {}

  private entry = (bytes: Uint8Array) => {
    const index = this.index++;
    let text: string;
    if (this.enc.value === "utf-8") {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        this.enc.value = "gbk";
        text = new TextDecoder("gbk").decode(bytes);
      }
    } else {
      text = new TextDecoder("gbk").decode(bytes);
    }
    const parsed = parseJson(text);
    if (parsed.ok) this.onEntry(parsed.value, index);
    else {
      // Named by the reader as an entry that is not a Feature; the file's first syntax error is kept.
      this.notJson ??= { ...parsed.params, feature: index + 1 };
      this.onEntry(null, index);
    }
  };

  private start(sample: Uint8Array): void {
    this.sniffed = true;
    if (hasNul(sample)) {
      this.binary = true;
      return;
    }
    // Cut the sample at its last ASCII byte so a character split by the cut does not count.
    let cut = sample.length;
    while (cut > 0 && (sample[cut - 1] as number) >= 0x80) cut--;
    const decoded = decodeText(sample.subarray(0, cut), this.file === "" ? undefined : this.file);
    if (decoded.encoding === "gbk") {
      this.enc.value = "gbk";
      this.sampleProblems = decoded.problems;
    } else this.certain = utf8Certain(sample.subarray(0, cut));
    this.splitter = new FeatureSplitter(this.enc.value, this.entry);
  }

  /** The header's bytes so far (see `FeatureSplitter.headerSoFar`), empty before the sniff. */
  headerSoFar(): Uint8Array {
    return this.splitter?.headerSoFar() ?? new Uint8Array(0);
  }

  /** The encoding entries are decoded in now. */
  get encoding(): StreamEncoding {
    return this.enc.value;
  }

  push(raw: Uint8Array): void {
    let chunk = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer);
    if (this.firstChunk && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
    }
    this.firstChunk = false;
    if (this.binary) return;
    if (!this.sniffed) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes < SNIFF_BYTES) return;
      const sample = concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.start(sample);
      this.splitter?.push(sample);
      return;
    }
    this.splitter?.push(chunk);
  }

  /**
   * After the last chunk: `binary` (a NUL byte: not text), else the splitter's result, the
   * encoding used and the problems of telling it (`decoded-gbk` …).
   */
  end():
    | { binary: true }
    | {
        binary: false;
        split: SplitterResult;
        encoding: StreamEncoding;
        problems: RawFeatureSet["problems"];
      } {
    if (!this.sniffed) {
      const sample = concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.start(sample);
      this.splitter?.push(sample);
    }
    if (this.binary || !this.splitter) return { binary: true };
    const split = this.splitter.end();
    const encoding = this.enc.value;
    const where = this.file === "" ? {} : { file: this.file };
    const problems =
      encoding === "gbk"
        ? this.sampleProblems.length > 0
          ? this.sampleProblems
          : [{ severity: "info" as const, code: "decoded-gbk", ...where }]
        : [];
    return { binary: false, split, encoding, problems };
  }
}

/**
 * Read a GeoJSON file arriving in chunks into raw features, with the same results and problems as
 * `readGeoJsonRaw` on the whole file (a FeatureCollection is split entry by entry; any other
 * root — one Feature, a bare geometry — is small and read whole).
 *
 * The encoding is told from the first megabyte (a BOM, valid UTF-8, else GBK as `decodeText`
 * decides). A file whose first megabyte is plain ASCII is split as UTF-8; an entry that then is
 * not valid UTF-8 is decoded as GBK, and so is everything after it.
 *
 * @param chunks the file's bytes in order (e.g. `fs.createReadStream(path)`)
 * @param file the file name for messages
 */
export async function readGeoJsonStream(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  opts: ImportOptions,
): Promise<RawFeatureSet> {
  const set: RawFeatureSet = { file, format: "geojson", features: [], fields: [], problems: [] };
  const entries: unknown[] = [];
  const stream = new GeoJsonEntryStream(file, (value) => entries.push(value));
  for await (const chunk of chunks) stream.push(chunk);
  const end = stream.end();
  const header = streamHeader(set, end, stream.notJson, stream.certain);
  if (header.kind === "whole") return readGeoJsonInput(header.bytes, file, opts);
  if (header.kind === "root") readRoot(set, header.root, opts, entries);
  return set;
}

/**
 * What the end of a stream says, in the whole-file reader's order of fatal problems: not text,
 * not a FeatureCollection (`whole`: the small input is to be read whole), empty, not JSON
 * (an entry, the header, or truncated) — each pushed to `set.problems` — else the parsed root
 * (`features` empty) with the encoding set and its problems pushed.
 */
export function streamHeader(
  set: RawFeatureSet,
  end: ReturnType<GeoJsonEntryStream["end"]>,
  notJson: EntryError | undefined,
  certain = true,
): { kind: "fatal" } | { kind: "whole"; bytes: Uint8Array } | { kind: "root"; root: unknown } {
  const where = set.file === "" ? {} : { file: set.file };
  if (end.binary) {
    set.problems.push({ severity: "error", code: "not-text", fatal: true, ...where });
    return { kind: "fatal" };
  }
  const { split, encoding } = end;
  set.problems.push(...end.problems);
  // Not a FeatureCollection: the whole (small) input is the header — read it as a whole file.
  if (!split.foundFeatures) return { kind: "whole", bytes: split.header };
  const headerText = new TextDecoder(encoding).decode(split.header);
  if (headerText.trim() === "") {
    set.problems.push({ severity: "error", code: "empty-file", fatal: true, ...where });
    return { kind: "fatal" };
  }
  const parsedHeader = parseJson(headerText);
  if (!parsedHeader.ok || notJson !== undefined || split.truncated) {
    const params = notJson ?? (parsedHeader.ok ? { truncated: 1 } : parsedHeader.params);
    set.problems.push({ severity: "error", code: "not-json", fatal: true, ...where, params });
    return { kind: "fatal" };
  }
  set.encoding = { used: encoding, how: "detected", certain: encoding === "gbk" || certain };
  return { kind: "root", root: parsedHeader.value };
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
