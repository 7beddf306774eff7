/**
 * From analysed parcels to the flat feature properties the map styles read (`MapParcels`): input
 * fields, every numeric indicator, the derived `landUseGroup` (default colouring) and `flag`
 * (flag overlay). Lists become comma-joined strings because map feature properties must be flat.
 */
import type { AnalysedParcel, ParcelComputed } from "../domain/types";
import type { MapParcelProperties, MapParcels } from "./api";
import { landUseGroup } from "./landuse";

export type FlagKind = "idle" | "under" | "none";

const IDLE = new Set(["idle-1y", "idle-2y", "idle-halted"]);

/**
 * The flag overlay's category of a parcel: `idle` (闲置土地: idle-1y, idle-2y, idle-halted) wins
 * over `under` (低效: efficiency class D, or failing at least one standard), else `none`.
 * `overdue` (past the agreed start, under a year) is a warning, not a flag.
 */
export function parcelFlag(
  c: Pick<ParcelComputed, "idleStatus" | "efficiencyClass" | "standardsFailed">,
): FlagKind {
  if (IDLE.has(c.idleStatus)) return "idle";
  if (c.efficiencyClass === "D" || c.standardsFailed.length > 0) return "under";
  return "none";
}

const INDICATOR_KEYS = [
  "areaM2",
  "areaMu",
  "investmentPerMu",
  "far",
  "buildingCoverage",
  "greenRatio",
  "adminRatio",
  "outputPerMu",
  "valueAddedPerMu",
  "taxPerMu",
  "laborProductivity",
  "energyProductivity",
  "rdIntensity",
  "areaDiscrepancy",
  "idleFee",
  "efficiencyScore",
] as const;

/** Flat map properties of one analysed parcel. Numbers are not rounded. */
export function toMapProperties(p: AnalysedParcel): MapParcelProperties {
  const i = p.input;
  const c = p.computed;
  const props: MapParcelProperties = {
    id: i.id,
    name: i.name ?? null,
    zone: i.zone ?? null,
    landUse: i.landUse ?? null,
    landUseGroup: landUseGroup(i.landUse),
    landStatus: i.landStatus ?? null,
    enterprise: i.enterprise ?? null,
    industryCluster: i.industryCluster ?? null,
    constructionStatus: i.constructionStatus ?? null,
    idleStatus: c.idleStatus,
    efficiencyClass: c.efficiencyClass,
    reallocationCandidate: c.reallocationCandidate,
    belowStandard: c.standardsFailed.length > 0,
    standardsFailed: c.standardsFailed.join(","),
    reallocationReasons: c.reallocationReasons.join(","),
    flag: parcelFlag(c),
  };
  for (const k of INDICATOR_KEYS) props[k] = c[k];
  return props;
}

/** The parcels as a map FeatureCollection (a new object: pass it once to `setParcels`). */
export function toMapParcels(parcels: readonly AnalysedParcel[]): MapParcels {
  return {
    type: "FeatureCollection",
    features: parcels.map((p) => ({
      type: "Feature",
      properties: toMapProperties(p),
      geometry: p.geometry,
    })),
  };
}
