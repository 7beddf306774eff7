import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // The sample data in geodata/ is served as static files by the app (see src/ui data loading).
  publicDir: "public",
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 2000 },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
    environment: "node",
    testTimeout: 20000,
  },
});
