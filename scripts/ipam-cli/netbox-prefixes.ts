// NetBox IPAM > Prefixes bulk import. NetBox 4.2 replaced the prefix's `site` with a scope given by
// numeric id, which a file made before the import cannot know, so the site goes in the description;
// `vlan_site` + `vlan` tie each VLAN subnet to its site's VLAN (the same vid exists at every site).
// Import the VLANs (csv-vlans), the tenants and the prefix roles first: NetBox matches them by name.
import type { IpamResult } from "../../model/analyses/ipam.ts";
import { siteVlanSubnets } from "../../model/analyses/ipam.ts";
import type { Inventory } from "../../model/types.ts";
import { type CsvCell, toCsv } from "../../reports/csv.ts";
import { capDescription, NETBOX_IPAM_STATUS, netboxContext } from "./netbox-context.ts";

export const NETBOX_PREFIX_COLUMNS = [
  "prefix",
  "status",
  "vlan_site",
  "vlan",
  "tenant",
  "role",
  "description",
];

export function renderNetboxPrefixesCsv(inventory: Inventory, plan: IpamResult): string {
  const ctx = netboxContext(inventory);
  const rows: CsvCell[][] = [];
  for (const pool of plan.pools) {
    if (pool.pool === "tenant-vlans") continue;
    for (const range of pool.ranges)
      rows.push([range, "container", "", "", "", "", `IPAM pool: ${pool.pool}`]);
  }
  for (const { siteId, prefix } of plan.sites) {
    const site = ctx.site(siteId);
    const status = site ? NETBOX_IPAM_STATUS[site.connection.status] : "reserved";
    const tenant = ctx.tenantName(site?.tenant);
    const name = site?.name ?? siteId;
    rows.push([prefix, status, "", "", tenant, "site", `${name} (${siteId}): site block`]);
    for (const v of siteVlanSubnets(prefix)) {
      rows.push([
        v.prefix,
        status,
        name,
        v.vlan,
        tenant,
        v.name,
        `${name} (${siteId}): VLAN ${v.vlan} ${v.name}, gateway ${v.gateway}`,
      ]);
    }
  }
  for (const l of plan.links) {
    const link = ctx.link(l.linkId);
    const status = link ? NETBOX_IPAM_STATUS[link.status] : "reserved";
    rows.push([
      l.prefix,
      status,
      "",
      "",
      "",
      "p2p",
      `link ${l.linkId}: ${l.a.siteId} ${l.a.address}, ${l.b.siteId} ${l.b.address}`,
    ]);
  }
  for (const lo of plan.loopbacks) {
    const site = ctx.site(lo.siteId);
    const status = site ? NETBOX_IPAM_STATUS[site.connection.status] : "reserved";
    rows.push([
      lo.address,
      status,
      "",
      "",
      ctx.tenantName(site?.tenant),
      "loopback",
      `loopback of ${site?.name ?? lo.siteId} (${lo.siteId})`,
    ]);
  }
  // Retired blocks stay in NetBox as deprecated, so nobody hands them out while configs may name them.
  const retired: [string, string, Record<string, string>][] = [
    ["site", "sites", plan.lock.sites],
    ["p2p", "links", plan.lock.links],
    ["loopback", "loopbacks", plan.lock.loopbacks],
  ];
  for (const [role, key, lock] of retired) {
    for (const id of plan.retired[key as "sites" | "links" | "loopbacks"]) {
      rows.push([lock[id], "deprecated", "", "", "", role, `retired: ${id} left the inventory`]);
    }
  }
  return toCsv(NETBOX_PREFIX_COLUMNS, rows.map(capDescription));
}
