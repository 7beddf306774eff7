/**
 * `npm run generate:sample [-- --out <dir>]`: regenerate the synthetic sample data (default
 * `geodata/`) from its fixed seed. Byte-identical output on every run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSample, SAMPLE_FILES, SAMPLE_SEED } from "./sample/generate";

function main(argv: string[]): number {
  const i = argv.indexOf("--out");
  const out = i >= 0 ? argv[i + 1] : resolve(fileURLToPath(import.meta.url), "../../../geodata");
  if (!out) {
    process.stderr.write("用法 usage: npm run generate:sample [-- --out <dir>]\n");
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const { files, parcels } = generateSample(SAMPLE_SEED);
  for (const name of SAMPLE_FILES) writeFileSync(join(out, name), files[name], "utf8");
  process.stdout.write(
    `seed ${SAMPLE_SEED}: ${parcels.length} parcels, ${SAMPLE_FILES.length} files written to ${out}\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`生成失败 generation failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
