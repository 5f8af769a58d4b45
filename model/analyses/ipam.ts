// IPAM and VLAN plan for the city network, from 10.72.0.0/16 (echoing Kemendagri code 74.72).
//
// Layout of the /16 (defaults; every pool is a parameter so a larger network can pass its own):
//   10.72.0.0/24     loopbacks, one /32 per PoP and core                     (256)
//   10.72.4.0/22     point-to-point links, one /31 each                     (512)
//   10.72.64.0/18 +
//   10.72.128.0/17   sites, one /25 each                                    (384)
//   the rest (10.72.1-3, 10.72.8-63) stays free for the data center, services and growth.
// Why /25 and not the /24 of DOMAIN.md: a /16 holds only 256 /24s and Baubau already has about 250
// sites before a single PoP loopback or link is numbered. A /25 carves cleanly into the six site
// VLANs (four /28 and two /27, below) and 384 of them leave 50% headroom. Sites that outgrow it
// get a second block, not a renumbering.
//
// Stability: every allocation is kept in a lock (see slot-allocator.ts); adding a site, link or
// tenant never moves an existing allocation, wherever it sorts and whatever its id.
import type { Inventory, Link, Site } from "../types.ts";
import { contains, formatAddress, formatPrefix, overlaps, type Prefix, parsePrefix, size } from "./ipv4.ts";
import { compareStrings } from "./scope.ts";
import { allocateSlots, type SlotAllocation } from "./slot-allocator.ts";

export interface IpamOptions {
  loopbackPool: string;
  p2pPool: string;
  /** Site blocks are carved from these, in order. */
  sitePools: string[];
  /** Prefix length of one site block (8..29: the VLAN layout needs 8 equal parts of at least one address). */
  sitePrefixLength: number;
  /** Inclusive range of per-tenant (OPD) VLAN ids. */
  tenantVlanFirst: number;
  tenantVlanLast: number;
}

export const DEFAULT_IPAM_OPTIONS: Readonly<IpamOptions> = {
  loopbackPool: "10.72.0.0/24",
  p2pPool: "10.72.4.0/22",
  sitePools: ["10.72.64.0/18", "10.72.128.0/17"],
  sitePrefixLength: 25,
  tenantVlanFirst: 100,
  tenantVlanLast: 3999,
};

/** The allocations a previous run made; persisted by the caller and passed back in. */
export interface IpamLock {
  sites: Record<string, string>;
  links: Record<string, string>;
  loopbacks: Record<string, string>;
  tenantVlans: Record<string, number>;
}

export interface VlanDef {
  vlan: number;
  name: "mgmt" | "staff" | "voice" | "cctv" | "iot" | "public-wifi";
  /** Position inside the site block, in eighths: [first, count]. */
  eighths: [number, number];
}

/** Same VLAN ids at every site; each gets a fixed slice of the site block. */
export const SITE_VLANS: readonly VlanDef[] = [
  { vlan: 10, name: "mgmt", eighths: [0, 1] },
  { vlan: 30, name: "voice", eighths: [1, 1] },
  { vlan: 40, name: "cctv", eighths: [2, 1] },
  { vlan: 50, name: "iot", eighths: [3, 1] },
  { vlan: 20, name: "staff", eighths: [4, 2] },
  { vlan: 60, name: "public-wifi", eighths: [6, 2] },
];

export interface VlanSubnet {
  vlan: number;
  name: VlanDef["name"];
  prefix: string;
  /** First usable address, by convention the site router. */
  gateway: string;
}

export interface SiteAllocation {
  siteId: string;
  prefix: string;
}
export interface LoopbackAllocation {
  siteId: string;
  address: string;
}
export interface LinkAllocation {
  linkId: string;
  prefix: string;
  a: { siteId: string; address: string };
  b: { siteId: string; address: string };
}
export interface TenantVlan {
  tenantId: string;
  vlan: number;
}

export type PoolName = "sites" | "links" | "loopbacks" | "tenant-vlans";

export interface PoolUsage {
  pool: PoolName;
  ranges: string[];
  capacity: number;
  /** Slots held, retired ones included. */
  used: number;
  retired: number;
  free: number;
  /** Keys newly allocated in this run. */
  added: number;
  /** Keys that wanted a slot and found none: the pool is exhausted by exactly these. */
  unallocated: string[];
}

export interface IpamResult {
  options: IpamOptions;
  siteVlans: readonly VlanDef[];
  sites: SiteAllocation[];
  loopbacks: LoopbackAllocation[];
  links: LinkAllocation[];
  tenants: TenantVlan[];
  /** Allocations kept for ids no longer in the inventory, never reused. */
  retired: { sites: string[]; links: string[]; loopbacks: string[]; tenants: string[] };
  pools: PoolUsage[];
  exhausted: boolean;
  /** The lock to persist: the input lock plus this run's additions, keys sorted. */
  lock: IpamLock;
}

