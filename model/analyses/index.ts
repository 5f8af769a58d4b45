// The pure analyses of the model, and calls that run the network's analyses (the coverage report) or all.
import type { Inventory, NetworkInventory } from "../types.ts";
import { analyseCoverage, type CoverageResult } from "./coverage.ts";
import { analyseDiversity, type DiversityResult } from "./diversity.ts";
import { type IpamLock, type IpamOptions, type IpamResult, planIpam } from "./ipam.ts";
import { buildOperationalNetwork } from "./network.ts";
import { analyseOptics, type OpticsResult } from "./optics.ts";
import { type PlannerOptions, type PlanResult, planRollout } from "./planner.ts";
import { analyseTier2, type Tier2Result } from "./tier2.ts";

export * from "./coverage.ts";
export * from "./cut-points.ts";
export * from "./diversity.ts";
export * from "./geo.ts";
export * from "./ipam.ts";
export * from "./ipv4.ts";
export * from "./network.ts";
export * from "./optical-loss.ts";
export * from "./optics.ts";
export * from "./planner.ts";
export * from "./planner-goals.ts";
export * from "./scope.ts";
export * from "./slot-allocator.ts";
export * from "./tier2.ts";

export interface AnalyseOptions {
  /** Allocations from a previous run; without it the plan starts afresh. */
  ipamLock?: IpamLock;
  ipam?: Partial<IpamOptions>;
  planner?: Partial<PlannerOptions>;
}

export interface AnalysisResults {
  coverage: CoverageResult;
  optics: OpticsResult;
  diversity: DiversityResult;
  ipam: IpamResult;
  tier2: Tier2Result;
  plan: PlanResult;
}

/** What the coverage report reads: the analyses of the fiber network, sharing one operational network. */
export type NetworkAnalyses = Pick<AnalysisResults, "coverage" | "optics" | "diversity" | "plan">;

export function analyseNetwork(
  inventory: NetworkInventory,
  options: Pick<AnalyseOptions, "planner"> = {},
): NetworkAnalyses {
  const network = buildOperationalNetwork(inventory.sites, inventory.links);
  const coverage = analyseCoverage(inventory, network);
  return {
    coverage,
    optics: analyseOptics(inventory, network),
    diversity: analyseDiversity(inventory, network),
    plan: planRollout(inventory, options.planner, network),
  };
}

/** Every analysis on one inventory: the network's, the IPAM plan and Tier-2. */
export function analyseAll(inventory: Inventory, options: AnalyseOptions = {}): AnalysisResults {
  return {
    ...analyseNetwork(inventory, options),
    ipam: planIpam(inventory, options.ipamLock, options.ipam),
    tier2: analyseTier2(inventory.datacenter),
  };
}
