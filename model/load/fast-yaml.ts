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
interface Frame {
  indent: number;
  container: Container;
}
interface Pending {
  parent: Container;
  key: string | number;
  indent: number;
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

/** Cursor over one line for scalars and flow collections. */
class LineReader {
  constructor(
    readonly s: string,
    public i: number,
  ) {}

  skipSpaces(): void {
    while (this.s.charCodeAt(this.i) === 32) this.i++;
  }

  /** Only spaces and a comment may follow a complete value. */
  expectEnd(): void {
    const rest = this.s.slice(this.i);
    if (rest.trim() !== "" && !/^\s+#/.test(rest)) outside();
  }

  doubleQuoted(): string {
    const s = this.s;
    let j = this.i + 1;
    let escaped = false;
    while (j < s.length) {
      const ch = s.charCodeAt(j);
      if (ch === 92) {
        escaped = true;
        j += 2;
        continue;
      }
      if (ch === 34) break;
      j++;
    }
    if (j >= s.length) outside();
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
      const k = s.indexOf("'", j);
      if (k < 0) outside();
      out += s.slice(j, k);
      if (s.charCodeAt(k + 1) === 39) {
        out += "'";
        j = k + 2;
        continue;
      }
      this.i = k + 1;
      return out;
    }
  }

  /** A scalar or flow collection inside a flow collection. */
  flowValue(): unknown {
    this.skipSpaces();
    const ch = this.s[this.i];
    if (ch === "{") return this.flowMap();
    if (ch === "[") return this.flowSeq();
    if (ch === '"') return this.doubleQuoted();
    if (ch === "'") return this.singleQuoted();
    return resolvePlain(this.flowPlain());
  }

  flowPlain(): string {
    const s = this.s;
    const start = this.i;
    if ("&*!|>%@`?#-:,]}".includes(s[start] ?? "")) {
      // A leading '-' is fine for numbers like -5.4; other indicators are not ours.
      if (!(s[start] === "-" && /[0-9.]/.test(s[start + 1] ?? ""))) outside();
    }
    let j = start;
    while (j < s.length) {
      const ch = s[j];
      if (ch === "," || ch === "]" || ch === "}") break;
      if (ch === ":") {
        const next = s[j + 1];
        if (next === " " || next === "," || next === "]" || next === "}" || next === undefined) break;
        outside();
      }
      if (ch === "#" && s[j - 1] === " ") outside();
      if (ch === "[" || ch === "{") outside();
      j++;
    }
    this.i = j;
    return s.slice(start, j).trimEnd();
  }

  flowKey(): string {
    this.skipSpaces();
    const key = this.flowPlain();
    if (!KEY.test(key)) outside();
    if (this.s[this.i] !== ":") outside();
    this.i++;
    return key;
  }

  flowMap(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.i++;
    this.skipSpaces();
    if (this.s[this.i] === "}") {
      this.i++;
      return obj;
    }
    for (;;) {
      const key = this.flowKey();
      setKey(obj, key, this.flowValue());
      this.skipSpaces();
      const ch = this.s[this.i++];
      if (ch === "}") return obj;
      if (ch !== ",") outside();
      this.skipSpaces();
      if (this.s[this.i] === "}") outside();
    }
  }

  flowSeq(): unknown[] {
    const arr: unknown[] = [];
    this.i++;
    this.skipSpaces();
    if (this.s[this.i] === "]") {
      this.i++;
      return arr;
    }
    for (;;) {
      const save = this.i;
      this.skipSpaces();
      if (/^[^,\]"'{[]*: /.test(this.s.slice(this.i, this.i + 200)) && this.s[this.i] !== "-") {
        // An implicit single-pair mapping inside a sequence ("[a: 1]"): not ours.
        this.i = save;
        outside();
      }
      arr.push(this.flowValue());
      this.skipSpaces();
      const ch = this.s[this.i++];
      if (ch === "]") return arr;
      if (ch !== ",") outside();
      this.skipSpaces();
      if (this.s[this.i] === "]") outside();
    }
  }

