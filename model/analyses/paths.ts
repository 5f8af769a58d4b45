// Path searches over the CSR network. graphology-shortest-path's single-source Dijkstra returns a
// full path array per node (O(n·depth) memory) and has no multi-source or edge-filter form, so the
// two searches the analyses need are written here, iteratively, over typed arrays.
import { DistHeap } from "./dist-heap.ts";
import type { Csr } from "./network.ts";

export interface ShortestPathTree {
  /** Distance (sum of weights) to the nearest source; Infinity when unreachable. */
  dist: Float64Array;
  /** Edge used to reach the node from its parent; -1 for sources and unreachable nodes. */
  parentEdge: Int32Array;
  /** Parent node index; -1 for sources and unreachable nodes. */
  parent: Int32Array;
  /** Index of the source (e.g. core) the node's tree path ends at; -1 when unreachable. */
  root: Int32Array;
}

/**
 * Multi-source Dijkstra (Dijkstra 1959; all sources start at distance 0), binary heap with lazy
 * deletion. Ties break on the lower node index so the tree is deterministic.
 */
export function multiSourceDijkstra(
  csr: Csr,
  nodeCount: number,
  sources: readonly number[],
  weight: (edge: number) => number,
): ShortestPathTree {
  const dist = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const parentEdge = new Int32Array(nodeCount).fill(-1);
  const parent = new Int32Array(nodeCount).fill(-1);
  const root = new Int32Array(nodeCount).fill(-1);
  const done = new Uint8Array(nodeCount);
  const heap = new DistHeap();
  for (const s of sources) {
    dist[s] = 0;
    root[s] = s;
    heap.push(0, s);
  }
  const { offsets, neighbor, edge } = csr;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const u = heap.pop();
    if (done[u] === 1) continue;
    done[u] = 1;
    const end = offsets[u + 1] as number;
    for (let p = offsets[u] as number; p < end; p++) {
      const v = neighbor[p] as number;
      if (done[v] === 1) continue;
      const e = edge[p] as number;
      const nd = d + weight(e);
      const old = dist[v] as number;
      // Equal distances prefer the smaller parent index: keeps the tree independent of heap order.
      if (nd < old || (nd === old && u < (parent[v] as number))) {
        dist[v] = nd;
        parent[v] = u;
        parentEdge[v] = e;
        root[v] = root[u] as number;
        heap.push(nd, v);
      }
    }
  }
  return { dist, parentEdge, parent, root };
}

export interface BfsPath {
  /** Nodes from source to target inclusive. */
  nodes: number[];
  /** Edges, one fewer than nodes. */
  edges: number[];
}

/**
 * Breadth-first search (fewest hops) from `source` to the first node satisfying `isTarget`,
 * skipping blocked edges and blocked nodes. Scratch arrays are passed in so that thousands of
 * searches reuse one allocation; `stamp` marks visits without clearing the array between runs.
 */
export class FilteredBfs {
  private readonly seen: Int32Array;
  private readonly via: Int32Array;
  private readonly from: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  private readonly csr: Csr;

  constructor(csr: Csr, nodeCount: number) {
    this.csr = csr;
    this.seen = new Int32Array(nodeCount);
    this.via = new Int32Array(nodeCount);
    this.from = new Int32Array(nodeCount);
    this.queue = new Int32Array(nodeCount);
  }

  search(
    source: number,
    isTarget: (node: number) => boolean,
    edgeBlocked: (edge: number) => boolean,
    nodeBlocked: (node: number) => boolean,
  ): BfsPath | null {
    this.stamp++;
    const { offsets, neighbor, edge } = this.csr;
    const { seen, via, from, queue } = this;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    seen[source] = this.stamp;
    from[source] = -1;
    while (head < tail) {
      const u = queue[head++] as number;
      if (u !== source && isTarget(u)) return this.unwind(u);
      const end = offsets[u + 1] as number;
      for (let p = offsets[u] as number; p < end; p++) {
        const v = neighbor[p] as number;
        if (seen[v] === this.stamp) continue;
        const e = edge[p] as number;
        if (edgeBlocked(e) || nodeBlocked(v)) continue;
        seen[v] = this.stamp;
        via[v] = e;
        from[v] = u;
        queue[tail++] = v;
      }
    }
    return null;
  }

  private unwind(target: number): BfsPath {
    const nodes: number[] = [];
    const edges: number[] = [];
    let v = target;
    while (v !== -1) {
      nodes.push(v);
      const f = this.from[v] as number;
      if (f !== -1) edges.push(this.via[v] as number);
      v = f;
    }
    nodes.reverse();
    edges.reverse();
    return { nodes, edges };
  }
}
