/**
 * Vite config for the browser benchmark: the app's config plus the bench pages, built into a
 * cache directory and served with `vite preview`, so measurements use the production bundle and
 * are not disturbed by dev-server reloads while files change.
 */
import { mergeConfig } from "vite";
import base from "../../vite.config";

export const BENCH_OUT_DIR = "node_modules/.cache/jiyue-bench";

export default mergeConfig(base, {
  logLevel: "warn",
  build: {
    outDir: BENCH_OUT_DIR,
    emptyOutDir: true,
    // Profiling (`BENCH_PROFILE`): keep function names so the long tasks can be named.
    ...(process.env.BENCH_PROFILE ? { minify: false } : {}),
    rollupOptions: {
      input: { main: "index.html", bare: "tests/bench/bare.html", map: "tests/bench/map.html" },
    },
  },
});
