// Turns problem drafts into positioned problems, from the node ranges of the documents the files
// were read into (yaml-source.ts keeps them); no text is read twice.
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import { formatPath, type PathSegment, type Place, type Problem, type ProblemDraft } from "./problem.ts";

export interface Located {
  line: number;
  column: number;
}

/** Where a field path starts in one file. A path that leaves the data (a missing field) stops at the
 * deepest entry that exists: a missing field is reported at its record. */
export type Locator = (path: readonly PathSegment[]) => Located;

// Maps keyed by ids (the IPAM lock's allocations) hold thousands of keys: looking each problem's key
// up by scanning would make many problems quadratic, so a large map is indexed once, on first use.
const INDEX_FROM = 16;
function pairIn(map: YAMLMap, key: string, indexes: WeakMap<YAMLMap, Map<string, Pair>>): Pair | undefined {
  if (map.items.length < INDEX_FROM) {
    return map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) as
      | Pair
      | undefined;
  }
  let index = indexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) {
      const k = isScalar(p.key) ? String(p.key.value) : undefined;
      if (k !== undefined && !index.has(k)) index.set(k, p as Pair);
    }
    indexes.set(map, index);
  }
  return index.get(key);
}

export function locatorFor(doc: { contents: unknown }, lineCounter: LineCounter): Locator {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const root = doc.contents as Node | null;
  return (path) => {
    let node: unknown = root;
    let best = root?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = pairIn(node, String(seg), indexes);
        if (!pair) break;
        const key = pair.key as Node;
        if (key.range) best = key.range[0];
        // A field problem points at its key ("status:"), which is where a reader's eye goes first;
        // only a bad scalar value with the key far away would read better at the value.
        if (i === path.length - 1) break;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (!item) break;
        const range = (item as Node).range;
        if (range) best = range[0];
        node = item;
      } else {
        break;
      }
    }
    const { line, col } = lineCounter.linePos(best);
    return { line, column: col };
  };
}

export function locateProblems(
  drafts: readonly ProblemDraft[],
  locators: ReadonlyMap<string, Locator>,
): Problem[] {
  const at = (file: string, path: readonly PathSegment[]): Located =>
    locators.get(file)?.(path) ?? { line: 0, column: 0 };
  const place = (p: Place) => ({
    file: p.file,
    ...at(p.file, p.path),
    path: formatPath(p.path),
  });
  return drafts.map((d) => {
    const problem: Problem = {
      file: d.file,
      ...at(d.file, d.path),
      path: formatPath(d.path),
      message: d.message,
    };
    if (d.allowed) problem.allowed = d.allowed;
    if (d.suggestion !== undefined) problem.suggestion = d.suggestion;
    if (d.related) problem.related = place(d.related);
    if (d.alsoSee && d.alsoSee.length > 0) problem.alsoSee = d.alsoSee.map(place);
    return problem;
  });
}
