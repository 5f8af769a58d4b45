// A fast reader for the plain subset of YAML that inventories are written in: block mappings and
// sequences, one-line flow collections, plain and quoted scalars, comments. The general parser
// (`yaml`) reads about 1 MB/s, which would make a 500k-site inventory take minutes; this subset
// reads tens of MB/s. Anything outside the subset (anchors, tags, block scalars, multi-line
// scalars or flow collections, quoted keys, duplicate keys, tabs in indentation) makes it give up
// and the caller falls back to the general parser, so the subset can only be faster, never
// different: tests compare both on the real inventory and on tricky snippets.

/** Returned when the text uses YAML outside the subset. */
export const OUTSIDE_SUBSET: unique symbol = Symbol("outside the fast YAML subset");

class Outside extends Error {}
const outside = (): never => {
  throw new Outside();
};

type Container = Record<string, unknown> | unknown[];

/** The field paths whose positions are wanted, as a tree; each node receives the offset where its
 * entry starts (its key, or its item). Only the problem paths are in it, so locating a typo in a
 * 200 MB file costs one more fast read and no per-record bookkeeping. */
export interface PathTrie {
  offset?: number;
  children?: Map<string, PathTrie>;
}

/** Records where entry `key` of the container at `trie` starts; returns the entry's node, if wanted. */
function markIn(trie: PathTrie | undefined, key: string | number, offset: number): PathTrie | undefined {
  if (trie?.children === undefined) return undefined;
  const child = trie.children.get(String(key));
  if (child) child.offset = offset;
  return child;
}

interface Frame {
  indent: number;
  container: Container;
  /** Entries read so far into this mapping: the position used for key hints. */
  entries: number;
  trie?: PathTrie | undefined;
}
interface Pending {
  parent: Container;
  key: string | number;
  indent: number;
  trie?: PathTrie | undefined;
}

const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
function resolvePlain(s: string): unknown {
  switch (s) {
    case "":
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  const c = s.charCodeAt(0);
  // Digits, sign or dot: maybe a number. Special forms (0x, 0o, .inf, .nan) are left to `yaml`.
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (INT.test(s) || FLOAT.test(s)) return Number(s);
    if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[xo]/.test(s)) outside();
  }
  return s;
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__" || Object.hasOwn(obj, key)) outside();
  obj[key] = value;
}

/** Index of `code` in s[from, end), or -1. Bounded so that a line never searches the whole text. */
function findCode(s: string, code: number, from: number, end: number): number {
  for (let j = from; j < end; j++) if (s.charCodeAt(j) === code) return j;
  return -1;
}

/** Cursor over one line [i, end) of the whole text, for scalars and flow collections. The text is
 * never cut into lines: at 400 MB that would be millions of short-lived strings. */
class LineReader {
  s = "";
  i = 0;
  end = 0;

  at(s: string, i: number, end: number): this {
    this.s = s;
    this.i = i;
    this.end = end;
    this.trie = undefined;
    return this;
  }

  skipSpaces(): void {
    while (this.i < this.end && this.s.charCodeAt(this.i) === 32) this.i++;
  }

  /** Only spaces and a comment may follow a complete value. */
  expectEnd(): void {
    let j = this.i;
    while (j < this.end && this.s.charCodeAt(j) === 32) j++;
    if (j === this.end) return;
    if (this.s.charCodeAt(j) === 35 && j > this.i) return;
    outside();
  }

  doubleQuoted(): string {
    const s = this.s;
    let j = this.i + 1;
    let escaped = false;
    while (j < this.end) {
      const ch = s.charCodeAt(j);
      if (ch === 92) {
        escaped = true;
        j += 2;
        continue;
      }
      if (ch === 34) break;
      j++;
    }
    if (j >= this.end) outside();
    const raw = s.slice(this.i, j + 1);
    this.i = j + 1;
    if (!escaped) return raw.slice(1, -1);
    // JSON escapes are a subset of YAML's; anything else (\x, \e, line folding) goes to `yaml`.
    try {
      return JSON.parse(raw) as string;
    } catch {
      return outside();
    }
  }

  singleQuoted(): string {
    const s = this.s;
    let out = "";
    let j = this.i + 1;
    for (;;) {
      const k = findCode(s, 39, j, this.end);
      if (k < 0) outside();
      out += s.slice(j, k);
      if (k + 1 < this.end && s.charCodeAt(k + 1) === 39) {
        out += "'";
        j = k + 2;
        continue;
      }
      this.i = k + 1;
      return out;
    }
  }

