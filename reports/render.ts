// Format name → renderer. Table and Markdown need only the summary; the other formats draw or list
// every site and link, so they take the full view.
import type { Chunks } from "./chunks.ts";
import { geoJsonChunks, renderGeoJson } from "./geojson.ts";
import { renderHtml } from "./html/page.ts";
import { jsonChunks, renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderTerminal } from "./table.ts";
import type { ReportSummary, ReportView } from "./view.ts";

export const REPORT_FORMATS = ["table", "md", "json", "geojson", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const SUMMARY_FORMATS = ["table", "md"] as const satisfies readonly ReportFormat[];
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** Exports are views of the inventory for other systems, not reports. */
export const EXPORT_FORMATS = ["netbox-csv", "ofds"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isSummaryFormat(format: ReportFormat): format is SummaryFormat {
  return (SUMMARY_FORMATS as readonly string[]).includes(format);
}

const SUMMARY_RENDERERS: Record<SummaryFormat, (summary: ReportSummary) => string> = {
  table: renderTerminal,
  md: renderMarkdown,
};

const VIEW_RENDERERS: Record<Exclude<ReportFormat, SummaryFormat>, (view: ReportView) => string> = {
  json: renderJson,
  geojson: renderGeoJson,
  html: renderHtml,
};

export function renderSummary(summary: ReportSummary, format: SummaryFormat): string {
  return SUMMARY_RENDERERS[format](summary);
}

/** The report as chunks: the formats that list every record stream them, the others are one chunk. */
export function reportChunks(view: ReportView, format: ReportFormat): Chunks {
  if (format === "geojson") return geoJsonChunks(view);
  if (format === "json") return jsonChunks(view);
  return [renderReport(view, format)];
}

export function renderReport(view: ReportView, format: ReportFormat): string {
  return isSummaryFormat(format) ? SUMMARY_RENDERERS[format](view) : VIEW_RENDERERS[format](view);
}
