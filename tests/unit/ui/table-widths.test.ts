import { describe, expect, it } from "vitest";
import { headerLabel, TABLE_COLUMNS } from "../../../src/ui/table/columns";
import {
  CELL_PADDING_PX,
  columnWidths,
  estimateTextWidth,
  MAX_COLUMN_PX,
  MIN_COLUMN_PX,
} from "../../../src/ui/table/widths";
import { parcel } from "./table-fixtures";

const ctx = { lang: "en" as const, unit: "mu" as const, zoneName: (id: string) => id };
/** One px per character: widths are easy to reason about. */
const perChar = (text: string) => [...text].length;

const col = (field: string) => {
  const c = TABLE_COLUMNS.find((x) => x.field === field);
  if (!c) throw new Error(field);
  return c;
};

describe("columnWidths", () => {
  it("a column is as wide as its widest cell plus padding", () => {
    const rows = [
      parcel({ id: "A-1" }),
      parcel({ id: "A-1234567890123456789012345678901234567890123456789" }),
    ];
    const [w] = columnWidths([col("id")], [{ label: "Id", unit: null }], rows, ctx, perChar, 10);
    expect(w).toBe(51 + CELL_PADDING_PX);
  });

  it("the header (label plus sort arrow, or its unit line) never truncates", () => {
    const rows = [parcel({ id: "A" })];
    const label = "Parcel identifier with a long English header label";
    const [w] = columnWidths([col("id")], [{ label, unit: null }], rows, ctx, perChar, 10);
    expect(w).toBe(Math.round(label.length + 11 + CELL_PADDING_PX));
    const [u] = columnWidths([col("id")], [{ label: "Id", unit: "x".repeat(100) }], rows, ctx, perChar, 10);
    expect(u).toBe(100 + CELL_PADDING_PX);
  });

  it("stays within its bounds", () => {
    const rows = [parcel({ id: "A", name: "n".repeat(2000) })];
    const [id, name] = columnWidths(
      [col("id"), col("name")],
      [
        { label: "", unit: null },
        { label: "", unit: null },
      ],
      rows,
      ctx,
      perChar,
      10,
    );
    expect(id).toBe(MIN_COLUMN_PX);
    expect(name).toBe(MAX_COLUMN_PX);
  });

  it("the English header widths of the real columns fit their labels (the headers no longer truncate)", () => {
    const rows = [parcel({ id: "HTK-001" })];
    const headers = TABLE_COLUMNS.map((c) => headerLabel(c.field, "en", "mu"));
    const widths = columnWidths(TABLE_COLUMNS, headers, rows, ctx, estimateTextWidth, 13, 12);
    headers.forEach((h, i) => {
      expect(widths[i]).toBeGreaterThanOrEqual(Math.min(MAX_COLUMN_PX, estimateTextWidth(h.label, 13, true)));
    });
  });
});

describe("estimateTextWidth", () => {
  it("counts CJK characters as one em and Latin narrower", () => {
    expect(estimateTextWidth("黄土坎", 10)).toBe(30);
    expect(estimateTextWidth("abc", 10)).toBeLessThan(20);
  });
});
