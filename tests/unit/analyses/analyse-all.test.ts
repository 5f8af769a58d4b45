import { describe, expect, it } from "vitest";
import { analyseAll, analyseNetwork } from "../../../model/analyses/index.ts";
import type { DcComponent } from "../../../model/types.ts";
import { core, datacenter, inventory, link, pop, site, target } from "./fixtures.ts";

const ups = (id: string): DcComponent => ({ id, class: "ups", capacity: 60, status: "operational" });

// core-a ── pop-w ── s1 (covered); s2 planned, 0.01° (1.11 km) north of s1
const inv = inventory({
  sites: [
    core("core-a", { location: { lat: -5.49, lon: 122.58 } }),
    pop("pop-w", { location: { lat: -5.47, lon: 122.64 } }),
    site("s1", { location: { lat: -5.47, lon: 122.65 } }),
    site("s2", { location: { lat: -5.46, lon: 122.65 }, connection: { status: "planned", medium: "fiber" } }),
  ],
  links: [link("core-a", "pop-w", { tier: "distribution" }), link("pop-w", "s1")],
  targets: [target("t", { categories: ["school"], ratio: 1 })],
  tenants: [{ id: "dikpora", name: "Dikpora", kind: "dinas" }],
  datacenter: datacenter({ components: [ups("u1"), ups("u2"), ups("u3")] }),
});

describe("analyseAll", () => {
  it("runs every analysis on one inventory and they agree", () => {
    const a = analyseAll(inv);
    expect(a.coverage.targets[0]?.all).toMatchObject({ inScope: 2, covered: 1, gap: 1, missing: ["s2"] });
    // the plan connects exactly what coverage says is missing, from the nearest connected node
    expect(a.plan.steps.map((s) => [s.siteId, s.connectTo])).toEqual([["s2", "s1"]]);
    expect(a.optics.sites.find((s) => s.siteId === "s1")?.access?.popId).toBe("pop-w");
    expect(a.diversity.bridges.map((b) => b.linkId)).toEqual(["core-a--pop-w", "pop-w--s1"]);
    expect(a.ipam.sites).toHaveLength(4);
    expect(a.ipam.tenants).toHaveLength(1);
    // 3 × 60 kW for 100 kW: N = 2, required 3 → UPS is N+1; generators etc. are missing
    expect(a.tier2.classes.find((c) => c.class === "ups")?.level).toBe("N+1");
    expect(a.tier2.level).toBe("below-N");
  });

  it("is deterministic and keeps IPAM allocations given the lock", () => {
    const first = analyseAll(inv);
    expect(JSON.stringify(analyseAll(structuredClone(inv)))).toBe(JSON.stringify(first));
    const locked = analyseAll(structuredClone(inv), { ipamLock: first.ipam.lock });
    expect(locked.ipam.lock).toEqual(first.ipam.lock);
    expect(locked.ipam.pools.map((p) => p.added)).toEqual([0, 0, 0, 0]);
  });

  it("gives the report's analyses without IPAM and Tier-2, the same as analyseAll", () => {
    const network = analyseNetwork(inv);
    expect(Object.keys(network).sort()).toEqual(["coverage", "diversity", "optics", "plan"]);
    const all = analyseAll(inv);
    expect(network).toEqual({
      coverage: all.coverage,
      optics: all.optics,
      diversity: all.diversity,
      plan: all.plan,
    });
  });
});