  /** The value after "key: " or "- " in block context, up to the end of the line. */
  blockValue(): unknown {
    const s = this.s;
    const ch = s[this.i];
    let value: unknown;
    if (ch === "{") value = this.flowMap();
    else if (ch === "[") value = this.flowSeq();
    else if (ch === '"') value = this.doubleQuoted();
    else if (ch === "'") value = this.singleQuoted();
    else {
      if ("&*!|>%@`?:,]}".includes(ch ?? "")) outside();
      const hash = s.indexOf(" #", this.i);
      const text = (hash < 0 ? s.slice(this.i) : s.slice(this.i, hash)).trim();
      if (
        text.includes(": ") ||
        text.endsWith(":") ||
        text === "-" ||
        text.startsWith("- ") ||
        text.includes("\t")
      ) {
        outside();
      }
      this.i = s.length;
      return resolvePlain(text);
    }
    this.expectEnd();
    return value;
  }
}

/** Splits "key: rest" at the mapping colon; undefined when the line is not a mapping entry. */
function splitEntry(content: string): [string, number] | undefined {
  const colon = content.indexOf(":");
  if (colon <= 0) return undefined;
  const after = content.charCodeAt(colon + 1);
  if (!(after === 32 || Number.isNaN(after))) return undefined;
  return [content.slice(0, colon), colon + 1];
}

function parseLines(text: string): unknown {
  const stack: Frame[] = [];
  let root: Container | undefined;
  let pending: Pending | undefined;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const assign = (p: Pending, value: unknown) => {
    if (Array.isArray(p.parent)) p.parent[p.key as number] = value;
    else p.parent[p.key as string] = value;
  };

  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);

    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    if (n === line.length) continue;
    const first = line.charCodeAt(n);
    if (first === 35) continue; // comment line
    if (first === 9) outside(); // tab in indentation
    if (n === 0 && (line.startsWith("---") || line.startsWith("...") || first === 37)) outside();
    const isItem = first === 45 && (line.length === n + 1 || line.charCodeAt(n + 1) === 32);

    if (pending) {
      const p = pending;
      pending = undefined;
      if (n > p.indent || (n === p.indent && isItem && !Array.isArray(p.parent))) {
        const container: Container = isItem ? [] : {};
        assign(p, container);
        stack.push({ indent: n, container });
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
      stack.push({ indent: 0, container: root });
    }
    let top = stack[stack.length - 1] as Frame;
    if (top.indent !== n) outside();

    let col = n;
    if (Array.isArray(top.container)) {
      if (!isItem) outside();
      const arr = top.container;
      col = n + 1;
      while (line.charCodeAt(col) === 32) col++;
      if (col >= line.length || line.charCodeAt(col) === 35) {
        arr.push(null);
        pending = { parent: arr, key: arr.length - 1, indent: n };
        continue;
      }
      const rest = line.slice(col);
      const entry =
        rest[0] === "{" || rest[0] === "[" || rest[0] === '"' || rest[0] === "'"
          ? undefined
          : splitEntry(rest);
      if (!entry) {
        if (rest.startsWith("- ") || rest === "-") outside();
        const r = new LineReader(line, col);
        arr.push(r.blockValue());
        continue;
      }
      // "- key: value" opens a mapping whose entries sit at the column of "key".
      const obj: Record<string, unknown> = {};
      arr.push(obj);
      top = { indent: col, container: obj };
      stack.push(top);
    } else if (isItem) outside();

    const obj = top.container as Record<string, unknown>;
    const content = line.slice(col);
    const entry = splitEntry(content);
    if (!entry) outside();
    const [key, after] = entry as [string, number];
    if (!KEY.test(key)) outside();
    const r = new LineReader(line, col + after);
    r.skipSpaces();
    if (r.i >= line.length || line.charCodeAt(r.i) === 35) {
      setKey(obj, key, null);
      pending = { parent: obj, key, indent: col };
      continue;
    }
    setKey(obj, key, r.blockValue());
  }
  if (pending) assign(pending, null);
  return root === undefined ? null : root;
}

/** Parses `text` if it stays within the subset; OUTSIDE_SUBSET otherwise. Never throws. */
export function parseFastYaml(text: string): unknown {
  try {
    return parseLines(text);
  } catch (error) {
    if (error instanceof Outside) return OUTSIDE_SUBSET;
    throw error;
  }
}