/** Subnets of one site block, per VLAN. */
export function siteVlanSubnets(sitePrefix: string): VlanSubnet[] {
  const block = parsePrefix(sitePrefix);
  const eighth = size(block.length) / 8;
  return SITE_VLANS.map((v) => {
    const [first, count] = v.eighths;
    const base = block.base + first * eighth;
    const length = 32 - Math.log2(count * eighth);
    return {
      vlan: v.vlan,
      name: v.name,
      prefix: formatPrefix({ base, length }),
      gateway: formatAddress(base + 1),
    };
  });
}

/** A pool of equal-sized blocks carved from one or more ranges; slot i ↔ i-th block. */
class BlockPool {
  readonly capacity: number;
  private readonly starts: number[] = [];

  readonly name: PoolName;
  private readonly ranges: Prefix[];
  readonly blockLength: number;

  constructor(name: PoolName, ranges: Prefix[], blockLength: number) {
    this.name = name;
    this.ranges = ranges;
    this.blockLength = blockLength;
    let total = 0;
    for (const r of ranges) {
      if (blockLength < r.length)
        throw new Error(`${name}: /${blockLength} blocks do not fit in ${formatPrefix(r)}`);
      this.starts.push(total);
      total += size(r.length) / size(blockLength);
    }
    this.capacity = total;
  }

  prefixOf(slot: number): Prefix {
    for (let k = this.ranges.length - 1; k >= 0; k--) {
      const start = this.starts[k] as number;
      if (slot >= start)
        return {
          base: (this.ranges[k] as Prefix).base + (slot - start) * size(this.blockLength),
          length: this.blockLength,
        };
    }
    throw new Error(`${this.name}: slot ${slot} out of range`);
  }

  slotOf(key: string, cidr: string): number {
    const p = parsePrefix(cidr);
    for (let k = 0; k < this.ranges.length; k++) {
      const r = this.ranges[k] as Prefix;
      if (p.length === this.blockLength && contains(r, p))
        return (this.starts[k] as number) + (p.base - r.base) / size(this.blockLength);
    }
    throw new Error(
      `lock ${this.name}.${key}: ${cidr} is not a /${this.blockLength} inside ${this.ranges.map(formatPrefix).join(", ")}`,
    );
  }

  rangeStrings(): string[] {
    return this.ranges.map(formatPrefix);
  }
}

function checkOptions(o: IpamOptions): { loopback: Prefix; p2p: Prefix; sites: Prefix[] } {
  if (!Number.isInteger(o.sitePrefixLength) || o.sitePrefixLength < 8 || o.sitePrefixLength > 29) {
    throw new Error(
      `sitePrefixLength ${o.sitePrefixLength}: must be 8..29 so each of the 8 VLAN slices has an address`,
    );
  }
  if (o.tenantVlanFirst < 100 || o.tenantVlanLast > 4094 || o.tenantVlanFirst > o.tenantVlanLast) {
    throw new Error(`tenant VLANs ${o.tenantVlanFirst}..${o.tenantVlanLast}: must lie within 100..4094`);
  }
  const loopback = parsePrefix(o.loopbackPool);
  const p2p = parsePrefix(o.p2pPool);
  const sites = o.sitePools.map(parsePrefix);
  const named: Array<[string, Prefix]> = [
    ["loopbackPool", loopback],
    ["p2pPool", p2p],
    ...sites.map((p, i): [string, Prefix] => [`sitePools[${i}]`, p]),
  ];
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const [ni, pi] = named[i] as [string, Prefix];
      const [nj, pj] = named[j] as [string, Prefix];
      if (overlaps(pi, pj)) throw new Error(`${ni} ${formatPrefix(pi)} overlaps ${nj} ${formatPrefix(pj)}`);
    }
  }
  return { loopback, p2p, sites };
}

/** Links that carry routed point-to-point traffic: GPON spans (with splitters) are not numbered. */
export function isP2pLink(link: Link): boolean {
  return link.splitters.length === 0 && link.status !== "decommissioned";
}

export function hasLoopback(site: Site): boolean {
  return site.category === "pop" || site.category === "core";
}

const EMPTY_LOCK: IpamLock = { sites: {}, links: {}, loopbacks: {}, tenantVlans: {} };