  /** A scalar or flow collection inside a flow collection. */
  flowValue(trie?: PathTrie): unknown {
    this.skipSpaces();
    if (this.i >= this.end) outside();
    const ch = this.s[this.i];
    if (ch === "{") return this.flowMap(undefined, trie);
    if (ch === "[") return this.flowSeq(trie);
    if (ch === '"') return this.doubleQuoted();
    if (ch === "'") return this.singleQuoted();
    return resolvePlain(this.flowPlain());
  }

  flowPlain(): string {
    const s = this.s;
    const end = this.end;
    const start = this.i;
    if (start >= end) outside();
    if ("&*!|>%@`?#-:,]}".includes(s[start] ?? "")) {
      // A leading '-' is fine for numbers like -5.4; other indicators are not ours.
      if (!(s[start] === "-" && start + 1 < end && /[0-9.]/.test(s[start + 1] ?? ""))) outside();
    }
    let j = start;
    while (j < end) {
      const ch = s[j];
      if (ch === "," || ch === "]" || ch === "}") break;
      if (ch === ":") {
        const next = j + 1 < end ? s[j + 1] : undefined;
        if (next === " " || next === "," || next === "]" || next === "}" || next === undefined) break;
        outside();
      }
      if (ch === "#" && s[j - 1] === " ") outside();
      if (ch === "[" || ch === "{" || ch === "\t") outside();
      j++;
    }
    this.i = j;
    while (j > start && s.charCodeAt(j - 1) === 32) j--;
    return s.slice(start, j);
  }

  /** Key hints for the flow mapping about to be read (see keyAt); set by the caller per line. */
  hintRow: string[] | undefined;
  /** Path node of the value about to be read, when positions are wanted. */
  trie: PathTrie | undefined;

  flowKey(hints: string[] | undefined, position: number): string {
    this.skipSpaces();
    const hint = hints?.[position];
    const after = this.i + (hint?.length ?? 0);
    // "key:" must be followed by a space: in flow context "lat:1" is one plain scalar, not lat = 1.
    if (
      hint !== undefined &&
      after < this.end &&
      this.s.charCodeAt(after) === 58 &&
      this.s.charCodeAt(after + 1) === 32 &&
      this.s.startsWith(hint, this.i)
    ) {
      this.i += hint.length + 1;
      return hint;
    }
    const key = this.flowPlain();
    if (!KEY.test(key)) outside();
    if (this.i >= this.end || this.s[this.i] !== ":") outside();
    this.i++;
    if (hints) hints[position] = key;
    return key;
  }

  /** The next character of the line, or "" at its end. */
  next(): string {
    return this.i < this.end ? (this.s[this.i++] as string) : "";
  }

  peek(): string {
    return this.i < this.end ? (this.s[this.i] as string) : "";
  }

  flowMap(hints?: string[], trie?: PathTrie): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    let position = 0;
    this.i++;
    this.skipSpaces();
    if (this.peek() === "}") {
      this.i++;
      return obj;
    }
    for (;;) {
      this.skipSpaces();
      const start = this.i;
      const key = this.flowKey(hints, position++);
      setKey(obj, key, this.flowValue(markIn(trie, key, start)));
      this.skipSpaces();
      const ch = this.next();
      if (ch === "}") return obj;
      if (ch !== ",") outside();
      this.skipSpaces();
      if (this.peek() === "}") outside();
    }
  }

  flowSeq(trie?: PathTrie): unknown[] {
    const arr: unknown[] = [];
    this.i++;
    this.skipSpaces();
    if (this.peek() === "]") {
      this.i++;
      return arr;
    }
    for (;;) {
      // A plain item that stops at ": " is an implicit single-pair mapping ("[a: 1]"): not ours.
      this.skipSpaces();
      arr.push(this.flowValue(markIn(trie, arr.length, this.i)));
      this.skipSpaces();
      const ch = this.next();
      if (ch === "]") return arr;
      if (ch !== ",") outside();
      this.skipSpaces();
      if (this.peek() === "]") outside();
    }
  }

  /** The value after "key: " or "- " in block context, up to the end of the line. */
  blockValue(): unknown {
    const s = this.s;
    const ch = this.peek();
    let value: unknown;
    if (ch === "{") value = this.flowMap(this.hintRow, this.trie);
    else if (ch === "[") value = this.flowSeq(this.trie);
    else if (ch === '"') value = this.doubleQuoted();
    else if (ch === "'") value = this.singleQuoted();
    else {
      if ("&*!|>%@`?:,]}".includes(ch)) outside();
      // One pass finds the comment and rejects what a plain scalar cannot hold here: ": " (a nested
      // mapping), a tab, or a trailing ":".
      let stop = this.end;
      for (let j = this.i; j < this.end; j++) {
        const c = s.charCodeAt(j);
        if (c === 35 && j > this.i && s.charCodeAt(j - 1) === 32) {
          stop = j;
          break;
        }
        if (c === 9) outside();
        if (c === 58) {
          const after = j + 1 < this.end ? s.charCodeAt(j + 1) : 32;
          if (after === 32) outside();
        }
      }
      // Only ASCII spaces: String.trim would also eat a BOM or a no-break space, which YAML keeps.
      let from = this.i;
      while (from < stop && s.charCodeAt(from) === 32) from++;
      while (stop > from && s.charCodeAt(stop - 1) === 32) stop--;
      const text = s.slice(from, stop);
      if (text === "-" || text.startsWith("- ")) outside();
      this.i = this.end;
      return resolvePlain(text);
    }
    this.expectEnd();
    return value;
  }
}

