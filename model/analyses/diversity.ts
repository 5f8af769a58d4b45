// Path diversity: does a PoP or site have two paths to two DIFFERENT cores that share no risk?
// Links sharing any SRLG tag (cable, pole line, duct, bridge, building entry) fail together, and a
// link without tags is at least its own risk. Single points of failure are listed as bridges
// (links) and cut vertices (nodes) of the operational graph.
//
// Method: a heuristic (exact SRLG-disjoint pairs are NP-hard), described in diverse-pair.ts. It
// never answers "yes" wrongly; it can answer "no" where only an unusual pair of paths would do.
//
// Scale: a node whose route to the mesh hangs on a bridge (every site on a single access link,
// every PoP on a single uplink) is never diverse. Those trees are peeled first in linear time
// (prune.ts) and their nodes inherit from the node they hang from; searches run only for the nodes
// left in the meshed part, and the first path to each core comes from one BFS per core, not per node.
import type { Link, NetworkInventory, SiteCategory } from "../types.ts";
import { findCutPoints } from "./cut-points.ts";
import { type CorePath, DiversePairSearch } from "./diverse-pair.ts";
import { buildOperationalNetwork, type OperationalNetwork } from "./network.ts";
import { peelTrees } from "./prune.ts";
import { isServedSite } from "./scope.ts";

export type DiversityReason =
  /** Two SRLG-disjoint paths to two different cores were found. */
  | "diverse"
  /** No operational path to any core at all. */
  | "no-core-path"
  /** Only one core is reachable, so two different cores are impossible. */
  | "single-core"
  /** The node hangs on a bridge (e.g. a single access link or a single uplink). */
  | "single-homed"
  /** Meshed, but every second path the heuristic tried shares a risk with the first. */
  | "shared-risk";

export interface DiversePath {
  coreId: string;
  linkIds: string[];
}

export interface NodeDiversity {
  siteId: string;
  category: SiteCategory;
  diverse: boolean;
  reason: DiversityReason;
  primary: DiversePath | null;
  secondary: DiversePath | null;
  /** For single-homed nodes: the meshed node their tree hangs from, and whether that one is diverse. */
  upstream: { siteId: string; diverse: boolean } | null;
}

export interface BridgeLink {
  linkId: string;
  a: string;
  b: string;
  /** Served sites that lose every core when this link fails. */
  sitesCutOff: number;
}

export interface CutVertex {
  siteId: string;
  name: string;
  category: SiteCategory;
  /** Served sites (other than this one) that lose every core when this node fails. */
  sitesCutOff: number;
}

export interface DiversityResult {
  /** Every operational non-core node, sorted by id. */
  nodes: NodeDiversity[];
  pops: { total: number; diverse: number };
  sites: { total: number; diverse: number };
  bridges: BridgeLink[];
  cutVertices: CutVertex[];
}

export function analyseDiversity(inventory: NetworkInventory, net?: OperationalNetwork): DiversityResult {
  const network = net ?? buildOperationalNetwork(inventory.sites, inventory.links);
  const n = network.nodeIds.length;
  const { csr, links, nodeSites, nodeIds } = network;
  const isCore = new Uint8Array(n);
  for (const c of network.cores) isCore[c] = 1;
  const weight = new Uint8Array(n);
  for (let i = 0; i < n; i++) weight[i] = isServedSite(nodeSites[i] as (typeof nodeSites)[number]) ? 1 : 0;

  const { peeled, attach } = peelTrees(csr, n, isCore);
  const pairs = new DiversePairSearch(network, peeled, isCore);
  const named = (p: CorePath): DiversePath => ({
    coreId: nodeIds[p.core] as string,
    linkIds: p.edges.map((e) => (links[e] as Link).id),
  });

  const result = new Array<NodeDiversity | undefined>(n);
  for (let v = 0; v < n; v++) {
    if (isCore[v] === 1 || peeled[v] === 1) continue;
    const site = nodeSites[v] as (typeof nodeSites)[number];
    const base = { siteId: site.id, category: site.category, upstream: null };
    const outcome = pairs.search(v);
    switch (outcome.kind) {
      case "found":
        result[v] = {
          ...base,
          diverse: true,
          reason: "diverse",
          primary: named(outcome.first),
          secondary: named(outcome.second),
        };
        break;
      case "no-core-path":
        result[v] = { ...base, diverse: false, reason: "no-core-path", primary: null, secondary: null };
        break;
      default:
        result[v] = {
          ...base,
          diverse: false,
          reason: outcome.kind,
          primary: named(outcome.nearest),
          secondary: null,
        };
    }
  }
  for (let v = 0; v < n; v++) {
    if (isCore[v] === 1 || peeled[v] !== 1) continue;
    const site = nodeSites[v] as (typeof nodeSites)[number];
    const up = attach[v] as number;
    const upResult = up >= 0 ? result[up] : undefined;
    const upstreamDiverse = up >= 0 && (isCore[up] === 1 || upResult?.diverse === true);
    const reachesCore =
      up >= 0 && (isCore[up] === 1 || (upResult !== undefined && upResult.reason !== "no-core-path"));
    result[v] = {
      siteId: site.id,
      category: site.category,
      diverse: false,
      reason: reachesCore ? "single-homed" : "no-core-path",
      primary: null,
      secondary: null,
      upstream: up >= 0 ? { siteId: nodeIds[up] as string, diverse: upstreamDiverse } : null,
    };
  }

  const nodes = result.filter((r): r is NodeDiversity => r !== undefined);
  const cut = findCutPoints({ csr, nodeCount: n, isCore, weight });
  const tally = (rows: NodeDiversity[]) => ({
    total: rows.length,
    diverse: rows.filter((r) => r.diverse).length,
  });
  return {
    nodes,
    pops: tally(nodes.filter((r) => r.category === "pop")),
    sites: tally(nodes.filter((r) => r.category !== "pop")),
    bridges: cut.bridges.map((b) => {
      const l = links[b.edge] as Link;
      return { linkId: l.id, a: l.a, b: l.b, sitesCutOff: b.cutOff };
    }),
    cutVertices: cut.cutVertices.map((c) => {
      const s = nodeSites[c.node] as (typeof nodeSites)[number];
      return { siteId: s.id, name: s.name, category: s.category, sitesCutOff: c.cutOff };
    }),
  };
}
