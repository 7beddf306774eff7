/**
 * Reading a standards file (format of `shared/spec/standards.example.json`): thresholds for the
 * standards checks (domain.md §4), the idle fee rate (§5), efficiency weights and benchmarks (§6),
 * service distances (§8) and the analysis CRS.
 *
 * A missing section is filled from the built-in example standards, with a warning naming the
 * section (officials must know which numbers are placeholders). A threshold that is not a
 * number, or an impossible value (negative, cutoffs out of order, an unknown CRS), makes the file
 * unusable: `ok` false with an `error` naming the path (e.g. `defaults.min.far`).
 */
import { planarAreasAreTrue, resolveCrs } from "../domain/crs";
import { fieldInfo } from "../domain/fields";
import {
  EFFICIENCY_INDICATORS,
  MAX_CHECKED,
  MIN_CHECKED,
  type ServiceStandard,
  type Standards,
  type ThresholdSet,
} from "../domain/types";
import { decodeText } from "./decode";
import { DEFAULT_STANDARDS } from "./default-standards";
import { parseJson } from "./json";
import { rawText } from "./numbers";
import type { Problem } from "./types";

export interface StandardsImport {
  ok: boolean;
  standards?: Standards;
  problems: Problem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

const SERVICE_KEYS: (keyof ServiceStandard)[] = [
  "distanceM",
  "juniorDistanceM",
  "minAreaM2",
  "stopDistanceM",
  "preferredStopDistanceM",
  "speedKmh",
  "dwellSeconds",
];

class Reader {
  problems: Problem[] = [];
  constructor(private readonly file: string | undefined) {}

  private push(severity: Problem["severity"], code: string, field: string, params: Problem["params"] = {}) {
    this.problems.push({
      severity,
      code,
      ...(this.file === undefined ? {} : { file: this.file }),
      field,
      params,
    });
  }
  error(code: string, path: string, raw?: unknown) {
    this.push("error", code, path, raw === undefined ? {} : { raw: rawText(raw) });
  }
  warn(code: string, path: string, params: Problem["params"] = {}) {
    this.push("warning", code, path, params);
  }
  get failed(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }

  /** A finite number ≥ 0 (or > 0 when `positive`); else an error. */
  num(v: unknown, path: string, positive = false): number | undefined {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.error("bad-threshold", path, v);
      return undefined;
    }
    if (v < 0 || (positive && v === 0)) {
      this.error("bad-threshold-range", path, v);
      return undefined;
    }
    return v;
  }

  /** `{key: number}` restricted to `allowed` keys (others warned and ignored). */
  numbers<K extends string>(
    v: unknown,
    path: string,
    allowed: readonly K[],
    positive = false,
  ): Partial<Record<K, number>> {
    const out: Partial<Record<K, number>> = {};
    if (v === undefined) return out;
    if (!isObj(v)) {
      this.error("bad-section", path, v);
      return out;
    }
    for (const [k, raw] of Object.entries(v)) {
      if (!(allowed as readonly string[]).includes(k)) {
        this.warn("unknown-standards-key", `${path}.${k}`);
        continue;
      }
      const n = this.num(raw, `${path}.${k}`, positive);
      if (n !== undefined) out[k as K] = n;
    }
    return out;
  }

  thresholds(v: unknown, path: string): ThresholdSet {
    if (!isObj(v)) {
      this.error("bad-section", path, v);
      return {};
    }
    const out: ThresholdSet = {};
    for (const k of Object.keys(v))
      if (k !== "min" && k !== "max") this.warn("unknown-standards-key", `${path}.${k}`);
    if (v.min !== undefined) out.min = this.numbers(v.min, `${path}.min`, MIN_CHECKED);
    if (v.max !== undefined) out.max = this.numbers(v.max, `${path}.max`, MAX_CHECKED);
    return out;
  }

  thresholdMap(v: unknown, path: string): Record<string, ThresholdSet> {
    const out: Record<string, ThresholdSet> = {};
    if (!isObj(v)) {
      this.error("bad-section", path, v);
      return out;
    }
    for (const [k, set] of Object.entries(v)) out[k] = this.thresholds(set, `${path}.${k}`);
    return out;
  }
}

/** Top-level `type` values of GeoJSON (RFC 7946 §1.4). */
const GEOJSON_TYPES = new Set([
  "FeatureCollection",
  "Feature",
  "Polygon",
  "MultiPolygon",
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "GeometryCollection",
]);
/** A number a source text states with a comparison, e.g. "≥ 120" or "≤ 7%" (ratios as fractions). */
export interface SourceComparison {
  kind: "min" | "max";
  value: number;
  /** The words as written, e.g. "≥ 120", "不超过 7%". */
  text: string;
}

const COMPARISON_RE = /(≥|≤|>=|<=|不低于|不少于|不小于|不高于|不超过|不大于)\s*([0-9]+(?:\.[0-9]+)?)\s*(%)?/g;
const MIN_WORDS = new Set(["≥", ">=", "不低于", "不少于", "不小于"]);

