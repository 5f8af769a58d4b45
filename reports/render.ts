// Format name → renderer. The CLI and tests choose outputs by these names.
import { renderGeoJson } from "./geojson.ts";
import { renderHtml } from "./html/page.ts";
import { renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderNetboxSitesCsv } from "./netbox-csv.ts";
import { renderTerminal } from "./table.ts";
import type { ReportView } from "./view.ts";

export const REPORT_FORMATS = ["table", "md", "json", "geojson", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Exports are views of the inventory for other systems, not reports; `ofds` is rendered from the inventory. */
export const EXPORT_FORMATS = ["netbox-csv", "ofds"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (view: ReportView) => string> = {
  table: renderTerminal,
  md: renderMarkdown,
  json: renderJson,
  geojson: renderGeoJson,
  html: renderHtml,
};

export function renderReport(view: ReportView, format: ReportFormat): string {
  return RENDERERS[format](view);
}

export { renderNetboxSitesCsv };
