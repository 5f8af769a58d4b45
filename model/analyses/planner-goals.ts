// What the rollout planner must achieve: each target's ratio for each of its categories on its own
// (the roadmap's "70% of OPD offices, schools and puskesmas" read strictly: every category gets
// there, which also carries the combined figure).
import type { Authority, Site, SiteCategory, Target } from "../types.ts";
import { compareStrings, sitesNeeded } from "./scope.ts";

export interface PlanGoal {
  /** `${targetId}/${category}` */
  key: string;
  targetId: string;
  category: SiteCategory;
  authorities: Authority[];
  ratio: number;
  inScope: number;
  coveredBefore: number;
  /** Sites to connect before planning. */
  needBefore: number;
}

/** `covered[i]` is 1 when sites[i] is already covered: looked up once per site by the caller, since a
 * Set probe per site per goal (half a million ids, most probes cache misses) was most of the cost. */
export function planGoals(
  targets: readonly Target[],
  sites: readonly Site[],
  covered: Uint8Array,
): PlanGoal[] {
  // Site indices by category, in input order, so each goal scans its own category, not every site.
  const byCategory = new Map<SiteCategory, number[]>();
  for (let i = 0; i < sites.length; i++) {
    const category = (sites[i] as Site).category;
    const list = byCategory.get(category);
    if (list) list.push(i);
    else byCategory.set(category, [i]);
  }
  const goals: PlanGoal[] = [];
  for (const t of [...targets].sort((x, y) => compareStrings(x.id, y.id))) {
    for (const category of [...new Set(t.categories)].sort(compareStrings)) {
      let inScope = 0;
      let coveredBefore = 0;
      for (const i of byCategory.get(category) ?? []) {
        if (!t.authorities.includes((sites[i] as Site).authority)) continue;
        inScope++;
        coveredBefore += covered[i] as number;
      }
      goals.push({
        key: `${t.id}/${category}`,
        targetId: t.id,
        category,
        authorities: [...t.authorities],
        ratio: t.ratio,
        inScope,
        coveredBefore,
        needBefore: sitesNeeded(t.ratio, inScope, coveredBefore),
      });
    }
  }
  return goals;
}

/** Goal indices a site counts towards. */
export function goalsOf(site: Site, goals: readonly PlanGoal[]): number[] {
  const out: number[] = [];
  goals.forEach((g, i) => {
    if (g.category === site.category && g.authorities.includes(site.authority)) out.push(i);
  });
  return out;
}
