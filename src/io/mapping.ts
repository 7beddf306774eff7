/**
 * A field mapping: which of a file's fields feeds which parcel property, in which unit.
 *
 * Applied to raw properties before the alias matching of `properties.ts`: a mapped field is
 * renamed to the schema key and its value converted to the schema unit; an ignored field is
 * dropped; an unmapped field goes through alias matching unchanged. Saved and loaded as JSON
 * (the dialog's 保存/载入, the CLI's `--mapping`), and remembered per set of field names.
 */
import { type FieldInfo, fieldInfo, INPUT_FIELDS, type Unit } from "../domain/fields";
import { M2_PER_HA, MU_PER_HA } from "../domain/units";
import { decodeText } from "./decode";
import { parseJson } from "./json";
import { parseDate, toHalfWidth } from "./numbers";
import { inputFieldOfName } from "./properties";
import type { Problem } from "./types";

/** Units a mapped value can be given in; converted to the schema unit of its property. */
export type SourceUnit = "yuan" | "wan-yuan" | "yi-yuan" | "m2" | "mu" | "ha";

/** How a date field is written in the source. */
export type DateFormat = "yyyymmdd" | "text";

export interface FieldRule {
  /** Schema key (`shared/spec/parcel-schema.md`), or null to ignore the field. */
  property: string | null;
  unit?: SourceUnit;
  dateFormat?: DateFormat;
}

export interface FieldMapping {
  version: 1;
  /** Source field name, exactly as in the file → rule. */
  fields: Record<string, FieldRule>;
}

/** Source units per schema unit they convert to. */
const MONEY_UNITS: readonly SourceUnit[] = ["yuan", "wan-yuan", "yi-yuan"];
const AREA_UNITS: readonly SourceUnit[] = ["m2", "mu", "ha"];
const SOURCE_UNITS: readonly SourceUnit[] = [...MONEY_UNITS, ...AREA_UNITS];
const DATE_FORMATS: readonly DateFormat[] = ["yyyymmdd", "text"];

/** The source units a schema unit can be given in (none: the value is taken as it is). */
export function sourceUnitsFor(unit: Unit): readonly SourceUnit[] {
  if (unit === "wan-yuan" || unit === "wan-yuan-per-year") return MONEY_UNITS;
  if (unit === "m2") return AREA_UNITS;
  return [];
}

/**
 * A number given in `from` in the schema unit `to` (万元 or m²). Written so that round inputs
 * give exact results: 15 亩 → 10000 m², 12345 元 → 1.2345 万元 (one correctly rounded division).
 */
export function convertUnit(value: number, from: SourceUnit, to: Unit): number {
  if (to === "wan-yuan" || to === "wan-yuan-per-year") {
    if (from === "yuan") return value / 10000;
    if (from === "yi-yuan") return value * 10000;
    return value;
  }
  if (to === "m2") {
    if (from === "mu") return (value * M2_PER_HA) / MU_PER_HA;
    if (from === "ha") return value * M2_PER_HA;
    return value;
  }
  return value;
}

/** How a unit is written after a number, so that the alias matcher reports a unit that does not fit. */
const UNIT_SUFFIX: Record<SourceUnit, string> = {
  yuan: "元",
  "wan-yuan": "万元",
  "yi-yuan": "亿元",
  m2: "平方米",
  mu: "亩",
  ha: "公顷",
};

const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?([eE][+-]?\d+)?|\.\d+)$/;

/** A number written plainly (thousands separators and full-width digits allowed), else undefined. */
function plainNumber(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== "string") return undefined;
  const s = toHalfWidth(raw).trim();
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

