/**
 * Typed parsing of property values as they arrive in real files: numbers written as text with
 * thousands separators, full-width digits or units ("1,200", "３５０", " 850万元 ", "1.2亿元"),
 * booleans (是/否, Y/N, 1/0) and dates (2024-06-30, 2024/6/30, 2024年6月30日).
 *
 * Only what is unambiguous is read. Anything else is set aside with a problem code, never
 * turned into 0. An empty value (null, "", whitespace) is simply missing, without a problem.
 * Units in the result are those of `shared/spec/domain.md` §1 (m², 万元, 万元/亩, fractions).
 */
import { daysInMonth } from "../domain/dates";
import type { FieldInfo, Unit } from "../domain/fields";
import { M2_PER_MU } from "../domain/units";
import { depthExceeds } from "./depth";

export type ParamValue = string | number | boolean | null;

/** A value that could not be used, with the problem code and the values its message needs. */
export interface ParseIssue {
  code: string;
  params: Record<string, ParamValue>;
}

/** `value` set → usable; neither set → missing (no problem); `issue` set → set aside. */
export interface Parsed<T> {
  value?: T;
  issue?: ParseIssue;
}

const MISSING: Parsed<never> = {};

/** Fields whose numeric value may be negative (a loss-making year, domain.md §3). */
const NEGATIVE_ALLOWED = new Set(["valueAdded"]);

/** How a written unit converts to the field's unit: `factor` multiplies the number. */
interface UnitSpelling {
  unit: Unit;
  factor: number;
}

/**
 * Unit spellings accepted after a number, per field unit (compared after removing spaces and
 * lower-casing). A spelling known for another unit is a `unit-mismatch`; an unknown one makes
 * the value unparseable.
 */
const SPELLINGS: Record<string, UnitSpelling[]> = {
  万元: [
    { unit: "wan-yuan", factor: 1 },
    { unit: "wan-yuan-per-year", factor: 1 },
  ],
  万: [
    { unit: "wan-yuan", factor: 1 },
    { unit: "wan-yuan-per-year", factor: 1 },
  ],
  "万元/年": [{ unit: "wan-yuan-per-year", factor: 1 }],
  亿元: [
    { unit: "wan-yuan", factor: 10000 },
    { unit: "wan-yuan-per-year", factor: 10000 },
  ],
  亿: [
    { unit: "wan-yuan", factor: 10000 },
    { unit: "wan-yuan-per-year", factor: 10000 },
  ],
  "亿元/年": [{ unit: "wan-yuan-per-year", factor: 10000 }],
  元: [
    { unit: "wan-yuan", factor: 1e-4 },
    { unit: "wan-yuan-per-year", factor: 1e-4 },
  ],
  "万元/亩": [{ unit: "wan-yuan-per-mu", factor: 1 }],
  "万元/公顷": [{ unit: "wan-yuan-per-mu", factor: 1 / 15 }],
  平方米: [{ unit: "m2", factor: 1 }],
  万平方米: [{ unit: "m2", factor: 10000 }],
  平米: [{ unit: "m2", factor: 1 }],
  m2: [{ unit: "m2", factor: 1 }],
  "m²": [{ unit: "m2", factor: 1 }],
  "㎡": [{ unit: "m2", factor: 1 }],
  亩: [
    { unit: "m2", factor: M2_PER_MU },
    { unit: "mu", factor: 1 },
  ],
  公顷: [
    { unit: "m2", factor: 10000 },
    { unit: "mu", factor: 15 },
  ],
  ha: [
    { unit: "m2", factor: 10000 },
    { unit: "mu", factor: 15 },
  ],
  "%": [{ unit: "ratio", factor: 0.01 }],
  人: [{ unit: "persons", factor: 1 }],
  吨标煤: [{ unit: "tce-per-year", factor: 1 }],
  吨标准煤: [{ unit: "tce-per-year", factor: 1 }],
  "吨标煤/年": [{ unit: "tce-per-year", factor: 1 }],
  tce: [{ unit: "tce-per-year", factor: 1 }],
};

/**
 * A plain decimal (optionally with exponent) or one with comma thousands separators in groups of
 * three. "1.200,5", "1 200", "1,20" are not matched: their meaning depends on the writer's locale.
 */
const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)\s*(.*)$/i;

/** Full-width digits and signs (０-９ ． ， ％ － ＋) to ASCII; ideographic space to space. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = "";
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += " ";
      changed = true;
    } else {
      out += s[i];
    }
  }
  return changed ? out : s;
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** A short, printable form of a raw value for messages. */
export function rawText(raw: unknown): string {
  if (typeof raw === "string") return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
  if (typeof raw === "number") return String(raw);
  // too deep to serialise safely (and `String` of a deep array recurses too): show its shape
  if (depthExceeds(raw)) return Array.isArray(raw) ? "[[[…]]]" : "{{{…}}}";
  try {
    const s = JSON.stringify(raw) ?? String(raw);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return String(raw);
  }
}

