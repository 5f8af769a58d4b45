// Every result is sorted by id so that the same inventory always gives the same output. At 500k
// records one such sort costs a few hundred milliseconds, and the loader's duplicate check, the
// network, coverage, optics and the planner each sorted the same lists, so the sorted view is kept
// per list and shared.

interface Sorted {
  /** The list's elements when it was sorted: a later call checks the list still holds exactly these. */
  snapshot: readonly unknown[];
  sorted: readonly unknown[];
}

const views = new WeakMap<readonly unknown[], Sorted>();

// Plain UTF-16 code unit order, as compareStrings in analyses/scope.ts (the loader shares this view).
const byId = (x: { id: string }, y: { id: string }): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function unchanged(list: readonly unknown[], snapshot: readonly unknown[]): boolean {
  if (list.length !== snapshot.length) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== snapshot[i]) return false;
  return true;
}

/**
 * `[...list].sort(by id)`, computed once per list. Records with equal ids keep their list order, as
 * the stable sort gave. A list changed in place since (an element replaced, added or removed) is
 * sorted afresh, so a stale order is never returned.
 */
export function sortedById<T extends { id: string }>(list: readonly T[]): readonly T[] {
  const view = views.get(list);
  if (view !== undefined && unchanged(list, view.snapshot)) return view.sorted as readonly T[];
  const snapshot = [...list];
  // Not frozen: V8 runs filter and map on frozen arrays several times slower. `readonly` keeps our
  // callers from changing the shared view.
  const sorted = [...snapshot].sort(byId);
  views.set(list, { snapshot, sorted });
  return sorted;
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
