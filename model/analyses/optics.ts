// Optical budget: loss and margin of every span, and of each site's path to its nearest core.
//
// Assumption: PoPs and cores hold active equipment (L3 switch, OLT) that terminates and
// regenerates the optical signal. The budget that decides whether a site lights up is therefore the
// ACCESS segment, from the site to the first PoP/core on its path, using the optics of that segment.
// The whole path to the core is reported too, as if every span were passive: a worst case useful for
// spotting long chains, not a physical link budget.

import type { FiberStatus, Link, LinkTier, NetworkInventory, Site } from "../types.ts";
import { buildOperationalNetwork, type OperationalNetwork } from "./network.ts";
import {
  type LinkLoss,
  linkLoss,
  type MarginBand,
  marginBand,
  REQUIRED_MARGIN_DB,
  roundDb,
} from "./optical-loss.ts";
import { multiSourceDijkstra } from "./paths.ts";
import { compareStrings, isServedSite } from "./scope.ts";

export interface LinkOptics {
  linkId: string;
  a: string;
  b: string;
  status: FiberStatus;
  tier: LinkTier;
  wavelengthNm: Link["wavelengthNm"];
  lengthKm: number;
  loss: LinkLoss;
  budgetDb: number;
  marginDb: number;
  band: MarginBand;
}

/**
 * Access segments list at most this many links. A passive segment is physically a handful of spans;
 * the cap only keeps a malformed inventory (thousands of sites daisy-chained with no PoP) from
 * making the output quadratic. `hops` always carries the full count.
 */
export const MAX_LISTED_ACCESS_LINKS = 32;

export interface SegmentOptics {
  /** Links in order from the site outwards (the first MAX_LISTED_ACCESS_LINKS of them). */
  linkIds: string[];
  hops: number;
  lossDb: number;
  /** The weakest optics on the segment: the lowest budget of its links. */
  budgetDb: number;
  marginDb: number;
  band: MarginBand;
}

export interface SiteOptics {
  siteId: string;
  /** Nearest core by fibre length; null when no operational path reaches a core. */
  coreId: string | null;
  /** Site → first PoP/core on the path (the budget that matters). */
  access: (SegmentOptics & { popId: string }) | null;
  /** Site → core as if all spans were passive (worst case). */
  path: (Omit<SegmentOptics, "linkIds"> & { lengthKm: number }) | null;
}

export interface MarginSummary {
  links: number;
  ok: number;
  warn: number;
  fail: number;
  /** Share of links with at least 3 dB margin; null when there are none. */
  okShare: number | null;
}

export interface PopOptics {
  popId: string;
  /** Lowest margin over the non-decommissioned links touching the PoP. */
  worstLink: { linkId: string; marginDb: number; band: MarginBand } | null;
  /** Lowest access-segment margin over the sites whose access segment ends at this PoP. */
  worstAccess: { siteId: string; marginDb: number; band: MarginBand } | null;
}

export interface OpticsResult {
  requiredMarginDb: number;
  /** Every link, sorted by id (planned ones show their design margin). */
  links: LinkOptics[];
  /** Operational links only. */
  operational: MarginSummary;
  /** All links except decommissioned ones (what the network will be when plans are built). */
  design: MarginSummary;
  /** Served sites (not PoPs/cores), sorted by id. */
  sites: SiteOptics[];
  pops: PopOptics[];
}

function linkOptics(link: Link): LinkOptics {
  const loss = linkLoss(link);
  const marginDb = roundDb(link.budgetDb - loss.totalDb);
  return {
    linkId: link.id,
    a: link.a,
    b: link.b,
    status: link.status,
    tier: link.tier,
    wavelengthNm: link.wavelengthNm,
    lengthKm: link.lengthKm,
    loss,
    budgetDb: link.budgetDb,
    marginDb,
    band: marginBand(marginDb),
  };
}

/** Bands of the rows that pass `keep`, counted in one pass (no filtered copies of 500k rows). */
function summarise(rows: readonly LinkOptics[], keep: (r: LinkOptics) => boolean): MarginSummary {
  let links = 0;
  let ok = 0;
  let warn = 0;
  for (const r of rows) {
    if (!keep(r)) continue;
    links++;
    if (r.band === "ok") ok++;
    else if (r.band === "warn") warn++;
  }
  return {
    links,
    ok,
    warn,
    fail: links - ok - warn,
    okShare: links === 0 ? null : ok / links,
  };
}

/**
 * Per-node accumulations along the nearest-core tree, filled by dynamic programming over
 * ancestors (each node computed once, iteratively) so long chains stay linear, not quadratic.
 */
interface TreeAccumulation {
  pathLoss: Float64Array;
  pathBudget: Float64Array;
  hops: Int32Array;
  accessLoss: Float64Array;
  accessBudget: Float64Array;
  accessHops: Int32Array;
  /** Node where the access segment ends (first PoP/core up the tree). */
  accessEnd: Int32Array;
}

