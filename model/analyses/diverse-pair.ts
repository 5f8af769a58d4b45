// The search behind diversity.ts: for one node, a first path to some core and a second path to a
// DIFFERENT core that shares no node (other than the start) and no risk group with the first.
//
// Exact SRLG-disjoint pairs are NP-hard (Hu 2003, "Diverse routing in optical mesh networks"), so
// this is a heuristic in two stages, stopping at the first success:
//   1. For each core A, nearest first: the fewest-hop path to A (from one BFS tree per core, shared
//      by all nodes), then any path to another core avoiding its nodes and risk groups.
//   2. Only if stage 1 fails: force the first path out through each of the node's links in turn
//      (fewest hops from that neighbour to A), then the same second search. This escapes the trap
//      where every shortest first path runs over a tag that also sits on the only alternative.
// A "yes" is always true (the pair is disjoint by construction); a "no" may miss a pair that only
// longer, cleverer first paths would allow.
import type { Link } from "../types.ts";
import type { OperationalNetwork } from "./network.ts";
import { type BfsPath, FilteredBfs } from "./paths.ts";

export interface CorePath {
  core: number;
  edges: number[];
}

export type PairOutcome =
  | { kind: "found"; first: CorePath; second: CorePath }
  | { kind: "no-core-path" }
  | { kind: "single-core"; nearest: CorePath }
  | { kind: "shared-risk"; nearest: CorePath };

/**
 * Risk groups of every link as integers, flat: link e's groups are list[start[e] .. start[e+1]-1].
 * SRLG tags are interned; a link without tags is its own group (keyed by its id, so two records with
 * one id stay one risk, as before). One pair of arrays instead of an Int32Array per link: at 500k
 * links the small typed arrays cost more to allocate and collect than the searches that read them.
 */
function riskGroups(links: readonly Link[]): { start: Int32Array; list: Int32Array; groupCount: number } {
  const tags = new Map<string, number>();
  const untagged = new Map<string, number>();
  let groupCount = 0;
  const intern = (ids: Map<string, number>, key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = groupCount++;
      ids.set(key, id);
    }
    return id;
  };
  const start = new Int32Array(links.length + 1);
  for (let e = 0; e < links.length; e++) {
    start[e + 1] = (start[e] as number) + Math.max(1, (links[e] as Link).srlg.length);
  }
  const list = new Int32Array(start[links.length] as number);
  for (let e = 0; e < links.length; e++) {
    const l = links[e] as Link;
    let k = start[e] as number;
    if (l.srlg.length === 0) list[k] = intern(untagged, l.id);
    else for (const t of l.srlg) list[k++] = intern(tags, t);
  }
  return { start, list, groupCount };
}

export class DiversePairSearch {
  private readonly groupStart: Int32Array;
  private readonly groupList: Int32Array;
  private readonly groupStamp: Int32Array;
  private readonly nodeStamp: Int32Array;
  private stamp = 0;
  private readonly bfs: FilteredBfs;
  /** Per core: BFS tree over the meshed part (edge to parent; -1 at the core, -2 unreached). */
  private readonly trees: Array<{ core: number; via: Int32Array }>;

  private readonly net: OperationalNetwork;
  /** Nodes outside the meshed part: never on a path between a meshed node and a core. */
  private readonly excluded: Uint8Array;
  private readonly isCore: Uint8Array;

  constructor(net: OperationalNetwork, excluded: Uint8Array, isCore: Uint8Array) {
    this.net = net;
    this.excluded = excluded;
    this.isCore = isCore;
    const n = net.nodeIds.length;
    const { start, list, groupCount } = riskGroups(net.links);
    this.groupStart = start;
    this.groupList = list;
    this.groupStamp = new Int32Array(groupCount);
    this.nodeStamp = new Int32Array(n);
    this.bfs = new FilteredBfs(net.csr, n);
    this.trees = net.cores.map((core) => ({ core, via: this.treeFrom(core) }));
  }

