/**
 * The data model of the analysis core: parcel inputs, computed outputs, standards and reasons.
 *
 * Units follow `shared/spec/domain.md` §1: areas in m², money in 万元, per-land indicators in
 * 万元/亩, ratios as plain fractions (0–1), dates as ISO `YYYY-MM-DD` strings.
 * Coordinates: input geometry may be in any supported CRS; `AnalysedParcel.geometry` is always
 * RFC 7946 lon/lat (CGCS2000 ≈ WGS 84).
 *
 * This file is the contract between domain, io, state, map and ui. Change it deliberately.
 */
import type { MultiPolygon, Polygon } from "geojson";
import type { EditedOriginals, InputValue, ParcelInputKey } from "./edits";

/** Date as ISO `YYYY-MM-DD`. */
export type IsoDate = string;

export type LandStatus = "supplied" | "unsupplied" | "reserved" | "acquiring";

export type ConstructionStatus =
  | "not-started"
  | "under-construction"
  | "halted"
  | "completed"
  | "in-production";

export type IndustryCluster =
  | "selenium-food-pharma"
  | "building-materials"
  | "machinery-electronics"
  | "garments"
  | "resource-recycling"
  | "photovoltaic"
  | "electronic-components"
  | "daily-chemicals"
  | "other";

/**
 * A parcel's input properties after import: cleaned and typed. A value that was missing,
 * unparseable or set aside (e.g. negative) is `undefined` here, and the import report says why.
 */
export interface ParcelInput {
  id: string;
  name?: string;
  zone?: string;
  /** Land-use code of the 2023 用地用海分类指南, e.g. `100101`. */
  landUse?: string;
  landStatus?: LandStatus;
  enterprise?: string;
  /** GB/T 4754-2017 two-digit major class, e.g. `"30"`. */
  industryCode?: string;
  industryCluster?: IndustryCluster;
  constructionStatus?: ConstructionStatus;
  landAreaM2?: number;
  floorAreaM2?: number;
  footprintAreaM2?: number;
  greenAreaM2?: number;
  adminAreaM2?: number;
  developedAreaM2?: number;
  fixedInvestment?: number;
  contractInvestment?: number;
  landPrice?: number;
  outputValue?: number;
  revenue?: number;
  valueAdded?: number;
  taxRevenue?: number;
  employees?: number;
  residents?: number;
  energyTce?: number;
  rdExpense?: number;
  agreedInvestmentPerMu?: number;
  agreedFar?: number;
  agreedTaxPerMu?: number;
  agreedOutputPerMu?: number;
  aboveScale?: boolean;
  highTech?: boolean;
  governmentCause?: boolean;
  supplyDate?: IsoDate;
  agreedStartDate?: IsoDate;
  agreedCompletionDate?: IsoDate;
  actualStartDate?: IsoDate;
  haltedSince?: IsoDate;
}

/**
 * A parcel ready for analysis: typed inputs, the geometry in lon/lat for display, and the
 * planar area already computed in the analysis CRS (io does the projecting, domain the maths).
 */
export interface PreparedParcel {
  input: ParcelInput;
  /** RFC 7946 lon/lat geometry. */
  geometry: Polygon | MultiPolygon;
  /** Planar area in the analysis CRS, m² (holes subtracted, parts added). */
  areaM2: number;
  /** Other input properties that are not part of the schema, kept for export unchanged. */
  extra: Record<string, unknown>;
  /** Where `areaM2` was measured, e.g. `EPSG:4546 planar` (issue 8's area basis). */
  areaBasis?: string;
}

export type IdleStatus = "none" | "overdue" | "idle-1y" | "idle-2y" | "idle-halted";
export type EfficiencyClass = "A" | "B" | "C" | "D";

/** Indicators checked against minimums (in this order, domain.md §4). */
export const MIN_CHECKED = ["investmentPerMu", "far", "buildingCoverage", "outputPerMu", "taxPerMu"] as const;
/** Indicators checked against maximums (in this order, after the minimums). */
export const MAX_CHECKED = ["adminRatio", "greenRatio"] as const;
export type MinChecked = (typeof MIN_CHECKED)[number];
export type MaxChecked = (typeof MAX_CHECKED)[number];
export type CheckedIndicator = MinChecked | MaxChecked;

export const EFFICIENCY_INDICATORS = [
  "taxPerMu",
  "valueAddedPerMu",
  "energyProductivity",
  "laborProductivity",
  "rdIntensity",
] as const;
export type EfficiencyIndicator = (typeof EFFICIENCY_INDICATORS)[number];

/**
 * Why a parcel is a reallocation candidate (domain.md §7): its idle status, `government-cause`
 * right after it when the delay was the government's (negotiated disposal, §5), `class-D`.
 */
export type ReallocationReason = "idle-1y" | "idle-2y" | "idle-halted" | "government-cause" | "class-D";

/** Per-parcel computed indicators (domain.md §3). `null` = could not be computed. */
export interface ParcelIndicators {
  areaM2: number;
  areaMu: number;
  investmentPerMu: number | null;
  far: number | null;
  buildingCoverage: number | null;
  greenRatio: number | null;
  adminRatio: number | null;
  outputPerMu: number | null;
  valueAddedPerMu: number | null;
  taxPerMu: number | null;
  laborProductivity: number | null;
  energyProductivity: number | null;
  rdIntensity: number | null;
  areaDiscrepancy: number | null;
}
export type IndicatorKey = keyof ParcelIndicators;

