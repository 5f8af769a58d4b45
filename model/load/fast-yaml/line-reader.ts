// One line of the text as a cursor: quoted and plain scalars, one-line flow collections, and the
// value after "key: " or "- ".
import { outside } from "./outside.ts";
import { markIn, type PathTrie } from "./path-trie.ts";
import { KEY, resolvePlain, setKey } from "./scalars.ts";

/** The last plain value read for one key: records repeat most values ("status: planned"), so
 * comparing in place and reusing the value spares a string and its resolution. */
export interface ValueHint {
  text: string;
  value: unknown;
  /** Last character code of `text` (-1 when empty): ids and numbers of one length mostly differ
   * only at the end, so checking it first spares most comparisons that would fail. */
  last: number;
}

export const emptyHint = (): ValueHint => ({ text: "", value: undefined, last: -1 });

/** Characters that cannot start a plain scalar in flow context (YAML indicators). */
const INDICATOR = new Uint8Array(128);
for (const ch of "&*!|>%@`?#-:,]}") INDICATOR[ch.charCodeAt(0)] = 1;

/** Characters that cannot start a plain scalar after "key: " or "- " (YAML indicators). */
const BLOCK_INDICATOR = new Uint8Array(128);
for (const ch of "&*!|>%@`?:,]}") BLOCK_INDICATOR[ch.charCodeAt(0)] = 1;

/** Index of `code` in s[from, end), or -1. Bounded so that a line never searches the whole text. */
function findCode(s: string, code: number, from: number, end: number): number {
  for (let j = from; j < end; j++) if (s.charCodeAt(j) === code) return j;
  return -1;
}

/** Cursor over one line [i, end) of the whole text, for scalars and flow collections. The text is
 * never cut into lines: at 400 MB that would be millions of short-lived strings. */
export class LineReader {
  s = "";
  i = 0;
  end = 0;

  at(s: string, i: number, end: number): this {
    this.s = s;
    this.i = i;
    this.end = end;
    this.trie = undefined;
    this.valueRow = undefined;
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
  flowValue(trie?: PathTrie, hint?: ValueHint): unknown {
    this.skipSpaces();
    if (this.i >= this.end) outside();
    const c = this.s.charCodeAt(this.i);
    if (c === 123) return this.flowMap(undefined, trie);
    if (c === 91) return this.flowSeq(trie);
    if (c === 34) return this.doubleQuoted();
    if (c === 39) return this.singleQuoted();
    const start = this.i;
    return this.plainAt(start, this.flowPlainEnd(), hint);
  }

  flowPlain(): string {
    const start = this.i;
    return this.s.slice(start, this.flowPlainEnd());
  }

  /** Scans a flow plain scalar from this.i; leaves this.i after it and returns its trimmed end. */
  flowPlainEnd(): number {
    const s = this.s;
    const end = this.end;
    const start = this.i;
    if (start >= end) outside();
    const first = s.charCodeAt(start);
    if (first < 128 && INDICATOR[first] === 1) {
      // A leading '-' is fine for numbers like -5.4; other indicators are not ours.
      const second = start + 1 < end ? s.charCodeAt(start + 1) : -1;
      if (!(first === 45 && (second === 46 || (second >= 48 && second <= 57)))) outside();
    }
    let j = start;
    for (; j < end; j++) {
      const c = s.charCodeAt(j);
      if (c === 44 || c === 93 || c === 125) break; // , ] }
      if (c === 58) {
        // ":" ends a key only before a space, a flow indicator or the line end; "1:8" is not ours.
        const after = j + 1 < end ? s.charCodeAt(j + 1) : -1;
        if (after === 32 || after === 44 || after === 93 || after === 125 || after === -1) break;
        outside();
      }
      if (c === 35 && s.charCodeAt(j - 1) === 32) outside(); // " #" starts a comment mid-flow
      if (c === 91 || c === 123 || c === 9) outside(); // [ { tab
    }
    this.i = j;
    while (j > start && s.charCodeAt(j - 1) === 32) j--;
    return j;
  }

  /** A plain scalar in [start, end), reusing the hinted value when the text is the same. */
  plainAt(start: number, end: number, hint: ValueHint | undefined): unknown {
    if (
      hint !== undefined &&
      hint.text.length === end - start &&
      this.s.charCodeAt(end - 1) === hint.last &&
      this.s.startsWith(hint.text, start)
    ) {
      return hint.value;
    }
    const text = this.s.slice(start, end);
    const value = resolvePlain(text);
    if (hint !== undefined) {
      hint.text = text;
      hint.value = value;
      hint.last = end > start ? this.s.charCodeAt(end - 1) : -1;
    }
    return value;
  }

  /** Key hints for the flow mapping about to be read (see keyAt); set by the caller per line. */
  hintRow: string[] | undefined;
  /** Value hints: for a block value, [0]; for a flow mapping, one per entry position. */
  valueRow: ValueHint[] | undefined;
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

  /** The next character code of the line (and past it), or -1 at its end. */
  next(): number {
    return this.i < this.end ? this.s.charCodeAt(this.i++) : -1;
  }

  peek(): number {
    return this.i < this.end ? this.s.charCodeAt(this.i) : -1;
  }

  flowMap(hints?: string[], trie?: PathTrie, values?: ValueHint[]): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    let position = 0;
    this.i++;
    this.skipSpaces();
    if (this.peek() === 125) {
      this.i++;
      return obj;
    }
    for (;;) {
      this.skipSpaces();
      const start = this.i;
      let hint: ValueHint | undefined;
      if (values !== undefined) {
        hint = values[position];
        if (hint === undefined) {
          hint = emptyHint();
          values[position] = hint;
        }
      }
      const key = this.flowKey(hints, position++);
      setKey(obj, key, this.flowValue(markIn(trie, key, start), hint));
      this.skipSpaces();
      const ch = this.next();
      if (ch === 125) return obj; // }
      if (ch !== 44) outside(); // ,
      this.skipSpaces();
      if (this.peek() === 125) outside();
    }
  }

  flowSeq(trie?: PathTrie): unknown[] {
    const arr: unknown[] = [];
    this.i++;
    this.skipSpaces();
    if (this.peek() === 93) {
      this.i++;
      return arr;
    }
    for (;;) {
      // A plain item that stops at ": " is an implicit single-pair mapping ("[a: 1]"): not ours.
      this.skipSpaces();
      arr.push(this.flowValue(markIn(trie, arr.length, this.i)));
      this.skipSpaces();
      const ch = this.next();
      if (ch === 93) return arr; // ]
      if (ch !== 44) outside(); // ,
      this.skipSpaces();
      if (this.peek() === 93) outside();
    }
  }

  /** The value after "key: " or "- " in block context, up to the end of the line. */
  blockValue(): unknown {
    const s = this.s;
    const ch = this.peek();
    let value: unknown;
    if (ch === 123)
      value = this.flowMap(this.hintRow, this.trie, this.valueRow); // {
    else if (ch === 91)
      value = this.flowSeq(this.trie); // [
    else if (ch === 34)
      value = this.doubleQuoted(); // "
    else if (ch === 39)
      value = this.singleQuoted(); // '
    else {
      if (ch < 0 || (ch < 128 && BLOCK_INDICATOR[ch] === 1)) outside();
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
      if (s.charCodeAt(from) === 45 && (from + 1 === stop || s.charCodeAt(from + 1) === 32)) outside();
      this.i = this.end;
      return this.plainAt(from, stop, this.valueRow?.[0]);
    }
    this.expectEnd();
    return value;
  }
}
