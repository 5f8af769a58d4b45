// The meaning of a change in the city's terms, computed from the model on both sides: the
// inventory the stack was last reviewed against and the one it is about to deploy. It does not
// look at the stack's resources, so it holds however the stacks lay them out.
import { analyseCoverage, type CoverageReason } from "../model/analyses/index.ts";
import type { Inventory, Service, Site } from "../model/types.ts";

export type SiteChangeKind = "gains-fiber" | "loses-fiber" | "added" | "removed" | "connection-changed";

export interface SiteChange {
  id: string;
  name: string;
  category: string;
  kecamatan: string;
  change: SiteChangeKind;
  /** Coverage before and after ("covered" or why not); undefined where the site does not exist. */
  before?: CoverageReason;
  after?: CoverageReason;
  /** "status medium" of the connection before and after, e.g. "planned fiber" → "operational fiber". */
  connectionBefore?: string;
  connectionAfter?: string;
}

export interface CoverageFigure {
  covered: number;
  inScope: number;
  /** Rounded to 0.1 percentage point so the text is stable; null when nothing is in scope. */
  percent: number | null;
  meetsTarget: boolean;
}

export interface TargetChange {
  targetId: string;
  /** Target ratio as a percentage. */
  targetPercent: number;
  before?: CoverageFigure;
  after?: CoverageFigure;
  changed: boolean;
}

export interface TenantChange {
  id: string;
  name: string;
  change: "added" | "removed" | "renamed";
  nameBefore?: string;
}

export interface DomainDiff {
  sites: SiteChange[];
  targets: TargetChange[];
  tenants: TenantChange[];
  services: ServiceExposure[];
}

// Services exposed to the public: a public service the stacks deploy (hosted in the data center,
// status pilot or online) with a public host, which gets an Ingress.

export interface ServiceExposure {
  id: string;
  name: string;
  tenant: string;
  change: "newly-public" | "no-longer-public" | "host-changed";
  host?: string;
  hostBefore?: string;
}

function publicHost(s: Service): string | undefined {
  const deployed = s.hosting === "datacenter" && (s.status === "pilot" || s.status === "online");
  return deployed && s.kind === "public" ? s.workload?.host : undefined;
}

function serviceExposures(before: readonly Service[], after: readonly Service[]): ServiceExposure[] {
  const out: ServiceExposure[] = [];
  for (const { id, was: b, now: a } of matchById(before, after, (s) => s.id)) {
    const hb = b && publicHost(b);
    const ha = a && publicHost(a);
    const s = (a ?? b) as Service;
    const base = { id, name: s.name, tenant: s.tenant };
    if (ha && !hb) out.push({ ...base, change: "newly-public", host: ha });
    else if (hb && !ha) out.push({ ...base, change: "no-longer-public", hostBefore: hb });
    else if (ha && hb && ha !== hb) out.push({ ...base, change: "host-changed", host: ha, hostBefore: hb });
  }
  return out;
}

/**
 * Every id on either side, in id order (code units, so the text is stable), with its record before
 * and after: `was` is undefined for an added record, `now` for a removed one.
 */
function matchById<T>(
  before: readonly T[],
  after: readonly T[],
  id: (x: T) => string,
): { id: string; was: T | undefined; now: T | undefined }[] {
  const was = new Map(before.map((x) => [id(x), x]));
  const now = new Map(after.map((x) => [id(x), x]));
  return [...new Set([...was.keys(), ...now.keys()])]
    .sort()
    .map((key) => ({ id: key, was: was.get(key), now: now.get(key) }));
}

const connection = (s: Site) => `${s.connection.status} ${s.connection.medium}`;

function figure(
  c: { covered: number; inScope: number; ratio: number | null },
  meets: boolean,
): CoverageFigure {
  return {
    covered: c.covered,
    inScope: c.inScope,
    percent: c.ratio === null ? null : Math.round(c.ratio * 1000) / 10,
    meetsTarget: meets,
  };
}

export function diffInventories(before: Inventory, after: Inventory): DomainDiff {
  const covBefore = analyseCoverage(before);
  const covAfter = analyseCoverage(after);
  const reasonBefore = new Map(covBefore.sites.map((s) => [s.siteId, s.reason]));
  const reasonAfter = new Map(covAfter.sites.map((s) => [s.siteId, s.reason]));

  const sites: SiteChange[] = [];
  for (const { id, was, now } of matchById(before.sites, after.sites, (s) => s.id)) {
    const site = (now ?? was) as Site;
    const rb = reasonBefore.get(id);
    const ra = reasonAfter.get(id);
    let change: SiteChangeKind | undefined;
    if (!was) change = "added";
    else if (!now) change = "removed";
    else if (rb !== "covered" && ra === "covered") change = "gains-fiber";
    else if (rb === "covered" && ra !== "covered") change = "loses-fiber";
    else if (connection(was) !== connection(now) || rb !== ra) change = "connection-changed";
    if (!change) continue;
    sites.push({
      id,
      name: site.name,
      category: site.category,
      kecamatan: site.kecamatan,
      change,
      ...(was && rb ? { before: rb } : {}),
      ...(now && ra ? { after: ra } : {}),
      ...(was ? { connectionBefore: connection(was) } : {}),
      ...(now ? { connectionAfter: connection(now) } : {}),
    });
  }

  const ratioOf = new Map([...before.targets, ...after.targets].map((t) => [t.id, t.ratio]));
  const targets: TargetChange[] = matchById(covBefore.targets, covAfter.targets, (t) => t.targetId).map(
    ({ id, was: b, now: a }) => {
      const fb = b ? figure(b.all, b.all.meetsTarget) : undefined;
      const fa = a ? figure(a.all, a.all.meetsTarget) : undefined;
      return {
        targetId: id,
        targetPercent: Math.round((ratioOf.get(id) ?? 0) * 1000) / 10,
        ...(fb ? { before: fb } : {}),
        ...(fa ? { after: fa } : {}),
        changed: JSON.stringify(fb) !== JSON.stringify(fa),
      };
    },
  );

  const tenants: TenantChange[] = [];
  for (const { id, was, now } of matchById(before.tenants, after.tenants, (t) => t.id)) {
    if (was && !now) tenants.push({ id, name: was.name, change: "removed" });
    else if (!was && now) tenants.push({ id, name: now.name, change: "added" });
    else if (was && now && was.name !== now.name)
      tenants.push({ id, name: now.name, change: "renamed", nameBefore: was.name });
  }

  return { sites, targets, tenants, services: serviceExposures(before.services, after.services) };
}