/**
 * The thresholds a source text states (a comparison sign or word followed by a number; `%`
 * divides by 100). Numbers without a comparison (references, averages) are not thresholds.
 * @example sourceComparisons("建筑系数 ≥ 30%；参考: 均值 45 万元/亩") // [{kind:"min", value:0.3, text:"≥ 30%"}]
 */
export function sourceComparisons(text: string): SourceComparison[] {
  const out: SourceComparison[] = [];
  for (const m of text.matchAll(COMPARISON_RE)) {
    const n = Number(m[2]);
    out.push({ kind: MIN_WORDS.has(m[1]!) ? "min" : "max", value: m[3] ? n / 100 : n, text: m[0].trim() });
  }
  return out;
}

const nearly = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const shortNum = (v: number) => String(Number(v.toPrecision(12)));

/**
 * A warning for every threshold a source text states that no level of the file applies for that
 * indicator (defaults, zones, industries), e.g. sources.investmentPerMu "≥ 200" where the file's
 * minimums are 120 and 100: the citation is stale and the analysis applies the numbers. Also the
 * idle fee rate against the percentages of sources.idle.
 */
function checkSources(
  r: Reader,
  s: Pick<Standards, "sources" | "defaults" | "zones" | "industries" | "idle">,
) {
  const sets = [s.defaults, ...Object.values(s.zones), ...Object.values(s.industries)];
  for (const [key, text] of Object.entries(s.sources)) {
    const kind = (MIN_CHECKED as readonly string[]).includes(key)
      ? "min"
      : (MAX_CHECKED as readonly string[]).includes(key)
        ? "max"
        : key === "idle"
          ? "idle"
          : null;
    if (kind === null) continue;
    if (kind === "idle") {
      const rates = [...text.matchAll(/([0-9]+(?:\.[0-9]+)?)\s*%/g)];
      const rate = s.idle.feeRate;
      for (const m of rates)
        if (!nearly(Number(m[1]) / 100, rate))
          r.warn("source-disagrees", `sources.${key}`, {
            indicator: "idleFeeRate",
            quoted: m[0].trim(),
            kind: "rate",
            applied: `${shortNum(rate * 100)}%`,
          });
      continue;
    }
    const applied: number[] = [];
    for (const set of sets) {
      const v = (set[kind] as Record<string, number | undefined> | undefined)?.[key];
      if (v !== undefined && !applied.some((a) => nearly(a, v))) applied.push(v);
    }
    if (applied.length === 0) continue;
    const ratio = fieldInfo(key)?.unit === "ratio";
    const show = (v: number) => (ratio ? `${shortNum(v * 100)}%` : shortNum(v));
    for (const c of sourceComparisons(text)) {
      if (c.kind !== kind || applied.some((a) => nearly(a, c.value))) continue;
      r.warn("source-disagrees", `sources.${key}`, {
        indicator: key,
        quoted: c.text,
        kind,
        applied: applied.map(show).join(" / "),
      });
    }
  }
}

/**
 * Validate a parsed standards object.
 *
 * @param obj the parsed JSON
 * @param file file name for messages
 * @example validateStandards(JSON.parse(text), "standards.json") // {ok:true, standards, problems:[]}
 */
