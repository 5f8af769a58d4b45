import { diversityLine, opticsLine, spofLines } from "./health-lines.ts";
import { coverageTables, PLAN_HEAD, planRows } from "./summary-tables.ts";
import { targetLine } from "./target-line.ts";
import type { ReportSummary } from "./view.ts";

// Pipes end a table cell and newlines end the row, and GitHub renders inline HTML: escaped, a name can
// neither split a table nor inject markup.
const cell = (v: string | number): string =>
  String(v)
    .replaceAll("\\", "\\\\")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("|", "\\|")
    .replace(/\r?\n/g, " ");

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.map(cell).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function renderMarkdown(view: ReportSummary): string {
  const out: string[] = [`# ${cell(view.title)}`, ""];
  out.push(`Data as of ${view.asOf}.`);
  if (view.illustrative) {
    out.push(
      "",
      "> **Illustrative data.** Some records are estimates, not survey data; see each record's provenance.",
    );
  }
  out.push("", `**${cell(targetLine(view.headline))}**`, "");

  for (const t of coverageTables(view)) out.push(`## ${cell(t.title)}`, "", table(t.head, t.rows), "");

  if (view.optics || view.diversity) {
    out.push("## Network health", "");
    if (view.optics) out.push(`- ${cell(opticsLine(view.optics))}`);
    if (view.diversity) {
      out.push(`- ${cell(diversityLine(view.diversity))}`);
      for (const line of spofLines(view.diversity)) out.push(`  - ${cell(line)}`);
    }
    out.push("");
  }

  out.push("## Rollout plan", "");
  if (view.plan === null) {
    out.push("Not computed.");
  } else if (view.plan.length === 0) {
    out.push("Nothing left to connect.");
  } else {
    out.push(table(PLAN_HEAD, planRows(view.plan)));
  }
  return `${out.join("\n")}\n`;
}
