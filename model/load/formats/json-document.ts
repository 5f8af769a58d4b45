// Where the readers of one JSON document (OFDS, GeoJSON) start: the parsed root, where problems of the
// file as a whole go, and where problems of one record go, with the record paths the schema must not
// report again. One JSON document has no lines worth naming, so its records are placed by path alone.
import type { PathSegment, ProblemDraft } from "../problem.ts";
import { fileProblemSink, type NetworkReadResult, type Placed, parseJson } from "./network-read.ts";

export function openJsonDocument(file: string, text: string) {
  const json = parseJson(file, text);
  if (!json.ok) return { ok: false, problems: [json.problem] } satisfies NetworkReadResult;
  const { problems: fileProblems, at } = fileProblemSink(file);
  const recordProblems: ProblemDraft[] = [];
  const shadows: PathSegment[][] = [];
  /** A field of record `path` the reader could not map: reported once, by the reader, not the schema. */
  const record = (path: PathSegment[], message: string, allowed?: string[]) => {
    const d: ProblemDraft = { file, path, message };
    if (allowed) d.allowed = allowed;
    recordProblems.push(d);
    shadows.push(path);
  };
  return { ok: true, root: json.value, fileProblems, at, recordProblems, shadows, record } as const;
}

/** A path in the document's own terms as a place: no line or column. */
export function byPath(path: readonly PathSegment[]): Placed {
  return { path: [...path], line: 0, column: 0 };
}
