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
