/**
 * Reallocation candidates (腾笼换鸟, domain.md §7).
 *
 * A parcel is a candidate when its idle status is `idle-1y`, `idle-2y` or `idle-halted`, or its
 * efficiency class is `D`; the reasons list each code in that order, with `government-cause`
 * right after the idle code when the delay was the government's (53号令 第八条: no fee, no
 * recovery without compensation; disposal by agreement), so no list shows a government-caused
 * idle parcel as plain idle land. A parcel failing standards
 * is "below standard", a warning level below candidate (not a reason here).
 */
import { isIdleLand } from "./flags";
import { indicatorAreaM2 } from "./indicators";
import { type ResolvedThreshold, ThresholdResolver } from "./standards";
import type {
  AnalysedParcel,
  EfficiencyClass,
  IdleStatus,
  ParcelInput,
  ReallocationReason,
  Standards,
} from "./types";

/**
 * Reallocation reason codes for one parcel (empty when it is not a candidate).
 * @example reallocationReasons("idle-halted", "D") // ["idle-halted", "class-D"]
 * reallocationReasons("idle-2y", null, true) // ["idle-2y", "government-cause"]
 */
export function reallocationReasons(
  idle: IdleStatus,
  cls: EfficiencyClass | null,
  governmentCause = false,
): ReallocationReason[] {
  const out: ReallocationReason[] = [];
  if (isIdleLand(idle)) {
    out.push(idle);
    if (governmentCause) out.push("government-cause");
  }
  if (cls === "D") out.push("class-D");
  return out;
}

/** What a compliant project on a candidate's land would bring, against the standards' minimums. */
export interface ReallocationPotential {
  /** The land that would be freed: the indicator area A, m². */
  areaM2: number;
  areaMu: number;
  /** Minimum fixed investment of a compliant project, 万元 (investmentPerMu minimum × 亩), or null when no minimum is set. */
  investment: number | null;
  /** Minimum yearly output, 万元/年. */
  output: number | null;
  /** Minimum yearly tax, 万元/年. */
  tax: number | null;
  /** The present yearly output and tax of the parcel (null when not recorded), for comparison. */
  currentOutput: number | null;
  currentTax: number | null;
}

/**
 * The area a candidate would free and the investment, output and tax that a project meeting
 * the standards there would bring. Thresholds are the zone's and the parcel's industry's
 * (defaults → zone → industry); the parcel's own agreed targets are not used, since they belong
 * to the contract being ended.
 *
 * @param parcel an analysed parcel
 * @param resolver thresholds of the standards in use (`new ThresholdResolver(standards)`)
 * @example reallocationPotential(p, new ThresholdResolver(standards)) // {areaM2: 20000, areaMu: 30, investment: 3600, output: 4500, tax: 240, …}
 */
export function reallocationPotential(
  parcel: AnalysedParcel,
  resolver: ThresholdResolver | Standards,
): ReallocationPotential {
  const r = resolver instanceof ThresholdResolver ? resolver : new ThresholdResolver(resolver);
  const input: ParcelInput = parcel.input;
  const resolved = r.resolve(input.zone, input.industryCode);
  const mu = parcel.computed.areaMu;
  const min = (k: ResolvedThreshold["indicator"]) => {
    const t = resolved.find((x) => x.indicator === k && x.kind === "min");
    return t ? t.threshold * mu : null;
  };
  return {
    areaM2: indicatorAreaM2(input, parcel.computed.areaM2),
    areaMu: mu,
    investment: min("investmentPerMu"),
    output: min("outputPerMu"),
    tax: min("taxPerMu"),
    currentOutput: input.outputValue ?? null,
    currentTax: input.taxRevenue ?? null,
  };
}
