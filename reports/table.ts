// The default output: plain-text tables for a terminal, no colour codes so it pipes and diffs cleanly.
import Table from "cli-table3";
import { percent, rupiahJuta } from "./format.ts";
import { diversityLine, opticsLine, spofLines } from "./health-lines.ts";
import { coverageTables, PLAN_HEAD, planRows } from "./summary-tables.ts";
import { targetLine } from "./target-line.ts";
import type { ReportSummary } from "./view.ts";

const PLAN_ROWS = 15;

function table(head: string[], rows: (string | number)[][]): string {
  // No row separators: long tables stay scannable; no colour: output pipes and diffs cleanly.
  const t = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  t.push(...rows);
  return t.toString();
}

export function renderTerminal(view: ReportSummary): string {
  const out: string[] = [];
  const trust = view.illustrative ? " — includes illustrative (estimated) data" : "";
  out.push(`${view.title}`, `Data as of ${view.asOf}${trust}`, "", targetLine(view.headline), "");

  for (const t of coverageTables(view)) out.push(t.title, table(t.head, t.rows), "");

  if (view.optics) out.push(opticsLine(view.optics));
  if (view.diversity)
    out.push(diversityLine(view.diversity), ...spofLines(view.diversity).map((l) => `  ${l}`));
  if (view.optics || view.diversity) out.push("");

  const plan = view.plan;
  if (plan === null) {
    out.push("Rollout plan: not computed.");
  } else if (plan.length > 0) {
    const last = plan[plan.length - 1];
    out.push(
      `Rollout plan (first ${Math.min(PLAN_ROWS, plan.length)} of ${plan.length} steps; ` +
        `total ${rupiahJuta(last?.cumulativeCostRp ?? 0)} reaching ${percent(last?.cumulativeRatio ?? 0)})`,
      table(PLAN_HEAD, planRows(plan.slice(0, PLAN_ROWS))),
    );
  } else {
    out.push("Rollout plan: nothing left to connect.");
  }
  return `${out.join("\n")}\n`;
}
