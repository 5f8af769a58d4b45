// The operational fiber network as a graph, in two shapes: a compact CSR adjacency (typed arrays)
// that the hand-written iterative algorithms walk at 500k-node scale, and a graphology multigraph
// for callers who want library algorithms or a drawing, built only when asked for.
import { MultiUndirectedGraph } from "graphology";
import { sortedById } from "../sorted-by-id.ts";
import type { Link, Site } from "../types.ts";

export interface NodeAttributes {
  index: number;
}
export interface EdgeAttributes {
  index: number;
  lengthKm: number;
}

/**
 * Compressed sparse row adjacency. For node i, its incidences are positions
 * offsets[i] .. offsets[i+1]-1 of `neighbor` (the other end) and `edge` (index into `links`).
 * Parallel links stay distinct: two fibres between the same ends are two edges.
 */
export interface Csr {
  offsets: Int32Array;
  neighbor: Int32Array;
  edge: Int32Array;
}

export interface OperationalNetwork {
  /** Every site of the inventory, sorted by id: the order of every per-site result. Sorted once here
   * and handed to the analyses with the network, so none sorts again. */
  sites: readonly Site[];
  /** siteNode[k] is the node index of sites[k], or -1 when that site is not a node. */
  siteNode: Int32Array;
  /** Every link of the inventory (any status), sorted by id: the order of every per-link result. */
  allLinks: readonly Link[];
  /** Node ids, index-aligned with the CSR; sorted so every result is deterministic. */
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** Site record per node index. */
  nodeSites: Site[];
  /** Operational links whose both ends are operational sites, sorted by id. */
  links: Link[];
  /** Per link index: its two end node indices. */
  linkA: Int32Array;
  linkB: Int32Array;
  csr: Csr;
  /** Node indices of category `core`, ascending. */
  cores: number[];
  /** The same network as a graphology multigraph, built on first access. */
  readonly graph: MultiUndirectedGraph<NodeAttributes, EdgeAttributes>;
}

/**
 * A node is in the operational network when its own connection is operational: a planned PoP
 * forwards nothing, so an operational span ending at it carries no service yet.
 */
export function isOperationalNode(site: Site): boolean {
  return site.connection.status === "operational";
}

export function buildOperationalNetwork(sites: readonly Site[], links: readonly Link[]): OperationalNetwork {
  const sorted = sortedById(sites);
  const siteNode = new Int32Array(sorted.length).fill(-1);
  const nodeSites: Site[] = [];
  const nodeIds: string[] = [];
  const nodeIndex = new Map<string, number>();
  for (let k = 0; k < sorted.length; k++) {
    const site = sorted[k] as Site;
    if (!isOperationalNode(site)) continue;
    siteNode[k] = nodeSites.length;
    nodeIndex.set(site.id, nodeSites.length);
    nodeSites.push(site);
    nodeIds.push(site.id);
  }

  const allLinks = sortedById(links);
  const opLinks = allLinks.filter(
    (l) => l.status === "operational" && l.a !== l.b && nodeIndex.has(l.a) && nodeIndex.has(l.b),
  );
  const m = opLinks.length;
  const n = nodeIds.length;
  const linkA = new Int32Array(m);
  const linkB = new Int32Array(m);
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const link = opLinks[e] as Link;
    const a = nodeIndex.get(link.a) as number;
    const b = nodeIndex.get(link.b) as number;
    linkA[e] = a;
    linkB[e] = b;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (degree[i] as number);
  const fill = offsets.slice(0, n);
  const neighbor = new Int32Array(2 * m);
  const edge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = linkA[e] as number;
    const b = linkB[e] as number;
    const pa = fill[a] as number;
    neighbor[pa] = b;
    edge[pa] = e;
    fill[a] = pa + 1;
    const pb = fill[b] as number;
    neighbor[pb] = a;
    edge[pb] = e;
    fill[b] = pb + 1;
  }

  const cores: number[] = [];
  nodeSites.forEach((s, i) => {
    if (s.category === "core") cores.push(i);
  });

  let graph: MultiUndirectedGraph<NodeAttributes, EdgeAttributes> | undefined;
  return {
    sites: sorted,
    siteNode,
    allLinks,
    nodeIds,
    nodeIndex,
    nodeSites,
    links: opLinks,
    linkA,
    linkB,
    csr: { offsets, neighbor, edge },
    cores,
    // No analysis walks the graphology graph any more (they use the CSR), and building it costs
    // about a second at 500k nodes, so it is built on first use for callers who want it.
    get graph() {
      graph ??= toGraphology(nodeIds, opLinks);
      return graph;
    },
  };
}

function toGraphology(
  nodeIds: readonly string[],
  links: readonly Link[],
): MultiUndirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (let i = 0; i < nodeIds.length; i++) graph.addNode(nodeIds[i] as string, { index: i });
  for (let e = 0; e < links.length; e++) {
    const link = links[e] as Link;
    graph.addEdgeWithKey(link.id, link.a, link.b, { index: e, lengthKm: link.lengthKm });
  }
  return graph;
}