  search(v: number): PairOutcome {
    const reachable = this.trees
      .filter((t) => (t.via[v] as number) !== -2)
      .map((t) => ({ core: t.core, edges: this.walk(t.via, v).edges }))
      .sort((x, y) => x.edges.length - y.edges.length || x.core - y.core);
    const nearest = reachable[0];
    if (!nearest) return { kind: "no-core-path" };
    if (reachable.length < 2) return { kind: "single-core", nearest };
    for (const first of reachable) {
      const second = this.secondPath(v, first);
      if (second) return { kind: "found", first, second };
    }
    for (const first of this.forcedFirstPaths(
      v,
      reachable.map((r) => r.core),
    )) {
      const second = this.secondPath(v, first);
      if (second) return { kind: "found", first, second };
    }
    return { kind: "shared-risk", nearest };
  }

  /** Any path from v to a core other than first.core, avoiding first's nodes and risk groups. */
  private secondPath(v: number, first: CorePath): CorePath | null {
    const stamp = ++this.stamp;
    const { groupStart, groupList, groupStamp, nodeStamp, excluded, isCore } = this;
    let u = v;
    for (const e of first.edges) {
      const end = groupStart[e + 1] as number;
      for (let k = groupStart[e] as number; k < end; k++) groupStamp[groupList[k] as number] = stamp;
      u = this.other(e, u);
      nodeStamp[u] = stamp;
    }
    const sharesRisk = (e: number) => {
      const end = groupStart[e + 1] as number;
      for (let k = groupStart[e] as number; k < end; k++) {
        if (groupStamp[groupList[k] as number] === stamp) return true;
      }
      return false;
    };
    const found = this.bfs.search(
      v,
      (x) => isCore[x] === 1 && x !== first.core,
      sharesRisk,
      (x) => nodeStamp[x] === stamp || excluded[x] === 1,
    );
    return found ? { core: found.nodes[found.nodes.length - 1] as number, edges: found.edges } : null;
  }

  /** First paths that leave v by each of its links in turn, to each reachable core. */
  private *forcedFirstPaths(v: number, cores: readonly number[]): Generator<CorePath> {
    const { offsets, neighbor, edge } = this.net.csr;
    const end = offsets[v + 1] as number;
    for (let p = offsets[v] as number; p < end; p++) {
      const u = neighbor[p] as number;
      const e0 = edge[p] as number;
      if (this.excluded[u] === 1) continue;
      for (const core of cores) {
        if (u === core) {
          yield { core, edges: [e0] };
          continue;
        }
        if (this.isCore[u] === 1) continue;
        const rest: BfsPath | null = this.bfs.search(
          u,
          (x) => x === core,
          () => false,
          (x) => x === v || this.excluded[x] === 1 || (this.isCore[x] === 1 && x !== core),
        );
        if (rest) yield { core, edges: [e0, ...rest.edges] };
      }
    }
  }

  private other(e: number, u: number): number {
    const a = this.net.linkA[e] as number;
    return a === u ? (this.net.linkB[e] as number) : a;
  }

  /** BFS tree from one core over the meshed part, not passing through other cores. */
  private treeFrom(core: number): Int32Array {
    const n = this.net.nodeIds.length;
    const via = new Int32Array(n).fill(-2);
    const queue = new Int32Array(n);
    const { offsets, neighbor, edge } = this.net.csr;
    let head = 0;
    let tail = 0;
    queue[tail++] = core;
    via[core] = -1;
    while (head < tail) {
      const u = queue[head++] as number;
      if (u !== core && this.isCore[u] === 1) continue;
      const end = offsets[u + 1] as number;
      for (let p = offsets[u] as number; p < end; p++) {
        const x = neighbor[p] as number;
        if (via[x] !== -2 || this.excluded[x] === 1) continue;
        via[x] = edge[p] as number;
        queue[tail++] = x;
      }
    }
    return via;
  }

  private walk(via: Int32Array, v: number): { nodes: number[]; edges: number[] } {
    const nodes = [v];
    const edges: number[] = [];
    let u = v;
    while ((via[u] as number) >= 0) {
      const e = via[u] as number;
      edges.push(e);
      u = this.other(e, u);
      nodes.push(u);
    }
    return { nodes, edges };
  }
}
