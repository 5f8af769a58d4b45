// Shared state of the cross-checks: the collected records, id indexes built once (Maps, so every
// check is linear in the inventory), and a problem sink with a bounded "did you mean" budget.
import type { Site } from "../../types.ts";
import type { Collected, Origin, Origins } from "../collect.ts";
import type { PathSegment, ProblemDraft } from "../problem.ts";
import { suggest } from "../suggest.ts";

/** Nearest-id search compares the value with every candidate (about 0.15 µs each). Past this many
 * comparisons in one load we stop suggesting: against 500k site ids that is the first ~20 dangling
 * references, against a few dozen tenants practically all of them. */
const COMPARISON_BUDGET = 10_000_000;

export interface CheckContext {
  readonly data: Collected;
  /** Site id -> index of its first definition in data.sites.items. */
  readonly siteIndex: Map<string, number>;
  /** [later index, first index] of each repeated site id, found while building siteIndex. */
  readonly siteDuplicates: [number, number][];
  readonly tenantIds: Set<string>;
  /** Whether a reference to this tenant id is a problem: no tenant has it, the tenants could be read,
   * and it is not a tenant whose own record already failed its schema (no cascades). */
  unknownTenant(id: string): boolean;
  /** The candidates for "did you mean" on a tenant reference. */
  readonly tenantCandidates: () => Iterable<string>;
  /** Site index of each link's a and b (2j, 2j+1), -1 when unknown; looked up once for all checks. */
  readonly linkEnds: Int32Array;
  report(draft: ProblemDraft): void;
  /** A draft for a reference to an unknown id, with a suggestion when one is close. */
  unknownRef(
    origin: { file: string; path: PathSegment[] },
    what: string,
    value: string,
    candidates: () => Iterable<string>,
    allowed?: readonly string[],
  ): void;
  sitePath(index: number, ...rest: PathSegment[]): { file: string; path: PathSegment[] };
  linkPath(index: number, ...rest: PathSegment[]): { file: string; path: PathSegment[] };
  site(id: string): Site | undefined;
}

export function createContext(data: Collected): CheckContext {
  let siteIndex = new Map<string, number>();
  const siteDuplicates: [number, number][] = [];
  const items = data.sites.items;
  // One hash operation per site: ids are unique in any inventory that loads, so set them all and only
  // when the map came out smaller than the list go again, keeping each id's first index this time.
  for (let i = 0; i < items.length; i++) siteIndex.set((items[i] as Site).id, i);
  if (siteIndex.size !== items.length) {
    siteIndex = new Map();
    for (let i = 0; i < items.length; i++) {
      const id = (items[i] as Site).id;
      const first = siteIndex.get(id);
      if (first === undefined) siteIndex.set(id, i);
      else siteDuplicates.push([i, first]);
    }
  }
  const tenantIds = new Set(data.tenants.items.map((t) => t.id));
  const tenantsKnown = !data.unreadable.has("tenants");
  const links = data.links.items;
  const linkEnds = new Int32Array(links.length * 2);
  for (let j = 0; j < links.length; j++) {
    const l = links[j];
    linkEnds[2 * j] = (l && siteIndex.get(l.a)) ?? -1;
    linkEnds[2 * j + 1] = (l && siteIndex.get(l.b)) ?? -1;
  }
  let comparisons = 0;
  const candidateCache = new Map<() => Iterable<string>, string[]>();
  const at = (origins: Origins, key: string, index: number, rest: PathSegment[]) => {
    const o = origins.at(index) as Origin;
    return { file: o.file, path: [key, o.index, ...rest] };
  };
  return {
    data,
    siteIndex,
    siteDuplicates,
    tenantIds,
    unknownTenant: (id) => tenantsKnown && !tenantIds.has(id) && !data.tenants.brokenIds.has(id),
    tenantCandidates: () => tenantIds,
    linkEnds,
    report(draft) {
      data.problems.push(draft);
    },
    unknownRef(origin, what, value, candidates, allowed) {
      const draft: ProblemDraft = { ...origin, message: `no ${what} "${value}"` };
      if (allowed) draft.allowed = [...allowed];
      let list = candidateCache.get(candidates);
      if (!list) {
        list = [...candidates()];
        candidateCache.set(candidates, list);
      }
      if (comparisons + list.length <= COMPARISON_BUDGET) {
        comparisons += list.length;
        const s = suggest(value, list);
        if (s !== undefined) draft.suggestion = s;
      }
      data.problems.push(draft);
    },
    sitePath: (index, ...rest) => at(data.sites.origins, "sites", index, rest),
    linkPath: (index, ...rest) => at(data.links.origins, "links", index, rest),
    site(id) {
      const i = siteIndex.get(id);
      return i === undefined ? undefined : items[i];
    },
  };
}
