// NetBox site bulk import (Organization > Sites > Import, CSV). Related objects (region, tenant) are
// matched by name, so those must exist in NetBox first: one region per kecamatan, one tenant per OPD.
import type { FiberStatus } from "../model/types.ts";
import { csvChunks } from "./csv.ts";
import { CATEGORY_LABEL } from "./labels.ts";
import type { ReportView, SiteView } from "./view.ts";

export const NETBOX_SITE_COLUMNS = [
  "name",
  "slug",
  "status",
  "region",
  "tenant",
  "time_zone",
  "latitude",
  "longitude",
  "description",
  "comments",
] as const;

/**
 * NetBox has five site statuses; OFDS has six connection statuses. `inactive` (built, not carrying
 * traffic) has no exact twin: `decommissioning` is the closest lifecycle state, and the exact OFDS
 * status is kept in the comments so the mapping loses nothing.
 */
export const NETBOX_SITE_STATUS: Record<
  FiberStatus,
  "planned" | "staging" | "active" | "decommissioning" | "retired"
> = {
  proposed: "planned",
  planned: "planned",
  underConstruction: "staging",
  operational: "active",
  inactive: "decommissioning",
  decommissioned: "retired",
};

// NetBox slugs allow [-a-zA-Z0-9_] only, at most 100 characters.
const slug = (id: string): string =>
  id
    .toLowerCase()
    .replace(/[^-a-z0-9_]+/g, "-")
    .slice(0, 100);

// NetBox stores latitude/longitude as decimal(8,6) and decimal(9,6): more digits are rejected.
const coordinate = (v: number): string => v.toFixed(6);

function description(site: SiteView): string {
  const category = CATEGORY_LABEL[site.category];
  const what = site.level ? `${category} (${site.level})` : category;
  const where = [site.kelurahanName && `Kel. ${site.kelurahanName}`, `Kec. ${site.kecamatanName}`]
    .filter(Boolean)
    .join(", ");
  return `${what}, ${where}`.slice(0, 200);
}

function comments(site: SiteView): string {
  const trust = site.illustrative ? "illustrative estimate, not survey data" : "surveyed";
  return [
    `Source: ${site.source} (as of ${site.asOf}; ${trust}).`,
    `OFDS connection status: ${site.status}; counted as covered: ${site.covered ? "yes" : "no"}.`,
    `Inventory id: ${site.id}.`,
  ].join(" ");
}

function row(site: SiteView, timezone: string): string[] {
  return [
    site.name,
    slug(site.id),
    NETBOX_SITE_STATUS[site.status],
    site.kecamatanName,
    site.tenantName ?? "",
    timezone,
    coordinate(site.location.lat),
    coordinate(site.location.lon),
    description(site),
    comments(site),
  ];
}

export function netboxSitesCsvChunks(view: ReportView): Generator<string> {
  const rows = function* () {
    for (const site of view.sites) yield row(site, view.city.timezone);
  };
  return csvChunks(NETBOX_SITE_COLUMNS, rows());
}

export function renderNetboxSitesCsv(view: ReportView): string {
  return [...netboxSitesCsvChunks(view)].join("");
}