function accumulate(
  net: OperationalNetwork,
  parent: Int32Array,
  parentEdge: Int32Array,
  lossOf: Float64Array,
): TreeAccumulation {
  const n = net.nodeIds.length;
  const acc: TreeAccumulation = {
    pathLoss: new Float64Array(n),
    pathBudget: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    hops: new Int32Array(n),
    accessLoss: new Float64Array(n),
    accessBudget: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    accessHops: new Int32Array(n),
    accessEnd: new Int32Array(n).fill(-1),
  };
  const done = new Uint8Array(n);
  const active = (i: number) => {
    const c = net.nodeSites[i]?.category;
    return c === "pop" || c === "core";
  };
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
    let v = start;
    while (done[v] === 0 && (parent[v] as number) >= 0) {
      stack.push(v);
      v = parent[v] as number;
    }
    done[v] = 1; // a root (core) or an already computed ancestor
    while (stack.length > 0) {
      const u = stack.pop() as number;
      const p = parent[u] as number;
      const e = parentEdge[u] as number;
      const loss = lossOf[e] as number;
      const budget = (net.links[e] as Link).budgetDb;
      acc.pathLoss[u] = (acc.pathLoss[p] as number) + loss;
      acc.pathBudget[u] = Math.min(acc.pathBudget[p] as number, budget);
      acc.hops[u] = (acc.hops[p] as number) + 1;
      if (active(p)) {
        acc.accessLoss[u] = loss;
        acc.accessBudget[u] = budget;
        acc.accessHops[u] = 1;
        acc.accessEnd[u] = p;
      } else {
        acc.accessLoss[u] = (acc.accessLoss[p] as number) + loss;
        acc.accessBudget[u] = Math.min(acc.accessBudget[p] as number, budget);
        acc.accessHops[u] = (acc.accessHops[p] as number) + 1;
        acc.accessEnd[u] = acc.accessEnd[p] as number;
      }
      done[u] = 1;
    }
  }
  return acc;
}

function accessLinkIds(
  net: OperationalNetwork,
  node: number,
  end: number,
  parent: Int32Array,
  parentEdge: Int32Array,
): string[] {
  const ids: string[] = [];
  let v = node;
  while (v !== end && (parent[v] as number) >= 0 && ids.length < MAX_LISTED_ACCESS_LINKS) {
    ids.push((net.links[parentEdge[v] as number] as Link).id);
    v = parent[v] as number;
  }
  return ids;
}

export function analyseOptics(inventory: NetworkInventory, net?: OperationalNetwork): OpticsResult {
  const network = net ?? buildOperationalNetwork(inventory.sites, inventory.links);
  const links = network.allLinks.map(linkOptics);
  const lossOf = new Float64Array(network.links.length);
  for (let e = 0; e < lossOf.length; e++) lossOf[e] = linkLoss(network.links[e] as Link).totalDb;
  const tree = multiSourceDijkstra(
    network.csr,
    network.nodeIds.length,
    network.cores,
    (e) => (network.links[e] as Link).lengthKm,
  );
  const acc = accumulate(network, tree.parent, tree.parentEdge, lossOf);

  const siteOptics = (site: Site, i: number): SiteOptics => {
    if (i < 0 || (tree.root[i] as number) < 0)
      return { siteId: site.id, coreId: null, access: null, path: null };
    const end = acc.accessEnd[i] as number;
    const accessLoss = roundDb(acc.accessLoss[i] as number);
    const accessBudget = acc.accessBudget[i] as number;
    const pathLoss = roundDb(acc.pathLoss[i] as number);
    const pathBudget = acc.pathBudget[i] as number;
    const accessMargin = roundDb(accessBudget - accessLoss);
    const pathMargin = roundDb(pathBudget - pathLoss);
    return {
      siteId: site.id,
      coreId: network.nodeIds[tree.root[i] as number] as string,
      access: {
        popId: network.nodeIds[end] as string,
        linkIds: accessLinkIds(network, i, end, tree.parent, tree.parentEdge),
        hops: acc.accessHops[i] as number,
        lossDb: accessLoss,
        budgetDb: accessBudget,
        marginDb: accessMargin,
        band: marginBand(accessMargin),
      },
      path: {
        hops: acc.hops[i] as number,
        lengthKm: roundDb(tree.dist[i] as number),
        lossDb: pathLoss,
        budgetDb: pathBudget,
        marginDb: pathMargin,
        band: marginBand(pathMargin),
      },
    };
  };
  const sites: SiteOptics[] = [];
  network.sites.forEach((site, k) => {
    if (isServedSite(site)) sites.push(siteOptics(site, network.siteNode[k] as number));
  });

  return {
    requiredMarginDb: REQUIRED_MARGIN_DB,
    links,
    operational: summarise(links, (l) => l.status === "operational"),
    design: summarise(links, (l) => l.status !== "decommissioned"),
    sites,
    pops: popOptics(inventory, links, sites),
  };
}

function popOptics(
  inventory: NetworkInventory,
  links: readonly LinkOptics[],
  sites: readonly SiteOptics[],
): PopOptics[] {
  const pops = inventory.sites.filter((s) => s.category === "pop").map((s) => s.id);
  // Only PoP ends are reported: a Set probe per end is cheaper than a Map entry for every site.
  const isPop = new Set(pops);
  const worstLink = new Map<string, LinkOptics>();
  const consider = (end: string, l: LinkOptics) => {
    if (!isPop.has(end)) return;
    const cur = worstLink.get(end);
    if (!cur || l.marginDb < cur.marginDb) worstLink.set(end, l);
  };
  for (const l of links) {
    if (l.status === "decommissioned") continue;
    consider(l.a, l);
    consider(l.b, l);
  }
  const worstAccess = new Map<string, SiteOptics>();
  for (const s of sites) {
    if (!s.access) continue;
    const cur = worstAccess.get(s.access.popId);
    if (!cur?.access || s.access.marginDb < cur.access.marginDb) worstAccess.set(s.access.popId, s);
  }
  return pops.sort(compareStrings).map((popId) => {
    const l = worstLink.get(popId);
    const s = worstAccess.get(popId);
    return {
      popId,
      worstLink: l ? { linkId: l.linkId, marginDb: l.marginDb, band: l.band } : null,
      worstAccess: s?.access ? { siteId: s.siteId, marginDb: s.access.marginDb, band: s.access.band } : null,
    };
  });
}
