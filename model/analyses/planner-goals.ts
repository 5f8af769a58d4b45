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
  const goals: PlanGoal[] = [];
  for (const t of [...targets].sort((x, y) => compareStrings(x.id, y.id))) {
    for (const category of [...new Set(t.categories)].sort(compareStrings)) {
      const scope = sites.filter((s) => s.category === category && t.authorities.includes(s.authority));
      const coveredBefore = scope.filter((s) => covered.has(s.id)).length;
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
