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
 * the top-level `features` array (its bytes — possibly a view of the chunk pushed, to be used
 * before `onEntry` returns, not kept) in file order.
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
    /** An entry longer than this throws `EntryTooLargeError` before it is held (default: no limit). */
    private readonly maxEntryBytes = Number.POSITIVE_INFINITY,
    /**
     * Offered an object entry that seems to end with its line (see `lineEntry`): takes it and says
     * true when the bytes are one JSON object — then they are the entry, unscanned — else false
     * (and nothing of it is kept), and the entry is scanned as any other.
     */
    private readonly tryLine?: (bytes: Uint8Array) => boolean,
  ) {}

  /** Entries offered whole to `tryLine` while it takes them; off at its first refusal. */
  private linesOk = true;

  /**
   * The end of an object entry starting at `start` if it is one per line (how GeoJSON is most
   * often written, one feature per line): the last `}` before the next line feed in this chunk,
   * with only a comma or spaces after it, else -1. Whether the bytes up to it are one object is
   * for `tryLine` (JSON.parse) to say: a raw line feed cannot be inside a JSON string, and the
   * last `}` of one valid object is the brace that closes its first.
   */
  private lineEntry(chunk: Uint8Array, start: number): number {
    const nl = chunk.indexOf(0x0a, start);
    if (nl < 0) return -1;
    let e = nl - 1;
    while (e > start && isSpace(chunk[e] as number)) e--;
    if (chunk[e] === COMMA) e--;
    if (chunk[e] !== RBRACE || e + 1 - start > this.maxEntryBytes) return -1;
    return e + 1;
  }

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    // Start of the run of bytes that goes to the header (outside the features array) or to the
    // open entry; flushed at each switch and at the chunk's end.
    let runStart = 0;
    const flush = (to: number) => {
      if (this.entryOpen && this.entry.length + (to - runStart) > this.maxEntryBytes)
        throw new EntryTooLargeError(this.count);
      if (this.entryOpen) this.entry.push(chunk, runStart, to);
      else if (!this.inFeatures) this.header.push(chunk, runStart, to);
      runStart = to;
    };
    for (let i = 0; i < n; i++) {
      if (this.entryOpen && !this.scalarEntry) {
        // Inside an object or array entry (most of the bytes): only strings and brackets matter.
        const end = this.scanEntry(chunk, i);
        if (end < 0) break;
        this.completeEntry(chunk, runStart, end);
        runStart = end;
        i = end - 1;
        continue;
      }
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
        if (b === LBRACE && this.tryLine && this.linesOk) {
          const end = this.lineEntry(chunk, i);
          if (end > 0) {
            if (this.tryLine(chunk.subarray(i, end))) {
              this.count++;
              runStart = end;
              i = end - 1;
              continue;
            }
            this.linesOk = false;
          }
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

  /**
   * Scan an object or array entry from `from` (its opening bracket already counted): the index
   * just after its closing bracket, or -1 when the chunk ends first. The scanner's state is kept
   * in locals here and written back, for speed: this loop reads nearly every byte of the file.
   */
  private scanEntry(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    const gbk = this.encoding === "gbk";
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escape;
    let trail = this.gbkTrail;
    let end = -1;
    for (let i = from; i < n; i++) {
      const b = chunk[i] as number;
      if (inString) {
        if (trail) trail = false;
        else if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        else if (gbk && b >= 0x81 && b <= 0xfe) trail = true;
      } else if (b === QUOTE) inString = true;
      else if (b === LBRACE || b === LBRACKET) depth++;
      else if (b === RBRACE || b === RBRACKET) {
        depth--;
        if (depth === 2) {
          end = i + 1;
          break;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escape = escaped;
    this.gbkTrail = trail;
    return end;
  }

  /** The open entry ends at `end` of `chunk` (its bytes in this chunk from `start`): hand it on. */
  private completeEntry(chunk: Uint8Array, start: number, end: number): void {
    if (this.entry.length + (end - start) > this.maxEntryBytes) throw new EntryTooLargeError(this.count);
    this.entryOpen = false;
    this.scalarEntry = false;
    this.count++;
    if (this.entry.length === 0) {
      // the whole entry is in this chunk: handed on as a view of it, not copied
      this.onEntry(chunk.subarray(start, end));
      return;
    }
    this.entry.push(chunk, start, end);
    this.onEntry(this.entry.take());
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

/** One entry of the features array is longer than the splitter was allowed to hold. */
export class EntryTooLargeError extends RangeError {
  constructor(readonly index: number) {
    super(`feature ${index + 1} is too large`);
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

  /**
   * The whole file's UTF-8 validity (auto mode), for `wholeFileEncoding`: scanned when the stream
   * is made with `scanUtf8`, or once the first megabyte is told GBK; else not (`utf8Skipped`),
   * since an entry decoded as UTF-8 is proven valid UTF-8 — a file whose every entry and header
   * are needs no scan, and any other is read again with `scanUtf8`.
   */
  readonly utf8 = new Utf8Scanner();
  /** The bytes were not all given to `utf8`. */
  utf8Skipped = false;
  private scanning: boolean;
  /** The chunks as pushed (with their BOM) until the sniff decides whether to scan them. */
  private unscanned: Uint8Array[] = [];
  /** An entry with non-ASCII bytes was decoded as UTF-8 / as GBK. */
  usedUtf8NonAscii = false;
  usedGbkNonAscii = false;
  /** Characters and implausible characters of the entries' text (for the GBK check). */
  chars = 0;
  badChars = 0;
  /** Bytes after the BOM, and of the entries. */
  totalBytes = 0;
  entryBytes = 0;

  constructor(
    private readonly file: string,
    private readonly onEntry: (value: unknown, index: number) => void,
    /** Decode every entry so (the whole-file reader's decision), instead of telling from the start. */
    private readonly forced?: ForcedEncoding,
    /** Refuse (`EntryTooLargeError`) an entry longer than this, before holding it. */
    private readonly maxEntryBytes = Number.POSITIVE_INFINITY,
    /** Scan every byte for UTF-8 validity (see `utf8`), whatever the first megabyte says. */
    scanUtf8 = false,
  ) {
    this.scanning = scanUtf8;
  }

  /** Decoders made once (one per entry would cost more than the decoding). */
  private readonly decoders: { forced?: TextDecoder; utf8?: TextDecoder; gbk?: TextDecoder } = {};

  private decode(bytes: Uint8Array): string {
    const forced = this.forced;
    const d = this.decoders;
    if (forced) {
      d.forced ??= new TextDecoder(forced.encoding);
      return d.forced.decode(bytes);
    }
    if (this.enc.value === "utf-8") {
      try {
        d.utf8 ??= new TextDecoder("utf-8", { fatal: true });
        const text = d.utf8.decode(bytes);
        // valid UTF-8 is ASCII exactly when it has as many characters as bytes
        if (text.length !== bytes.length) this.usedUtf8NonAscii = true;
        return text;
      } catch {
        this.enc.value = "gbk";
      }
    }
    if (!this.usedGbkNonAscii && !isAscii(bytes)) this.usedGbkNonAscii = true;
    d.gbk ??= new TextDecoder("gbk");
    return d.gbk.decode(bytes);
  }

  /**
   * `entry` for bytes that may be one feature (`FeatureSplitter`'s `tryLine`): taken, with the
   * same bookkeeping, only when they decode without changing the reading and parse; else false
   * and nothing recorded, so that the splitter's own entry gives `entry` the same case.
   */
  private line = (bytes: Uint8Array): boolean => {
    const d = this.decoders;
    let text: string;
    let utf8NonAscii = false;
    if (this.forced) {
      d.forced ??= new TextDecoder(this.forced.encoding);
      text = d.forced.decode(bytes);
    } else if (this.enc.value === "utf-8") {
      try {
        d.utf8 ??= new TextDecoder("utf-8", { fatal: true });
        text = d.utf8.decode(bytes);
      } catch {
        return false;
      }
      utf8NonAscii = text.length !== bytes.length;
    } else {
      d.gbk ??= new TextDecoder("gbk");
      text = d.gbk.decode(bytes);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    if (utf8NonAscii) this.usedUtf8NonAscii = true;
    if (!this.forced && this.enc.value === "gbk" && !this.usedGbkNonAscii && !isAscii(bytes))
      this.usedGbkNonAscii = true;
    const index = this.index++;
    this.entryBytes += bytes.length;
    this.chars += text.length;
    if (this.forced || this.enc.value === "gbk" || !this.usedUtf8NonAscii)
      this.badChars += implausibleCharCount(text);
    this.onEntry(value, index);
    return true;
  };

  private entry = (bytes: Uint8Array) => {
    const index = this.index++;
    const text = this.decode(bytes);
    this.entryBytes += bytes.length;
    this.chars += text.length;
    // Only `gbkImplausible` reads `badChars`, and only for a stream forced to GBK or read as GBK
    // with no non-ASCII entry decoded as UTF-8: the characters of other entries need no count.
    if (this.forced || this.enc.value === "gbk" || !this.usedUtf8NonAscii)
      this.badChars += implausibleCharCount(text);
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
    if (!this.forced?.option && hasNul(sample)) {
      this.binary = true;
      this.unscanned = [];
      return;
    }
    // Cut the sample at its last ASCII byte so a character split by the cut does not count.
    let cut = sample.length;
    while (cut > 0 && (sample[cut - 1] as number) >= 0x80) cut--;
    if (this.forced) {
      this.unscanned = [];
      this.enc.value = this.forced.encoding;
      this.splitter = new FeatureSplitter(this.enc.value, this.entry, this.maxEntryBytes, this.line);
      return;
    }
    const decoded = decodeText(sample.subarray(0, cut), this.file === "" ? undefined : this.file);
    if (decoded.encoding === "gbk") {
      this.enc.value = "gbk";
      this.sampleProblems = decoded.problems;
      this.scanning = true;
    } else this.certain = utf8Certain(sample.subarray(0, cut));
    if (this.scanning) for (const c of this.unscanned) this.utf8.push(c);
    else this.utf8Skipped = true;
    this.unscanned = [];
    this.splitter = new FeatureSplitter(this.enc.value, this.entry, this.maxEntryBytes, this.line);
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
    if (!this.forced) {
      if (!this.sniffed) this.unscanned.push(chunk);
      else if (this.scanning) this.utf8.push(chunk);
    }
    if (this.firstChunk && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
    }
    this.firstChunk = false;
    this.totalBytes += chunk.length;
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
    const problems = this.forced
      ? this.forced.problems
      : encoding === "gbk"
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
  const forced = optionEncoding(opts);
  const stream = new GeoJsonEntryStream(file, (value) => entries.push(value), forced);
  for await (const chunk of chunks) stream.push(chunk);
  const end = stream.end();
  const header = streamHeader(set, end, stream.notJson, stream.certain, forced !== undefined);
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
  /** The encoding was the user's choice (`ForcedEncoding.option`). */
  option = false,
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
  set.encoding = option
    ? { used: encoding, how: "option", certain: true }
    : { used: encoding, how: "detected", certain: encoding === "gbk" || certain };
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

/** The whole-file reader's decision, imposed on a second reading of the stream. */
export interface ForcedEncoding {
  /** `utf-8` decodes leniently (a stray invalid byte becomes U+FFFD, as the whole-file reader does). */
  encoding: StreamEncoding;
  /** The problems the whole-file reader gives for this decision (`invalid-utf8`, `decoded-gbk`). */
  problems: RawFeatureSet["problems"];
  /**
   * The user's choice (`--encoding`), not a decision on the bytes: decoded so whatever they are,
   * as the whole-file reader decodes with `ImportOptions.encoding` (no not-text check).
   */
  option?: true;
}

/** The stream's forced encoding for `ImportOptions.encoding`, if set. */
export function optionEncoding(opts: { encoding?: StreamEncoding }): ForcedEncoding | undefined {
  return opts.encoding ? { encoding: opts.encoding, problems: [], option: true } : undefined;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** Characters a real GBK text does not hold (`decodeText`'s rule): U+FFFD, private use, controls. */
export function implausibleCharCount(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad;
}

/** `decode.ts`'s limits: invalid UTF-8 sequences per valid multi-byte one, implausible GBK share. */
const UTF8_ERROR_RATIO = 4;
const MAX_REPLACEMENT_SHARE = 0.001;

/**
 * `scanUtf8` of `decode.ts` over bytes arriving in chunks: the same counts, first offset and line
 * as on the whole file (tested), carrying a multi-byte sequence cut by a chunk's end to the next.
 */
export class Utf8Scanner {
  valid = 0;
  invalid = 0;
  firstOffset = -1;
  firstLine = 0;
  private line = 1;
  private runEnd = -1;
  /** File offset of `carry[0]`, and the bytes of a sequence cut at the last chunk's end. */
  private offset = 0;
  private carry: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const used = this.scan(bytes, false);
    this.carry = bytes.slice(used);
    this.offset += used;
  }

  end(): void {
    if (this.carry.length > 0) this.scan(this.carry, true);
    this.carry = new Uint8Array(0);
  }

  /** Scan `bytes` (at file offset `this.offset`); returns how many were used (the rest is carried). */
  private scan(bytes: Uint8Array, last: boolean): number {
    const n = bytes.length;
    const base = this.offset;
    let i = 0;
    while (i < n) {
      const b = bytes[i] as number;
      if (b < 0x80) {
        if (b === 0x0a) this.line++;
        i++;
        continue;
      }
      let len = 0;
      let lo = 0x80;
      let hi = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) len = 2;
      else if (b >= 0xe0 && b <= 0xef) {
        len = 3;
        if (b === 0xe0) lo = 0xa0;
        if (b === 0xed) hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        len = 4;
        if (b === 0xf0) lo = 0x90;
        if (b === 0xf4) hi = 0x8f;
      }
      let k = 1;
      if (len > 0) {
        for (; k < len && i + k < n; k++) {
          const c = bytes[i + k] as number;
          if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) break;
        }
        // cut by the chunk's end, valid so far: decided with the next chunk
        if (k < len && i + k === n && !last) return i;
      }
      if (len > 0 && k === len) {
        this.valid++;
        i += len;
        continue;
      }
      if (base + i !== this.runEnd) this.invalid++;
      if (this.firstOffset < 0) {
        this.firstOffset = base + i;
        this.firstLine = this.line;
      }
      i += Math.max(1, len > 0 ? k : 1);
      this.runEnd = base + i;
    }
    return n;
  }
}

/**
 * The encoding the whole-file reader (`decodeText`) would choose for the file an auto-mode stream
 * just read, and whether that stream decoded every entry so: `same` true when its entries stand,
 * else read again with `forced`. `not-text` when neither UTF-8 nor a plausible GBK.
 */
export function wholeFileEncoding(
  stream: GeoJsonEntryStream,
  headerChars: number,
  headerBadChars: number,
  header: Uint8Array,
  file: string,
): { rescan: true } | { notText: true } | { notText: false; forced: ForcedEncoding; same: boolean } {
  const where = file === "" ? {} : { file };
  const headerBytes = header.length;
  if (stream.utf8Skipped) {
    // Not scanned: every entry was decoded as valid UTF-8; so is the file if its header is (the
    // bytes between entries are ASCII). Anything else needs the scan: read again with it.
    if (stream.encoding === "utf-8" && validUtf8(header))
      return { notText: false, forced: { encoding: "utf-8", problems: [] }, same: true };
    return { rescan: true };
  }
  const u = stream.utf8;
  u.end();
  if (u.invalid === 0 && stream.encoding === "utf-8") {
    return { notText: false, forced: { encoding: "utf-8", problems: [] }, same: true };
  }
  if (u.invalid === 0) {
    // valid UTF-8 that the start of the stream took for GBK
    return { notText: false, forced: { encoding: "utf-8", problems: [] }, same: false };
  }
  if (u.valid > 0 && u.invalid * UTF8_ERROR_RATIO <= u.valid) {
    const params = { offset: u.firstOffset, line: u.firstLine, count: u.invalid };
    const problems = [{ severity: "warning" as const, code: "invalid-utf8", ...where, params }];
    return { notText: false, forced: { encoding: "utf-8", problems }, same: false };
  }
  const problems = [{ severity: "info" as const, code: "decoded-gbk", ...where }];
  const same = !stream.usedUtf8NonAscii && stream.encoding === "gbk";
  if (same && gbkImplausible(stream, headerChars, headerBadChars, headerBytes)) return { notText: true };
  return { notText: false, forced: { encoding: "gbk", problems }, same };
}

/** Too many characters a GBK text does not hold (`decodeText`'s not-text rule), in a stream read as GBK. */
export function gbkImplausible(
  stream: GeoJsonEntryStream,
  headerChars: number,
  headerBadChars: number,
  headerBytes: number,
): boolean {
  // the text between the entries is ASCII whitespace and commas: as many characters as bytes
  const length = stream.chars + headerChars + (stream.totalBytes - stream.entryBytes - headerBytes);
  return stream.badChars + headerBadChars > Math.max(0, length * MAX_REPLACEMENT_SHARE);
}
