/**
 * Bundles the command line (src/cli/main.ts) into build/cli/, so `npx jiyue …` and
 * `npm run cli -- …` start on plain node without compiling TypeScript at every start.
 * Each command is its own chunk (the dynamic imports of main.ts), so `--help` loads almost
 * nothing. The chunks sit directly in build/cli/: the commands find geodata/ two levels up, as
 * they do from src/cli/. Runs at `npm ci` (the `prepare` script) and `npm run build:cli`.
 */
import { chmodSync, rmSync } from "node:fs";
import { build } from "esbuild";

// A fresh directory: chunk names carry a hash, so an earlier build's chunks would stay beside these.
rmSync("build/cli", { recursive: true, force: true });

await build({
  entryPoints: { jiyue: "src/cli/main.ts" },
  outdir: "build/cli",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  chunkNames: "[name]-[hash]",
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
});

// The bin must be executable for `npx jiyue` (npm links it as it is).
chmodSync("build/cli/jiyue.mjs", 0o755);
