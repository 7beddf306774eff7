/** Project files: round trip, every bad item named (zh/en), and the CLI analysing one with its edits. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EditHistory } from "../../../src/domain/edits";
import { formatProblem } from "../../../src/i18n/problems";
import { sha256Hex } from "../../../src/io/fingerprint";
import {
  isProjectFile,
  type Project,
  projectFileName,
  readProjectFile,
  writeProjectFile,
} from "../../../src/io/project-file";

const ROOT = resolve(__dirname, "../../..");
const PARCELS = readFileSync(join(ROOT, "tests/fixtures/io/read/fields/in.geojson"));
const STANDARDS = readFileSync(join(ROOT, "geodata/standards.json"));
const fp = (b: Uint8Array | string) => sha256Hex(typeof b === "string" ? new TextEncoder().encode(b) : b);
const GBK = new Uint8Array([0xd7, 0xda, 0xb5, 0xd8]); // 宗地 in GBK: not UTF-8

const history: EditHistory = {
  steps: [
    {
      id: "s1",
      at: "2026-12-01T21:00:00.000Z",
      label: { code: "import-dataset", params: { file: "in.geojson" } },
      edits: [{ kind: "dataset", before: fp(GBK), after: fp(PARCELS) }],
    },
    {
      id: "s2",
      at: "2026-12-01T21:01:00.000Z",
      label: { code: "edit-field", params: { parcelId: "HTK-002", field: "fixedInvestment" } },
      edits: [
        { kind: "parcel-field", parcelId: "HTK-002", field: "fixedInvestment", before: null, after: 5000 },
      ],
    },
  ],
  applied: 2,
};

const project = (): Project => ({
  savedAt: "2026-12-01T22:00:00.000Z",
  dataset: {
    fileName: "in.geojson",
    fingerprint: fp(PARCELS),
    content: new Uint8Array(PARCELS),
    synthetic: false,
  },
  earlierDatasets: [
    { fileName: "old.geojson", fingerprint: fp(GBK), content: GBK, synthetic: true, crs: "EPSG:4546" },
  ],
  history,
  standards: { fileName: "standards.json", content: new Uint8Array(STANDARDS) },
  settings: {
    asOf: "2026-06-30",
    asOfUserSet: true,
    selection: ["HTK-002"],
    view: { center: [109.75, 30.6], zoom: 15 },
    ui: { unit: "ha", tiandituKey: "SECRET" },
  },
});

describe("project file: round trip", () => {
  it("reads back exactly what was written (UTF-8 as text, GBK bytes as base64); no secret is written", () => {
    const text = writeProjectFile(project());
    expect(text).not.toContain("SECRET");
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: "jiyue-project", schemaVersion: 1 });
    expect(json.dataset.encoding).toBe("text");
    expect(json.earlierDatasets[0].encoding).toBe("base64");
    const r = readProjectFile(new TextEncoder().encode(text), "p.jiyue.json");
    expect(r.problems).toEqual([]);
    const p = project();
    const back = r.project as Project;
    expect(back.dataset.fingerprint).toBe(p.dataset.fingerprint);
    expect(fp(back.dataset.content)).toBe(p.dataset.fingerprint);
    expect(back.earlierDatasets[0]?.content).toEqual(GBK);
    expect(back.earlierDatasets[0]?.crs).toBe("EPSG:4546");
    expect(back.history).toEqual(history);
    expect(back.settings).toEqual({ ...p.settings, ui: { unit: "ha" } });
    expect(new TextEncoder().encode(back.standards?.content as string)).toEqual(new Uint8Array(STANDARDS));
  });

  it("is recognised by extension or content; names its file after the dataset", () => {
    expect(isProjectFile("x.JIYUE.json", "")).toBe(true);
    expect(isProjectFile("x.json", '{ "format": "jiyue-project" }')).toBe(true);
    expect(isProjectFile("parcels.geojson", '{"type":"FeatureCollection"}')).toBe(false);
    expect(projectFileName("parcels.geojson")).toBe("parcels.jiyue.json");
  });
});

describe("project file: bad files, each problem named", () => {
  const read = (text: string) => readProjectFile(text, "bad.jiyue.json");
  const good = () => JSON.parse(writeProjectFile(project()));
  const lines = (text: string, lang: "zh" | "en" = "en") =>
    read(text).problems.map((p) => formatProblem(p, lang));

  it("not JSON: line and column", () => {
    const broken = '{\n  "format": "x",\n}';
    const r = read(broken);
    expect(r.project).toBeNull();
    expect(r.problems[0]).toMatchObject({
      code: "project-not-json",
      fatal: true,
      params: { line: 3, column: 1 },
    });
    expect(lines(broken, "zh")[0]).toMatch(/^bad\.jiyue\.json.*不是 JSON 文件（第 3 行第 1 列）/);
  });

  it("a GeoJSON is not a project; a newer schemaVersion is refused as such", () => {
    expect(read('{"type":"FeatureCollection","features":[]}').problems[0]?.code).toBe("project-not-project");
    const newer = { ...good(), schemaVersion: 99 };
    expect(lines(JSON.stringify(newer))[0]).toContain("schemaVersion 99; this version reads 1");
  });

  it("a dataset whose content does not match its fingerprint cannot be opened", () => {
    const g = good();
    g.dataset.content = g.dataset.content.replace("HTK-002", "HTK-999");
    const r = read(JSON.stringify(g));
    expect(r.project).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: "project-fingerprint-mismatch", fatal: true });
    expect(formatProblem(r.problems[0] as never, "zh")).toContain("指纹与内容不符");
  });

  it("bad items beside a good dataset are named and the rest opens", () => {
    const g = good();
    g.earlierDatasets[0].content = "***not base64***";
    g.standards = { fileName: "s.json" };
    g.settings.asOf = "2026-02-30";
    g.settings.selection = "HTK-002";
    g.history.steps[1].edits[0].field = "nope";
    const r = read(JSON.stringify(g));
    expect(r.project).not.toBeNull();
    expect(r.project?.history.steps).toHaveLength(1);
    expect(r.project?.standards).toBeNull();
    expect(r.project?.settings.asOf).toBeNull();
    expect(lines(JSON.stringify(g))).toEqual([
      "bad.jiyue.json: earlierDatasets[0].content: expected base64-encoded content",
      "bad.jiyue.json: Step 2 of the edits has the wrong shape and was left out: edits[0].field",
      "bad.jiyue.json: The edit history refers to a dataset " +
        `${fp(GBK).slice(0, 12)} that is not in the project file (step 1)`,
      "bad.jiyue.json: standards.content: expected text",
      "bad.jiyue.json: settings.asOf: expected a date YYYY-MM-DD",
      "bad.jiyue.json: settings.selection: expected a list",
    ]);
  });
});

describe("CLI: analyze a project file", () => {
  const tmp = mkdtempSync(join(tmpdir(), "jiyue-project-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const TSX = join(ROOT, "node_modules/.bin/tsx");

  it("analyses the dataset with its edits applied, with the project's as-of date", () => {
    const file = join(tmp, "work.jiyue.json");
    writeFileSync(file, writeProjectFile(project()));
    const r = spawnSync(TSX, ["src/cli/main.ts", "analyze", file, "--lang", "en"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe("2026-06-30");
    const p2 = out.features.find((f: { properties: { id: string } }) => f.properties.id === "HTK-002");
    expect(p2.properties.fixedInvestment).toBe(5000);
    expect(r.stderr).toContain("1 edits applied (1 parcels)");
    expect(r.stderr).toContain("note: as-of date 2026-06-30 (the project file)");
  });

  it("a broken project file: one line, exit 2", () => {
    const file = join(tmp, "broken.jiyue.json");
    writeFileSync(file, '{"format":"jiyue-project","schemaVersion":"x"}');
    const r = spawnSync(TSX, ["src/cli/main.ts", "analyze", file], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("schemaVersion 无效");
  });
});
