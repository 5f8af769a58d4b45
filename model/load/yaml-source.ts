// Reads one YAML text into plain data. The fast path is YAML.parse; only a text that fails is parsed
// again as a document, to report every syntax error with its position rather than the first one.
import { parse, parseDocument, YAMLError } from "yaml";
import type { Problem } from "./problem.ts";

export type YamlResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

// The default alias limit guards against "billion laughs"; inventories use no aliases at all.
const OPTIONS = { schema: "core", maxAliasCount: 100, prettyErrors: true } as const;

export function readYaml(file: string, text: string): YamlResult {
  try {
    return { ok: true, value: parse(text, OPTIONS) };
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
  }
  const doc = parseDocument(text, OPTIONS);
  const problems = doc.errors.map((e): Problem => {
    const pos = e.linePos?.[0];
    return {
      file,
      line: pos?.line ?? 0,
      column: pos?.col ?? 0,
      path: "",
      message: `YAML syntax error (${e.code}): ${firstLine(e.message)}`,
    };
  });
  return { ok: false, problems };
}

function firstLine(message: string): string {
  // prettyErrors appends a source excerpt with a caret; our output already says where.
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}
