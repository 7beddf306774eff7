/** Writing the command line's output files so that a failure never leaves half a file. */
import {
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Write chunks (text as UTF-8, or bytes) to a file, without holding the whole text. A regular file (or a new one)
 * is written to a temporary file beside it and renamed over it only once complete, so a failure
 * half-way (disk full, a bug) leaves the previous file as it was and no truncated output. A
 * device or pipe (`/dev/stdout`, a FIFO) is written directly: it cannot be renamed over.
 */
export function writeFileChunks(path: string, chunks: Iterable<string | Uint8Array>): void {
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(path);
  } catch {
    target = undefined; // does not exist yet (or unreachable: opening the temporary file says why)
  }
  if (target?.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (target && !target.isFile()) {
    const fd = openSync(path, "w");
    try {
      for (const chunk of chunks) writeChunk(fd, chunk);
    } finally {
      closeSync(fd);
    }
    return;
  }
  // through a symbolic link: replace the file it points to, not the link
  const real = target ? realpathSync(path) : path;
  const tmp = join(dirname(real), `.${basename(real)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx");
    for (const chunk of chunks) writeChunk(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, real);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

function writeChunk(fd: number, chunk: string | Uint8Array): void {
  if (typeof chunk === "string") {
    writeSync(fd, chunk);
    return;
  }
  for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
}
