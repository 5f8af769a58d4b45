// How the fast reader gives up: it throws one private error that the entry point turns into
// OUTSIDE_SUBSET, so deep inside a line no code has to thread a failure value back up.

/** Returned when the text uses YAML outside the subset. */
export const OUTSIDE_SUBSET: unique symbol = Symbol("outside the fast YAML subset");

export class Outside extends Error {}

export const outside = (): never => {
  throw new Outside();
};
