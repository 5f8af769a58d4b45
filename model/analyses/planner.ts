// Rollout planner: the cheapest ordered list of sites to connect so every target's categories reach
// their ratio.
//
// Cost of connecting a site = straight-line distance to the nearest connected node (covered site,
// PoP or core; a site connected by an earlier step counts for later ones) × ROUTE FACTOR × cost per
// km of its deployment type. The route factor (default 1.3) stands for fibre following roads and
// pole lines rather than the crow's flight; 1.2-1.4 is the usual planning range for urban grids.
// Cost per km defaults to the midpoints of DOMAIN.md's estimates: aerial Rp 80 juta/km (40-120),
// underground Rp 250 juta/km (150-400). A site takes the deployment of a planned link already drawn
// to it, else the default (aerial, what Baubau's pole lines mostly carry).
//
// Greedy: each step connects the site with the lowest cost per unmet goal it advances (a school in
// two targets' scope advances two). Greedy is not optimal (the optimum is a Steiner-tree flavoured,
// NP-hard problem); it is the way planners work in practice and is cheap enough for 500k sites.
//
// Scale: connecting a site can only LOWER other candidates' distances, and only of candidates
// closer to it than their current nearest node. Each candidate's "influence box" (its current
// distance around it) sits in a flatbush index; a new node asks which boxes contain it, so only
// candidates it can actually improve are touched. Boxes are rebuilt from the shrunken distances
// when the work of stale (too large) boxes has outgrown a rebuild, keeping the total near-linear.
// Priorities live in a binary heap with lazy invalidation (a version per candidate).
import Flatbush from "flatbush";
import KDBush from "kdbush";
import type { Authority, Deployment, Link, NetworkInventory, Site, SiteCategory } from "../types.ts";
import { coveredSites } from "./coverage.ts";
import { DistHeap } from "./dist-heap.ts";
import { boxAround, distanceKm, nearestPoint } from "./geo.ts";
import { buildOperationalNetwork, type OperationalNetwork } from "./network.ts";
import { goalsOf, type PlanGoal, planGoals } from "./planner-goals.ts";

export interface PlannerOptions {
  routeFactor: number;
  /** Rupiah per km of route. */
  costPerKm: Record<Deployment, number>;
  defaultDeployment: Deployment;
}

export const DEFAULT_PLANNER_OPTIONS: Readonly<PlannerOptions> = {
  routeFactor: 1.3,
  costPerKm: { aerial: 80_000_000, underground: 250_000_000 },
  defaultDeployment: "aerial",
};

export interface PlanStep {
  /** 1-based order. */
  step: number;
  siteId: string;
  name: string;
  category: SiteCategory;
  kecamatan: string;
  authority: Authority;
  /** The connected node the new route starts from. */
  connectTo: string;
  straightKm: number;
  routeKm: number;
  deployment: Deployment;
  /** Rupiah. */
  cost: number;
  cumulativeCost: number;
  /** Goal keys this step advanced. */
  advances: string[];
  /** Covered sites per goal after this step, aligned with `PlanResult.goals`. */
  covered: number[];
}

export interface PlannedGoal extends PlanGoal {
  coveredAfter: number;
  /** Sites still missing after the plan (non-zero only when too few candidates exist). */
  needAfter: number;
  met: boolean;
  /** Steps that advanced this goal, and their cost shared equally among the goals each advanced. */
  steps: number;
  cost: number;
}

export interface PlanResult {
  options: PlannerOptions;
  goals: PlannedGoal[];
  steps: PlanStep[];
  totalCost: number;
  allMet: boolean;
  /** Why planning could not start, e.g. no connected node to build from. */
  blocked: string | null;
}

interface Candidate {
  site: Site;
  goals: number[];
  deployment: Deployment;
  costPerKm: number;
  /** Current straight-line km to the nearest connected node, and that node's id. */
  dist: number;
  nearest: string;
  version: number;
  done: boolean;
}

/** The deployment of a link already drawn (planned, proposed, ...) to a site, first by link id. */
function plannedDeployment(linksById: readonly Link[]): Map<string, Deployment> {
  // Links in id order: the first drawn link seen at an end is the one with the smallest id.
  const out = new Map<string, Deployment>();
  for (const l of linksById) {
    if (l.status === "operational" || l.status === "decommissioned") continue;
    if (!out.has(l.a)) out.set(l.a, l.deployment);
    if (!out.has(l.b)) out.set(l.b, l.deployment);
  }
  return out;
}

