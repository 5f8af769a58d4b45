// Reads one YAML text into plain data with the `yaml` library, and keeps the parsed document so that
// problems found later are placed from its node ranges without reading the text again. JSON is YAML,
// so a file written as JSON goes the same way.
import { type Document, LineCounter, parseAllDocuments, visit } from "yaml";
import { type Locator, locatorFor } from "./locate.ts";
import type { Problem } from "./problem.ts";

export type YamlResult = { ok: true; value: unknown; locate: Locator } | { ok: false; problems: Problem[] };

// The alias limit guards against "billion laughs"; inventories use no aliases at all. The library
// also refuses nesting deeper than it can compose (RESOURCE_EXHAUSTION) instead of overflowing.
const OPTIONS = { schema: "core", maxAliasCount: 100, prettyErrors: true } as const;

// The library reports collections nested deeper than it can compose, where it had to stop, with the
// JavaScript engine's words ("Maximum call stack size exceeded"); these say what to change.
const TOO_DEEP = "collections nested too deeply to read here; inventory values nest a few levels at most";

const nowhere: Locator = () => ({ line: 0, column: 0 });

export function readYaml(file: string, text: string): YamlResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...OPTIONS, lineCounter, logLevel: "silent" });
  const [doc, second] = Array.isArray(docs) ? docs : [];
  if (doc === undefined) return { ok: true, value: null, locate: nowhere };
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
  // Too deep is said once: the library says it again at each level it unwinds through.
  let deepSaid = false;
  const reported = [...doc.errors, ...doc.warnings].filter((e) => {
    if (e.code !== "RESOURCE_EXHAUSTION") return true;
    const first = !deepSaid;
    deepSaid = true;
    return first;
  });
  if (reported.length > 0) {
    const problems = reported.map((e): Problem => {
      const pos = e.linePos?.[0];
      const kind = e.name === "YAMLWarning" ? "YAML warning" : "YAML syntax error";
      return {
        file,
        line: pos?.line ?? 0,
        column: pos?.col ?? 0,
        path: "",
        message: `${kind} (${e.code}): ${e.code === "RESOURCE_EXHAUSTION" ? TOO_DEEP : firstLine(e.message)}`,
      };
    });
    return { ok: false, problems };
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: OPTIONS.maxAliasCount });
    return { ok: true, value, locate: locatorFor(doc, lineCounter) };
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
