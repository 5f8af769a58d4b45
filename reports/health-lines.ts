// Network-health sentences (optical margin, path diversity) worded once for every text output.
import { db } from "./format.ts";
import type { DiversitySummary, OpticsSummary } from "./view.ts";

export function opticsLine(o: OpticsSummary): string {
  const worst = o.worst ? `; worst ${o.worst.linkId} at ${db(o.worst.marginDb)}` : "";
  return `Optical margin: ${o.linksWithMargin}/${o.linksEvaluated} operational links keep at least ${db(o.minimumMarginDb)}${worst}.`;
}

export function diversityLine(d: DiversitySummary): string {
  return (
    `Path diversity: ${d.pops.diverse}/${d.pops.total} PoPs and ${d.sites.diverse}/${d.sites.total} connected sites ` +
    `have two SRLG-disjoint paths to different cores; single points of failure: ${d.bridges} links, ${d.cutVertices} nodes.`
  );
}

export function spofLines(d: DiversitySummary): string[] {
  return d.worst
    .filter((w) => w.sitesCutOff > 0)
    .map(
      (w) =>
        `${w.kind === "link" ? "Link" : "Node"} ${w.id} (${w.name}) cuts off ${w.sitesCutOff} site${w.sitesCutOff === 1 ? "" : "s"} if it fails.`,
    );
}
