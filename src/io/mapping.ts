/**
 * A field mapping: which of a file's fields feeds which parcel property, in which unit.
 *
 * Applied to raw properties before the alias matching of `properties.ts`: a mapped field is
 * renamed to the schema key and its value converted to the schema unit; an ignored field is
 * dropped; an unmapped field goes through alias matching unchanged. Saved and loaded as JSON
 * (the dialog's 保存/载入, the CLI's `--mapping`), and remembered per set of field names.
 */

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

/*
 * STUBS of the sheets branch's functions (issue 8 contract), minimal but working so the import
 * dialog can be built and tested; the owner's versions replace them at merge.
 */
import { fieldInfo, INPUT_FIELDS } from "../domain/fields";
import type { Problem } from "./types";

const MONEY_FACTOR: Partial<Record<SourceUnit, number>> = { yuan: 1e-4, "wan-yuan": 1, "yi-yuan": 1e4 };
const AREA_FACTOR: Partial<Record<SourceUnit, number>> = { m2: 1, mu: 10000 / 15, ha: 10000 };

function convert(value: unknown, rule: FieldRule): unknown {
  const info = rule.property ? fieldInfo(rule.property) : undefined;
  if (rule.dateFormat === "yyyymmdd") {
    const s = String(value ?? "").trim();
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : value;
  }
  if (!rule.unit || !info) return value;
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? Number(value.replace(/,/g, ""))
        : Number.NaN;
  if (!Number.isFinite(n)) return value;
  const money = info.unit.startsWith("wan-yuan") ? MONEY_FACTOR[rule.unit] : undefined;
  const area = info.unit === "m2" ? AREA_FACTOR[rule.unit] : undefined;
  const factor = money ?? area;
  return factor === undefined ? value : n * factor;
}

/**
 * Apply a field mapping to one feature's properties: a mapped field is renamed to its schema
 * key and its value converted to the schema unit (元/亿元 → 万元, 亩/公顷 → m², YYYYMMDD → ISO
 * date), an ignored field (`property: null`) is dropped, an unmapped field passes unchanged.
 * Without a mapping the properties are returned as they are (no copy).
 * @example applyMapping({ ZDBH: "A1" }, { version: 1, fields: { ZDBH: { property: "id" } } }) // { id: "A1" }
 */
export function applyMapping(
  props: Record<string, unknown>,
  mapping: FieldMapping | undefined,
): Record<string, unknown> {
  if (!mapping) return props;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(props)) {
    const rule = Object.hasOwn(mapping.fields, name) ? mapping.fields[name] : undefined;
    const key = rule ? rule.property : name;
    if (key === null || key === undefined) continue;
    // defineProperty: a field named `__proto__` is kept like any other.
    Object.defineProperty(out, key, {
      value: rule ? convert(props[name], rule) : props[name],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

export function suggestMapping(fields: string[], _samples: Record<string, unknown>[]): FieldMapping {
  const byName = new Map<string, string>();
  for (const f of INPUT_FIELDS)
    for (const n of [f.key, f.zh, ...f.aliases]) byName.set(n.trim().toLowerCase(), f.key);
  const out: FieldMapping = { version: 1, fields: {} };
  for (const name of fields) {
    const key = byName.get(name.trim().toLowerCase());
    if (key) out.fields[name] = { property: key };
  }
  return out;
}

export function mappingSignature(fields: string[]): string {
  return [...fields].sort().join("\u001f");
}

export function parseMapping(
  bytes: Uint8Array,
  file: string,
): { mapping?: FieldMapping; problems: Problem[] } {
  const bad = (): { problems: Problem[] } => ({
    problems: [{ severity: "error", code: "mapping-unreadable", fatal: true, file }],
  });
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return bad();
  }
  if (typeof v !== "object" || v === null) return bad();
  const o = v as { version?: unknown; fields?: unknown };
  if (o.version !== 1 || typeof o.fields !== "object" || o.fields === null) return bad();
  const mapping: FieldMapping = { version: 1, fields: {} };
  for (const [k, r] of Object.entries(o.fields as Record<string, unknown>)) {
    if (typeof r !== "object" || r === null) continue;
    const rr = r as Record<string, unknown>;
    if (rr.property !== null && (typeof rr.property !== "string" || !fieldInfo(rr.property))) continue;
    const rule: FieldRule = { property: rr.property as string | null };
    if (typeof rr.unit === "string" && rr.unit in { ...MONEY_FACTOR, ...AREA_FACTOR })
      rule.unit = rr.unit as SourceUnit;
    if (rr.dateFormat === "yyyymmdd" || rr.dateFormat === "text") rule.dateFormat = rr.dateFormat;
    mapping.fields[k] = rule;
  }
  return { mapping, problems: [] };
}
