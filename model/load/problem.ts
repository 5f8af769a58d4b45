// What the loader reports. Problems are first collected as drafts that know only the file and the
// field path; line and column are filled in at the end, and only for files that have problems, so a
// clean 500k-site inventory never pays for source positions.

export type PathSegment = string | number;

/** A place in a file, before positions are known. */
export interface Place {
  file: string;
  path: PathSegment[];
}

/** A place in a file with its position. */
export interface LocatedPlace {
  file: string;
  line: number;
  column: number;
  path: string;
}

export interface ProblemDraft {
  /** The file as the user should see it, e.g. inventory/sites/wolio.yaml. */
  file: string;
  /** Field path inside the file, e.g. ["sites", 3, "connection", "status"]. */
  path: PathSegment[];
  message: string;
  /** Enumerated allowed values, when there are few enough to list. */
  allowed?: string[];
  /** The nearest valid value ("did you mean"). */
  suggestion?: string;
  /** Another place the problem involves, e.g. where a duplicate id was first defined. */
  related?: Place;
  /** Further places it involves, when there are several (each link that strands a site). */
  alsoSee?: Place[];
  /** A cause other problems may follow from (a duplicate id makes every reference ambiguous):
   * listed before the rest. */
  leads?: boolean;
}

export interface Problem {
  file: string;
  /** 1-based; 0 when the position is unknown (e.g. a missing file). */
  line: number;
  column: number;
  /** Field path in the usual notation, e.g. sites[3].connection.status. */
  path: string;
  message: string;
  allowed?: string[];
  suggestion?: string;
  related?: LocatedPlace;
  alsoSee?: LocatedPlace[];
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}
