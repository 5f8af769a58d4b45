// Positions on demand: only the problem paths are tracked, never every entry of a big file.

/** The field paths whose positions are wanted, as a tree; each node receives the offset where its
 * entry starts (its key, or its item). Only the problem paths are in it, so locating a typo in a
 * 200 MB file costs one more fast read and no per-record bookkeeping. */
export interface PathTrie {
  offset?: number;
  children?: Map<string, PathTrie>;
}

/** Records where entry `key` of the container at `trie` starts; returns the entry's node, if wanted. */
export function markIn(
  trie: PathTrie | undefined,
  key: string | number,
  offset: number,
): PathTrie | undefined {
  if (trie?.children === undefined) return undefined;
  const child = trie.children.get(String(key));
  if (child) child.offset = offset;
  return child;
}
