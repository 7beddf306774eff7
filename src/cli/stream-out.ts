/**
 * The command line's output as a Node stream: text pieces (one feature, one CSV row …) gathered
 * into writes of about 1 MB and written to a `Writable` (the `--out` file or stdout) respecting
 * back-pressure — when `write` says the stream's buffer is full, nothing more is written until it
 * drains, so a slow disk or pipe never makes the whole output pile up in memory.
 */
import { createWriteStream, fsyncSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";

/** Bytes gathered before one `write` (one write per feature would cost more than the JSON). */
const WRITE_BYTES = 1 << 20;

/** Text in order: strings, or batches of strings (written one after the other, never joined). */
type Chunks = Iterable<string | readonly string[]> | AsyncIterable<string | readonly string[]>;

/** Resolves when `stream` drains, rejects when it fails first. */
function drained(stream: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", fail);
      resolve();
    };
    const fail = (err: unknown) => {
      stream.off("drain", done);
      stream.off("error", fail);
      reject(err);
    };
    stream.once("drain", done);
    stream.once("error", fail);
  });
}

/**
 * Write `chunks` to `stream` in order, waiting for `drain` whenever `write` returns false. Does
 * not end the stream. `stopped()` true (a reader that closed the pipe) ends the writing quietly.
 *
 * @returns false when writing stopped early (`stopped`)
 */
export async function writeChunks(
  stream: Writable,
  chunks: Chunks,
  stopped: () => boolean = () => false,
): Promise<boolean> {
  // An error between writes (ENOSPC) is kept and thrown at the next write, never left unhandled.
  const failure: { err?: unknown; failed: boolean } = { failed: false };
  const onError = (err: unknown) => {
    if (failure.failed) return;
    failure.failed = true;
    failure.err = err;
  };
  stream.on("error", onError);
  // The text is encoded straight into a buffer of bytes to be written (no joined string, no copy):
  // a character is at most 3 bytes of UTF-8 (a surrogate pair, 2 characters, is 4).
  let buf = Buffer.allocUnsafe(WRITE_BYTES * 4);
  let used = 0;
  const write = async (data: Buffer | string) => {
    if (failure.failed) throw failure.err;
    if (!stream.write(data)) await drained(stream);
    if (failure.failed) throw failure.err;
  };
  const flush = async () => {
    if (failure.failed) throw failure.err;
    if (used === 0) return;
    const full = buf.subarray(0, used);
    // the stream holds the bytes until written: the next ones go to a new buffer
    buf = Buffer.allocUnsafe(buf.length);
    used = 0;
    await write(full);
  };
  /** Encode `text` into the buffer when it surely fits and the buffer is not full: done. */
  const put = (text: string): boolean => {
    if (used >= WRITE_BYTES || used + text.length * 3 > buf.length) return false;
    used += buf.write(text, used, "utf8");
    return true;
  };
  const add = async (text: string) => {
    if (put(text)) return;
    await flush();
    if (!put(text)) await write(text); // longer than a buffer: as it is
  };
  try {
    for await (const chunk of chunks) {
      if (stopped()) return false;
      if (typeof chunk === "string") await add(chunk);
      else for (const piece of chunk) if (!put(piece)) await add(piece);
    }
    if (stopped()) return false;
    await flush();
    return true;
  } finally {
    stream.off("error", onError);
  }
}

/** End `stream` and wait until it is finished, rejecting on error. */
async function finish(stream: Writable): Promise<void> {
  stream.end();
  await finished(stream);
}

/**
 * Write `chunks` to a file as a stream, with `writeFileChunks`' rules: a regular (or new) file is
 * written to a temporary file beside it and renamed over it only once complete (a failure leaves
 * no half-written file and the previous one intact); a device or pipe is written directly; a
 * directory is refused (`EISDIR`). Rejects with the system error (its `code` worded by the caller).
 */
export async function writeFileStream(path: string, chunks: Chunks): Promise<void> {
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(path);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (target && !target.isFile()) {
    const stream = createWriteStream(path, { flags: "w" });
    await opened(stream);
    await writeChunks(stream, chunks);
    await finish(stream);
    return;
  }
  const real = target ? realpathSync(path) : path;
  const tmp = join(dirname(real), `.${basename(real)}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp, { flags: "wx" });
  try {
    await opened(stream);
    await writeChunks(stream, chunks);
    const fd = (stream as unknown as { fd: number }).fd;
    fsyncSync(fd);
    await finish(stream);
    renameSync(tmp, real);
  } catch (err) {
    stream.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Resolves when the file stream has its descriptor, rejects when opening fails. */
function opened(stream: ReturnType<typeof createWriteStream>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once("open", () => {
      stream.off("error", reject);
      resolve();
    });
    stream.once("error", reject);
  });
}

/**
 * Write `chunks` to stdout respecting back-pressure and wait until they are flushed. A reader that
 * stops early (`| head`) closes the pipe: writing stops quietly, that is not worth a message.
 */
export async function writeStdoutStream(chunks: Chunks): Promise<void> {
  let closed = false;
  const onError = () => {
    closed = true;
  };
  process.stdout.on("error", onError);
  try {
    const ok = await writeChunks(process.stdout, chunks, () => closed).catch(() => false);
    if (ok && !closed) await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  } finally {
    process.stdout.off("error", onError);
  }
}
