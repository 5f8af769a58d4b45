import { forEachConnectedComponent } from "graphology-components";
import { describe, expect, it } from "vitest";
import { buildOperationalNetwork } from "../../../model/analyses/network.ts";
import { coreReachable } from "../../../model/analyses/reach.ts";
import { sortedById } from "../../../model/sorted-by-id.ts";
import { site } from "./fixtures.ts";
import { randomNetwork } from "./random-network.ts";

// The analyses walk the CSR; the graphology graph is built lazily for other callers. Both must be
// the same network, and the CSR reachability must agree with graphology's connected components.
describe("operational network", () => {
  it("maps every site, in id order, to its node index or -1, and lists every link by id", () => {
    const inv = randomNetwork(3, 60, 90);
    inv.sites.push(
      site("a-planned", { connection: { status: "planned", medium: "fiber" } }),
      site("m-planned", { connection: { status: "planned", medium: "fiber" } }),
    );
    const net = buildOperationalNetwork(inv.sites, inv.links);
    const expected = sortedById(inv.sites).map((s) => net.nodeIndex.get(s.id) ?? -1);
    expect(expected.filter((i) => i >= 0)).toHaveLength(net.nodeIds.length);
    expect(expected.filter((i) => i < 0).length).toBeGreaterThan(0);
    expect([...net.siteNode]).toEqual(expected);
    expect(net.sites.map((s) => s.id)).toEqual(sortedById(inv.sites).map((s) => s.id));
    expect(net.allLinks.map((l) => l.id)).toEqual(sortedById(inv.links).map((l) => l.id));
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`CSR and graphology agree on random network ${seed}`, () => {
      const inv = randomNetwork(seed, 60, 90);
      const net = buildOperationalNetwork(inv.sites, inv.links);
      const { offsets, neighbor, edge } = net.csr;
      for (let i = 0; i < net.nodeIds.length; i++) {
        const fromCsr: string[] = [];
        for (let p = offsets[i] as number; p < (offsets[i + 1] as number); p++) {
          fromCsr.push(`${net.nodeIds[neighbor[p] as number]}|${net.links[edge[p] as number]?.id}`);
        }
        const id = net.nodeIds[i] as string;
        const fromGraph = net.graph.mapEdges(id, (key, _attr, a, b) => `${a === id ? b : a}|${key}`);
        expect(fromCsr.sort()).toEqual(fromGraph.sort());
        expect(net.graph.getNodeAttributes(id).index).toBe(i);
      }
      expect(net.graph.order).toBe(net.nodeIds.length);
      expect(net.graph.size).toBe(net.links.length);
      net.graph.forEachEdge((key, attr) => {
        expect(net.links[attr.index]?.id).toBe(key);
      });
    });

    it(`core reachability equals graphology's components on random network ${seed}`, () => {
      const inv = randomNetwork(seed, 80, 70);
      const net = buildOperationalNetwork(inv.sites, inv.links);
      const expected = new Uint8Array(net.nodeIds.length);
      forEachConnectedComponent(net.graph, (component) => {
        const ids = component.map((id) => net.nodeIndex.get(id) as number);
        if (!ids.some((i) => net.nodeSites[i]?.category === "core")) return;
        for (const i of ids) expected[i] = 1;
      });
      expect([...coreReachable(net)]).toEqual([...expected]);
    });
  }

  it("builds the graphology graph once", () => {
    const inv = randomNetwork(9, 20, 30);
    const net = buildOperationalNetwork(inv.sites, inv.links);
    expect(net.graph).toBe(net.graph);
  });
});
