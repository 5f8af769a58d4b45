// The tables the terminal and Markdown reports share: one place decides their columns and cells,
// each renderer only decides how a table looks.
import { percent, rupiahJuta } from "./format.ts";
import type { PlanStepView, ReportSummary, Share } from "./view.ts";

export interface TableData {
  title: string;
  head: string[];
  rows: (string | number)[][];
}

const shareCells = (s: Share): string[] => [String(s.covered), String(s.total), percent(s.ratio)];

/** Targets, coverage by category and coverage by kecamatan, in that order. */
export function coverageTables(view: ReportSummary): TableData[] {
  const scope = view.headline?.id ?? "served sites";
  return [
    {
      title: "Targets",
      head: ["Target", "Covered", "In scope", "Share", "Required", "Gap", "Without province-run", "Status"],
      rows: view.targets.map((t) => [
        t.id,
        ...shareCells(t.achieved),
        percent(t.ratio, 0),
        t.gap,
        percent(t.withoutProvince.ratio),
        t.met ? "met" : "not met",
      ]),
    },
    {
      title: `Coverage by category (${scope})`,
      head: ["Category", "Covered", "In scope", "Share"],
      rows: view.byCategory.map((g) => [g.label, ...shareCells(g)]),
    },
    {
      title: `Coverage by kecamatan (${scope})`,
      head: ["Kecamatan", "Covered", "In scope", "Share"],
      rows: view.byKecamatan.map((g) => [g.label, ...shareCells(g)]),
    },
  ];
}

export const PLAN_HEAD = ["#", "Site", "Kecamatan", "Cost", "Cumulative cost", "Coverage after"];

export function planRows(steps: readonly PlanStepView[]): (string | number)[][] {
  return steps.map((s) => [
    s.order,
    s.siteName,
    s.kecamatanName,
    rupiahJuta(s.costRp),
    rupiahJuta(s.cumulativeCostRp),
    percent(s.cumulativeRatio),
  ]);
}
