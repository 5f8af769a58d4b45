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

export function planGoals(
  targets: readonly Target[],
  sites: readonly Site[],
  covered: ReadonlySet<string>,
): PlanGoal[] {
  // Sites by category, in input order, so each goal scans its own category rather than every site.
  const byCategory = new Map<SiteCategory, Site[]>();
  for (const s of sites) {
    const list = byCategory.get(s.category);
    if (list) list.push(s);
    else byCategory.set(s.category, [s]);
  }
  const goals: PlanGoal[] = [];
  for (const t of [...targets].sort((x, y) => compareStrings(x.id, y.id))) {
    for (const category of [...new Set(t.categories)].sort(compareStrings)) {
      const scope = (byCategory.get(category) ?? []).filter((s) => t.authorities.includes(s.authority));
      let coveredBefore = 0;
      for (const s of scope) if (covered.has(s.id)) coveredBefore++;
      goals.push({
        key: `${t.id}/${category}`,
        targetId: t.id,
        category,
        authorities: [...t.authorities],
        ratio: t.ratio,
        inScope: scope.length,
        coveredBefore,
        needBefore: sitesNeeded(t.ratio, scope.length, coveredBefore),
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
