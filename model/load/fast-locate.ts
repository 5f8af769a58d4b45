// Positions for problems in files written in the fast YAML subset, without the general parser:
// re-reading a 50 MB site file with `yaml` to place one typo would take most of a minute.
import { findFastYamlPositions, type PathTrie } from "./fast-yaml.ts";
import type { PathSegment } from "./problem.ts";

export interface Located {
  line: number;
  column: number;
}

export type Locator = (path: readonly PathSegment[]) => Located;

function trieOf(paths: Iterable<readonly PathSegment[]>): PathTrie {
  const root: PathTrie = {};
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      node.children ??= new Map();
      const key = String(seg);
      let child = node.children.get(key);
      if (!child) {
        child = {};
        node.children.set(key, child);
      }
      node = child;
    }
  }
  return root;
}

function lineStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const starts = new Int32Array(count);
  let k = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts[k++] = i + 1;
  return starts;
}

function position(starts: Int32Array, offset: number): Located {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** A locator for the given paths of `text`, or undefined when the text is outside the subset. A
 * path that leaves the data (a missing field) stops at the deepest entry that exists, as the
 * general locator does. */
export function fastLocatorFor(text: string, paths: Iterable<readonly PathSegment[]>): Locator | undefined {
  const root = trieOf(paths);
  if (!findFastYamlPositions(text, root)) return undefined;
  let starts: Int32Array | undefined;
  return (path) => {
    let node: PathTrie | undefined = root;
    let offset = root.offset ?? 0;
    for (const seg of path) {
      node = node?.children?.get(String(seg));
      if (node?.offset === undefined) break;
      offset = node.offset;
    }
    starts ??= lineStarts(text);
    return position(starts, offset);
  };
}
