// Accessible fallbacks: every chart has its numbers in a real table, for screen readers and for people
// who want the exact figures.
import { escapeXml } from "../escape.ts";

export interface Column<Row> {
  header: string;
  numeric?: boolean;
  value(row: Row): string | number;
}

export function renderTable<Row>(caption: string, columns: Column<Row>[], rows: readonly Row[]): string {
  const head = columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ""}>${escapeXml(c.header)}</th>`)
    .join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ""}>${escapeXml(String(c.value(row)))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  // Wide tables scroll inside their own focusable region on a phone instead of widening the page.
  return (
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeXml(caption)}">` +
    `<table><caption class="sr-only">${escapeXml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
  );
}

export function inDetails(summary: string, content: string): string {
  return `<details><summary>${escapeXml(summary)}</summary>${content}</details>`;
}
