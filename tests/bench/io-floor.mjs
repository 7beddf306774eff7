/**
 * The I/O floor of the scale benchmark (tests/bench/scale.bench.ts): the least any analyser of a
 * GeoJSON file must do, as its own node process — read the input, parse every feature, and write
 * an output of a given size whose bytes are all serialised JSON. Plain JavaScript so that it
 * starts as fast as the built CLI (no TypeScript loader).
 *
 *   node tests/bench/io-floor.mjs <in.geojson> <out> <output bytes>
 *
 * Streaming and bounded in memory: the input is read 4 MB at a time, decoded as UTF-8, and split
 * into lines; each feature line (the generator writes one feature per line, as
 * geodata/parcels.geojson is written) is parsed with JSON.parse. Per chunk the parsed features
 * are written back with JSON.stringify, and stringified again (or cut) until the output has
 * grown in proportion to the input read, so that it ends exactly at the size asked for.
 * Prints the number of features parsed (the bench checks it).
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";

const [input, output, sizeArg] = process.argv.slice(2);
if (!input || !output || !sizeArg) {
  process.stderr.write("usage: node io-floor.mjs <in.geojson> <out> <output bytes>\n");
  process.exit(2);
}
const targetBytes = Number(sizeArg);
const CHUNK = 4 * 1024 * 1024;

const inFd = openSync(input, "r");
const inSize = fstatSync(inFd).size;
const outFd = openSync(output, "w");
const buf = Buffer.allocUnsafe(CHUNK);
const decoder = new TextDecoder("utf-8");
let carry = "";
let consumed = 0;
let written = 0;
let features = 0;

/** Write the chunk's features serialised, then more or less of them so the output keeps pace with the input. */
function writeFeatures(parsed, goal) {
  if (parsed.length === 0) return;
  let pass = 0;
  while (written < goal) {
    const text = parsed.map((f) => JSON.stringify(f)).join(",\n");
    let bytes = Buffer.from(pass === 0 ? `${text},\n` : text, "utf8");
    if (written + bytes.length > goal) bytes = bytes.subarray(0, goal - written);
    writeSync(outFd, bytes);
    written += bytes.length;
    pass++;
  }
}

function parseLines(lines) {
  const parsed = [];
  for (const raw of lines) {
    const line = raw.endsWith(",") ? raw.slice(0, -1) : raw;
    if (!line.startsWith('{"type":"Feature"')) continue;
    parsed.push(JSON.parse(line));
  }
  features += parsed.length;
  return parsed;
}

for (;;) {
  const n = readSync(inFd, buf, 0, CHUNK, null);
  if (n === 0) break;
  consumed += n;
  const lines = (carry + decoder.decode(buf.subarray(0, n), { stream: true })).split("\n");
  carry = lines.pop() ?? "";
  const goal = Math.floor((targetBytes * consumed) / inSize);
  writeFeatures(parseLines(lines), goal);
}
const last = parseLines([carry + decoder.decode()]);
writeFeatures(last.length ? last : [{}], targetBytes);
closeSync(inFd);
closeSync(outFd);
process.stdout.write(`${features}\n`);
