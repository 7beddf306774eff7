/**
 * Imports flow one way (DEVELOPERS.md "Architecture"). This test reads every source file and
 * fails when a module imports across a boundary it must not cross, or when the pure domain
 * touches the DOM.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../src");
type Layer = "domain" | "io" | "i18n" | "cli" | "worker" | "state" | "map" | "ui" | "root";

/** Which internal layers each layer may import. */
const ALLOWED: Record<Layer, Layer[]> = {
  domain: ["domain"],
  io: ["domain", "io"],
  i18n: ["domain", "io", "i18n"],
  cli: ["domain", "io", "i18n", "cli"],
  worker: ["domain", "io", "worker"],
  state: ["domain", "io", "i18n", "worker", "state"],
  map: ["domain", "i18n", "state", "map"],
  ui: ["domain", "io", "i18n", "state", "map", "ui"],
  root: ["domain", "io", "i18n", "state", "map", "ui", "worker"],
};
/** Packages each layer must never import. */
const FORBIDDEN_PKGS: Record<Layer, RegExp[]> = {
  domain: [/^react/, /^maplibre-gl/, /^zustand/, /^@tanstack\//],
  io: [/^react/, /^maplibre-gl/, /^zustand/],
  i18n: [/^react/, /^maplibre-gl/, /^zustand/],
  cli: [/^react/, /^maplibre-gl/, /^zustand/],
  worker: [/^react/, /^maplibre-gl/, /^zustand/],
  state: [/^react-dom/, /^maplibre-gl/],
  map: [/^react/],
  ui: [/^maplibre-gl/],
  root: [],
};
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|HTMLElement|requestAnimationFrame)\b/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
function layerOf(file: string): Layer {
  const top = relative(SRC, file).split(/[\\/]/)[0] ?? "";
  return (top in ALLOWED ? top : "root") as Layer;
}
function importsOf(code: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}
/** Strip comments so JSDoc that mentions `document` does not count. */
const stripComments = (code: string) =>
  code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

function violations(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const layer = layerOf(file);
    const code = stripComments(readFileSync(file, "utf8"));
    for (const spec of importsOf(code)) {
      if (spec.startsWith(".")) {
        const target = layerOf(resolve(dirname(file), spec));
        if (!ALLOWED[layer].includes(target))
          out.push(`${relative(SRC, file)} (${layer}) imports ${spec} (${target})`);
      } else if (FORBIDDEN_PKGS[layer].some((re) => re.test(spec))) {
        out.push(`${relative(SRC, file)} (${layer}) imports package ${spec}`);
      }
    }
    if (layer === "domain" && DOM_GLOBALS.test(code))
      out.push(`${relative(SRC, file)} (domain) uses a DOM global`);
  }
  return out;
}

describe("architecture", () => {
  it("every module imports only the layers it may", () => {
    expect(violations(walk(SRC))).toEqual([]);
  });
  it("the checker itself catches a forbidden import (guards against a checker that passes everything)", () => {
    const tmp = join(SRC, "domain", "__probe__.ts");
    // Simulate without writing: run the checks on a fake file path and text.
    const code =
      'import * as maplibregl from "maplibre-gl";\nimport { x } from "../state/store";\nconst w = window;';
    const layer = layerOf(tmp);
    expect(layer).toBe("domain");
    expect(importsOf(code)).toEqual(["maplibre-gl", "../state/store"]);
    expect(FORBIDDEN_PKGS.domain.some((re) => re.test("maplibre-gl"))).toBe(true);
    expect(ALLOWED.domain.includes(layerOf(resolve(dirname(tmp), "../state/store")))).toBe(false);
    expect(DOM_GLOBALS.test(stripComments(code))).toBe(true);
  });
});
