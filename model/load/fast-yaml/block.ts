// The block structure: indentation, mappings and sequences, line by line over the whole text
// without cutting it into lines (at 400 MB that would be millions of short-lived strings).
import { emptyHint, LineReader, type ValueHint } from "./line-reader.ts";
import { outside } from "./outside.ts";
import { markIn, type PathTrie } from "./path-trie.ts";
import { KEY } from "./scalars.ts";

type Container = Record<string, unknown> | unknown[];

interface Frame {
  indent: number;
  container: Container;
  /** Entries read so far into this mapping: the position used for key hints. */
  entries: number;
  /** Every key so far was the hint at its position: see keyAt for why that rules out duplicates. */
  hinted: boolean;
  trie?: PathTrie | undefined;
}

/** What the reader learnt about one key: the hints for the flow mapping and the plain value that
 * followed it last time. One per distinct key, found through the key's row position, so nearly
 * every line gets them without hashing the key. */
interface KeySlot {
  key: string;
  flow: string[];
  values: ValueHint[];
}

/** The keys seen at each position of the mappings at one indent. `distinct` stays true while no
 * key sits at two positions of the row. */
interface KeyRow {
  slots: (KeySlot | undefined)[];
  distinct: boolean;
}
interface Pending {
  parent: Container;
  key: string | number;
  indent: number;
  trie?: PathTrie | undefined;
}

/** The key in text[col, colon). Records of one list repeat their keys in the same order, so the key
 * seen at the same indent and position last time is usually this one: comparing in place and reusing
 * its slot spares a new string, its hashing and the lookups of its hints for nearly every line.
 *
 * Duplicate keys are outside the subset. While every key of a mapping so far was the hint at its
 * position, and the row holds no key twice, its keys are distinct without asking the object: only
 * the one live mapping at this indent writes the row, so the row did not change meanwhile. */
function keyAt(
  rows: KeyRow[],
  slots: Map<string, KeySlot>,
  frame: Frame,
  text: string,
  col: number,
  colon: number,
): KeySlot {
  let row = rows[frame.indent];
  if (row === undefined) {
    row = { slots: [], distinct: true };
    rows[frame.indent] = row;
  }
  const position = frame.entries++;
  const hint = row.slots[position];
  if (hint !== undefined && hint.key.length === colon - col && text.startsWith(hint.key, col)) {
    if (!(frame.hinted && row.distinct) && Object.hasOwn(frame.container, hint.key)) outside();
    return hint;
  }
  frame.hinted = false;
  const key = text.slice(col, colon);
  if (!KEY.test(key) || key === "__proto__") outside();
  if (Object.hasOwn(frame.container, key)) outside();
  let slot = slots.get(key);
  if (slot === undefined) {
    slot = { key, flow: [], values: [emptyHint()] };
    slots.set(key, slot);
  }
  if (row.distinct && row.slots.includes(slot)) row.distinct = false;
  row.slots[position] = slot;
  return slot;
}

/** Column of the mapping colon ("key: value" or "key:" at the line end) in [from, end), or -1. */
function entryColon(s: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    if (s.charCodeAt(j) !== 58) continue;
    if (j === from) return -1;
    return j + 1 === end || s.charCodeAt(j + 1) === 32 ? j : -1;
  }
  return -1;
}

/** Line starts of the items of each top-level list ("sites:", "links:"), by list key. */
export type ItemLines = Map<string, number[]>;

export interface ParseOptions {
  /** Offsets to fill in for these paths (problem positions). */
  wanted?: PathTrie | undefined;
  /** Read only the one list item whose "- " line starts here: the document is that item, as a
   * one-item list, and reading stops where the item ends. */
  itemAt?: number | undefined;
  /** Where to record the line starts of top-level list items. */
  itemLines?: ItemLines | undefined;
}