const issue = (code: string, raw: unknown, extra: Record<string, ParamValue> = {}): Parsed<never> => ({
  issue: { code, params: { raw: rawText(raw), ...extra } },
});

/**
 * Parse a numeric property for `field` (kind `number` or `integer`), in the field's unit.
 *
 * @example parseNumber("1.2亿元", fixedInvestmentField) // → { value: 12000 } (万元)
 * @example parseNumber("约100", fixedInvestmentField)   // → { issue: { code: "unparseable-number", … } }
 */
export function parseNumber(raw: unknown, field: Pick<FieldInfo, "key" | "kind" | "unit">): Parsed<number> {
  if (isBlank(raw)) return MISSING;
  let value: number;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return issue("unparseable-number", raw);
    value = raw;
  } else if (typeof raw === "string") {
    const s = toHalfWidth(raw).trim();
    const m = NUMBER_RE.exec(s);
    if (!m) return issue("unparseable-number", raw);
    const sign = m[1] === "-" ? -1 : 1;
    value = sign * Number((m[2] ?? "").replace(/,/g, ""));
    if (!Number.isFinite(value)) return issue("unparseable-number", raw);
    const suffix = (m[3] ?? "").replace(/\s+/g, "").toLowerCase();
    if (suffix !== "") {
      const spellings = SPELLINGS[suffix];
      if (!spellings) return issue("unparseable-number", raw);
      const match = spellings.find((x) => x.unit === field.unit);
      if (!match) return issue("unit-mismatch", raw, { unit: suffix });
      value *= match.factor;
    }
  } else {
    return issue("unparseable-number", raw);
  }
  if (value < 0 && !NEGATIVE_ALLOWED.has(field.key)) return issue("negative-value", raw);
  if (field.kind === "integer" && !Number.isInteger(value)) return issue("not-integer", raw);
  // -0 → 0, so that exports never show "-0"
  return { value: value === 0 ? 0 : value };
}

const TRUE_WORDS = new Set(["是", "true", "t", "y", "yes", "1", "有", "√"]);
const FALSE_WORDS = new Set(["否", "false", "f", "n", "no", "0", "无", "×"]);

/**
 * Parse a boolean property: `true`/`false`, 1/0, and the strings 是/否, true/false, Y/N, yes/no,
 * 1/0, 有/无 (case-insensitive, full-width accepted).
 */
export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (isBlank(raw)) return MISSING;
  if (typeof raw === "boolean") return { value: raw };
  if (raw === 1 || raw === 0) return { value: raw === 1 };
  if (typeof raw === "string") {
    const s = toHalfWidth(raw).trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return { value: true };
    if (FALSE_WORDS.has(s)) return { value: false };
  }
  return issue("unparseable-boolean", raw);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Whether y-m-d is a day of the proleptic Gregorian calendar (years 0001–9999). */
function isCalendarDay(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parse a date property to ISO `YYYY-MM-DD`. Accepts `2024-06-30`, `2024-6-30`, `2024/6/30`,
 * `2024.6.30`, `2024年6月30日` and `20240630` (text or number). Any other number (an Excel
 * serial day, e.g. 45473) is reported as `excel-serial-date`, not guessed; a date with a time of
 * day as `unparseable-date` (the day depends on the time zone); a day that does not exist
 * (2023-02-29) as `invalid-date`.
 */
export function parseDate(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return MISSING;
  if (typeof raw === "number") {
    // 20240630 (YYYYMMDD, common in Chinese registers) is read; anything else is not guessed
    if (Number.isInteger(raw) && raw >= 10000101 && raw <= 99991231) return parseDate(String(raw));
    return issue("excel-serial-date", raw);
  }
  if (typeof raw !== "string") return issue("unparseable-date", raw);
  // fast path: already ISO (the common case, and what exports contain)
  if (raw.length === 10 && ISO_DATE.test(raw)) {
    const y = Number(raw.slice(0, 4));
    const mo = Number(raw.slice(5, 7));
    const d = Number(raw.slice(8, 10));
    return isCalendarDay(y, mo, d) ? { value: raw } : issue("invalid-date", raw);
  }
  const s = toHalfWidth(raw).trim();
  if (/^\d{5}(\.\d+)?$/.test(s)) return issue("excel-serial-date", raw);
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isCalendarDay(y, mo, d)) return issue("invalid-date", raw);
    return { value: `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
  }
  return issue("unparseable-date", raw);
}

/**
 * Parse a text property: trimmed; numbers become their decimal text (a land-use code written as
 * the number 100101); objects, arrays and booleans are set aside.
 */
export function parseText(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return MISSING;
  if (typeof raw === "string") return { value: raw.trim() };
  if (typeof raw === "number" && Number.isFinite(raw)) return { value: String(raw) };
  return issue("not-text-value", raw);
}