function setProp(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__")
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** A YYYYMMDD value (number or text) as ISO, when it is a real day; else undefined. */
function yyyymmdd(raw: unknown): string | undefined {
  const s =
    typeof raw === "number"
      ? Number.isInteger(raw)
        ? String(raw)
        : ""
      : typeof raw === "string"
        ? toHalfWidth(raw).trim()
        : "";
  if (!/^\d{8}$/.test(s)) return undefined;
  const r = parseDate(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
  return r.value;
}

function convertValue(raw: unknown, rule: FieldRule, info: FieldInfo | undefined): unknown {
  if (raw === null || raw === undefined || !info) return raw;
  if (rule.unit !== undefined && (info.kind === "number" || info.kind === "integer")) {
    const n = plainNumber(raw);
    // a value that writes its own unit ("1.2亿元") keeps it: the alias matcher converts it
    if (n === undefined) return raw;
    if (!sourceUnitsFor(info.unit).includes(rule.unit)) return `${n}${UNIT_SUFFIX[rule.unit]}`; // reported as unit-mismatch
    const v = convertUnit(n, rule.unit, info.unit);
    return v === 0 ? 0 : v;
  }
  if (info.kind === "date" && rule.dateFormat !== undefined) {
    // a day that does not exist (19000229) is left as written: the date parser names it
    if (rule.dateFormat === "yyyymmdd") return yyyymmdd(raw) ?? raw;
    const r = parseDate(typeof raw === "number" ? String(raw) : raw);
    return r.value ?? raw;
  }
  return raw;
}

/**
 * Apply a field mapping to one feature's properties: mapped fields renamed to their schema key
 * (first, so that a mapped field wins over another field the alias matching would also take)
 * with values converted to the schema unit (元/亿元 → 万元, 亩/公顷 → m², YYYYMMDD or date text →
 * ISO); ignored fields dropped; every other field kept under its own name for the alias matching.
 * Values that cannot be converted are passed on as written, so the property parser names them.
 * @example applyMapping({ 面积亩: 15, 备注: "x" }, { version: 1, fields: { 面积亩: { property: "landAreaM2", unit: "mu" } } })
 * // → { landAreaM2: 10000, 备注: "x" }
 */
export function applyMapping(
  props: Record<string, unknown>,
  mapping: FieldMapping | undefined,
): Record<string, unknown> {
  if (!mapping) return props;
  const rules = mapping.fields;
  const mapped: Record<string, unknown> = {};
  const rest: Array<[string, unknown]> = [];
  for (const name of Object.keys(props)) {
    const raw = props[name];
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) {
      rest.push([name, raw]);
      continue;
    }
    if (rule.property === null) continue;
    if (Object.hasOwn(mapped, rule.property)) continue; // two fields for one property: the first (parseMapping rejects this)
    setProp(mapped, rule.property, convertValue(raw, rule, fieldInfo(rule.property)));
  }
  for (const [name, raw] of rest) if (!Object.hasOwn(mapped, name)) setProp(mapped, name, raw);
  return mapped;
}

/** Unit hints written in field names: `投资额(万元)`, `面积（亩）`, `用地面积_公顷`. */
const UNIT_HINTS: Array<[RegExp, SourceUnit]> = [
  [/^亿元?$/, "yi-yuan"],
  [/^万元?$/, "wan-yuan"],
  [/^元$/, "yuan"],
  [/^亩$/, "mu"],
  [/^(公顷|ha|hm2|hm²)$/i, "ha"],
  [/^(平方米|平米|m2|m²|㎡)$/i, "m2"],
];
const HINT_RE = /^(.*?)\s*(?:[（(]\s*([^()（）]+?)\s*[)）]|[_\s-]?(亿元|万元|元|亩|公顷|平方米|㎡|m2))\s*$/i;

function splitUnitHint(name: string): { base: string; unit?: SourceUnit } {
  const m = HINT_RE.exec(name.trim());
  if (!m) return { base: name.trim() };
  const hint = (m[2] ?? m[3] ?? "").trim();
  for (const [re, unit] of UNIT_HINTS) if (re.test(hint)) return { base: (m[1] as string).trim(), unit };
  return { base: (m[1] as string).trim() };
}

/**
 * The input field a field name stands for, through the alias matching or, failing that, its name
 * without a unit in brackets or after it (`投资额(万元)` → fixedInvestment), with that unit when it
 * fits the field.
 * @example fieldOfName("宗地面积（亩）") // { info: landAreaM2, unit: "mu" }
 */
export function fieldOfName(name: string): { info: FieldInfo; unit?: SourceUnit } | undefined {
  const direct = inputFieldOfName(name);
  if (direct) return { info: direct };
  const hint = splitUnitHint(name);
  const info = hint.base !== "" ? inputFieldOfName(hint.base) : undefined;
  if (!info) return undefined;
  return hint.unit && sourceUnitsFor(info.unit).includes(hint.unit) ? { info, unit: hint.unit } : { info };
}

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Magnitudes that betray the unit when the name does not say it: a parcel's investment of
 * a million or more "万元" would be ten billion yuan — it is in 元; a legal land area under
 * 300 "m²" is smaller than any industrial parcel — it is in 亩.
 */
const YUAN_MEDIAN_FROM = 1_000_000;
const MU_MEDIAN_BELOW = 300;

/**
 * A mapping pre-filled from the field catalogue's aliases: each field whose name (or its name
 * without a unit in brackets, `投资额(万元)`) is a known alias maps to that property, with the unit
 * from the name, else guessed from the sample values' magnitude, and `yyyymmdd` for date fields
 * whose samples are all 8-digit days. Fields without an alias are left out (unmapped); a second
 * field for a property already taken is left out too (the import then names the duplicate).
 */
export function suggestMapping(fields: string[], samples: Record<string, unknown>[]): FieldMapping {
  const out: FieldMapping = { version: 1, fields: {} };
  const taken = new Set<string>();
  for (const name of fields) {
    const found = fieldOfName(name);
    if (!found || taken.has(found.info.key)) continue;
    const { info } = found;
    taken.add(info.key);
    const rule: FieldRule = { property: info.key };
    const allowed = sourceUnitsFor(info.unit);
    const values = samples.map((s) => s[name]).filter((v) => v !== undefined && v !== null && v !== "");
    if (found.unit) rule.unit = found.unit;
    else if (allowed.length > 0) {
      const m = median(values.map(plainNumber).filter((n): n is number => n !== undefined));
      if (m !== undefined && allowed === MONEY_UNITS && m >= YUAN_MEDIAN_FROM) rule.unit = "yuan";
      else if (m !== undefined && info.key === "landAreaM2" && m > 0 && m < MU_MEDIAN_BELOW) rule.unit = "mu";
    }
    if (
      info.kind === "date" &&
      values.length > 0 &&
      values.every((v) => yyyymmdd(v) !== undefined || /^\d{8}$/.test(String(v).trim()))
    ) {
      rule.dateFormat = "yyyymmdd";
    }
    out.fields[name] = rule;
  }
  return out;
}

/**
 * A key for remembering a mapping per set of field names: the same for the same names in any
 * order (trimmed, duplicates once), different when a name is added, removed or renamed.
 * @example mappingSignature(["宗地编号", "投资额"]) === mappingSignature(["投资额", " 宗地编号"]) // true
 */
export function mappingSignature(fields: string[]): string {
  const names = [...new Set(fields.map((f) => f.trim()))].sort();
  // FNV-1a, 2 × 32 bits over the UTF-16 code units, names separated by U+001F
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ names.length;
  const text = names.join("\u001f");
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `fields-v1-${names.length}-${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}

const INPUT_KEYS = new Set(INPUT_FIELDS.map((f) => f.key));

/**
 * Read a saved mapping (JSON, UTF-8 or GBK). A file that is not a mapping is a fatal problem; a
 * rule that cannot be used (unknown property, a unit that does not fit the property, two fields
 * for one property) is an error naming its field, and is left out of the returned mapping.
 */
export function parseMapping(
  bytes: Uint8Array,
  file: string,
): { mapping?: FieldMapping; problems: Problem[] } {
  const problems: Problem[] = [];
  const fatal = (code: string, params?: Problem["params"]) => ({
    problems: [
      ...problems,
      { severity: "error" as const, code, fatal: true, file, ...(params ? { params } : {}) },
    ],
  });
  const d = decodeText(bytes, file);
  if (d.text === undefined) return { problems: d.problems };
  if (d.text.trim() === "") return fatal("empty-file");
  const j = parseJson(d.text);
  if (!j.ok) return fatal("not-json", j.params);
  const root = j.value;
  if (!root || typeof root !== "object" || Array.isArray(root)) return fatal("mapping-not-mapping");
  const r = root as Record<string, unknown>;
  if (r.version !== 1)
    return fatal("mapping-bad-version", { version: JSON.stringify(r.version ?? null) ?? "null" });
  const fields = r.fields;
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) return fatal("mapping-not-mapping");
  const out: FieldMapping = { version: 1, fields: {} };
  const firstFor = new Map<string, string>();
  const err = (field: string, code: string, params: Problem["params"] = {}) =>
    problems.push({ severity: "error", code, file, field, params });
  for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      err(field, "mapping-bad-rule");
      continue;
    }
    const v = value as Record<string, unknown>;
    const property = v.property;
    if (property !== null && typeof property !== "string") {
      err(field, "mapping-bad-rule");
      continue;
    }
    if (property === null) {
      out.fields[field] = { property: null };
      continue;
    }
    if (!INPUT_KEYS.has(property)) {
      err(field, "mapping-unknown-property", { property });
      continue;
    }
    const info = fieldInfo(property) as FieldInfo;
    const rule: FieldRule = { property };
    if (v.unit !== undefined) {
      const allowed = sourceUnitsFor(info.unit);
      if (typeof v.unit !== "string" || !SOURCE_UNITS.includes(v.unit as SourceUnit)) {
        err(field, "mapping-bad-unit", { unit: String(v.unit), property, allowed: SOURCE_UNITS.join(", ") });
        continue;
      }
      if (!allowed.includes(v.unit as SourceUnit)) {
        err(field, "mapping-unit-mismatch", { unit: v.unit, property, allowed: allowed.join(", ") || "—" });
        continue;
      }
      rule.unit = v.unit as SourceUnit;
    }
    if (v.dateFormat !== undefined) {
      if (info.kind !== "date" || !DATE_FORMATS.includes(v.dateFormat as DateFormat)) {
        err(field, "mapping-bad-date-format", { raw: String(v.dateFormat), property });
        continue;
      }
      rule.dateFormat = v.dateFormat as DateFormat;
    }
    const first = firstFor.get(property);
    if (first !== undefined) {
      err(field, "mapping-duplicate-property", { property, first });
      continue;
    }
    firstFor.set(property, field);
    out.fields[field] = rule;
  }
  return { mapping: out, problems };
}

/** A mapping as the JSON file `parseMapping` reads (UTF-8, two-space indent, final newline). */
export function writeMapping(mapping: FieldMapping): string {
  const fields: Record<string, FieldRule> = {};
  for (const [k, r] of Object.entries(mapping.fields)) {
    fields[k] = {
      property: r.property,
      ...(r.unit !== undefined ? { unit: r.unit } : {}),
      ...(r.dateFormat !== undefined ? { dateFormat: r.dateFormat } : {}),
    };
  }
  return `${JSON.stringify({ version: 1, fields }, null, 2)}\n`;
}
