// What both NetBox imports need from the inventory: names NetBox matches related objects by (the
// site name, as the site import of scripts/coverage writes it; the tenant name) and one status rule.
import type { FiberStatus, Inventory, Link, Site } from "../../model/types.ts";

export type NetboxIpamStatus = "active" | "reserved" | "deprecated";

/** An address is `active` once its site or link carries traffic; held for later it is `reserved`. */
export const NETBOX_IPAM_STATUS: Record<FiberStatus, NetboxIpamStatus> = {
  proposed: "reserved",
  planned: "reserved",
  underConstruction: "reserved",
  operational: "active",
  inactive: "reserved",
  decommissioned: "deprecated",
};

/** NetBox rejects descriptions over 200 characters; a long site name must not fail the import.
 * The description is the last column of both imports. */
export function capDescription<T>(row: readonly T[]): (T | string)[] {
  return [...row.slice(0, -1), String(row[row.length - 1] ?? "").slice(0, 200)];
}

export interface NetboxContext {
  site(id: string): Site | undefined;
  link(id: string): Link | undefined;
  tenantName(id: string | undefined): string;
}

export function netboxContext(inventory: Inventory): NetboxContext {
  const sites = new Map(inventory.sites.map((s) => [s.id, s]));
  const links = new Map(inventory.links.map((l) => [l.id, l]));
  const tenants = new Map(inventory.tenants.map((t) => [t.id, t.name]));
  return {
    site: (id) => sites.get(id),
    link: (id) => links.get(id),
    tenantName: (id) => (id === undefined ? "" : (tenants.get(id) ?? "")),
  };
}
