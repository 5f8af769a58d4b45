// Machine-readable report: the whole view, so dashboards and other tools read the same figures the
// humans see.
import type { ReportView } from "./view.ts";

export function renderJson(view: ReportView): string {
  return `${JSON.stringify(view, null, 2)}\n`;
}
