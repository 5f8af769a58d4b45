// One report, both renderings, every text scrubbed of secrets before it is escaped for either.
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { redact } from "./redact.ts";
import { buildReport, type Line, type Report, type ReportInput } from "./report.ts";

export interface RenderedReport {
  markdown: string;
  html: string;
}

/** Every text of the report scrubbed, before any escaping can change how a secret is spelled. */
export function redactReport(report: Report, secrets: readonly string[]): Report {
  const line = (l: Line): Line => l.map((seg) => ({ ...seg, text: redact(seg.text, secrets) }));
  return {
    title: redact(report.title, secrets),
    verdict: { ...report.verdict, text: redact(report.verdict.text, secrets) },
    about: report.about.map(line),
    sections: report.sections.map((s) => ({
      ...s,
      ...(s.lines ? { lines: s.lines.map(line) } : {}),
      ...(s.table ? { table: { head: s.table.head, rows: s.table.rows.map((r) => r.map(line)) } } : {}),
      ...(s.note ? { note: redact(s.note, secrets) } : {}),
    })),
  };
}

/** Both renderings of one report, with every known secret (and anything shaped like one) scrubbed. */
export function renderReport(input: ReportInput, secrets: readonly string[] = []): RenderedReport {
  const report = redactReport(buildReport(input), secrets);
  return { markdown: redact(renderMarkdown(report), secrets), html: redact(renderHtml(report), secrets) };
}
