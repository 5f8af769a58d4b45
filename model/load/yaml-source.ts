// Reads one YAML text into plain data, fastest way first: JSON (which is YAML) through JSON.parse,
// then the plain subset inventories are written in, then the general `yaml` parser. Only a text that
// is not in the subset is read as a document, which reports every syntax error with its position.
import { type Document, LineCounter, parseAllDocuments, visit } from "yaml";
import { type ItemLines, OUTSIDE_SUBSET, parseFastYamlIndexed } from "./fast-yaml.ts";
import type { Problem } from "./problem.ts";

export type YamlResult =
  | { ok: true; value: unknown; itemLines?: ItemLines }
  | { ok: false; problems: Problem[] };

// The default alias limit guards against "billion laughs"; inventories use no aliases at all.
const OPTIONS = { schema: "core", maxAliasCount: 100, prettyErrors: true } as const;

/** Whether the first character after leading whitespace opens a JSON object or array. (A regular
 * expression anchored with ^ is still tried at every offset of the text: 170 ms over 404 MB.) */
export function looksLikeJson(text: string): boolean {
  const m = /\S/.exec(text.slice(0, 4096));
  if (m !== null) return m[0] === "{" || m[0] === "[";
  return text.length > 4096 && looksLikeJson(text.trimStart());
}

export function readYaml(file: string, text: string): YamlResult {
  if (looksLikeJson(text)) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // Not JSON after all (e.g. a YAML flow mapping with comments): the YAML parsers decide.
    }
  }
  const fast = parseFastYamlIndexed(text);
  if (fast !== OUTSIDE_SUBSET) return { ok: true, value: fast.value, itemLines: fast.itemLines };
  // Outside the subset: one pass of the general parser gives the document, its errors and warnings.
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...OPTIONS, lineCounter, logLevel: "silent" });
  const [doc, second] = Array.isArray(docs) ? docs : [];
  if (doc === undefined) return { ok: true, value: null };
  if (second !== undefined) {
    const { line, col } = lineCounter.linePos(second.range[0]);
    return {
      ok: false,
      problems: [
        { file, line, column: col, path: "", message: "a second YAML document; an inventory file holds one" },
      ],
    };
  }
  // Inventories use no tags or other features that only warn; a warning is a mistake worth a stop.
  const reported = [...doc.errors, ...doc.warnings];
  if (reported.length > 0) {
    const problems = reported.map((e): Problem => {
      const pos = e.linePos?.[0];
      const kind = e.name === "YAMLWarning" ? "YAML warning" : "YAML syntax error";
      return {
        file,
        line: pos?.line ?? 0,
        column: pos?.col ?? 0,
        path: "",
        message: `${kind} (${e.code}): ${firstLine(e.message)}`,
      };
    });
    return { ok: false, problems };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: OPTIONS.maxAliasCount }) };
  } catch (error) {
    // An unresolved alias or an alias bomb surfaces while building values, as a plain Error.
    return { ok: false, problems: [valueError(file, doc, lineCounter, error)] };
  }
}

/** A document that parses but cannot become values: point at its first alias, the usual culprit. */
function valueError(file: string, doc: Document, lineCounter: LineCounter, failure: unknown): Problem {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  const reason = failure instanceof Error ? failure.message : String(failure);
  return {
    file,
    line: pos?.line ?? 0,
    column: pos?.col ?? 0,
    path: "",
    message: `YAML error: ${firstLine(reason)}`,
  };
}

function firstLine(message: string): string {
  // prettyErrors appends a source excerpt with a caret; our output already says where.
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}
