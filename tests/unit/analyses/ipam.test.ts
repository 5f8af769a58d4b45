import { describe, expect, it } from "vitest";
import { planIpam, siteVlanSubnets } from "../../../model/analyses/ipam.ts";
import { parsePrefix } from "../../../model/analyses/ipv4.ts";
import { preferredSlot } from "../../../model/analyses/slot-allocator.ts";
import type { Tenant } from "../../../model/types.ts";
import { core, inventory, link, pop, site } from "./fixtures.ts";

const tenant = (id: string): Tenant => ({ id, name: id, kind: "dinas" });

function city(siteIds: string[]) {
  return inventory({
    sites: [core("core-a"), pop("pop-w"), ...siteIds.map((id) => site(id))],
    links: [
      link("core-a", "pop-w", { tier: "distribution" }),
      ...siteIds.map((id) => link("pop-w", id, { splitters: id.endsWith("g") ? ["1:8"] : [] })),
    ],
    tenants: [tenant("dikpora"), tenant("dinkes")],
  });
}

const BASE = ["s-1", "s-2", "s-3g", "s-4", "s-5"];

describe("IPAM plan", () => {
  it("carves a site block into the six site VLANs", () => {
    // a /25 in eighths of 16 addresses: four /28 then two /27
    expect(siteVlanSubnets("10.72.64.128/25")).toEqual([
      { vlan: 10, name: "mgmt", prefix: "10.72.64.128/28", gateway: "10.72.64.129" },
      { vlan: 30, name: "voice", prefix: "10.72.64.144/28", gateway: "10.72.64.145" },
      { vlan: 40, name: "cctv", prefix: "10.72.64.160/28", gateway: "10.72.64.161" },
      { vlan: 50, name: "iot", prefix: "10.72.64.176/28", gateway: "10.72.64.177" },
      { vlan: 20, name: "staff", prefix: "10.72.64.192/27", gateway: "10.72.64.193" },
      { vlan: 60, name: "public-wifi", prefix: "10.72.64.224/27", gateway: "10.72.64.225" },
    ]);
  });

  it("numbers every site, loopback, p2p link and tenant without overlap", () => {
    const r = planIpam(city(BASE));
    expect(r.sites.map((s) => s.siteId)).toEqual(["core-a", "pop-w", ...BASE]);
    const prefixes = r.sites.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const p of prefixes) {
      expect(p.endsWith("/25")).toBe(true);
      const { base } = parsePrefix(p);
      // inside 10.72.64.0/18 or 10.72.128.0/17, i.e. 10.72.64.0 .. 10.72.255.255
      expect(base).toBeGreaterThanOrEqual(parsePrefix("10.72.64.0/18").base);
      expect(base).toBeLessThan(parsePrefix("10.73.0.0/16").base);
    }
    expect(r.loopbacks.map((l) => l.siteId)).toEqual(["core-a", "pop-w"]);
    expect(r.loopbacks.every((l) => l.address.startsWith("10.72.0.") && l.address.endsWith("/32"))).toBe(
      true,
    );
    // s-3g is a GPON span (splitter): not numbered; 5 of 6 links get a /31
    expect(r.links.map((l) => l.linkId)).toEqual([
      "core-a--pop-w",
      "pop-w--s-1",
      "pop-w--s-2",
      "pop-w--s-4",
      "pop-w--s-5",
    ]);
    const l0 = r.links[0];
    const base = parsePrefix(l0?.prefix ?? "").base;
    expect(base % 2).toBe(0);
    expect(l0?.a.address).toBe(`${l0?.prefix.split("/")[0]}/31`);
    expect(parsePrefix(`${l0?.b.address.split("/")[0]}/32`).base).toBe(base + 1);
    expect(r.tenants.every((t) => t.vlan >= 100 && t.vlan <= 3999)).toBe(true);
    expect(new Set(r.tenants.map((t) => t.vlan)).size).toBe(2);
    expect(r.pools.find((p) => p.pool === "sites")).toMatchObject({
      capacity: 384,
      used: 7,
      free: 377,
      unallocated: [],
    });
    expect(r.exhausted).toBe(false);
  });

  it("is deterministic whatever the input order", () => {
    const a = planIpam(city(BASE));
    const b = planIpam(city([...BASE].reverse()));
    expect(b.lock).toEqual(a.lock);
  });

  it("never moves an existing allocation when a site is added, anywhere, with any id", () => {
    const first = planIpam(city(BASE));
    const capacity = first.pools.find((p) => p.pool === "sites")?.capacity ?? 0;
    // An id whose hash lands exactly on s-1's block, and which sorts before it.
    const slotOfS1 = preferredSlot("site", "s-1", capacity);
    let rival = "";
    for (let i = 0; rival === ""; i++)
      if (preferredSlot("site", `a-${i}`, capacity) === slotOfS1) rival = `a-${i}`;
    for (const [position, id] of [
      [0, rival],
      [2, "m-middle"],
      [BASE.length, "zzz"],
      [1, "000"],
    ] as const) {
      const ids = [...BASE];
      ids.splice(position, 0, id);
      const next = planIpam(city(ids), first.lock);
      for (const [key, prefix] of Object.entries(first.lock.sites)) expect(next.lock.sites[key]).toBe(prefix);
      for (const [key, prefix] of Object.entries(first.lock.links)) expect(next.lock.links[key]).toBe(prefix);
      expect(next.lock.sites[id]).toBeDefined();
      expect(Object.values(next.lock.sites).filter((p) => p === next.lock.sites[id])).toHaveLength(1);
    }
    // Why the lock exists: without it the rival, placed first in sorted order, takes s-1's block.
    const unlocked = planIpam(city([rival, ...BASE]));
    expect(unlocked.lock.sites[rival]).toBe(first.lock.sites["s-1"]);
    expect(unlocked.lock.sites["s-1"]).not.toBe(first.lock.sites["s-1"]);
  });

  it("stays stable through many random insertions", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let ids = [...BASE];
    let plan = planIpam(city(ids));
    for (let round = 0; round < 60; round++) {
      const id = `x${Math.floor(rand() * 1e6).toString(36)}-${round}`;
      ids = [
        ...ids.slice(0, Math.floor(rand() * ids.length)),
        id,
        ...ids.slice(Math.floor(rand() * ids.length)),
      ];
      ids = [...new Set(ids)];
      const next = planIpam(city(ids), plan.lock);
      for (const [key, prefix] of Object.entries(plan.lock.sites)) expect(next.lock.sites[key]).toBe(prefix);
      for (const [key, vlan] of Object.entries(plan.lock.tenantVlans))
        expect(next.lock.tenantVlans[key]).toBe(vlan);
      plan = next;
    }
    const all = Object.values(plan.lock.sites);
    expect(new Set(all).size).toBe(all.length);
  });

  it("keeps a removed site's block retired instead of reusing it", () => {
    const first = planIpam(city(BASE));
    const next = planIpam(city(BASE.filter((id) => id !== "s-2")), first.lock);
    expect(next.retired.sites).toEqual(["s-2"]);
    expect(next.lock.sites["s-2"]).toBe(first.lock.sites["s-2"]);
    expect(next.sites.map((s) => s.siteId)).not.toContain("s-2");
  });

  it("reports exhaustion precisely", () => {
    // 10.72.64.0/28 as /29 site blocks: 2 slots for core-a, pop-w, s-1 (fresh ids in sorted order)
    const r = planIpam(city(["s-1"]), undefined, { sitePools: ["10.72.64.0/28"], sitePrefixLength: 29 });
    expect(r.pools.find((p) => p.pool === "sites")).toEqual({
      pool: "sites",
      ranges: ["10.72.64.0/28"],
      capacity: 2,
      used: 2,
      retired: 0,
      free: 0,
      added: 2,
      unallocated: ["s-1"],
    });
    expect(r.exhausted).toBe(true);
    // a retired block is not free: with s-1 locked and then removed, a newcomer finds no room
    const locked = planIpam(
      city([]),
      {
        sites: { "s-1": "10.72.64.8/29", "core-a": "10.72.64.0/29" },
        links: {},
        loopbacks: {},
        tenantVlans: {},
      },
      {
        sitePools: ["10.72.64.0/28"],
        sitePrefixLength: 29,
      },
    );
    expect(locked.pools.find((p) => p.pool === "sites")).toMatchObject({
      used: 2,
      retired: 1,
      unallocated: ["pop-w"],
    });
  });

  it("rejects overlapping pools and lock entries outside the pool", () => {
    expect(() => planIpam(city(BASE), undefined, { p2pPool: "10.72.0.128/25" })).toThrow(/overlaps/);
    expect(() =>
      planIpam(city(BASE), { sites: { "s-1": "10.99.0.0/25" }, links: {}, loopbacks: {}, tenantVlans: {} }),
    ).toThrow(/lock sites.s-1: 10.99.0.0\/25 is not a \/25 inside/);
    expect(() => planIpam(city(BASE), undefined, { sitePools: ["10.72.64.1/18"] })).toThrow(/host bits/);
  });

  it("takes a larger pool for a large network", () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `site-${i}`);
    const r = planIpam(inventory({ sites: ids.map((id) => site(id)) }), undefined, {
      sitePools: ["10.0.0.0/12"],
      sitePrefixLength: 26,
    });
    expect(r.sites).toHaveLength(3000);
    expect(new Set(r.sites.map((s) => s.prefix)).size).toBe(3000);
    expect(r.pools[0]).toMatchObject({ capacity: 2 ** 14, used: 3000 });
  });
});