export function planIpam(
  inventory: Inventory,
  lock: IpamLock = EMPTY_LOCK,
  options: Partial<IpamOptions> = {},
): IpamResult {
  const o: IpamOptions = { ...DEFAULT_IPAM_OPTIONS, ...options };
  const ranges = checkOptions(o);
  const sitePool = new BlockPool("sites", ranges.sites, o.sitePrefixLength);
  const loopPool = new BlockPool("loopbacks", [ranges.loopback], 32);
  const linkPool = new BlockPool("links", [ranges.p2p], 31);
  const vlanCount = o.tenantVlanLast - o.tenantVlanFirst + 1;

  const lockedSlots = (pool: BlockPool, entries: Record<string, string>) =>
    new Map(Object.entries(entries).map(([k, cidr]) => [k, pool.slotOf(k, cidr)]));

  const siteAlloc = allocateSlots(
    "site",
    inventory.sites.map((s) => s.id),
    sitePool.capacity,
    lockedSlots(sitePool, lock.sites),
  );
  const loopAlloc = allocateSlots(
    "loopback",
    inventory.sites.filter(hasLoopback).map((s) => s.id),
    loopPool.capacity,
    lockedSlots(loopPool, lock.loopbacks),
  );
  const p2pLinks = inventory.links.filter(isP2pLink);
  const linkAlloc = allocateSlots(
    "link",
    p2pLinks.map((l) => l.id),
    linkPool.capacity,
    lockedSlots(linkPool, lock.links),
  );
  const vlanAlloc = allocateSlots(
    "tenant-vlan",
    inventory.tenants.map((t) => t.id),
    vlanCount,
    new Map(
      Object.entries(lock.tenantVlans).map(([k, vlan]) => {
        if (!Number.isInteger(vlan) || vlan < o.tenantVlanFirst || vlan > o.tenantVlanLast) {
          throw new Error(
            `lock tenantVlans.${k}: VLAN ${vlan} is outside ${o.tenantVlanFirst}..${o.tenantVlanLast}`,
          );
        }
        return [k, vlan - o.tenantVlanFirst];
      }),
    ),
  );

  const live = (alloc: SlotAllocation) => {
    const retired = new Set(alloc.retired);
    return [...alloc.slots].filter(([k]) => !retired.has(k)).sort(([x], [y]) => compareStrings(x, y));
  };
  const prefixString = (pool: BlockPool, slot: number) => formatPrefix(pool.prefixOf(slot));
  // Only links holding a /31 are looked up: a Map of those few, not of every link (500k at scale).
  // The last link of an id wins, as in a Map built from all of them.
  const liveLinks = live(linkAlloc);
  const liveLinkIds = new Set(liveLinks.map(([id]) => id));
  const linkById = new Map<string, Link>();
  for (const l of p2pLinks) if (liveLinkIds.has(l.id)) linkById.set(l.id, l);

  const usage = (name: PoolName, ranges: string[], capacity: number, alloc: SlotAllocation): PoolUsage => ({
    pool: name,
    ranges,
    capacity,
    used: alloc.slots.size,
    retired: alloc.retired.length,
    free: capacity - alloc.slots.size,
    added: alloc.added.length,
    unallocated: alloc.unallocated,
  });
  const pools = [
    usage("sites", sitePool.rangeStrings(), sitePool.capacity, siteAlloc),
    usage("links", linkPool.rangeStrings(), linkPool.capacity, linkAlloc),
    usage("loopbacks", loopPool.rangeStrings(), loopPool.capacity, loopAlloc),
    usage("tenant-vlans", [`${o.tenantVlanFirst}-${o.tenantVlanLast}`], vlanCount, vlanAlloc),
  ];

  const sortedRecord = <T>(alloc: SlotAllocation, value: (slot: number) => T): Record<string, T> =>
    Object.fromEntries(
      [...alloc.slots].sort(([x], [y]) => compareStrings(x, y)).map(([k, s]) => [k, value(s)]),
    );

  return {
    options: o,
    siteVlans: SITE_VLANS,
    sites: live(siteAlloc).map(([siteId, slot]) => ({ siteId, prefix: prefixString(sitePool, slot) })),
    loopbacks: live(loopAlloc).map(([siteId, slot]) => ({ siteId, address: prefixString(loopPool, slot) })),
    links: liveLinks.map(([linkId, slot]) => {
      const p = linkPool.prefixOf(slot);
      const l = linkById.get(linkId) as Link;
      return {
        linkId,
        prefix: formatPrefix(p),
        a: { siteId: l.a, address: `${formatAddress(p.base)}/31` },
        b: { siteId: l.b, address: `${formatAddress(p.base + 1)}/31` },
      };
    }),
    tenants: live(vlanAlloc).map(([tenantId, slot]) => ({ tenantId, vlan: o.tenantVlanFirst + slot })),
    retired: {
      sites: siteAlloc.retired,
      links: linkAlloc.retired,
      loopbacks: loopAlloc.retired,
      tenants: vlanAlloc.retired,
    },
    pools,
    exhausted: pools.some((p) => p.unallocated.length > 0),
    lock: {
      sites: sortedRecord(siteAlloc, (s) => prefixString(sitePool, s)),
      links: sortedRecord(linkAlloc, (s) => prefixString(linkPool, s)),
      loopbacks: sortedRecord(loopAlloc, (s) => prefixString(loopPool, s)),
      tenantVlans: sortedRecord(vlanAlloc, (s) => o.tenantVlanFirst + s),
    },
  };
}