export function validateStandards(obj: unknown, file?: string): StandardsImport {
  const r = new Reader(file);
  if (!isObj(obj)) {
    r.error("not-standards", "", Array.isArray(obj) ? "array" : typeof obj);
    return { ok: false, problems: r.problems };
  }
  if (typeof obj.type === "string" && GEOJSON_TYPES.has(obj.type)) {
    // parcels (or another GeoJSON layer) given as the standards: every key unknown, every
    // section defaulted — refuse it as what it is rather than run on the example values
    const problem: Problem = {
      severity: "error",
      code: "standards-is-geojson",
      fatal: true,
      params: { type: obj.type },
    };
    if (file !== undefined) problem.file = file;
    return { ok: false, problems: [problem] };
  }
  const D = DEFAULT_STANDARDS;
  const section = <T>(key: string, read: (v: unknown) => T, fallback: T): T => {
    if (obj[key] === undefined) {
      r.warn("standards-default", key);
      return fallback;
    }
    return read(obj[key]);
  };
  const text = (v: unknown, path: string): string => {
    if (typeof v === "string" && v.trim() !== "") return v;
    r.error("bad-text", path, v);
    return "";
  };

  const name = section("name", (v) => text(v, "name"), D.name);
  const edition = section("edition", (v) => text(v, "edition"), D.edition);
  const sources = section(
    "sources",
    (v) => {
      const out: Record<string, string> = {};
      if (!isObj(v)) r.error("bad-section", "sources", v);
      else for (const [k, s] of Object.entries(v)) out[k] = text(s, `sources.${k}`);
      return out;
    },
    { ...D.sources },
  );
  const defaults = section("defaults", (v) => r.thresholds(v, "defaults"), D.defaults);
  const zones = section("zones", (v) => r.thresholdMap(v, "zones"), D.zones);
  const industries = section("industries", (v) => r.thresholdMap(v, "industries"), D.industries);
  const idle = section(
    "idle",
    (v) => {
      if (!isObj(v)) {
        r.error("bad-section", "idle", v);
        return D.idle;
      }
      if (v.feeRate === undefined) {
        r.warn("standards-default", "idle.feeRate");
        return D.idle;
      }
      const feeRate = r.num(v.feeRate, "idle.feeRate");
      if (feeRate !== undefined && feeRate > 1) r.error("bad-threshold-range", "idle.feeRate", feeRate);
      return { feeRate: feeRate ?? D.idle.feeRate };
    },
    D.idle,
  );
  const efficiency = section(
    "efficiency",
    (v) => {
      const E = D.efficiency;
      if (!isObj(v)) {
        r.error("bad-section", "efficiency", v);
        return E;
      }
      const pick = <T>(k: string, read: (x: unknown) => T, fallback: T): T => {
        if (v[k] === undefined) {
          r.warn("standards-default", `efficiency.${k}`);
          return fallback;
        }
        return read(v[k]);
      };
      const minAreaMu = pick(
        "minAreaMu",
        (x) => r.num(x, "efficiency.minAreaMu") ?? E.minAreaMu,
        E.minAreaMu,
      );
      const cap = pick("cap", (x) => r.num(x, "efficiency.cap", true) ?? E.cap, E.cap);
      const weights = pick(
        "weights",
        (x) => r.numbers(x, "efficiency.weights", EFFICIENCY_INDICATORS),
        E.weights,
      );
      const benchmarks = pick(
        "benchmarks",
        (x) => r.numbers(x, "efficiency.benchmarks", EFFICIENCY_INDICATORS, true),
        E.benchmarks,
      );
      for (const k of Object.keys(weights) as (keyof typeof weights)[]) {
        if ((weights[k] ?? 0) > 0 && benchmarks[k] === undefined)
          r.error("missing-benchmark", `efficiency.benchmarks.${k}`);
      }
      const classCutoffs = pick(
        "classCutoffs",
        (x) => {
          const c = r.numbers(x, "efficiency.classCutoffs", ["A", "B", "C"] as const);
          const A = c.A ?? E.classCutoffs.A;
          const B = c.B ?? E.classCutoffs.B;
          const C = c.C ?? E.classCutoffs.C;
          if (!(A > 0 && A <= B && B <= C && C <= 1))
            r.error("bad-cutoffs", "efficiency.classCutoffs", `${A}, ${B}, ${C}`);
          return { A, B, C };
        },
        E.classCutoffs,
      );
      return { minAreaMu, cap, weights, benchmarks, classCutoffs };
    },
    D.efficiency,
  );
  const services = section(
    "services",
    (v) => {
      const out: Record<string, ServiceStandard> = {};
      if (!isObj(v)) {
        r.error("bad-section", "services", v);
        return out;
      }
      for (const [k, s] of Object.entries(v)) out[k] = r.numbers(s, `services.${k}`, SERVICE_KEYS);
      return out;
    },
    D.services,
  );
  const analysisCrs = section(
    "analysisCrs",
    (v) => {
      if (typeof v !== "string") {
        r.error("bad-text", "analysisCrs", v);
        return D.analysisCrs;
      }
      const c = resolveCrs(v);
      if (!c.ok || !planarAreasAreTrue(c.proj4)) {
        r.error("bad-analysis-crs", "analysisCrs", v);
        return D.analysisCrs;
      }
      return v;
    },
    D.analysisCrs,
  );
  for (const k of Object.keys(obj)) {
    if (
      ![
        "name",
        "edition",
        "sources",
        "defaults",
        "zones",
        "industries",
        "idle",
        "efficiency",
        "services",
        "analysisCrs",
        "$schema",
        "description",
        "notes",
      ].includes(k)
    ) {
      r.warn("unknown-standards-key", k);
    }
  }
  if (r.failed) return { ok: false, problems: r.problems };
  checkSources(r, { sources, defaults, zones, industries, idle });
  const standards: Standards = {
    name,
    edition,
    sources,
    defaults,
    zones,
    industries,
    idle,
    efficiency,
    services,
    analysisCrs,
  };
  return { ok: true, standards, problems: r.problems };
}

/**
 * Read a standards file (bytes or text; UTF-8 or GBK).
 *
 * @example readStandards(readFileSync("geodata/standards.json"), "standards.json")
 */
export function readStandards(input: string | Uint8Array, file?: string): StandardsImport {
  const decoded = decodeText(input, file);
  if (decoded.text === undefined) return { ok: false, problems: decoded.problems };
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) {
    const where = file === undefined ? {} : { file };
    const fatal: Problem = {
      severity: "error",
      code: "not-json",
      fatal: true,
      ...where,
      params: parsed.params,
    };
    return { ok: false, problems: [...decoded.problems, fatal] };
  }
  const r = validateStandards(parsed.value, file);
  return { ...r, problems: [...decoded.problems, ...r.problems] };
}
