// Recording rules for the roadmap's KPIs and the fiber trajectory alert.
//
// The trajectory is a straight line from 0 at the target's start (the first day of its roadmap
// phase) to the goal ratio at its deadline: a city that is below the line today will miss the
// deadline at its current pace. It is computed in PromQL from the start/deadline gauges, so it moves
// with time without the exporter having to.
import { M, R } from "../metric-names.ts";
import { forDuration, type RuleGroup, type RuleOptions } from "./types.ts";

export function kpiRules(options: RuleOptions): RuleGroup {
  return {
    name: "baubau-kpi",
    rules: [
      {
        record: R.fiberCoverage,
        expr: `max by (target, scope) (${M.fiberTargetCovered}) / max by (target, scope) (${M.fiberTargetInScope} > 0)`,
      },
      {
        record: R.fiberTrajectory,
        expr:
          `max by (target) (${M.fiberTargetGoal}) * clamp(` +
          `(time() - max by (target) (${M.fiberTargetStart})) / ` +
          `(max by (target) (${M.fiberTargetDeadline}) - max by (target) (${M.fiberTargetStart})), 0, 1)`,
      },
      {
        record: R.fiberBehind,
        expr:
          `ceil(${R.fiberTrajectory} * on (target) group_right max by (target, scope) (${M.fiberTargetInScope}))` +
          ` - on (target, scope) max by (target, scope) (${M.fiberTargetCovered})`,
      },
      {
        // The cluster's live Ready conditions when the exporter can read them, else the catalog.
        record: R.essentialPublicOnline,
        expr: `max(${M.essentialPublicOnline}{source="cluster"}) or max(${M.essentialPublicOnline}{source="catalog"})`,
      },
      { record: R.internalAdminDigitised, expr: `max(${M.internalAdminDigitised})` },
      { record: R.dcHeadroom, expr: `max by (class) (${M.dcHeadroom})` },
      { record: R.dcLevel, expr: `avg(max by (class) (${M.dcNPlusOne}))` },
      {
        alert: "FiberCoverageBehindTrajectory",
        expr: `${R.fiberCoverage}{scope="all"} < on (target) group_left ${R.fiberTrajectory}`,
        for: forDuration(6 * 3600, options),
        labels: { severity: "ticket", opd: options.networkOpd },
        annotations: {
          summary: "Fiber coverage of {{ $labels.target }} is behind the roadmap's trajectory",
          description:
            "{{ $labels.target }} covers {{ $value | humanizePercentage }} of its sites; at a steady pace to its deadline it should cover more today.",
        },
      },
    ],
  };
}
