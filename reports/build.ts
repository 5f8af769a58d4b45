// Inventory → report view: every analysis in one call (they share one operational network), then
// adapted to the view the renderers read.
import { analyseAll } from "../model/analyses/index.ts";
import type { Inventory } from "../model/types.ts";
import type { ReportView } from "./view.ts";
import { buildReportView } from "./view-from-analyses.ts";

export function reportView(inventory: Inventory): ReportView {
  const { coverage, optics, diversity, plan } = analyseAll(inventory);
  return buildReportView(inventory, { coverage, optics, diversity, plan });
}
