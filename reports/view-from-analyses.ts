// Inventory + analysis results → the report view. The only place that knows the analyses' result
// shapes; renderers read the view and nothing else.
import type {
  CoverageCount,
  CoverageResult,
  TargetCoverage,
  TargetScopeCoverage,
} from "../model/analyses/coverage.ts";
import type { DiversityResult } from "../model/analyses/diversity.ts";
import type { OpticsResult } from "../model/analyses/optics.ts";
import type { PlanResult } from "../model/analyses/planner.ts";
import { inTargetScope } from "../model/analyses/scope.ts";
import { findById, sortedById } from "../model/sorted-by-id.ts";
import type { NetworkInventory, Site, Target } from "../model/types.ts";
import { CATEGORY_LABEL } from "./labels.ts";
import type {
  DiversitySummary,
  GroupShare,
  KecamatanShare,
  OpticsSummary,
  PlanStepView,
  ReportSummary,
  ReportView,
  Share,
  TargetView,
} from "./view.ts";
import { indexById, linkViews, siteViews } from "./view-records.ts";

export interface ReportInputs {
  coverage: CoverageResult;
  optics?: OpticsResult;
  diversity?: DiversityResult;
  plan?: PlanResult;
}

/**
 * The plan as the headline target sees it: after each step, covered / in scope summed over the
 * target's per-category goals (its categories are disjoint, so the sums are the target's own figure).
 */
function planSteps(
  plan: PlanResult,
  headlineId: string | undefined,
  kecamatanName: (id: string) => string,
): PlanStepView[] {
  const goals = plan.goals.map((g, i) => ({ g, i })).filter(({ g }) => g.targetId === headlineId);
  const inScope = goals.reduce((sum, { g }) => sum + g.inScope, 0);
  return plan.steps.map((step) => {
    const covered = goals.reduce((sum, { i }) => sum + (step.covered[i] ?? 0), 0);
    return {
      order: step.step,
      siteId: step.siteId,
      siteName: step.name,
      kecamatanName: kecamatanName(step.kecamatan),
      costRp: step.cost,
      cumulativeCostRp: step.cumulativeCost,
      cumulativeRatio: inScope === 0 ? 0 : covered / inScope,
    };
  });
}

const WORST_SPOF = 5;

type Spof = DiversitySummary["worst"][number];
/** A single point of failure before its display name is known: a link names its two ends. */
type SpofCandidate = Omit<Spof, "name"> & ({ name: string } | { ends: [string, string] });

// Worst first; ties by id so the list is the same on every run.
const worse = (x: SpofCandidate, y: SpofCandidate): boolean =>
  x.sitesCutOff > y.sitesCutOff || (x.sitesCutOff === y.sitesCutOff && x.id < y.id);

/** Keeps the `limit` worst in `top` (sorted) without sorting every bridge: every access link is one. */
function keepWorst(top: SpofCandidate[], candidate: SpofCandidate, limit: number): void {
  if (top.length === limit && !worse(candidate, top[limit - 1] as SpofCandidate)) return;
  let i = top.length;
  while (i > 0 && worse(candidate, top[i - 1] as SpofCandidate)) i--;
  top.splice(i, 0, candidate);
  if (top.length > limit) top.pop();
}

function diversitySummary(d: DiversityResult, nameOf: (id: string) => string | undefined): DiversitySummary {
  const top: SpofCandidate[] = [];
  for (const b of d.bridges) {
    keepWorst(top, { kind: "link", id: b.linkId, ends: [b.a, b.b], sitesCutOff: b.sitesCutOff }, WORST_SPOF);
  }
  for (const c of d.cutVertices) {
    keepWorst(top, { kind: "site", id: c.siteId, name: c.name, sitesCutOff: c.sitesCutOff }, WORST_SPOF);
  }
  return {
    pops: d.pops,
    sites: d.sites,
    bridges: d.bridges.length,
    cutVertices: d.cutVertices.length,
    worst: top.map((w) => ({
      kind: w.kind,
      id: w.id,
      sitesCutOff: w.sitesCutOff,
      name: "name" in w ? w.name : w.ends.map((end) => nameOf(end) ?? end).join(" – "),
    })),
  };
}

const share = (c: CoverageCount): Share => ({ covered: c.covered, total: c.inScope, ratio: c.ratio ?? 0 });

function targetView(t: TargetCoverage, ratio: number): TargetView {
  const all: TargetScopeCoverage = t.all;
  return {
    id: t.targetId,
    ...(t.phase !== undefined ? { phase: t.phase } : {}),
    ratio,
    by: t.by,
    categories: t.categories,
    authorities: t.authorities,
    achieved: share(all),
    gap: all.gap,
    withoutProvince: share(t.withoutProvince),
    met: all.meetsTarget,
  };
}

/** The latest provenance date and whether anything is an estimate, in one pass over every record. */
function provenanceOf(inventory: NetworkInventory): { asOf: string; illustrative: boolean } {
  let asOf = inventory.city.provenance.asOf;
  let illustrative = inventory.city.provenance.illustrative;
  for (const records of [inventory.sites, inventory.links]) {
    for (const { provenance } of records) {
      // ISO dates order correctly as strings.
      if (provenance.asOf > asOf) asOf = provenance.asOf;
      if (provenance.illustrative) illustrative = true;
    }
  }
  return { asOf, illustrative };
}

