/** Runs every domain fixture (format and update flag: see fixture-helpers.ts). */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { fixtureDirs, loadFixture, pretty, projectResult, ROOT } from "./fixture-helpers";

const UPDATE = process.env.UPDATE_FIXTURES === "1";

describe("domain fixtures", () => {
  const dirs = fixtureDirs();
  it("there are fixtures", () => {
    expect(dirs.length).toBeGreaterThan(10);
  });
  for (const rel of dirs) {
    it(rel, () => {
      const dir = join(ROOT, rel);
      const { parcels, standards, asOf } = loadFixture(dir);
      const actual = projectResult(analyzeParcels(parcels, { standards, asOf }));
      const outPath = join(dir, "out.json");
      if (UPDATE) writeFileSync(outPath, `${pretty(actual)}\n`);
      if (!existsSync(outPath)) throw new Error(`${rel}: no out.json; run UPDATE_FIXTURES=1 and review it`);
      expect(actual).toEqual(JSON.parse(readFileSync(outPath, "utf8")));
    });
  }
});
