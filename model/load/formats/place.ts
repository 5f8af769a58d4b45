// Problems in the terms of the file they are in. YAML files are placed by locate.ts (line, column);
// a network file's reader turns the model's path (sites[3].connection.status) into the file's own
// (networks[0].nodes[3].status) with the line where the format has one (NDJSON).
import {
  formatPath,
  type LocatedPlace,
  type PathSegment,
  type Place,
  type Problem,
  type ProblemDraft,
} from "../problem.ts";
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
  // Everything YAML goes through one locateProblems call: each YAML place a problem involves (the
  // problem itself, its related place, the places it also names) becomes one stand-in draft.
  const yaml: ProblemDraft[] = [];
  const stand = (place: Place): number => yaml.push({ file: place.file, path: place.path, message: "" }) - 1;
  const plan = drafts.map((d) => ({
    draft: d,
    at: reads.has(d.file) ? undefined : stand(d),
    places: [...(d.related ? [d.related] : []), ...(d.alsoSee ?? [])].map((p) =>
      reads.has(p.file) ? p : stand(p),
    ),
  }));
  const located = locateYaml(yaml);
  const where = (p: Place | number): LocatedPlace => {
    if (typeof p === "number") {
      const r = located[p] as Problem;
      return { file: r.file, line: r.line, column: r.column, path: r.path };
    }
    return { file: p.file, ...placeIn(reads.get(p.file) as NetworkRead, p.path) };
  };
  return plan.map(({ draft, at, places }) => {
    const self =
      at === undefined
        ? { file: draft.file, ...placeIn(reads.get(draft.file) as NetworkRead, draft.path) }
        : where(at);
    const problem: Problem = { ...self, message: draft.message };
    if (draft.allowed) problem.allowed = draft.allowed;
    if (draft.suggestion !== undefined) problem.suggestion = draft.suggestion;
    const [related, ...more] = places.map(where);
    if (related) problem.related = related;
    if (more.length > 0) problem.alsoSee = more;
    return problem;
  });
}
