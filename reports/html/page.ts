// The HTML report: one self-contained file (inline CSS and SVG, no scripts, no network), so it can be
// mailed, archived with a decision, or opened offline in a kecamatan office.

import { type FiberStatus, LINK_TIERS } from "../../model/types.ts";
import { escapeXml } from "../escape.ts";
import { db, percent, rupiahJuta } from "../format.ts";
import { targetLine } from "../target-line.ts";
import type { GroupShare, PlanStepView, ReportView, TargetView } from "../view.ts";
import { categoryChart, kecamatanChart, planCostChart, planCoverageChart } from "./charts.ts";
import { inDetails, renderTable } from "./data-table.ts";
import { renderLegend } from "./legend.ts";
import { renderMapSvg } from "./map-svg.ts";
import { STYLES } from "./styles.ts";

// Blocks every fetch: if a future edit adds an external resource, it fails visibly instead of leaking
// the reader's IP address or breaking offline.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// Lifecycle order, from what works today to what is gone: the order a reader scans for "how far along".
const LEGEND_STATUSES: FiberStatus[] = [
  "operational",
  "underConstruction",
  "planned",
  "proposed",
  "inactive",
  "decommissioned",
];

function card(value: string, label: string): string {
  return `<div class="card"><div class="value">${escapeXml(value)}</div><div class="label">${escapeXml(label)}</div></div>`;
}

function cards(view: ReportView): string {
  const out: string[] = [];
  const t = view.headline;
  if (t) {
    out.push(
      card(
        percent(t.achieved.ratio),
        `covered of ${t.achieved.total} in scope (target ${percent(t.ratio, 0)})`,
      ),
    );
    out.push(card(percent(t.withoutProvince.ratio), "without province-run sites"));
    out.push(card(String(t.gap), t.met ? "target met" : "more sites needed to reach the target"));
  }
  if (view.optics) {
    const o = view.optics;
    out.push(
      card(
        `${o.linksWithMargin}/${o.linksEvaluated}`,
        `operational links with at least ${db(o.minimumMarginDb)} margin`,
      ),
    );
  }
  if (view.diversity) {
    const d = view.diversity;
    out.push(
      card(`${d.pops.diverse}/${d.pops.total}`, "PoPs with two SRLG-disjoint paths to different cores"),
    );
    out.push(card(String(d.bridges + d.cutVertices), "single points of failure (links and nodes)"));
  }
  return `<div class="cards">${out.join("")}</div>`;
}

const shareColumns = [
  { header: "Covered", numeric: true, value: (g: GroupShare) => g.covered },
  { header: "In scope", numeric: true, value: (g: GroupShare) => g.total },
  { header: "Share", numeric: true, value: (g: GroupShare) => percent(g.ratio) },
];

function targetsTable(targets: readonly TargetView[]): string {
  return renderTable(
    "Coverage against each roadmap target",
    [
      { header: "Target", value: (t) => t.id },
      { header: "Scope", value: (t) => `${t.categories.join(", ")} (${t.authorities.join(", ")})` },
      { header: "Covered", numeric: true, value: (t) => `${t.achieved.covered}/${t.achieved.total}` },
      { header: "Share", numeric: true, value: (t) => percent(t.achieved.ratio) },
      { header: "Required", numeric: true, value: (t) => `${percent(t.ratio, 0)} by ${t.by}` },
      { header: "Gap", numeric: true, value: (t) => t.gap },
      { header: "Status", value: (t) => (t.met ? "met" : "not met") },
    ],
    targets,
  );
}

function planTable(plan: readonly PlanStepView[]): string {
  return renderTable(
    "Rollout plan steps",
    [
      { header: "#", numeric: true, value: (s) => s.order },
      { header: "Site", value: (s) => s.siteName },
      { header: "Kecamatan", value: (s) => s.kecamatanName },
      { header: "Cost", numeric: true, value: (s) => rupiahJuta(s.costRp) },
      { header: "Cumulative cost", numeric: true, value: (s) => rupiahJuta(s.cumulativeCostRp) },
      { header: "Coverage after", numeric: true, value: (s) => percent(s.cumulativeRatio) },
    ],
    plan,
  );
}

export function renderHtml(view: ReportView): string {
  const headlineClass = view.headline && !view.headline.met ? "headline not-met" : "headline";
  const banner = view.illustrative
    ? `<p class="banner" role="note"><strong>Illustrative data.</strong> Some locations, statuses or costs are estimates, not survey data; each record carries its source.</p>`
    : "";
  const plan =
    view.plan === null
      ? `<p>No rollout plan was computed for this report.</p>`
      : view.plan.length === 0
        ? `<p>Nothing left to connect: every in-scope site is covered.</p>`
        : `<div class="charts"><figure>${planCoverageChart(view, view.plan)}</figure><figure>${planCostChart(view.plan)}</figure></div>` +
          inDetails(`All ${view.plan.length} plan steps as a table`, planTable(view.plan));

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeXml(view.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<header>
<h1>${escapeXml(view.title)}</h1>
<p class="meta">${escapeXml(`${view.city.name} (${view.city.code}) · data as of ${view.asOf} · ${view.sites.length} sites, ${view.links.length} links`)}</p>
${banner}
<p class="${headlineClass}">${escapeXml(targetLine(view.headline))}</p>
</header>
${cards(view)}
<section aria-labelledby="map-heading">
<h2 id="map-heading">Map</h2>
<figure>
${renderMapSvg(view)}
<figcaption>Sites coloured by connection status; links by tier, dashed where planned or proposed. Hover a site or link for details.</figcaption>
</figure>
${renderLegend(LEGEND_STATUSES, [...LINK_TIERS])}
</section>
<section aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Coverage</h2>
<div class="charts">
<figure>${categoryChart(view)}${inDetails("Coverage by category as a table", renderTable("Coverage by category", [{ header: "Category", value: (g: GroupShare) => g.label }, ...shareColumns], view.byCategory))}</figure>
<figure>${kecamatanChart(view)}${inDetails("Coverage by kecamatan as a table", renderTable("Coverage by kecamatan", [{ header: "Kecamatan", value: (g: GroupShare) => g.label }, ...shareColumns], view.byKecamatan))}</figure>
</div>
<h3>Targets</h3>
${targetsTable(view.targets)}
</section>
<section aria-labelledby="plan-heading">
<h2 id="plan-heading">Rollout plan</h2>
${plan}
</section>
<footer>Generated from the inventory by the Baubau smart-city toolkit (scripts/coverage). A site counts as covered when its connection is operational fiber and an operational path of links joins it to a core.</footer>
</main>
</body>
</html>
`;
}
