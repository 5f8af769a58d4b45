// Turns problem drafts into positioned problems. Each file with problems is parsed once more, this
// time into a document with source ranges; clean files are never re-parsed.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { fastLocatorFor, type Locator } from "./fast-locate.ts";
import type { ItemLines } from "./fast-yaml.ts";
import { formatPath, type PathSegment, type Problem, type ProblemDraft } from "./problem.ts";

function locatorFor(text: string, paths: readonly (readonly PathSegment[])[], items?: ItemLines): Locator {
  return fastLocatorFor(text, paths, items) ?? yamlLocatorFor(text);
}

export function yamlLocatorFor(text: string): Locator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, prettyErrors: false });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    let node: unknown = doc.contents;
    let best = doc.contents?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) break;
        const key = pair.key as Node;
        if (key.range) best = key.range[0];
        // A field problem points at its key ("status:"), which is where a reader's eye goes first;
        // only a bad scalar value with the key far away would read better at the value.
        if (last) break;
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
    return pos(best);
  };
}

export function locateProblems(
  drafts: readonly ProblemDraft[],
  texts: ReadonlyMap<string, string>,
  itemLines: ReadonlyMap<string, ItemLines> = new Map(),
): Problem[] {
  // Every path wanted in a file is known up front, so each file is read once for all of them.
  const wanted = new Map<string, PathSegment[][]>();
  const want = (file: string, path: PathSegment[]) => {
    const list = wanted.get(file);
    if (list) list.push(path);
    else wanted.set(file, [path]);
  };
  for (const d of drafts) {
    want(d.file, d.path);
    if (d.related) want(d.related.file, d.related.path);
  }
  const locators = new Map<string, Locator | null>();
  const get = (file: string): Locator | null => {
    let loc = locators.get(file);
    if (loc === undefined) {
      const text = texts.get(file);
      loc = text === undefined ? null : locatorFor(text, wanted.get(file) ?? [], itemLines.get(file));
      locators.set(file, loc);
    }
    return loc;
  };
  return drafts.map((d) => {
    const where = get(d.file)?.(d.path) ?? { line: 0, column: 0 };
    const problem: Problem = { file: d.file, ...where, path: formatPath(d.path), message: d.message };
    if (d.allowed) problem.allowed = d.allowed;
    if (d.suggestion !== undefined) problem.suggestion = d.suggestion;
    if (d.related) {
      const rel = get(d.related.file)?.(d.related.path) ?? { line: 0, column: 0 };
      problem.related = { file: d.related.file, ...rel, path: formatPath(d.related.path) };
    }
    return problem;
  });
}
