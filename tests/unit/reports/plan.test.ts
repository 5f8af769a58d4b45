import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../reports/html/page.ts";
import { renderTerminal } from "../../../reports/table.ts";
import { fixtureView } from "./fixture.ts";

describe("rollout plan in the report", () => {
  const view = fixtureView();
  const plan = view.plan ?? [];

  it("lists the steps that close the headline target, measured against that target", () => {
    // In scope: 2 schools (1 covered) and 1 puskesmas (not covered). 70% of each category needs both
    // uncovered sites, so the plan has two steps and ends at 3/3.
    expect(plan.map((s) => s.siteId).sort()).toEqual(["pkm-wolio", "sma-1-baubau"]);
    expect(plan.map((s) => s.order)).toEqual([1, 2]);
    expect(plan[0]?.cumulativeRatio).toBeCloseTo(2 / 3, 10);
    expect(plan[1]?.cumulativeRatio).toBe(1);
  });

  it("accumulates cost step by step", () => {
    let sum = 0;
    for (const step of plan) {
      expect(step.costRp).toBeGreaterThan(0);
      sum += step.costRp;
      expect(step.cumulativeCostRp).toBeCloseTo(sum, 0);
    }
  });

  it("draws the cumulative coverage and cost charts, with the target on the coverage chart", () => {
    const html = renderHtml(view);
    expect(html).toContain('id="chart-plan-coverage"');
    expect(html).toContain('id="chart-plan-cost"');
    const coverage = html.slice(
      html.indexOf('id="chart-plan-coverage"'),
      html.indexOf('id="chart-plan-cost"'),
    );
    expect(coverage).toContain("Target 70%");
    // One polyline vertex for today plus one per step.
    const points = coverage.match(/<polyline class="series" points="([^"]+)"/)?.[1]?.split(" ") ?? [];
    expect(points).toHaveLength(plan.length + 1);
  });

  it("prints the plan in the terminal with the total", () => {
    expect(renderTerminal(view)).toMatch(
      /Rollout plan \(first 2 of 2 steps; total Rp [\d.,]+ juta reaching 100\.0%\)/,
    );
  });

  it("says so when no plan was computed instead of claiming nothing is left", () => {
    const text = renderTerminal({ ...view, plan: null });
    expect(text).toContain("Rollout plan: not computed.");
    expect(renderHtml({ ...view, plan: null })).not.toContain("Nothing left to connect");
  });
});