/**
 * `net`: the operational network of this inventory when the caller has built it already (it carries
 * the id-sorted sites and links and says which sites are covered); built here when omitted.
 */
export function planRollout(
  inventory: NetworkInventory,
  options: Partial<PlannerOptions> = {},
  net?: OperationalNetwork,
): PlanResult {
  const o: PlannerOptions = { ...DEFAULT_PLANNER_OPTIONS, ...options };
  const network = net ?? buildOperationalNetwork(inventory.sites, inventory.links);
  const sites = network.sites;
  // isCovered[k] says whether sites[k] is covered: both are the network's, in its site order.
  const isCovered = coveredSites(network);
  const goals = planGoals(inventory.targets, sites, isCovered);
  const need = goals.map((g) => g.needBefore);
  const coveredNow = goals.map((g) => g.coveredBefore);
  const deployments = plannedDeployment(network.allLinks);

  // A site's open goals depend only on its category and authority, and no goal closes before the
  // greedy starts: one list per pair, shared read-only by its candidates, not one per site.
  const openGoals = new Map<SiteCategory, Map<Authority, number[]>>();
  const openGoalsOf = (site: Site): number[] => {
    let byAuthority = openGoals.get(site.category);
    if (byAuthority === undefined) {
      byAuthority = new Map();
      openGoals.set(site.category, byAuthority);
    }
    let gs = byAuthority.get(site.authority);
    if (gs === undefined) {
      gs = goalsOf(site, goals).filter((g) => (need[g] as number) > 0);
      byAuthority.set(site.authority, gs);
    }
    return gs;
  };
  const connected: Site[] = [];
  const candidates: Candidate[] = [];
  for (let k = 0; k < sites.length; k++) {
    const site = sites[k] as Site;
    if (isCovered[k] === 1) {
      connected.push(site);
      continue;
    }
    const gs = openGoalsOf(site);
    if (gs.length === 0) continue;
    const deployment = deployments.get(site.id) ?? o.defaultDeployment;
    candidates.push({
      site,
      goals: gs,
      deployment,
      costPerKm: o.costPerKm[deployment],
      dist: Infinity,
      nearest: "",
      version: 0,
      done: false,
    });
  }

  const finish = (steps: PlanStep[], blocked: string | null): PlanResult => {
    const perGoal = goals.map(() => ({ steps: 0, cost: 0 }));
    for (const s of steps) {
      for (const key of s.advances) {
        const g = perGoal[goals.findIndex((x) => x.key === key)] as { steps: number; cost: number };
        g.steps++;
        g.cost += s.cost / s.advances.length;
      }
    }
    const planned = goals.map((g, i) => ({
      ...g,
      coveredAfter: coveredNow[i] as number,
      needAfter: need[i] as number,
      met: need[i] === 0,
      ...(perGoal[i] as { steps: number; cost: number }),
    }));
    return {
      options: o,
      goals: planned,
      steps,
      totalCost: steps.length === 0 ? 0 : (steps[steps.length - 1] as PlanStep).cumulativeCost,
      allMet: planned.every((g) => g.met),
      blocked,
    };
  };

  if (need.every((x) => x === 0)) return finish([], null);
  if (connected.length === 0)
    return finish([], "no site is connected to a core yet: there is nothing to build from");

  // Sites geocoded to one spot (a kelurahan centroid) are common: the search indexes each spot once,
  // with the connected site of the smallest id there, which is what a tie at distance 0 picks.
  const firstAt = new Map<string, Site>();
  for (const s of connected) if (!firstAt.has(spot(s))) firstAt.set(spot(s), s);
  const spots = [...firstAt.values()];
  const seed = new KDBush(spots.length);
  for (const s of spots) seed.add(s.location.lon, s.location.lat);
  seed.finish();
  const locations = spots.map((s) => s.location);
  for (const c of candidates) {
    const near = spots[nearestPoint(seed, locations, c.site.location)] as Site;
    c.dist = distanceKm(c.site.location, near.location);
    c.nearest = near.id;
  }

  const score = (c: Candidate) => {
    const value = c.goals.reduce((n, g) => n + ((need[g] as number) > 0 ? 1 : 0), 0);
    return value === 0 ? Infinity : (c.dist * o.routeFactor * c.costPerKm) / value;
  };
  // (score, candidate index) with the version as payload; ties go to the lower index, i.e. the
  // smaller site id.
  const heap = new DistHeap();
  candidates.forEach((c, i) => {
    heap.push(score(c), i, c.version);
  });

  const influence = new InfluenceIndex(candidates);
  const steps: PlanStep[] = [];
  let cumulativeCost = 0;
  while (heap.size > 0 && need.some((x) => x > 0)) {
    const key = heap.peekKey();
    const version = heap.peekPayload();
    const i = heap.pop();
    const c = candidates[i] as Candidate;
    if (c.done || version !== c.version) continue;
    const now = score(c);
    if (now === Infinity) {
      c.done = true;
      continue;
    }
    // Its goals filled up since it was queued: requeue at its true (higher) score.
    if (now > key * (1 + 1e-12)) {
      heap.push(now, i, c.version);
      continue;
    }
    c.done = true;
    // Candidates at distance 0 leave the influence index (nothing can come closer), so the node they
    // connect to is settled here: the connected site of the smallest id on the same spot.
    const here = firstAt.get(spot(c.site));
    if (c.dist === 0 && here !== undefined && here.id < c.nearest) c.nearest = here.id;
    if (here === undefined || c.site.id < here.id) firstAt.set(spot(c.site), c.site);
    const advances = c.goals.filter((g) => (need[g] as number) > 0);
    for (const g of advances) {
      need[g] = (need[g] as number) - 1;
      coveredNow[g] = (coveredNow[g] as number) + 1;
    }
    const routeKm = c.dist * o.routeFactor;
    const cost = routeKm * c.costPerKm;
    cumulativeCost += cost;
    steps.push({
      step: steps.length + 1,
      siteId: c.site.id,
      name: c.site.name,
      category: c.site.category,
      kecamatan: c.site.kecamatan,
      authority: c.site.authority,
      connectTo: c.nearest,
      straightKm: c.dist,
      routeKm,
      deployment: c.deployment,
      cost,
      cumulativeCost,
      advances: advances.map((g) => (goals[g] as PlanGoal).key),
      covered: [...coveredNow],
    });
    // The new node may now be the nearest connected node for candidates around it.
    influence.touching(c.site, (j) => {
      const d = candidates[j] as Candidate;
      if (d.done || d.dist === 0) return;
      const km = distanceKm(c.site.location, d.site.location);
      if (km < d.dist || (km === d.dist && c.site.id < d.nearest)) {
        d.dist = km;
        d.nearest = c.site.id;
        d.version++;
        const next = score(d);
        // Infinity would poison the heap's comparator; such a candidate is dropped when popped anyway.
        if (next !== Infinity) heap.push(next, j, d.version);
      }
    });
  }
  return finish(steps, null);
}

