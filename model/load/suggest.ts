// "Did you mean" for mistyped ids, enum words and field names.
import { closest, distance } from "fastest-levenshtein";

/** The nearest candidate, or undefined when nothing is close enough to be a plausible typo. */
export function suggest(value: unknown, candidates: Iterable<string>): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const word = String(value);
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  if (list.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameCase = list.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const best = closest(word, list);
  // A third of the word, at least 2 edits: catches "operatonal" and "wollio" but not "foo" -> "pop".
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (distance(word, best) <= limit) return best;
  // A shortened name ("kominfo" for "diskominfo"): the shortest candidate that contains it.
  if (lower.length >= 4) {
    let found: string | undefined;
    for (const c of list)
      if (c.toLowerCase().includes(lower) && (found === undefined || c.length < found.length)) found = c;
    return found;
  }
  return undefined;
}