function opticsSummary(optics: OpticsResult): OpticsSummary {
  let worst: OpticsSummary["worst"] = null;
  for (const l of optics.links) {
    if (l.status !== "operational") continue;
    if (!worst || l.marginDb < worst.marginDb) worst = { linkId: l.linkId, marginDb: l.marginDb };
  }
  return {
    linksWithMargin: optics.operational.ok,
    linksEvaluated: optics.operational.links,
    minimumMarginDb: optics.requiredMarginDb,
    worst,
  };
}

/** Coverage per kecamatan within the headline target's scope, in the city's kecamatan order. */
function kecamatanShares(
  inventory: NetworkInventory,
  coverage: CoverageResult,
  headline: Target | undefined,
): KecamatanShare[] {
  const counts = new Map<string, { covered: number; total: number }>();
  if (headline) {
    // A coverage row carries the category and authority that scope a target: no site lookup.
    for (const row of coverage.sites) {
      if (!inTargetScope(row, headline)) continue;
      const c = counts.get(row.kecamatan) ?? { covered: 0, total: 0 };
      c.total++;
      if (row.covered) c.covered++;
      counts.set(row.kecamatan, c);
    }
  } else {
    for (const g of coverage.byKecamatan) counts.set(g.key, { covered: g.covered, total: g.inScope });
  }
  return inventory.city.kecamatan.map((k) => {
    const c = counts.get(k.id) ?? { covered: 0, total: 0 };
    return {
      key: k.id,
      label: k.name,
      centroid: k.centroid,
      covered: c.covered,
      total: c.total,
      ratio: c.total === 0 ? 0 : c.covered / c.total,
    };
  });
}

export function buildReportView(inventory: NetworkInventory, inputs: ReportInputs): ReportView {
  const { city } = inventory;
  const bySite = indexById(inventory.sites);
  const kecamatan = new Map(city.kecamatan.map((k) => [k.id, k.name]));
  // Kelurahan ids are unique across the city (the loader checks it).
  const kelurahan = new Map(city.kecamatan.flatMap((k) => k.kelurahan.map((l) => [l.id, l.name] as const)));
  const tenants = new Map(inventory.tenants.map((t) => [t.id, t.name]));
  return {
    ...buildReportSummary(inventory, inputs, bySite),
    sites: siteViews(inputs.coverage, bySite, {
      kecamatan: (id) => kecamatan.get(id),
      kelurahan: (id) => kelurahan.get(id),
      tenant: (id) => tenants.get(id),
    }),
    links: linkViews(inventory, inputs.optics, bySite),
    bridges: inputs.diversity?.bridges ?? [],
    cutVertices: inputs.diversity?.cutVertices ?? [],
  };
}

export function buildReportSummary(
  inventory: NetworkInventory,
  inputs: ReportInputs,
  bySite?: ReadonlyMap<string, Site>,
): ReportSummary {
  // The summary names only a few sites (single points of failure): without an index at hand, a
  // binary search in the sites sorted once, on the first name asked for, finds them.
  let sorted: readonly Site[] | undefined;
  const nameOf = (id: string): string | undefined => {
    if (bySite) return bySite.get(id)?.name;
    sorted ??= sortedById(inventory.sites);
    return findById(sorted, id)?.name;
  };
  const { city } = inventory;
  const { coverage, optics } = inputs;
  const kecamatan = new Map(city.kecamatan.map((k) => [k.id, k]));

  // The inventory lists targets in priority order: the first fiber-coverage target is the headline.
  const ratios = new Map(inventory.targets.map((t) => [t.id, t.ratio]));
  const headlineTarget = inventory.targets.find((t) => t.measure === "fiber-coverage");
  const targets = coverage.targets.map((t) => targetView(t, ratios.get(t.targetId) ?? 0));
  const order = new Map(inventory.targets.map((t, i) => [t.id, i]));
  targets.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const headline = targets.find((t) => t.id === headlineTarget?.id) ?? null;
  const headlineCoverage = coverage.targets.find((t) => t.targetId === headlineTarget?.id);

  const byCategory: GroupShare[] = headlineCoverage
    ? headlineCoverage.byCategory.map((c) => ({
        key: c.category,
        label: CATEGORY_LABEL[c.category],
        ...share(c),
      }))
    : coverage.byCategory.map((g) => ({
        key: g.key,
        label: CATEGORY_LABEL[g.key as Site["category"]] ?? g.key,
        ...share(g),
      }));

  const { asOf, illustrative } = provenanceOf(inventory);

  return {
    title: `Fiber coverage report: ${city.name}`,
    city: { name: city.name, code: city.code, timezone: city.timezone, bbox: city.bbox },
    asOf,
    illustrative,
    headline,
    targets,
    byCategory,
    byKecamatan: kecamatanShares(inventory, coverage, headlineTarget),
    kecamatan: city.kecamatan.map((k) => ({ id: k.id, name: k.name, centroid: k.centroid })),
    optics: optics ? opticsSummary(optics) : null,
    diversity: inputs.diversity ? diversitySummary(inputs.diversity, nameOf) : null,
    plan: inputs.plan
      ? planSteps(inputs.plan, headlineTarget?.id, (id) => kecamatan.get(id)?.name ?? id)
      : null,
  };
}
