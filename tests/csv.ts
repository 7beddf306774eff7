/** CSV reading for tests: what the writers wrote, split back into cells (RFC 4180). */

/** The cells of one CSV line: quoted cells, doubled quotes (the one row `parseCsv` reads from it). */
export function splitCsvLine(line: string): string[] {
  return parseCsv(line)[0] ?? [""];
}

/**
 * The rows of a whole CSV text (BOM dropped; rows end in CRLF, which quoted cells may hold; a last
 * row without its CRLF is kept).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && s[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (row.length > 0 || cell !== "") rows.push([...row, cell]);
  return rows;
}
