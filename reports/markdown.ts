// Markdown for PR comments and docs: the same figures as the terminal table, as GitHub tables.
import { percent, rupiahJuta } from "./format.ts";
import { diversityLine, opticsLine, spofLines } from "./health-lines.ts";
import { targetLine } from "./target-line.ts";
import type { ReportSummary, Share } from "./view.ts";

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

const shareCells = (s: Share): string[] => [String(s.covered), String(s.total), percent(s.ratio)];

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

  out.push(
    "## Targets",
    "",
    table(
      ["Target", "Covered", "In scope", "Share", "Required", "Gap", "City-run only", "Status"],
      view.targets.map((t) => [
        t.id,
        ...shareCells(t.achieved),
        percent(t.ratio, 0),
        t.gap,
        percent(t.cityOnly.ratio),
        t.met ? "met" : "not met",
      ]),
    ),
    "",
    `## Coverage by category (${view.headline?.id ?? "served sites"})`,
    "",
    table(
      ["Category", "Covered", "In scope", "Share"],
      view.byCategory.map((g) => [g.label, ...shareCells(g)]),
    ),
    "",
    `## Coverage by kecamatan (${view.headline?.id ?? "served sites"})`,
    "",
    table(
      ["Kecamatan", "Covered", "In scope", "Share"],
      view.byKecamatan.map((g) => [g.label, ...shareCells(g)]),
    ),
    "",
  );

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
    out.push(
      table(
        ["#", "Site", "Kecamatan", "Cost", "Cumulative cost", "Coverage after"],
        view.plan.map((s) => [
          s.order,
          s.siteName,
          s.kecamatanName,
          rupiahJuta(s.costRp),
          rupiahJuta(s.cumulativeCostRp),
          percent(s.cumulativeRatio),
        ]),
      ),
    );
  }
  return `${out.join("\n")}\n`;
}
