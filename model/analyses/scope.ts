// What counts towards a roadmap target, shared by coverage and the planner so both agree.
import type { Authority, Site, SiteCategory, Target } from "../types.ts";

/** Infrastructure nodes, not places the roadmap wants connected. */
export const INFRASTRUCTURE_CATEGORIES: readonly SiteCategory[] = ["pop", "core"];

export function isServedSite(site: Site): boolean {
  return isServedCategory(site.category);
}

export function isServedCategory(category: SiteCategory): boolean {
  return !INFRASTRUCTURE_CATEGORIES.includes(category);
}

export function inTargetScope(
  site: Pick<Site, "category" | "authority">,
  target: Target,
  authorities: readonly Authority[] = target.authorities,
): boolean {
  return target.categories.includes(site.category) && authorities.includes(site.authority);
}

/**
 * Sites still to connect to reach `ratio` of `inScope`. The epsilon keeps 0.7 × 10 = 7.000000000000001
 * from demanding an eighth site.
 */
export function sitesNeeded(ratio: number, inScope: number, covered: number): number {
  return Math.max(0, Math.ceil(ratio * inScope - 1e-9) - covered);
}

export const compareStrings = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
