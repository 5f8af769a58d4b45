// Reads newline-delimited JSON, one record a line: {"site": {...}} or {"link": {...}}, the record's
// fields as in YAML. Made for very large exports: each line is parsed on its own (a national file
// never has to be one string; load.ts streams it from disk with node:readline), and every problem
// names its line, and the column of the field where it can find it.
import type { PathSegment, Problem } from "../problem.ts";
import { suggest } from "../suggest.ts";
import {
  describeJson,
  isPlainObject,
  type NetworkReadResult,
  type Placed,
  parseJson,
} from "./network-read.ts";

const KINDS = ["site", "link"];

/** Takes the lines one by one (from a string or a stream) and gives the read at the end. */
export class NdjsonReader {
  private readonly sites: unknown[] = [];
  private readonly links: unknown[] = [];
  private readonly siteLines: number[] = [];
  private readonly linkLines: number[] = [];
  /** Line texts kept only for lines with records, and only to find a field's column for a problem. */
  private readonly texts: string[] = [];
  private readonly fileProblems: Problem[] = [];
  private lineNumber = 0;

  /** keepLines: keep each record's line text to find columns (free for slices of one string; a
   * stream's lines would be copies, so streaming readers pass false and problems name column 1). */
  private readonly file: string;
  private readonly keepLines: boolean;

  constructor(file: string, keepLines = true) {
    this.file = file;
    this.keepLines = keepLines;
  }

  line(raw: string): void {
    const n = ++this.lineNumber;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const syntax = parseJson(this.file, text);
      const column = syntax.ok ? 1 : syntax.problem.column;
      this.problem(n, column, "", syntax.ok ? "JSON syntax error" : syntax.problem.message);
      return;
    }
    const keys = isPlainObject(value) ? Object.keys(value) : [];
    const kind = keys[0];
    if (keys.length !== 1 || (kind !== "site" && kind !== "link")) {
      const p = this.problem(
        n,
        1,
        "",
        `expected {"site": {...}} or {"link": {...}}, found ${isPlainObject(value) ? `an object with ${keys.length === 0 ? "no keys" : `the keys ${keys.map((k) => JSON.stringify(k)).join(", ")}`}` : describeJson(value)}`,
      );
      p.allowed = KINDS;
      const meant = keys.length === 1 ? suggest(kind, KINDS) : undefined;
      if (meant !== undefined) p.suggestion = meant;
      return;
    }
    const record = (value as Record<string, unknown>)[kind];
    if (kind === "site") {
      this.sites.push(record);
      this.siteLines.push(n);
    } else {
      this.links.push(record);
      this.linkLines.push(n);
    }
    if (this.keepLines) this.texts[n] = text;
  }

  private problem(line: number, column: number, path: string, message: string): Problem {
    const p: Problem = { file: this.file, line, column, path, message };
    this.fileProblems.push(p);
    return p;
  }

  result(): NetworkReadResult {
    const place = (path: readonly PathSegment[]): Placed => {
      const [list, k, ...rest] = path;
      const line = (list === "sites" ? this.siteLines : list === "links" ? this.linkLines : [])[k as number];
      if (line === undefined) return { path: [...path], line: 0, column: 0 };
      const kind = list === "sites" ? "site" : "link";
      return { path: [kind, ...rest], line, column: this.columnOf(line, [kind, ...rest]) };
    };
    return {
      ok: true,
      read: {
        sites: this.sites,
        links: this.links,
        recordProblems: [],
        shadows: [],
        fileProblems: this.fileProblems,
        partial: this.fileProblems.length > 0,
        place,
      },
    };
  }

  /** 1-based column of the deepest key of `path` found in order on the line; 1 when not found. */
  private columnOf(line: number, path: readonly PathSegment[]): number {
    const text = this.texts[line] ?? "";
    let at = -1;
    let from = 0;
    for (const seg of path) {
      if (typeof seg !== "string") continue;
      const i = text.indexOf(`${JSON.stringify(seg)}:`, from);
      if (i < 0) break;
      at = i;
      from = i + 1;
    }
    return at + 1 || 1;
  }
}

export function readNdjson(file: string, text: string): NetworkReadResult {
  const reader = new NdjsonReader(file);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    reader.line(text.slice(start, end));
    start = end + 1;
  }
  return reader.result();
}
