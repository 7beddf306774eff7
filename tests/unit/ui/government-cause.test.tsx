// @vitest-environment happy-dom
/**
 * A government-caused idle parcel (the sample's DYB-058, and idle-2y / idle-halted twins of it)
 * reads the same in every output — detail panel, candidate list, the app's CSV export and the
 * CLI's CSV: idle status named, government cause named, disposal by agreement with "may" (可),
 * and never a fee or recovery without compensation as applying (53号令 第八条).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { act } from "react";
import { describe, expect, it } from "vitest";
import { analyzeParcels } from "../../../src/domain/analyze";
import { fieldInfo } from "../../../src/domain/fields";
import type { AnalysedParcel, ParcelInput, ReallocationReason } from "../../../src/domain/types";
import type { Lang } from "../../../src/i18n/lang";
import { formatReasons, reallocationReasonLabels } from "../../../src/i18n/reasons";
import { csvHeader } from "../../../src/io/csv-write";
import { readParcelsGeoJson } from "../../../src/io/geojson-read";
import { readStandards } from "../../../src/io/standards-read";
import { useAppStore } from "../../../src/state/store";
import { CandidateList } from "../../../src/ui/CandidateList";
import { DetailPanel } from "../../../src/ui/DetailPanel";
import { exportText } from "../../../src/ui/export/exportFiles";
import { parseCsv } from "../../csv";
import { withReactRoot } from "./react-root";

const ROOT = resolve(__dirname, "../../..");
const GEODATA = join(ROOT, "geodata");
const imp = readParcelsGeoJson(readFileSync(join(GEODATA, "parcels.geojson"), "utf8"), {
  fileName: "parcels.geojson",
  analysisCrs: "EPSG:4546",
});
const std = readStandards(readFileSync(join(GEODATA, "standards.json"), "utf8"), "standards.json");
if (!imp.ok || !std.standards || !imp.surveyDate) throw new Error("the sample data does not load");
const standards = std.standards;
const sample = imp.parcels.find((p) => p.input.id === "DYB-058");
if (!sample) throw new Error("the sample has no DYB-058");

/** DYB-058 as in the sample, and two twins: idle two years, and halted and idle. */
function parcels() {
  const base = sample!;
  const twin = (id: string, input: Partial<ParcelInput>) => ({
    ...base,
    input: { ...base.input, ...input, id },
  });
  return [
    base,
    twin("GOV-2Y", { agreedStartDate: "2023-11-20" }),
    twin("GOV-HALT", {
      constructionStatus: "halted",
      actualStartDate: "2024-12-01",
      haltedSince: "2025-01-10",
      developedAreaM2: 1000,
    }),
  ];
}
const result = analyzeParcels(parcels(), { standards, asOf: imp.surveyDate });
const byId = (id: string) => result.parcels.find((p) => p.input.id === id) as AnalysedParcel;

const dom = withReactRoot();
const NEGOTIATION: Record<Lang, RegExp> = {
  zh: /政府原因，可协商处置/,
  en: /Government-caused: disposal may be agreed/,
};
const AGREED_SENTENCE: Record<Lang, string> = {
  zh: "不征收土地闲置费，不适用无偿收回；可与土地使用权人协商",
  en: "no idle land fee is charged and recovery without compensation does not apply; disposal may be agreed with the land user",
};

/** 无偿收回 / "without compensation" only ever in the negation "does not apply". */
function neverAsApplying(text: string) {
  expect(text.replaceAll("不适用无偿收回", "")).not.toContain("无偿收回");
  expect(text.replaceAll("recovery without compensation does not apply", "")).not.toMatch(
    /without compensation/,
  );
  expect(text).not.toMatch(/可征收|may be charged/);
}

function csvCell(csv: string, id: string, key: string, lang: Lang): string {
  const [header, ...rows] = parseCsv(csv);
  const idCol = header!.indexOf(csvHeader(fieldInfo("id")!, lang));
  const col = header!.findIndex((h) => h.startsWith(csvHeader(fieldInfo(key)!, lang)));
  expect(idCol).toBeGreaterThanOrEqual(0);
  expect(col).toBeGreaterThanOrEqual(0);
  const row = rows.find((r) => r[idCol] === id);
  expect(row).toBeDefined();
  return row![col]!;
}

/** The CSV's reason cell is the detail's tags, word for word. */
function expectReasonCell(cell: string, codes: readonly ReallocationReason[], lang: Lang) {
  expect(cell).toBe(reallocationReasonLabels(codes, lang).join(lang === "zh" ? "；" : "; "));
}

