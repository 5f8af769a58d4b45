// Inventory → report view: runs the analyses the report shows over one shared operational network
// (built once, not once per analysis) and adapts their results.
import { analyseCoverage } from "../model/analyses/coverage.ts";
import { analyseDiversity } from "../model/analyses/diversity.ts";
import { buildOperationalNetwork } from "../model/analyses/network.ts";
import { analyseOptics } from "../model/analyses/optics.ts";
import type { Inventory } from "../model/types.ts";
import type { ReportView } from "./view.ts";
import { buildReportView } from "./view-from-analyses.ts";

export function reportView(inventory: Inventory): ReportView {
  const net = buildOperationalNetwork(inventory.sites, inventory.links);
  return buildReportView(inventory, {
    coverage: analyseCoverage(inventory, net),
    optics: analyseOptics(inventory, net),
    diversity: analyseDiversity(inventory, net),
  });
}
