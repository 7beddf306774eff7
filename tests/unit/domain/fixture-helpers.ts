/**
 * Fixture helpers for the analysis core tests, Turf style: every `tests/fixtures/domain/<area>/<case>/in.json`
 * is analysed and compared with the `out.json` next to it.
 *
 * in.json: `{ description, asOf, standards?, crs?, parcels: [{ input, areaM2? , geometry? }] }`
 * - `standards` is deep-merged over `tests/fixtures/domain/standards.json` (a `null` deletes a key);
 * - a parcel with `geometry` gets its area from it: projected coordinates (`crs`, default
 *   EPSG:4546) directly, lon/lat (`crs: "EPSG:4326"`) after projecting to the analysis CRS;
 *   a parcel with `areaM2` only gets a placeholder geometry.
 *
 * `UPDATE_FIXTURES=1 npx vitest run tests/unit/domain` rewrites every out.json for review —
 * review them by hand against domain.md before committing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { MultiPolygon, Polygon } from "geojson";
import { planarAreaM2, transformGeometry } from "../../../src/domain/area";
import { isGeographic, makeTransform, resolveCrs } from "../../../src/domain/crs";
import type { AnalysisResult, ParcelInput, PreparedParcel, Standards } from "../../../src/domain/types";

export const ROOT = resolve(__dirname, "../../fixtures/domain");

interface FixtureParcel {
  input: ParcelInput;
  areaM2?: number;
  geometry?: Polygon | MultiPolygon;
}
interface FixtureIn {
  description: string;
  asOf: string;
  standards?: Record<string, unknown>;
  crs?: string;
  parcels: FixtureParcel[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Deep merge: objects merge, anything else replaces, `null` deletes. */
function merge(base: Json, over: Json): Json {
  if (over === null || typeof over !== "object" || Array.isArray(over)) return over;
  if (base === null || typeof base !== "object" || Array.isArray(base)) base = {};
  const out: { [k: string]: Json } = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k] ?? null, v);
  }
  return out;
}

const PLACEHOLDER: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [109.8, 30.6],
      [109.801, 30.6],
      [109.801, 30.601],
      [109.8, 30.6],
    ],
  ],
};

/** Load a fixture's parcels and options (exported for the explicit tests). */
export function loadFixture(dir: string): { parcels: PreparedParcel[]; standards: Standards; asOf: string } {
  const fin = JSON.parse(readFileSync(join(dir, "in.json"), "utf8")) as FixtureIn;
  const base = JSON.parse(readFileSync(join(ROOT, "standards.json"), "utf8")) as Json;
  const standards = merge(base, (fin.standards ?? {}) as Json) as unknown as Standards;
  const crs = fin.crs ?? standards.analysisCrs;
  const resolved = resolveCrs(crs);
  if (!resolved.ok) throw new Error(`${dir}: bad crs ${crs}`);
  const parcels = fin.parcels.map((p): PreparedParcel => {
    if (p.geometry) {
      const projected = isGeographic(resolved.proj4)
        ? transformGeometry(p.geometry, makeTransform(crs, standards.analysisCrs))
        : p.geometry;
      const lonlat = isGeographic(resolved.proj4)
        ? p.geometry
        : transformGeometry(p.geometry, makeTransform(crs, "EPSG:4326"));
      return { input: p.input, geometry: lonlat, areaM2: planarAreaM2(projected), extra: {} };
    }
    if (p.areaM2 === undefined)
      throw new Error(`${dir}: parcel ${p.input.id} has neither areaM2 nor geometry`);
    return { input: p.input, geometry: PLACEHOLDER, areaM2: p.areaM2, extra: {} };
  });
  return { parcels, standards, asOf: fin.asOf };
}

/** Round numbers to 12 significant digits so outputs compare across platforms. */
function roundDeep(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? Number(v.toPrecision(12)) : v;
  if (Array.isArray(v)) return v.map(roundDeep);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]));
  return v;
}

/** The reviewable part of a result: everything computed, without inputs and geometry. */
export function projectResult(r: AnalysisResult): unknown {
  return roundDeep({
    parcels: r.parcels.map((p) => ({
      id: p.input.id,
      computed: p.computed,
      checks: p.checks,
      idleReasons: p.idleReasons,
      efficiencyReasons: p.efficiencyReasons,
      nullReasons: p.nullReasons,
    })),
    summary: r.summary,
    summaryByZone: r.summaryByZone,
  });
}

/** JSON with short objects/arrays kept on one line, so out.json reads like a table. */
export function pretty(v: unknown, indent = ""): string {
  const flat = JSON.stringify(v);
  if (flat === undefined) return "null";
  if (flat.length + indent.length <= 110 || v === null || typeof v !== "object") return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + pretty(x, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(",\n")}\n${indent}}`;
}

export function fixtureDirs(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(ROOT)) {
    const a = join(ROOT, area);
    if (!statSync(a).isDirectory()) continue;
    for (const c of readdirSync(a)) if (existsSync(join(a, c, "in.json"))) out.push(join(area, c));
  }
  return out.sort();
}
