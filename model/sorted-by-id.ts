// Every result is sorted by id so that the same inventory always gives the same output. The sort is
// done once per analysis run, by the operational network (analyses/network.ts), which hands the
// sorted lists to the analyses as part of its value; nothing is cached here.

// Plain UTF-16 code unit order, as compareStrings in analyses/scope.ts.
const byId = (x: { id: string }, y: { id: string }): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** `[...list].sort(by id)`: a new array; records with equal ids keep their list order. */
export function sortedById<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort(byId);
}

/** The record with this id in a list sorted by id (as sortedById returns it), by binary search. */
export function findById<T extends { id: string }>(sorted: readonly T[], id: string): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const here = (sorted[mid] as T).id;
    if (here === id) return sorted[mid];
    if (here < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
