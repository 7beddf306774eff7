/**
 * The plan's files as the planner downloads them (pure; `PlanExport.tsx` saves them): the facility
 * layer and the plan as GeoJSON, the coverage tables per facility and per parcel as CSV, with the
 * synthetic marking of every other export (CSV first column, GeoJSON `jiyue`, file name), and the
 * facility layer read back as one undoable step.
 */
import type { FacilityEdit } from "../../domain/edits";
import type { PlanFacility } from "../../domain/facilities";
import { representativePoint } from "../../domain/representative-point";
import type { AnalysedParcel } from "../../domain/types";
import { csvSyntheticMark, EXPORT_TEXT, geoJsonSyntheticMark } from "../../i18n/exports";
import type { Lang } from "../../i18n/lang";
import { planCsvText } from "../../i18n/planner";
import { readFacilities } from "../../io/plan-read";
import { facilitiesGeoJson, planFacilityCsv, planGeoJson, planParcelCsv } from "../../io/plan-write";
import type { Problem } from "../../io/types";
import type { AppState } from "../../state/types";
import type { PlanStep } from "./planEdits";

export type PlanFile = "facilities" | "plan" | "facilityCsv" | "parcelCsv";

const BASE: Record<Lang, string> = { zh: "建始工业园区六个一规划", en: "Jianshi-six-ones-plan" };
const PART: Record<PlanFile, Record<Lang, string>> = {
  facilities: { zh: "设施图层", en: "facilities" },
  plan: { zh: "规划", en: "plan" },
  facilityCsv: { zh: "设施覆盖表", en: "facility-coverage" },
  parcelCsv: { zh: "地块覆盖表", en: "parcel-coverage" },
};

export function planFileName(file: PlanFile, lang: Lang, date: string, synthetic: boolean): string {
  const parts = [BASE[lang]];
  if (synthetic) parts.push(EXPORT_TEXT.syntheticFile[lang]);
  parts.push(PART[file][lang], date);
  return `${parts.join("_")}.${file === "facilityCsv" || file === "parcelCsv" ? "csv" : "geojson"}`;
}

export interface PlanExportInput {
  facilities: readonly PlanFacility[];
  plan: AppState["plan"];
  parcels: readonly AnalysedParcel[];
  lang: Lang;
  synthetic: boolean;
}

const demandOf = (p: AnalysedParcel) => (p.input.employees ?? 0) + (p.input.residents ?? 0);

/** The text of one plan file (`null`: no coverage computed yet for the tables and the plan). */
export function planFileText(file: PlanFile, x: PlanExportInput): string | null {
  const jiyue = x.synthetic ? { synthetic: true as const, ...geoJsonSyntheticMark(x.lang) } : undefined;
  if (file === "facilities") return facilitiesGeoJson(x.facilities, jiyue);
  const plan = x.plan;
  if (!plan) return null;
  const text = planCsvText(x.lang, x.synthetic ? csvSyntheticMark(x.lang) : undefined);
  const byId = new Map(x.facilities.map((f) => [f.id, f]));
  const bus = new Map(plan.busLines.map((b) => [b.facilityId, b.figures]));
  if (file === "facilityCsv")
    return planFacilityCsv(
      plan.facilities.map((c) => {
        const f = byId.get(c.facilityId);
        const b = bus.get(c.facilityId);
        return { coverage: c, ...(f ? { facility: f } : {}), ...(b ? { bus: b } : {}) };
      }),
      text,
    );
  if (file === "parcelCsv")
    return planParcelCsv(
      {
        parcels: x.parcels.map((p) => ({ id: p.input.id, demand: demandOf(p) })),
        facilities: plan.facilities,
        nearest: plan.nearest,
      },
      text,
    );
  return planGeoJson({
    facilities: x.facilities,
    coverage: plan.facilities,
    busLines: plan.busLines,
    serviceAreas: plan.serviceAreas,
    parcels: x.parcels.map((p) => ({
      id: p.input.id,
      demand: demandOf(p),
      point: representativePoint(p.geometry),
    })),
    nearest: plan.nearest,
    ...(jiyue ? { jiyue } : {}),
  });
}

/**
 * A facility layer read from a file, as one step: each facility is added, or replaces the plan's
 * facility of the same id. `step: null` when the file holds no usable facility (the problems say why).
 */
export function importFacilitiesStep(
  bytes: Uint8Array,
  fileName: string,
  plan: readonly PlanFacility[],
): { step: PlanStep | null; problems: Problem[]; count: number } {
  const read = readFacilities(bytes, fileName);
  if (read.items.length === 0) return { step: null, problems: read.problems, count: 0 };
  const current = new Map(plan.map((f) => [f.id, f]));
  const edits: FacilityEdit[] = read.items.map((f) => ({
    kind: "facility",
    facilityId: f.id,
    before: current.get(f.id) ?? null,
    after: f,
  }));
  return {
    step: { label: { code: "facility-import", params: { count: edits.length, file: fileName } }, edits },
    problems: read.problems,
    count: edits.length,
  };
}
