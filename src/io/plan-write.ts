/**
 * The six-ones plan as files: the coverage table per facility and per parcel as CSV (UTF-8 with a
 * BOM, CRLF, the cells of `csv-write.ts`: formula-safe, codes kept as text), and the plan as
 * RFC 7946 GeoJSON (facilities with their coverage, the bus line with its figures, each parcel's
 * representative point with its distances, the service areas shown). The app's plan export and
 * the CLI's `coverage --format csv` write the facility table with this one writer, so the
 * columns are the same. Texts (headers, kind and status names) come from the caller in its
 * language (`i18n/planner.ts`, `planCsvText`).
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { BusLineFigures } from "../domain/bus-line";
import { type FacilityCoverage, type FacilityKind, type FacilityStatus, SIX_ONES } from "../domain/coverage";
import type { PlanFacility } from "../domain/facilities";
import { planFeatures, type ServiceAreaShapes } from "../domain/plan-features";
import { type CsvLang, csvCell } from "./csv-write";
import type { JiyueMember } from "./geojson-write";

/** The words of the plan CSV in one language. */
export interface PlanCsvText {
  lang: CsvLang;
  /** Headers of the facility table (the CLI's eight columns first, then the app's extras). */
  facilityHead: readonly string[];
  /** Headers of the parcel table's first columns (parcel id, demand). */
  parcelHead: readonly string[];
  /** Per-kind headers of the parcel table: distance, covered by existing ones, covered with the plan. */
  parcelKindHead(kindText: string): [string, string, string];
  kind(k: FacilityKind): string;
  status(s: FacilityStatus): string;
  method(m: "straight" | "road"): string;
  level(l: "primary" | "junior"): string;
  yes: string;
  no: string;
  /** The synthetic mark as other exports write it (first column). */
  synthetic?: { column: string; cell: string };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** One row of the facility table. */
export interface FacilityRow {
  coverage: FacilityCoverage;
  facility?: PlanFacility;
  bus?: BusLineFigures;
}

function lines(rows: unknown[][], t: PlanCsvText, head: readonly string[]): string {
  const line = (cells: unknown[]) =>
    (t.synthetic ? [t.synthetic.cell, ...cells] : cells).map((c) => csvCell(c, t.lang)).join(",");
  const header = (t.synthetic ? [t.synthetic.column, ...head] : head)
    .map((c) => csvCell(c, t.lang))
    .join(",");
  return `\uFEFF${[header, ...rows.map(line)].join("\r\n")}\r\n`;
}

/** The cells of one facility row (without the synthetic mark). */
export function facilityCells(r: FacilityRow, t: PlanCsvText): unknown[] {
  const c = r.coverage;
  const f = r.facility;
  const pt = f?.geometry.type === "Point" ? f.geometry.coordinates : null;
  return [
    c.facilityId,
    t.kind(c.kind),
    f?.name ?? null,
    t.status(c.status),
    c.serviceDistanceM,
    t.method(c.method),
    c.coveredDemand,
    round(c.share * 100, 2),
    f?.capacity ?? null,
    f?.level ? t.level(f.level) : null,
    pt ? round(pt[0] as number, 6) : null,
    pt ? round(pt[1] as number, 6) : null,
    r.bus ? round(r.bus.lengthM, 0) : null,
    r.bus ? r.bus.stopCount : null,
    r.bus ? round(r.bus.runTimeMin, 1) : null,
  ];
}

/** The coverage table per facility. */
export function planFacilityCsv(rows: readonly FacilityRow[], t: PlanCsvText): string {
  return lines(
    rows.map((r) => facilityCells(r, t)),
    t,
    t.facilityHead,
  );
}

/** What the parcel table needs of the coverage. */
export interface ParcelCoverageInput {
  /** Parcels in order: id and demand (employees + residents). */
  parcels: readonly { id: string; demand: number }[];
  facilities: readonly FacilityCoverage[];
  /** Per parcel id, per kind, distance (m) to the nearest covering facility. */
  nearest: Readonly<Record<string, Partial<Record<FacilityKind, number>>>>;
}

/** Per parcel, per kind: covered by an existing facility, covered by any. */
export function parcelCoverage(
  input: ParcelCoverageInput,
): Map<string, Partial<Record<FacilityKind, { existing: boolean; any: boolean }>>> {
  const out = new Map<string, Partial<Record<FacilityKind, { existing: boolean; any: boolean }>>>();
  for (const f of input.facilities)
    for (const id of f.coveredIds) {
      const m = out.get(id) ?? {};
      const c = m[f.kind] ?? { existing: false, any: false };
      c.any = true;
      if (f.status === "existing") c.existing = true;
      m[f.kind] = c;
      out.set(id, m);
    }
  return out;
}

/** The coverage table per parcel: id, demand, then per kind the distance and whether covered (existing, with the plan). */
export function planParcelCsv(input: ParcelCoverageInput, t: PlanCsvText): string {
  const cov = parcelCoverage(input);
  const head = [...t.parcelHead, ...SIX_ONES.flatMap((k) => t.parcelKindHead(t.kind(k)))];
  const rows = input.parcels.map((p) => {
    const m = cov.get(p.id) ?? {};
    const near = input.nearest[p.id] ?? {};
    return [
      p.id,
      p.demand,
      ...SIX_ONES.flatMap((k) => {
        const d = near[k];
        return [
          d === undefined ? null : round(d, 1),
          m[k]?.existing ? t.yes : t.no,
          m[k]?.any ? t.yes : t.no,
        ];
      }),
    ];
  });
  return lines(rows, t, head);
}

/** The facility layer as GeoJSON (what `readFacilities` of `plan-read.ts` reads back). */
export function facilitiesGeoJson(facilities: readonly PlanFacility[], jiyue?: JiyueMember): string {
  const fc = {
    type: "FeatureCollection",
    ...(jiyue ? { jiyue } : {}),
    features: facilities.map((f) => ({
      type: "Feature",
      properties: {
        id: f.id,
        kind: f.kind,
        status: f.status,
        name: f.name ?? null,
        capacity: f.capacity ?? null,
        ...(f.level ? { level: f.level } : {}),
        ...(f.stops ? { stops: f.stops } : {}),
      },
      geometry: f.geometry,
    })),
  };
  return `${JSON.stringify(fc)}\n`;
}

/**
 * The plan as GeoJSON: the plan features (`planFeatures`: service areas shown, bus lines, stops,
 * sites and points) with each facility's coverage and a bus line's figures on its feature, then
 * every parcel's representative point with its demand and per-kind distance and coverage.
 */
export function planGeoJson(input: {
  facilities: readonly PlanFacility[];
  coverage: readonly FacilityCoverage[];
  busLines: readonly { facilityId: string; figures: BusLineFigures }[];
  serviceAreas: readonly ServiceAreaShapes[];
  parcels: readonly { id: string; demand: number; point: [number, number] | null }[];
  nearest: ParcelCoverageInput["nearest"];
  jiyue?: JiyueMember;
}): string {
  const byId = new Map(input.coverage.map((c) => [c.facilityId, c]));
  const bus = new Map(input.busLines.map((b) => [b.facilityId, b.figures]));
  const base = planFeatures({ facilities: input.facilities, serviceAreas: input.serviceAreas });
  const features: Feature<Geometry, Record<string, unknown>>[] = base.features.map((f) => {
    const id = f.properties.facilityId;
    const c = id ? byId.get(id) : undefined;
    const b = id ? bus.get(id) : undefined;
    const extra: Record<string, unknown> = {};
    if (
      c &&
      (f.properties.layer === "facility" ||
        f.properties.layer === "facility-site" ||
        f.properties.layer === "bus-line")
    ) {
      extra.serviceDistanceM = c.serviceDistanceM;
      extra.method = c.method;
      extra.coveredDemand = c.coveredDemand;
      extra.share = c.share;
    }
    if (b && f.properties.layer === "bus-line") {
      extra.lengthM = b.lengthM;
      extra.runTimeMin = b.runTimeMin;
      extra.stopSpacingM = b.spacings.map((s) => s.lengthM);
      extra.within300 = b.within300;
      extra.within500 = b.within500;
    }
    return { ...f, properties: { ...f.properties, ...extra } };
  });
  const cov = parcelCoverage({ parcels: input.parcels, facilities: input.coverage, nearest: input.nearest });
  for (const p of input.parcels) {
    if (!p.point) continue;
    const near = input.nearest[p.id] ?? {};
    const m = cov.get(p.id) ?? {};
    const props: Record<string, unknown> = { layer: "parcel", parcelId: p.id, demand: p.demand };
    for (const k of SIX_ONES) {
      props[`${k}DistanceM`] = near[k] ?? null;
      props[`${k}CoveredExisting`] = m[k]?.existing ?? false;
      props[`${k}Covered`] = m[k]?.any ?? false;
    }
    features.push({ type: "Feature", properties: props, geometry: { type: "Point", coordinates: p.point } });
  }
  const fc: FeatureCollection & { jiyue?: JiyueMember } = {
    type: "FeatureCollection",
    ...(input.jiyue ? { jiyue: input.jiyue } : {}),
    features,
  };
  return `${JSON.stringify(fc)}\n`;
}
