// The report as one self-contained HTML page (no scripts, no external resources).
import type { Line, Report, Section } from "./report.ts";

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inline(line: Line): string {
  return line
    .map((seg) =>
      seg.code
        ? `<code>${esc(seg.text)}</code>`
        : seg.strong
          ? `<strong>${esc(seg.text)}</strong>`
          : esc(seg.text),
    )
    .join("");
}

function section(s: Section): string {
  const out = [`<section><h2>${esc(s.title)}</h2>`];
  if (s.lines?.length) out.push(`<ul>${s.lines.map((l) => `<li>${inline(l)}</li>`).join("")}</ul>`);
  if (s.table?.rows.length) {
    out.push(
      `<table><thead><tr>${s.table.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>`,
      ...s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`),
      "</tbody></table>",
    );
  }
  if (!s.lines?.length && !s.table?.rows.length && s.empty) out.push(`<p>${esc(s.empty)}</p>`);
  if (s.note) out.push(`<p class="note">${esc(s.note)}</p>`);
  out.push("</section>");
  return out.join("\n");
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
code{font:12px ui-monospace,monospace;background:#f6f8fa;padding:0 .2rem}.note{color:#57606a;font-style:italic}
.verdict{padding:.6rem .8rem;border-radius:6px;font-weight:600}.ok{background:#dafbe1}.blocked{background:#ffebe9}`;

export function renderHtml(report: Report): string {
  return `${[
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(report.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${esc(report.title)}</h1>`,
    `<p class="verdict ${report.verdict.ok ? "ok" : "blocked"}">${esc(report.verdict.text)}</p>`,
    `<p>${report.about.map(inline).join(" · ")}</p>`,
    ...report.sections.map(section),
    "</body></html>",
  ].join("\n")}\n`;
}
