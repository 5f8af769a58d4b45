// The report's four charts, specified from the view: what to plot and how to word it for a screen reader.
import { percent, rupiahJuta } from "../format.ts";
import type { PlanStepView, ReportView, Share } from "../view.ts";
import { renderBarChart } from "./bar-chart.ts";
import { renderLineChart } from "./line-chart.ts";

export function categoryChart(view: ReportView): string {
  const target = view.headline;
  const bars: { label: string; share: Share }[] = view.byCategory.map((g) => ({ label: g.label, share: g }));
  if (target) {
    bars.push({ label: "All in target scope", share: target.achieved });
    bars.push({ label: "Without province-run", share: target.withoutProvince });
  }
  return renderBarChart({
    id: "chart-category",
    title: "Fiber coverage by category",
    description:
      `Share of sites covered by operational fiber with a path to a core, per category` +
      (target ? `, against the ${percent(target.ratio, 0)} target due ${target.by}.` : "."),
    bars,
    target: target?.ratio ?? null,
  });
}

export function kecamatanChart(view: ReportView): string {
  return renderBarChart({
    id: "chart-kecamatan",
    title: "Fiber coverage by kecamatan",
    description: `Share of in-scope sites covered in each of the ${view.byKecamatan.length} kecamatan.`,
    bars: view.byKecamatan.map((g) => ({ label: g.label, share: g })),
    target: view.headline?.ratio ?? null,
  });
}

export function planCoverageChart(view: ReportView, plan: readonly PlanStepView[]): string {
  const start = view.headline?.achieved.ratio ?? 0;
  const points = [{ x: 0, y: start }, ...plan.map((s) => ({ x: s.order, y: s.cumulativeRatio }))];
  const end = points[points.length - 1]?.y ?? start;
  return renderLineChart({
    id: "chart-plan-coverage",
    title: "Rollout plan: cumulative coverage",
    description: `Coverage after each planned connection, from ${percent(start)} today to ${percent(end)} after ${plan.length} steps.`,
    xLabel: "Sites connected in plan order",
    yLabel: "Coverage",
    points,
    yMax: 1,
    formatY: (y) => percent(y, 0),
    ...(view.headline
      ? { target: { y: view.headline.ratio, label: `Target ${percent(view.headline.ratio, 0)}` } }
      : {}),
    colour: "#1b7837",
  });
}

export function planCostChart(plan: readonly PlanStepView[]): string {
  const points = [{ x: 0, y: 0 }, ...plan.map((s) => ({ x: s.order, y: s.cumulativeCostRp }))];
  const total = points[points.length - 1]?.y ?? 0;
  return renderLineChart({
    id: "chart-plan-cost",
    title: "Rollout plan: cumulative cost",
    description: `Estimated build cost accumulated over the plan, ${rupiahJuta(total)} in total.`,
    xLabel: "Sites connected in plan order",
    yLabel: "Cost (Rp juta)",
    points,
    yMax: total,
    formatY: (y) => (y / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 0 }),
    colour: "#542788",
  });
}
