import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // The sample data in geodata/ is served as static files by the app (see src/ui data loading).
  publicDir: "public",
  worker: { format: "es" },
  // The start-up chunk is maplibre-gl (~1 MB), react-dom and proj4 (~0.3 MB) and the app's first
  // map; workspaces, import, meeting, print and Shapefile export load with their first use. A warning
  // past 1,900 kB says something heavy was imported statically again.
  build: { target: "es2022", chunkSizeWarningLimit: 1900 },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
    environment: "node",
    testTimeout: 20000,
  },
});