/** Where a site is, as a key: sites with the same coordinates share it. */
const spot = (s: Site): string => `${s.location.lon},${s.location.lat}`;

/**
 * Flatbush over each open candidate's box of radius = its current distance: a newly connected node
 * can only improve candidates whose box contains it.
 */
class InfluenceIndex {
  private index: Flatbush | null = null;
  private ids: number[] = [];
  private staleWork = 0;

  private readonly candidates: readonly Candidate[];

  constructor(candidates: readonly Candidate[]) {
    this.candidates = candidates;
    this.rebuild();
  }

  private rebuild(): void {
    this.ids = [];
    this.candidates.forEach((c, i) => {
      // At distance 0 a candidate cannot come closer: its box would catch every node on its spot.
      if (!c.done && c.dist > 0) this.ids.push(i);
    });
    this.staleWork = 0;
    if (this.ids.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(this.ids.length);
    for (const i of this.ids) {
      const c = this.candidates[i] as Candidate;
      const b = boxAround(c.site.location, c.dist);
      index.add(b.minX, b.minY, b.maxX, b.maxY);
    }
    index.finish();
    this.index = index;
  }

  touching(site: Site, visit: (candidate: number) => void): void {
    if (!this.index) return;
    const { lon, lat } = site.location;
    const hits = this.index.search(lon, lat, lon, lat);
    for (const h of hits) visit(this.ids[h] as number);
    // Rebuild once the hits spent on stale boxes exceed what a rebuild costs (about one pass).
    this.staleWork += hits.length;
    if (this.staleWork > 4 * this.ids.length) this.rebuild();
  }
}
