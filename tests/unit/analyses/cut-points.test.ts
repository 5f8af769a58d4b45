import { describe, expect, it } from "vitest";
import { analyseDiversity } from "../../../model/analyses/diversity.ts";
import type { Inventory } from "../../../model/types.ts";
import { randomNetwork } from "./random-network.ts";

// Brute force: remove one element, see which served sites still reach a core.
function reachingCore(inv: Inventory, skipLink?: string, skipNode?: string): Set<string> {
  const up = new Set(
    inv.sites.filter((s) => s.connection.status === "operational" && s.id !== skipNode).map((s) => s.id),
  );
  const adj = new Map<string, string[]>();
  for (const l of inv.links) {
    if (l.status !== "operational" || l.id === skipLink || !up.has(l.a) || !up.has(l.b)) continue;
    adj.set(l.a, [...(adj.get(l.a) ?? []), l.b]);
    adj.set(l.b, [...(adj.get(l.b) ?? []), l.a]);
  }
  const seen = new Set(inv.sites.filter((s) => s.category === "core" && up.has(s.id)).map((s) => s.id));
  const queue = [...seen];
  while (queue.length > 0) {
    for (const v of adj.get(queue.shift() as string) ?? []) {
      if (!seen.has(v)) {
        seen.add(v);
        queue.push(v);
      }
    }
  }
  return seen;
}

function components(inv: Inventory, skipLink?: string, skipNode?: string): number {
  const up = inv.sites
    .filter((s) => s.connection.status === "operational" && s.id !== skipNode)
    .map((s) => s.id);
  const parent = new Map(up.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  for (const l of inv.links) {
    if (l.status !== "operational" || l.id === skipLink || !parent.has(l.a) || !parent.has(l.b)) continue;
    parent.set(find(l.a), find(l.b));
  }
  return new Set(up.map(find)).size;
}

const served = (inv: Inventory) =>
  new Set(inv.sites.filter((s) => s.category !== "pop" && s.category !== "core").map((s) => s.id));

describe("bridges and cut vertices against brute force", () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`random network ${seed}`, () => {
      const inv = randomNetwork(seed, 12 + (seed % 15), 10 + ((seed * 7) % 30));
      const r = analyseDiversity(inv);
      const base = components(inv);
      const before = reachingCore(inv);
      const servedIds = served(inv);
      const lost = (after: Set<string>, except?: string) =>
        [...before].filter((id) => !after.has(id) && servedIds.has(id) && id !== except).length;

      const expectedBridges = inv.links
        .filter((l) => l.status === "operational" && components(inv, l.id) > base)
        .map((l) => ({ linkId: l.id, cut: lost(reachingCore(inv, l.id)) }))
        .sort((x, y) => (x.linkId < y.linkId ? -1 : 1));
      expect(r.bridges.map((b) => ({ linkId: b.linkId, cut: b.sitesCutOff }))).toEqual(expectedBridges);

      // A node is a cut vertex when removing it leaves more components than before minus itself.
      const expectedCuts = inv.sites
        .filter((s) => s.connection.status === "operational")
        .filter((s) => {
          const isolated = !inv.links.some(
            (l) => l.status === "operational" && (l.a === s.id || l.b === s.id),
          );
          return components(inv, undefined, s.id) > base - (isolated ? 1 : 0);
        })
        .map((s) => ({ siteId: s.id, cut: lost(reachingCore(inv, undefined, s.id), s.id) }))
        .sort((x, y) => (x.siteId < y.siteId ? -1 : 1));
      expect(r.cutVertices.map((c) => ({ siteId: c.siteId, cut: c.sitesCutOff }))).toEqual(expectedCuts);
    });
  }
});

describe("diverse answers are always real", () => {
  it("returns disjoint, operational paths to two different cores", () => {
    let diverseSeen = 0;
    for (let seed = 100; seed < 160; seed++) {
      const inv = randomNetwork(seed, 20, 45);
      const links = new Map(inv.links.map((l) => [l.id, l]));
      const category = new Map(inv.sites.map((s) => [s.id, s.category]));
      for (const n of analyseDiversity(inv).nodes) {
        if (!n.diverse) continue;
        diverseSeen++;
        const p = n.primary;
        const q = n.secondary;
        if (!p || !q) throw new Error("diverse without two paths");
        expect(p.coreId).not.toBe(q.coreId);
        expect(category.get(p.coreId)).toBe("core");
        expect(category.get(q.coreId)).toBe("core");
        const walk = (ids: string[]) => {
          const nodes = [n.siteId];
          for (const id of ids) {
            const l = links.get(id);
            expect(l?.status).toBe("operational");
            const at = nodes[nodes.length - 1];
            const next = l?.a === at ? l?.b : l?.b === at ? l?.a : undefined;
            expect(next).toBeDefined();
            nodes.push(next as string);
          }
          return nodes;
        };
        const pn = walk(p.linkIds);
        const qn = walk(q.linkIds);
        expect(pn[pn.length - 1]).toBe(p.coreId);
        expect(qn[qn.length - 1]).toBe(q.coreId);
        // no shared node but the start, no shared risk group (untagged links are their own group)
        const shared = pn.slice(1).filter((x) => qn.slice(1).includes(x));
        expect(shared).toEqual([]);
        const risks = (ids: string[]) =>
          new Set(
            ids.flatMap((id) =>
              (links.get(id)?.srlg.length ?? 0) > 0 ? (links.get(id)?.srlg ?? []) : [`link:${id}`],
            ),
          );
        const pr = risks(p.linkIds);
        expect([...risks(q.linkIds)].filter((g) => pr.has(g))).toEqual([]);
      }
    }
    expect(diverseSeen).toBeGreaterThan(20);
  });
});
