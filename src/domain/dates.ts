/**
 * ISO calendar dates (`YYYY-MM-DD`) in pure string/integer arithmetic: no `Date` parsing, no
 * time zone, so a date never shifts by a day (domain.md §1, §5).
 */
import type { IsoDate } from "./types";

/** A calendar date split into year, month (1–12) and day (1–31). */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `y` a leap year in the proleptic Gregorian calendar? @example isLeapYear(2024) // true */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. @example daysInMonth(2025, 2) // 28 */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parse a strict ISO date `YYYY-MM-DD` that exists in the calendar (year 0001–9999).
 *
 * @returns the parts, or null for anything else (`2025-2-3`, `2025-02-30`, `2025-02-03T00:00`)
 * @example parseIsoDate("2024-02-29") // {y:2024, m:2, d:29}; parseIsoDate("2025-02-29") // null
 */
export function parseIsoDate(s: string): Ymd | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

/** Is `s` a strict, real ISO date? @example isIsoDate("2023-04-31") // false */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === "string" && parseIsoDate(s) !== null;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Format parts as `YYYY-MM-DD`. @example formatIsoDate({y:2025, m:2, d:28}) // "2025-02-28" */
export function formatIsoDate(p: Ymd): IsoDate {
  return `${pad(p.y, 4)}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
}

function mustParse(iso: IsoDate): Ymd {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  return p;
}

/**
 * The same month and day `n` years later (or earlier for negative n); 29 February becomes
 * 28 February in a non-leap year (domain.md §5). Throws a RangeError for an invalid date.
 *
 * @example addYears("2024-02-29", 1) // "2025-02-28"; addYears("2024-06-30", 2) // "2026-06-30"
 */
export function addYears(iso: IsoDate, n: number): IsoDate {
  const p = mustParse(iso);
  return addYearsToParts(p, n);
}

/**
 * `addYears` for a date already known to be valid (the importer validated it): no parsing
 * regex, one string built. Used on hot paths (every parcel's idle rules).
 * @example addYearsValid("2024-02-29", 1) // "2025-02-28"
 */
export function addYearsValid(iso: IsoDate, n: number): IsoDate {
  const y = Number(iso.slice(0, 4)) + n;
  const md = iso.slice(4);
  const ys = y >= 1000 ? String(y) : pad(y, 4);
  return md === "-02-29" && !isLeapYear(y) ? `${ys}-02-28` : ys + md;
}

function addYearsToParts(p: Ymd, n: number): IsoDate {
  const y = p.y + n;
  const d = p.m === 2 && p.d === 29 && !isLeapYear(y) ? 28 : p.d;
  return formatIsoDate({ y, m: p.m, d });
}

/**
 * Compare two valid ISO dates: negative when a is earlier, 0 when equal, positive when later.
 * (Valid `YYYY-MM-DD` strings sort lexicographically in date order.)
 *
 * @example compareIsoDates("2025-02-27", "2025-02-28") // -1
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Is `a` on or before `b`? @example isOnOrBefore("2025-02-28", "2025-02-28") // true */
export function isOnOrBefore(a: IsoDate, b: IsoDate): boolean {
  return a <= b;
}

/** Is `a` on or after `b`? @example isOnOrAfter("2026-06-30", "2026-06-30") // true */
export function isOnOrAfter(a: IsoDate, b: IsoDate): boolean {
  return a >= b;
}

/**
 * Days since 1970-01-01 of a valid ISO date (civil-from-days arithmetic, no `Date`).
 * @example dayNumber("1970-01-02") // 1
 */
export function dayNumber(iso: IsoDate): number {
  const { y: y0, m, d } = mustParse(iso);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from a to b (b − a). @example daysBetween("2024-02-28", "2024-03-01") // 2 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The calendar date of an instant (milliseconds since the epoch) at a fixed UTC offset —
 * China Standard Time (UTC+8, 480 minutes) by default, so "today" for a Jianshi official does
 * not depend on the machine's time zone. The caller supplies the instant (the domain has no clock).
 *
 * @example isoDateAt(Date.UTC(2026, 5, 29, 17, 0), 480) // "2026-06-30" (01:00 in Beijing)
 */
export function isoDateAt(epochMs: number, offsetMinutes = 480): IsoDate {
  const days = Math.floor((epochMs + offsetMinutes * 60000) / 86400000);
  // days-from-civil inverse (Howard Hinnant's algorithm)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatIsoDate({ y, m, d });
}

/** The earliest as-of date the app applies: a year typed digit by digit passes 0002, 0020, 0202 first. */
export const MIN_AS_OF_YEAR = 1900;

/**
 * Is `s` a complete as-of date to analyse at: a real ISO date in year ≥ `MIN_AS_OF_YEAR`?
 * @example isUsableAsOf("2026-06-30") // true; isUsableAsOf("0020-06-30") // false
 */
export function isUsableAsOf(s: unknown): s is IsoDate {
  const p = typeof s === "string" ? parseIsoDate(s) : null;
  return p !== null && p.y >= MIN_AS_OF_YEAR;
}

/** The earliest of some ISO dates (invalid and missing ones skipped), or null. @example earliestDate(["2020-01-02", undefined, "2019-12-31"]) // "2019-12-31" */
export function earliestDate(dates: Iterable<string | undefined | null>): IsoDate | null {
  let min: IsoDate | null = null;
  // Checked only when it would be the new minimum (175,000 dates parsed were 100+ ms on the page).
  for (const d of dates) if (typeof d === "string" && (min === null || d < min) && isIsoDate(d)) min = d;
  return min;
}

/** Why an as-of date deserves a second look, or null. */
export type AsOfWarning = { kind: "before-data"; earliest: IsoDate } | { kind: "future"; today: IsoDate };

/**
 * An as-of date before the data's own dates (the earliest supply date: nothing was yet supplied,
 * so every status is moot) or after today (a projection, not the present state).
 * @example asOfWarning("1990-01-01", "2015-03-01", "2026-06-30") // {kind:"before-data", earliest:"2015-03-01"}
 */
export function asOfWarning(asOf: IsoDate, earliest: IsoDate | null, today: IsoDate): AsOfWarning | null {
  if (earliest !== null && asOf < earliest) return { kind: "before-data", earliest };
  if (asOf > today) return { kind: "future", today };
  return null;
}