describe("a government-caused idle parcel says the same everywhere (53号令 第八条)", () => {
  it("the domain: idle status kept, government-cause listed right after it, fee 0 or none", () => {
    expect(byId("DYB-058").computed.idleStatus).toBe("idle-1y");
    expect(byId("GOV-2Y").computed.idleStatus).toBe("idle-2y");
    expect(byId("GOV-HALT").computed.idleStatus).toBe("idle-halted");
    for (const id of ["DYB-058", "GOV-2Y", "GOV-HALT"]) {
      const p = byId(id);
      expect(p.computed.reallocationReasons).toEqual([p.computed.idleStatus, "government-cause"]);
      expect(p.idleReasons.map((r) => r.code)).toEqual([p.computed.idleStatus, "government-cause"]);
      expect(p.computed.idleFee === 0 || p.computed.idleFee === null).toBe(true);
    }
  });

  for (const lang of ["zh", "en"] as const) {
    it(`detail panel and candidate list agree (${lang})`, () => {
      act(() => {
        const s = useAppStore.getState();
        s.setLang(lang);
        s.setStandards({ standards, fileName: "standards.json", problems: [] });
        s.analysisSucceeded(result);
      });
      for (const id of ["DYB-058", "GOV-2Y", "GOV-HALT"]) {
        const p = byId(id);
        act(() => useAppStore.getState().select([id]));
        act(() => dom.root.render(<DetailPanel />));
        const realloc = dom.el.querySelector('[data-testid="detail.realloc"]')!.textContent!;
        const idle = dom.el.querySelector('[data-testid="detail.idleReasons"]')!.textContent!;
        expect(realloc).toMatch(NEGOTIATION[lang]);
        expect(idle).toContain(AGREED_SENTENCE[lang]);
        neverAsApplying(realloc);
        neverAsApplying(idle);
        const tags = [...dom.el.querySelectorAll('[data-testid="detail.realloc"] .tag')].map(
          (t) => t.textContent,
        );
        expect(tags).toEqual(reallocationReasonLabels(p.computed.reallocationReasons, lang));
        // The tag's tooltip is the detail's own sentence.
        const gov = dom.el.querySelector(
          '[data-testid="detail.realloc"] [data-testid="tag.government-cause"]',
        );
        expect(idle).toContain(gov?.getAttribute("title"));

        act(() => dom.root.render(<CandidateList />));
        const item = dom.el.querySelector(`[data-testid="flags.candidate.${id}"]`)!;
        const itemTags = [...item.querySelectorAll(".tag")].map((t) => t.textContent);
        expect(itemTags).toEqual(tags);
        neverAsApplying(item.textContent!);
      }
    });

    it(`the app's CSV export lists the same reasons (${lang})`, () => {
      const csv = exportText(result, "csv", lang);
      for (const id of ["DYB-058", "GOV-2Y", "GOV-HALT"]) {
        const cell = csvCell(csv, id, "reallocationReasons", lang);
        expectReasonCell(cell, byId(id).computed.reallocationReasons, lang);
        neverAsApplying(cell);
      }
    });
  }

  it("the CLI's CSV of the sample lists the same reasons for DYB-058", () => {
    const r = spawnSync(
      join(ROOT, "node_modules/.bin/tsx"),
      ["src/cli/main.ts", "analyze", "geodata/parcels.geojson", "--format", "csv", "--lang", "zh"],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    expect(r.status).toBe(0);
    const cell = csvCell(r.stdout, "DYB-058", "reallocationReasons", "zh");
    expectReasonCell(cell, ["idle-1y", "government-cause"], "zh");
    neverAsApplying(cell);
    expect(Number(csvCell(r.stdout, "DYB-058", "idleFee", "zh"))).toBe(0);
  });

  it("without the government cause the same parcel says what may apply, with may (可)", () => {
    const plain = analyzeParcels(
      parcels().map((p) => ({ ...p, input: { ...p.input, governmentCause: false } })),
      { standards, asOf: imp.surveyDate! },
    );
    const one = plain.parcels.find((p) => p.input.id === "DYB-058")!;
    const two = plain.parcels.find((p) => p.input.id === "GOV-2Y")!;
    expect(reallocationReasonLabels(one.computed.reallocationReasons, "zh")).toEqual([
      "闲置满一年，可征收闲置费",
    ]);
    expect(formatReasons(one.idleReasons, "zh")).toContain("可按出让价款的 20% 征收土地闲置费");
    expect(reallocationReasonLabels(two.computed.reallocationReasons, "zh")).toEqual([
      "闲置满两年，可无偿收回",
    ]);
    expect(formatReasons(two.idleReasons, "zh")).toContain("可无偿收回");
    expect(formatReasons(two.idleReasons, "zh")).not.toMatch(/依法|应当?无偿/);
  });
});
