// Bridges and articulation points (cut vertices) of the operational graph, in one iterative DFS:
// Hopcroft & Tarjan, "Efficient algorithms for graph manipulation" (CACM 16(6), 1973), using
// discovery times and low-links. graphology has no bridge/articulation routine (checked
// graphology-components, -metrics, -traversal), so it is written here. An explicit stack instead of
// recursion keeps it safe at 500k nodes; the parent EDGE (not node) is skipped, so a second fibre
// between the same two nodes correctly makes neither a bridge.
import type { Csr } from "./network.ts";

export interface CutPointsInput {
  csr: Csr;
  nodeCount: number;
  /** 1 for core nodes: the side of a cut that keeps a core keeps service. */
  isCore: Uint8Array;
  /** Weight counted when a part loses every core (1 for served sites, 0 for PoPs). */
  weight: Uint8Array;
}

export interface RawBridge {
  edge: number;
  /** Served sites left without any core when the edge fails. */
  cutOff: number;
}

export interface RawCutVertex {
  node: number;
  /** Served sites (other than the node itself) left without any core when the node fails. */
  cutOff: number;
}

export interface CutPoints {
  bridges: RawBridge[];
  cutVertices: RawCutVertex[];
}

export function findCutPoints(input: CutPointsInput): CutPoints {
  const { csr, nodeCount: n, isCore, weight } = input;
  const { offsets, neighbor, edge } = csr;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  // Subtree sums of the DFS tree: cores and weight below (and including) each node.
  const subCores = new Int32Array(n);
  const subWeight = new Int32Array(n);
  // For cut vertices: what their separated child subtrees hold.
  const sepCores = new Int32Array(n);
  const sepWeight = new Int32Array(n);
  const sepWeightNoCore = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const stack = new Int32Array(n);
  const bridgeChildren: Array<[number, number]> = [];
  const bridges: RawBridge[] = [];
  const cutVertices: RawCutVertex[] = [];
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const members: number[] = [];
    const pendingBridges = bridgeChildren.length;
    let rootChildren = 0;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    cursor[root] = offsets[root] as number;
    while (top > 0) {
      const u = stack[top - 1] as number;
      if ((cursor[u] as number) < (offsets[u + 1] as number)) {
        const p = cursor[u] as number;
        cursor[u] = p + 1;
        const v = neighbor[p] as number;
        const e = edge[p] as number;
        if (e === parentEdge[u]) continue;
        if (disc[v] === -1) {
          parent[v] = u;
          parentEdge[v] = e;
          disc[v] = low[v] = time++;
          cursor[v] = offsets[v] as number;
          stack[top++] = v;
        } else if ((disc[v] as number) < (low[u] as number)) {
          low[u] = disc[v] as number;
        }
        continue;
      }
      top--;
      members.push(u);
      subCores[u] = (subCores[u] as number) + (isCore[u] as number);
      subWeight[u] = (subWeight[u] as number) + (weight[u] as number);
      const p = parent[u] as number;
      if (p === -1) continue;
      if ((low[u] as number) < (low[p] as number)) low[p] = low[u] as number;
      subCores[p] = (subCores[p] as number) + (subCores[u] as number);
      subWeight[p] = (subWeight[p] as number) + (subWeight[u] as number);
      if ((low[u] as number) > (disc[p] as number)) bridgeChildren.push([parentEdge[u] as number, u]);
      if (p === root) rootChildren++;
      if ((low[u] as number) >= (disc[p] as number)) {
        // u's subtree hangs on p alone: removing p separates it.
        if (p !== root) isCut[p] = 1;
        sepCores[p] = (sepCores[p] as number) + (subCores[u] as number);
        sepWeight[p] = (sepWeight[p] as number) + (subWeight[u] as number);
        if (subCores[u] === 0) sepWeightNoCore[p] = (sepWeightNoCore[p] as number) + (subWeight[u] as number);
      }
    }
    if (rootChildren >= 2) isCut[root] = 1;

    // Component totals are known only now; a component without a core has nothing left to lose.
    const compCores = subCores[root] as number;
    const compWeight = subWeight[root] as number;
    for (let k = pendingBridges; k < bridgeChildren.length; k++) {
      const [e, child] = bridgeChildren[k] as [number, number];
      const inCores = subCores[child] as number;
      const inWeight = subWeight[child] as number;
      let cutOff = 0;
      if (compCores > 0) {
        if (inCores === 0) cutOff += inWeight;
        if (compCores - inCores === 0) cutOff += compWeight - inWeight;
      }
      bridges.push({ edge: e, cutOff });
    }
    for (const u of members) {
      if (isCut[u] !== 1) continue;
      let cutOff = 0;
      if (compCores > 0) {
        const restCores = compCores - (isCore[u] as number) - (sepCores[u] as number);
        const restWeight = compWeight - (weight[u] as number) - (sepWeight[u] as number);
        cutOff = (sepWeightNoCore[u] as number) + (restCores === 0 ? restWeight : 0);
      }
      cutVertices.push({ node: u, cutOff });
    }
  }
  bridges.sort((x, y) => x.edge - y.edge);
  cutVertices.sort((x, y) => x.node - y.node);
  return { bridges, cutVertices };
}
