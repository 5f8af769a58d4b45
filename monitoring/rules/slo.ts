// Multi-window, multi-burn-rate alerts on the Tier-2 availability objective (SRE workbook, ch. 5,
// "Alerting on SLOs", approach 6): page when 2% of a 30-day budget burns in an hour (1h and 5m
// windows at 14.4x) or 5% in six hours (6h/30m at 6x); ticket at 10% in a day (1d/2h at 3x) or
// 10% in three days (3d/6h at 1x). The short window makes the alert stop soon after the burn does.
//
// The SLI: the data center is available when its clusters' API servers answer Prometheus's scrapes
// (`up` of the kubernetes-apiservers job, one series per cluster). In the twin that is the only part
// of the data center that really runs; production can add its ingress probes to the same job.
import { JOB, R } from "../metric-names.ts";
import type { RuleGroup } from "./types.ts";

/** Uptime Tier II: about 22 hours of downtime a year. */
export const TIER2_AVAILABILITY_OBJECTIVE = 0.99741;

export const BURN_RATE_ALERTS = [
  { severity: "page", long: "1h", short: "5m", factor: 14.4 },
  { severity: "page", long: "6h", short: "30m", factor: 6 },
  { severity: "ticket", long: "1d", short: "2h", factor: 3 },
  { severity: "ticket", long: "3d", short: "6h", factor: 1 },
] as const;

export const SLO_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;

/** The error budget as a decimal literal (1 - 0.99741 in floating point prints 0.0025900000000000523). */
export function errorBudget(objective: number): string {
  return (1 - objective).toFixed(10).replace(/0+$/, "");
}

export function sloRules(objective = TIER2_AVAILABILITY_OBJECTIVE, networkOpd = "diskominfo"): RuleGroup {
  const budget = errorBudget(objective);
  const recording = SLO_WINDOWS.map((w) => ({
    record: R.sloErrors(w),
    expr: `1 - avg(avg_over_time(up{job="${JOB.apiservers}"}[${w}]))`,
  }));
  const alerts = (["page", "ticket"] as const).map((severity) => {
    const pairs = BURN_RATE_ALERTS.filter((a) => a.severity === severity);
    const expr = pairs
      .map(
        (p) =>
          `(${R.sloErrors(p.long)} > (${p.factor} * ${budget}) and ${R.sloErrors(p.short)} > (${p.factor} * ${budget}))`,
      )
      .join(" or ");
    return {
      alert: "Tier2ErrorBudgetBurn",
      expr,
      labels: { severity, opd: networkOpd, slo: "tier2-availability" },
      annotations: {
        summary: `The data center burns its Tier-2 error budget too fast (${severity})`,
        description:
          `Availability objective ${objective * 100}%: the error ratio is above ` +
          pairs.map((p) => `${p.factor}x the budget over ${p.long} and ${p.short}`).join(", or ") +
          ".",
      },
    };
  });
  return { name: "baubau-slo", rules: [...recording, ...alerts] };
}
