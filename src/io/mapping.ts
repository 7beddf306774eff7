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

/**
 * Apply a field mapping to one feature's properties: a mapped field is renamed to its schema
 * key, an ignored field (`property: null`) is dropped, an unmapped field passes unchanged.
 * Without a mapping the properties are returned as they are (no copy).
 *
 * Minimal version (rename/drop only; units and dates are converted by the full version).
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
    Object.defineProperty(out, key, {
      value: props[name],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
