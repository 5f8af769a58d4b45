// A fast reader for the plain subset of YAML that inventories are written in: block mappings and
// sequences, one-line flow collections, plain and quoted scalars, comments. The general parser
// (`yaml`) reads about 1 MB/s, which would make a 500k-site inventory take minutes; this subset
// reads tens of MB/s. Anything outside the subset (anchors, tags, block scalars, multi-line
// scalars or flow collections, quoted keys, duplicate keys, tabs in indentation) makes it give up
// and the caller falls back to the general parser, so the subset can only be faster, never
// different: tests compare both on the real inventory and on tricky snippets.
import { type ItemLines, type ParseOptions, parseLines } from "./fast-yaml/block.ts";
import { OUTSIDE_SUBSET, Outside } from "./fast-yaml/outside.ts";
import type { PathTrie } from "./fast-yaml/path-trie.ts";

export type { ItemLines } from "./fast-yaml/block.ts";
export { OUTSIDE_SUBSET } from "./fast-yaml/outside.ts";
export type { PathTrie } from "./fast-yaml/path-trie.ts";

/** Parses `text` if it stays within the subset; OUTSIDE_SUBSET otherwise. Never throws. */
export function parseFastYaml(text: string): unknown {
  return parseWith(text, {});
}

/** Like parseFastYaml, and also where each item of each top-level list starts, so that a problem
 * in one record can later be placed by re-reading that record alone. */
export function parseFastYamlIndexed(
  text: string,
): { value: unknown; itemLines: ItemLines } | typeof OUTSIDE_SUBSET {
  const itemLines: ItemLines = new Map();
  const value = parseWith(text, { itemLines });
  return value === OUTSIDE_SUBSET ? OUTSIDE_SUBSET : { value, itemLines };
}

/** Reads `text` once more (or only the list item whose line starts at `itemAt`, read as a one-item
 * list) to fill in where the entries of `wanted` start; false outside the subset. */
export function findFastYamlPositions(text: string, wanted: PathTrie, itemAt?: number): boolean {
  return parseWith(text, { wanted, itemAt }) !== OUTSIDE_SUBSET;
}

function parseWith(text: string, options: ParseOptions): unknown {
  // A carriage return that does not end a line means old Mac line ends or a stray control
  // character; the general parser knows what YAML makes of those.
  if (text.includes("\r") && /\r(?!\n)/.test(text)) return OUTSIDE_SUBSET;
  try {
    return parseLines(text, options);
  } catch (error) {
    if (error instanceof Outside) return OUTSIDE_SUBSET;
    throw error;
  }
}
