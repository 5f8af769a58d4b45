// Which operational nodes can reach a core: one pass of connected components (graphology-components)
// instead of a search per site.
import { forEachConnectedComponent } from "graphology-components";
import type { OperationalNetwork } from "./network.ts";

/** Per node index: 1 when an operational path joins the node to some core (cores included). */
export function coreReachable(net: OperationalNetwork): Uint8Array {
  const reach = new Uint8Array(net.nodeIds.length);
  forEachConnectedComponent(net.graph, (component) => {
    const hasCore = component.some((id) => isCore(net, id));
    if (!hasCore) return;
    for (const id of component) reach[net.graph.getNodeAttributes(id).index] = 1;
  });
  return reach;
}

function isCore(net: OperationalNetwork, id: string): boolean {
  const i = net.nodeIndex.get(id);
  return i !== undefined && net.nodeSites[i]?.category === "core";
}
