// What every reader of a standard network format (OFDS, GeoJSON, NDJSON) hands the loader: the sites
// and links it found, in the model's shape but not yet validated, and how to say where a problem is in
// the file's own terms. The loader validates the records with the same zod schemas and cross-checks
// as YAML, in the model's terms (sites[3].connection.status); `place` turns that path into the file's
// (networks[0].nodes[3].status, or line 4 of an NDJSON file) when the problem is printed.
import { visit } from "jsonc-parser";
import type { City } from "../../types.ts";
import { formatPath, type PathSegment, type Problem, type ProblemDraft } from "../problem.ts";

export type NetworkFormat = "ofds" | "geojson" | "ndjson";

/** The format a file is read as, by its extension; undefined for the loader's YAML files and others. */
export function networkFormatOf(path: string): NetworkFormat | undefined {
  if (/\.geojson$/i.test(path)) return "geojson";
  if (/\.(ndjson|jsonl)$/i.test(path)) return "ndjson";
  if (/\.json$/i.test(path)) return "ofds";
  return undefined;
}

export interface Placed {
  path: PathSegment[];
  /** 1-based; 0 when the format has no lines worth naming (one JSON document: the path says where). */
  line: number;
  column: number;
}

export interface NetworkRead {
  /** Candidate sites, in file order; index i is what `place(["sites", i, ...])` resolves. */
  sites: unknown[];
  links: unknown[];
  /** Problems in the file's own structure, in the model's terms (["sites", i, "location"]): a field the
   * reader could not map. */
  recordProblems: ProblemDraft[];
  /** Model paths whose schema problems are not reported (again): those of recordProblems, and fields
   * whose value came from somewhere already reported. */
  shadows: PathSegment[][];
  /** Problems the file's terms say best (a feature that is neither a site nor a link, a field given
   * twice), already placed. */
  fileProblems: Problem[];
  /** Some record could not be read at all (a broken NDJSON line, a feature of no known kind): references
   * to the sites and links it may have held are not checked, as for an unreadable YAML file. */
  partial: boolean;
  /** Where a model path (["sites", i, ...rest] or ["links", j, ...rest]) is in the file. */
  place(path: readonly PathSegment[]): Placed;
  /** Only from a package that carries none of our extensions: the city it implies (see ofds-context.ts). */
  derivedCity?: City;
}

export type NetworkReadResult = { ok: true; read: NetworkRead } | { ok: false; problems: Problem[] };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** JSON.parse's verdict with the position V8 puts in its message ("... (line 2 column 6)"). */
export function parseJson(
  file: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: {
        file,
        ...jsonErrorPosition(message, text),
        path: "",
        message: `JSON syntax error: ${message}`,
      },
    };
  }
}

function jsonErrorPosition(message: string, text: string): { line: number; column: number } {
  const at = /\(line (\d+) column (\d+)\)/.exec(message);
  if (at) return { line: Number(at[1]), column: Number(at[2]) };
  // V8 gives no position for some errors ("Unexpected token", "end of JSON input"): jsonc-parser's
  // scanner finds the first error's offset (only on this path, so a good file never pays for it).
  let offset = text.length;
  visit(
    text,
    {
      onError: (_error, at) => {
        offset = Math.min(offset, at);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return lineColumn(text, offset);
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** "a LineString", "a list", "nothing": what was found where a value of another kind was wanted. */
export function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value);
}

/** [lon, lat] as a location, or why not (RFC 7946: longitude first). */
export function pointLocation(geometry: unknown): { lat: number; lon: number } | string {
  if (!isPlainObject(geometry)) return `is required: a GeoJSON Point, found ${describeJson(geometry)}`;
  if (geometry.type !== "Point")
    return `expected a GeoJSON Point, found ${typeof geometry.type === "string" ? `a ${geometry.type}` : describeJson(geometry.type)}`;
  const c = geometry.coordinates;
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== "number" || typeof c[1] !== "number")
    return "coordinates must be [longitude, latitude] numbers";
  return { lat: c[1], lon: c[0] };
}

/** A location's model path rest (["location", "lat"]) in GeoJSON terms under `geometry`. */
export function geometryPath(rest: readonly PathSegment[], geometry: PathSegment[]): PathSegment[] {
  if (rest[1] === "lat") return [...geometry, "coordinates", 1];
  if (rest[1] === "lon") return [...geometry, "coordinates", 0];
  return geometry;
}

/** Problems of the file as a whole (its shape, not one record's fields), placed by field path only. */
export function fileProblemSink(file: string) {
  const problems: Problem[] = [];
  const at = (path: PathSegment[], message: string, allowed?: string[]) => {
    const p: Problem = { file, line: 0, column: 0, path: formatPath(path), message };
    if (allowed) p.allowed = allowed;
    problems.push(p);
  };
  return { problems, at };
}
