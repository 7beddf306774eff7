/**
 * Start and stop the Vite dev server for the browser benchmark and checks: a free loopback port,
 * `node_modules/.bin/vite` spawned directly (so the PID we stop is the server), ready when it
 * answers HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ViteServer {
  url: string;
  stop(): Promise<void>;
}

const BENCH_CONFIG = "tests/bench/vite.bench.config.ts";

/** Production build of the app and the bench pages (for `mode: "preview"`). */
export function buildForBench(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/vite", ["build", "--config", BENCH_CONFIG], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout?.on("data", (d) => {
      log += String(d);
    });
    child.stderr?.on("data", (d) => {
      log += String(d);
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed:\n${log}`))));
  });
}

/**
 * Start Vite on a free loopback port: `dev` (the dev server, pages compiled on demand) or
 * `preview` (serves what `buildForBench` built).
 */
export async function startVite(mode: "dev" | "preview" = "dev", timeoutMs = 60_000): Promise<ViteServer> {
  const port = await freePort();
  const common = ["--host", "127.0.0.1", "--port", String(port), "--strictPort"];
  const args =
    mode === "dev" ? [...common, "--clearScreen", "false"] : ["preview", ...common, "--config", BENCH_CONFIG];
  const child: ChildProcess = spawn("node_modules/.bin/vite", args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, BROWSER: "none" },
  });
  let log = "";
  child.stdout?.on("data", (d) => {
    log += String(d);
  });
  child.stderr?.on("data", (d) => {
    log += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(url);
      if (r.ok || r.status === 404) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGTERM");
      throw new Error(`vite did not start within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => {
          if (child.exitCode === null) child.kill("SIGKILL");
        }, 3000).unref();
      }),
  };
}
