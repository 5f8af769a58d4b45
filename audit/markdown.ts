// The report as GitHub-flavoured Markdown for a pull-request comment (well under its 65,536
// characters: report.ts caps the listed changes).
import type { Line, Report, Section } from "./report.ts";

function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

function codeSpan(s: string): string {
  const clean = s.replace(/`/g, "'").replace(/\r?\n/g, " ");
  return `\`${clean}\``;
}

/** Emphasis must hug its text: spaces around it go outside the asterisks. */
function strongText(s: string): string {
  const m = /^(\s*)(.*?)(\s*)$/.exec(s) as RegExpExecArray;
  return `${m[1]}**${escapeText(m[2] as string)}**${m[3]}`;
}

export function inline(line: Line): string {
  return line
    .map((seg) => (seg.code ? codeSpan(seg.text) : seg.strong ? strongText(seg.text) : escapeText(seg.text)))
    .join("");
}

function section(s: Section): string {
  const out = [`### ${escapeText(s.title)}`, ""];
  for (const line of s.lines ?? []) out.push(`- ${inline(line)}`);
  if (s.lines?.length) out.push("");
  if (s.table?.rows.length) {
    out.push(`| ${s.table.head.map(escapeText).join(" | ")} |`);
    out.push(`|${s.table.head.map(() => " --- |").join("")}`);
    for (const row of s.table.rows) out.push(`| ${row.map(inline).join(" | ")} |`);
    out.push("");
  }
  if (!s.lines?.length && !s.table?.rows.length && s.empty) out.push(escapeText(s.empty), "");
  if (s.note) out.push(`_${escapeText(s.note)}_`, "");
  return out.join("\n");
}

export function renderMarkdown(report: Report): string {
  const out = [
    `## ${escapeText(report.title)}`,
    "",
    `${report.verdict.ok ? "✅" : "⛔"} **${escapeText(report.verdict.text)}**`,
    "",
    report.about.map(inline).join(" · "),
    "",
    ...report.sections.map(section),
  ];
  return `${out.join("\n").trimEnd()}\n`;
}
