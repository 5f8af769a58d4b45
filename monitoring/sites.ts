// Which sites monitoring probes and at what address: every operational site, at its management
// address from the IPAM plan (the gateway of its VLAN 10 mgmt subnet). In the twin nothing listens on
// 10.72.0.0/16, so each management address has a stand-in on the loopback range with the same last
// three octets (10.72.a.b → 127.72.a.b), answered by a process of ours (monitoring/standins/).
import type { IpamResult } from "../model/analyses/ipam.ts";
import { siteVlanSubnets } from "../model/analyses/ipam.ts";
import type { Inventory, SiteCategory } from "../model/types.ts";

/** Sites monitoring watches, with the labels every alert about them carries. */
export interface ProbedSite {
  site: string;
  name: string;
  category: SiteCategory;
  kecamatan: string;
  /** Owner OPD (the site's tenant); sites without one are the NOC's (`unassigned`). */
  opd: string;
  /** The PoP the site is homed on; a PoP or core names itself, so "PoP down" can inhibit by it. */
  pop: string;
  /** Management address from the IPAM plan (production). */
  managementAddress: string;
  /** The twin's stand-in for it on the loopback range. */
  standInAddress: string;
}

export const UNASSIGNED_OPD = "unassigned";

/** 10.a.b.c → 127.a.b.c: keeps the site's octets, so a stand-in's address reads like the real one. */
export function standInAddress(address: string): string {
  const octets = address.split(".");
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) {
    throw new Error(`not an IPv4 address: "${address}"`);
  }
  if (octets[0] !== "10") throw new Error(`management address ${address} is outside 10.0.0.0/8`);
  return ["127", ...octets.slice(1)].join(".");
}

/** Operational sites in id order, each with its management and stand-in address. */
export function probedSites(inventory: Inventory, ipam: IpamResult): ProbedSite[] {
  const blocks = new Map(ipam.sites.map((s) => [s.siteId, s.prefix]));
  return inventory.sites
    .filter((s) => s.connection.status === "operational")
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((s) => {
      const block = blocks.get(s.id);
      if (block === undefined) throw new Error(`site ${s.id} has no address block in the IPAM plan`);
      const mgmt = siteVlanSubnets(block).find((v) => v.name === "mgmt");
      if (mgmt === undefined) throw new Error(`site ${s.id}: the VLAN layout has no mgmt subnet`);
      const ownPop = s.category === "pop" || s.category === "core";
      return {
        site: s.id,
        name: s.name,
        category: s.category,
        kecamatan: s.kecamatan,
        opd: s.tenant ?? UNASSIGNED_OPD,
        pop: ownPop ? s.id : (s.connection.pop ?? s.id),
        managementAddress: mgmt.gateway,
        standInAddress: standInAddress(mgmt.gateway),
      };
    });
}