export function parseLines(text: string, options: ParseOptions = {}): unknown {
  const { wanted, itemAt, itemLines } = options;
  const stack: Frame[] = [];
  let root: Container | undefined;
  let rootIndent = 0;
  let pending: Pending | undefined;
  const r = new LineReader();
  const rows: KeyRow[] = [];
  const slots = new Map<string, KeySlot>();
  const itemFlowHints: string[][] = [];
  let pos = itemAt ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  // The key of the root mapping whose value is being read, and that list's item lines.
  let listLines: number[] | undefined;

  const assign = (p: Pending, value: unknown) => {
    if (Array.isArray(p.parent)) p.parent[p.key as number] = value;
    else p.parent[p.key as string] = value;
  };

  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const lineStart = pos;
    pos = end + 1;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;

    let at = lineStart;
    while (at < end && text.charCodeAt(at) === 32) at++;
    if (at === end) continue;
    const n = at - lineStart;
    const first = text.charCodeAt(at);
    if (first === 35) continue; // comment line
    if (first === 9) outside(); // tab in indentation
    if (n === 0 && (text.startsWith("---", at) || text.startsWith("...", at) || first === 37)) outside();
    const isItem = first === 45 && (at + 1 === end || text.charCodeAt(at + 1) === 32);
    // Reading one list item: it ends at the next item, or where the list itself ends.
    if (itemAt !== undefined && root !== undefined && n <= rootIndent) break;

    if (pending) {
      const p = pending;
      pending = undefined;
      if (n > p.indent || (n === p.indent && isItem && !Array.isArray(p.parent))) {
        const container: Container = isItem ? [] : {};
        assign(p, container);
        // A list item whose content starts on the next line sits where that content starts.
        if (p.trie && Array.isArray(p.parent)) p.trie.offset = at;
        stack.push({ indent: n, container, entries: 0, hinted: true, trie: p.trie });
      } else assign(p, null);
    }

    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      if (top.indent > n || (top.indent === n && Array.isArray(top.container) && !isItem)) stack.pop();
      else break;
    }
    if (stack.length === 0) {
      if (root !== undefined || (n !== 0 && itemAt === undefined)) outside();
      root = isItem ? [] : {};
      rootIndent = n;
      if (wanted) wanted.offset = at;
      stack.push({ indent: n, container: root, entries: 0, hinted: true, trie: wanted });
    }
    let top = stack[stack.length - 1] as Frame;
    if (top.indent !== n) outside();

    let col = at;
    if (Array.isArray(top.container)) {
      if (!isItem) outside();
      const arr = top.container;
      if (listLines !== undefined && stack.length === 2) listLines.push(lineStart);
      col = at + 1;
      while (col < end && text.charCodeAt(col) === 32) col++;
      if (col >= end || text.charCodeAt(col) === 35) {
        const trie = markIn(top.trie, arr.length, col);
        arr.push(null);
        pending = { parent: arr, key: arr.length - 1, indent: n, trie };
        continue;
      }
      const itemTrie = markIn(top.trie, arr.length, col);
      const c = text.charCodeAt(col);
      // Flow collections and quoted scalars are values; anything else with "key:" opens a mapping.
      const colon = c === 123 || c === 91 || c === 34 || c === 39 ? -1 : entryColon(text, col, end);
      if (colon < 0) {
        if (c === 45 && (col + 1 === end || text.charCodeAt(col + 1) === 32)) outside();
        let itemRow = itemFlowHints[n];
        if (itemRow === undefined) {
          itemRow = [];
          itemFlowHints[n] = itemRow;
        }
        r.at(text, col, end).hintRow = itemRow;
        r.trie = itemTrie;
        arr.push(r.blockValue());
        continue;
      }
      // "- key: value" opens a mapping whose entries sit at the column of "key".
      const obj: Record<string, unknown> = {};
      arr.push(obj);
      top = { indent: col - lineStart, container: obj, entries: 0, hinted: true, trie: itemTrie };
      stack.push(top);
    } else if (isItem) outside();

    const obj = top.container as Record<string, unknown>;
    const colon = entryColon(text, col, end);
    if (colon < 0) outside();
    const slot = keyAt(rows, slots, top, text, col, colon);
    const key = slot.key;
    const keyTrie = markIn(top.trie, key, col);
    if (itemLines !== undefined && stack.length === 1) {
      listLines = [];
      itemLines.set(key, listLines);
    }
    r.at(text, colon + 1, end);
    r.skipSpaces();
    if (r.i >= end || text.charCodeAt(r.i) === 35) {
      obj[key] = null;
      pending = { parent: obj, key, indent: col - lineStart, trie: keyTrie };
      continue;
    }
    r.hintRow = slot.flow;
    r.valueRow = slot.values;
    r.trie = keyTrie;
    // keyAt has ruled out a duplicate and "__proto__".
    obj[key] = r.blockValue();
  }
  if (pending) assign(pending, null);
  return root === undefined ? null : root;
}
