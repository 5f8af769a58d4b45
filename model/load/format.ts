// Compiler-style output, one problem per line, so editors and CI annotate the right spot:
//   inventory/sites/wolio.yaml:12:7 sites[3].connection.status: "operatonal" is not allowed; allowed: ...; did you mean "operational"?
import type { Problem } from "./problem.ts";

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  let text = `${where} ${p.path ? `${p.path}: ` : ""}${p.message}`;
  if (p.allowed && p.allowed.length > 0) text += `; allowed: ${p.allowed.join(", ")}`;
  if (p.suggestion !== undefined) text += `; did you mean "${p.suggestion}"?`;
  const places = [...(p.related ? [p.related] : []), ...(p.alsoSee ?? [])];
  if (places.length > 0) {
    const shown = places.map((r) => `${r.line > 0 ? `${r.file}:${r.line}:${r.column}` : r.file} ${r.path}`);
    text += ` (see ${shown.join("; ")})`;
  }
  return text;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join("\n");
}
