// Which operational nodes can reach a core: one multi-source breadth-first pass from every core over
// the CSR adjacency, linear in the network, instead of a search per site. (graphology-components gave
// the same answer through string-keyed node lookups at several times the cost.)
import type { OperationalNetwork } from "./network.ts";

/** Per node index: 1 when an operational path joins the node to some core (cores included). */
export function coreReachable(net: OperationalNetwork): Uint8Array {
  const n = net.nodeIds.length;
  const { offsets, neighbor } = net.csr;
  const reach = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (const c of net.cores) {
    if (reach[c] === 1) continue;
    reach[c] = 1;
    queue[tail++] = c;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    const end = offsets[u + 1] as number;
    for (let p = offsets[u] as number; p < end; p++) {
      const v = neighbor[p] as number;
      if (reach[v] === 1) continue;
      reach[v] = 1;
      queue[tail++] = v;
    }
  }
  return reach;
}
