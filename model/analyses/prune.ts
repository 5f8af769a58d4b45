// Peels the trees that hang off the meshed part of the network (repeatedly removing non-core nodes
// of degree <= 1, the way a k-core decomposition peels to k = 2). Every peeled node reaches the rest
// of the network through a link that is a bridge, so it can never have two disjoint paths: path
// diversity only needs searching on what remains, and peeled nodes inherit from where they attach.
import type { Csr } from "./network.ts";

export interface Peeling {
  /** 1 when the node was peeled (it hangs on a bridge). */
  peeled: Uint8Array;
  /** For peeled nodes: the remaining (meshed or core) node their tree hangs from, or -1 if none. */
  attach: Int32Array;
}

export function peelTrees(csr: Csr, nodeCount: number, isCore: Uint8Array): Peeling {
  const { offsets, neighbor } = csr;
  const degree = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) degree[i] = (offsets[i + 1] as number) - (offsets[i] as number);
  const peeled = new Uint8Array(nodeCount);
  const queued = new Uint8Array(nodeCount);
  const via = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < nodeCount; i++) {
    if (isCore[i] !== 1 && (degree[i] as number) <= 1) {
      queue[tail++] = i;
      queued[i] = 1;
    }
  }
  while (head < tail) {
    const x = queue[head++] as number;
    peeled[x] = 1;
    const end = offsets[x + 1] as number;
    for (let p = offsets[x] as number; p < end; p++) {
      const y = neighbor[p] as number;
      if (peeled[y] === 1) continue;
      via[x] = y;
      degree[y] = (degree[y] as number) - 1;
      if (isCore[y] !== 1 && queued[y] === 0 && (degree[y] as number) <= 1) {
        queue[tail++] = y;
        queued[y] = 1;
      }
    }
  }
  // Nodes peeled later sit closer to the mesh, so resolving in reverse order finds each attach point
  // from its already-resolved neighbour.
  const attach = new Int32Array(nodeCount).fill(-1);
  for (let k = tail - 1; k >= 0; k--) {
    const x = queue[k] as number;
    const y = via[x] as number;
    if (y === -1) continue;
    attach[x] = peeled[y] === 1 ? (attach[y] as number) : y;
  }
  return { peeled, attach };
}
