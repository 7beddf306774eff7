/** The print font for the command line: the same WOFF the browser uses, read from node_modules. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { FONT_MODULE_PATH, woffToSfnt } from "../io/pdf/font";

let cached: Promise<Uint8Array> | undefined;

export function loadPrintFont(): Promise<Uint8Array> {
  cached ??= (async () => {
    const path = createRequire(import.meta.url).resolve(FONT_MODULE_PATH);
    return woffToSfnt(new Uint8Array(readFileSync(path)), (d) => new Uint8Array(inflateSync(d)));
  })();
  return cached;
}
