// Positions for problems in files written in the fast YAML subset, without the general parser:
// re-reading a 50 MB site file with `yaml` to place one typo would take most of a minute. A problem
// inside a list record (sites[i]...) re-reads only that record, found by the line index the first
// read kept; any other path re-reads the file once for all such paths.
import { findFastYamlPositions, type ItemLines, type PathTrie } from "./fast-yaml.ts";
import type { PathSegment } from "./problem.ts";

export interface Located {
  line: number;
  column: number;
}

export type Locator = (path: readonly PathSegment[]) => Located;

function addPath(root: PathTrie, path: readonly PathSegment[]): void {
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

/** Offset of the deepest entry of `path` that exists, starting from the trie's root offset. */
function offsetIn(root: PathTrie, path: readonly PathSegment[]): number {
  let node: PathTrie | undefined = root;
  let offset = root.offset ?? 0;
  for (const seg of path) {
    node = node?.children?.get(String(seg));
    if (node?.offset === undefined) break;
    offset = node.offset;
  }
  return offset;
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

/** The record a path points into, when the first read indexed that list: [line start, rest]. */
function recordOf(
  path: readonly PathSegment[],
  items: ItemLines | undefined,
): [number, PathSegment[]] | undefined {
  const [key, index, ...rest] = path;
  if (items === undefined || typeof key !== "string" || typeof index !== "number") return undefined;
  const start = items.get(key)?.[index];
  return start === undefined ? undefined : [start, rest];
}

/** A locator for the given paths of `text`, or undefined when the text is outside the subset. A
 * path that leaves the data (a missing field) stops at the deepest entry that exists, as the
 * general locator does. */
export function fastLocatorFor(
  text: string,
  paths: Iterable<readonly PathSegment[]>,
  items?: ItemLines,
): Locator | undefined {
  const records = new Map<number, PathTrie>();
  const whole: PathTrie = {};
  let needWhole = false;
  for (const path of paths) {
    const record = recordOf(path, items);
    if (record === undefined) {
      addPath(whole, path);
      needWhole = true;
      continue;
    }
    const [start, rest] = record;
    let trie = records.get(start);
    if (!trie) {
      trie = {};
      records.set(start, trie);
    }
    // The record is read as a one-item list, so its fields sit under item 0.
    addPath(trie, [0, ...rest]);
  }
  for (const [start, trie] of records) if (!findFastYamlPositions(text, trie, start)) return undefined;
  if (needWhole && !findFastYamlPositions(text, whole)) return undefined;

  let starts: Int32Array | undefined;
  return (path) => {
    const record = recordOf(path, items);
    const trie = record === undefined ? undefined : records.get(record[0]);
    const offset = record !== undefined && trie ? offsetIn(trie, [0, ...record[1]]) : offsetIn(whole, path);
    starts ??= lineStarts(text);
    return position(starts, offset);
  };
}
