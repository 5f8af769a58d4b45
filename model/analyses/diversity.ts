// Path diversity: does a PoP or site have two paths to two DIFFERENT cores that share no risk?
// Links sharing any SRLG tag (cable, pole line, duct, bridge, building entry) fail together, and a
// link without tags is at least its own risk. Single points of failure are listed as bridges
// (links) and cut vertices (nodes) of the operational graph.
//
// Method (a heuristic): for a node v and each core A (nearest first), take the fewest-hop path
// v → A, then remove every link sharing an SRLG with it and every node on it (A included), and
// look for any path from v to another core. Finding two SRLG-disjoint paths exactly is NP-hard in
// general (Hu 2003, "Diverse routing in optical mesh networks"), so this can answer "no" where a
// clever pair of longer paths exists (the classic trap topology); it never answers "yes" wrongly,
// since the pair it returns is checked disjoint by construction.
//
// Scale: a node whose route to the mesh hangs on a bridge (every site on a single access link,
// every PoP on a single uplink) is never diverse. Those trees are peeled first in linear time
// (prune.ts) and their nodes inherit from the node they hang from; searches run only for the nodes
// left in the meshed part, and the first path to each core comes from one BFS per core, not per node.
import type { Inventory, Link, SiteCategory } from "../types.ts";
import { findCutPoints } from "./cut-points.ts";
import { buildOperationalNetwork, type OperationalNetwork } from "./network.ts";
import { FilteredBfs } from "./paths.ts";
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

/** Interns SRLG tags as integers; an untagged link is its own risk group. */
function riskGroups(links: readonly Link[]): { groups: Int32Array[]; groupCount: number } {
  const ids = new Map<string, number>();
  const intern = (tag: string) => {
    let id = ids.get(tag);
    if (id === undefined) {
      id = ids.size;
      ids.set(tag, id);
    }
    return id;
  };
  const groups = links.map((l) =>
    Int32Array.from(l.srlg.length > 0 ? l.srlg.map((t) => intern(`srlg:${t}`)) : [intern(`link:${l.id}`)]),
  );
  return { groups, groupCount: ids.size };
}

/** BFS tree from one core over the meshed part, not passing through other cores. */
function bfsTreeFromCore(
  net: OperationalNetwork,
  core: number,
  blocked: Uint8Array,
  isCore: Uint8Array,
): Int32Array {
  const n = net.nodeIds.length;
  const viaEdge = new Int32Array(n).fill(-2); // -2 unseen, -1 the root
  const queue = new Int32Array(n);
  const { offsets, neighbor, edge } = net.csr;
  let head = 0;
  let tail = 0;
  queue[tail++] = core;
  viaEdge[core] = -1;
  while (head < tail) {
    const u = queue[head++] as number;
    if (u !== core && isCore[u] === 1) continue;
    const end = offsets[u + 1] as number;
    for (let p = offsets[u] as number; p < end; p++) {
      const v = neighbor[p] as number;
      if (viaEdge[v] !== -2 || blocked[v] === 1) continue;
      viaEdge[v] = edge[p] as number;
      queue[tail++] = v;
    }
  }
  return viaEdge;
}

export function analyseDiversity(inventory: Inventory, net?: OperationalNetwork): DiversityResult {
  const network = net ?? buildOperationalNetwork(inventory.sites, inventory.links);
  const n = network.nodeIds.length;
  const { csr, links, linkA, linkB, nodeSites, nodeIds } = network;
  const isCore = new Uint8Array(n);
  for (const c of network.cores) isCore[c] = 1;
  const weight = new Uint8Array(n);
  for (let i = 0; i < n; i++) weight[i] = isServedSite(nodeSites[i] as (typeof nodeSites)[number]) ? 1 : 0;

  const { peeled, attach } = peelTrees(csr, n, isCore);
  const trees = network.cores.map((c) => ({ core: c, via: bfsTreeFromCore(network, c, peeled, isCore) }));
  const { groups, groupCount } = riskGroups(links);
  const groupStamp = new Int32Array(groupCount);
  const nodeStamp = new Int32Array(n);
  let stamp = 0;
  const bfs = new FilteredBfs(csr, n);
  const other = (e: number, u: number) =>
    (linkA[e] as number) === u ? (linkB[e] as number) : (linkA[e] as number);

  const result = new Array<NodeDiversity | undefined>(n);
  const searchMeshed = (v: number): NodeDiversity => {
    const site = nodeSites[v] as (typeof nodeSites)[number];
    const base = { siteId: site.id, category: site.category, upstream: null };
    // Reachable cores, nearest (fewest hops) first, ties by core order.
    const reachable = trees
      .filter((t) => (t.via[v] as number) !== -2)
      .map((t) => ({ ...t, hops: hopsTo(t.via, v) }))
      .sort((x, y) => x.hops - y.hops || x.core - y.core);
    if (reachable.length === 0)
      return { ...base, diverse: false, reason: "no-core-path", primary: null, secondary: null };
    for (const first of reachable) {
      const path = walk(first.via, v);
      stamp++;
      for (const e of path.edges) for (const g of groups[e] as Int32Array) groupStamp[g] = stamp;
      for (const u of path.nodes) if (u !== v) nodeStamp[u] = stamp;
      const second = bfs.search(
        v,
        (u) => isCore[u] === 1 && u !== first.core,
        (e) => (groups[e] as Int32Array).some((g) => groupStamp[g] === stamp),
        (u) => nodeStamp[u] === stamp || peeled[u] === 1,
      );
      if (second) {
        return {
          ...base,
          diverse: true,
          reason: "diverse",
          primary: {
            coreId: nodeIds[first.core] as string,
            linkIds: path.edges.map((e) => (links[e] as Link).id),
          },
          secondary: {
            coreId: nodeIds[second.nodes[second.nodes.length - 1] as number] as string,
            linkIds: second.edges.map((e) => (links[e] as Link).id),
          },
        };
      }
    }
    const nearest = reachable[0] as (typeof reachable)[number];
    const primary = {
      coreId: nodeIds[nearest.core] as string,
      linkIds: walk(nearest.via, v).edges.map((e) => (links[e] as Link).id),
    };
    // Only counts cores reachable inside the mesh; with one, a second core is impossible.
    const reason: DiversityReason = reachable.length < 2 ? "single-core" : "shared-risk";
    return { ...base, diverse: false, reason, primary, secondary: null };
  };

  // Walks a core's BFS tree from v back to the core.
  function walk(via: Int32Array, v: number): { nodes: number[]; edges: number[] } {
    const nodes = [v];
    const edges: number[] = [];
    let u = v;
    while ((via[u] as number) >= 0) {
      const e = via[u] as number;
      edges.push(e);
      u = other(e, u);
      nodes.push(u);
    }
    return { nodes, edges };
  }
  function hopsTo(via: Int32Array, v: number): number {
    let hops = 0;
    let u = v;
    while ((via[u] as number) >= 0) {
      u = other(via[u] as number, u);
      hops++;
    }
    return hops;
  }

  for (let v = 0; v < n; v++) if (isCore[v] !== 1 && peeled[v] !== 1) result[v] = searchMeshed(v);
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
