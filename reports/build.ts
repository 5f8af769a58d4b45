// Inventory → report view or summary: every analysis in one call (they share one operational
// network), then adapted to what the renderers read.
import { analyseNetwork } from "../model/analyses/index.ts";
import type { NetworkInventory } from "../model/types.ts";
import type { ReportSummary, ReportView } from "./view.ts";
import { buildReportSummary, buildReportView, type ReportInputs } from "./view-from-analyses.ts";

// Only the analyses the report shows: IPAM (0.3 s at 500k sites) and Tier-2 have their own commands.
function inputs(inventory: NetworkInventory): ReportInputs {
  return analyseNetwork(inventory);
}

export function reportView(inventory: NetworkInventory): ReportView {
  return buildReportView(inventory, inputs(inventory));
}

/** Without per-site and per-link rows: what the table and Markdown need, at a fraction of the cost. */
export function reportSummary(inventory: NetworkInventory): ReportSummary {
  return buildReportSummary(inventory, inputs(inventory));
}
