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
  const where = file === "" ? {} : { file };
  const entries: unknown[] = [];
  let splitter: FeatureSplitter | undefined;
  const enc: { value: StreamEncoding } = { value: "utf-8" };
  let sampleProblems: RawFeatureSet["problems"] = [];
  let sniffed = false;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let firstChunk = true;
  let notJson: Record<string, string | number | null> | undefined;
  let binary = false;
  // told from the first megabyte like the whole-file reader's guess (readers/text.ts)
  let certain = true;

  const onEntry = (bytes: Uint8Array) => {
    const index = entries.length;
    let text: string;
    if (enc.value === "utf-8") {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        enc.value = "gbk";
        text = new TextDecoder("gbk").decode(bytes);
      }
    } else {
      text = new TextDecoder("gbk").decode(bytes);
    }
    const parsed = parseJson(text);
    if (parsed.ok) entries.push(parsed.value);
    else {
      // Named by the reader as an entry that is not a Feature; the file's first syntax error is kept.
      entries.push(null);
      notJson ??= { ...parsed.params, feature: index + 1 };
    }
  };

  const start = (sample: Uint8Array) => {
    sniffed = true;
    if (hasNul(sample)) {
      binary = true;
      return;
    }
    // Cut the sample at its last ASCII byte so a character split by the cut does not count.
    let cut = sample.length;
    while (cut > 0 && (sample[cut - 1] as number) >= 0x80) cut--;
    const decoded = decodeText(sample.subarray(0, cut), file === "" ? undefined : file);
    if (decoded.encoding === "gbk") {
      enc.value = "gbk";
      sampleProblems = decoded.problems;
    } else certain = utf8Certain(sample.subarray(0, cut));
    splitter = new FeatureSplitter(enc.value, onEntry);
  };

  for await (const raw of chunks) {
    let chunk = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer);
    if (firstChunk && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
    }
    firstChunk = false;
    if (binary) continue;
    if (!sniffed) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SNIFF_BYTES) continue;
      const sample = concat(pending, pendingBytes);
      pending = [];
      start(sample);
      if (splitter) splitter.push(sample);
      continue;
    }
    splitter?.push(chunk);
  }
  if (!sniffed) {
    const sample = concat(pending, pendingBytes);
    start(sample);
    splitter?.push(sample);
  }
  if (binary || !splitter) {
    set.problems.push({ severity: "error", code: "not-text", fatal: true, ...where });
    return set;
  }
  const end = splitter.end();
  const encoding = enc.value;
  if (encoding === "gbk") {
    set.problems.push(
      ...(sampleProblems.length > 0
        ? sampleProblems
        : [{ severity: "info" as const, code: "decoded-gbk", ...where }]),
    );
  }
  const headerText = new TextDecoder(encoding).decode(end.header);
  if (!end.foundFeatures) {
    // Not a FeatureCollection: the whole (small) input is the header — read it as a whole file.
    const whole = readGeoJsonInput(end.header, file, opts);
    return whole;
  }
  if (headerText.trim() === "") {
    set.problems.push({ severity: "error", code: "empty-file", fatal: true, ...where });
    return set;
  }
  const parsedHeader = parseJson(headerText);
  if (!parsedHeader.ok || notJson !== undefined || end.truncated) {
    const params = notJson ?? (parsedHeader.ok ? { truncated: 1 } : parsedHeader.params);
    set.problems.push({ severity: "error", code: "not-json", fatal: true, ...where, params });
    return set;
  }
  set.encoding = { used: encoding, how: "detected", certain: encoding === "gbk" || certain };
  readRoot(set, parsedHeader.value, opts, entries);
  return set;
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
