// Per-site and per-link rows of the report view. These run once per record (a million at national
// scale), so they build each row directly from data the analyses already sorted, without extra maps.
import type { CoverageResult } from "../model/analyses/coverage.ts";
import type { OpticsResult } from "../model/analyses/optics.ts";
import type { Link, NetworkInventory, Site } from "../model/types.ts";
import type { LinkView, SiteView } from "./view.ts";

export function indexById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of records) map.set(r.id, r);
  return map;
}

export interface Names {
  kecamatan(id: string): string | undefined;
  kelurahan(id: string): string | undefined;
  tenant(id: string): string | undefined;
}

/** One row per site, in the coverage analysis's order (by id), so output is stable across file moves. */
export function siteViews(
  coverage: CoverageResult,
  bySite: ReadonlyMap<string, Site>,
  names: Names,
): SiteView[] {
  const rows: SiteView[] = [];
  for (const row of coverage.sites) {
    const s = bySite.get(row.siteId);
    if (!s) continue;
    const view: SiteView = {
      id: s.id,
      name: s.name,
      category: s.category,
      authority: s.authority,
      status: s.connection.status,
      covered: row.covered,
      kecamatan: s.kecamatan,
      kecamatanName: names.kecamatan(s.kecamatan) ?? s.kecamatan,
      location: s.location,
      source: s.provenance.source,
      asOf: s.provenance.asOf,
      illustrative: s.provenance.illustrative,
    };
    // Assigned only when present, so JSON output has no `"level": undefined` noise.
    const kelurahanName = s.kelurahan === undefined ? undefined : names.kelurahan(s.kelurahan);
    if (kelurahanName !== undefined) view.kelurahanName = kelurahanName;
    const tenantName = s.tenant === undefined ? undefined : names.tenant(s.tenant);
    if (tenantName !== undefined) view.tenantName = tenantName;
    if (s.level !== undefined) view.level = s.level;
    rows.push(view);
  }
  return rows;
}

/**
 * One row per link. The optics result already lists every link (by id) with its margin, so it is the
 * source when present; without it the inventory's links are drawn with no margin.
 */
export function linkViews(
  inventory: NetworkInventory,
  optics: OpticsResult | undefined,
  bySite: ReadonlyMap<string, Site>,
): LinkView[] {
  const rows: LinkView[] = [];
  const add = (
    id: string,
    l: Pick<Link, "a" | "b" | "tier" | "status" | "lengthKm">,
    optical: Pick<LinkView, "lossDb" | "budgetDb" | "marginDb" | "band">,
  ) => {
    const a = bySite.get(l.a);
    const b = bySite.get(l.b);
    // The loader rejects dangling ends; skipping keeps a renderer from crashing on a hand-built inventory.
    if (!a || !b) return;
    rows.push({
      id,
      a: l.a,
      b: l.b,
      tier: l.tier,
      status: l.status,
      lengthKm: l.lengthKm,
      ...optical,
      from: a.location,
      to: b.location,
    });
  };
  if (optics) {
    for (const l of optics.links) {
      add(l.linkId, l, { lossDb: l.loss.totalDb, budgetDb: l.budgetDb, marginDb: l.marginDb, band: l.band });
    }
  } else {
    const none = { lossDb: null, budgetDb: null, marginDb: null, band: null };
    for (const l of inventory.links) add(l.id, l, none);
  }
  return rows;
}
