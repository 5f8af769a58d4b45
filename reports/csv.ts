// RFC 4180 CSV: a field is quoted when it holds a comma, quote, CR or LF, and quotes are doubled.
// Names like `SD Negeri 1 "Kartini", Wolio` must survive a round trip into NetBox intact.

export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function* csvChunks(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield `${header.map(cell).join(",")}\r\n`;
  for (const row of rows) yield `${row.map(cell).join(",")}\r\n`;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return [...csvChunks(header, rows)].join("");
}
