// Problems in the terms of the file they are in. YAML files are placed by locate.ts (line, column);
// a network file's reader turns the model's path (sites[3].connection.status) into the file's own
// (networks[0].nodes[3].status) with the line where the format has one (NDJSON).
import { formatPath, type PathSegment, type Problem, type ProblemDraft } from "../problem.ts";
import type { NetworkRead } from "./network-read.ts";

type Locate = (drafts: readonly ProblemDraft[]) => Problem[];

export function placeProblems(
  drafts: readonly ProblemDraft[],
  reads: ReadonlyMap<string, NetworkRead>,
  locateYaml: Locate,
): Problem[] {
  if (reads.size === 0) return locateYaml(drafts);
  const placeIn = (read: NetworkRead, path: readonly PathSegment[]) => {
    const placed = read.place(path);
    return { line: placed.line, column: placed.column, path: formatPath(placed.path) };
  };
  // Everything YAML goes through one locateProblems call (each file is re-read once): the YAML drafts
  // themselves, and stand-ins for YAML places that network-file problems refer to.
  const yaml: ProblemDraft[] = [];
  const plan: { draft: ProblemDraft; yamlAt?: number; relatedAt?: number }[] = [];
  for (const d of drafts) {
    const entry: (typeof plan)[number] = { draft: d };
    const mainRead = reads.get(d.file);
    const relatedRead = d.related ? reads.get(d.related.file) : undefined;
    if (!mainRead) {
      const { related, ...rest } = d;
      entry.yamlAt = yaml.push(relatedRead || !related ? rest : d) - 1;
    } else if (d.related && !relatedRead) {
      entry.relatedAt = yaml.push({ file: d.related.file, path: d.related.path, message: "" }) - 1;
    }
    plan.push(entry);
  }
  const located = locateYaml(yaml);
  return plan.map(({ draft, yamlAt, relatedAt }) => {
    let problem: Problem;
    if (yamlAt !== undefined) problem = located[yamlAt] as Problem;
    else {
      problem = {
        file: draft.file,
        ...placeIn(reads.get(draft.file) as NetworkRead, draft.path),
        message: draft.message,
      };
      if (draft.allowed) problem.allowed = draft.allowed;
      if (draft.suggestion !== undefined) problem.suggestion = draft.suggestion;
    }
    const related = draft.related;
    if (related) {
      const relatedRead = reads.get(related.file);
      if (relatedRead) problem.related = { file: related.file, ...placeIn(relatedRead, related.path) };
      else if (relatedAt !== undefined) {
        const r = located[relatedAt] as Problem;
        problem.related = { file: r.file, line: r.line, column: r.column, path: r.path };
      }
    }
    return problem;
  });
}
