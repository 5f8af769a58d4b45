// Tier-2 data-center alerts: a component class that is no longer N+1 (a unit failed or in
// maintenance and the rest no longer carry the demand with the largest one out), from the model's
// Tier II check that the exporter publishes per class.
import { M } from "../metric-names.ts";
import { forDuration, type RuleGroup, type RuleOptions } from "./types.ts";

export function datacenterRules(options: RuleOptions): RuleGroup {
  return {
    name: "baubau-datacenter",
    rules: [
      {
        alert: "DatacenterRedundancyLost",
        expr: `max by (class) (${M.dcNPlusOne}) == 0`,
        for: forDuration(0, options),
        labels: { severity: "page", opd: options.networkOpd },
        annotations: {
          summary: "Data-center class {{ $labels.class }} is no longer N+1",
          description:
            "With its largest operational unit out, {{ $labels.class }} no longer carries the demand: the next failure is an outage (Tier II needs N+1).",
        },
      },
      {
        alert: "DatacenterComponentDown",
        expr: `max by (component, class) (${M.dcComponentUp}) == 0`,
        for: forDuration(0, options),
        labels: { severity: "ticket", opd: options.networkOpd },
        annotations: {
          summary: "Data-center component {{ $labels.component }} ({{ $labels.class }}) is out",
          description: "{{ $labels.component }} is failed or in maintenance; its class may still be N+1.",
        },
      },
    ],
  };
}
