// Turns zod issues into problems a person can act on: the value that was found, the values that are
// allowed, and the nearest one when it looks like a typo.
import type { z } from "zod";
import { describeValue, valueAt } from "./describe.ts";
import type { PathSegment, ProblemDraft } from "./problem.ts";
import { suggest } from "./suggest.ts";

/** Lists longer than this are described, not enumerated. */
const MAX_LISTED = 24;

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** The field names an object schema accepts at `path` (used for unknown-field suggestions). */
export function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let cur: unknown = schema;
  const unwrap = () => {
    let def = defOf(cur);
    while (def && (def.type === "optional" || def.type === "nullable" || def.type === "default")) {
      cur = def.innerType;
      def = defOf(cur);
    }
    return def;
  };
  for (const seg of path) {
    const def = unwrap();
    if (def?.type === "object" && typeof seg === "string") cur = def.shape?.[seg];
    else if (def?.type === "array") cur = def.element;
    else return [];
  }
  const def = unwrap();
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

// zod's type names, in the words of a YAML file.
const TYPE_WORDS: Record<string, string> = {
  object: "a mapping (fields on the lines below, or { ... })",
  array: "a list",
  int: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
};

function typeWord(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A number past its bound: "must be >= 0, found -3" (strict bounds drop the "="). */
function outOfRange(
  side: "<" | ">",
  limit: number | bigint,
  inclusive: boolean | undefined,
  value: unknown,
): string {
  return `must be ${side}${inclusive === false ? "" : "="} ${limit}, found ${describeValue(value)}`;
}

export function issuesToDrafts(
  file: string,
  data: unknown,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
): ProblemDraft[] {
  const drafts: ProblemDraft[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== "symbol");
    const value = valueAt(data, path);
    switch (issue.code) {
      case "invalid_value": {
        const allowed = issue.values.map(String);
        const message = value === undefined ? "is required" : `${describeValue(value)} is not allowed`;
        const draft: ProblemDraft = { file, path, message };
        if (allowed.length <= MAX_LISTED) draft.allowed = allowed;
        const s = suggest(value, allowed);
        if (s !== undefined) draft.suggestion = s;
        drafts.push(draft);
        break;
      }
      case "invalid_type": {
        const wanted = typeWord(issue.expected);
        const message =
          value === undefined
            ? `is required (${wanted})`
            : value === null
              ? `is empty; expected ${wanted}`
              : `expected ${wanted}, found ${describeValue(value)}`;
        drafts.push({ file, path, message });
        break;
      }
      case "unrecognized_keys": {
        const known = fieldsAt(schema, path);
        for (const key of issue.keys) {
          const draft: ProblemDraft = { file, path: [...path, key], message: `unknown field "${key}"` };
          if (known.length > 0 && known.length <= MAX_LISTED) draft.allowed = known;
          const s = suggest(key, known);
          if (s !== undefined) draft.suggestion = s;
          drafts.push(draft);
        }
        break;
      }
      case "too_small": {
        const message =
          issue.origin === "array"
            ? `must have at least ${plural(Number(issue.minimum), "item")}`
            : issue.origin === "string"
              ? "must not be empty"
              : outOfRange(">", issue.minimum, issue.inclusive, value);
        drafts.push({ file, path, message });
        break;
      }
      case "too_big": {
        const message =
          issue.origin === "string"
            ? `must be at most ${plural(Number(issue.maximum), "character")}`
            : outOfRange("<", issue.maximum, issue.inclusive, value);
        drafts.push({ file, path, message });
        break;
      }
      case "invalid_format": {
        const what = issue.format === "date" ? "must be a date YYYY-MM-DD" : issue.message;
        drafts.push({ file, path, message: `${describeValue(value)}: ${what}` });
        break;
      }
      default:
        drafts.push({ file, path, message: issue.message });
    }
  }
  return withoutEchoes(drafts);
}

/** A misspelt key shows up twice: as an unknown field and as the missing field it was meant to be.
 * The "did you mean" on the unknown field already says both, so the "is required" echo goes. */
function withoutEchoes(drafts: ProblemDraft[]): ProblemDraft[] {
  const meant = new Set<string>();
  for (const d of drafts) {
    if (d.message.startsWith("unknown field") && d.suggestion !== undefined) {
      meant.add(JSON.stringify([...d.path.slice(0, -1), d.suggestion]));
    }
  }
  if (meant.size === 0) return drafts;
  return drafts.filter((d) => !(d.message.startsWith("is required") && meant.has(JSON.stringify(d.path))));
}
