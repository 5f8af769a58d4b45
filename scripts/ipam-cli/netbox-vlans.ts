// NetBox IPAM > VLANs bulk import: the six site VLANs at every site (matched to the site by name,
// so import the sites first: `scripts/coverage --export netbox-csv`) and one global VLAN per tenant
// (OPD and kecamatan alike, hence "tenant-<id>" rather than "opd-<id>").
import type { IpamResult } from "../../model/analyses/ipam.ts";
import type { Inventory } from "../../model/types.ts";
import { type CsvCell, toCsv } from "../../reports/csv.ts";
import { capDescription, NETBOX_IPAM_STATUS, netboxContext } from "./netbox-context.ts";

export const NETBOX_VLAN_COLUMNS = ["vid", "name", "site", "status", "tenant", "description"];

export function renderNetboxVlansCsv(inventory: Inventory, plan: IpamResult): string {
  const ctx = netboxContext(inventory);
  const rows: CsvCell[][] = [];
  for (const { siteId } of plan.sites) {
    const site = ctx.site(siteId);
    const status = site ? NETBOX_IPAM_STATUS[site.connection.status] : "reserved";
    for (const v of plan.siteVlans) {
      rows.push([
        v.vlan,
        v.name,
        site?.name ?? siteId,
        status,
        ctx.tenantName(site?.tenant),
        `${siteId} ${v.name}`,
      ]);
    }
  }
  for (const t of plan.tenants) {
    rows.push([
      t.vlan,
      `tenant-${t.tenantId}`,
      "",
      "active",
      ctx.tenantName(t.tenantId),
      `tenant VLAN of ${t.tenantId}`,
    ]);
  }
  for (const id of plan.retired.tenants) {
    rows.push([
      plan.lock.tenantVlans[id],
      `tenant-${id}`,
      "",
      "deprecated",
      "",
      `retired: tenant ${id} left the inventory`,
    ]);
  }
  return toCsv(NETBOX_VLAN_COLUMNS, rows.map(capDescription));
}
