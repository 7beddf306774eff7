/**
 * Per-parcel indicators (domain.md §3).
 *
 * `A`, the indicator area, is the legal land area `landAreaM2` (宗地面积) when recorded, else the
 * planar area `areaM2` computed in the analysis CRS. Money is in 万元, areas in m², per-land
 * indicators in 万元/亩, ratios as plain fractions.
 *
 * A missing input or a zero denominator gives `null` (with a reason in `nullReasons`); a zero
 * numerator gives 0. A negative `valueAdded` (a loss-making year) is used as given, so the value
 * added indicators can be negative; other negative inputs are set aside by the importer and
 * arrive here as `undefined`.
 */
import { fieldReason } from "./reasons";
import type { IndicatorKey, ParcelIndicators, ParcelInput, Reason } from "./types";
import { m2ToMu } from "./units";

/** Per-parcel null reasons, keyed by indicator. */
export type NullReasons = Partial<Record<IndicatorKey, Reason>>;

const present = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/**
 * The indicator area A in m²: `landAreaM2` when recorded, else `areaM2`.
 * @example indicatorAreaM2({id:"a", landAreaM2: 10000}, 10012.3) // 10000
 */
export function indicatorAreaM2(input: ParcelInput, areaM2: number): number {
  return present(input.landAreaM2) ? input.landAreaM2 : areaM2;
}

/** num / den, or null with a reason (first missing field, else a zero denominator). */
function quotient(
  num: number | undefined,
  numField: string,
  den: number | undefined,
  denField: string,
  key: IndicatorKey,
  reasons: NullReasons,
): number | null {
  const hasNum = present(num);
  const hasDen = present(den);
  if (!hasNum || !hasDen) {
    reasons[key] =
      !hasNum && !hasDen
        ? fieldReason("missing-input", numField, denField)
        : fieldReason("missing-input", hasNum ? denField : numField);
    return null;
  }
  if (den === 0) {
    reasons[key] = fieldReason("zero-denominator", denField);
    return null;
  }
  return num / den;
}

/**
 * Compute every §3 indicator of one parcel.
 *
 * @param input the parcel's typed inputs (undefined = missing or set aside)
 * @param areaM2 planar area of the geometry in the analysis CRS, m²
 * @param nullReasons filled with a reason for every indicator that comes out `null`
 * @returns the indicators (`areaMu` in 亩 of A; per-mu values in 万元/亩; ratios as fractions)
 * @example
 * computeIndicators({id:"p", landAreaM2: 10000, fixedInvestment: 1800, floorAreaM2: 8000}, 10010, {})
 * // {areaM2: 10010, areaMu: 15, investmentPerMu: 120, far: 0.8, …, areaDiscrepancy: -0.000999…}
 */
export function computeIndicators(
  input: ParcelInput,
  areaM2: number,
  nullReasons: NullReasons,
): ParcelIndicators {
  return computeIndicatorsInto(input, areaM2, nullReasons, {
    areaM2: 0,
    areaMu: 0,
    investmentPerMu: null,
    far: null,
    buildingCoverage: null,
    greenRatio: null,
    adminRatio: null,
    outputPerMu: null,
    valueAddedPerMu: null,
    taxPerMu: null,
    laborProductivity: null,
    energyProductivity: null,
    rdIntensity: null,
    areaDiscrepancy: null,
  });
}

/**
 * `computeIndicators` writing into an existing object (the analysis writes straight into each
 * parcel's computed record, so no intermediate object is allocated per parcel).
 * @returns `out`
 */
export function computeIndicatorsInto<T extends ParcelIndicators>(
  input: ParcelInput,
  areaM2: number,
  nullReasons: NullReasons,
  out: T,
): T {
  const hasLegal = present(input.landAreaM2);
  const A = hasLegal ? (input.landAreaM2 as number) : areaM2;
  const aField = hasLegal ? "landAreaM2" : "areaM2";
  const mu = m2ToMu(A);
  const r = nullReasons;
  const va = input.valueAdded;
  out.areaM2 = areaM2;
  out.areaMu = mu;
  out.investmentPerMu = quotient(input.fixedInvestment, "fixedInvestment", mu, aField, "investmentPerMu", r);
  out.far = quotient(input.floorAreaM2, "floorAreaM2", A, aField, "far", r);
  out.buildingCoverage = quotient(input.footprintAreaM2, "footprintAreaM2", A, aField, "buildingCoverage", r);
  out.greenRatio = quotient(input.greenAreaM2, "greenAreaM2", A, aField, "greenRatio", r);
  out.adminRatio = quotient(input.adminAreaM2, "adminAreaM2", A, aField, "adminRatio", r);
  out.outputPerMu = quotient(input.outputValue, "outputValue", mu, aField, "outputPerMu", r);
  out.valueAddedPerMu = quotient(va, "valueAdded", mu, aField, "valueAddedPerMu", r);
  out.taxPerMu = quotient(input.taxRevenue, "taxRevenue", mu, aField, "taxPerMu", r);
  out.laborProductivity = quotient(va, "valueAdded", input.employees, "employees", "laborProductivity", r);
  out.energyProductivity = quotient(va, "valueAdded", input.energyTce, "energyTce", "energyProductivity", r);
  out.rdIntensity = quotient(input.rdExpense, "rdExpense", input.revenue, "revenue", "rdIntensity", r);
  if (!hasLegal) {
    out.areaDiscrepancy = null;
    r.areaDiscrepancy = fieldReason("missing-input", "landAreaM2");
  } else if (areaM2 === 0) {
    out.areaDiscrepancy = null;
    r.areaDiscrepancy = fieldReason("zero-denominator", "areaM2");
  } else out.areaDiscrepancy = (A - areaM2) / areaM2;
  return out;
}