/** Every computed property written by the analysis (parcel-schema.md "Computed properties"). */
export interface ParcelComputed extends ParcelIndicators {
  standardsFailed: CheckedIndicator[];
  idleStatus: IdleStatus;
  idleFee: number | null;
  efficiencyScore: number | null;
  efficiencyClass: EfficiencyClass | null;
  reallocationCandidate: boolean;
  reallocationReasons: ReallocationReason[];
}

/** Where a threshold came from, in resolution order. */
export type ThresholdLevel = "default" | "zone" | "industry" | "agreed";

/** One standards check for one parcel (domain.md §4). */
export interface StandardCheck {
  indicator: CheckedIndicator;
  kind: "min" | "max";
  threshold: number;
  level: ThresholdLevel;
  /** The `sources[indicator]` text of the standards file, or for `agreed` the parcel's contract. */
  source: string;
  value: number | null;
  /** `pass`, `fail`, or `not-assessed` when the indicator is null. */
  status: "pass" | "fail" | "not-assessed";
}

/**
 * Why a parcel got (or did not get) a status: a code plus the values a sentence needs.
 * Formatted into zh/en text by `src/i18n/reasons.ts`, never built as text in the domain.
 */
export interface Reason {
  code: string;
  params: Record<string, string | number | boolean | null>;
}

/** The result of analysing one parcel. */
export interface AnalysedParcel {
  input: ParcelInput;
  geometry: Polygon | MultiPolygon;
  extra: Record<string, unknown>;
  /** Where the area was measured, e.g. `EPSG:4546 planar` (from `PreparedParcel.areaBasis`). */
  areaBasis?: string;
  computed: ParcelComputed;
  /** All checks that applied (empty when no check applies to this parcel). */
  checks: StandardCheck[];
  /** Why the idle status is what it is (one or more reasons, incl. `none` cases worth saying). */
  idleReasons: Reason[];
  /** Why the efficiency class is what it is, or why the parcel was not evaluated. */
  efficiencyReasons: Reason[];
  /** For each null indicator, why it is null (e.g. `{code:"missing-input", params:{field:"floorAreaM2"}}`). */
  nullReasons: Partial<Record<IndicatorKey, Reason>>;
  /**
   * Only on a parcel the user edited: the original (imported) value of each edited input field
   * (`null` = it was missing); `input` holds the edited values. See `edits.ts`.
   */
  edited?: Partial<Record<ParcelInputKey, InputValue>>;
}

/** Min/max thresholds for one level of the standards file. */
export interface ThresholdSet {
  min?: Partial<Record<MinChecked, number>>;
  max?: Partial<Record<MaxChecked, number>>;
}

export interface ServiceStandard {
  distanceM?: number;
  juniorDistanceM?: number;
  minAreaM2?: number;
  stopDistanceM?: number;
  preferredStopDistanceM?: number;
  speedKmh?: number;
  dwellSeconds?: number;
}

/** A standards file (format of `shared/spec/standards.example.json`). */
export interface Standards {
  name: string;
  edition: string;
  sources: Partial<Record<CheckedIndicator, string>> & Record<string, string>;
  defaults: ThresholdSet;
  zones: Record<string, ThresholdSet>;
  industries: Record<string, ThresholdSet>;
  idle: { feeRate: number };
  efficiency: {
    minAreaMu: number;
    cap: number;
    weights: Partial<Record<EfficiencyIndicator, number>>;
    benchmarks: Partial<Record<EfficiencyIndicator, number>>;
    classCutoffs: { A: number; B: number; C: number };
  };
  services: Record<string, ServiceStandard>;
  /** e.g. `EPSG:4546`. */
  analysisCrs: string;
}

export interface AnalysisOptions {
  standards: Standards;
  /** The as-of date for idle rules, ISO. */
  asOf: IsoDate;
  /**
   * The parcels are the result of `applyEdits`: per edited parcel id, the original values of its
   * edited fields, carried to `AnalysedParcel.edited`.
   */
  edited?: EditedOriginals;
}

/** Per-zone and overall counts, for the summary panel and the CLI. */
export interface AnalysisSummary {
  parcels: number;
  byIdleStatus: Record<IdleStatus, number>;
  byEfficiencyClass: Record<EfficiencyClass | "none", number>;
  belowStandard: number;
  reallocationCandidates: number;
  reallocationAreaM2: number;
}

export interface AnalysisResult {
  asOf: IsoDate;
  standardsName: string;
  standardsEdition: string;
  /**
   * The efficiency score of a parcel with every indicator exactly at its benchmark: the total
   * weight of the configured indicators (100 with the default weights; domain.md §6). Scores are
   * relative to it (157.3 = half again above the benchmarks, weighted; capped at cap × this).
   */
  efficiencyScale?: number;
  parcels: AnalysedParcel[];
  summary: AnalysisSummary;
  summaryByZone: Record<string, AnalysisSummary>;
}
