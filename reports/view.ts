// The report view: the one shape every renderer reads. It is built once from the inventory and the
// analyses (view-from-analyses.ts), so renderers stay free of domain logic and agree on every figure.
import type { BridgeLink, CutVertex } from "../model/analyses/diversity.ts";
import type { MarginBand } from "../model/analyses/optical-loss.ts";
import type { Authority, BoundingBox, FiberStatus, LatLon, LinkTier, SiteCategory } from "../model/types.ts";

/** covered / total; ratio is 0 when there is nothing in scope, so charts never divide by zero. */
export interface Share {
  covered: number;
  total: number;
  ratio: number;
}

export interface SiteView {
  id: string;
  name: string;
  category: SiteCategory;
  authority: Authority;
  status: FiberStatus;
  covered: boolean;
  kecamatan: string;
  kecamatanName: string;
  kelurahanName?: string;
  tenantName?: string;
  /** School level (SD/SMP/SMA/SMK/SLB), schools only. */
  level?: string;
  location: LatLon;
  source: string;
  asOf: string;
  illustrative: boolean;
}

export interface LinkView {
  id: string;
  a: string;
  b: string;
  tier: LinkTier;
  status: FiberStatus;
  lengthKm: number;
  /** Total loss (dB) of the span, its budget, the margin left and its band; null when optics were
   * not computed. Every link has them, so an auditor can check each with another tool. */
  lossDb: number | null;
  budgetDb: number | null;
  marginDb: number | null;
  band: MarginBand | null;
  from: LatLon;
  to: LatLon;
}

export interface TargetView {
  id: string;
  phase?: string;
  /** Required share, 0..1. */
  ratio: number;
  by: string;
  categories: SiteCategory[];
  authorities: Authority[];
  achieved: Share;
  /** Sites still to connect to reach the ratio (0 when met). */
  gap: number;
  /** The same measure with province-run sites left out (SMA/SMK/SLB belong to Pemprov Sultra): what
   * stays is city-run, private and central sites, whichever of those the target includes. */
  withoutProvince: Share;
  met: boolean;
}

export interface GroupShare extends Share {
  key: string;
  label: string;
}

export interface KecamatanShare extends GroupShare {
  centroid: LatLon;
}

export interface OpticsSummary {
  linksWithMargin: number;
  linksEvaluated: number;
  minimumMarginDb: number;
  worst: { linkId: string; marginDb: number } | null;
}

export interface DiversitySummary {
  /** PoPs with two SRLG-disjoint paths to two different cores. */
  pops: { total: number; diverse: number };
  sites: { total: number; diverse: number };
  bridges: number;
  cutVertices: number;
  /** Single points of failure that cut off the most served sites, worst first. */
  worst: { kind: "link" | "site"; id: string; name: string; sitesCutOff: number }[];
}

export interface PlanStepView {
  order: number;
  siteId: string;
  siteName: string;
  kecamatanName: string;
  costRp: number;
  cumulativeCostRp: number;
  /** Coverage of the headline target after this step, 0..1. */
  cumulativeRatio: number;
}

/** Everything but the per-record rows: what the table and Markdown show, cheap at any scale. */
export interface ReportSummary {
  title: string;
  city: { name: string; code: string; timezone: string; bbox: BoundingBox };
  /** Latest provenance date in the inventory: the report describes the data as of then. */
  asOf: string;
  /** True when any record is an estimate rather than survey data. */
  illustrative: boolean;
  /** The target the headline figures and plan are measured against. */
  headline: TargetView | null;
  targets: TargetView[];
  byCategory: GroupShare[];
  byKecamatan: KecamatanShare[];
  kecamatan: { id: string; name: string; centroid: LatLon }[];
  optics: OpticsSummary | null;
  diversity: DiversitySummary | null;
  /** Steps in plan order; null when no plan was computed (an empty plan means nothing is left to do). */
  plan: PlanStepView[] | null;
}

/** The summary plus one row per site and per link, for the map, GeoJSON, JSON and exports, and every
 * single point of failure (the summary counts them and names the worst). */
export interface ReportView extends ReportSummary {
  sites: SiteView[];
  links: LinkView[];
  /** Every bridge of the operational network (empty when diversity was not computed). */
  bridges: BridgeLink[];
  /** Every cut vertex of the operational network (empty when diversity was not computed). */
  cutVertices: CutVertex[];
}
