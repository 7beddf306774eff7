/**
 * Fixture tests for the GeoJSON reader: `tests/fixtures/io/read/<case>/in.geojson` → `out.json`
 * (a summary of the import: parcels with their typed inputs and areas, every problem, and the
 * problems as zh/en sentences). Reader options travel inside the input as the top-level member
 * `fixtureOptions`. `UPDATE_FIXTURES=1 npx vitest run tests/unit/io` rewrites the outputs for review.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/i18n/problems";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import type { ParcelImport } from "../../../src/io/types";

const ROOT = join(__dirname, "../../fixtures/io/read");
const UPDATE = process.env.UPDATE_FIXTURES === "1";

const r7 = (x: number) => Math.round(x * 1e7) / 1e7;

function firstPosition(c: unknown): number[] {
  let p = c;
  while (Array.isArray(p) && Array.isArray(p[0])) p = p[0];
  return (p as number[]).map(r7);
}

function summarise(r: ParcelImport) {
  return {
    ok: r.ok,
    featureCount: r.featureCount,
    crs: r.crs ?? null,
    surveyDate: r.surveyDate ?? null,
    parcels: r.parcels.map((p) => ({
      id: p.input.id,
      input: p.input,
      extra: p.extra,
      areaM2: Math.round(p.areaM2 * 100) / 100,
      geometry: p.geometry.type,
      firstLonLat: firstPosition(p.geometry.coordinates),
    })),
    problems: r.problems,
    messages: {
      zh: r.problems.map((p) => formatProblem(p, "zh")),
      en: r.problems.map((p) => formatProblem(p, "en")),
    },
  };
}

function optionsOf(bytes: Buffer): { crs?: string; analysisCrs?: string } {
  try {
    const o = JSON.parse(bytes.toString("utf8")) as { fixtureOptions?: { crs?: string } };
    return o.fixtureOptions ?? {};
  } catch {
    return {};
  }
}

describe("readParcelsGeoJson fixtures", () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, () => {
      const bytes = readFileSync(join(ROOT, name, "in.geojson"));
      const o = optionsOf(bytes);
      const result = readParcelsGeoJson(new Uint8Array(bytes), {
        fileName: "in.geojson",
        analysisCrs: o.analysisCrs ?? "EPSG:4546",
        ...(o.crs !== undefined ? { crs: o.crs } : {}),
      });
      const actual = summarise(result);
      const outPath = join(ROOT, name, "out.json");
      if (UPDATE || !existsSync(outPath)) writeFileSync(outPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(outPath, "utf8"));
      expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
    });
  }
});