/** The key in text[col, colon). Records of one list repeat their keys in the same order, so the key
 * seen at the same indent and position last time is usually this one: comparing in place and reusing
 * that string spares a new string and its hashing for nearly every key of a large inventory. */
function keyAt(hints: string[][], frame: Frame, text: string, col: number, colon: number): string {
  let row = hints[frame.indent];
  if (row === undefined) {
    row = [];
    hints[frame.indent] = row;
  }
  const position = frame.entries++;
  const hint = row[position];
  if (hint !== undefined && hint.length === colon - col && text.startsWith(hint, col)) return hint;
  const key = text.slice(col, colon);
  if (!KEY.test(key)) outside();
  row[position] = key;
  return key;
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

function parseLines(text: string, wanted?: PathTrie): unknown {
  const stack: Frame[] = [];
  let root: Container | undefined;
  let pending: Pending | undefined;
  const r = new LineReader();
  const hints: string[][] = [];
  const flowHints = new Map<string, string[]>();
  const itemFlowHints: string[][] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

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

    if (pending) {
      const p = pending;
      pending = undefined;
      if (n > p.indent || (n === p.indent && isItem && !Array.isArray(p.parent))) {
        const container: Container = isItem ? [] : {};
        assign(p, container);
        stack.push({ indent: n, container, entries: 0, trie: p.trie });
      } else assign(p, null);
    }

    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      if (top.indent > n || (top.indent === n && Array.isArray(top.container) && !isItem)) stack.pop();
      else break;
    }
    if (stack.length === 0) {
      if (root !== undefined || n !== 0) outside();
      root = isItem ? [] : {};
      if (wanted) wanted.offset = at;
      stack.push({ indent: 0, container: root, entries: 0, trie: wanted });
    }
    let top = stack[stack.length - 1] as Frame;
    if (top.indent !== n) outside();

    let col = at;
    if (Array.isArray(top.container)) {
      if (!isItem) outside();
      const arr = top.container;
      col = at + 1;
      while (col < end && text.charCodeAt(col) === 32) col++;
      if (col >= end || text.charCodeAt(col) === 35) {
        const trie = markIn(top.trie, arr.length, at);
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
      top = { indent: col - lineStart, container: obj, entries: 0, trie: itemTrie };
      stack.push(top);
    } else if (isItem) outside();

    const obj = top.container as Record<string, unknown>;
    const colon = entryColon(text, col, end);
    if (colon < 0) outside();
    const key = keyAt(hints, top, text, col, colon);
    const keyTrie = markIn(top.trie, key, col);
    r.at(text, colon + 1, end);
    r.skipSpaces();
    if (r.i >= end || text.charCodeAt(r.i) === 35) {
      setKey(obj, key, null);
      pending = { parent: obj, key, indent: col - lineStart, trie: keyTrie };
      continue;
    }
    let row = flowHints.get(key);
    if (row === undefined) {
      row = [];
      flowHints.set(key, row);
    }
    r.hintRow = row;
    r.trie = keyTrie;
    setKey(obj, key, r.blockValue());
  }
  if (pending) assign(pending, null);
  return root === undefined ? null : root;
}

/** Parses `text` if it stays within the subset; OUTSIDE_SUBSET otherwise. Never throws. */
export function parseFastYaml(text: string): unknown {
  return parseWith(text, undefined);
}

/** Reads `text` once more to fill in where the entries of `wanted` start; false outside the subset. */
export function findFastYamlPositions(text: string, wanted: PathTrie): boolean {
  return parseWith(text, wanted) !== OUTSIDE_SUBSET;
}

function parseWith(text: string, wanted: PathTrie | undefined): unknown {
  // A carriage return that does not end a line means old Mac line ends or a stray control
  // character; the general parser knows what YAML makes of those.
  if (text.includes("\r") && /\r(?!\n)/.test(text)) return OUTSIDE_SUBSET;
  try {
    return parseLines(text, wanted);
  } catch (error) {
    if (error instanceof Outside) return OUTSIDE_SUBSET;
    throw error;
  }
}
